<?php

declare(strict_types=1);

namespace Ocop;

/**
 * The dossiers ("hồ sơ") of a province or campaign and their hash-chained event log.
 * $catalog (default: the embedded one; the registry keeps it alive) gives the editions; $campaign (array, JSON text, or the
 * id of an embedded campaign such as "hanoi-2021"; default none) pins edition, batches and
 * windows. Used by one thread (one request) at a time.
 */
final class Registry extends Handle
{
    /** The reports of report(); "recognised" and "overdue" need $asOf. */
    public const REPORTS = ['registrations', 'planned', 'results', 'candidates', 'recognised', 'overdue', 'progress'];

    public function __construct(?Catalog $catalog = null, string|array|null $campaign = null, ?string $log = null, ?string $expectedHead = null)
    {
        $campaignJson = Native::text(is_string($campaign) && !str_starts_with(ltrim($campaign), '{') ? Library::campaign($campaign) : $campaign);
        $cat = $catalog?->pointer();
        if ($log === null) {
            parent::__construct('ocop_registry*', 'ocop_registry_new', $cat, $campaignJson);
        } else {
            parent::__construct('ocop_registry*', 'ocop_registry_import_log', $cat, $campaignJson, $log, $expectedHead);
        }
    }

    /**
     * Rebuilds a registry by verifying and replaying an exported log; TamperedException names the
     * fault and the line when the chain (or the expected head) does not verify.
     */
    public static function importLog(string $log, ?Catalog $catalog = null, string|array|null $campaign = null, ?string $expectedHead = null): self
    {
        return new self($catalog, $campaign, $log, $expectedHead);
    }

    protected static function freeFunction(): string
    {
        return 'ocop_registry_free';
    }

    /**
     * Applies one event; returns the dossier's new state. A refused event throws
     * ForbiddenException, RuleViolationException, InvalidDocumentException, ... and changes nothing.
     */
    public function apply(string|array $event): array
    {
        return Native::callJson('ocop_registry_apply', $this->pointer(), Native::text($event));
    }

    /** One dossier's state; NotFoundException for an unknown id. */
    public function dossier(string $dossierId): array
    {
        return Native::callJson('ocop_registry_dossier', $this->pointer(), $dossierId);
    }

    /** Every dossier's state, in id order. */
    public function dossiers(): array
    {
        return Native::callJson('ocop_registry_dossiers', $this->pointer())['dossiers'];
    }

    /** The event log as JSON lines. */
    public function exportLog(): string
    {
        return Native::callString('ocop_registry_export_log', $this->pointer());
    }

    /** The hash of the last log entry; keep it apart from the log to detect truncation on import. */
    public function logHead(): string
    {
        return Native::callString('ocop_registry_log_head', $this->pointer());
    }

    /** A report (one of REPORTS); $asOf ("YYYY-MM-DD" or a date) for "recognised" and "overdue". */
    public function report(string $name, string|\DateTimeInterface|null $asOf = null): array
    {
        return Native::callJson('ocop_registry_report', $this->pointer(), $name, self::day($asOf));
    }

    /**
     * Campaign analytics of the councils the log records, each round rebuilt from its members'
     * scorecards; $level keeps one level's rounds, $analysis sets the thresholds.
     */
    public function analytics(?string $level = null, ?array $analysis = null): array
    {
        $options = array_filter(['level' => $level, 'analysis' => $analysis], fn ($v) => $v !== null);
        return Native::callJson('ocop_registry_analytics', $this->pointer(), $options === [] ? null : Native::text($options));
    }
}
