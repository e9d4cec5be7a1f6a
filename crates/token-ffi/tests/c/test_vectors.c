/* Every vector of testdata/vectors.json through the C API: encode, decode,
 * reject, generate_errors and legacy, plus a forged token for every strict
 * decoding error. */
#include <stdlib.h>

#include "check.h"
#include "support.h"
#include "vectors.h"

static size_t to_entries(const vec_routing *routing, size_t count, tc_routing_entry *out) {
  for (size_t i = 0; i < count; i++) {
    memset(&out[i], 0, sizeof out[i]);
    out[i].key = routing[i].key;
    out[i].key_len = routing[i].key_len;
    if (routing[i].is_int) {
      out[i].kind = TC_ROUTING_VALUE_INT;
      out[i].int_value = routing[i].int_value;
    } else {
      out[i].kind = TC_ROUTING_VALUE_TEXT;
      out[i].text = routing[i].text;
      out[i].text_len = routing[i].text_len;
    }
  }
  return count;
}

static void test_encode_vectors(void) {
  for (size_t i = 0; i < ENCODE_COUNT; i++) {
    const vec_encode *v = &ENCODE_VECTORS[i];
    tc_routing_entry entries[8];
    size_t count = to_entries(v->routing, v->routing_count, entries);
    tc_routing_options options;
    memset(&options, 0, sizeof options);
    options.has_default_cell_id = v->has_cell_id != 0;
    options.default_cell_id = v->cell_id;

    char token[TC_MAX_TOKEN_LEN + 1];
    size_t len = 0;
    tc_result r = tc_encode(v->prefix, v->prefix_len, entries, count, &options, v->random,
                            TC_RANDOM_LEN, v->format, token, sizeof token, &len);
    CHECK_RESULT(r, TC_RESULT_OK);
    CHECK_BYTES(token, len, v->token, v->token_len);
    CHECK(token[len] == '\0');
    if (!bytes_equal(token, len, v->token, v->token_len)) fprintf(stderr, "  vector: %s\n", v->note);

    /* The exact size (token + NUL) suffices; one byte less reports the length
     * and leaves the buffer alone. */
    char exact[TC_MAX_TOKEN_LEN + 2];
    memset(exact, SENTINEL, sizeof exact);
    CHECK_RESULT(tc_encode(v->prefix, v->prefix_len, entries, count, &options, v->random,
                           TC_RANDOM_LEN, v->format, exact, v->token_len + 1, &len),
                 TC_RESULT_OK);
    CHECK(exact[v->token_len] == '\0' && (unsigned char)exact[v->token_len + 1] == SENTINEL);
    memset(exact, SENTINEL, sizeof exact);
    len = 0;
    CHECK_RESULT(tc_encode(v->prefix, v->prefix_len, entries, count, &options, v->random,
                           TC_RANDOM_LEN, v->format, exact, v->token_len, &len),
                 TC_RESULT_BUFFER_TOO_SMALL);
    CHECK(len == v->token_len);
    CHECK(all_bytes_are(exact, sizeof exact, SENTINEL));

    /* A fresh token with the same routing decodes to the same prefix, format
     * and routing payload. */
    char fresh[TC_MAX_TOKEN_LEN + 1];
    size_t fresh_len = 0;
    CHECK_RESULT(tc_generate(v->prefix, v->prefix_len, entries, count, &options, v->format, fresh,
                             sizeof fresh, &fresh_len),
                 TC_RESULT_OK);
    tc_decoded_token expected, generated;
    CHECK_RESULT(tc_decode(v->token, v->token_len, &expected), TC_RESULT_OK);
    CHECK_RESULT(tc_decode(fresh, fresh_len, &generated), TC_RESULT_OK);
    CHECK(memcmp(expected.random, v->random, TC_RANDOM_LEN) == 0);
    CHECK(generated.format == v->format);
    CHECK_BYTES(generated.prefix, generated.prefix_len, v->prefix, v->prefix_len);
    CHECK_BYTES(generated.routing, generated.routing_len, expected.routing, expected.routing_len);
  }
}

static void test_decode_vectors(void) {
  for (size_t i = 0; i < DECODE_COUNT; i++) {
    const vec_decode *v = &DECODE_VECTORS[i];
    tc_decoded_token decoded;
    memset(&decoded, SENTINEL, sizeof decoded);
    CHECK_RESULT(tc_decode(v->token, v->token_len, &decoded), TC_RESULT_OK);
    CHECK(decoded.format == v->format);
    CHECK_BYTES(decoded.prefix, decoded.prefix_len, v->prefix, v->prefix_len);
    CHECK_BYTES(decoded.routing, decoded.routing_len, v->routing, v->routing_len);
    CHECK(memcmp(decoded.random, v->random, TC_RANDOM_LEN) == 0);

    /* The entry spans rebuild the routing text exactly. */
    char rebuilt[TC_MAX_ROUTING_LEN + 8];
    size_t at = 0;
    CHECK(decoded.entry_count >= 1 && decoded.entry_count <= TC_MAX_ROUTING_ENTRIES);
    for (size_t e = 0; e < decoded.entry_count && e < TC_MAX_ROUTING_ENTRIES; e++) {
      const tc_routing_span *span = &decoded.entries[e];
      if (e > 0) rebuilt[at++] = '\n';
      rebuilt[at++] = span->key;
      rebuilt[at++] = ':';
      CHECK(span->value_offset + span->value_len <= decoded.routing_len);
      memcpy(rebuilt + at, decoded.routing + span->value_offset, span->value_len);
      at += span->value_len;
    }
    CHECK_BYTES(rebuilt, at, v->routing, v->routing_len);

    tc_token_layout layout;
    CHECK_RESULT(tc_verify(v->token, v->token_len, &layout), TC_RESULT_OK);
    CHECK(layout.format == v->format && layout.prefix_len == v->prefix_len);
    CHECK(layout.prefix_len + layout.payload_len < v->token_len);

    /* A token without a prefix has no type; a prefixed one is identified as
     * routable with a valid checksum. */
    tc_identification id;
    memset(&id, SENTINEL, sizeof id);
    tc_result identified = tc_identify(NULL, v->token, v->token_len, &id);
    if (v->prefix_len == 0) {
      CHECK_RESULT(identified, TC_RESULT_UNIDENTIFIED);
      CHECK(all_bytes_are(&id, sizeof id, SENTINEL));
    } else {
      CHECK_RESULT(identified, TC_RESULT_OK);
      CHECK(id.kind == (v->format == TC_FORMAT_V0 ? TC_TOKEN_KIND_ROUTABLE_V0 : TC_TOKEN_KIND_ROUTABLE_V1));
      CHECK(id.checksum == TC_CHECKSUM_VALID);
      CHECK(id.prefix_len == v->prefix_len);
    }

    tc_route_decision route;
    CHECK_RESULT(tc_route(v->token, v->token_len, &route), TC_RESULT_OK);
    CHECK(route.default_reason == TC_RESULT_OK);
    if (decoded.entries[0].key == 'c') {
      CHECK(route.kind == TC_ROUTE_CELL && route.key == 'c');
      CHECK_BYTES(route.value, route.value_len, decoded.routing + decoded.entries[0].value_offset,
                  decoded.entries[0].value_len);
    } else {
      CHECK(route.kind == TC_ROUTE_TOPOLOGY);
    }
  }
}

static int is_decode_error(tc_result r) { return r >= 200 && r < 300; }

static void test_reject_vectors(void) {
  for (size_t i = 0; i < REJECT_COUNT; i++) {
    const vec_reject *v = &REJECT_VECTORS[i];
    tc_decoded_token decoded;
    memset(&decoded, SENTINEL, sizeof decoded);
    tc_result r = tc_decode(v->token, v->token_len, &decoded);
    CHECK(is_decode_error(r));
    if (!is_decode_error(r)) fprintf(stderr, "  accepted: %s\n", v->why);
    CHECK(all_bytes_are(&decoded, sizeof decoded, SENTINEL));

    tc_route_decision route;
    CHECK_RESULT(tc_route(v->token, v->token_len, &route), TC_RESULT_OK);
    CHECK(route.kind == TC_ROUTE_DEFAULT && route.key == 0 && route.value_len == 0);
    CHECK_RESULT(route.default_reason, r);
  }
}

static void test_forged_tokens(void) {
  static const tc_result decode_codes[] = {
      TC_RESULT_DECODE_EMPTY,
      TC_RESULT_DECODE_TOO_LONG,
      TC_RESULT_DECODE_NOT_ROUTABLE,
      TC_RESULT_DECODE_INVALID_CHECKSUM_FIELD,
      TC_RESULT_DECODE_CHECKSUM_MISMATCH,
      TC_RESULT_DECODE_UNSUPPORTED_VERSION,
      TC_RESULT_DECODE_INVALID_LENGTH_FIELD,
      TC_RESULT_DECODE_LENGTH_FIELD_OUT_OF_RANGE,
      TC_RESULT_DECODE_LENGTH_FIELD_MISMATCH,
      TC_RESULT_DECODE_INVALID_PREFIX,
      TC_RESULT_DECODE_PREFIX_TOO_LONG,
      TC_RESULT_DECODE_INVALID_BASE64,
      TC_RESULT_DECODE_PAYLOAD_TOO_SHORT,
      TC_RESULT_DECODE_LENGTH_BYTE_MISMATCH,
      TC_RESULT_DECODE_EMPTY_ROUTING,
      TC_RESULT_DECODE_ROUTING_TOO_LARGE,
      TC_RESULT_DECODE_MALFORMED_ROUTING,
      TC_RESULT_DECODE_UNKNOWN_ROUTING_KEY,
      TC_RESULT_DECODE_DUPLICATE_ROUTING_KEY,
      TC_RESULT_DECODE_UNSORTED_ROUTING_KEYS,
  };
  for (size_t i = 0; i < FORGED_COUNT; i++) {
    const vec_forged *v = &FORGED_VECTORS[i];
    tc_decoded_token decoded;
    memset(&decoded, SENTINEL, sizeof decoded);
    tc_result r = tc_decode(v->token, v->token_len, &decoded);
    CHECK_RESULT(r, v->expected);
    if (r != v->expected) fprintf(stderr, "  forged: %s\n", v->what);
    CHECK(all_bytes_are(&decoded, sizeof decoded, SENTINEL));
  }
  for (size_t c = 0; c < sizeof decode_codes / sizeof decode_codes[0]; c++) {
    int covered = 0;
    for (size_t i = 0; i < FORGED_COUNT; i++) covered |= FORGED_VECTORS[i].expected == decode_codes[c];
    CHECK(covered);
    if (!covered) fprintf(stderr, "  no forged token gives %s\n", tc_result_name(decode_codes[c]));
  }
}

static void test_generate_error_vectors(void) {
  for (size_t i = 0; i < GENERATE_ERROR_COUNT; i++) {
    const vec_generate_error *v = &GENERATE_ERROR_VECTORS[i];
    tc_routing_entry entries[8];
    size_t count = to_entries(v->routing, v->routing_count, entries);
    uint8_t random[TC_RANDOM_LEN] = {0};
    char token[TC_MAX_TOKEN_LEN + 1];
    memset(token, SENTINEL, sizeof token);
    size_t len = 12345;

    CHECK_RESULT(tc_encode("glpat-", 6, entries, count, NULL, random, TC_RANDOM_LEN, TC_FORMAT_V1,
                           token, sizeof token, &len),
                 v->error);
    CHECK_RESULT(tc_generate("glpat-", 6, entries, count, NULL, TC_FORMAT_V1, token, sizeof token, &len),
                 v->error);
    CHECK_RESULT(tc_routing_build(entries, count, NULL, token, sizeof token, &len), v->error);
    CHECK(len == 12345 && all_bytes_are(token, sizeof token, SENTINEL));

    /* Ask for the length, then render GitLab's message exactly. */
    size_t needed = 0;
    CHECK_RESULT(tc_routing_error_message(entries, count, NULL, NULL, 0, &needed),
                 TC_RESULT_BUFFER_TOO_SMALL);
    CHECK(needed == v->message_len);
    char *message = malloc(needed + 1);
    size_t written = 0;
    CHECK_RESULT(tc_routing_error_message(entries, count, NULL, message, needed + 1, &written), v->error);
    CHECK_BYTES(message, written, v->message, v->message_len);
    CHECK(message[written] == '\0');
    memset(message, SENTINEL, needed + 1);
    CHECK_RESULT(tc_routing_error_message(entries, count, NULL, message, needed, &written),
                 TC_RESULT_BUFFER_TOO_SMALL);
    CHECK(all_bytes_are(message, needed + 1, SENTINEL));
    free(message);
  }
}

static void test_legacy_vectors(void) {
  for (size_t i = 0; i < LEGACY_COUNT; i++) {
    const vec_legacy *v = &LEGACY_VECTORS[i];
    tc_token_type expected;
    CHECK_RESULT(tc_token_type_from_name(v->type_name, v->type_name_len, &expected), TC_RESULT_OK);
    tc_identification id;
    CHECK_RESULT(tc_identify(NULL, v->token, v->token_len, &id), TC_RESULT_OK);
    CHECK(id.token_type == expected);
    CHECK(id.kind == TC_TOKEN_KIND_LEGACY && id.checksum == TC_CHECKSUM_NOT_APPLICABLE);
    tc_decoded_token decoded;
    CHECK_RESULT(tc_decode(v->token, v->token_len, &decoded), TC_RESULT_DECODE_NOT_ROUTABLE);
  }
}

int main(void) {
  CHECK(ENCODE_COUNT > 0 && DECODE_COUNT > 0 && REJECT_COUNT > 0);
  CHECK(GENERATE_ERROR_COUNT > 0 && LEGACY_COUNT > 0 && FORGED_COUNT > 0);
  test_encode_vectors();
  test_decode_vectors();
  test_reject_vectors();
  test_forged_tokens();
  test_generate_error_vectors();
  test_legacy_vectors();
  return check_finish("c vectors");
}
