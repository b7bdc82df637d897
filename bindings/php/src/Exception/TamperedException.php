<?php

declare(strict_types=1);

namespace Ocop\Exception;

/** OCOP_E_TAMPERED: an event log whose hash chain does not verify. */
final class TamperedException extends OcopException
{
}
