"""ctypes mirrors of include/token_codec.h, shared by the ctypes test
(tests/python/test_ctypes.py) and the ctypes benchmark
(scripts/bench/ffi_ctypes_bench.py), so the ABI is described once in Python.
Sizes come from the header's constants, read at run time.
"""

import ctypes as C
import re
from types import SimpleNamespace


def read_constants(header_path):
    """The `TC_*` integer constants of include/token_codec.h, by name."""
    with open(header_path, encoding="utf-8") as f:
        text = f.read()
    return {name: int(value) for name, value in re.findall(r"^#define (TC_\w+) (\d+)$", text, re.M)}


def declare(lib, k):
    """Declares the header's prototypes on `lib` (a `ctypes.CDLL`) and returns
    the ctypes mirrors of its structs and callback type, by name."""
    size_t, char_p, u8_p = C.c_size_t, C.c_char_p, C.POINTER(C.c_uint8)

    class RoutingEntry(C.Structure):
        _fields_ = [("key", char_p), ("key_len", size_t), ("kind", C.c_uint32),
                    ("int_value", C.c_uint64), ("text", char_p), ("text_len", size_t)]

    class RoutingOptions(C.Structure):
        _fields_ = [("has_default_cell_id", C.c_bool), ("default_cell_id", C.c_uint64),
                    ("required", C.c_uint32)]

    class RoutingSpan(C.Structure):
        _fields_ = [("key", C.c_char), ("value_offset", size_t), ("value_len", size_t)]

    class DecodedToken(C.Structure):
        _fields_ = [("format", C.c_uint32), ("prefix_len", size_t),
                    ("prefix", C.c_char * k["TC_MAX_PREFIX_LEN"]), ("routing_len", size_t),
                    ("routing", C.c_char * k["TC_MAX_ROUTING_LEN"]), ("entry_count", size_t),
                    ("entries", RoutingSpan * k["TC_MAX_ROUTING_ENTRIES"]),
                    ("random", C.c_uint8 * k["TC_RANDOM_LEN"])]

    class TokenLayout(C.Structure):
        _fields_ = [("format", C.c_uint32), ("prefix_len", size_t), ("payload_len", size_t)]

    class Identification(C.Structure):
        _fields_ = [("token_type", C.c_uint32), ("kind", C.c_uint32), ("checksum", C.c_uint32),
                    ("prefix_len", size_t)]

    class RouteDecision(C.Structure):
        _fields_ = [("kind", C.c_uint32), ("key", C.c_char), ("value_len", size_t),
                    ("value", C.c_char * k["TC_MAX_ROUTING_LEN"]), ("has_cell_number", C.c_bool),
                    ("cell_number", C.c_uint64), ("default_reason", C.c_uint32)]

    class ConfigOptions(C.Structure):
        _fields_ = [("instance_prefix", char_p), ("instance_prefix_len", size_t),
                    ("custom_pat_prefix", char_p), ("custom_pat_prefix_len", size_t)]

    class Finding(C.Structure):
        _fields_ = [("offset", C.c_uint64), ("len", size_t), ("prefix_len", size_t),
                    ("token_type", C.c_uint32), ("kind", C.c_uint32), ("checksum", C.c_uint32),
                    ("routing_len", size_t), ("routing", C.c_char * k["TC_MAX_ROUTING_LEN"]),
                    ("entry_count", size_t), ("entries", RoutingSpan * k["TC_MAX_ROUTING_ENTRIES"])]

    class ScanOptions(C.Structure):
        _fields_ = [("drop_invalid", C.c_bool), ("configured_v0_only", C.c_bool),
                    ("unprefixed_oauth", C.c_bool)]

    entries_p, options_p = C.POINTER(RoutingEntry), C.POINTER(RoutingOptions)
    config_p = C.c_void_p
    write_callback = C.CFUNCTYPE(C.c_int, C.c_void_p, u8_p, size_t)
    protos = {
        "tc_result_message": (C.c_char_p, [C.c_uint32]),
        "tc_result_name": (C.c_char_p, [C.c_uint32]),
        "tc_version": (C.c_char_p, []),
        "tc_encode": (C.c_uint32, [char_p, size_t, entries_p, size_t, options_p, u8_p, size_t,
                                   C.c_uint32, C.c_char_p, size_t, C.POINTER(size_t)]),
        "tc_generate": (C.c_uint32, [char_p, size_t, entries_p, size_t, options_p, C.c_uint32,
                                     C.c_char_p, size_t, C.POINTER(size_t)]),
        "tc_routing_build": (C.c_uint32, [entries_p, size_t, options_p, C.c_char_p, size_t,
                                          C.POINTER(size_t)]),
        "tc_routing_error_message": (C.c_uint32, [entries_p, size_t, options_p, C.c_char_p, size_t,
                                                  C.POINTER(size_t)]),
        "tc_decode": (C.c_uint32, [char_p, size_t, C.POINTER(DecodedToken)]),
        "tc_verify": (C.c_uint32, [char_p, size_t, C.POINTER(TokenLayout)]),
        "tc_config_new": (C.c_uint32, [C.POINTER(ConfigOptions), C.POINTER(config_p)]),
        "tc_config_free": (None, [config_p]),
        "tc_identify": (C.c_uint32, [config_p, char_p, size_t, C.POINTER(Identification)]),
        "tc_generate_legacy": (C.c_uint32, [config_p, C.c_uint32, C.c_char_p, size_t,
                                            C.POINTER(size_t)]),
        "tc_classify_bearer": (C.c_uint32, [config_p, char_p, size_t, C.c_uint32,
                                            C.POINTER(C.c_uint32)]),
        "tc_route": (C.c_uint32, [char_p, size_t, C.POINTER(RouteDecision)]),
        "tc_token_type_name": (C.c_char_p, [C.c_uint32]),
        "tc_token_type_default_prefix": (C.c_char_p, [C.c_uint32]),
        "tc_token_type_from_name": (C.c_uint32, [char_p, size_t, C.POINTER(C.c_uint32)]),
        "tc_scanner_new": (C.c_uint32, [config_p, C.POINTER(ScanOptions), C.POINTER(C.c_void_p)]),
        "tc_scanner_free": (None, [C.c_void_p]),
        "tc_scan": (C.c_uint32, [C.c_void_p, char_p, size_t, C.POINTER(Finding), size_t, C.POINTER(size_t)]),
        "tc_redact": (C.c_uint32, [C.c_void_p, char_p, size_t, C.c_char_p, size_t, C.POINTER(size_t)]),
        "tc_redactor_new": (C.c_uint32, [C.c_void_p, C.POINTER(C.c_void_p)]),
        "tc_redactor_push": (C.c_uint32, [C.c_void_p, char_p, size_t, write_callback, C.c_void_p,
                                          C.POINTER(size_t)]),
        "tc_redactor_finish": (C.c_uint32, [C.c_void_p, write_callback, C.c_void_p, C.POINTER(size_t)]),
        "tc_redactor_free": (None, [C.c_void_p]),
    }
    for name, (restype, argtypes) in protos.items():
        fn = getattr(lib, name)
        fn.restype, fn.argtypes = restype, argtypes
    return SimpleNamespace(
        RoutingEntry=RoutingEntry, RoutingOptions=RoutingOptions, DecodedToken=DecodedToken,
        TokenLayout=TokenLayout, Identification=Identification, RouteDecision=RouteDecision,
        ConfigOptions=ConfigOptions, Finding=Finding, ScanOptions=ScanOptions,
        write_callback=write_callback)
