<?php

declare(strict_types=1);

namespace Ocop\Exception;

/** OCOP_E_INVALID_DOCUMENT: JSON of the wrong shape, or breaking a rule of the format. */
final class InvalidDocumentException extends OcopException
{
}
