<?php

declare(strict_types=1);

namespace Ocop\Tests;

/** Scorecards and workflow events shared by the tests (the same as the Python tests'). */
final class Fixtures
{
    public const EDITION = '1048-781';
    public const SET = 'rau-cu-qua-hat-tuoi';
    public const ANSWERS = [
        '1.1' => 'c', '1.2' => 'b', '1.3' => 'c', '1.4' => 'b', '1.5' => 'c', '1.6' => 'b', '2.1' => 'd', '2.2' => 'c',
        '2.3' => 'b', '3.1' => 'c', '3.2' => ['case' => '1', 'level' => 'b'], '3.3' => 'b', '3.4' => 'b', '3.5' => 'b',
        '4.1' => 'c', '4.2' => 'c', '4.3' => 'c', '5.1' => 'd', '5.2' => 'd', '5.3' => 'b', '6.1' => 'c', '6.2' => 'e',
        '6.3' => 'c', '6.4' => 'c', '6.5' => 'b', '7' => 'b', '8' => 'c', '9.1' => 'c', '9.2' => 'd', '10' => 'd', '11' => 'a',
    ];

    /** The source tree's root (bindings/php/tests/../../..). */
    public static function root(): string
    {
        return dirname(__DIR__, 3);
    }

    public static function card(string $evaluator = 'm1', array $changes = []): array
    {
        return ['edition' => self::EDITION, 'set' => self::SET, 'evaluator' => $evaluator, 'answers' => array_replace(self::ANSWERS, $changes)];
    }

    public static function event(string $type, string $role, string $day, array $payload, string $dossier = 'HN-001'): array
    {
        return ['type' => $type, 'dossier' => $dossier, 'actor' => "actor-$role", 'role' => $role, 'at' => "{$day}T09:00:00+07:00",
            'payload' => $payload, 'reason' => 'as decided'];
    }

    public static function product(string $id): array
    {
        return ['id' => $id, 'product_name' => "Bưởi $id", 'subject' => ['name' => "HTX $id", 'kind' => 'cooperative'],
            'province' => 'Hà Nội', 'district' => 'Ba Vì', 'industry' => 'food', 'set' => self::SET,
            'documents' => ['doc-01', 'doc-02', 'doc-03', 'doc-04', 'doc-05']];
    }

    public static function council(int $round, int $numerator, int|string $denominator, int $stars): array
    {
        return ['round' => $round, 'mean' => ['numerator' => $numerator, 'denominator' => $denominator], 'stars' => $stars, 'members' => 5];
    }

    /** The 1048-781 path of a dossier from registration to a 4-star province certificate. */
    public static function toCertificate(string $id, ?string $batch = null): array
    {
        $registered = ['dossier' => self::product($id)] + ($batch === null ? [] : ['batch' => $batch]);
        return [
            self::event('registered', 'subject', '2021-09-01', $registered, $id),
            self::event('submitted', 'subject', '2021-09-02', ['documents' => []], $id),
            self::event('council_result', 'district_council', '2021-09-20', self::council(1, 362, 5, 4), $id),
            self::event('forwarded', 'district_people_committee', '2021-10-05', ['to' => 'province'], $id),
            self::event('appraisal_result', 'advisory_group', '2021-10-12', ['outcome' => 'accepted', 'field_inspection' => true, 'missing' => []], $id),
            self::event('council_result', 'province_council', '2021-10-18', self::council(1, 4400, 50, 4), $id),
            self::event('council_result', 'province_council', '2021-10-27', self::council(2, 440, 5, 4), $id),
            self::event('recognition_proposed', 'coordination_office', '2021-11-01', ['stars' => 4], $id),
            self::event('decision_recorded', 'province_people_committee', '2021-12-10',
                ['number' => '5678/QĐ-UBND', 'signed_on' => '2021-12-10', 'signer' => 'Chủ tịch UBND TP'], $id),
            self::event('certificate_issued', 'province_people_committee', '2021-12-15', ['number' => "GCN-$id", 'issued_on' => '2021-12-15'], $id),
        ];
    }
}
