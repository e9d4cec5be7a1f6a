#ifndef TOKEN_CODEC_H
#define TOKEN_CODEC_H

/*
 * token_codec C API. This file is produced by cbindgen from crates/token-ffi:
 * edit the Rust sources and run `rake ffi:header`, never this file.
 * Contract (ownership, buffers, errors, threads, fork): crates/token-ffi/README.md
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * Number of random bytes in a routable token (the secret part).
 */
#define TC_RANDOM_LEN 16

/**
 * Longest prefix a routable token may have, in bytes.
 */
#define TC_MAX_PREFIX_LEN 64

/**
 * Longest routing payload, in bytes.
 */
#define TC_MAX_ROUTING_LEN 159

/**
 * Most entries a routing payload holds (one per key `c g o p t u`).
 */
#define TC_MAX_ROUTING_ENTRIES 6

/**
 * Longest routable token `tc_encode` and `tc_generate` produce, in bytes. A
 * buffer of `TC_MAX_TOKEN_LEN + 1` bytes always suffices (the NUL included).
 */
#define TC_MAX_TOKEN_LEN 312

/**
 * Longest legacy token `tc_generate_legacy` produces, in bytes (an OAuth
 * application secret under a 20-character instance prefix). A buffer of
 * `TC_MAX_LEGACY_TOKEN_LEN + 1` bytes always suffices.
 */
#define TC_MAX_LEGACY_TOKEN_LEN 91

/**
 * Longest instance prefix or custom PAT prefix a configuration accepts.
 */
#define TC_MAX_CONFIGURED_PREFIX_LEN 20

/**
 * Longest token the scanner reports (`tc_finding.len`), in bytes: a prefix of
 * at most `TC_MAX_PREFIX_LEN` bytes and the longest body, a CI job token's
 * JWT. Routable tokens are far shorter.
 */
#define TC_MAX_FINDING_LEN 8256

/**
 * Number of token types: values run from 0 to `TC_TOKEN_TYPE_COUNT - 1`.
 */
#define TC_TOKEN_TYPE_COUNT 15

/**
 * A compiled prefix configuration (opaque). Create it with `tc_config_new`,
 * release it with `tc_config_free`. It is immutable: any number of threads
 * may use one at once. Functions that take a `const tc_config *` accept NULL
 * for GitLab's defaults (no instance or custom PAT prefix).
 */
typedef struct tc_config tc_config;

/**
 * A redactor of one stream at a time (opaque). Create it with
 * `tc_redactor_new`, feed it with `tc_redactor_push`, end each stream with
 * `tc_redactor_finish`, release it with `tc_redactor_free`. Not shareable:
 * one thread at a time may use it (it may move between threads).
 */
typedef struct tc_redactor tc_redactor;

/**
 * A compiled leak detector (opaque). Create it with `tc_scanner_new`,
 * release it with `tc_scanner_free`. It is immutable: any number of threads
 * may scan with one at once.
 */
typedef struct tc_scanner tc_scanner;

/**
 * The outcome of a call. `TC_RESULT_OK` (0) is success; every other value
 * names one failure. Numbers are stable and never reused; they are grouped:
 * 1-99 argument errors, 100 buffer too small, 200-299 decoding (one per
 * reason a token is rejected), 300-399 routing payload, 400-499 encoding,
 * 500-599 prefix configuration, 600-699 "no answer", 700-799 leak scanning
 * and redaction, 900 panic. The range 800-899 is free for a future group.
 *
 * It is a `uint32_t` rather than a C `enum` so that any value a caller passes
 * back (to `tc_result_message`, say) is well defined.
 */
typedef uint32_t tc_result;

/**
 * The `auth_finder_no_token_length_detection` feature flag: `TC_LENGTH_DETECTION_*`.
 */
typedef uint32_t tc_length_detection;

/**
 * How a Bearer token must be looked up: `TC_BEARER_*`.
 */
typedef uint32_t tc_bearer_kind;

/**
 * An instance's configured prefixes. Empty text (length 0) means "not set".
 */
typedef struct tc_config_options {
  /**
   * The instance-wide prefix (e.g. `"acme"`: tokens become `acme-glpat-...`),
   * `instance_prefix_len` bytes: at most 20 ASCII letters and digits; blank
   * or GitLab's old default `"gl"` means none.
   */
  const char *instance_prefix;
  /**
   * Length of `instance_prefix` in bytes.
   */
  size_t instance_prefix_len;
  /**
   * The admin-configured PAT prefix, `custom_pat_prefix_len` bytes: at most
   * 20 characters of `[a-zA-Z0-9_+=/@:.-]`; blank means none (`glpat-`).
   */
  const char *custom_pat_prefix;
  /**
   * Length of `custom_pat_prefix` in bytes.
   */
  size_t custom_pat_prefix_len;
} tc_config_options;

/**
 * Layout of a routable token: `TC_FORMAT_V0` or `TC_FORMAT_V1`.
 */
typedef uint32_t tc_format;

/**
 * Where one `k:v` entry lies inside the `routing` text of a
 * `tc_decoded_token` or a `tc_finding`.
 */
typedef struct tc_routing_span {
  /**
   * The key letter: one of `c g o p t u`.
   */
  char key;
  /**
   * Offset of the value's first byte within `routing`.
   */
  size_t value_offset;
  /**
   * Length of the value in bytes (values are as in the token: integers are
   * lowercase base36 text).
   */
  size_t value_len;
} tc_routing_span;

/**
 * A routable token that passed strict decoding, in caller-owned memory with
 * fixed-size arrays: no allocation, nothing to free. Arrays are not
 * NUL-terminated; the `_len` fields give their lengths. `random` is the
 * secret part of the token: wipe the struct when done with it.
 */
typedef struct tc_decoded_token {
  /**
   * The token's layout.
   */
  tc_format format;
  /**
   * Length of `prefix` in bytes (0 to `TC_MAX_PREFIX_LEN`).
   */
  size_t prefix_len;
  /**
   * The prefix (e.g. `glpat-`), UTF-8.
   */
  char prefix[TC_MAX_PREFIX_LEN];
  /**
   * Length of `routing` in bytes (1 to `TC_MAX_ROUTING_LEN`).
   */
  size_t routing_len;
  /**
   * The routing payload text: `k:v` lines joined by `\n`, keys ascending.
   */
  char routing[TC_MAX_ROUTING_LEN];
  /**
   * Number of entries in `entries` (1 to `TC_MAX_ROUTING_ENTRIES`).
   */
  size_t entry_count;
  /**
   * The routing entries in payload order, as spans of `routing`.
   */
  struct tc_routing_span entries[TC_MAX_ROUTING_ENTRIES];
  /**
   * The 16 random bytes.
   */
  uint8_t random[TC_RANDOM_LEN];
} tc_decoded_token;

/**
 * Where the parts of a verified routable token lie.
 */
typedef struct tc_token_layout {
  /**
   * The token's layout.
   */
  tc_format format;
  /**
   * Length of the prefix in bytes: the base64 payload starts here.
   */
  size_t prefix_len;
  /**
   * Length of the base64 payload in characters (the length field).
   */
  size_t payload_len;
} tc_token_layout;

/**
 * What a routing entry's value is: `TC_ROUTING_VALUE_*`.
 */
typedef uint32_t tc_routing_value_kind;

/**
 * One `key => value` pair of a routing payload, as GitLab's generator takes
 * them. Keys are `c g o p t u`; any other key is reported, with GitLab's
 * message, as `TC_RESULT_ROUTING_INVALID_KEYS`. A key given twice keeps its
 * last value. All text is length-delimited UTF-8 (no NUL terminator needed).
 */
typedef struct tc_routing_entry {
  /**
   * The key's name (e.g. `"o"`), `key_len` bytes.
   */
  const char *key;
  /**
   * Length of `key` in bytes.
   */
  size_t key_len;
  /**
   * Which of `int_value` or `text` holds the value.
   */
  tc_routing_value_kind kind;
  /**
   * The value when `kind` is `TC_ROUTING_VALUE_INT`.
   */
  uint64_t int_value;
  /**
   * The value when `kind` is `TC_ROUTING_VALUE_TEXT`, `text_len` bytes
   * (NULL allowed when `text_len` is 0). Ignored for other kinds.
   */
  const char *text;
  /**
   * Length of `text` in bytes.
   */
  size_t text_len;
} tc_routing_entry;

/**
 * Which keys the caller must give: `TC_REQUIRED_KEYS_*`.
 */
typedef uint32_t tc_required_keys;

/**
 * Generator settings. All zeroes (or a NULL pointer) means GitLab's
 * defaults: no default cell id and `TC_REQUIRED_KEYS_CELL_OR_ORGANIZATION`.
 */
typedef struct tc_routing_options {
  /**
   * Whether `default_cell_id` is set.
   */
  bool has_default_cell_id;
  /**
   * The instance's cell id, added as `c` unless the entries give `c`.
   */
  uint64_t default_cell_id;
  /**
   * The required-key rule.
   */
  tc_required_keys required;
} tc_routing_options;

/**
 * A GitLab token type (`TC_TOKEN_TYPE_*`), in the specification's order.
 */
typedef uint32_t tc_token_type;

/**
 * Routable (and in which layout) or legacy: `TC_TOKEN_KIND_*`.
 */
typedef uint32_t tc_token_kind;

/**
 * The state of a token's checksum: `TC_CHECKSUM_*`.
 */
typedef uint32_t tc_checksum;

/**
 * One token found by `tc_scan`: where it is and what it is, never its bytes
 * (slice them out of the input with `offset` and `len` when needed). Plain
 * data in caller-owned memory; arrays are not NUL-terminated.
 */
typedef struct tc_finding {
  /**
   * Byte offset of the token's first byte in the scanned input.
   */
  uint64_t offset;
  /**
   * Length of the whole token in bytes, prefix and routable tail included
   * (at most `TC_MAX_FINDING_LEN`).
   */
  size_t len;
  /**
   * Length of the token's prefix in bytes (`glpat-` gives 6); redaction
   * keeps these bytes.
   */
  size_t prefix_len;
  /**
   * The token's type, from its prefix; `TC_TOKEN_TYPE_NONE` for a valid
   * routable token whose prefix no configured or default prefix explains.
   */
  tc_token_type token_type;
  /**
   * Routable (v0 or v1) or legacy.
   */
  tc_token_kind kind;
  /**
   * `TC_CHECKSUM_VALID` only for a routable token that `tc_decode` accepts;
   * `TC_CHECKSUM_INVALID` for a routable look-alike (a typo, a forgery, a
   * truncated copy); `TC_CHECKSUM_NOT_APPLICABLE` for a legacy token.
   * Treat anything but `TC_CHECKSUM_INVALID` as a live secret.
   */
  tc_checksum checksum;
  /**
   * Length of `routing` in bytes: 1 to `TC_MAX_ROUTING_LEN` for a valid
   * routable token, 0 otherwise.
   */
  size_t routing_len;
  /**
   * The routing payload of a valid routable token (not secret): `k:v`
   * lines joined by `\n`, keys ascending.
   */
  char routing[TC_MAX_ROUTING_LEN];
  /**
   * Number of entries in `entries` (0 when `routing_len` is 0).
   */
  size_t entry_count;
  /**
   * The routing entries in payload order, as spans of `routing`.
   */
  struct tc_routing_span entries[TC_MAX_ROUTING_ENTRIES];
} tc_finding;

/**
 * What `tc_identify` found out about a token.
 */
typedef struct tc_identification {
  /**
   * The token's type.
   */
  tc_token_type token_type;
  /**
   * Routable (v0 or v1) or legacy.
   */
  tc_token_kind kind;
  /**
   * Checksum state (`TC_CHECKSUM_NOT_APPLICABLE` for legacy tokens).
   */
  tc_checksum checksum;
  /**
   * Length of the token's prefix in bytes.
   */
  size_t prefix_len;
} tc_identification;

/**
 * Receives redacted output: `len` bytes at `buf` (never 0 bytes), valid only
 * during the call, in stream order. `userdata` is the pointer the caller
 * gave `tc_redactor_push` or `tc_redactor_finish`. Return 0 when the bytes
 * are taken care of; any other value stops the call, which then returns
 * `TC_RESULT_SCAN_WRITE_FAILED`. The callback must return normally (no
 * `longjmp`, no C++ exception) and must not free the redactor.
 */
typedef int (*tc_write_callback)(void *userdata,
                                 const uint8_t *buf,
                                 size_t len);

/**
 * Where a request goes: `TC_ROUTE_*`.
 */
typedef uint32_t tc_route_kind;

/**
 * The router's decision, in caller-owned memory. `value` is not
 * NUL-terminated: `value_len` gives its length.
 */
typedef struct tc_route_decision {
  /**
   * Where the request goes.
   */
  tc_route_kind kind;
  /**
   * `'c'` for `TC_ROUTE_CELL`; `'p'`, `'g'`, `'o'` or `'u'` for
   * `TC_ROUTE_TOPOLOGY`; 0 for `TC_ROUTE_DEFAULT`.
   */
  char key;
  /**
   * Length of `value` in bytes (0 for `TC_ROUTE_DEFAULT`).
   */
  size_t value_len;
  /**
   * The key's value as written in the token (integers in lowercase base36).
   */
  char value[TC_MAX_ROUTING_LEN];
  /**
   * Whether `cell_number` holds the cell id (a `TC_ROUTE_CELL` whose id is
   * a base36 integer).
   */
  bool has_cell_number;
  /**
   * The cell id as a number, when `has_cell_number`.
   */
  uint64_t cell_number;
  /**
   * For `TC_ROUTE_DEFAULT`, the `TC_RESULT_DECODE_*` code saying why the
   * token was not routed; `TC_RESULT_OK` otherwise.
   */
  tc_result default_reason;
} tc_route_decision;

/**
 * What a scanner reports beyond tokens of configured prefixes. All zeroes
 * (or a NULL pointer) means the defaults: look-alikes reported as
 * `TC_CHECKSUM_INVALID`, valid v0 tokens found whatever their prefix,
 * unprefixed 64-hex words ignored.
 */
typedef struct tc_scan_options {
  /**
   * Drop routable look-alikes whose checksum or fields do not hold instead
   * of reporting them with `TC_CHECKSUM_INVALID`.
   */
  bool drop_invalid;
  /**
   * Find valid v0 tokens only behind configured prefixes. By default they
   * are found with any prefix or none, as valid v1 tokens always are.
   */
  bool configured_v0_only;
  /**
   * Report every word of exactly 64 lowercase hex digits as a possible
   * unprefixed OAuth access token (SHA-256 digests look the same).
   */
  bool unprefixed_oauth;
} tc_scan_options;

/**
 * Flag on (GitLab today): length is never used; the prefix decides.
 */
#define TC_LENGTH_DETECTION_DISABLED 0

/**
 * Flag off (the old behaviour): a Bearer token of 20 to 40 characters is taken for a PAT.
 */
#define TC_LENGTH_DETECTION_ENABLED 1

/**
 * Only as a personal access token (never as an OAuth token).
 */
#define TC_BEARER_PERSONAL_ACCESS_TOKEN 0

/**
 * Only as an OAuth token (never as a PAT): CI job tokens on API requests.
 */
#define TC_BEARER_OAUTH_TOKEN 1

/**
 * As an OAuth token first, then as a personal access token.
 */
#define TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN 2

/**
 * The first routable PATs: `prefix payload "." len crc`.
 */
#define TC_FORMAT_V0 0

/**
 * Current GitLab: `prefix payload ".01." len crc`.
 */
#define TC_FORMAT_V1 1

/**
 * A legacy token: a prefix and a random body, no routing payload.
 */
#define TC_TOKEN_KIND_LEGACY 0

/**
 * A routable token in the v0 layout.
 */
#define TC_TOKEN_KIND_ROUTABLE_V0 1

/**
 * A routable token in the v1 layout.
 */
#define TC_TOKEN_KIND_ROUTABLE_V1 2

/**
 * A routable token whose checksum, version and length fields hold.
 */
#define TC_CHECKSUM_VALID 0

/**
 * A routable-looking token whose checksum or fields do not hold.
 */
#define TC_CHECKSUM_INVALID 1

/**
 * A legacy token: there is no checksum.
 */
#define TC_CHECKSUM_NOT_APPLICABLE 2

/**
 * Success.
 */
#define TC_RESULT_OK 0

/**
 * A pointer argument that must not be NULL is NULL (or an input pointer is
 * NULL with a non-zero length).
 */
#define TC_RESULT_NULL_ARGUMENT 1

/**
 * A text argument (prefix, routing key or value, configured prefix) is not UTF-8.
 */
#define TC_RESULT_INVALID_UTF8 2

/**
 * A length argument is out of range (e.g. random bytes other than `TC_RANDOM_LEN`).
 */
#define TC_RESULT_INVALID_LENGTH 3

/**
 * An enumeration argument (format, value kind, token type, ...) has an unknown value.
 */
#define TC_RESULT_UNKNOWN_ENUM_VALUE 4

/**
 * A pointer argument is not aligned for its type.
 */
#define TC_RESULT_MISALIGNED_POINTER 5

/**
 * The output buffer is too small; `*out_len` holds the length of the text
 * (the buffer needs one more byte for the terminating NUL).
 */
#define TC_RESULT_BUFFER_TOO_SMALL 100

/**
 * Decoding: the token is empty.
 */
#define TC_RESULT_DECODE_EMPTY 200

/**
 * Decoding: the input is longer than any token can be.
 */
#define TC_RESULT_DECODE_TOO_LONG 201

/**
 * Decoding: no routable tail (`.` len crc): not a routable token (it may be a legacy one).
 */
#define TC_RESULT_DECODE_NOT_ROUTABLE 202

/**
 * Decoding: the checksum field is not 7 lowercase base36 characters of a 32-bit value.
 */
#define TC_RESULT_DECODE_INVALID_CHECKSUM_FIELD 203

/**
 * Decoding: the CRC-32 of the token does not match its checksum field.
 */
#define TC_RESULT_DECODE_CHECKSUM_MISMATCH 204

/**
 * Decoding: the version field is not `01`.
 */
#define TC_RESULT_DECODE_UNSUPPORTED_VERSION 205

/**
 * Decoding: the length field is not 2 lowercase base36 characters.
 */
#define TC_RESULT_DECODE_INVALID_LENGTH_FIELD 206

/**
 * Decoding: the length field points past the start of the token.
 */
#define TC_RESULT_DECODE_LENGTH_FIELD_OUT_OF_RANGE 207

/**
 * Decoding: the length field gives a size no base64 payload can have.
 */
#define TC_RESULT_DECODE_LENGTH_FIELD_MISMATCH 208

/**
 * Decoding: the prefix contains a newline or is not UTF-8.
 */
#define TC_RESULT_DECODE_INVALID_PREFIX 209

/**
 * Decoding: the prefix is longer than `TC_MAX_PREFIX_LEN` bytes.
 */
#define TC_RESULT_DECODE_PREFIX_TOO_LONG 210

/**
 * Decoding: the payload is not canonical unpadded base64url.
 */
#define TC_RESULT_DECODE_INVALID_BASE64 211

/**
 * Decoding: the payload is too short to hold 16 random bytes and a length byte.
 */
#define TC_RESULT_DECODE_PAYLOAD_TOO_SHORT 212

/**
 * Decoding: the payload's length byte does not match.
 */
#define TC_RESULT_DECODE_LENGTH_BYTE_MISMATCH 213

/**
 * Decoding: the routing payload is empty.
 */
#define TC_RESULT_DECODE_EMPTY_ROUTING 214

/**
 * Decoding: the routing payload is longer than `TC_MAX_ROUTING_LEN` bytes.
 */
#define TC_RESULT_DECODE_ROUTING_TOO_LARGE 215

/**
 * Decoding: a routing line is not `k:v`.
 */
#define TC_RESULT_DECODE_MALFORMED_ROUTING 216

/**
 * Decoding: a routing key is not one of `c g o p t u`.
 */
#define TC_RESULT_DECODE_UNKNOWN_ROUTING_KEY 217

/**
 * Decoding: a routing key appears twice.
 */
#define TC_RESULT_DECODE_DUPLICATE_ROUTING_KEY 218

/**
 * Decoding: routing keys are not in ascending order.
 */
#define TC_RESULT_DECODE_UNSORTED_ROUTING_KEYS 219

/**
 * Decoding: a reason added to token-core after this library was built.
 */
#define TC_RESULT_DECODE_OTHER 299

/**
 * Routing: keys outside `c g o p u t` (GitLab's `InvalidRoutingKeys`).
 */
#define TC_RESULT_ROUTING_INVALID_KEYS 300

/**
 * Routing: a required key is missing (GitLab's `MissingRequiredRoutingKeys`).
 */
#define TC_RESULT_ROUTING_MISSING_REQUIRED_KEYS 301

/**
 * Routing: the rendered payload is longer than 159 bytes (GitLab's `PayloadTooLarge`).
 */
#define TC_RESULT_ROUTING_PAYLOAD_TOO_LARGE 302

/**
 * Routing: a text value contains a newline or a colon.
 */
#define TC_RESULT_ROUTING_INVALID_VALUE 303

/**
 * Encoding: the prefix contains a newline.
 */
#define TC_RESULT_ENCODE_INVALID_PREFIX 400

/**
 * Encoding: the prefix is longer than `TC_MAX_PREFIX_LEN` bytes.
 */
#define TC_RESULT_ENCODE_PREFIX_TOO_LONG 401

/**
 * Encoding: the operating system's random source failed.
 */
#define TC_RESULT_ENCODE_RANDOM_UNAVAILABLE 402

/**
 * Encoding: a reason added to token-core after this library was built.
 */
#define TC_RESULT_ENCODE_OTHER 499

/**
 * Configuration: the instance prefix is not at most 20 ASCII letters and digits.
 */
#define TC_RESULT_CONFIG_INVALID_INSTANCE_PREFIX 500

/**
 * Configuration: the custom PAT prefix is not at most 20 characters of `[a-zA-Z0-9_+=/@:.-]`.
 */
#define TC_RESULT_CONFIG_INVALID_CUSTOM_PAT_PREFIX 501

/**
 * Identification: the token matches no known token type.
 */
#define TC_RESULT_UNIDENTIFIED 600

/**
 * Redaction: the caller's `tc_write_callback` returned non-zero. The stream
 * is abandoned: the redactor dropped what it held and starts a new stream.
 */
#define TC_RESULT_SCAN_WRITE_FAILED 700

/**
 * Redaction: the `tc_redactor` is already inside a call (a write callback
 * called back into the redactor it is writing for); nothing was done.
 */
#define TC_RESULT_SCAN_REDACTOR_BUSY 701

/**
 * A panic was caught inside the library (a bug): nothing was written.
 */
#define TC_RESULT_PANIC 900

/**
 * The payload names a cell (`c`); classification `CELL_ID`.
 */
#define TC_ROUTE_CELL 0

/**
 * Ask the Topology Service to classify by the most specific key present
 * (`p`, then `g`, `o`, `u`).
 */
#define TC_ROUTE_TOPOLOGY 1

/**
 * Not routable, or a defect such as a failed checksum: the default (legacy) cell.
 */
#define TC_ROUTE_DEFAULT 2

/**
 * An integer id in `int_value`, rendered in lowercase base36.
 */
#define TC_ROUTING_VALUE_INT 0

/**
 * A string in `text`/`text_len`, kept as is (blank strings are dropped).
 */
#define TC_ROUTING_VALUE_TEXT 1

/**
 * No value (Ruby's `nil`): the entry is dropped, but its key still counts as
 * given for the required-key rule, as in GitLab.
 */
#define TC_ROUTING_VALUE_ABSENT 2

/**
 * Current GitLab: at least one of `c` or `o` (the default, value 0).
 */
#define TC_REQUIRED_KEYS_CELL_OR_ORGANIZATION 0

/**
 * The v0-era generator: `o` is required.
 */
#define TC_REQUIRED_KEYS_ORGANIZATION 1

/**
 * Personal, impersonation, project and group access tokens (`glpat-`).
 */
#define TC_TOKEN_TYPE_PERSONAL_ACCESS_TOKEN 0

/**
 * Deploy tokens (`gldt-`).
 */
#define TC_TOKEN_TYPE_DEPLOY_TOKEN 1

/**
 * RSS and calendar feed tokens (`glft-`).
 */
#define TC_TOKEN_TYPE_FEED_TOKEN 2

/**
 * Incoming email tokens (`glimt-`).
 */
#define TC_TOKEN_TYPE_INCOMING_EMAIL_TOKEN 3

/**
 * Runner authentication tokens (`glrt-`, `glrtr-`, `glrt-t1_`..`glrt-t3_`).
 */
#define TC_TOKEN_TYPE_RUNNER_AUTHENTICATION_TOKEN 4

/**
 * Runner registration tokens (`GR1348941`), deprecated.
 */
#define TC_TOKEN_TYPE_RUNNER_REGISTRATION_TOKEN 5

/**
 * CI job tokens (`glcbt-`).
 */
#define TC_TOKEN_TYPE_CI_JOB_TOKEN 6

/**
 * Pipeline trigger tokens (`glptt-`).
 */
#define TC_TOKEN_TYPE_CI_TRIGGER_TOKEN 7

/**
 * OAuth application secrets (`gloas-`).
 */
#define TC_TOKEN_TYPE_OAUTH_APPLICATION_SECRET 8

/**
 * OAuth access and refresh tokens (no prefix).
 */
#define TC_TOKEN_TYPE_OAUTH_ACCESS_TOKEN 9

/**
 * Cluster agent tokens (`glagent-`).
 */
#define TC_TOKEN_TYPE_CLUSTER_AGENT_TOKEN 10

/**
 * Feature flags client tokens (`glffct-`).
 */
#define TC_TOKEN_TYPE_FEATURE_FLAGS_CLIENT_TOKEN 11

/**
 * SCIM OAuth tokens (`glsoat-`).
 */
#define TC_TOKEN_TYPE_SCIM_OAUTH_TOKEN 12

/**
 * Workspace tokens (`glwt-`).
 */
#define TC_TOKEN_TYPE_WORKSPACE_TOKEN 13

/**
 * Session cookies (`_gitlab_session=`).
 */
#define TC_TOKEN_TYPE_SESSION_COOKIE 14

/**
 * No type: what a `tc_finding` says of a valid routable token whose prefix
 * no configured or default prefix explains (the checksum proves it is a
 * token). Not a value functions accept; `tc_token_type_name` gives NULL.
 */
#define TC_TOKEN_TYPE_NONE 4294967295

#ifdef __cplusplus
extern "C" {
#endif // __cplusplus

/**
 * Classifies an API request's Bearer token as GitLab's AuthFinders do, in
 * either length-detection `mode`, with the PAT and CI job token prefixes of
 * `config` (NULL: GitLab's defaults). `token` is the header's token,
 * `token_len` bytes of any value (no NUL needed). A token that is not UTF-8
 * is classified too; in `TC_LENGTH_DETECTION_ENABLED` mode its length is
 * then its byte count (a UTF-8 token's is its character count).
 *
 * Returns `TC_RESULT_OK` and stores the kind in `*out`;
 * `TC_RESULT_UNKNOWN_ENUM_VALUE` for an unknown `mode`;
 * `TC_RESULT_NULL_ARGUMENT`.
 *
 * # Safety
 * `config` must be NULL or a live `tc_config`; `token` must be NULL (with
 * `token_len` 0) or point to `token_len` readable bytes; `out` must point to
 * a writable `tc_bearer_kind`.
 */
tc_result tc_classify_bearer(const struct tc_config *config,
                             const char *token,
                             size_t token_len,
                             tc_length_detection mode,
                             tc_bearer_kind *out);

/**
 * Validates `options` and compiles them into a new `tc_config`, stored in
 * `*out`. `options` may be NULL for GitLab's defaults.
 *
 * Returns `TC_RESULT_OK`; `TC_RESULT_CONFIG_INVALID_INSTANCE_PREFIX` or
 * `TC_RESULT_CONFIG_INVALID_CUSTOM_PAT_PREFIX` for a prefix GitLab refuses;
 * `TC_RESULT_INVALID_UTF8` or `TC_RESULT_NULL_ARGUMENT` for bad arguments.
 * On failure `*out` is left untouched and nothing needs freeing.
 *
 * # Safety
 * `options` must be NULL or point to a `tc_config_options` whose pointers
 * satisfy their lengths; `out` must point to a writable `tc_config *`.
 */
tc_result tc_config_new(const struct tc_config_options *options,
                        struct tc_config **out);

/**
 * Releases a `tc_config` made by `tc_config_new`. NULL is a no-op.
 *
 * # Safety
 * `config` must be NULL or a pointer `tc_config_new` returned that has not
 * been freed; no other thread may be using it.
 */
void tc_config_free(struct tc_config *config);

/**
 * Decodes a routable token of either format strictly: checksum, version,
 * length field, canonical base64url, the length byte and the routing grammar
 * must all hold. `token` is `token_len` bytes (no NUL needed; an embedded NUL
 * or non-UTF-8 byte is just a defect of the token).
 *
 * Returns `TC_RESULT_OK` and fills `*out`; or the `TC_RESULT_DECODE_*` code
 * naming the first defect found, leaving `*out` untouched;
 * `TC_RESULT_NULL_ARGUMENT` if `out` is NULL or `token` is NULL with a
 * non-zero length.
 *
 * # Safety
 * `token` must be NULL (with `token_len` 0) or point to `token_len` readable
 * bytes; `out` must point to a writable `tc_decoded_token`.
 */
tc_result tc_decode(const char *token,
                    size_t token_len,
                    struct tc_decoded_token *out);

/**
 * Checks a routable token's tail without decoding its payload: separators,
 * checksum, version and length fields, prefix. The cheap check for a hot
 * path; a token that passes may still fail `tc_decode` on its payload.
 *
 * Returns `TC_RESULT_OK` and fills `*out`; or a `TC_RESULT_DECODE_*` code,
 * leaving `*out` untouched; or `TC_RESULT_NULL_ARGUMENT`.
 *
 * # Safety
 * `token` must be NULL (with `token_len` 0) or point to `token_len` readable
 * bytes; `out` must point to a writable `tc_token_layout`.
 */
tc_result tc_verify(const char *token,
                    size_t token_len,
                    struct tc_token_layout *out);

/**
 * Encodes a routable token from its parts, byte for byte as GitLab's
 * generator does. Deterministic: for known-answer tests and for callers that
 * bring their own random bytes. Use `tc_generate` for real tokens.
 *
 * - `prefix`: `prefix_len` bytes of UTF-8 (e.g. `"glpat-"`; may be empty).
 * - `entries`, `entry_count`, `options`: the routing payload, as GitLab's
 *   generator takes it (`options` may be NULL for the defaults).
 * - `random`: exactly `random_len == TC_RANDOM_LEN` bytes, the secret part.
 * - `format`: `TC_FORMAT_V1` (current) or `TC_FORMAT_V0`.
 * - `out`, `out_cap`, `out_len`: the token and a NUL are written to `out`, its
 *   length without the NUL to `*out_len`. `TC_MAX_TOKEN_LEN + 1` bytes always
 *   suffice.
 *
 * Returns `TC_RESULT_OK`; a `TC_RESULT_ROUTING_*` code (GitLab's message via
 * `tc_routing_error_message`); `TC_RESULT_ENCODE_INVALID_PREFIX` or
 * `TC_RESULT_ENCODE_PREFIX_TOO_LONG`; `TC_RESULT_BUFFER_TOO_SMALL` with
 * `*out_len` set; `TC_RESULT_INVALID_LENGTH` if `random_len` is not
 * `TC_RANDOM_LEN`; or another argument error. Nothing is written to `out`
 * on failure.
 *
 * # Safety
 * Every input pointer must be NULL (with length 0) or point to as many
 * readable bytes (or entries) as its length says; `options` must be NULL or
 * valid; `out` must be NULL (with `out_cap` 0) or point to `out_cap` writable
 * bytes; `out_len` must point to a writable `size_t`.
 */
tc_result tc_encode(const char *prefix,
                    size_t prefix_len,
                    const struct tc_routing_entry *entries,
                    size_t entry_count,
                    const struct tc_routing_options *options,
                    const uint8_t *random,
                    size_t random_len,
                    tc_format format,
                    char *out,
                    size_t out_cap,
                    size_t *out_len);

/**
 * Generates a routable token with 16 random bytes from the operating
 * system's CSPRNG, asked afresh for every token: no random state lives in
 * the process, so threads may generate at once and a forked child never
 * repeats its parent's tokens.
 *
 * Arguments and results as `tc_encode`, without `random`; in addition
 * `TC_RESULT_ENCODE_RANDOM_UNAVAILABLE` if the operating system's random
 * source fails. On `TC_RESULT_BUFFER_TOO_SMALL` the token made is discarded;
 * a buffer of `TC_MAX_TOKEN_LEN + 1` bytes avoids that.
 *
 * # Safety
 * As `tc_encode`.
 */
tc_result tc_generate(const char *prefix,
                      size_t prefix_len,
                      const struct tc_routing_entry *entries,
                      size_t entry_count,
                      const struct tc_routing_options *options,
                      tc_format format,
                      char *out,
                      size_t out_cap,
                      size_t *out_len);

/**
 * Finds the tokens in `haystack` (`len` bytes of any value: NUL bytes and
 * non-UTF-8 bytes are ordinary text), in order, never overlapping.
 *
 * Writes the first `capacity` findings to `out_findings[0..capacity]` and
 * stores the total number found in `*out_count`. Returns `TC_RESULT_OK` when
 * all fit; `TC_RESULT_BUFFER_TOO_SMALL` when `capacity < *out_count` (the
 * first `capacity` findings are still written: retry with `*out_count`
 * elements for the rest). `out_findings` may be NULL with `capacity` 0 to
 * count. `TC_RESULT_NULL_ARGUMENT` or `TC_RESULT_MISALIGNED_POINTER` for bad
 * arguments, with nothing written.
 *
 * The scanner may be shared: any number of threads may call this at once.
 *
 * # Safety
 * `scanner` must be a live `tc_scanner`; `haystack` must be NULL (with `len`
 * 0) or point to `len` readable bytes; `out_findings` must be NULL (with
 * `capacity` 0) or point to `capacity` writable `tc_finding`s; `out_count`
 * must point to a writable `size_t`.
 */
tc_result tc_scan(const struct tc_scanner *scanner,
                  const uint8_t *haystack,
                  size_t len,
                  struct tc_finding *out_findings,
                  size_t capacity,
                  size_t *out_count);

/**
 * Identifies a token (`token_len` bytes, no NUL needed): its type from the
 * longest matching prefix (the instance and custom PAT prefixes of `config`
 * included; NULL `config` means GitLab's defaults), routable or legacy, and
 * whether its checksum holds.
 *
 * Returns `TC_RESULT_OK` and fills `*out`; `TC_RESULT_UNIDENTIFIED` when the
 * token matches no known type (`*out` untouched); `TC_RESULT_NULL_ARGUMENT`.
 *
 * # Safety
 * `config` must be NULL or a live `tc_config`; `token` must be NULL (with
 * `token_len` 0) or point to `token_len` readable bytes; `out` must point to
 * a writable `tc_identification`.
 */
tc_result tc_identify(const struct tc_config *config,
                      const char *token,
                      size_t token_len,
                      struct tc_identification *out);

/**
 * Generates a legacy token of `token_type` as GitLab issues it (e.g.
 * `glpat-` and 20 characters of Devise's friendly token), with the prefix the
 * instance's configuration gives that type (NULL `config`: GitLab's default
 * prefixes) and random bytes from the operating system, asked afresh for
 * every token (thread- and fork-safe).
 *
 * Writes the token and a NUL into `out` (capacity `out_cap`) and its length
 * without the NUL into `*out_len`; `TC_MAX_LEGACY_TOKEN_LEN + 1` bytes always
 * suffice.
 *
 * Returns `TC_RESULT_OK`; `TC_RESULT_UNKNOWN_ENUM_VALUE` for an unknown
 * `token_type`; `TC_RESULT_ENCODE_RANDOM_UNAVAILABLE`;
 * `TC_RESULT_BUFFER_TOO_SMALL` with `*out_len` set (the token made is
 * discarded); `TC_RESULT_NULL_ARGUMENT`.
 *
 * # Safety
 * `config` must be NULL or a live `tc_config`; `out` must be NULL (with
 * `out_cap` 0) or point to `out_cap` writable bytes; `out_len` must point to
 * a writable `size_t`.
 */
tc_result tc_generate_legacy(const struct tc_config *config,
                             tc_token_type token_type,
                             char *out,
                             size_t out_cap,
                             size_t *out_len);

/**
 * Copies `haystack` (`len` bytes of any value) to `out` with every token
 * `tc_scan` finds replaced by its prefix and `[REDACTED]`
 * (`glpat-[REDACTED]`); every other byte is copied unchanged. No NUL is
 * added.
 *
 * Stores the redacted length in `*out_len`. Returns `TC_RESULT_OK`; or
 * `TC_RESULT_BUFFER_TOO_SMALL` when `capacity < *out_len`, with nothing
 * written to `out`: retry with `*out_len` bytes (`out` may be NULL with
 * `capacity` 0 to ask). The output is usually shorter than the input but
 * may be longer (a legacy incoming email token's body can be shorter than
 * the marker), so `capacity = len` is a good first guess, not a bound.
 * `TC_RESULT_NULL_ARGUMENT` or `TC_RESULT_MISALIGNED_POINTER` for bad
 * arguments, with nothing written.
 *
 * `out` may be `haystack` itself (redaction in place): the input is read
 * entirely before anything is written. For input that does not fit in
 * memory, use a `tc_redactor`.
 *
 * # Safety
 * `scanner` must be a live `tc_scanner`; `haystack` must be NULL (with `len`
 * 0) or point to `len` readable bytes; `out` must be NULL (with `capacity`
 * 0) or point to `capacity` writable bytes; `out_len` must point to a
 * writable `size_t`.
 */
tc_result tc_redact(const struct tc_scanner *scanner,
                    const uint8_t *haystack,
                    size_t len,
                    uint8_t *out,
                    size_t capacity,
                    size_t *out_len);

/**
 * Makes a redactor for a new stream, with `scanner`'s prefixes and options,
 * stored in `*out`. The redactor holds its own reference to what it needs:
 * `scanner` may be freed before it.
 *
 * Returns `TC_RESULT_OK`; `TC_RESULT_NULL_ARGUMENT` or
 * `TC_RESULT_MISALIGNED_POINTER` for bad arguments, with `*out` untouched.
 *
 * # Safety
 * `scanner` must be a live `tc_scanner`; `out` must point to a writable
 * `tc_redactor *`.
 */
tc_result tc_redactor_new(const struct tc_scanner *scanner,
                          struct tc_redactor **out);

/**
 * Feeds the next `len` bytes of the stream (any values; a token may be cut
 * anywhere between chunks) and passes the output now decided to `write`,
 * zero or more times, in order. The output of a whole stream is exactly what
 * `tc_redact` makes of the whole input; it lags the input by up to a few
 * hundred KiB, which `tc_redactor_finish` flushes. Memory stays bounded
 * whatever the chunk sizes.
 *
 * Stores in `*out_redacted` (if not NULL) how many tokens this call's output
 * redacted. Returns `TC_RESULT_OK`; `TC_RESULT_SCAN_WRITE_FAILED` when
 * `write` returned non-zero (the stream is abandoned: the redactor drops
 * what it held and starts a new stream); `TC_RESULT_SCAN_REDACTOR_BUSY`
 * when called from inside one of this redactor's callbacks;
 * `TC_RESULT_NULL_ARGUMENT` (NULL `redactor` or `write`) or
 * `TC_RESULT_MISALIGNED_POINTER`, with nothing done.
 *
 * # Safety
 * `redactor` must be a live `tc_redactor` no other thread is using; `chunk`
 * must be NULL (with `len` 0) or point to `len` readable bytes; `write` must
 * satisfy `tc_write_callback`'s contract for `userdata`; `out_redacted` must
 * be NULL or point to a writable `size_t`.
 */
tc_result tc_redactor_push(struct tc_redactor *redactor,
                           const uint8_t *chunk,
                           size_t len,
                           tc_write_callback write,
                           void *userdata,
                           size_t *out_redacted);

/**
 * Ends the stream: passes the rest of the output to `write` (zero or more
 * times) and stores in `*out_redacted` (if not NULL) how many tokens that
 * rest redacted. The redactor is then ready for a new stream.
 *
 * Returns as `tc_redactor_push`; after `TC_RESULT_SCAN_WRITE_FAILED` the
 * redactor is ready for a new stream too.
 *
 * # Safety
 * As `tc_redactor_push`.
 */
tc_result tc_redactor_finish(struct tc_redactor *redactor,
                             tc_write_callback write,
                             void *userdata,
                             size_t *out_redacted);

/**
 * Releases a `tc_redactor` made by `tc_redactor_new`, with any stream it
 * was in the middle of (its output is discarded). NULL is a no-op.
 *
 * # Safety
 * `redactor` must be NULL or a pointer `tc_redactor_new` returned that has
 * not been freed; no call may be using it (not even a callback of its own).
 */
void tc_redactor_free(struct tc_redactor *redactor);

/**
 * A static, NUL-terminated English sentence describing `result`, for logs.
 * Never NULL; an unknown code gives "unknown result code". The string must
 * not be freed. For routing errors, `tc_routing_error_message` renders
 * GitLab's exact message for the caller's entries.
 */
const char *tc_result_message(tc_result result);

/**
 * The name of `result`'s constant (e.g. `"TC_RESULT_DECODE_CHECKSUM_MISMATCH"`),
 * static and NUL-terminated. Never NULL; an unknown code gives `"unknown"`.
 * The string must not be freed.
 */
const char *tc_result_name(tc_result result);

/**
 * Decides where a request carrying `token` (`token_len` bytes, no NUL
 * needed) goes, as the Cells HTTP router does: the cell of `c` if the payload
 * has it, else the Topology Service by the most specific of `p`, `g`, `o`,
 * `u`, else the default cell. Decoding is strict: any defect routes to the
 * default cell, with the reason in `default_reason`.
 *
 * Returns `TC_RESULT_OK` and fills `*out` for any token, or
 * `TC_RESULT_NULL_ARGUMENT`.
 *
 * # Safety
 * `token` must be NULL (with `token_len` 0) or point to `token_len` readable
 * bytes; `out` must point to a writable `tc_route_decision`.
 */
tc_result tc_route(const char *token,
                   size_t token_len,
                   struct tc_route_decision *out);

/**
 * Builds the routing payload text GitLab's generator would put in a token
 * (e.g. `"c:2s\no:1"`: `k:v` lines joined by `\n`, keys sorted, integers in
 * base36) without encoding a token.
 *
 * Writes the text and a NUL into `out` (capacity `out_cap`) and its length,
 * without the NUL, into `*out_len`. A buffer of `TC_MAX_ROUTING_LEN + 1`
 * bytes always suffices.
 *
 * Returns `TC_RESULT_OK`; a `TC_RESULT_ROUTING_*` code for entries GitLab
 * refuses (`tc_routing_error_message` renders its message);
 * `TC_RESULT_BUFFER_TOO_SMALL` with `*out_len` set; or an argument error.
 *
 * # Safety
 * `entries` must be NULL (with `entry_count` 0) or point to `entry_count`
 * entries whose pointers satisfy their lengths; `options` must be NULL or
 * valid; `out` must be NULL (with `out_cap` 0) or point to `out_cap` writable
 * bytes; `out_len` must point to a writable `size_t`.
 */
tc_result tc_routing_build(const struct tc_routing_entry *entries,
                           size_t entry_count,
                           const struct tc_routing_options *options,
                           char *out,
                           size_t out_cap,
                           size_t *out_len);

/**
 * Renders GitLab's exact message for the routing error these entries cause
 * (e.g. `"Invalid routing keys: :q, :k. Valid routing keys are: :c, :g, :o,
 * :p, :u, :t."`). Call it with the same entries and options after
 * `tc_encode`, `tc_generate` or `tc_routing_build` returned a
 * `TC_RESULT_ROUTING_*` code.
 *
 * Returns that same `TC_RESULT_ROUTING_*` code and writes the message and a
 * NUL into `out` (capacity `out_cap`) and its length into `*out_len`. If the
 * entries are valid it returns `TC_RESULT_OK` and writes an empty string.
 * The message repeats the caller's invalid key names, so its length has no
 * fixed bound: on `TC_RESULT_BUFFER_TOO_SMALL`, `*out_len` holds the length
 * and the call can be repeated with `*out_len + 1` bytes (`out` may be NULL
 * with `out_cap` 0 to ask for the length first). Argument errors as
 * `tc_routing_build`.
 *
 * # Safety
 * As `tc_routing_build`.
 */
tc_result tc_routing_error_message(const struct tc_routing_entry *entries,
                                   size_t entry_count,
                                   const struct tc_routing_options *options,
                                   char *out,
                                   size_t out_cap,
                                   size_t *out_len);

/**
 * Compiles a scanner for the prefixes of `config` (NULL: GitLab's default
 * prefixes) with `options` (NULL: the defaults), stored in `*out`. The
 * scanner keeps what it needs: `config` may be freed afterwards.
 *
 * Returns `TC_RESULT_OK`; `TC_RESULT_NULL_ARGUMENT` or
 * `TC_RESULT_MISALIGNED_POINTER` for bad arguments. On failure `*out` is
 * left untouched and nothing needs freeing.
 *
 * # Safety
 * `config` must be NULL or a live `tc_config`; `options` must be NULL or
 * point to a `tc_scan_options`; `out` must point to a writable
 * `tc_scanner *`.
 */
tc_result tc_scanner_new(const struct tc_config *config,
                         const struct tc_scan_options *options,
                         struct tc_scanner **out);

/**
 * Releases a `tc_scanner` made by `tc_scanner_new`. NULL is a no-op.
 * Redactors made from it stay usable: each holds its own reference.
 *
 * # Safety
 * `scanner` must be NULL or a pointer `tc_scanner_new` returned that has not
 * been freed; no other thread may be using it.
 */
void tc_scanner_free(struct tc_scanner *scanner);

/**
 * The type's name as GitLab spells its symbol (`"personal_access_token"`),
 * static and NUL-terminated; NULL if `token_type` is not a `TC_TOKEN_TYPE_*`
 * value. The string must not be freed.
 */
const char *tc_token_type_name(tc_token_type token_type);

/**
 * The prefix GitLab gives new tokens of this type without any configured
 * prefix (`"glpat-"`; `""` for OAuth access tokens), static and
 * NUL-terminated; NULL if `token_type` is not a `TC_TOKEN_TYPE_*` value. The
 * string must not be freed. `tc_generate_legacy` applies configured prefixes.
 */
const char *tc_token_type_default_prefix(tc_token_type token_type);

/**
 * Looks a token type up by its name (`"deploy_token"`), given as
 * `name_len` bytes (no NUL needed).
 *
 * Returns `TC_RESULT_OK` and stores the type in `*out`;
 * `TC_RESULT_UNKNOWN_ENUM_VALUE` if no type has that name;
 * `TC_RESULT_INVALID_UTF8`, `TC_RESULT_NULL_ARGUMENT` for bad arguments.
 *
 * # Safety
 * `name` must be NULL (with `name_len` 0) or point to `name_len` readable
 * bytes; `out` must point to a writable `tc_token_type`.
 */
tc_result tc_token_type_from_name(const char *name,
                                  size_t name_len,
                                  tc_token_type *out);

/**
 * The library's version (`"0.1.0"`), static and NUL-terminated. The string
 * must not be freed.
 */
const char *tc_version(void);

#ifdef __cplusplus
}  // extern "C"
#endif  // __cplusplus

#endif  /* TOKEN_CODEC_H */
