/* Small builders shared by the C tests: routing entries and buffer sentinels. */
#ifndef TOKEN_FFI_SUPPORT_H
#define TOKEN_FFI_SUPPORT_H

#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "token_codec.h"

/* Byte that fills output memory before a call, to prove failures write nothing. */
#define SENTINEL 0xA5

static inline tc_routing_entry int_entry(const char *key, uint64_t value) {
  tc_routing_entry entry;
  memset(&entry, 0, sizeof entry);
  entry.key = key;
  entry.key_len = strlen(key);
  entry.kind = TC_ROUTING_VALUE_INT;
  entry.int_value = value;
  return entry;
}

static inline tc_routing_entry text_entry(const char *key, const char *text, size_t text_len) {
  tc_routing_entry entry = int_entry(key, 0);
  entry.kind = TC_ROUTING_VALUE_TEXT;
  entry.text = text;
  entry.text_len = text_len;
  return entry;
}

static inline int all_bytes_are(const void *memory, size_t len, unsigned char byte) {
  const unsigned char *bytes = (const unsigned char *)memory;
  for (size_t i = 0; i < len; i++) {
    if (bytes[i] != byte) return 0;
  }
  return 1;
}

static inline int bytes_equal(const void *a, size_t a_len, const void *b, size_t b_len) {
  return a_len == b_len && memcmp(a, b, a_len) == 0;
}

/* A routable token with default routing (o:1, u:1) and the given format. */
static inline tc_result generate_pat(tc_format format, char *out, size_t cap, size_t *len) {
  tc_routing_entry entries[2];
  entries[0] = int_entry("o", 1);
  entries[1] = int_entry("u", 1);
  return tc_generate("glpat-", 6, entries, 2, NULL, format, out, cap, len);
}

/* Writes all `len` bytes to `fd` (a pipe between forked test processes); 0 on failure. */
static inline int write_all(int fd, const void *data, size_t len) {
  const uint8_t *bytes = (const uint8_t *)data;
  while (len > 0) {
    ssize_t n = write(fd, bytes, len);
    if (n <= 0) return 0;
    bytes += n;
    len -= (size_t)n;
  }
  return 1;
}

/* Reads exactly `len` bytes from `fd`; 0 on failure or early end. */
static inline int read_all(int fd, void *data, size_t len) {
  uint8_t *bytes = (uint8_t *)data;
  while (len > 0) {
    ssize_t n = read(fd, bytes, len);
    if (n <= 0) return 0;
    bytes += n;
    len -= (size_t)n;
  }
  return 1;
}

#endif
