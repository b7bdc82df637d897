<?php

declare(strict_types=1);

namespace Ocop\Exception;

/** OCOP_E_IO: reading or writing a file failed. */
final class IoException extends OcopException
{
}
