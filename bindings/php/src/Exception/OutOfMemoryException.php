<?php

declare(strict_types=1);

namespace Ocop\Exception;

/** OCOP_E_NOMEM: memory could not be allocated. */
final class OutOfMemoryException extends OcopException
{
}
