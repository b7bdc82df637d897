<?php

declare(strict_types=1);

namespace Ocop\Exception;

/**
 * An ocop call failed. getCode() is the C status (negative), getErrorName() its symbol
 * ("OCOP_E_NOT_FOUND"), getMessage() the text of ocop_last_error() (each problem prefixed with
 * its JSON path) and getProblems() the list of ['path' => JSON pointer, 'message' => text].
 * Each status code has its own subclass.
 */
class OcopException extends \RuntimeException
{
    /** The class of each status code of ocop.h. */
    private const BY_STATUS = [
        -1 => InvalidArgumentException::class,
        -2 => OutOfMemoryException::class,
        -3 => InternalException::class,
        -4 => InvalidJsonException::class,
        -5 => InvalidDocumentException::class,
        -6 => NotFoundException::class,
        -7 => NoEditionInForceException::class,
        -8 => UnavailableException::class,
        -9 => InvalidScorecardException::class,
        -10 => InvalidCouncilException::class,
        -11 => RuleViolationException::class,
        -12 => ForbiddenException::class,
        -13 => TamperedException::class,
        -14 => IoException::class,
    ];

    /** @param list<array{path: string, message: string}> $problems */
    final public function __construct(string $message, int $status, private string $errorName, private array $problems = [])
    {
        parent::__construct($message === '' ? $errorName : $message, $status);
    }

    /** The exception of a status code: its subclass, or OcopException for a code this version does not know. */
    public static function fromStatus(int $status, string $message, string $errorName, array $problems = []): self
    {
        $class = self::BY_STATUS[$status] ?? self::class;
        return new $class($message, $status, $errorName, $problems);
    }

    /** The status code's symbol, "OCOP_E_NOT_FOUND". */
    public function getErrorName(): string
    {
        return $this->errorName;
    }

    /** @return list<array{path: string, message: string}> every problem with its JSON path */
    public function getProblems(): array
    {
        return $this->problems;
    }

    /** @return list<string> the JSON paths of the problems */
    public function getPaths(): array
    {
        return array_column($this->problems, 'path');
    }
}
