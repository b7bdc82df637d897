"""Loading libocop and the one table of C signatures. Private to the package."""

import ctypes
import ctypes.util
import os
from ctypes import POINTER, c_char_p, c_int, c_int32, c_size_t, c_uint8, c_void_p

#: The ABI major version these bindings were written against (OCOP_ABI_VERSION in ocop.h).
ABI_VERSION = 1

_c_char_pp = POINTER(c_void_p)  # char** out-parameters: read, then ocop_free()d
_handle = c_void_p
_handle_p = POINTER(c_void_p)

#: Every C function the package calls: name -> (restype, argtypes). The one place to update
#: when ocop.h changes.
SIGNATURES = {
    # version, errors, memory
    "ocop_version": (c_char_p, []),
    "ocop_abi_version": (c_int, []),
    "ocop_free": (None, [c_void_p]),
    "ocop_last_error": (c_char_p, []),
    "ocop_last_error_code": (c_int, []),
    "ocop_last_error_problems": (c_char_p, []),
    "ocop_error_name": (c_char_p, [c_int]),
    # catalog
    "ocop_catalog_new_embedded": (c_int, [_handle_p]),
    "ocop_catalog_new": (c_int, [_handle_p]),
    "ocop_catalog_free": (None, [_handle]),
    "ocop_catalog_validate_edition": (c_int, [c_char_p]),
    "ocop_catalog_add_edition": (c_int, [_handle, c_char_p]),
    "ocop_catalog_add_set": (c_int, [_handle, c_char_p, c_char_p]),
    "ocop_catalog_editions": (c_int, [_handle, _c_char_pp]),
    "ocop_catalog_edition": (c_int, [_handle, c_char_p, _c_char_pp]),
    "ocop_catalog_in_force": (c_int, [_handle, c_char_p, _c_char_pp]),
    "ocop_catalog_sets": (c_int, [_handle, c_char_p, _c_char_pp]),
    "ocop_catalog_set": (c_int, [_handle, c_char_p, c_char_p, _c_char_pp]),
    # scoring and council
    "ocop_scorecard_score": (c_int, [_handle, c_char_p, _c_char_pp]),
    "ocop_council_evaluate": (c_int, [_handle, c_char_p, _c_char_pp]),
    "ocop_advise": (c_int, [_handle, c_char_p, _c_char_pp]),
    "ocop_council_analyse": (c_int, [_handle, c_char_p, _c_char_pp]),
    "ocop_campaign_analytics": (c_int, [_handle, c_char_p, _c_char_pp]),
    # batch
    "ocop_sheet_new": (c_int, [_handle_p, _handle, c_char_p, c_char_p]),
    "ocop_sheet_free": (None, [_handle]),
    "ocop_sheet_slots": (c_int, [_handle, POINTER(c_size_t)]),
    "ocop_sheet_layout": (c_int, [_handle, _c_char_pp]),
    "ocop_sheet_option_index": (c_int, [_handle, c_char_p, c_char_p, c_char_p, POINTER(c_size_t), POINTER(c_uint8)]),
    "ocop_sheet_score": (c_int, [_handle, c_void_p, c_size_t, c_void_p, c_void_p, c_void_p]),
    # workflow
    "ocop_campaign_embedded": (c_int, [c_char_p, _c_char_pp]),
    "ocop_campaign_validate": (c_int, [c_char_p]),
    "ocop_procedure_embedded": (c_int, [c_char_p, _c_char_pp]),
    "ocop_registry_new": (c_int, [_handle_p, _handle, c_char_p]),
    "ocop_registry_import_log": (c_int, [_handle_p, _handle, c_char_p, c_char_p, c_char_p]),
    "ocop_registry_free": (None, [_handle]),
    "ocop_registry_apply": (c_int, [_handle, c_char_p, _c_char_pp]),
    "ocop_registry_dossier": (c_int, [_handle, c_char_p, _c_char_pp]),
    "ocop_registry_dossiers": (c_int, [_handle, _c_char_pp]),
    "ocop_registry_export_log": (c_int, [_handle, _c_char_pp]),
    "ocop_registry_log_head": (c_int, [_handle, _c_char_pp]),
    "ocop_registry_report": (c_int, [_handle, c_char_p, c_char_p, _c_char_pp]),
    "ocop_registry_analytics": (c_int, [_handle, c_char_p, _c_char_pp]),
    "ocop_log_verify": (c_int, [c_char_p, c_char_p, _c_char_pp]),
    "ocop_workflow_apply": (c_int, [_handle, c_char_p, c_char_p, _c_char_pp]),
}

#: Functions added after 0.1 are listed here with the version that added them; they are bound
#: when the loaded library has them (see docs/abi-policy.md).
OPTIONAL = set()


def _candidates():
    env = os.environ.get("OCOP_LIBRARY")
    if env:
        return [env]
    here = os.path.dirname(os.path.abspath(__file__))
    names = ["libocop.so.%d" % ABI_VERSION, "libocop.so", "libocop.%d.dylib" % ABI_VERSION, "ocop.dll"]
    paths = [os.path.join(d, n) for d in (here, os.path.dirname(here)) for n in names]
    found = [p for p in paths if os.path.exists(p)]
    return found + ["libocop.so.%d" % ABI_VERSION, ctypes.util.find_library("ocop")]


def load():
    """Loads libocop: $OCOP_LIBRARY, else next to the package, else the system's search path."""
    errors = []
    for path in _candidates():
        if not path:
            continue
        try:
            lib = ctypes.CDLL(path)
            break
        except OSError as e:
            errors.append("%s: %s" % (path, e))
    else:
        raise ImportError("ocop: cannot load the shared library libocop.so.%d; set OCOP_LIBRARY to its path (tried: %s)"
                          % (ABI_VERSION, "; ".join(errors) or "nothing found"))
    try:
        abi = lib.ocop_abi_version
    except AttributeError:
        raise ImportError("ocop: %s is not libocop (no ocop_abi_version)" % path)
    abi.restype, abi.argtypes = c_int, []
    if abi() != ABI_VERSION:
        raise ImportError("ocop: %s has ABI version %d, these bindings need %d" % (path, abi(), ABI_VERSION))
    for name, (restype, argtypes) in SIGNATURES.items():
        try:
            fn = getattr(lib, name)
        except AttributeError:
            if name in OPTIONAL:
                continue
            raise ImportError("ocop: %s lacks %s" % (path, name))
        fn.restype, fn.argtypes = restype, argtypes
    lib.path = path
    return lib


lib = load()
