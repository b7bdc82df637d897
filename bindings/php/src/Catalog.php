<?php

declare(strict_types=1);

namespace Ocop;

/**
 * Editions of the rules ("bộ tiêu chí") and their product sets' score sheets.
 * `new Catalog()` is empty; Catalog::embedded() holds the editions shipped with the library.
 * Documents go in as arrays or JSON text and come out as arrays. May be read from several
 * threads; addEdition() and addSet() need exclusive use.
 */
final class Catalog extends Handle
{
    public function __construct(bool $embedded = false)
    {
        parent::__construct('ocop_catalog*', $embedded ? 'ocop_catalog_new_embedded' : 'ocop_catalog_new');
    }

    /** The editions shipped with the library (1048-781). */
    public static function embedded(): self
    {
        return new self(true);
    }

    protected static function freeFunction(): string
    {
        return 'ocop_catalog_free';
    }

    /** Loads, validates and adds (or replaces) an edition document; the catalog is unchanged on error. */
    public function addEdition(string|array $edition): void
    {
        Native::check(Native::ffi()->ocop_catalog_add_edition($this->pointer(), Native::text($edition)));
    }

    /** Validates a product set document against an edition and adds (or replaces) it. */
    public function addSet(string $editionId, string|array $productSet): void
    {
        Native::check(Native::ffi()->ocop_catalog_add_set($this->pointer(), $editionId, Native::text($productSet)));
    }

    /** Edition summaries (metadata, bands, levels, set ids). */
    public function editions(): array
    {
        return Native::callJson('ocop_catalog_editions', $this->pointer());
    }

    /** One edition's summary. */
    public function edition(string $editionId): array
    {
        return Native::callJson('ocop_catalog_edition', $this->pointer(), $editionId);
    }

    /** The id of the edition in force on a date ("YYYY-MM-DD" or a DateTimeInterface). */
    public function inForce(string|\DateTimeInterface $date): string
    {
        return Native::callString('ocop_catalog_in_force', $this->pointer(), self::day($date));
    }

    /** The product sets of an edition: ['id','code','name','industry','group','status','criteria'] each. */
    public function sets(string $editionId): array
    {
        return Native::callJson('ocop_catalog_sets', $this->pointer(), $editionId);
    }

    /** One product set with its whole score sheet (catalog format). */
    public function set(string $editionId, string $setId): array
    {
        return Native::callJson('ocop_catalog_set', $this->pointer(), $editionId, $setId);
    }

    /** Scores one scorecard; returns the result with its explanation. */
    public function score(string|array $scorecard): array
    {
        return Native::callJson('ocop_scorecard_score', $this->pointer(), Native::text($scorecard));
    }

    /** Scores and aggregates a council ['policy' => [...], 'scorecards' => [...]]. */
    public function evaluateCouncil(string|array $council): array
    {
        return Native::callJson('ocop_council_evaluate', $this->pointer(), Native::text($council));
    }

    /**
     * What lifts a product a star: ['scorecard' => [...]] or ['council' => [...]], with the optional
     * 'target', 'alternatives' and 'weights'; returns the ranked plans (docs/scoring.md).
     */
    public function advise(string|array $request): array
    {
        return Native::callJson('ocop_advise', $this->pointer(), Native::text($request));
    }

    /** The consistency of a council ['policy' => ..., 'scorecards' => [...], 'analysis' => [...]] (docs/scoring.md). */
    public function analyseCouncil(string|array $council): array
    {
        return Native::callJson('ocop_council_analyse', $this->pointer(), Native::text($council));
    }

    /** Campaign analytics over ['analysis' => ..., 'councils' => [['id', 'industry', 'scorecards'], ...]]. */
    public function campaignAnalytics(string|array $councils): array
    {
        return Native::callJson('ocop_campaign_analytics', $this->pointer(), Native::text($councils));
    }

    /** The compiled sheet of a set, for batch scoring. */
    public function sheet(string $editionId, string $setId): Sheet
    {
        return new Sheet($this, $editionId, $setId);
    }
}
