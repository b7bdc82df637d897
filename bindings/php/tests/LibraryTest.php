<?php

declare(strict_types=1);

namespace Ocop\Tests;

use Ocop\Exception;
use Ocop\Library;
use Ocop\Native;
use PHPUnit\Framework\TestCase;

final class LibraryTest extends TestCase
{
    public function testTheLoadedLibraryHasTheAbiTheBindingsNeed(): void
    {
        $this->assertSame(Library::ABI_VERSION, Library::abiVersion());
        $this->assertMatchesRegularExpression('/^\d+\.\d+\.\d+$/', Library::version());
        $this->assertFileExists(Library::libraryPath());
    }

    /** Every function declared in ocop.h is bound (Native::DECLARATIONS), with the header's own declaration. */
    public function testEveryFunctionOfTheHeaderIsBound(): void
    {
        $header = file_get_contents(Fixtures::root() . '/capi/include/ocop/ocop.h');
        preg_match_all('/^OCOP_API\s+([^;]*?\b(ocop_\w+)\s*\([^;]*\));/ms', $header, $m);
        $this->assertGreaterThan(10, count($m[2]), 'the pattern over ocop.h is broken');
        $declared = array_combine($m[2], array_map(static fn (string $d): string => preg_replace('/\s+/', ' ', $d) . ';', $m[1]));
        $bound = [];
        foreach (Native::DECLARATIONS as $declaration) {
            $bound[Native::functionName($declaration)] = $declaration;
        }
        $this->assertSame([], array_keys(array_diff_key($declared, $bound)), 'functions of ocop.h not bound in bindings/php/src/Native.php');
        $this->assertSame([], array_keys(array_diff_key($bound, $declared)), 'bound functions that ocop.h does not declare');
        foreach ($declared as $name => $declaration) {
            $this->assertSame($declaration, $bound[$name], "the binding of $name differs from ocop.h");
        }
        $this->assertSame([], array_diff(Native::OPTIONAL, array_keys($bound)), 'OPTIONAL names functions that are not bound');
    }

    /** Every status code of ocop.h has its exception class, with the code's name. */
    public function testEveryStatusCodeHasItsException(): void
    {
        $header = file_get_contents(Fixtures::root() . '/capi/include/ocop/ocop.h');
        preg_match_all('/^#define (OCOP_E_\w+) \((-\d+)\)/m', $header, $m);
        $this->assertGreaterThanOrEqual(14, count($m[1]));
        foreach (array_combine($m[1], array_map('intval', $m[2])) as $name => $code) {
            $e = Exception\OcopException::fromStatus($code, '', $name);
            $this->assertNotSame(Exception\OcopException::class, get_class($e), "$name has no exception class");
            $this->assertSame([$code, $name, $name], [$e->getCode(), $e->getErrorName(), $e->getMessage()]);
        }
        $this->assertSame(Exception\OcopException::class, get_class(Exception\OcopException::fromStatus(-99, 'x', 'OCOP_E_UNKNOWN')));
    }
}
