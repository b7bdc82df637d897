<?php

declare(strict_types=1);

namespace Ocop;

use FFI\CData;

/**
 * An owned C handle: close() frees it now, the destructor otherwise. A closed handle refuses
 * calls with a LogicException.
 */
abstract class Handle
{
    private ?CData $pointer = null;

    /** The C function that frees this kind of handle ("ocop_catalog_free"). */
    abstract protected static function freeFunction(): string;

    /** Creates the handle ($type "ocop_catalog*") with a C constructor whose first parameter is the out-handle. */
    protected function __construct(string $type, string $constructor, mixed ...$args)
    {
        $out = Native::ffi()->new($type);
        Native::check(Native::ffi()->$constructor(\FFI::addr($out), ...$args));
        $this->pointer = $out;
    }

    public function __destruct()
    {
        $this->close();
    }

    /** Frees the handle now. Calling it again does nothing. */
    public function close(): void
    {
        if ($this->pointer !== null) {
            $free = static::freeFunction();
            Native::ffi()->$free($this->pointer);
            $this->pointer = null;
        }
    }

    public function isClosed(): bool
    {
        return $this->pointer === null;
    }

    /** The C pointer, for calls. @internal */
    public function pointer(): CData
    {
        if ($this->pointer === null) {
            throw new \LogicException(static::class . ' is closed');
        }
        return $this->pointer;
    }

    /** A date argument as "YYYY-MM-DD". */
    protected static function day(string|\DateTimeInterface|null $date): ?string
    {
        return $date instanceof \DateTimeInterface ? $date->format('Y-m-d') : $date;
    }
}
