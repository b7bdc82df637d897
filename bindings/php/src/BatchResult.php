<?php

declare(strict_types=1);

namespace Ocop;

/** The scores of a batch: one total, star count and outcome per row, in row order. */
final class BatchResult
{
    /** Outcome names by OCOP_OUTCOME_* value. */
    public const OUTCOMES = ['evaluated', 'eliminated', 'evaluation_stopped'];

    /**
     * @param list<int> $totals
     * @param list<int> $stars
     * @param list<string> $outcomes one of OUTCOMES per row
     */
    public function __construct(public readonly array $totals, public readonly array $stars, public readonly array $outcomes)
    {
    }

    public function count(): int
    {
        return count($this->totals);
    }
}
