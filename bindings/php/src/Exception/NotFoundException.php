<?php

declare(strict_types=1);

namespace Ocop\Exception;

/** OCOP_E_NOT_FOUND: an unknown edition, set, criterion, level, dossier or report id. */
final class NotFoundException extends OcopException
{
}
