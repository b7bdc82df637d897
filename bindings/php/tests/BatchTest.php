<?php

declare(strict_types=1);

namespace Ocop\Tests;

use Ocop\BatchResult;
use Ocop\Catalog;
use Ocop\Exception;
use Ocop\Sheet;
use PHPUnit\Framework\TestCase;

final class BatchTest extends TestCase
{
    private Catalog $cat;
    private Sheet $sheet;

    protected function setUp(): void
    {
        $this->cat = Catalog::embedded();
        $this->sheet = $this->cat->sheet(Fixtures::EDITION, Fixtures::SET);
    }

    public function testBatchTotalsMatchJsonScoring(): void
    {
        $variants = [Fixtures::card(), Fixtures::card('m1', ['6.2' => 'd']), Fixtures::card('m1', ['8' => 'b', '1.1' => 'a']),
            Fixtures::card('m1', ['3.2' => ['case' => '2', 'level' => 'c']])];
        $result = $this->sheet->score(array_map(fn (array $v): string => $this->sheet->row($v['answers']), $variants));
        $this->assertSame(array_map(fn (array $v): int => $this->cat->score($v)['total'], $variants), $result->totals);
        $this->assertSame(array_fill(0, 4, 'evaluated'), $result->outcomes);
        foreach ($variants as $i => $v) {
            $council = $this->cat->evaluateCouncil(['policy' => ['minimum_members' => 1], 'scorecards' => [$v]]);
            $this->assertSame($council['stars'], $result->stars[$i]);
        }
    }

    public function testManyRowsInOneCallFromABinaryStringOrLists(): void
    {
        $row = $this->sheet->row(Fixtures::ANSWERS);
        $flat = $this->sheet->score(str_repeat($row, 10000));
        $this->assertSame(10000, $flat->count());
        $this->assertCount(1, array_unique($flat->totals));
        $this->assertEquals($flat, $this->sheet->score(array_fill(0, 10000, array_values(unpack('C*', $row)))));
        $this->assertEquals(new BatchResult([], [], []), $this->sheet->score([]));
    }

    public function testLayoutDescribesSlotsAndOptions(): void
    {
        $layout = $this->sheet->layout();
        $this->assertCount($this->sheet->slots, $layout['slots']);
        $this->assertSame(Sheet::NO_ANSWER, $layout['no_answer']);
        $this->assertSame('1.1', $this->sheet->criteria()[0]);
        [$slot, $index] = $this->sheet->optionIndex('3.2', 'c', '2');
        $option = $layout['slots'][$slot]['options'][$index];
        $this->assertSame(['2', 'c'], [$option['case'], $option['level']]);
        $this->expectException(Exception\NotFoundException::class);
        $this->sheet->optionIndex('3.2', 'b', '9');
    }

    public function testBadRowsNameTheScorecardAndTheCriterion(): void
    {
        $good = $this->sheet->row(Fixtures::ANSWERS);
        $bad = $good;
        $bad[3] = chr(77);
        try {
            $this->sheet->score([$good, $good, $bad]);
            $this->fail('no exception');
        } catch (Exception\InvalidScorecardException $e) {
            $this->assertStringContainsString('scorecard 2, criterion 1.4', $e->getMessage());
            $this->assertSame('/scorecards/2/answers/1.4', $e->getPaths()[0]);
        }
        foreach ([substr($good, 0, -1), [substr($good, 0, -1)], [array_fill(0, $this->sheet->slots, 256)]] as $wrong) {
            try {
                $this->sheet->score($wrong);
                $this->fail('no exception');
            } catch (Exception\InvalidArgumentException $e) {
                $this->assertSame('OCOP_E_INVALID_ARGUMENT', $e->getErrorName());
            }
        }
    }

    public function testASetWithoutASheetCannotBeCompiled(): void
    {
        $this->expectException(Exception\UnavailableException::class);
        $this->cat->sheet('148', 'gao-ngu-coc'); // 148: only the fresh-produce sheet is known
    }
}
