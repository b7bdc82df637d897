<?php

declare(strict_types=1);

namespace Ocop\Exception;

/** OCOP_E_INVALID_ARGUMENT: a NULL or out-of-range argument. */
final class InvalidArgumentException extends OcopException
{
}
