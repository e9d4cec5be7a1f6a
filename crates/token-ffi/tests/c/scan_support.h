/* Builders shared by the scanning tests: a growable byte buffer, scanners with
 * given options, and a scan that returns every finding. */
#ifndef TOKEN_FFI_SCAN_SUPPORT_H
#define TOKEN_FFI_SCAN_SUPPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "token_codec.h"

#define REDACTED "[REDACTED]"
#define REDACTED_LEN (sizeof REDACTED - 1)

typedef struct {
  uint8_t *data;
  size_t len;
  size_t cap;
} buffer;

static inline void buffer_append(buffer *b, const void *bytes, size_t n) {
  if (b->len + n > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n) cap *= 2;
    uint8_t *grown = (uint8_t *)realloc(b->data, cap);
    if (grown == NULL) abort();
    b->data = grown;
    b->cap = cap;
  }
  if (n > 0) memcpy(b->data + b->len, bytes, n);
  b->len += n;
}

static inline void buffer_append_text(buffer *b, const char *text) { buffer_append(b, text, strlen(text)); }

static inline void buffer_free(buffer *b) {
  free(b->data);
  memset(b, 0, sizeof *b);
}

/* A write callback that appends to the buffer userdata points to. */
static inline int append_to_buffer(void *userdata, const uint8_t *bytes, size_t len) {
  buffer_append((buffer *)userdata, bytes, len);
  return 0;
}

static inline tc_scanner *new_scanner(const tc_config *config, bool drop_invalid, bool configured_v0_only,
                                      bool unprefixed_oauth) {
  tc_scan_options options;
  memset(&options, 0, sizeof options);
  options.drop_invalid = drop_invalid;
  options.configured_v0_only = configured_v0_only;
  options.unprefixed_oauth = unprefixed_oauth;
  tc_scanner *scanner = NULL;
  CHECK_RESULT(tc_scanner_new(config, &options, &scanner), TC_RESULT_OK);
  if (scanner == NULL) abort();
  return scanner;
}

/* Every finding in text (freed by the caller), counted first, then fetched. */
static inline tc_finding *scan_all(const tc_scanner *scanner, const void *text, size_t len, size_t *count) {
  size_t needed = SIZE_MAX;
  tc_result r = tc_scan(scanner, (const uint8_t *)text, len, NULL, 0, &needed);
  CHECK(needed != SIZE_MAX && r == (needed == 0 ? TC_RESULT_OK : TC_RESULT_BUFFER_TOO_SMALL));
  tc_finding *findings = (tc_finding *)calloc(needed ? needed : 1, sizeof *findings);
  if (findings == NULL) abort();
  size_t again = SIZE_MAX;
  CHECK_RESULT(tc_scan(scanner, (const uint8_t *)text, len, findings, needed, &again), TC_RESULT_OK);
  CHECK(again == needed);
  *count = needed;
  return findings;
}

/* The whole-input redaction (freed by the caller), asked for its length first. */
static inline buffer redact_all(const tc_scanner *scanner, const void *text, size_t len) {
  size_t needed = SIZE_MAX;
  tc_result r = tc_redact(scanner, (const uint8_t *)text, len, NULL, 0, &needed);
  CHECK(needed != SIZE_MAX && r == (needed == 0 ? TC_RESULT_OK : TC_RESULT_BUFFER_TOO_SMALL));
  buffer out;
  memset(&out, 0, sizeof out);
  out.cap = needed == SIZE_MAX || needed == 0 ? 1 : needed;
  out.data = (uint8_t *)malloc(out.cap);
  if (out.data == NULL) abort();
  size_t written = SIZE_MAX;
  CHECK_RESULT(tc_redact(scanner, (const uint8_t *)text, len, out.data, needed == SIZE_MAX ? 0 : needed, &written),
               TC_RESULT_OK);
  CHECK(written == needed);
  out.len = written <= out.cap ? written : 0;
  return out;
}

/* The redaction of a stream fed in chunks of `chunk` bytes (0: sizes from a
 * fixed pseudo-random sequence of 1 to 5000), appended to `out`; returns
 * the number of tokens the redactor reports. */
static inline size_t redact_streamed(tc_redactor *redactor, const uint8_t *text, size_t len, size_t chunk,
                                     buffer *out) {
  size_t total = 0;
  uint32_t state = 12345;
  for (size_t at = 0; at < len;) {
    size_t n = chunk;
    if (n == 0) {
      state = state * 1103515245u + 12345u;
      n = 1 + (state >> 8) % 5000;
    }
    if (n > len - at) n = len - at;
    size_t redacted = SIZE_MAX;
    CHECK_RESULT(tc_redactor_push(redactor, text + at, n, append_to_buffer, out, &redacted), TC_RESULT_OK);
    CHECK(redacted != SIZE_MAX);
    total += redacted == SIZE_MAX ? 0 : redacted;
    at += n;
  }
  size_t redacted = SIZE_MAX;
  CHECK_RESULT(tc_redactor_finish(redactor, append_to_buffer, out, &redacted), TC_RESULT_OK);
  return total + (redacted == SIZE_MAX ? 0 : redacted);
}

#endif
