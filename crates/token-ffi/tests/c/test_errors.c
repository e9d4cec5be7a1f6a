/* Every result code, NULL pointers, short buffers, unknown enumeration values,
 * misaligned pointers, embedded NUL bytes and non-UTF-8 input. */
#include <stdlib.h>

#include "check.h"
#include "support.h"

#define ROW(code) {code, #code}

static const struct {
  tc_result code;
  const char *name;
} RESULTS[] = {
    ROW(TC_RESULT_OK),
    ROW(TC_RESULT_NULL_ARGUMENT),
    ROW(TC_RESULT_INVALID_UTF8),
    ROW(TC_RESULT_INVALID_LENGTH),
    ROW(TC_RESULT_UNKNOWN_ENUM_VALUE),
    ROW(TC_RESULT_MISALIGNED_POINTER),
    ROW(TC_RESULT_BUFFER_TOO_SMALL),
    ROW(TC_RESULT_DECODE_EMPTY),
    ROW(TC_RESULT_DECODE_TOO_LONG),
    ROW(TC_RESULT_DECODE_NOT_ROUTABLE),
    ROW(TC_RESULT_DECODE_INVALID_CHECKSUM_FIELD),
    ROW(TC_RESULT_DECODE_CHECKSUM_MISMATCH),
    ROW(TC_RESULT_DECODE_UNSUPPORTED_VERSION),
    ROW(TC_RESULT_DECODE_INVALID_LENGTH_FIELD),
    ROW(TC_RESULT_DECODE_LENGTH_FIELD_OUT_OF_RANGE),
    ROW(TC_RESULT_DECODE_LENGTH_FIELD_MISMATCH),
    ROW(TC_RESULT_DECODE_INVALID_PREFIX),
    ROW(TC_RESULT_DECODE_PREFIX_TOO_LONG),
    ROW(TC_RESULT_DECODE_INVALID_BASE64),
    ROW(TC_RESULT_DECODE_PAYLOAD_TOO_SHORT),
    ROW(TC_RESULT_DECODE_LENGTH_BYTE_MISMATCH),
    ROW(TC_RESULT_DECODE_EMPTY_ROUTING),
    ROW(TC_RESULT_DECODE_ROUTING_TOO_LARGE),
    ROW(TC_RESULT_DECODE_MALFORMED_ROUTING),
    ROW(TC_RESULT_DECODE_UNKNOWN_ROUTING_KEY),
    ROW(TC_RESULT_DECODE_DUPLICATE_ROUTING_KEY),
    ROW(TC_RESULT_DECODE_UNSORTED_ROUTING_KEYS),
    ROW(TC_RESULT_DECODE_OTHER),
    ROW(TC_RESULT_ROUTING_INVALID_KEYS),
    ROW(TC_RESULT_ROUTING_MISSING_REQUIRED_KEYS),
    ROW(TC_RESULT_ROUTING_PAYLOAD_TOO_LARGE),
    ROW(TC_RESULT_ROUTING_INVALID_VALUE),
    ROW(TC_RESULT_ENCODE_INVALID_PREFIX),
    ROW(TC_RESULT_ENCODE_PREFIX_TOO_LONG),
    ROW(TC_RESULT_ENCODE_RANDOM_UNAVAILABLE),
    ROW(TC_RESULT_ENCODE_OTHER),
    ROW(TC_RESULT_CONFIG_INVALID_INSTANCE_PREFIX),
    ROW(TC_RESULT_CONFIG_INVALID_CUSTOM_PAT_PREFIX),
    ROW(TC_RESULT_UNIDENTIFIED),
    ROW(TC_RESULT_SCAN_WRITE_FAILED),
    ROW(TC_RESULT_SCAN_REDACTOR_BUSY),
    ROW(TC_RESULT_PANIC),
};
#define RESULT_COUNT (sizeof RESULTS / sizeof RESULTS[0])

static const uint8_t RANDOM[TC_RANDOM_LEN] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

static void test_result_texts(void) {
  for (size_t i = 0; i < RESULT_COUNT; i++) {
    CHECK(strcmp(tc_result_name(RESULTS[i].code), RESULTS[i].name) == 0);
    const char *message = tc_result_message(RESULTS[i].code);
    CHECK(message != NULL && strlen(message) > 0 && strcmp(message, "unknown result code") != 0);
    for (size_t j = 0; j < i; j++) CHECK(RESULTS[i].code != RESULTS[j].code);
  }
  CHECK(strcmp(tc_result_name(7777), "unknown") == 0);
  CHECK(strcmp(tc_result_message(UINT32_MAX), "unknown result code") == 0);
  CHECK(strcmp(tc_result_message(TC_RESULT_DECODE_CHECKSUM_MISMATCH), "checksum does not match") == 0);
  const char *version = tc_version();
  CHECK(version != NULL && strchr(version, '.') != NULL);
}

/* Encodes o:1 with the given prefix and random bytes. */
static tc_result encode_with(const char *prefix, size_t prefix_len, const uint8_t *random,
                             size_t random_len, tc_format format, char *out, size_t cap, size_t *len) {
  tc_routing_entry entry = int_entry("o", 1);
  return tc_encode(prefix, prefix_len, &entry, 1, NULL, random, random_len, format, out, cap, len);
}

static void test_encode_errors(void) {
  char out[TC_MAX_TOKEN_LEN + 1];
  size_t len = 0;
  char long_prefix[TC_MAX_PREFIX_LEN + 1];
  memset(long_prefix, 'p', sizeof long_prefix);

  memset(out, SENTINEL, sizeof out);
  CHECK_RESULT(encode_with("a\nb-", 4, RANDOM, TC_RANDOM_LEN, TC_FORMAT_V1, out, sizeof out, &len),
               TC_RESULT_ENCODE_INVALID_PREFIX);
  CHECK_RESULT(encode_with(long_prefix, sizeof long_prefix, RANDOM, TC_RANDOM_LEN, TC_FORMAT_V1, out,
                           sizeof out, &len),
               TC_RESULT_ENCODE_PREFIX_TOO_LONG);
  CHECK_RESULT(encode_with(long_prefix, TC_MAX_PREFIX_LEN, RANDOM, TC_RANDOM_LEN, TC_FORMAT_V1, NULL, 0,
                           &len),
               TC_RESULT_BUFFER_TOO_SMALL);
  CHECK(len > TC_MAX_PREFIX_LEN && len <= TC_MAX_TOKEN_LEN);
  CHECK_RESULT(encode_with("glpat-", 6, RANDOM, TC_RANDOM_LEN - 1, TC_FORMAT_V1, out, sizeof out, &len),
               TC_RESULT_INVALID_LENGTH);
  CHECK_RESULT(encode_with("glpat-", 6, RANDOM, TC_RANDOM_LEN + 1, TC_FORMAT_V1, out, sizeof out, &len),
               TC_RESULT_INVALID_LENGTH);
  CHECK_RESULT(encode_with("glpat-", 6, NULL, TC_RANDOM_LEN, TC_FORMAT_V1, out, sizeof out, &len),
               TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(encode_with("glpat-", 6, RANDOM, TC_RANDOM_LEN, 2, out, sizeof out, &len),
               TC_RESULT_UNKNOWN_ENUM_VALUE);
  CHECK_RESULT(encode_with("gl\xffpat-", 7, RANDOM, TC_RANDOM_LEN, TC_FORMAT_V1, out, sizeof out, &len),
               TC_RESULT_INVALID_UTF8);
  CHECK_RESULT(tc_generate("gl\xffpat-", 7, NULL, 0, NULL, TC_FORMAT_V1, out, sizeof out, &len),
               TC_RESULT_INVALID_UTF8);
  CHECK_RESULT(tc_generate("glpat-", 6, NULL, 0, NULL, 9, out, sizeof out, &len),
               TC_RESULT_UNKNOWN_ENUM_VALUE);
  CHECK(all_bytes_are(out, sizeof out, SENTINEL));

  /* The longest token fits TC_MAX_TOKEN_LEN: 64-byte prefix, 159-byte routing. */
  char value[TC_MAX_ROUTING_LEN - 2];
  memset(value, 'x', sizeof value);
  tc_routing_entry widest = text_entry("o", value, sizeof value);
  CHECK_RESULT(tc_encode(long_prefix, TC_MAX_PREFIX_LEN, &widest, 1, NULL, RANDOM, TC_RANDOM_LEN,
                         TC_FORMAT_V1, out, sizeof out, &len),
               TC_RESULT_OK);
  CHECK(len == TC_MAX_TOKEN_LEN && out[len] == '\0');
}

static void test_null_pointers(void) {
  char out[TC_MAX_TOKEN_LEN + 1];
  size_t len = 0;
  tc_routing_entry entry = int_entry("o", 1);
  tc_decoded_token decoded;
  tc_token_layout layout;
  tc_identification id;
  tc_route_decision route;
  tc_bearer_kind bearer;
  tc_token_type token_type;
  tc_config *config = NULL;

  /* Output pointers. */
  CHECK_RESULT(tc_encode("", 0, &entry, 1, NULL, RANDOM, TC_RANDOM_LEN, TC_FORMAT_V1, out, sizeof out, NULL),
               TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_encode("", 0, &entry, 1, NULL, RANDOM, TC_RANDOM_LEN, TC_FORMAT_V1, NULL, 10, &len),
               TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_generate("", 0, &entry, 1, NULL, TC_FORMAT_V1, out, sizeof out, NULL), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_routing_build(&entry, 1, NULL, out, sizeof out, NULL), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_routing_error_message(&entry, 1, NULL, NULL, 5, &len), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_decode("x", 1, NULL), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_verify("x", 1, NULL), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_identify(NULL, "x", 1, NULL), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_route("x", 1, NULL), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_classify_bearer(NULL, "x", 1, TC_LENGTH_DETECTION_DISABLED, NULL), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_generate_legacy(NULL, TC_TOKEN_TYPE_DEPLOY_TOKEN, out, sizeof out, NULL),
               TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_config_new(NULL, NULL), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_token_type_from_name("deploy_token", 12, NULL), TC_RESULT_NULL_ARGUMENT);

  /* Input pointers: NULL with a length is refused ... */
  CHECK_RESULT(tc_decode(NULL, 5, &decoded), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_verify(NULL, 5, &layout), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_identify(NULL, NULL, 5, &id), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_route(NULL, 5, &route), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_classify_bearer(NULL, NULL, 5, TC_LENGTH_DETECTION_DISABLED, &bearer), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_encode(NULL, 3, &entry, 1, NULL, RANDOM, TC_RANDOM_LEN, TC_FORMAT_V1, out, sizeof out, &len),
               TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_generate("", 0, NULL, 2, NULL, TC_FORMAT_V1, out, sizeof out, &len), TC_RESULT_NULL_ARGUMENT);
  tc_routing_entry null_key = entry;
  null_key.key = NULL;
  CHECK_RESULT(tc_routing_build(&null_key, 1, NULL, out, sizeof out, &len), TC_RESULT_NULL_ARGUMENT);
  tc_routing_entry null_text = text_entry("o", NULL, 4);
  CHECK_RESULT(tc_routing_build(&null_text, 1, NULL, out, sizeof out, &len), TC_RESULT_NULL_ARGUMENT);
  tc_config_options options;
  memset(&options, 0, sizeof options);
  options.instance_prefix_len = 4;
  CHECK_RESULT(tc_config_new(&options, &config), TC_RESULT_NULL_ARGUMENT);
  CHECK(config == NULL);
  CHECK_RESULT(tc_token_type_from_name(NULL, 3, &token_type), TC_RESULT_NULL_ARGUMENT);

  /* ... and NULL with length 0 is the empty input. */
  CHECK_RESULT(tc_decode(NULL, 0, &decoded), TC_RESULT_DECODE_EMPTY);
  CHECK_RESULT(tc_verify(NULL, 0, &layout), TC_RESULT_DECODE_EMPTY);
  CHECK_RESULT(tc_identify(NULL, NULL, 0, &id), TC_RESULT_UNIDENTIFIED);
  CHECK_RESULT(tc_route(NULL, 0, &route), TC_RESULT_OK);
  CHECK(route.kind == TC_ROUTE_DEFAULT && route.default_reason == TC_RESULT_DECODE_EMPTY);
  CHECK_RESULT(tc_classify_bearer(NULL, NULL, 0, TC_LENGTH_DETECTION_DISABLED, &bearer), TC_RESULT_OK);
  CHECK(bearer == TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN);
  CHECK_RESULT(tc_generate(NULL, 0, NULL, 0, NULL, TC_FORMAT_V1, out, sizeof out, &len),
               TC_RESULT_ROUTING_MISSING_REQUIRED_KEYS);
  CHECK_RESULT(tc_encode(NULL, 0, &entry, 1, NULL, RANDOM, TC_RANDOM_LEN, TC_FORMAT_V1, out, sizeof out, &len),
               TC_RESULT_OK);
  CHECK(len > 0 && out[0] != '\0');
  CHECK_RESULT(tc_config_new(NULL, &config), TC_RESULT_OK);
  CHECK(config != NULL);
  tc_config_free(config);
  tc_config_free(NULL);
  CHECK_RESULT(tc_token_type_from_name(NULL, 0, &token_type), TC_RESULT_UNKNOWN_ENUM_VALUE);
}

static void test_unknown_enum_values(void) {
  char out[TC_MAX_TOKEN_LEN + 1];
  size_t len = 0;
  tc_routing_entry entry = int_entry("o", 1);
  entry.kind = 3;
  CHECK_RESULT(tc_routing_build(&entry, 1, NULL, out, sizeof out, &len), TC_RESULT_UNKNOWN_ENUM_VALUE);
  tc_routing_entry good = int_entry("o", 1);
  tc_routing_options options;
  memset(&options, 0, sizeof options);
  options.required = 2;
  CHECK_RESULT(tc_routing_build(&good, 1, &options, out, sizeof out, &len), TC_RESULT_UNKNOWN_ENUM_VALUE);
  CHECK_RESULT(tc_generate_legacy(NULL, TC_TOKEN_TYPE_COUNT, out, sizeof out, &len), TC_RESULT_UNKNOWN_ENUM_VALUE);
  tc_bearer_kind bearer;
  CHECK_RESULT(tc_classify_bearer(NULL, "x", 1, 2, &bearer), TC_RESULT_UNKNOWN_ENUM_VALUE);
  CHECK(tc_token_type_name(TC_TOKEN_TYPE_COUNT) == NULL);
  CHECK(tc_token_type_default_prefix(UINT32_MAX) == NULL);
  tc_token_type token_type = 77;
  CHECK_RESULT(tc_token_type_from_name("no_such_token", 13, &token_type), TC_RESULT_UNKNOWN_ENUM_VALUE);
  CHECK(token_type == 77);
}

static void test_misaligned_pointers(void) {
  char out[TC_MAX_TOKEN_LEN + 1];
  size_t len = 0;
  /* An entry array one byte off its alignment. */
  unsigned char raw[sizeof(tc_routing_entry) * 2];
  tc_routing_entry entry = int_entry("o", 1);
  memcpy(raw + 1, &entry, sizeof entry);
  CHECK_RESULT(tc_routing_build((const tc_routing_entry *)(void *)(raw + 1), 1, NULL, out, sizeof out, &len),
               TC_RESULT_MISALIGNED_POINTER);
  unsigned char decoded_raw[sizeof(tc_decoded_token) + 8];
  CHECK_RESULT(tc_decode("x", 1, (tc_decoded_token *)(void *)(decoded_raw + 1)), TC_RESULT_MISALIGNED_POINTER);
}

static void test_short_buffers(void) {
  tc_routing_entry entry = int_entry("o", 1);
  char out[TC_MAX_TOKEN_LEN + 8];
  size_t len = 0;

  /* Routing payload: "o:1" needs 4 bytes. */
  memset(out, SENTINEL, sizeof out);
  CHECK_RESULT(tc_routing_build(&entry, 1, NULL, out, 3, &len), TC_RESULT_BUFFER_TOO_SMALL);
  CHECK(len == 3 && all_bytes_are(out, sizeof out, SENTINEL));
  CHECK_RESULT(tc_routing_build(&entry, 1, NULL, out, 4, &len), TC_RESULT_OK);
  CHECK_BYTES(out, len, "o:1", 3);
  CHECK(out[3] == '\0' && (unsigned char)out[4] == SENTINEL);

  /* A generated token: the length query, then the exact size. */
  CHECK_RESULT(generate_pat(TC_FORMAT_V1, NULL, 0, &len), TC_RESULT_BUFFER_TOO_SMALL);
  size_t needed = len;
  CHECK(needed > 0 && needed <= TC_MAX_TOKEN_LEN);
  memset(out, SENTINEL, sizeof out);
  CHECK_RESULT(generate_pat(TC_FORMAT_V1, out, needed, &len), TC_RESULT_BUFFER_TOO_SMALL);
  CHECK(all_bytes_are(out, sizeof out, SENTINEL));
  CHECK_RESULT(generate_pat(TC_FORMAT_V1, out, needed + 1, &len), TC_RESULT_OK);
  CHECK(len == needed && out[len] == '\0' && (unsigned char)out[len + 1] == SENTINEL);

  /* A legacy token. */
  CHECK_RESULT(tc_generate_legacy(NULL, TC_TOKEN_TYPE_PERSONAL_ACCESS_TOKEN, out, 10, &len),
               TC_RESULT_BUFFER_TOO_SMALL);
  CHECK(len == 26);
  CHECK_RESULT(tc_generate_legacy(NULL, TC_TOKEN_TYPE_PERSONAL_ACCESS_TOKEN, out, 27, &len), TC_RESULT_OK);
  CHECK(len == 26 && memcmp(out, "glpat-", 6) == 0 && out[26] == '\0');

  /* A valid routing has an empty error message, which still needs its NUL. */
  CHECK_RESULT(tc_routing_error_message(&entry, 1, NULL, NULL, 0, &len), TC_RESULT_BUFFER_TOO_SMALL);
  CHECK(len == 0);
  CHECK_RESULT(tc_routing_error_message(&entry, 1, NULL, out, 1, &len), TC_RESULT_OK);
  CHECK(len == 0 && out[0] == '\0');
}

static void test_nul_and_non_utf8_bytes(void) {
  char out[TC_MAX_TOKEN_LEN + 1];
  size_t len = 0;
  tc_decoded_token decoded;

  /* A NUL byte in a key makes it an invalid key, reported with GitLab's text. */
  tc_routing_entry nul_key = int_entry("o", 1);
  nul_key.key = "o\0x";
  nul_key.key_len = 3;
  CHECK_RESULT(tc_routing_build(&nul_key, 1, NULL, out, sizeof out, &len), TC_RESULT_ROUTING_INVALID_KEYS);
  static const char expected[] = "Invalid routing keys: :o\0x. Valid routing keys are: :c, :g, :o, :p, :u, :t.";
  CHECK_RESULT(tc_routing_error_message(&nul_key, 1, NULL, out, sizeof out, &len), TC_RESULT_ROUTING_INVALID_KEYS);
  CHECK_BYTES(out, len, expected, sizeof expected - 1);

  /* Non-UTF-8 keys and values are refused as such. */
  tc_routing_entry bad_key = int_entry("o", 1);
  bad_key.key = "\xff";
  CHECK_RESULT(tc_routing_build(&bad_key, 1, NULL, out, sizeof out, &len), TC_RESULT_INVALID_UTF8);
  tc_routing_entry bad_value = text_entry("o", "\xc3(", 2);
  CHECK_RESULT(tc_routing_build(&bad_value, 1, NULL, out, sizeof out, &len), TC_RESULT_INVALID_UTF8);

  /* Separators in values are GitLab routing errors. */
  tc_routing_entry colon = text_entry("o", "a:b", 3);
  CHECK_RESULT(tc_routing_build(&colon, 1, NULL, out, sizeof out, &len), TC_RESULT_ROUTING_INVALID_VALUE);
  CHECK_RESULT(tc_routing_error_message(&colon, 1, NULL, out, sizeof out, &len), TC_RESULT_ROUTING_INVALID_VALUE);
  CHECK(strstr(out, "a:b") == NULL && strstr(out, ":o") != NULL);

  /* A NUL inside a text value is data: the token is length-delimited and
   * decodes back to the same bytes. */
  tc_routing_entry nul_value = text_entry("o", "a\0b", 3);
  CHECK_RESULT(tc_encode("glpat-", 6, &nul_value, 1, NULL, RANDOM, TC_RANDOM_LEN, TC_FORMAT_V1, out,
                         sizeof out, &len),
               TC_RESULT_OK);
  CHECK_RESULT(tc_decode(out, len, &decoded), TC_RESULT_OK);
  CHECK_BYTES(decoded.routing, decoded.routing_len, "o:a\0b", 5);

  /* Tokens with NUL or non-UTF-8 bytes are rejected with a reason, never a crash. */
  char token[TC_MAX_TOKEN_LEN + 1];
  CHECK_RESULT(generate_pat(TC_FORMAT_V1, token, sizeof token, &len), TC_RESULT_OK);
  size_t token_len = len;
  for (size_t at = 0; at < token_len; at++) {
    char copy[TC_MAX_TOKEN_LEN + 1];
    memcpy(copy, token, token_len);
    copy[at] = '\0';
    tc_result nul = tc_decode(copy, token_len, &decoded);
    copy[at] = (char)0xff;
    tc_result high = tc_decode(copy, token_len, &decoded);
    CHECK(nul >= 200 && nul < 300 && high >= 200 && high < 300);
    tc_identification id;
    tc_result identified = tc_identify(NULL, copy, token_len, &id);
    CHECK(identified == TC_RESULT_OK || identified == TC_RESULT_UNIDENTIFIED);
    if (identified == TC_RESULT_OK) CHECK(id.checksum != TC_CHECKSUM_VALID);
    tc_route_decision route;
    CHECK_RESULT(tc_route(copy, token_len, &route), TC_RESULT_OK);
    CHECK(route.kind == TC_ROUTE_DEFAULT);
  }
  /* A Bearer token that is not UTF-8 (or holds a NUL) is classified, not refused. */
  tc_bearer_kind bearer = TC_BEARER_OAUTH_TOKEN;
  CHECK_RESULT(tc_classify_bearer(NULL, "glpat-\xff", 7, TC_LENGTH_DETECTION_DISABLED, &bearer), TC_RESULT_OK);
  CHECK(bearer == TC_BEARER_PERSONAL_ACCESS_TOKEN);
  bearer = TC_BEARER_OAUTH_TOKEN;
  CHECK_RESULT(tc_classify_bearer(NULL, "gl\0at-x", 8, TC_LENGTH_DETECTION_DISABLED, &bearer), TC_RESULT_OK);
  CHECK(bearer == TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN);
  tc_config *config = NULL;
  tc_config_options options;
  memset(&options, 0, sizeof options);
  options.instance_prefix = "ac\xffme";
  options.instance_prefix_len = 5;
  CHECK_RESULT(tc_config_new(&options, &config), TC_RESULT_INVALID_UTF8);
  CHECK(config == NULL);
}

static void test_config_errors(void) {
  tc_config *config = (tc_config *)(void *)&config; /* a sentinel value that must survive */
  tc_config *const sentinel = config;
  tc_config_options options;
  memset(&options, 0, sizeof options);
  options.instance_prefix = "ac-me";
  options.instance_prefix_len = 5;
  CHECK_RESULT(tc_config_new(&options, &config), TC_RESULT_CONFIG_INVALID_INSTANCE_PREFIX);
  options.instance_prefix = "a\0cme";
  CHECK_RESULT(tc_config_new(&options, &config), TC_RESULT_CONFIG_INVALID_INSTANCE_PREFIX);
  memset(&options, 0, sizeof options);
  options.custom_pat_prefix = "bad prefix!";
  options.custom_pat_prefix_len = 11;
  CHECK_RESULT(tc_config_new(&options, &config), TC_RESULT_CONFIG_INVALID_CUSTOM_PAT_PREFIX);
  CHECK(config == sentinel);
}

int main(void) {
  test_result_texts();
  test_encode_errors();
  test_null_pointers();
  test_unknown_enum_values();
  test_misaligned_pointers();
  test_short_buffers();
  test_nul_and_non_utf8_bytes();
  test_config_errors();
  return check_finish("c errors");
}
