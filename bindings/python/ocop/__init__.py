"""ocop: Vietnam's OCOP product star-ranking rules, through libocop's C ABI (ctypes, stdlib only).

    import ocop
    with ocop.Catalog.embedded() as cat:
        result = cat.score({"edition": "1048-781", "set": "rau-cu-qua-hat-tuoi", "answers": {...}})

Every failure raises an ocop.OcopError subclass carrying the C status code, the message (with
the JSON path of the bad input) and the list of problems. Results are plain Python values.
Threading: ctypes releases the GIL during calls; a Catalog or Sheet may be used from several
threads for reading, while add_edition()/add_set() need exclusive use; a Registry may be shared:
the library serialises its writers and lets its readers run together (docs/python.md).
"""

import array
import ctypes
import json
import weakref
from collections import namedtuple

from ._native import ABI_VERSION, lib as _lib
from .errors import (ForbiddenError, InternalError, InvalidArgumentError, InvalidCouncilError, InvalidDocumentError,
                     InvalidJsonError, InvalidScorecardError, NoEditionInForceError, NotFoundError, OcopError,
                     OcopIOError, OcopMemoryError, RuleViolationError, TamperedError, UnavailableError,
                     from_last_error)

__all__ = [
    "ABI_VERSION", "NO_ANSWER", "OUTCOMES", "BatchResult", "Catalog", "Sheet", "Registry", "REPORTS", "version",
    "abi_version", "validate_edition", "library_path", "campaign", "validate_campaign", "procedure", "verify_log", "apply_event",
    "OcopError", "InvalidArgumentError", "OcopMemoryError", "InternalError", "InvalidJsonError",
    "InvalidDocumentError", "NotFoundError", "NoEditionInForceError", "UnavailableError", "InvalidScorecardError",
    "InvalidCouncilError", "RuleViolationError", "ForbiddenError", "TamperedError", "OcopIOError",
]

#: The level index meaning "no answer / not applicable" in batch rows (OCOP_NO_ANSWER).
NO_ANSWER = 255
#: Batch outcomes by OCOP_OUTCOME_* value.
OUTCOMES = ("evaluated", "eliminated", "evaluation_stopped")

__version__ = _lib.ocop_version().decode()


def version():
    """The version of the loaded libocop ("0.1.0")."""
    return _lib.ocop_version().decode()


def abi_version():
    """The ABI version of the loaded libocop (checked against ABI_VERSION on import)."""
    return _lib.ocop_abi_version()


def library_path():
    """The path libocop was loaded from."""
    return _lib.path


def _check(status):
    if status != 0:
        raise from_last_error(_lib, status)


def _text(value, what):
    """A str/bytes/dict/list argument as UTF-8 bytes (dicts and lists are dumped as JSON). A NUL
    character would end the C string early (the library would read only what comes before it):
    ValueError."""
    if isinstance(value, str):
        value = value.encode("utf-8")
    elif isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False).encode("utf-8")  # escapes NUL as \u0000
    elif value is None:
        return None  # becomes NULL: the library reports it as an invalid argument
    elif not isinstance(value, bytes):
        raise TypeError("%s: expected str, bytes, dict or list, found %s" % (what, type(value).__name__))
    nul = value.find(b"\0")
    if nul >= 0:
        raise ValueError("%s: a NUL character at byte %d (C strings end there)" % (what, nul))
    return value


def _take_string(out):
    """Reads and frees a char* the library returned."""
    try:
        return ctypes.string_at(out.value).decode("utf-8")
    finally:
        _lib.ocop_free(out)


def _call_string(fn, *args):
    out = ctypes.c_void_p()
    _check(fn(*args, ctypes.byref(out)))
    return _take_string(out)


def _call_json(fn, *args):
    return json.loads(_call_string(fn, *args))


def validate_edition(edition):
    """Validates an edition document (str, bytes or dict); raises InvalidDocumentError or
    InvalidJsonError listing every problem with its JSON path."""
    _check(_lib.ocop_catalog_validate_edition(_text(edition, "edition")))


class _Handle:
    """An owned C handle: close() or `with` frees it; a finalizer frees it otherwise."""

    _free = None

    def __init__(self, ptr):
        self._ptr = ptr
        self._finalizer = weakref.finalize(self, type(self)._free, ptr)

    @property
    def closed(self):
        return not self._finalizer.alive

    def close(self):
        """Frees the handle now. Calling it again does nothing."""
        self._finalizer()

    def _handle(self):
        if not self._finalizer.alive:
            raise ValueError("%s is closed" % type(self).__name__)
        return self._ptr

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


class Catalog(_Handle):
    """Editions of the rules ("bộ tiêu chí") and their product sets' score sheets.
    Catalog() is empty; Catalog.embedded() holds the editions shipped with the library."""

    _free = _lib.ocop_catalog_free

    def __init__(self, _embedded=False):
        ptr = ctypes.c_void_p()
        _check((_lib.ocop_catalog_new_embedded if _embedded else _lib.ocop_catalog_new)(ctypes.byref(ptr)))
        super().__init__(ptr.value)

    @classmethod
    def embedded(cls):
        """The editions shipped with the library (1048-781)."""
        return cls(_embedded=True)

    def add_edition(self, edition):
        """Loads, validates and adds (or replaces) an edition document; the catalog is unchanged on error."""
        _check(_lib.ocop_catalog_add_edition(self._handle(), _text(edition, "edition")))

    def add_set(self, edition_id, product_set):
        """Validates a product set document against an edition and adds (or replaces) it."""
        _check(_lib.ocop_catalog_add_set(self._handle(), _text(edition_id, "edition_id"), _text(product_set, "product_set")))

    def editions(self):
        """Edition summaries (list of dicts)."""
        return _call_json(_lib.ocop_catalog_editions, self._handle())

    def edition(self, edition_id):
        """One edition's summary (dict)."""
        return _call_json(_lib.ocop_catalog_edition, self._handle(), _text(edition_id, "edition_id"))

    def in_force(self, date):
        """The id of the edition in force on `date` ("YYYY-MM-DD" or a datetime.date)."""
        if hasattr(date, "isoformat"):
            date = date.isoformat()
        return _call_string(_lib.ocop_catalog_in_force, self._handle(), _text(date, "date"))

    def sets(self, edition_id):
        """The product sets of an edition: list of {"id","code","name","industry","group","status","criteria"}."""
        return _call_json(_lib.ocop_catalog_sets, self._handle(), _text(edition_id, "edition_id"))

    def set(self, edition_id, set_id):
        """One product set with its whole score sheet (dict, catalog format)."""
        return _call_json(_lib.ocop_catalog_set, self._handle(), _text(edition_id, "edition_id"), _text(set_id, "set_id"))

    def score(self, scorecard):
        """Scores one scorecard (dict or JSON text); returns the result with its explanation (dict)."""
        return _call_json(_lib.ocop_scorecard_score, self._handle(), _text(scorecard, "scorecard"))

    def evaluate_council(self, council):
        """Scores and aggregates a council {"policy": {...}, "scorecards": [...]}; returns the result (dict)."""
        return _call_json(_lib.ocop_council_evaluate, self._handle(), _text(council, "council"))

    def advise(self, request):
        """What lifts a product a star: {"scorecard": {...}} or {"council": {...}}, with the optional
        "target" (stars), "alternatives" (default 3) and "weights" ({criterion id: cost}); returns
        the ranked plans (dict, docs/scoring.md)."""
        return _call_json(_lib.ocop_advise, self._handle(), _text(request, "request"))
    def analyse_council(self, council):
        """The consistency of a council {"policy", "scorecards", "analysis"?}: members against the others,
        spread per criterion, Krippendorff's alpha, members who decide the stars, the nearest band edge,
        flags (dict; docs/scoring.md)."""
        return _call_json(_lib.ocop_council_analyse, self._handle(), _text(council, "council"))

    def campaign_analytics(self, document):
        """Campaign analytics over {"analysis"?, "councils": [{"id", "industry", "policy"?, "scorecards"}]}:
        losses per set and criterion, stars and means per industry, flagged councils (dict)."""
        return _call_json(_lib.ocop_campaign_analytics, self._handle(), _text(document, "councils"))

    def sheet(self, edition_id, set_id):
        """The compiled sheet of a set, for batch scoring."""
        return Sheet(self, edition_id, set_id)


BatchResult = namedtuple("BatchResult", "totals stars outcomes")
_INT32 = next(code for code in "ilq" if array.array(code).itemsize == 4)  # int32_t, as ocop_sheet_score writes
BatchResult.__doc__ = """Batch scores: lists of totals, stars and outcome names, one per row."""


class Sheet(_Handle):
    """A score sheet compiled for batch scoring: rows of level indices in, totals and stars out.
    Independent of the catalog once built. Read-only: shareable across threads."""

    _free = _lib.ocop_sheet_free

    def __init__(self, catalog, edition_id, set_id):
        ptr = ctypes.c_void_p()
        _check(_lib.ocop_sheet_new(ctypes.byref(ptr), catalog._handle(), _text(edition_id, "edition_id"),
                                   _text(set_id, "set_id")))
        super().__init__(ptr.value)
        n = ctypes.c_size_t()
        _check(_lib.ocop_sheet_slots(self._handle(), ctypes.byref(n)))
        self.slots = n.value
        self._layout = None

    def layout(self):
        """{"edition","set","status","no_answer","max_total","slots":[{"criterion","options":[...]}]}."""
        if self._layout is None:
            self._layout = _call_json(_lib.ocop_sheet_layout, self._handle())
        return self._layout

    def criteria(self):
        """The criterion id of each slot, in row order."""
        return [s["criterion"] for s in self.layout()["slots"]]

    def option_index(self, criterion, level, case=None):
        """(slot, index) of an answer; raises NotFoundError for an unknown criterion or level."""
        slot, index = ctypes.c_size_t(), ctypes.c_uint8()
        _check(_lib.ocop_sheet_option_index(self._handle(), _text(criterion, "criterion"),
                                            None if case is None else _text(case, "case"), _text(level, "level"),
                                            ctypes.byref(slot), ctypes.byref(index)))
        return slot.value, index.value

    def row(self, answers):
        """A row (bytes) from an answers dict as in a scorecard: {"1.1": "c", "3.2": {"case": "1", "level": "b"}}.
        Criteria left out get NO_ANSWER."""
        out = bytearray([NO_ANSWER]) * self.slots
        for criterion, answer in answers.items():
            case, level = (answer.get("case"), answer.get("level")) if isinstance(answer, dict) else (None, answer)
            slot, index = self.option_index(criterion, level, case)
            out[slot] = index
        return bytes(out)

    def score(self, rows, arrays=False):
        """Scores many scorecards in one C call. `rows` is a sequence of rows (each a sequence of
        `slots` level indices, NO_ANSWER for none) or one flat bytes-like object of n x slots bytes.
        Returns BatchResult(totals, stars, outcomes) as lists (outcome names), or with arrays=True
        as array.array("i"), array.array("i") and array.array("B") of OCOP_OUTCOME_* codes (no
        per-row Python objects). Raises InvalidScorecardError naming the first bad row and criterion."""
        if isinstance(rows, (bytes, bytearray, memoryview)) or (isinstance(rows, array.array) and rows.typecode == "B"):
            flat = rows if isinstance(rows, (bytearray, array.array)) else bytearray(rows)
        else:
            flat = bytearray()
            for i, r in enumerate(rows):
                if len(r) != self.slots:
                    raise InvalidArgumentError("row %d has %d level indices, expected %d" % (i, len(r), self.slots),
                                               code=-1, name="OCOP_E_INVALID_ARGUMENT")
                flat.extend(r)
        if self.slots == 0 or len(flat) % self.slots != 0:
            raise InvalidArgumentError("expected a multiple of %d level indices, found %d" % (self.slots, len(flat)),
                                       code=-1, name="OCOP_E_INVALID_ARGUMENT")
        count = len(flat) // self.slots
        totals, stars = array.array(_INT32, bytes(4 * count)), array.array(_INT32, bytes(4 * count))
        outcomes = array.array("B", bytes(count))
        if count:
            levels = (ctypes.c_uint8 * len(flat)).from_buffer(flat)
            _check(_lib.ocop_sheet_score(self._handle(), levels, count, totals.buffer_info()[0], stars.buffer_info()[0],
                                         outcomes.buffer_info()[0]))
        if arrays:
            return BatchResult(totals, stars, outcomes)
        return BatchResult(totals.tolist(), stars.tolist(), [OUTCOMES[o] for o in outcomes])


#: The reports of Registry.report(); "recognised" and "overdue" need `as_of`.
REPORTS = ("registrations", "planned", "results", "candidates", "recognised", "overdue", "progress")


def campaign(campaign_id):
    """A campaign shipped with the library ("hanoi-2021") as a dict."""
    return _call_json(_lib.ocop_campaign_embedded, _text(campaign_id, "campaign_id"))


def procedure(edition_id):
    """The procedure of an edition ("1048-781", "148", "148-1489", "26-2026") as a dict: levels, roles
    per event, rounds, thresholds, certificate validity, legal sources, the commune's pre-check
    contents (precheck_contents) and, for a replaced edition, lapses_on and its transition."""
    return _call_json(_lib.ocop_procedure_embedded, _text(edition_id, "edition_id"))


def validate_campaign(doc):
    """Validates a campaign document; raises InvalidDocumentError listing every problem with its path."""
    _check(_lib.ocop_campaign_validate(_text(doc, "campaign")))


def verify_log(log, expected_head=None):
    """Verifies an exported log (JSON lines) without replaying it:
    {"ok", "fault", "first_bad"?, "message"}. Raises only for a log that does not parse."""
    return _call_json(_lib.ocop_log_verify, _text(log, "log"), None if expected_head is None else _text(expected_head, "expected_head"))


def apply_event(state, event, catalog=None):
    """Pure apply: the state (dict) after `event` given `state` (None for a registration). No log."""
    return _call_json(_lib.ocop_workflow_apply, None if catalog is None else catalog._handle(),
                      None if state is None else _text(state, "state"), _text(event, "event"))


class Registry(_Handle):
    """The dossiers ("hồ sơ") of a province or campaign and their hash-chained event log.
    `catalog` (default: the embedded one) gives the editions; `campaign` (dict, JSON text or the
    id of an embedded campaign such as "hanoi-2021"; default none) pins edition, batches and windows.
    Safe to share between threads: apply() calls run one at a time, readers run together."""

    _free = _lib.ocop_registry_free

    def __init__(self, catalog=None, campaign=None, _log=None, _expected_head=None):
        if isinstance(campaign, str) and not campaign.lstrip().startswith("{"):
            campaign = globals()["campaign"](campaign)
        ptr = ctypes.c_void_p()
        cat = None if catalog is None else catalog._handle()
        camp = None if campaign is None else _text(campaign, "campaign")
        if _log is None:
            _check(_lib.ocop_registry_new(ctypes.byref(ptr), cat, camp))
        else:
            _check(_lib.ocop_registry_import_log(ctypes.byref(ptr), cat, camp, _text(_log, "log"),
                                                 None if _expected_head is None else _text(_expected_head, "expected_head")))
        super().__init__(ptr.value)

    @classmethod
    def import_log(cls, log, catalog=None, campaign=None, expected_head=None):
        """Rebuilds a registry by verifying and replaying an exported log; raises TamperedError
        naming the fault and the line when the chain (or the expected head) does not verify."""
        return cls(catalog, campaign, _log=log, _expected_head=expected_head)

    def apply(self, event):
        """Applies one event (dict or JSON text); returns the dossier's new state. A refused event
        raises ForbiddenError, RuleViolationError, InvalidDocumentError, ... and changes nothing."""
        return _call_json(_lib.ocop_registry_apply, self._handle(), _text(event, "event"))

    def dossier(self, dossier_id):
        """One dossier's state (dict); NotFoundError for an unknown id."""
        return _call_json(_lib.ocop_registry_dossier, self._handle(), _text(dossier_id, "dossier_id"))

    def dossiers(self):
        """Every dossier's state, in id order (list of dicts)."""
        return _call_json(_lib.ocop_registry_dossiers, self._handle())["dossiers"]

    def export_log(self):
        """The event log as JSON lines (str)."""
        return _call_string(_lib.ocop_registry_export_log, self._handle())

    def log_head(self):
        """The hash of the last log entry; keep it to detect truncation on import."""
        return _call_string(_lib.ocop_registry_log_head, self._handle())

    def report(self, name, as_of=None):
        """A report (one of REPORTS) as plain values; `as_of` ("YYYY-MM-DD" or a date) for
        "recognised" and "overdue"."""
        if hasattr(as_of, "isoformat"):
            as_of = as_of.isoformat()
        return _call_json(_lib.ocop_registry_report, self._handle(), _text(name, "report"),
                          None if as_of is None else _text(as_of, "as_of"))

    def analytics(self, level=None, analysis=None):
        """Campaign analytics (as Catalog.campaign_analytics gives them) of the councils the log
        records, each round rebuilt from its members' scorecards; `level` keeps one level's rounds,
        `analysis` sets the thresholds; "from_paper" counts the results entered without scorecards.
        NotFoundError when the log records no council scorecards."""
        options = {k: v for k, v in (("level", level), ("analysis", analysis)) if v is not None}
        return _call_json(_lib.ocop_registry_analytics, self._handle(), _text(options, "options"))
