/* A minimal test harness: CHECK macros that count passes and failures, and a
 * summary line "<suite>: N passed, M failed" that rakelib/ffi.rake adds up. */
#ifndef TOKEN_FFI_CHECK_H
#define TOKEN_FFI_CHECK_H

#include <stdio.h>
#include <string.h>

#include "token_codec.h"

static int check_passed;
static int check_failed;

static inline void check_record(int ok, const char *file, int line, const char *what) {
  if (ok) {
    check_passed++;
  } else {
    check_failed++;
    fprintf(stderr, "FAIL %s:%d: %s\n", file, line, what);
  }
}

#define CHECK(cond) check_record((cond) ? 1 : 0, __FILE__, __LINE__, #cond)

/* Compares two tc_result values and names both on failure. */
#define CHECK_RESULT(actual, expected)                                                   \
  do {                                                                                   \
    tc_result check_a_ = (actual);                                                       \
    tc_result check_e_ = (expected);                                                     \
    if (check_a_ == check_e_) {                                                          \
      check_passed++;                                                                    \
    } else {                                                                             \
      check_failed++;                                                                    \
      fprintf(stderr, "FAIL %s:%d: %s gave %s, expected %s\n", __FILE__, __LINE__,      \
              #actual, tc_result_name(check_a_), tc_result_name(check_e_));              \
    }                                                                                    \
  } while (0)

/* Compares a length-delimited byte string with an expected one. */
#define CHECK_BYTES(ptr, len, expected, expected_len)                                      \
  check_record((len) == (expected_len) && memcmp((ptr), (expected), (len)) == 0, __FILE__, \
               __LINE__, #ptr " == " #expected)

static inline int check_finish(const char *suite) {
  printf("%s: %d passed, %d failed\n", suite, check_passed, check_failed);
  fflush(stdout);
  return check_failed == 0 && check_passed > 0 ? 0 : 1;
}

#endif
