#!/usr/bin/env python3
"""Turns testdata/vectors.json into a C header of test tables for the C tests.

Usage: vectors_to_c.py <vectors.json> <out.h>

Besides the vectors, it forges one token per strict-decoding error (with a
correct CRC where the defect lies elsewhere), so that the C tests reach every
TC_RESULT_DECODE_* code through real inputs; and it says what a leak scanner
must report for each of these tokens (SCAN_VECTORS), from the specification's
prefixes and token shapes (docs/spec/token-types.md, detection.md).
"""

import base64
import json
import re
import sys
import zlib

ROUTING_ERRORS = {
    "InvalidRoutingKeys": "TC_RESULT_ROUTING_INVALID_KEYS",
    "MissingRequiredRoutingKeys": "TC_RESULT_ROUTING_MISSING_REQUIRED_KEYS",
    "PayloadTooLarge": "TC_RESULT_ROUTING_PAYLOAD_TOO_LARGE",
    "InvalidRoutingValue": "TC_RESULT_ROUTING_INVALID_VALUE",
}

ALPHABET = b"0123456789abcdefghijklmnopqrstuvwxyz"

# GitLab's default prefixes and the types they name (docs/spec/token-types.md).
KNOWN_PREFIXES = {
    b"glpat-": "personal_access_token",
    b"gldt-": "deploy_token",
    b"glft-": "feed_token",
    b"glimt-": "incoming_email_token",
    b"glrt-": "runner_authentication_token",
    b"glrtr-": "runner_authentication_token",
    b"glrt-t1_": "runner_authentication_token",
    b"glrt-t2_": "runner_authentication_token",
    b"glrt-t3_": "runner_authentication_token",
    b"GR1348941": "runner_registration_token",
    b"glcbt-": "ci_job_token",
    b"glptt-": "ci_trigger_token",
    b"gloas-": "oauth_application_secret",
    b"glagent-": "cluster_agent_token",
    b"glffct-": "feature_flags_client_token",
    b"glsoat-": "scim_oauth_token",
    b"glwt-": "workspace_token",
    b"_gitlab_session=": "session_cookie",
}

# What the scanner must say of a token planted in text (vec_scan.expect).
SCAN_VALID = "SCAN_VALID"  # found whole, TC_CHECKSUM_VALID, with its routing
SCAN_LOOK_ALIKE = "SCAN_LOOK_ALIKE"  # found whole, TC_CHECKSUM_INVALID (dropped on request)
SCAN_LEGACY = "SCAN_LEGACY"  # found whole, TC_CHECKSUM_NOT_APPLICABLE
SCAN_NOT_VALID = "SCAN_NOT_VALID"  # whatever is found, nothing is TC_CHECKSUM_VALID


def c_bytes(data):
    """A C string literal of arbitrary bytes (octal escapes: never greedy)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    out = []
    for b in data:
        if 0x20 <= b < 0x7F and b not in (ord('"'), ord("\\"), ord("?")):
            out.append(chr(b))
        else:
            out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def c_literal(data):
    """`"..."`, length: a literal and its byte length (NUL bytes included)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return "%s, %d" % (c_bytes(data), len(data))


def base36(value, width):
    digits = bytearray()
    while value:
        digits.insert(0, ALPHABET[value % 36])
        value //= 36
    return bytes(digits).rjust(width, b"0")


def with_crc(body):
    return body + base36(zlib.crc32(body), 7)


def b64(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=")


def v1(prefix, payload, version=b"01", length=None):
    field = length if length is not None else base36(len(payload), 2)
    return with_crc(prefix + payload + b"." + version + b"." + field)


def v1_routing(routing, length_byte=None, prefix=b"glpat-"):
    size = len(routing) if length_byte is None else length_byte
    return v1(prefix, b64(b"a" * 16 + routing + bytes([size])))


def v0_routing(routing, prefix=b"glpat-"):
    payload = b64(routing + b"a" * 16 + bytes([16]))
    return with_crc(prefix + payload + b"." + base36(len(payload), 2))


def forged():
    """(token bytes, expected code, what) for every strict-decoding error."""
    good = v1_routing(b"o:1\nu:1")
    ok_payload = b64(b"a" * 16 + b"o:1" + bytes([3]))
    return [
        (b"", "TC_RESULT_DECODE_EMPTY", "empty"),
        (b"a" * 1373, "TC_RESULT_DECODE_TOO_LONG", "longer than any token"),
        (b"glpat-ts8y8Mk2gxi-xvXVsxfN", "TC_RESULT_DECODE_NOT_ROUTABLE", "legacy PAT"),
        (b"abcd.12ABCDEFG", "TC_RESULT_DECODE_INVALID_CHECKSUM_FIELD", "uppercase checksum"),
        (good[:-1] + (b"0" if good[-1:] != b"0" else b"1"),
         "TC_RESULT_DECODE_CHECKSUM_MISMATCH", "last checksum digit changed"),
        (v1(b"glpat-", ok_payload, version=b"02"), "TC_RESULT_DECODE_UNSUPPORTED_VERSION", "version 02"),
        (v1(b"glpat-", ok_payload, length=b"1B"), "TC_RESULT_DECODE_INVALID_LENGTH_FIELD", "uppercase length"),
        (v1(b"glpat-", ok_payload, length=b"zz"), "TC_RESULT_DECODE_LENGTH_FIELD_OUT_OF_RANGE", "length zz"),
        (v1(b"glpat-", b"a" * 29), "TC_RESULT_DECODE_LENGTH_FIELD_MISMATCH", "29-character payload"),
        (v1(b"gl\npat-", ok_payload), "TC_RESULT_DECODE_INVALID_PREFIX", "newline in prefix"),
        (v1(b"gl\xffpat-", ok_payload), "TC_RESULT_DECODE_INVALID_PREFIX", "non-UTF-8 prefix"),
        (v1(b"p" * 65, ok_payload), "TC_RESULT_DECODE_PREFIX_TOO_LONG", "65-byte prefix"),
        (v1(b"glpat-", b"YWFh!WFhYWFhYWFhYWFhYW86MQM"), "TC_RESULT_DECODE_INVALID_BASE64", "'!' in payload"),
        (v1(b"glpat-", b"YWFh\0WFhYWFhYWFhYWFhYW86MQM"), "TC_RESULT_DECODE_INVALID_BASE64", "NUL in payload"),
        (v1(b"glpat-", b"a" * 22), "TC_RESULT_DECODE_PAYLOAD_TOO_SHORT", "16 raw bytes"),
        (v1_routing(b"o:1", length_byte=4), "TC_RESULT_DECODE_LENGTH_BYTE_MISMATCH", "length byte 4 for 3"),
        (v1_routing(b""), "TC_RESULT_DECODE_EMPTY_ROUTING", "no routing"),
        (v1_routing(b"o:" + b"x" * 158), "TC_RESULT_DECODE_ROUTING_TOO_LARGE", "160-byte routing"),
        (v1_routing(b"o1"), "TC_RESULT_DECODE_MALFORMED_ROUTING", "line without colon"),
        (v1_routing(b"o:\xff"), "TC_RESULT_DECODE_MALFORMED_ROUTING", "non-UTF-8 value"),
        (v1_routing(b"q:1"), "TC_RESULT_DECODE_UNKNOWN_ROUTING_KEY", "key q"),
        (v1_routing(b"o:1\no:2"), "TC_RESULT_DECODE_DUPLICATE_ROUTING_KEY", "o twice"),
        (v1_routing(b"u:1\no:1"), "TC_RESULT_DECODE_UNSORTED_ROUTING_KEYS", "u before o"),
        (v0_routing(b"u:1\no:1"), "TC_RESULT_DECODE_UNSORTED_ROUTING_KEYS", "u before o, v0"),
    ]


def known_prefix(token):
    """The longest known prefix `token` starts with, or b""."""
    return max((p for p in KNOWN_PREFIXES if token.startswith(p)), key=len, default=b"")


def look_alike_kind(token):
    """For a rejected token: the kind a scanner reports it as (a known prefix,
    a base64url payload and a lowercase routable tail), or None."""
    body = token[len(known_prefix(token)):]
    if not known_prefix(token):
        return None
    if re.fullmatch(rb"[A-Za-z0-9_-]+\.01\.[0-9a-z]{9}", body):
        return "TC_TOKEN_KIND_ROUTABLE_V1"
    if re.fullmatch(rb"[A-Za-z0-9_-]+\.[0-9a-z]{9}", body):
        return "TC_TOKEN_KIND_ROUTABLE_V0"
    return None


def scan_row(what, token, expect, prefix, kind, routing=None):
    token = token.encode("utf-8") if isinstance(token, str) else token
    prefix = prefix.encode("utf-8") if isinstance(prefix, str) else prefix
    type_name = KNOWN_PREFIXES.get(prefix)
    return "  {%s, %s, %s, %d, %s, %s, %s}," % (
        c_bytes(what), c_literal(token), expect, len(prefix),
        c_bytes(type_name) if type_name else "NULL", kind,
        c_literal(routing) if routing is not None else "NULL, 0")


def scan_rows(vectors):
    """What a scanner must report for every token of the vectors."""
    rows = []
    for v in vectors["encode"]:
        kind = "TC_TOKEN_KIND_ROUTABLE_" + v["format"].upper()
        rows.append(scan_row("encode: " + v["note"], v["token"], SCAN_VALID, v["prefix"], kind))
    for v in vectors["decode"]:
        kind = "TC_TOKEN_KIND_ROUTABLE_" + v["format"].upper()
        rows.append(scan_row("decode: " + v["note"], v["token"], SCAN_VALID, v["prefix"], kind,
                             decoded_routing(v["routing"])))
    for v in vectors["legacy"]:
        token = v["token"].encode("utf-8")
        rows.append(scan_row("legacy: " + v.get("note", ""), token, SCAN_LEGACY, known_prefix(token),
                             "TC_TOKEN_KIND_LEGACY"))
    rejected = [("reject: " + v["why"], v["token"].encode("utf-8")) for v in vectors["reject"]]
    rejected += [("forged: " + what, token) for token, _, what in forged()]
    for what, token in rejected:
        if not token:
            continue
        kind = look_alike_kind(token)
        if kind:
            rows.append(scan_row(what, token, SCAN_LOOK_ALIKE, known_prefix(token), kind))
        else:
            rows.append(scan_row(what, token, SCAN_NOT_VALID, b"", "TC_TOKEN_KIND_LEGACY"))
    return rows


def decoded_routing(routing):
    """A decode vector's routing as payload text: keys in `cgoptu` order."""
    order = "cgoptu"
    return "\n".join("%s:%s" % (k, routing[k]) for k in sorted(routing, key=order.index))


def routing_entries(routing):
    """C initializers of vec_routing for a JSON routing object (file order)."""
    items = []
    for key, value in routing.items():
        if isinstance(value, int):
            items.append("{%s, 1, %dULL, NULL, 0}" % (c_literal(key), value))
        else:
            items.append("{%s, 0, 0, %s}" % (c_literal(key), c_literal(value)))
    return items


def hex_bytes(text):
    return "{" + ", ".join("0x%02x" % b for b in bytes.fromhex(text)) + "}"


def fmt(name):
    return {"v0": "TC_FORMAT_V0", "v1": "TC_FORMAT_V1"}[name]


def main(source, target):
    with open(source, encoding="utf-8") as f:
        vectors = json.load(f)
    lines = [
        "/* Test tables from testdata/vectors.json, written by vectors_to_c.py. */",
        "#include <stddef.h>",
        "#include <stdint.h>",
        '#include "token_codec.h"',
        "",
        "typedef struct { const char *key; size_t key_len; int is_int; uint64_t int_value;",
        "                 const char *text; size_t text_len; } vec_routing;",
        "typedef struct { const char *note; const char *prefix; size_t prefix_len;",
        "                 vec_routing routing[8]; size_t routing_count; int has_cell_id;",
        "                 uint64_t cell_id; uint8_t random[16]; tc_format format;",
        "                 const char *token; size_t token_len; } vec_encode;",
        "typedef struct { const char *note; const char *token; size_t token_len; tc_format format;",
        "                 const char *prefix; size_t prefix_len; const char *routing;",
        "                 size_t routing_len; uint8_t random[16]; } vec_decode;",
        "typedef struct { const char *why; const char *token; size_t token_len; } vec_reject;",
        "typedef struct { vec_routing routing[8]; size_t routing_count; tc_result error;",
        "                 const char *message; size_t message_len; } vec_generate_error;",
        "typedef struct { const char *note; const char *token; size_t token_len;",
        "                 const char *type_name; size_t type_name_len; } vec_legacy;",
        "typedef struct { const char *what; const char *token; size_t token_len;",
        "                 tc_result expected; } vec_forged;",
        "typedef enum { SCAN_VALID, SCAN_LOOK_ALIKE, SCAN_LEGACY, SCAN_NOT_VALID } scan_expect;",
        "typedef struct { const char *what; const char *token; size_t token_len; scan_expect expect;",
        "                 size_t prefix_len; const char *type_name; tc_token_kind kind;",
        "                 const char *routing; size_t routing_len; } vec_scan;",
        "",
    ]

    lines.append("static const vec_encode ENCODE_VECTORS[] = {")
    for v in vectors["encode"]:
        routing = routing_entries(v["routing"])
        cell = v["cell_id"]
        lines.append(
            "  {%s, %s, {%s}, %d, %d, %dULL, %s, %s, %s},"
            % (c_bytes(v["note"]), c_literal(v["prefix"]), ", ".join(routing) or "{0}", len(routing),
               cell is not None, cell or 0, hex_bytes(v["random_hex"]), fmt(v["format"]),
               c_literal(v["token"])))
    lines.append("};")

    lines.append("static const vec_decode DECODE_VECTORS[] = {")
    for v in vectors["decode"]:
        routing = decoded_routing(v["routing"])
        lines.append(
            "  {%s, %s, %s, %s, %s, %s},"
            % (c_bytes(v["note"]), c_literal(v["token"]), fmt(v["format"]),
               c_literal(v["prefix"]), c_literal(routing), hex_bytes(v["random_hex"])))
    lines.append("};")

    lines.append("static const vec_reject REJECT_VECTORS[] = {")
    for v in vectors["reject"]:
        lines.append("  {%s, %s}," % (c_bytes(v["why"]), c_literal(v["token"])))
    lines.append("};")

    lines.append("static const vec_generate_error GENERATE_ERROR_VECTORS[] = {")
    for v in vectors["generate_errors"]:
        routing = routing_entries(v["routing"])
        lines.append(
            "  {{%s}, %d, %s, %s},"
            % (", ".join(routing) or "{0}", len(routing), ROUTING_ERRORS[v["error"]],
               c_literal(v["message"])))
    lines.append("};")

    lines.append("static const vec_legacy LEGACY_VECTORS[] = {")
    for v in vectors["legacy"]:
        if v.get("routable"):
            raise SystemExit("legacy vector marked routable: %r" % v["token"])
        lines.append(
            "  {%s, %s, %s}," % (c_bytes(v.get("note", "")), c_literal(v["token"]), c_literal(v["type"])))
    lines.append("};")

    lines.append("static const vec_forged FORGED_VECTORS[] = {")
    for token, code, what in forged():
        lines.append("  {%s, %s, %s}," % (c_bytes(what), c_literal(token), code))
    lines.append("};")

    lines.append("static const vec_scan SCAN_VECTORS[] = {")
    lines.extend(scan_rows(vectors))
    lines.append("};")

    for name in ["ENCODE", "DECODE", "REJECT", "GENERATE_ERROR", "LEGACY", "FORGED", "SCAN"]:
        lines.append("#define %s_COUNT (sizeof(%s_VECTORS) / sizeof(%s_VECTORS[0]))" % (name, name, name))

    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: vectors_to_c.py <vectors.json> <out.h>")
    main(sys.argv[1], sys.argv[2])
