<?php

declare(strict_types=1);

namespace Ocop\Exception;

/** OCOP_E_UNAVAILABLE: the product set has no score sheet. */
final class UnavailableException extends OcopException
{
}
