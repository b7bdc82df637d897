<?php

declare(strict_types=1);

namespace Ocop\Tests;

use Ocop\Catalog;
use Ocop\Exception;
use PHPUnit\Framework\TestCase;

final class ScoringTest extends TestCase
{
    private Catalog $cat;

    protected function setUp(): void
    {
        $this->cat = Catalog::embedded();
    }

    public function testAScorecardGivesAResultWithItsExplanation(): void
    {
        $result = $this->cat->score(Fixtures::card());
        $this->assertSame('evaluated', $result['outcome']);
        $this->assertSame(100, $result['max_total']);
        $this->assertSame($result['total'], array_sum(array_column($result['criteria'], 'points')));
        $this->assertSame($result, $this->cat->score(json_encode(Fixtures::card())), 'JSON text works too');
    }

    public function testBadAnswersNameTheirJsonPath(): void
    {
        try {
            $this->cat->score(Fixtures::card('m1', ['1.1' => 'z']));
            $this->fail('no exception');
        } catch (Exception\InvalidScorecardException $e) {
            $this->assertSame(-9, $e->getCode());
            $this->assertContains(['path' => '/answers/1.1', 'message' => 'level "z" is not a level of criterion 1.1'], $e->getProblems());
            $this->assertStringContainsString('/answers/1.1', $e->getMessage());
        }
        $this->assertThrowsStatus(Exception\InvalidDocumentException::class, fn () => $this->cat->score(['set' => 1]));
        $this->assertThrowsStatus(Exception\UnavailableException::class,
            fn () => $this->cat->score(['edition' => '148', 'set' => 'gao-ngu-coc', 'answers' => new \stdClass()]));
    }

    public function testACouncilAggregatesItsMembers(): void
    {
        $council = ['policy' => ['minimum_members' => 3],
            'scorecards' => [Fixtures::card('a'), Fixtures::card('b', ['6.2' => 'd']), Fixtures::card('c')]];
        $result = $this->cat->evaluateCouncil($council);
        $this->assertCount(3, $result['members']);
        $this->assertContains($result['stars'], range(0, 5));
        try {
            $this->cat->evaluateCouncil(['scorecards' => [Fixtures::card()]]);
            $this->fail('no exception');
        } catch (Exception\InvalidCouncilException $e) {
            $this->assertStringContainsString('minimum_members', $e->getMessage());
        }
    }

    public function testAdviceRanksTheImprovementsThatLiftAStar(): void
    {
        $card = Fixtures::card();
        $now = $this->cat->score($card);
        $target = min(5, $now['stars'] + 1);
        $advice = $this->cat->advise(['scorecard' => $card, 'target' => $target, 'alternatives' => 2]);
        $this->assertSame($target, $advice['target_stars']);
        if ($now['stars'] >= $target) {
            $this->assertSame('already_met', $advice['status']);
        } else {
            $this->assertSame('reachable', $advice['status']);
            $this->assertLessThanOrEqual(2, count($advice['plans']));
            $this->assertGreaterThanOrEqual($target, $advice['plans'][0]['stars']);
        }
        $this->assertThrowsStatus(Exception\InvalidDocumentException::class, fn () => $this->cat->advise(['scorecard' => $card, 'target' => 9]));
    }

    /** @param class-string<\Throwable> $class */
    private function assertThrowsStatus(string $class, callable $call): void
    {
        try {
            $call();
        } catch (Exception\OcopException $e) {
            $this->assertInstanceOf($class, $e, $e->getMessage());
            return;
        }
        $this->fail("expected $class");
    }
}
