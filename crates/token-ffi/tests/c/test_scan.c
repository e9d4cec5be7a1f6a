/* Leak scanning through the C API: every vector's token planted in text with
 * NUL, non-UTF-8 and UTF-8 bytes around it (valid tokens found whole with
 * their routing, look-alikes reported invalid or dropped, nothing glued to a
 * word), legacy tokens of every type, configured prefixes, the options,
 * short buffers, NULL and misaligned pointers. */
#include <stdalign.h>

#include "check.h"
#include "scan_support.h"
#include "support.h"
#include "vectors.h"

typedef struct {
  const char *before;
  size_t before_len;
  const char *after;
  size_t after_len;
} context;

#define CONTEXT(before, after) {before, sizeof before - 1, after, sizeof after - 1}

static const context CONTEXTS[] = {
    CONTEXT("", ""),
    CONTEXT("token=", "\n"),
    CONTEXT("\0", "\0"),
    CONTEXT("\0\0 ", " \0"),
    CONTEXT("\xff\xfe ", " \xc3"),
    CONTEXT("\xff", "\x80"),
    CONTEXT("caf\xc3\xa9 ", " \xe2\x82\xac"),
    CONTEXT("{\"token\":\"", "\"}"),
    CONTEXT("Authorization: Bearer ", "\r\n"),
};
#define CONTEXT_COUNT (sizeof CONTEXTS / sizeof CONTEXTS[0])

static tc_token_type type_named(const char *name) {
  if (name == NULL) return TC_TOKEN_TYPE_NONE;
  tc_token_type type = TC_TOKEN_TYPE_NONE;
  CHECK_RESULT(tc_token_type_from_name(name, strlen(name), &type), TC_RESULT_OK);
  return type;
}

static void plant(buffer *text, const context *c, const vec_scan *v) {
  text->len = 0;
  buffer_append(text, c->before, c->before_len);
  buffer_append(text, v->token, v->token_len);
  buffer_append(text, c->after, c->after_len);
}

/* The finding is the planted token, whole, with the vector's prefix, type and kind. */
static int is_the_token(const tc_finding *f, const context *c, const vec_scan *v, tc_checksum checksum) {
  return f->offset == c->before_len && f->len == v->token_len && f->prefix_len == v->prefix_len &&
         f->token_type == type_named(v->type_name) && f->kind == v->kind && f->checksum == checksum;
}

/* A valid token's routing, as text and spans, is what tc_decode reports. */
static void check_routing(const tc_finding *f, const vec_scan *v) {
  tc_decoded_token decoded;
  CHECK_RESULT(tc_decode(v->token, v->token_len, &decoded), TC_RESULT_OK);
  CHECK_BYTES(f->routing, f->routing_len, decoded.routing, decoded.routing_len);
  if (v->routing != NULL) CHECK_BYTES(f->routing, f->routing_len, v->routing, v->routing_len);
  CHECK(f->entry_count == decoded.entry_count);
  for (size_t e = 0; e < decoded.entry_count && e < TC_MAX_ROUTING_ENTRIES; e++) {
    CHECK(f->entries[e].key == decoded.entries[e].key);
    CHECK(f->entries[e].value_offset == decoded.entries[e].value_offset);
    CHECK(f->entries[e].value_len == decoded.entries[e].value_len);
  }
}

static void test_vectors_planted(void) {
  tc_scanner *scanner = new_scanner(NULL, false, false, false);
  tc_scanner *dropping = new_scanner(NULL, true, false, false);
  buffer text = {0};
  size_t valid = 0, look_alikes = 0;
  for (size_t i = 0; i < SCAN_COUNT; i++) {
    const vec_scan *v = &SCAN_VECTORS[i];
    for (size_t c = 0; c < CONTEXT_COUNT; c++) {
      const context *ctx = &CONTEXTS[c];
      plant(&text, ctx, v);
      size_t count = 0, dropped_count = 0;
      tc_finding *found = scan_all(scanner, text.data, text.len, &count);
      tc_finding *kept = scan_all(dropping, text.data, text.len, &dropped_count);
      int ok = 1;
      switch (v->expect) {
        case SCAN_VALID:
          ok = count == 1 && is_the_token(&found[0], ctx, v, TC_CHECKSUM_VALID);
          if (ok) check_routing(&found[0], v);
          CHECK(dropped_count == 1 && is_the_token(&kept[0], ctx, v, TC_CHECKSUM_VALID));
          valid++;
          break;
        case SCAN_LOOK_ALIKE:
          ok = count == 1 && is_the_token(&found[0], ctx, v, TC_CHECKSUM_INVALID) && found[0].routing_len == 0 &&
               found[0].entry_count == 0;
          CHECK(dropped_count == 0);
          look_alikes++;
          break;
        case SCAN_LEGACY:
          ok = count == 1 && is_the_token(&found[0], ctx, v, TC_CHECKSUM_NOT_APPLICABLE) &&
               found[0].routing_len == 0;
          CHECK(dropped_count == 1);
          break;
        case SCAN_NOT_VALID:
          for (size_t f = 0; f < count; f++) ok &= found[f].checksum != TC_CHECKSUM_VALID;
          for (size_t f = 0; f < dropped_count; f++) ok &= kept[f].checksum != TC_CHECKSUM_INVALID;
          break;
      }
      CHECK(ok);
      if (!ok) fprintf(stderr, "  %s (context %zu): %zu findings\n", v->what, c, count);
      free(found);
      free(kept);
    }
  }
  CHECK(valid >= (ENCODE_COUNT + DECODE_COUNT) * CONTEXT_COUNT);
  CHECK(look_alikes >= 10 * CONTEXT_COUNT);
  buffer_free(&text);
  tc_scanner_free(scanner);
  tc_scanner_free(dropping);
}

/* A token glued to word characters is not a token. */
static void test_glued_tokens_are_not_found(void) {
  tc_scanner *scanner = new_scanner(NULL, false, false, false);
  buffer text = {0};
  static const char *const glue[] = {"x", "_", "-", "9"};
  for (size_t i = 0; i < SCAN_COUNT; i++) {
    const vec_scan *v = &SCAN_VECTORS[i];
    if (v->expect == SCAN_NOT_VALID) continue;
    for (size_t g = 0; g < sizeof glue / sizeof glue[0]; g++) {
      text.len = 0;
      buffer_append_text(&text, glue[g]);
      buffer_append(&text, v->token, v->token_len);
      buffer_append_text(&text, glue[g]);
      size_t count = 0;
      tc_finding *found = scan_all(scanner, text.data, text.len, &count);
      int ok = 1;
      for (size_t f = 0; f < count; f++) {
        ok &= found[f].checksum != TC_CHECKSUM_VALID;
        ok &= !(found[f].offset == 1 && found[f].len == v->token_len);
      }
      CHECK(ok);
      if (!ok) fprintf(stderr, "  glued with %s: %s\n", glue[g], v->what);
      free(found);
    }
  }
  buffer_free(&text);
  tc_scanner_free(scanner);
}

static tc_config *new_config(const char *instance, const char *pat) {
  tc_config_options options;
  memset(&options, 0, sizeof options);
  options.instance_prefix = instance;
  options.instance_prefix_len = instance ? strlen(instance) : 0;
  options.custom_pat_prefix = pat;
  options.custom_pat_prefix_len = pat ? strlen(pat) : 0;
  tc_config *config = NULL;
  CHECK_RESULT(tc_config_new(&options, &config), TC_RESULT_OK);
  return config;
}

/* Legacy tokens of every type, generated for a configuration, are found by a
 * scanner for it; unprefixed OAuth tokens only when asked for. */
static void check_legacy_types(const tc_config *config, const char *instance) {
  tc_scanner *scanner = new_scanner(config, false, false, false);
  tc_scanner *oauth = new_scanner(config, false, false, true);
  for (tc_token_type t = 0; t < TC_TOKEN_TYPE_COUNT; t++) {
    for (int round = 0; round < 5; round++) {
      char token[TC_MAX_LEGACY_TOKEN_LEN + 1];
      size_t len = 0;
      CHECK_RESULT(tc_generate_legacy(config, t, token, sizeof token, &len), TC_RESULT_OK);
      char text[TC_MAX_LEGACY_TOKEN_LEN + 16];
      memcpy(text, "k=", 2);
      memcpy(text + 2, token, len);
      memcpy(text + 2 + len, "\n\0", 2);
      size_t text_len = len + 4;
      const char *prefix = tc_token_type_default_prefix(t);
      size_t prefix_len = strlen(prefix);
      if (instance != NULL && prefix_len > 0 && t != TC_TOKEN_TYPE_SESSION_COOKIE) prefix_len += strlen(instance) + 1;
      size_t count = 0, oauth_count = 0;
      tc_finding *found = scan_all(scanner, text, text_len, &count);
      tc_finding *with_oauth = scan_all(oauth, text, text_len, &oauth_count);
      int ok;
      if (t == TC_TOKEN_TYPE_OAUTH_ACCESS_TOKEN) {
        ok = count == 0 && oauth_count == 1 && with_oauth[0].token_type == t && with_oauth[0].prefix_len == 0;
      } else {
        ok = count == 1 && oauth_count == 1 && found[0].offset == 2 && found[0].len == len &&
             found[0].prefix_len == prefix_len && found[0].token_type == t && found[0].kind == TC_TOKEN_KIND_LEGACY &&
             found[0].checksum == TC_CHECKSUM_NOT_APPLICABLE;
      }
      CHECK(ok);
      if (!ok) fprintf(stderr, "  legacy %s (%s): %zu findings\n", tc_token_type_name(t), instance ? instance : "", count);
      free(found);
      free(with_oauth);
    }
  }
  tc_scanner_free(scanner);
  tc_scanner_free(oauth);
}

static void test_legacy_tokens_of_every_type(void) {
  check_legacy_types(NULL, NULL);
  tc_config *acme = new_config("acme", NULL);
  check_legacy_types(acme, "acme");
  tc_config_free(acme);
}

/* Instance and custom PAT prefixes: found by a scanner configured for them. */
static void test_configured_prefixes(void) {
  tc_config *config = new_config("acme", "mypat-");
  tc_scanner *configured = new_scanner(config, false, false, false);
  tc_config_free(config); /* the scanner keeps what it needs */
  tc_scanner *plain = new_scanner(NULL, false, false, false);

  const char *custom = "see mypat-abcdefghijkmnpqrstuv here";
  size_t count = 0;
  tc_finding *found = scan_all(configured, custom, strlen(custom), &count);
  CHECK(count == 1 && found[0].offset == 4 && found[0].len == 26 && found[0].prefix_len == 6 &&
        found[0].token_type == TC_TOKEN_TYPE_PERSONAL_ACCESS_TOKEN && found[0].kind == TC_TOKEN_KIND_LEGACY);
  free(found);
  found = scan_all(plain, custom, strlen(custom), &count);
  CHECK(count == 0);
  free(found);

  /* A routable token under the instance prefix: valid for both scanners (the
   * checksum proves it), of a known type only where the prefix is configured. */
  tc_routing_entry entries[2] = {int_entry("o", 7), int_entry("u", 9)};
  char token[TC_MAX_TOKEN_LEN + 1];
  size_t len = 0;
  CHECK_RESULT(tc_generate("acme-glpat-", 11, entries, 2, NULL, TC_FORMAT_V1, token, sizeof token, &len),
               TC_RESULT_OK);
  found = scan_all(configured, token, len, &count);
  CHECK(count == 1 && found[0].offset == 0 && found[0].len == len && found[0].prefix_len == 11 &&
        found[0].token_type == TC_TOKEN_TYPE_PERSONAL_ACCESS_TOKEN && found[0].checksum == TC_CHECKSUM_VALID);
  CHECK_BYTES(found[0].routing, found[0].routing_len, "o:7\nu:9", 7);
  free(found);
  found = scan_all(plain, token, len, &count);
  CHECK(count == 1 && found[0].len == len && found[0].checksum == TC_CHECKSUM_VALID);
  free(found);
  tc_scanner_free(configured);
  tc_scanner_free(plain);
}

/* configured_v0_only: unprefixed v0 tokens are no longer found; prefixed ones are. */
static void test_options(void) {
  tc_scanner *v0_only = new_scanner(NULL, false, true, false);
  size_t checked = 0;
  for (size_t i = 0; i < SCAN_COUNT; i++) {
    const vec_scan *v = &SCAN_VECTORS[i];
    if (v->expect != SCAN_VALID || v->kind != TC_TOKEN_KIND_ROUTABLE_V0) continue;
    size_t count = 0;
    tc_finding *found = scan_all(v0_only, v->token, v->token_len, &count);
    CHECK(count == (v->type_name != NULL ? 1u : 0u));
    free(found);
    checked++;
  }
  CHECK(checked >= 3);
  tc_scanner_free(v0_only);

  /* Any non-zero byte sets a flag. */
  tc_scan_options options;
  memset(&options, 0, sizeof options);
  unsigned char two = 2;
  memcpy(&options.unprefixed_oauth, &two, 1);
  tc_scanner *oauth = NULL;
  CHECK_RESULT(tc_scanner_new(NULL, &options, &oauth), TC_RESULT_OK);
  char hex[80] = "sha ";
  memset(hex + 4, 'a', 64);
  size_t count = 0;
  tc_finding *found = scan_all(oauth, hex, 68, &count);
  CHECK(count == 1 && found[0].offset == 4 && found[0].token_type == TC_TOKEN_TYPE_OAUTH_ACCESS_TOKEN);
  free(found);
  tc_scanner_free(oauth);
  tc_scanner_free(NULL);
}

/* Findings compared field by field (their padding bytes are unspecified). */
static int same_finding(const tc_finding *a, const tc_finding *b) {
  int same = a->offset == b->offset && a->len == b->len && a->prefix_len == b->prefix_len &&
             a->token_type == b->token_type && a->kind == b->kind && a->checksum == b->checksum &&
             bytes_equal(a->routing, a->routing_len, b->routing, b->routing_len) && a->entry_count == b->entry_count;
  for (size_t e = 0; same && e < a->entry_count && e < TC_MAX_ROUTING_ENTRIES; e++) {
    same = a->entries[e].key == b->entries[e].key && a->entries[e].value_offset == b->entries[e].value_offset &&
           a->entries[e].value_len == b->entries[e].value_len;
  }
  return same;
}

static const char TWO_TOKENS_AND_A_LOOK_ALIKE[] =
    "a glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcij b glpat-ts8y8Mk2gxi-xvXVsxfN\n"
    "c glpat-YWFhYWFhYWFhYWFhYWFhYW86MQp1OjEH.01.0w082kcia";

static void test_short_finding_arrays(void) {
  tc_scanner *scanner = new_scanner(NULL, false, false, false);
  const uint8_t *text = (const uint8_t *)TWO_TOKENS_AND_A_LOOK_ALIKE;
  size_t len = sizeof TWO_TOKENS_AND_A_LOOK_ALIKE - 1;
  tc_finding all[3];
  size_t count = 0;
  CHECK_RESULT(tc_scan(scanner, text, len, all, 3, &count), TC_RESULT_OK);
  CHECK(count == 3 && all[0].offset == 2 && all[1].kind == TC_TOKEN_KIND_LEGACY &&
        all[2].checksum == TC_CHECKSUM_INVALID);

  /* The first `capacity` findings are written, the rest of the array is not. */
  tc_finding some[3];
  memset(some, SENTINEL, sizeof some);
  count = 0;
  CHECK_RESULT(tc_scan(scanner, text, len, some, 2, &count), TC_RESULT_BUFFER_TOO_SMALL);
  CHECK(count == 3);
  CHECK(same_finding(&some[0], &all[0]) && same_finding(&some[1], &all[1]));
  CHECK(all_bytes_are(&some[2], sizeof some[2], SENTINEL));
  count = 0;
  CHECK_RESULT(tc_scan(scanner, text, len, NULL, 0, &count), TC_RESULT_BUFFER_TOO_SMALL);
  CHECK(count == 3);
  /* More room than needed is fine. */
  tc_finding room[8];
  CHECK_RESULT(tc_scan(scanner, text, len, room, 8, &count), TC_RESULT_OK);
  CHECK(count == 3 && same_finding(&room[0], &all[0]) && same_finding(&room[2], &all[2]));
  /* Empty input, and a haystack of NULL with length 0, have no findings. */
  CHECK_RESULT(tc_scan(scanner, NULL, 0, NULL, 0, &count), TC_RESULT_OK);
  CHECK(count == 0);
  CHECK_RESULT(tc_scan(scanner, text, 0, room, 8, &count), TC_RESULT_OK);
  CHECK(count == 0);
  tc_scanner_free(scanner);
}

static void test_bad_arguments(void) {
  tc_scanner *scanner = new_scanner(NULL, false, false, false);
  const uint8_t *text = (const uint8_t *)TWO_TOKENS_AND_A_LOOK_ALIKE;
  size_t len = sizeof TWO_TOKENS_AND_A_LOOK_ALIKE - 1;
  tc_finding findings[4];
  memset(findings, SENTINEL, sizeof findings);
  size_t count = 77;

  CHECK_RESULT(tc_scanner_new(NULL, NULL, NULL), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_scan(NULL, text, len, findings, 4, &count), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_scan(scanner, NULL, len, findings, 4, &count), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_scan(scanner, text, len, NULL, 4, &count), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_scan(scanner, text, len, findings, 4, NULL), TC_RESULT_NULL_ARGUMENT);
  /* Misaligned output array and scanner pointer. */
  alignas(tc_finding) unsigned char raw[sizeof(tc_finding) * 2 + 8];
  memset(raw, SENTINEL, sizeof raw);
  CHECK_RESULT(tc_scan(scanner, text, len, (tc_finding *)(void *)(raw + 1), 1, &count), TC_RESULT_MISALIGNED_POINTER);
  CHECK(all_bytes_are(raw, sizeof raw, SENTINEL));
  CHECK_RESULT(tc_scan((const tc_scanner *)(const void *)(raw + 1), text, len, findings, 4, &count),
               TC_RESULT_MISALIGNED_POINTER);
  size_t misaligned_count[2];
  CHECK_RESULT(tc_scan(scanner, text, len, findings, 4, (size_t *)(void *)((char *)misaligned_count + 1)),
               TC_RESULT_MISALIGNED_POINTER);
  /* Nothing was written by any of the failures. */
  CHECK(count == 77);
  CHECK(all_bytes_are(findings, sizeof findings, SENTINEL));

  tc_scanner *untouched = (tc_scanner *)(void *)&untouched;
  tc_scanner *const sentinel = untouched;
  CHECK_RESULT(tc_scanner_new((const tc_config *)(const void *)(raw + 1), NULL, &untouched),
               TC_RESULT_MISALIGNED_POINTER);
  CHECK(untouched == sentinel);
  tc_scanner_free(scanner);
}

int main(void) {
  test_vectors_planted();
  test_glued_tokens_are_not_found();
  test_legacy_tokens_of_every_type();
  test_configured_prefixes();
  test_options();
  test_short_finding_arrays();
  test_bad_arguments();
  return check_finish("c scan");
}
