<?php

declare(strict_types=1);

namespace Ocop\Exception;

/** OCOP_E_FORBIDDEN: the actor's role may not apply the event. */
final class ForbiddenException extends OcopException
{
}
