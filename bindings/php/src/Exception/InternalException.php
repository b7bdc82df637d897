<?php

declare(strict_types=1);

namespace Ocop\Exception;

/** OCOP_E_INTERNAL: a bug in the library (please report the message). */
final class InternalException extends OcopException
{
}
