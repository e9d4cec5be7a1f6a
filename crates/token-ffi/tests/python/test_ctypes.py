#!/usr/bin/env python3
"""Drives libtoken_ffi.so from Python through ctypes, with the constants read
from include/token_codec.h: proof that the C ABI is usable from a runtime that
never sees the C compiler.

Usage: test_ctypes.py <libtoken_ffi.so> <token_codec.h> <vectors.json>
"""

import ctypes as C
import json
import os
import re
import sys
import traceback

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "python"))
from token_codec_ffi import declare, read_constants  # noqa: E402

passed = 0
failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print("FAIL %s" % what, file=sys.stderr)


def test_scanning(lib, k, vectors, Finding, ScanOptions, write_callback):
    """Leak scanning and redaction: vectors planted among NUL and non-UTF-8
    bytes, look-alikes, short arrays, streaming in small chunks, a failing write."""
    scanner, dropping = C.c_void_p(), C.c_void_p()
    check(lib.tc_scanner_new(None, None, C.byref(scanner)) == 0 and scanner.value, "tc_scanner_new")
    check(lib.tc_scanner_new(None, C.byref(ScanOptions(True, False, False)), C.byref(dropping)) == 0,
          "tc_scanner_new with drop_invalid")

    def scan(s, text, capacity=16):
        findings, count = (Finding * max(capacity, 1))(), C.c_size_t(0)
        code = lib.tc_scan(s, text, len(text), findings, capacity, C.byref(count))
        return code, count.value, findings[:min(count.value, capacity)]

    def redact(s, text):
        needed = C.c_size_t(0)
        lib.tc_redact(s, text, len(text), None, 0, C.byref(needed))
        out, out_len = C.create_string_buffer(max(needed.value, 1)), C.c_size_t(0)
        code = lib.tc_redact(s, text, len(text), out, needed.value, C.byref(out_len))
        return code, out.raw[:out_len.value]

    document, expected = b"", b""
    for v in vectors["decode"]:
        token, prefix = v["token"].encode(), v["prefix"].encode()
        text = b"\xff\x00 token=" + token + b"\n\xc3"
        code, count, found = scan(scanner, text)
        check(code == 0 and count == 1, "scan finds: " + v["note"])
        if count == 1:
            f = found[0]
            check((f.offset, f.len, f.prefix_len) == (9, len(token), len(prefix)), "finding span: " + v["note"])
            check(f.checksum == k["TC_CHECKSUM_VALID"], "finding valid: " + v["note"])
            check(f.kind == k["TC_TOKEN_KIND_ROUTABLE_" + v["format"].upper()], "finding kind: " + v["note"])
            routing = bytes(f.routing[:f.routing_len]).decode()
            pairs = dict(line.split(":", 1) for line in routing.split("\n"))
            check(pairs == v["routing"], "finding routing: " + v["note"])
        document += b"\x00 " + token + b" \xff"
        expected += b"\x00 " + prefix + b"[REDACTED] \xff"

    look_alike = b"glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcia"
    check(look_alike in [v["token"].encode() for v in vectors["reject"]], "the look-alike is a reject vector")
    code, count, found = scan(scanner, b"x " + look_alike)
    check(code == 0 and count == 1 and found[0].checksum == k["TC_CHECKSUM_INVALID"], "look-alike reported invalid")
    check(scan(dropping, b"x " + look_alike)[:2] == (0, 0), "look-alike dropped on request")
    document += b" " + look_alike + b"\n"
    expected += b" glpat-[REDACTED]\n"

    code, count, found = scan(scanner, document, 2)
    check(code == k["TC_RESULT_BUFFER_TOO_SMALL"] and count == len(vectors["decode"]) + 1 and len(found) == 2,
          "short finding array: first findings written, total counted")
    check(redact(scanner, document) == (0, expected), "tc_redact is byte-exact")

    redactor = C.c_void_p()
    check(lib.tc_redactor_new(scanner, C.byref(redactor)) == 0, "tc_redactor_new")
    streamed = []
    collect = write_callback(lambda _userdata, buf, n: streamed.append(C.string_at(buf, n)) or 0)
    for at in range(0, len(document), 7):
        chunk = document[at:at + 7]
        check(lib.tc_redactor_push(redactor, chunk, len(chunk), collect, None, None) == 0, "push")
    redacted = C.c_size_t(0)
    check(lib.tc_redactor_finish(redactor, collect, None, C.byref(redacted)) == 0, "finish")
    check(b"".join(streamed) == expected, "streaming in 7-byte chunks equals tc_redact")
    failing = write_callback(lambda _userdata, _buf, _n: 1)
    lib.tc_redactor_push(redactor, document, len(document), failing, None, None)
    check(lib.tc_redactor_finish(redactor, failing, None, None) == k["TC_RESULT_SCAN_WRITE_FAILED"],
          "a failing write callback")
    lib.tc_redactor_free(redactor)
    check(lib.tc_scan(None, b"x", 1, None, 0, C.byref(C.c_size_t())) == k["TC_RESULT_NULL_ARGUMENT"],
          "NULL scanner")
    lib.tc_scanner_free(scanner)
    lib.tc_scanner_free(dropping)
    lib.tc_scanner_free(None)


def main(lib_path, header_path, vectors_path):
    k = read_constants(header_path)
    lib = C.CDLL(lib_path)
    api = declare(lib, k)
    RoutingEntry, RoutingOptions, DecodedToken = api.RoutingEntry, api.RoutingOptions, api.DecodedToken
    TokenLayout, Identification, RouteDecision = api.TokenLayout, api.Identification, api.RouteDecision
    ConfigOptions, Finding, ScanOptions = api.ConfigOptions, api.Finding, api.ScanOptions
    write_callback = api.write_callback
    with open(vectors_path, encoding="utf-8") as f:
        vectors = json.load(f)

    def entries_of(routing):
        array = (RoutingEntry * max(len(routing), 1))()
        for i, (key, value) in enumerate(routing.items()):
            key_bytes = key.encode()
            array[i].key, array[i].key_len = key_bytes, len(key_bytes)
            if isinstance(value, int):
                array[i].kind, array[i].int_value = k["TC_ROUTING_VALUE_INT"], value
            else:
                text = value.encode()
                array[i].kind, array[i].text, array[i].text_len = k["TC_ROUTING_VALUE_TEXT"], text, len(text)
        return array, len(routing)

    def fmt(name):
        return k["TC_FORMAT_" + name.upper()]

    def text_call(fn, *args):
        out, out_len = C.create_string_buffer(4096), C.c_size_t(0)
        code = fn(*args, out, len(out), C.byref(out_len))
        return code, out.raw[:out_len.value]

    # Every TC_RESULT_* constant of the header is known to the library by that name.
    results = {name: value for name, value in k.items() if name.startswith("TC_RESULT_")}
    check(len(results) >= 40, "header defines the result codes")
    check(len(set(results.values())) == len(results), "result codes are distinct")
    for name, value in results.items():
        check(lib.tc_result_name(value).decode() == name, "tc_result_name(%s)" % name)
        check(lib.tc_result_message(value) not in (None, b"", b"unknown result code"), "message of " + name)
    check(lib.tc_result_name(123456) == b"unknown", "unknown code name")
    check(re.match(rb"^\d+\.\d+\.\d+", lib.tc_version()) is not None, "tc_version")

    for v in vectors["encode"]:
        entries, count = entries_of(v["routing"])
        options = RoutingOptions(v["cell_id"] is not None, v["cell_id"] or 0, 0)
        random = (C.c_uint8 * 16)(*bytes.fromhex(v["random_hex"]))
        prefix = v["prefix"].encode()
        code, token = text_call(lib.tc_encode, prefix, len(prefix), entries, count, C.byref(options),
                                random, 16, fmt(v["format"]))
        check(code == 0 and token == v["token"].encode(), "encode: " + v["note"])
        code, fresh = text_call(lib.tc_generate, prefix, len(prefix), entries, count, C.byref(options),
                                fmt(v["format"]))
        check(code == 0 and fresh.startswith(prefix) and fresh != token, "generate: " + v["note"])

    for v in vectors["decode"]:
        token = v["token"].encode()
        decoded = DecodedToken()
        check(lib.tc_decode(token, len(token), C.byref(decoded)) == 0, "decode: " + v["note"])
        check(decoded.format == fmt(v["format"]), "format: " + v["note"])
        check(bytes(decoded.prefix[:decoded.prefix_len]) == v["prefix"].encode(), "prefix: " + v["note"])
        check(bytes(decoded.random).hex() == v["random_hex"], "random: " + v["note"])
        routing = bytes(decoded.routing[:decoded.routing_len])
        pairs = {}
        for span in decoded.entries[:decoded.entry_count]:
            pairs[span.key.decode()] = routing[span.value_offset:span.value_offset + span.value_len].decode()
        check(pairs == v["routing"], "routing entries: " + v["note"])
        layout = TokenLayout()
        check(lib.tc_verify(token, len(token), C.byref(layout)) == 0, "verify: " + v["note"])
        check(layout.prefix_len == len(v["prefix"]), "layout: " + v["note"])

    for v in vectors["reject"]:
        token = v["token"].encode()
        code = lib.tc_decode(token, len(token), C.byref(DecodedToken()))
        check(200 <= code < 300, "reject (%s): %s" % (v["why"], lib.tc_result_name(code)))
        decision = RouteDecision()
        check(lib.tc_route(token, len(token), C.byref(decision)) == 0, "route of a rejected token")
        check(decision.kind == k["TC_ROUTE_DEFAULT"] and decision.default_reason == code, "default route")

    for v in vectors["generate_errors"]:
        entries, count = entries_of(v["routing"])
        code, _ = text_call(lib.tc_generate, b"glpat-", 6, entries, count, None, k["TC_FORMAT_V1"])
        expected = {"InvalidRoutingKeys": "TC_RESULT_ROUTING_INVALID_KEYS",
                    "MissingRequiredRoutingKeys": "TC_RESULT_ROUTING_MISSING_REQUIRED_KEYS",
                    "PayloadTooLarge": "TC_RESULT_ROUTING_PAYLOAD_TOO_LARGE"}[v["error"]]
        check(code == k[expected], "generate error " + v["error"])
        code, message = text_call(lib.tc_routing_error_message, entries, count, None)
        check(code == k[expected] and message == v["message"].encode(), "GitLab message for " + v["error"])

    for v in vectors["legacy"]:
        token = v["token"].encode()
        ident = Identification()
        check(lib.tc_identify(None, token, len(token), C.byref(ident)) == 0, "identify legacy")
        check(lib.tc_token_type_name(ident.token_type).decode() == v["type"], "legacy type")
        check(ident.kind == k["TC_TOKEN_KIND_LEGACY"], "legacy kind")

    # A configuration object: create, use from Python, free.
    config = C.c_void_p()
    options = ConfigOptions(b"acme", 4, b"mypat-", 6)
    check(lib.tc_config_new(C.byref(options), C.byref(config)) == 0 and config.value, "tc_config_new")
    for t in range(k["TC_TOKEN_TYPE_COUNT"]):
        code, token = text_call(lib.tc_generate_legacy, config, t)
        ident = Identification()
        check(code == 0 and lib.tc_identify(config, token, len(token), C.byref(ident)) == 0
              and ident.token_type == t, "legacy %s" % lib.tc_token_type_name(t).decode())
    kind = C.c_uint32(99)
    token = b"mypat-abcdefghijklmnopqrstuvwxyz0123456789"
    check(lib.tc_classify_bearer(config, token, len(token), k["TC_LENGTH_DETECTION_DISABLED"], C.byref(kind)) == 0
          and kind.value == k["TC_BEARER_PERSONAL_ACCESS_TOKEN"], "classify with custom PAT prefix")
    lib.tc_config_free(config)
    lib.tc_config_free(None)
    bad = ConfigOptions(b"ac-me", 5, None, 0)
    check(lib.tc_config_new(C.byref(bad), C.byref(config)) == k["TC_RESULT_CONFIG_INVALID_INSTANCE_PREFIX"],
          "invalid instance prefix")

    # Errors the binding must see: NULL, non-UTF-8, NUL bytes, short buffers.
    check(lib.tc_decode(None, 3, C.byref(DecodedToken())) == k["TC_RESULT_NULL_ARGUMENT"], "NULL input")
    check(lib.tc_decode(b"glpat-\x00\xff", 8, C.byref(DecodedToken())) == k["TC_RESULT_DECODE_NOT_ROUTABLE"],
          "NUL and non-UTF-8 bytes")
    entries, count = entries_of({"o": 1})
    needed = C.c_size_t(0)
    code = lib.tc_generate(b"glpat-", 6, entries, count, None, k["TC_FORMAT_V1"], None, 0, C.byref(needed))
    check(code == k["TC_RESULT_BUFFER_TOO_SMALL"] and 0 < needed.value <= k["TC_MAX_TOKEN_LEN"], "length query")
    check(text_call(lib.tc_generate, b"\xff", 1, entries, count, None, 1)[0] == k["TC_RESULT_INVALID_UTF8"],
          "non-UTF-8 prefix")

    test_scanning(lib, k, vectors, Finding, ScanOptions, write_callback)

    print("python ctypes: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit("usage: test_ctypes.py <libtoken_ffi.so> <token_codec.h> <vectors.json>")
    try:
        sys.exit(main(*sys.argv[1:]))
    except Exception:  # a crash in the binding is a failure, reported as such
        traceback.print_exc()
        print("python ctypes: %d passed, %d failed" % (passed, failed + 1))
        sys.exit(1)
