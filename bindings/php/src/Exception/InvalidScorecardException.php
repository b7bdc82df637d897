<?php

declare(strict_types=1);

namespace Ocop\Exception;

/** OCOP_E_INVALID_SCORECARD: a scorecard that cannot be scored (missing, unknown or misplaced answers). */
final class InvalidScorecardException extends OcopException
{
}
