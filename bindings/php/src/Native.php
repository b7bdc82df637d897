<?php

declare(strict_types=1);

namespace Ocop;

use FFI;
use Ocop\Exception\OcopException;

/**
 * Loading libocop through PHP's FFI and the one table of C declarations. Internal to the package.
 *
 * The library is found at $OCOP_LIBRARY, else inside the package (lib/), else on the system's
 * library path (libocop.so.1 of the libocop1 Debian package). Its ABI version is checked before
 * anything else is bound.
 */
final class Native
{
    /** The ABI major version these bindings were written against (OCOP_ABI_VERSION in ocop.h). */
    public const ABI_VERSION = 1;

    /** The opaque handle types of ocop.h. */
    private const TYPES = 'typedef struct ocop_catalog ocop_catalog; typedef struct ocop_sheet ocop_sheet; '
        . 'typedef struct ocop_registry ocop_registry;';

    /**
     * Every C function the package binds, as declared in ocop.h: the one place to update when
     * ocop.h gains a function (one line here, then a method that calls it).
     */
    public const DECLARATIONS = [
        // version, errors, memory
        'const char* ocop_version(void);',
        'int ocop_abi_version(void);',
        'void ocop_free(void* p);',
        'const char* ocop_last_error(void);',
        'int ocop_last_error_code(void);',
        'const char* ocop_last_error_problems(void);',
        'const char* ocop_error_name(int code);',
        // catalog
        'int ocop_catalog_new_embedded(ocop_catalog** out);',
        'int ocop_catalog_new(ocop_catalog** out);',
        'void ocop_catalog_free(ocop_catalog* cat);',
        'int ocop_catalog_validate_edition(const char* edition_json);',
        'int ocop_catalog_add_edition(ocop_catalog* cat, const char* edition_json);',
        'int ocop_catalog_add_set(ocop_catalog* cat, const char* edition_id, const char* set_json);',
        'int ocop_catalog_editions(const ocop_catalog* cat, char** out_json);',
        'int ocop_catalog_edition(const ocop_catalog* cat, const char* edition_id, char** out_json);',
        'int ocop_catalog_in_force(const ocop_catalog* cat, const char* date, char** out_edition_id);',
        'int ocop_catalog_sets(const ocop_catalog* cat, const char* edition_id, char** out_json);',
        'int ocop_catalog_set(const ocop_catalog* cat, const char* edition_id, const char* set_id, char** out_json);',
        // scoring and council
        'int ocop_scorecard_score(const ocop_catalog* cat, const char* scorecard_json, char** out_result_json);',
        'int ocop_council_evaluate(const ocop_catalog* cat, const char* council_json, char** out_result_json);',
        'int ocop_advise(const ocop_catalog* cat, const char* request_json, char** out_result_json);',
        'int ocop_council_analyse(const ocop_catalog* cat, const char* council_json, char** out_analysis_json);',
        'int ocop_campaign_analytics(const ocop_catalog* cat, const char* councils_json, char** out_analytics_json);',
        // batch
        'int ocop_sheet_new(ocop_sheet** out, const ocop_catalog* cat, const char* edition_id, const char* set_id);',
        'void ocop_sheet_free(ocop_sheet* sheet);',
        'int ocop_sheet_slots(const ocop_sheet* sheet, size_t* out_slots);',
        'int ocop_sheet_layout(const ocop_sheet* sheet, char** out_json);',
        'int ocop_sheet_option_index(const ocop_sheet* sheet, const char* criterion_id, const char* case_id, '
            . 'const char* level_id, size_t* out_slot, uint8_t* out_index);',
        'int ocop_sheet_score(const ocop_sheet* sheet, const uint8_t* levels, size_t count, int32_t* out_totals, '
            . 'int32_t* out_stars, uint8_t* out_outcomes);',
        // workflow
        'int ocop_campaign_embedded(const char* campaign_id, char** out_json);',
        'int ocop_procedure_embedded(const char* edition_id, char** out_json);',
        'int ocop_campaign_validate(const char* campaign_json);',
        'int ocop_registry_new(ocop_registry** out, const ocop_catalog* cat, const char* campaign_json);',
        'int ocop_registry_import_log(ocop_registry** out, const ocop_catalog* cat, const char* campaign_json, '
            . 'const char* log_jsonl, const char* expected_head);',
        'void ocop_registry_free(ocop_registry* reg);',
        'int ocop_registry_apply(ocop_registry* reg, const char* event_json, char** out_state_json);',
        'int ocop_registry_dossier(const ocop_registry* reg, const char* dossier_id, char** out_state_json);',
        'int ocop_registry_dossiers(const ocop_registry* reg, char** out_json);',
        'int ocop_registry_export_log(const ocop_registry* reg, char** out_jsonl);',
        'int ocop_registry_log_head(const ocop_registry* reg, char** out_hash);',
        'int ocop_registry_report(const ocop_registry* reg, const char* report, const char* as_of, char** out_json);',
        'int ocop_registry_analytics(const ocop_registry* reg, const char* options_json, char** out_json);',
        'int ocop_log_verify(const char* log_jsonl, const char* expected_head, char** out_json);',
        'int ocop_workflow_apply(const ocop_catalog* cat, const char* state_json, const char* event_json, '
            . 'char** out_state_json);',
    ];

    /**
     * Functions added after 0.1, by name: bound when the loaded library has them, skipped on an
     * older library (docs/abi-policy.md). Calling a skipped one fails with FFI\Exception.
     */
    public const OPTIONAL = [];

    private static ?FFI $ffi = null;
    private static string $path = '';

    /** The bound library, loaded on first use. */
    public static function ffi(): FFI
    {
        if (self::$ffi === null) {
            [self::$ffi, self::$path] = self::load();
        }
        return self::$ffi;
    }

    /** The path (or name) libocop was loaded from. */
    public static function path(): string
    {
        self::ffi();
        return self::$path;
    }

    /** The name of the C function a declaration of DECLARATIONS declares. */
    public static function functionName(string $declaration): string
    {
        if (!preg_match('/\b(ocop_\w+)\s*\(/', $declaration, $m)) {
            throw new \LogicException("not a declaration of an ocop_ function: $declaration");
        }
        return $m[1];
    }

    /** @return list<string> */
    private static function candidates(): array
    {
        $env = getenv('OCOP_LIBRARY');
        if ($env !== false && $env !== '') {
            return [$env];
        }
        $name = 'libocop.so.' . self::ABI_VERSION;
        $bundled = dirname(__DIR__) . '/lib/' . $name;
        return is_file($bundled) ? [$bundled, $name] : [$name];
    }

    /** @return array{0: FFI, 1: string} */
    private static function load(): array
    {
        if (!extension_loaded('FFI')) {
            throw new \RuntimeException('ocop: the PHP FFI extension is not loaded (docs/php.md)');
        }
        $errors = [];
        foreach (self::candidates() as $path) {
            try {
                $abi = FFI::cdef('int ocop_abi_version(void);', $path)->ocop_abi_version();
            } catch (FFI\Exception $e) {
                $errors[] = "$path: " . $e->getMessage();
                continue;
            }
            if ($abi !== self::ABI_VERSION) {
                throw new \RuntimeException(sprintf('ocop: %s has ABI version %d, these bindings need %d', $path, $abi, self::ABI_VERSION));
            }
            return [FFI::cdef(self::TYPES . "\n" . implode("\n", self::available($path)), $path), $path];
        }
        throw new \RuntimeException(sprintf('ocop: cannot load the shared library libocop.so.%d; set OCOP_LIBRARY to its path (tried: %s)', self::ABI_VERSION, implode('; ', $errors)));
    }

    /** The declarations to bind: all required ones, and the optional ones the library exports. */
    private static function available(string $path): array
    {
        $out = [];
        foreach (self::DECLARATIONS as $declaration) {
            if (in_array(self::functionName($declaration), self::OPTIONAL, true)) {
                try {
                    FFI::cdef(self::TYPES . "\n" . $declaration, $path);
                } catch (FFI\Exception $e) {
                    continue;
                }
            }
            $out[] = $declaration;
        }
        return $out;
    }

    /** Throws the OcopException of a failed call (status != 0), built from this thread's last error. */
    public static function check(int $status): void
    {
        if ($status !== 0) {
            $ffi = self::ffi();
            $problems = json_decode($ffi->ocop_last_error_problems(), true);
            throw OcopException::fromStatus($status, (string) $ffi->ocop_last_error(), $ffi->ocop_error_name($status), is_array($problems) ? $problems : []);
        }
    }

    /**
     * Throws \ValueError for a string argument holding a NUL character: the C library reads a
     * string up to its first NUL and would act on the part before it (docs/c-api.md).
     */
    public static function refuseNul(mixed ...$args): void
    {
        foreach (array_values($args) as $i => $arg) {
            if (is_string($arg) && ($at = strpos($arg, "\0")) !== false) {
                throw new \ValueError('ocop: argument ' . ($i + 1) . " holds a NUL character at byte $at (C strings end there)");
            }
        }
    }

    /** Calls a function whose last parameter is a char** out-string, and returns that string (freed). */
    public static function callString(string $function, mixed ...$args): string
    {
        self::refuseNul(...$args);
        $ffi = self::ffi();
        $out = $ffi->new('char*');
        self::check($ffi->$function(...[...$args, FFI::addr($out)]));
        try {
            return FFI::string($out);
        } finally {
            $ffi->ocop_free($out);
        }
    }

    /** Like callString() for a JSON result, decoded into arrays. */
    public static function callJson(string $function, mixed ...$args): mixed
    {
        return json_decode(self::callString($function, ...$args), true, 512, JSON_THROW_ON_ERROR);
    }

    /** A string or array argument as the JSON text the C ABI takes (arrays are encoded); null stays null. */
    public static function text(string|array|null $value): ?string
    {
        if ($value === null || is_string($value)) {
            self::refuseNul($value);
            return $value;
        }
        return json_encode($value, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES | JSON_PRESERVE_ZERO_FRACTION | JSON_THROW_ON_ERROR);
    }
}
