<?php

declare(strict_types=1);

namespace Ocop\Exception;

/** OCOP_E_RULE_VIOLATION: a workflow event refused by a rule of the procedure. */
final class RuleViolationException extends OcopException
{
}
