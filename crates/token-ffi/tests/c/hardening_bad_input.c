/* Hostile input through every C entry point that takes a token or text:
 * empty, 1 MB and 64 MB, NUL bytes, invalid UTF-8, every prefix with a
 * truncated body, length fields past the end, maximal payloads, thousands of
 * dots. Each gets its specific TC_RESULT_* code, scanning and redaction take
 * it as ordinary text and leave no valid token behind; nothing crashes (the suite
 * also runs under ASan+UBSan and valgrind, see rakelib/hardening.rake).
 * Usage: hardening_bad_input [largest input in bytes, default 64 MiB] */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"
#include "support.h"

#define PAT_V1 "glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij"
#define PAT_V0 "glpat-YzowCm86MQp1OjFSDdqkLmVS337oi4qlKHnlEA.121e8269o"
#define MAX_LENGTH_FIELD (36 * 36 - 1)
#define MAX_DECODE_INPUT_LEN (TC_MAX_PREFIX_LEN + MAX_LENGTH_FIELD + 13)

static tc_config *configured;
static tc_scanner *scanner;

/* ---- sealing: CRC-32 in 7 base36 digits, as the format puts it ---- */

static uint32_t crc32_of(const uint8_t *bytes, size_t len) {
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < len; i++) {
    crc ^= bytes[i];
    for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

static const char DIGITS[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* Writes the checksum of buf[0..len) after it; buf must hold len + 7 bytes. */
static size_t seal(uint8_t *buf, size_t len) {
  uint64_t rest = crc32_of(buf, len);
  for (int i = 6; i >= 0; i--) {
    buf[len + (size_t)i] = (uint8_t)DIGITS[rest % 36];
    rest /= 36;
  }
  return len + 7;
}

static void length_field(uint8_t *at, size_t value) {
  at[0] = (uint8_t)DIGITS[value / 36];
  at[1] = (uint8_t)DIGITS[value % 36];
}

/* ---- every entry point on one input ---- */

typedef struct {
  tc_result decode, verify, identify, identify_configured, route_reason;
  tc_result bearer[2]; /* length detection disabled, enabled */
  tc_bearer_kind kind[2];
  tc_identification id;
} answers;

static int is_payload_error(tc_result r) {
  return r == TC_RESULT_DECODE_INVALID_BASE64 || r == TC_RESULT_DECODE_LENGTH_BYTE_MISMATCH ||
         r == TC_RESULT_DECODE_EMPTY_ROUTING || r == TC_RESULT_DECODE_MALFORMED_ROUTING ||
         r == TC_RESULT_DECODE_UNKNOWN_ROUTING_KEY || r == TC_RESULT_DECODE_DUPLICATE_ROUTING_KEY ||
         r == TC_RESULT_DECODE_UNSORTED_ROUTING_KEYS;
}

/* Scans `input` and redacts it: findings lie inside it, in order, and a valid
 * one decodes; the redaction holds no valid token. */
static void scan_probe(const void *input, size_t len) {
  /* Inputs over 2 MiB are scanned by test_huge only: a debug build scans at
   * about 50 MB/s. */
  if (len > ((size_t)2 << 20)) return;
  size_t count = 0;
  tc_result counted = tc_scan(scanner, input, len, NULL, 0, &count);
  CHECK(counted == (count == 0 ? TC_RESULT_OK : TC_RESULT_BUFFER_TOO_SMALL));
  tc_finding *findings = calloc(count + 1, sizeof *findings);
  size_t again = 0;
  CHECK_RESULT(tc_scan(scanner, input, len, findings, count, &again), TC_RESULT_OK);
  CHECK(again == count);
  uint64_t end = 0;
  for (size_t i = 0; i < count; i++) {
    CHECK(findings[i].offset >= end && findings[i].offset + findings[i].len <= len);
    end = findings[i].offset + findings[i].len;
    if (findings[i].checksum == TC_CHECKSUM_VALID) {
      tc_token_layout layout;
      CHECK_RESULT(tc_verify((const char *)input + findings[i].offset, findings[i].len, &layout), TC_RESULT_OK);
    }
  }
  free(findings);
  size_t out_len = 0;
  tc_result sized = tc_redact(scanner, input, len, NULL, 0, &out_len);
  CHECK(sized == (out_len == 0 ? TC_RESULT_OK : TC_RESULT_BUFFER_TOO_SMALL));
  uint8_t *out = malloc(out_len + 1);
  CHECK_RESULT(tc_redact(scanner, input, len, out, out_len, &out_len), TC_RESULT_OK);
  if (count == 0) CHECK(out_len == len && (len == 0 || memcmp(out, input, len) == 0));
  size_t left = 0;
  tc_result rescanned = tc_scan(scanner, out, out_len, NULL, 0, &left);
  tc_finding *after = calloc(left + 1, sizeof *after);
  CHECK(rescanned == TC_RESULT_OK || rescanned == TC_RESULT_BUFFER_TOO_SMALL);
  CHECK_RESULT(tc_scan(scanner, out, out_len, after, left, &left), TC_RESULT_OK);
  for (size_t i = 0; i < left; i++) CHECK(after[i].checksum != TC_CHECKSUM_VALID);
  free(after);
  free(out);
}

/* Runs decode, verify, identify (default and configured), route, Bearer
 * classification, scanning and redaction on `input`, checking what holds for
 * any input. */
static answers probe(const void *input, size_t len) {
  answers a;
  memset(&a, 0, sizeof a);
  tc_decoded_token decoded;
  tc_token_layout layout;
  tc_identification id;
  tc_route_decision route;
  a.decode = tc_decode(input, len, &decoded);
  a.verify = tc_verify(input, len, &layout);
  a.identify = tc_identify(NULL, input, len, &a.id);
  a.identify_configured = tc_identify(configured, input, len, &id);
  CHECK_RESULT(tc_route(input, len, &route), TC_RESULT_OK);
  a.route_reason = route.kind == TC_ROUTE_DEFAULT ? route.default_reason : TC_RESULT_OK;
  for (int mode = 0; mode < 2; mode++) {
    a.kind[mode] = 99;
    a.bearer[mode] = tc_classify_bearer(NULL, input, len, (tc_length_detection)mode, &a.kind[mode]);
  }
  scan_probe(input, len);
  if (a.decode != TC_RESULT_OK) CHECK_RESULT(a.route_reason, a.decode);
  if (!is_payload_error(a.decode)) CHECK_RESULT(a.verify, a.decode);
  CHECK(a.identify == TC_RESULT_OK || a.identify == TC_RESULT_UNIDENTIFIED);
  CHECK(a.identify_configured == TC_RESULT_OK || a.identify_configured == TC_RESULT_UNIDENTIFIED);
  /* Any bytes are a Bearer token to classify (non-UTF-8 ones too). */
  for (int mode = 0; mode < 2; mode++) CHECK_RESULT(a.bearer[mode], TC_RESULT_OK);
  return a;
}

static answers expect_rejected(const void *input, size_t len, tc_result reason) {
  answers a = probe(input, len);
  CHECK_RESULT(a.decode, reason);
  return a;
}

/* ---- the cases ---- */

static void test_empty(void) {
  answers a = expect_rejected("", 0, TC_RESULT_DECODE_EMPTY);
  CHECK_RESULT(a.identify, TC_RESULT_UNIDENTIFIED);
  CHECK_RESULT(a.bearer[0], TC_RESULT_OK);
  CHECK(a.kind[0] == TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN);
  a = expect_rejected(NULL, 0, TC_RESULT_DECODE_EMPTY);
  CHECK_RESULT(a.identify, TC_RESULT_UNIDENTIFIED);
}

/* size bytes: head, then fill, then tail. */
static uint8_t *shaped(size_t size, const char *head, uint8_t fill, const char *tail) {
  uint8_t *input = malloc(size);
  if (input == NULL) abort();
  memset(input, fill, size);
  memcpy(input, head, strlen(head));
  memcpy(input + size - strlen(tail), tail, strlen(tail));
  return input;
}

static void test_huge(size_t largest) {
  static const struct {
    const char *head;
    uint8_t fill;
    const char *tail;
    tc_bearer_kind kind;
  } shapes[] = {
      {"", 'a', "", TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN},
      {"", 0, "", TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN},
      {"", '.', "", TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN},
      {"", 0xff, "", TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN},
      {"glpat-", 0xff, ".01.0w082kcij", TC_BEARER_PERSONAL_ACCESS_TOKEN},
      {"glcbt-", 'a', "", TC_BEARER_OAUTH_TOKEN},
  };
  for (size_t size = 1u << 20; size <= largest; size *= 64) {
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
      uint8_t *input = shaped(size, shapes[s].head, shapes[s].fill, shapes[s].tail);
      answers a = expect_rejected(input, size, TC_RESULT_DECODE_TOO_LONG);
      CHECK_RESULT(a.identify, TC_RESULT_UNIDENTIFIED);
      CHECK_RESULT(a.identify_configured, TC_RESULT_UNIDENTIFIED);
      CHECK(a.kind[0] == shapes[s].kind);
      if (size > ((size_t)2 << 20) && (shapes[s].fill == 0 || shapes[s].fill == 0xff)) {
        /* Scanned and redacted as it is: no token, every byte kept. */
        size_t count = 99;
        CHECK_RESULT(tc_scan(scanner, input, size, NULL, 0, &count), TC_RESULT_OK);
        CHECK(count == 0);
        size_t out_len = 0;
        CHECK_RESULT(tc_redact(scanner, input, size, input, size, &out_len), TC_RESULT_OK);
        CHECK(out_len == size && input[size / 2] == shapes[s].fill);
      }
      /* Far beyond 40 characters: the length rule never takes it for a PAT. */
      CHECK(a.kind[1] == (shapes[s].kind == TC_BEARER_OAUTH_TOKEN ? TC_BEARER_OAUTH_TOKEN
                                                                  : TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN));
      free(input);
    }
  }
  /* Generators and configuration refuse huge text with their own codes. */
  uint8_t *huge = shaped(1u << 20, "", 'a', "");
  char token[TC_MAX_TOKEN_LEN + 1];
  size_t len = 0;
  tc_routing_entry entry = int_entry("o", 1);
  CHECK_RESULT(tc_generate((const char *)huge, 1u << 20, &entry, 1, NULL, TC_FORMAT_V1, token, sizeof token, &len),
               TC_RESULT_ENCODE_PREFIX_TOO_LONG);
  tc_routing_entry value = text_entry("o", (const char *)huge, 1u << 20);
  CHECK_RESULT(tc_generate("glpat-", 6, &value, 1, NULL, TC_FORMAT_V1, token, sizeof token, &len),
               TC_RESULT_ROUTING_PAYLOAD_TOO_LARGE);
  tc_config_options options;
  memset(&options, 0, sizeof options);
  options.instance_prefix = (const char *)huge;
  options.instance_prefix_len = 1u << 20;
  tc_config *config = NULL;
  CHECK_RESULT(tc_config_new(&options, &config), TC_RESULT_CONFIG_INVALID_INSTANCE_PREFIX);
  CHECK(config == NULL);
  tc_token_type type = 99;
  CHECK_RESULT(tc_token_type_from_name((const char *)huge, 1u << 20, &type), TC_RESULT_UNKNOWN_ENUM_VALUE);
  free(huge);
}

static void test_nul_bytes(void) {
  uint8_t zeros[2000];
  memset(zeros, 0, sizeof zeros);
  for (size_t n = 1; n < 40; n++) expect_rejected(zeros, n, TC_RESULT_DECODE_NOT_ROUTABLE);
  expect_rejected(zeros, sizeof zeros, TC_RESULT_DECODE_TOO_LONG);

  const char *tokens[] = {PAT_V1, PAT_V0};
  for (int t = 0; t < 2; t++) {
    size_t n = strlen(tokens[t]);
    tc_token_layout layout;
    CHECK_RESULT(tc_verify(tokens[t], n, &layout), TC_RESULT_OK);
    uint8_t buf[128];
    for (size_t at = layout.prefix_len; at < layout.prefix_len + layout.payload_len; at++) {
      memcpy(buf, tokens[t], n);
      buf[at] = 0;
      expect_rejected(buf, seal(buf, n - 7), TC_RESULT_DECODE_INVALID_BASE64);
    }
    for (size_t at = n - 7; at < n; at++) {
      memcpy(buf, tokens[t], n);
      buf[at] = 0;
      expect_rejected(buf, n, TC_RESULT_DECODE_INVALID_CHECKSUM_FIELD);
    }
    memcpy(buf, tokens[t], n);
    buf[n] = 0;
    expect_rejected(buf, n + 1, TC_RESULT_DECODE_NOT_ROUTABLE);
    buf[0] = 0;
    memcpy(buf + 1, tokens[t], n);
    answers a = expect_rejected(buf, n + 1, TC_RESULT_DECODE_CHECKSUM_MISMATCH);
    CHECK_RESULT(a.identify, TC_RESULT_UNIDENTIFIED);
  }
}

static void test_invalid_utf8(void) {
  static const char *bad[] = {"\xff", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xe2\x82"};
  for (size_t b = 0; b < sizeof bad / sizeof bad[0]; b++) {
    size_t bad_len = strlen(bad[b]);
    uint8_t buf[128];
    /* In the prefix, sealed: the prefix must be UTF-8. */
    size_t n = strlen(PAT_V1);
    memcpy(buf, "glpat", 5);
    memcpy(buf + 5, bad[b], bad_len);
    memcpy(buf + 5 + bad_len, PAT_V1 + 5, n - 5 - 7);
    answers a = expect_rejected(buf, seal(buf, n - 7 + bad_len), TC_RESULT_DECODE_INVALID_PREFIX);
    CHECK(a.kind[0] == TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN);
    /* In the payload, sealed. */
    memcpy(buf, PAT_V1, n);
    memcpy(buf + 10, bad[b], bad_len);
    expect_rejected(buf, seal(buf, n - 7), TC_RESULT_DECODE_INVALID_BASE64);
    /* In the checksum field. */
    memcpy(buf, PAT_V1, n);
    memcpy(buf + n - bad_len, bad[b], bad_len);
    expect_rejected(buf, n, TC_RESULT_DECODE_INVALID_CHECKSUM_FIELD);
    /* A legacy-looking body. */
    memset(buf, 'a', 26);
    memcpy(buf, "glpat-", 6);
    memcpy(buf + 6, bad[b], bad_len);
    a = expect_rejected(buf, 26, TC_RESULT_DECODE_NOT_ROUTABLE);
    CHECK_RESULT(a.identify, TC_RESULT_UNIDENTIFIED);
    CHECK(a.kind[0] == TC_BEARER_PERSONAL_ACCESS_TOKEN);
    /* 26 bytes, 20..=40 characters however the bad bytes count. */
    CHECK(a.kind[1] == TC_BEARER_PERSONAL_ACCESS_TOKEN);
    /* As a prefix to generate with, or a configured prefix. */
    char token[TC_MAX_TOKEN_LEN + 1];
    size_t len = 0;
    tc_routing_entry entry = int_entry("o", 1);
    CHECK_RESULT(tc_generate(bad[b], bad_len, &entry, 1, NULL, TC_FORMAT_V1, token, sizeof token, &len),
                 TC_RESULT_INVALID_UTF8);
    tc_routing_entry value = text_entry("o", bad[b], bad_len);
    CHECK_RESULT(tc_generate("glpat-", 6, &value, 1, NULL, TC_FORMAT_V1, token, sizeof token, &len),
                 TC_RESULT_INVALID_UTF8);
  }
}

/* Cuts `token` at every length: never valid, and NOT_ROUTABLE up to the tail. */
static void cut_everywhere(const char *token, size_t len, size_t separator, const tc_config *config) {
  for (size_t cut = 0; cut < len; cut++) {
    answers a = probe(token, cut);
    if (cut == 0) {
      CHECK_RESULT(a.decode, TC_RESULT_DECODE_EMPTY);
    } else if (cut <= separator) {
      CHECK_RESULT(a.decode, TC_RESULT_DECODE_NOT_ROUTABLE);
    } else {
      CHECK(a.decode != TC_RESULT_OK);
    }
    tc_identification id;
    if (tc_identify(config, token, cut, &id) == TC_RESULT_OK) {
      CHECK(id.checksum != TC_CHECKSUM_VALID);
    }
  }
}

static void test_truncated_bodies(void) {
  const tc_config *configs[] = {NULL, configured};
  tc_routing_entry entries[2];
  entries[0] = int_entry("o", 1);
  entries[1] = int_entry("u", 1);
  for (int c = 0; c < 2; c++) {
    for (tc_token_type type = 0; type < TC_TOKEN_TYPE_COUNT; type++) {
      char legacy[TC_MAX_LEGACY_TOKEN_LEN + 1];
      size_t legacy_len = 0;
      CHECK_RESULT(tc_generate_legacy(configs[c], type, legacy, sizeof legacy, &legacy_len), TC_RESULT_OK);
      tc_identification whole;
      CHECK_RESULT(tc_identify(configs[c], legacy, legacy_len, &whole), TC_RESULT_OK);
      CHECK(whole.token_type == type && whole.kind == TC_TOKEN_KIND_LEGACY);
      cut_everywhere(legacy, legacy_len, legacy_len, configs[c]);

      /* A routable token with the same prefix. */
      if (whole.prefix_len == 0) continue;
      for (tc_format format = TC_FORMAT_V0; format <= TC_FORMAT_V1; format++) {
        char token[TC_MAX_TOKEN_LEN + 1];
        size_t len = 0;
        CHECK_RESULT(tc_generate(legacy, whole.prefix_len, entries, 2, NULL, format, token, sizeof token, &len),
                     TC_RESULT_OK);
        tc_token_layout layout;
        CHECK_RESULT(tc_verify(token, len, &layout), TC_RESULT_OK);
        cut_everywhere(token, len, layout.prefix_len + layout.payload_len, configs[c]);
      }
    }
  }
}

static void test_length_fields_past_the_end(void) {
  const char *tokens[] = {PAT_V1, PAT_V0};
  for (int t = 0; t < 2; t++) {
    size_t n = strlen(tokens[t]);
    tc_token_layout layout;
    CHECK_RESULT(tc_verify(tokens[t], n, &layout), TC_RESULT_OK);
    size_t separator = layout.prefix_len + layout.payload_len;
    uint8_t buf[128];
    for (size_t stated = separator + 1; stated <= MAX_LENGTH_FIELD; stated++) {
      memcpy(buf, tokens[t], n);
      length_field(buf + n - 9, stated);
      answers a = expect_rejected(buf, seal(buf, n - 7), TC_RESULT_DECODE_LENGTH_FIELD_OUT_OF_RANGE);
      CHECK_RESULT(a.identify, TC_RESULT_UNIDENTIFIED);
    }
  }
}

static void test_maximal_payloads(void) {
  char value[TC_MAX_ROUTING_LEN + 1];
  memset(value, 'x', sizeof value);
  char prefix[TC_MAX_PREFIX_LEN + 1];
  memset(prefix, 'p', sizeof prefix);
  static const uint8_t random[TC_RANDOM_LEN] = {7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7};
  char token[TC_MAX_TOKEN_LEN + 1];
  size_t len = 0;
  /* "o:" and 157 bytes: the largest routing payload, with the longest prefix. */
  tc_routing_entry largest = text_entry("o", value, TC_MAX_ROUTING_LEN - 2);
  CHECK_RESULT(tc_encode(prefix, TC_MAX_PREFIX_LEN, &largest, 1, NULL, random, TC_RANDOM_LEN, TC_FORMAT_V1, token,
                         sizeof token, &len),
               TC_RESULT_OK);
  CHECK(len == TC_MAX_TOKEN_LEN);
  tc_decoded_token decoded;
  CHECK_RESULT(tc_decode(token, len, &decoded), TC_RESULT_OK);
  CHECK(decoded.routing_len == TC_MAX_ROUTING_LEN);
  probe(token, len);
  /* One byte more, one prefix byte more, a buffer one byte short. */
  tc_routing_entry over = text_entry("o", value, TC_MAX_ROUTING_LEN - 1);
  CHECK_RESULT(tc_encode("glpat-", 6, &over, 1, NULL, random, TC_RANDOM_LEN, TC_FORMAT_V1, token, sizeof token, &len),
               TC_RESULT_ROUTING_PAYLOAD_TOO_LARGE);
  CHECK_RESULT(tc_encode(prefix, TC_MAX_PREFIX_LEN + 1, &largest, 1, NULL, random, TC_RANDOM_LEN, TC_FORMAT_V1, token,
                         sizeof token, &len),
               TC_RESULT_ENCODE_PREFIX_TOO_LONG);
  memset(token, SENTINEL, sizeof token);
  CHECK_RESULT(tc_encode(prefix, TC_MAX_PREFIX_LEN, &largest, 1, NULL, random, TC_RANDOM_LEN, TC_FORMAT_V1, token,
                         TC_MAX_TOKEN_LEN, &len),
               TC_RESULT_BUFFER_TOO_SMALL);
  CHECK(len == TC_MAX_TOKEN_LEN && all_bytes_are(token, sizeof token, SENTINEL));

  /* The largest length field (zz) over that many base64 characters. */
  static uint8_t big[MAX_DECODE_INPUT_LEN + 8];
  size_t body = 0;
  for (size_t prefix_len = TC_MAX_PREFIX_LEN; prefix_len <= TC_MAX_PREFIX_LEN + 1; prefix_len++) {
    memset(big, 'p', prefix_len);
    memset(big + prefix_len, 'A', MAX_LENGTH_FIELD);
    body = prefix_len + MAX_LENGTH_FIELD;
    memcpy(big + body, ".01.", 4);
    length_field(big + body + 4, MAX_LENGTH_FIELD);
    size_t n = seal(big, body + 6);
    expect_rejected(big, n,
                    n <= MAX_DECODE_INPUT_LEN ? TC_RESULT_DECODE_ROUTING_TOO_LARGE : TC_RESULT_DECODE_TOO_LONG);
  }
}

static void test_dots(void) {
  static uint8_t dots[1u << 16];
  memset(dots, '.', sizeof dots);
  for (size_t n = 1; n < 10; n++) expect_rejected(dots, n, TC_RESULT_DECODE_NOT_ROUTABLE);
  size_t checked[] = {10, 13, 100, 1000, MAX_DECODE_INPUT_LEN};
  for (size_t i = 0; i < sizeof checked / sizeof checked[0]; i++) {
    answers a = expect_rejected(dots, checked[i], TC_RESULT_DECODE_INVALID_CHECKSUM_FIELD);
    CHECK_RESULT(a.identify, TC_RESULT_UNIDENTIFIED);
    CHECK(a.kind[0] == TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN);
  }
  expect_rejected(dots, MAX_DECODE_INPUT_LEN + 1, TC_RESULT_DECODE_TOO_LONG);
  expect_rejected(dots, sizeof dots, TC_RESULT_DECODE_TOO_LONG);
  /* Dots before a valid-looking tail, and dots as the prefix of a sealed token. */
  static uint8_t buf[1200];
  memset(buf, '.', 1000);
  memcpy(buf + 1000, ".01.0w082kcij", 13);
  expect_rejected(buf, 1013, TC_RESULT_DECODE_CHECKSUM_MISMATCH);
  size_t n = strlen(PAT_V1);
  memcpy(buf + 1000, PAT_V1, n);
  expect_rejected(buf, seal(buf, 1000 + n - 7), TC_RESULT_DECODE_PREFIX_TOO_LONG);
  memcpy(buf + TC_MAX_PREFIX_LEN - 6, PAT_V1, n);
  tc_decoded_token decoded;
  size_t sealed = seal(buf, TC_MAX_PREFIX_LEN - 6 + n - 7);
  CHECK_RESULT(tc_decode((const char *)buf, sealed, &decoded), TC_RESULT_OK);
  CHECK(decoded.prefix_len == TC_MAX_PREFIX_LEN);
}

int main(int argc, char **argv) {
  size_t largest = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : (size_t)64 << 20;
  tc_config_options options;
  memset(&options, 0, sizeof options);
  options.instance_prefix = "acme";
  options.instance_prefix_len = 4;
  options.custom_pat_prefix = "mypat_";
  options.custom_pat_prefix_len = 6;
  CHECK_RESULT(tc_config_new(&options, &configured), TC_RESULT_OK);
  CHECK_RESULT(tc_scanner_new(configured, NULL, &scanner), TC_RESULT_OK);

  test_empty();
  test_huge(largest);
  test_nul_bytes();
  test_invalid_utf8();
  test_truncated_bodies();
  test_length_fields_past_the_end();
  test_maximal_payloads();
  test_dots();

  tc_scanner_free(scanner);
  tc_config_free(configured);
  return check_finish("c bad input");
}
