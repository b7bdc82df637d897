<?php

declare(strict_types=1);

namespace Ocop;

/**
 * The functions of the library that need no handle: versions, embedded campaigns and procedures,
 * validation, log verification and the pure workflow apply.
 */
final class Library
{
    /** The ABI major version these bindings need (checked when the library is loaded). */
    public const ABI_VERSION = Native::ABI_VERSION;

    /** The version of the loaded libocop ("0.1.0"). */
    public static function version(): string
    {
        return Native::ffi()->ocop_version();
    }

    /** The ABI version of the loaded libocop. */
    public static function abiVersion(): int
    {
        return Native::ffi()->ocop_abi_version();
    }

    /** The path (or name) libocop was loaded from. */
    public static function libraryPath(): string
    {
        return Native::path();
    }

    /** Validates an edition document; InvalidDocumentException or InvalidJsonException lists every problem with its path. */
    public static function validateEdition(string|array $edition): void
    {
        Native::check(Native::ffi()->ocop_catalog_validate_edition(Native::text($edition)));
    }

    /** A campaign shipped with the library ("hanoi-2021"). */
    public static function campaign(string $campaignId): array
    {
        return Native::callJson('ocop_campaign_embedded', $campaignId);
    }

    /** Validates a campaign document; InvalidDocumentException lists every problem with its path. */
    public static function validateCampaign(string|array $campaign): void
    {
        Native::check(Native::ffi()->ocop_campaign_validate(Native::text($campaign)));
    }

    /** The procedure of an edition ("1048-781", "148", "148-1489"): levels, roles per event, rounds, thresholds, sources. */
    public static function procedure(string $editionId): array
    {
        return Native::callJson('ocop_procedure_embedded', $editionId);
    }

    /** Verifies an exported log without replaying it: ['ok', 'fault', 'first_bad'?, 'message']. */
    public static function verifyLog(string $log, ?string $expectedHead = null): array
    {
        return Native::callJson('ocop_log_verify', $log, $expectedHead);
    }

    /** Pure apply: the state after $event given $state (null for a registration). No log is kept. */
    public static function applyEvent(string|array|null $state, string|array $event, ?Catalog $catalog = null): array
    {
        return Native::callJson('ocop_workflow_apply', $catalog?->pointer(), Native::text($state), Native::text($event));
    }
}
