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
 * The outcome of a call. `TC_RESULT_OK` (0) is success; every other value
 * names one failure. Numbers are stable and never reused; they are grouped:
 * 1-99 argument errors, 100 buffer too small, 200-299 decoding (one per
 * reason a token is rejected), 300-399 routing payload, 400-499 encoding,
 * 500-599 prefix configuration, 600-699 "no answer", 900 panic. The ranges
 * 700-899 are free for future groups (e.g. leak scanning).
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
 * Where one `k:v` entry lies inside `tc_decoded_token.routing`.
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
