<?php

declare(strict_types=1);

namespace Ocop\Exception;

/** OCOP_E_NO_EDITION_IN_FORCE: no edition of the rules is in force on the date. */
final class NoEditionInForceException extends OcopException
{
}
