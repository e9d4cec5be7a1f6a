/* Many threads generate, decode and identify at once, sharing one tc_config:
 * every call succeeds and no two tokens (or random parts) are equal.
 * Usage: test_threads [tokens per thread] */
#include <pthread.h>
#include <stdlib.h>

#include "check.h"
#include "support.h"

#define THREADS 8

typedef struct {
  const tc_config *config;
  size_t count;
  tc_format format;
  uint8_t *randoms; /* count * TC_RANDOM_LEN bytes */
  size_t failures;
} worker;

static void *work(void *arg) {
  worker *w = (worker *)arg;
  tc_routing_entry entries[2];
  entries[0] = int_entry("o", 42);
  entries[1] = int_entry("u", 7);
  for (size_t i = 0; i < w->count; i++) {
    char token[TC_MAX_TOKEN_LEN + 1];
    size_t len = 0;
    tc_decoded_token decoded;
    tc_identification id;
    if (tc_generate("acme-glpat-", 11, entries, 2, NULL, w->format, token, sizeof token, &len) != TC_RESULT_OK ||
        tc_decode(token, len, &decoded) != TC_RESULT_OK ||
        tc_identify(w->config, token, len, &id) != TC_RESULT_OK ||
        id.token_type != TC_TOKEN_TYPE_PERSONAL_ACCESS_TOKEN || id.checksum != TC_CHECKSUM_VALID ||
        decoded.format != w->format || !bytes_equal(decoded.routing, decoded.routing_len, "o:16\nu:7", 8)) {
      w->failures++;
      continue;
    }
    memcpy(w->randoms + i * TC_RANDOM_LEN, decoded.random, TC_RANDOM_LEN);
  }
  return NULL;
}

static int compare_random(const void *a, const void *b) { return memcmp(a, b, TC_RANDOM_LEN); }

int main(int argc, char **argv) {
  size_t per_thread = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 2000;
  tc_config_options options;
  memset(&options, 0, sizeof options);
  options.instance_prefix = "acme";
  options.instance_prefix_len = 4;
  tc_config *config = NULL;
  CHECK_RESULT(tc_config_new(&options, &config), TC_RESULT_OK);

  uint8_t *randoms = calloc(THREADS * per_thread, TC_RANDOM_LEN);
  pthread_t threads[THREADS];
  worker workers[THREADS];
  for (int t = 0; t < THREADS; t++) {
    workers[t].config = config;
    workers[t].count = per_thread;
    workers[t].format = t % 2 ? TC_FORMAT_V1 : TC_FORMAT_V0;
    workers[t].randoms = randoms + (size_t)t * per_thread * TC_RANDOM_LEN;
    workers[t].failures = 0;
    CHECK(pthread_create(&threads[t], NULL, work, &workers[t]) == 0);
  }
  size_t failures = 0;
  for (int t = 0; t < THREADS; t++) {
    CHECK(pthread_join(threads[t], NULL) == 0);
    failures += workers[t].failures;
  }
  CHECK(failures == 0);
  tc_config_free(config);

  size_t total = THREADS * per_thread;
  qsort(randoms, total, TC_RANDOM_LEN, compare_random);
  size_t duplicates = 0;
  for (size_t i = 1; i < total; i++) {
    if (memcmp(randoms + (i - 1) * TC_RANDOM_LEN, randoms + i * TC_RANDOM_LEN, TC_RANDOM_LEN) == 0) duplicates++;
  }
  CHECK(duplicates == 0);
  printf("threads: %d threads generated %zu tokens, %zu duplicates\n", THREADS, total, duplicates);
  free(randoms);
  return check_finish("c threads");
}
