"""The exceptions of the ocop package: one class per C status code, all under OcopError."""

import json


class OcopError(Exception):
    """An ocop call failed. `code` is the C status (negative), `name` its symbol
    ("OCOP_E_NOT_FOUND"), `message` the text of ocop_last_error() (with JSON paths) and
    `problems` a list of {"path": ..., "message": ...} dicts."""

    code = 0

    def __init__(self, message, code=None, name=None, problems=None):
        super().__init__(message)
        if code is not None:
            self.code = code
        self.name = name or type(self).__name__
        self.message = message
        self.problems = problems if problems is not None else []


class InvalidArgumentError(OcopError, ValueError):
    """OCOP_E_INVALID_ARGUMENT: a NULL or out-of-range argument."""
    code = -1


class OcopMemoryError(OcopError, MemoryError):
    """OCOP_E_NOMEM: memory could not be allocated."""
    code = -2


class InternalError(OcopError):
    """OCOP_E_INTERNAL: a bug in the library."""
    code = -3


class InvalidJsonError(OcopError, ValueError):
    """OCOP_E_INVALID_JSON: the text is not JSON."""
    code = -4


class InvalidDocumentError(OcopError, ValueError):
    """OCOP_E_INVALID_DOCUMENT: JSON of the wrong shape."""
    code = -5


class NotFoundError(OcopError, LookupError):
    """OCOP_E_NOT_FOUND: an unknown edition, set, criterion or level id."""
    code = -6


class NoEditionInForceError(OcopError, LookupError):
    """OCOP_E_NO_EDITION_IN_FORCE: no edition of the rules is in force on the date."""
    code = -7


class UnavailableError(OcopError):
    """OCOP_E_UNAVAILABLE: the product set has no score sheet."""
    code = -8


class InvalidScorecardError(OcopError, ValueError):
    """OCOP_E_INVALID_SCORECARD: a scorecard that cannot be scored."""
    code = -9


class InvalidCouncilError(OcopError, ValueError):
    """OCOP_E_INVALID_COUNCIL: a council that cannot be aggregated."""
    code = -10


class RuleViolationError(OcopError):
    """OCOP_E_RULE_VIOLATION: a workflow event refused by a rule of the procedure."""
    code = -11


class ForbiddenError(OcopError):
    """OCOP_E_FORBIDDEN: the actor's role may not apply the event."""
    code = -12


class TamperedError(OcopError):
    """OCOP_E_TAMPERED: an event log whose hash chain does not verify."""
    code = -13


class OcopIOError(OcopError, OSError):
    """OCOP_E_IO: reading or writing a file failed."""
    code = -14


_BY_CODE = {cls.code: cls for cls in (
    InvalidArgumentError, OcopMemoryError, InternalError, InvalidJsonError, InvalidDocumentError, NotFoundError,
    NoEditionInForceError, UnavailableError, InvalidScorecardError, InvalidCouncilError, RuleViolationError,
    ForbiddenError, TamperedError, OcopIOError)}


def from_last_error(lib, status):
    """The exception for a failed call, built from this thread's last error."""
    message = (lib.ocop_last_error() or b"").decode("utf-8", "replace")
    name = lib.ocop_error_name(status).decode()
    try:
        problems = json.loads(lib.ocop_last_error_problems().decode("utf-8", "replace"))
    except ValueError:
        problems = []
    cls = _BY_CODE.get(status, OcopError)
    return cls(message or name, code=status, name=name, problems=problems)
