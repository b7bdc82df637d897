<?php

declare(strict_types=1);

namespace Ocop;

use FFI;
use Ocop\Exception\InvalidArgumentException;

/**
 * A score sheet compiled for batch scoring: rows of level indices in, totals and stars out, in
 * one C call. A row is a binary string of `slots` bytes (or a list of `slots` integers), one
 * option index per criterion in sheet order, Sheet::NO_ANSWER for none. Independent of the
 * catalog once built; read-only.
 */
final class Sheet extends Handle
{
    /** The level index meaning "no answer / not applicable" (OCOP_NO_ANSWER). */
    public const NO_ANSWER = 255;

    /** The length of one row. */
    public readonly int $slots;
    private ?array $layout = null;

    public function __construct(Catalog $catalog, string $editionId, string $setId)
    {
        parent::__construct('ocop_sheet*', 'ocop_sheet_new', $catalog->pointer(), $editionId, $setId);
        $slots = Native::ffi()->new('size_t');
        Native::check(Native::ffi()->ocop_sheet_slots($this->pointer(), FFI::addr($slots)));
        $this->slots = $slots->cdata;
    }

    protected static function freeFunction(): string
    {
        return 'ocop_sheet_free';
    }

    /** ['edition','set','status','no_answer','max_total','slots' => [['criterion','options' => [...]]]]. */
    public function layout(): array
    {
        return $this->layout ??= Native::callJson('ocop_sheet_layout', $this->pointer());
    }

    /** @return list<string> the criterion id of each slot, in row order */
    public function criteria(): array
    {
        return array_column($this->layout()['slots'], 'criterion');
    }

    /** @return array{0: int, 1: int} [slot, index] of an answer; NotFoundException for an unknown criterion or level */
    public function optionIndex(string $criterion, string $level, ?string $case = null): array
    {
        $ffi = Native::ffi();
        $slot = $ffi->new('size_t');
        $index = $ffi->new('uint8_t');
        Native::check($ffi->ocop_sheet_option_index($this->pointer(), $criterion, $case, $level, FFI::addr($slot), FFI::addr($index)));
        return [$slot->cdata, $index->cdata];
    }

    /**
     * A row (binary string) from answers as in a scorecard: ['1.1' => 'c', '3.2' => ['case' => '1', 'level' => 'b']].
     * Criteria left out get NO_ANSWER.
     */
    public function row(array $answers): string
    {
        $row = str_repeat(chr(self::NO_ANSWER), $this->slots);
        foreach ($answers as $criterion => $answer) {
            [$case, $level] = is_array($answer) ? [$answer['case'] ?? null, $answer['level'] ?? ''] : [null, $answer];
            [$slot, $index] = $this->optionIndex((string) $criterion, $level, $case);
            $row[$slot] = chr($index);
        }
        return $row;
    }

    /**
     * Scores many scorecards in one C call. $rows is a list of rows (binary strings or lists of
     * integers) or one binary string of n x slots bytes. InvalidScorecardException names the
     * first bad row and criterion ("/scorecards/<row>/answers/<criterion>").
     */
    public function score(string|array $rows): BatchResult
    {
        $flat = is_string($rows) ? $rows : $this->flatten($rows);
        if ($this->slots === 0 || strlen($flat) % $this->slots !== 0) {
            throw $this->badArgument(sprintf('expected a multiple of %d level indices, found %d', $this->slots, strlen($flat)));
        }
        $count = intdiv(strlen($flat), $this->slots);
        if ($count === 0) {
            return new BatchResult([], [], []);
        }
        $ffi = Native::ffi();
        $levels = $ffi->new("uint8_t[" . strlen($flat) . "]");
        FFI::memcpy($levels, $flat, strlen($flat));
        $totals = $ffi->new("int32_t[$count]");
        $stars = $ffi->new("int32_t[$count]");
        $outcomes = $ffi->new("uint8_t[$count]");
        Native::check($ffi->ocop_sheet_score($this->pointer(), $levels, $count, $totals, $stars, $outcomes));
        return new BatchResult(
            array_values(unpack('l*', FFI::string($totals, 4 * $count))),
            array_values(unpack('l*', FFI::string($stars, 4 * $count))),
            array_map(static fn (int $o): string => BatchResult::OUTCOMES[$o], array_values(unpack('C*', FFI::string($outcomes, $count)))),
        );
    }

    private function flatten(array $rows): string
    {
        $flat = '';
        foreach (array_values($rows) as $i => $row) {
            if (!is_string($row)) {
                foreach ($row as $index) {
                    if (!is_int($index) || $index < 0 || $index > 255) {
                        throw $this->badArgument(sprintf('row %d: a level index is an integer from 0 to 255, found %s', $i, var_export($index, true)));
                    }
                }
            }
            $bytes = is_string($row) ? $row : pack('C*', ...$row);
            if (strlen($bytes) !== $this->slots) {
                throw $this->badArgument(sprintf('row %d has %d level indices, expected %d', $i, strlen($bytes), $this->slots));
            }
            $flat .= $bytes;
        }
        return $flat;
    }

    private function badArgument(string $message): InvalidArgumentException
    {
        return new InvalidArgumentException($message, -1, 'OCOP_E_INVALID_ARGUMENT');
    }
}
