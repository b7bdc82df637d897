<?php

declare(strict_types=1);

namespace Ocop\Exception;

/** OCOP_E_INVALID_COUNCIL: a council that cannot be aggregated. */
final class InvalidCouncilException extends OcopException
{
}
