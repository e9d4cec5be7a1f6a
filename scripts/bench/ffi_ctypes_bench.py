#!/usr/bin/env python3
"""Times the C ABI (libtoken_ffi.so) from a second runtime, Python through
ctypes, against pure-Python implementations of the same work (GitLab's
algorithm: base64, zlib.crc32, int(x, 36)) measured in the same run.

Each operation runs ROUNDS rounds of CALLS calls; the per-call time of a
round is its wall time (time.perf_counter_ns) divided by CALLS, and the
figure reported is the median round. Writes JSON to <out.json>.

Usage: ffi_ctypes_bench.py <libtoken_ffi.so> <token_codec.h> <out.json> [calls] [rounds]
"""

import base64
import ctypes as C
import json
import os
import statistics
import sys
import time
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "crates", "token-ffi", "python"))
from token_codec_ffi import declare, read_constants  # noqa: E402

PAT_V1 = b"glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij"
LEGACY_PAT = b"glpat-ts8y8Mk2gxi-xvXVsxfN"
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
PREFIXES = [
    (b"_gitlab_session=", "session_cookie"), (b"GR1348941", "runner_registration_token"),
    (b"glrt-t1_", "runner_authentication_token"), (b"glrt-t2_", "runner_authentication_token"),
    (b"glrt-t3_", "runner_authentication_token"), (b"glagent-", "cluster_agent_token"),
    (b"glffct-", "feature_flags_client_token"), (b"glsoat-", "scim_oauth_token"),
    (b"glpat-", "personal_access_token"), (b"glimt-", "incoming_email_token"),
    (b"glrtr-", "runner_authentication_token"), (b"glcbt-", "ci_job_token"),
    (b"glptt-", "ci_trigger_token"), (b"gloas-", "oauth_application_secret"),
    (b"gldt-", "deploy_token"), (b"glft-", "feed_token"), (b"glrt-", "runner_authentication_token"),
    (b"glwt-", "workspace_token"),
]


# ---- pure Python: GitLab's algorithm -------------------------------------

def py_base36(value, width):
    digits = []
    for _ in range(width):
        value, rest = divmod(value, 36)
        digits.append(DIGITS[rest])
    return "".join(reversed(digits))


def py_generate(prefix, routing):
    """Routable v1 token: random(16) + routing + len, base64url, tail, CRC."""
    payload = "\n".join("%s:%s" % (k, py_to_s36(v)) for k, v in sorted(routing.items())).encode()
    raw = os.urandom(16) + payload + bytes([len(payload)])
    b64 = base64.urlsafe_b64encode(raw).rstrip(b"=")
    body = prefix + b64 + b".01." + py_base36(len(b64), 2).encode()
    return body + py_base36(zlib.crc32(body), 7).encode()


def py_to_s36(value):
    if value == 0:
        return "0"
    out = []
    while value:
        value, rest = divmod(value, 36)
        out.append(DIGITS[rest])
    return "".join(reversed(out))


def py_verify(token):
    """The checksum and length fields only."""
    n = len(token)
    if n < 10 or token[n - 10] != 0x2E:
        return None
    if zlib.crc32(token[:-7]) != int(token[-7:], 36):
        return None
    separator = n - 13 if n >= 13 and token[n - 13] == 0x2E else n - 10
    length = int(token[n - 9:n - 7], 36)
    return None if length > separator else (separator - length, length)


def py_decode(token):
    """GitLab's decoder: checksum, then payload, routing map and random bytes."""
    layout = py_verify(token)
    if layout is None:
        return None
    prefix_len, length = layout
    payload = token[prefix_len:prefix_len + length]
    raw = base64.urlsafe_b64decode(payload + b"=" * (-len(payload) % 4))
    if token[len(token) - 13] == 0x2E:
        random, routing = raw[:16], raw[16:-1]
    else:
        count = raw[-1]
        random, routing = raw[-1 - count:-1], raw[:-1 - count]
    entries = dict(line.split(":", 1) for line in routing.decode().split("\n"))
    return token[:prefix_len], entries, random


def py_identify(token):
    for prefix, name in PREFIXES:
        if token.startswith(prefix):
            return name
    return None


def per_call_ns(function, calls, rounds):
    """Median over rounds of (round wall time / calls), in ns."""
    function()
    times = []
    for _ in range(rounds):
        start = time.perf_counter_ns()
        for _ in range(calls):
            function()
        times.append((time.perf_counter_ns() - start) / calls)
    return statistics.median(times)


def main():
    lib_path, header, out_path = sys.argv[1:4]
    calls = int(sys.argv[4]) if len(sys.argv) > 4 else 100_000
    rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 11
    k = read_constants(header)
    lib = C.CDLL(lib_path)
    api = declare(lib, k)
    DecodedToken, TokenLayout = api.DecodedToken, api.TokenLayout
    Identification, RoutingEntry = api.Identification, api.RoutingEntry

    decoded, layout, identification = DecodedToken(), TokenLayout(), Identification()
    entries = (RoutingEntry * 2)(
        RoutingEntry(b"o", 1, k["TC_ROUTING_VALUE_INT"], 1, None, 0),
        RoutingEntry(b"u", 1, k["TC_ROUTING_VALUE_INT"], 42, None, 0))
    out = C.create_string_buffer(k["TC_MAX_TOKEN_LEN"] + 1)
    out_len = C.c_size_t()
    token, n = PAT_V1, len(PAT_V1)
    v1 = k["TC_FORMAT_V1"]

    # Every path must give the right answer before it is timed.
    assert lib.tc_decode(token, n, decoded) == 0 and bytes(decoded.random) == b"a" * 16
    assert py_decode(token) == (b"glpat-", {"o": "1", "u": "1"}, b"a" * 16)
    assert lib.tc_generate(b"glpat-", 6, entries, 2, None, v1, out, len(out), out_len) == 0
    assert lib.tc_decode(out.raw[:out_len.value], out_len.value, decoded) == 0
    assert py_decode(py_generate(b"glpat-", {"o": 1, "u": 42}))[1] == {"o": "1", "u": "16"}
    assert lib.tc_identify(None, LEGACY_PAT, len(LEGACY_PAT), identification) == 0
    assert py_identify(LEGACY_PAT) == "personal_access_token"

    rows = [
        ("decode", lambda: lib.tc_decode(token, n, decoded), lambda: py_decode(token)),
        ("verify", lambda: lib.tc_verify(token, n, layout), lambda: py_verify(token)),
        ("identify", lambda: lib.tc_identify(None, token, n, identification), lambda: py_identify(token)),
        ("generate", lambda: lib.tc_generate(b"glpat-", 6, entries, 2, None, v1, out, len(out), out_len),
         lambda: py_generate(b"glpat-", {"o": 1, "u": 42})),
        ("call overhead (tc_version)", lambda: lib.tc_version(), lambda: None),
    ]
    results = []
    for name, native, python in rows:
        ffi_ns = per_call_ns(native, calls, rounds)
        python_ns = per_call_ns(python, calls, rounds)
        results.append({"operation": name, "ffi_ns": ffi_ns, "python_ns": python_ns,
                        "ratio": python_ns / ffi_ns if ffi_ns else None})
        print("%-28s ctypes %8.0f ns   pure Python %8.0f ns   %.1fx" % (name, ffi_ns, python_ns, python_ns / ffi_ns))
    meta = {"python": sys.version.split()[0], "calls": calls, "rounds": rounds,
            "library": os.path.basename(lib_path), "results": results}
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2)


if __name__ == "__main__":
    main()
