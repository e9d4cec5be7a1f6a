/* TC_RESULT_ENCODE_RANDOM_UNAVAILABLE: this program defines getrandom(2) itself
 * (linked with -rdynamic so that the library finds it first) and makes it fail
 * on demand. Generation must then fail cleanly, write nothing, and work again
 * once the source recovers; encoding, which takes no randomness, is unaffected. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

#include "check.h"
#include "support.h"

static int random_fails;

/* Only the Rust side calls it: a failure or the real system call. */
ssize_t getrandom(void *buf, size_t len, unsigned int flags);
ssize_t getrandom(void *buf, size_t len, unsigned int flags) {
  if (random_fails && len > 0) {
    errno = EIO;
    return -1;
  }
  return (ssize_t)syscall(SYS_getrandom, buf, len, flags);
}

int main(void) {
  char out[TC_MAX_TOKEN_LEN + 1];
  size_t len = 0;
  CHECK_RESULT(generate_pat(TC_FORMAT_V1, out, sizeof out, &len), TC_RESULT_OK);

  random_fails = 1;
  memset(out, SENTINEL, sizeof out);
  len = 777;
  CHECK_RESULT(generate_pat(TC_FORMAT_V1, out, sizeof out, &len), TC_RESULT_ENCODE_RANDOM_UNAVAILABLE);
  CHECK_RESULT(tc_generate_legacy(NULL, TC_TOKEN_TYPE_DEPLOY_TOKEN, out, sizeof out, &len),
               TC_RESULT_ENCODE_RANDOM_UNAVAILABLE);
  CHECK(len == 777 && all_bytes_are(out, sizeof out, SENTINEL));
  static const uint8_t random[TC_RANDOM_LEN] = {0};
  tc_routing_entry entry = int_entry("o", 1);
  CHECK_RESULT(tc_encode("glpat-", 6, &entry, 1, NULL, random, TC_RANDOM_LEN, TC_FORMAT_V1, out, sizeof out, &len),
               TC_RESULT_OK);

  random_fails = 0;
  CHECK_RESULT(generate_pat(TC_FORMAT_V1, out, sizeof out, &len), TC_RESULT_OK);
  CHECK_RESULT(tc_generate_legacy(NULL, TC_TOKEN_TYPE_DEPLOY_TOKEN, out, sizeof out, &len), TC_RESULT_OK);
  return check_finish("c random failure");
}
