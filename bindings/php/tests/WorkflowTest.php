<?php

declare(strict_types=1);

namespace Ocop\Tests;

use Ocop\Exception;
use Ocop\Library;
use Ocop\Registry;
use PHPUnit\Framework\TestCase;

final class WorkflowTest extends TestCase
{
    public function testADossierGoesFromRegistrationToACertificate(): void
    {
        $reg = new Registry();
        $states = array_map([$reg, 'apply'], Fixtures::toCertificate('HN-001'));
        $this->assertSame(['draft', '1048-781'], [$states[0]['phase'], $states[0]['edition']]);
        $this->assertSame('72.40', end($states[2]['results'])['mean_display']);
        $final = $reg->dossier('HN-001');
        $this->assertEquals(end($states), $final);
        $this->assertSame(4, end($final['certificates'])['stars']);
        $this->assertSame(['HN-001'], array_map(static fn (array $d): string => $d['dossier']['id'], $reg->dossiers()));
        $this->expectException(Exception\NotFoundException::class);
        $reg->dossier('HN-999');
    }

    public function testAStringWithANulIsAValueError(): void
    {
        $reg = new Registry();
        $reg->apply(Fixtures::toCertificate('HN-001')[0]);
        try {
            $reg->dossier("HN-001\0zzz");
            $this->fail('a dossier id with a NUL was accepted');
        } catch (\ValueError $e) {
            $this->assertStringContainsString('NUL character at byte 6', $e->getMessage());
        }
        $this->expectException(\ValueError::class);
        Library::verifyLog($reg->exportLog(), $reg->logHead() . "\0xx");
    }

    public function testRefusedEventsChangeNothingAndSayWhy(): void
    {
        $reg = new Registry();
        $reg->apply(Fixtures::toCertificate('HN-001')[0]);
        $head = $reg->logHead();
        $refused = [
            [Exception\ForbiddenException::class, Fixtures::event('submitted', 'province_council', '2021-09-02', ['documents' => []])],
            [Exception\RuleViolationException::class, Fixtures::event('certificate_issued', 'province_people_committee', '2021-09-03',
                ['number' => 'GCN-1', 'issued_on' => '2021-09-03'])],
            [Exception\InvalidDocumentException::class, Fixtures::event('council_result', 'district_council', '2021-09-20', Fixtures::council(1, 362, '5', 4))],
            [Exception\InvalidJsonException::class, '{'],
        ];
        foreach ($refused as [$class, $event]) {
            try {
                $reg->apply($event);
                $this->fail("$class: no exception");
            } catch (Exception\OcopException $e) {
                $this->assertInstanceOf($class, $e, $e->getMessage());
                if ($e instanceof Exception\InvalidDocumentException) {
                    $this->assertContains('/payload/mean/denominator', $e->getPaths());
                }
            }
        }
        $this->assertSame($head, $reg->logHead());
        $this->assertSame(1, $reg->dossier('HN-001')['events']);
    }

    public function testTheLogExportsVerifiesReplaysAndDetectsTampering(): void
    {
        $reg = new Registry();
        foreach ([...Fixtures::toCertificate('HN-001'), ...array_slice(Fixtures::toCertificate('HN-002'), 0, 3)] as $event) {
            $reg->apply($event);
        }
        [$log, $head, $dossiers] = [$reg->exportLog(), $reg->logHead(), $reg->dossiers()];
        $reg->close();
        $this->assertCount(13, explode("\n", rtrim($log, "\n")));
        $verdict = Library::verifyLog($log, $head);
        $this->assertSame([true, 'intact'], [$verdict['ok'], $verdict['fault']]);
        $again = Registry::importLog($log, null, null, $head);
        $this->assertEquals($dossiers, $again->dossiers());
        $this->assertSame($log, $again->exportLog());
        $edited = str_replace('GCN-HN-001', 'GCN-HN-666', $log);
        $this->assertSame([false, 'edited'], array_values(array_intersect_key(Library::verifyLog($edited), ['ok' => 0, 'fault' => 0])));
        $truncated = implode("\n", array_slice(explode("\n", rtrim($log, "\n")), 0, -1)) . "\n";
        $this->assertSame('truncated', Library::verifyLog($truncated, $head)['fault']);
        foreach ([[$edited, null], [$truncated, $head]] as [$tampered, $expectedHead]) {
            try {
                Registry::importLog($tampered, null, null, $expectedHead);
                $this->fail('no exception');
            } catch (Exception\TamperedException $e) {
                $this->assertSame(-13, $e->getCode());
            }
        }
        try {
            Library::verifyLog("{\n");
            $this->fail('no exception');
        } catch (Exception\InvalidDocumentException $e) {
            $this->assertSame('/0', $e->getPaths()[0]);
        }
    }

    public function testPureApplyMatchesTheRegistry(): void
    {
        $events = array_slice(Fixtures::toCertificate('HN-001'), 0, 3);
        $reg = new Registry();
        $state = null;
        foreach ($events as $event) {
            $state = Library::applyEvent($state, $event);
            $expected = $reg->apply($event);
        }
        $this->assertEquals($expected, $state);
        $this->expectException(Exception\OcopException::class);
        Library::applyEvent(null, $events[1]);
    }

    public function testACampaignPinsItsEditionAndBatchesAndReportsFollowIt(): void
    {
        $hanoi = Library::campaign('hanoi-2021');
        $this->assertSame('220/KH-UBND', $hanoi['plan']);
        Library::validateCampaign($hanoi);
        try {
            Library::validateCampaign(['batches' => '1'] + $hanoi);
            $this->fail('no exception');
        } catch (Exception\InvalidDocumentException $e) {
            $this->assertNotEmpty($e->getProblems());
        }
        $reg = new Registry(null, 'hanoi-2021');
        try {
            $reg->apply(Fixtures::toCertificate('HN-001', '9')[0]);
            $this->fail('no exception');
        } catch (Exception\InvalidDocumentException $e) {
            $this->assertSame('/payload/batch', $e->getPaths()[0]);
            $this->assertStringContainsString('expected a batch of campaign hanoi-2021', $e->getMessage());
        }
        $reg->apply(Fixtures::toCertificate('HN-001', '1')[0]);
        $this->assertSame(1, $reg->report('registrations')['total']);
        $this->assertSame(541, $reg->report('planned')['total'], "Hanoi's plan: 541 products");
        $this->assertSame(1, $reg->report('progress')[0]['dossiers']);
        $this->assertIsArray($reg->report('overdue', new \DateTimeImmutable('2022-01-01')));
        $this->expectException(Exception\InvalidArgumentException::class);
        $reg->report('overdue');
    }

    public function testProceduresAndReportsOverCertifiedProducts(): void
    {
        $this->assertSame(['district', 'province'], array_slice(array_column(Library::procedure('1048-781')['levels'], 'id'), 0, 2));
        $reg = new Registry();
        array_map([$reg, 'apply'], Fixtures::toCertificate('HN-001'));
        $recognised = $reg->report('recognised', '2022-01-01');
        $this->assertSame([['HN-001', 4, true]], array_map(static fn (array $r): array => [$r['dossier'], $r['stars'], $r['valid']], $recognised));
        $this->assertSame(1, $reg->report('results')['by_district']['total']);
        $this->assertSame([], $reg->report('candidates'));
        foreach (['planned', 'gossip'] as $missing) {
            try {
                $reg->report($missing);
                $this->fail("$missing: no exception");
            } catch (Exception\NotFoundException $e) {
                $this->assertSame('OCOP_E_NOT_FOUND', $e->getErrorName());
            }
        }
        try {  // the councils of this path were entered from paper: no scorecards to analyse
            $reg->analytics('province', ['member_deviation_limit' => 5]);
            $this->fail('analytics: no exception');
        } catch (Exception\NotFoundException $e) {
            $this->assertStringContainsString('results entered from paper', $e->getMessage());
        }
        $this->expectException(Exception\NotFoundException::class);
        Library::procedure('2050');
    }
}
