<?php

declare(strict_types=1);

namespace Ocop\Exception;

/** OCOP_E_INVALID_JSON: the text is not JSON. */
final class InvalidJsonException extends OcopException
{
}
