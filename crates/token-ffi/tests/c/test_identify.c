/* Prefix configuration, identification, legacy generation, the AuthFinders
 * Bearer classification in both modes, and the router's decision. */
#include "check.h"
#include "support.h"

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

static void test_token_type_names(void) {
  for (tc_token_type t = 0; t < TC_TOKEN_TYPE_COUNT; t++) {
    const char *name = tc_token_type_name(t);
    const char *prefix = tc_token_type_default_prefix(t);
    CHECK(name != NULL && prefix != NULL);
    if (name == NULL) continue;
    tc_token_type back = TC_TOKEN_TYPE_COUNT;
    CHECK_RESULT(tc_token_type_from_name(name, strlen(name), &back), TC_RESULT_OK);
    CHECK(back == t);
  }
  CHECK(strcmp(tc_token_type_name(TC_TOKEN_TYPE_PERSONAL_ACCESS_TOKEN), "personal_access_token") == 0);
  CHECK(strcmp(tc_token_type_default_prefix(TC_TOKEN_TYPE_CLUSTER_AGENT_TOKEN), "glagent-") == 0);
  CHECK(strcmp(tc_token_type_default_prefix(TC_TOKEN_TYPE_OAUTH_ACCESS_TOKEN), "") == 0);
}

/* Every type's legacy token is identified as that type, legacy, without a checksum. */
static void check_legacy_generation(const tc_config *config, const char *instance) {
  for (tc_token_type t = 0; t < TC_TOKEN_TYPE_COUNT; t++) {
    char token[TC_MAX_LEGACY_TOKEN_LEN + 1];
    char again[TC_MAX_LEGACY_TOKEN_LEN + 1];
    size_t len = 0, again_len = 0;
    CHECK_RESULT(tc_generate_legacy(config, t, token, sizeof token, &len), TC_RESULT_OK);
    CHECK_RESULT(tc_generate_legacy(config, t, again, sizeof again, &again_len), TC_RESULT_OK);
    CHECK(len > 0 && len <= TC_MAX_LEGACY_TOKEN_LEN && token[len] == '\0');
    CHECK(!bytes_equal(token, len, again, again_len));
    const char *prefix = tc_token_type_default_prefix(t);
    if (instance != NULL && prefix[0] != '\0' && t != TC_TOKEN_TYPE_SESSION_COOKIE) {
      size_t n = strlen(instance);
      CHECK(strncmp(token, instance, n) == 0 && token[n] == '-');
      CHECK(strncmp(token + n + 1, prefix, strlen(prefix)) == 0);
    } else {
      CHECK(strncmp(token, prefix, strlen(prefix)) == 0);
    }
    tc_identification id;
    CHECK_RESULT(tc_identify(config, token, len, &id), TC_RESULT_OK);
    CHECK(id.token_type == t);
    if (id.token_type != t) fprintf(stderr, "  %s identified as %u\n", tc_token_type_name(t), id.token_type);
    CHECK(id.kind == TC_TOKEN_KIND_LEGACY && id.checksum == TC_CHECKSUM_NOT_APPLICABLE);
    tc_decoded_token decoded;
    CHECK(tc_decode(token, len, &decoded) != TC_RESULT_OK);
  }
}

static void test_legacy_generation(void) {
  check_legacy_generation(NULL, NULL);
  tc_config *acme = new_config("acme", NULL);
  check_legacy_generation(acme, "acme");
  tc_config_free(acme);
  tc_config *custom = new_config(NULL, "mypat-");
  char token[TC_MAX_LEGACY_TOKEN_LEN + 1];
  size_t len = 0;
  CHECK_RESULT(tc_generate_legacy(custom, TC_TOKEN_TYPE_PERSONAL_ACCESS_TOKEN, token, sizeof token, &len),
               TC_RESULT_OK);
  CHECK(len == 26 && strncmp(token, "mypat-", 6) == 0);
  tc_identification id;
  CHECK_RESULT(tc_identify(custom, token, len, &id), TC_RESULT_OK);
  CHECK(id.token_type == TC_TOKEN_TYPE_PERSONAL_ACCESS_TOKEN && id.prefix_len == 6);
  tc_config_free(custom);
}

static void test_identify_with_instance_prefix(void) {
  tc_config *acme = new_config("acme", "mypat-");
  static const uint8_t random[TC_RANDOM_LEN] = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6};
  tc_routing_entry entries[2];
  entries[0] = int_entry("o", 1);
  entries[1] = int_entry("u", 7);
  char token[TC_MAX_TOKEN_LEN + 1];
  size_t len = 0;
  CHECK_RESULT(tc_encode("acme-glpat-", 11, entries, 2, NULL, random, TC_RANDOM_LEN, TC_FORMAT_V1, token,
                         sizeof token, &len),
               TC_RESULT_OK);

  tc_identification id;
  CHECK_RESULT(tc_identify(acme, token, len, &id), TC_RESULT_OK);
  CHECK(id.token_type == TC_TOKEN_TYPE_PERSONAL_ACCESS_TOKEN && id.prefix_len == 11);
  CHECK(id.kind == TC_TOKEN_KIND_ROUTABLE_V1 && id.checksum == TC_CHECKSUM_VALID);

  /* A flipped payload character keeps the shape but breaks the checksum. */
  token[12] = token[12] == 'A' ? 'B' : 'A';
  CHECK_RESULT(tc_identify(acme, token, len, &id), TC_RESULT_OK);
  CHECK(id.kind == TC_TOKEN_KIND_ROUTABLE_V1 && id.checksum == TC_CHECKSUM_INVALID);

  /* Unknown text is not identified, and the output stays untouched. */
  tc_identification untouched;
  memset(&untouched, SENTINEL, sizeof untouched);
  CHECK_RESULT(tc_identify(acme, "hello", 5, &untouched), TC_RESULT_UNIDENTIFIED);
  CHECK(all_bytes_are(&untouched, sizeof untouched, SENTINEL));
  tc_config_free(acme);
}

static void test_classify_bearer(void) {
  char routable[TC_MAX_TOKEN_LEN + 1];
  size_t len = 0;
  CHECK_RESULT(generate_pat(TC_FORMAT_V1, routable, sizeof routable, &len), TC_RESULT_OK);
  tc_bearer_kind kind;

  CHECK_RESULT(tc_classify_bearer(NULL, routable, len, TC_LENGTH_DETECTION_DISABLED, &kind), TC_RESULT_OK);
  CHECK(kind == TC_BEARER_PERSONAL_ACCESS_TOKEN);
  /* The old length rule misroutes routable PATs: they are longer than 40. */
  CHECK_RESULT(tc_classify_bearer(NULL, routable, len, TC_LENGTH_DETECTION_ENABLED, &kind), TC_RESULT_OK);
  CHECK(kind == TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN);

  const char *twenty = "abcdefghijklmnopqrst";
  CHECK_RESULT(tc_classify_bearer(NULL, twenty, 20, TC_LENGTH_DETECTION_ENABLED, &kind), TC_RESULT_OK);
  CHECK(kind == TC_BEARER_PERSONAL_ACCESS_TOKEN);
  CHECK_RESULT(tc_classify_bearer(NULL, twenty, 20, TC_LENGTH_DETECTION_DISABLED, &kind), TC_RESULT_OK);
  CHECK(kind == TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN);

  /* Length mode counts characters of UTF-8 tokens and bytes of other tokens. */
  const char *ten_two_byte_chars = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
  CHECK_RESULT(tc_classify_bearer(NULL, ten_two_byte_chars, 20, TC_LENGTH_DETECTION_ENABLED, &kind), TC_RESULT_OK);
  CHECK(kind == TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN);
  char twenty_bytes[20];
  memset(twenty_bytes, 0xff, sizeof twenty_bytes);
  CHECK_RESULT(tc_classify_bearer(NULL, twenty_bytes, 20, TC_LENGTH_DETECTION_ENABLED, &kind), TC_RESULT_OK);
  CHECK(kind == TC_BEARER_PERSONAL_ACCESS_TOKEN);
  CHECK_RESULT(tc_classify_bearer(NULL, twenty_bytes, 19, TC_LENGTH_DETECTION_ENABLED, &kind), TC_RESULT_OK);
  CHECK(kind == TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN);
  CHECK_RESULT(tc_classify_bearer(NULL, twenty_bytes, 20, TC_LENGTH_DETECTION_DISABLED, &kind), TC_RESULT_OK);
  CHECK(kind == TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN);

  const char *job = "glcbt-64_abcdefghijkmnpqrstu";
  for (tc_length_detection mode = 0; mode < 2; mode++) {
    CHECK_RESULT(tc_classify_bearer(NULL, job, strlen(job), mode, &kind), TC_RESULT_OK);
    CHECK(kind == TC_BEARER_OAUTH_TOKEN);
  }

  tc_config *custom = new_config("acme", "mypat-");
  const char *custom_token = "mypat-abcdefghijklmnopqrstuvwxyz0123456789abcdef";
  CHECK_RESULT(tc_classify_bearer(NULL, custom_token, strlen(custom_token), TC_LENGTH_DETECTION_DISABLED, &kind),
               TC_RESULT_OK);
  CHECK(kind == TC_BEARER_OAUTH_THEN_PERSONAL_ACCESS_TOKEN);
  CHECK_RESULT(tc_classify_bearer(custom, custom_token, strlen(custom_token), TC_LENGTH_DETECTION_DISABLED, &kind),
               TC_RESULT_OK);
  CHECK(kind == TC_BEARER_PERSONAL_ACCESS_TOKEN);
  const char *instance_token = "acme-glpat-abcdefghijklmnopqrstuvwxyz0123456789";
  CHECK_RESULT(tc_classify_bearer(custom, instance_token, strlen(instance_token), TC_LENGTH_DETECTION_DISABLED,
                                  &kind),
               TC_RESULT_OK);
  CHECK(kind == TC_BEARER_PERSONAL_ACCESS_TOKEN);
  tc_config_free(custom);
}

static tc_route_decision route_of(const tc_routing_entry *entries, size_t count, const tc_routing_options *options) {
  static const uint8_t random[TC_RANDOM_LEN] = {1};
  char token[TC_MAX_TOKEN_LEN + 1];
  size_t len = 0;
  CHECK_RESULT(tc_encode("glrt-", 5, entries, count, options, random, TC_RANDOM_LEN, TC_FORMAT_V1, token,
                         sizeof token, &len),
               TC_RESULT_OK);
  tc_route_decision decision;
  memset(&decision, 0, sizeof decision);
  CHECK_RESULT(tc_route(token, len, &decision), TC_RESULT_OK);
  return decision;
}

static void test_route(void) {
  tc_routing_options cell_100;
  memset(&cell_100, 0, sizeof cell_100);
  cell_100.has_default_cell_id = true;
  cell_100.default_cell_id = 100;
  tc_routing_entry entries[3];
  entries[0] = int_entry("o", 1);
  entries[1] = int_entry("g", 8);
  entries[2] = int_entry("p", 3);

  tc_route_decision d = route_of(entries, 1, &cell_100);
  CHECK(d.kind == TC_ROUTE_CELL && d.key == 'c' && d.has_cell_number && d.cell_number == 100);
  CHECK_BYTES(d.value, d.value_len, "2s", 2);
  CHECK(d.default_reason == TC_RESULT_OK);

  d = route_of(entries, 1, NULL);
  CHECK(d.kind == TC_ROUTE_TOPOLOGY && d.key == 'o' && !d.has_cell_number);
  CHECK_BYTES(d.value, d.value_len, "1", 1);

  d = route_of(entries, 3, NULL);
  CHECK(d.kind == TC_ROUTE_TOPOLOGY && d.key == 'p');
  CHECK_BYTES(d.value, d.value_len, "3", 1);

  d = route_of(entries, 2, NULL);
  CHECK(d.kind == TC_ROUTE_TOPOLOGY && d.key == 'g');

  tc_routing_entry named_cell = text_entry("c", "eu-west", 7);
  d = route_of(&named_cell, 1, NULL);
  CHECK(d.kind == TC_ROUTE_CELL && !d.has_cell_number);
  CHECK_BYTES(d.value, d.value_len, "eu-west", 7);

  CHECK_RESULT(tc_route("glpat-ts8y8Mk2gxi-xvXVsxfN", 26, &d), TC_RESULT_OK);
  CHECK(d.kind == TC_ROUTE_DEFAULT && d.default_reason == TC_RESULT_DECODE_NOT_ROUTABLE);
}

int main(void) {
  test_token_type_names();
  test_legacy_generation();
  test_identify_with_instance_prefix();
  test_classify_bearer();
  test_route();
  return check_finish("c identify");
}
