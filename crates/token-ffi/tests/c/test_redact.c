/* Redaction through the C API: byte-exact output for a text of every vector's
 * tokens and legacy tokens of every type between NUL, non-UTF-8 and UTF-8
 * bytes; in place; the streaming redactor in chunks of every size equal to
 * whole-input redaction; a 1 MiB input; short buffers, NULL pointers, a
 * failing write callback, a callback calling back in, and threads sharing
 * one scanner. */
#include <pthread.h>

#include "check.h"
#include "scan_support.h"
#include "support.h"
#include "vectors.h"

/* A text with known tokens, and what redaction must make of it. */
typedef struct {
  buffer text;
  buffer redacted;      /* look-alikes reported invalid, and redacted */
  buffer redacted_drop; /* look-alikes dropped, and left as they are */
  size_t tokens;        /* findings of a default scanner */
  size_t tokens_drop;   /* findings of a scanner that drops look-alikes */
} document;

static const char *const SEPARATORS[] = {" ", "\n", "=", ":", "\"", "\t", "\r\n", ", ", "\xc3\xa9", "(", "'"};
#define SEPARATOR_COUNT (sizeof SEPARATORS / sizeof SEPARATORS[0])
/* Bytes between tokens that are no token: NUL, non-UTF-8, UTF-8, punctuation. */
static const char FILLER[] = " log \0line\xff\xfe 42 caf\xc3\xa9 \x80. glpat- glpat-short .01. Q. - _ ";

static void append_token(document *d, size_t n, const char *token, size_t len, size_t prefix_len, bool look_alike,
                         bool found) {
  const char *sep = SEPARATORS[n % SEPARATOR_COUNT];
  buffer *all[3] = {&d->text, &d->redacted, &d->redacted_drop};
  for (int b = 0; b < 3; b++) {
    buffer_append(all[b], FILLER, n % 3 == 0 ? sizeof FILLER - 1 : 0);
    buffer_append_text(all[b], sep);
  }
  buffer_append(&d->text, token, len);
  if (found) {
    buffer_append(&d->redacted, token, prefix_len);
    buffer_append_text(&d->redacted, REDACTED);
    d->tokens++;
  } else {
    buffer_append(&d->redacted, token, len);
  }
  if (found && !look_alike) {
    buffer_append(&d->redacted_drop, token, prefix_len);
    buffer_append_text(&d->redacted_drop, REDACTED);
    d->tokens_drop++;
  } else {
    buffer_append(&d->redacted_drop, token, len);
  }
}

/* Every vector the scanner must report, and legacy tokens of every type. */
static document make_document(void) {
  document d;
  memset(&d, 0, sizeof d);
  size_t n = 0;
  for (size_t i = 0; i < SCAN_COUNT; i++) {
    const vec_scan *v = &SCAN_VECTORS[i];
    if (v->expect == SCAN_NOT_VALID) continue;
    append_token(&d, n++, v->token, v->token_len, v->prefix_len, v->expect == SCAN_LOOK_ALIKE, true);
  }
  for (tc_token_type t = 0; t < TC_TOKEN_TYPE_COUNT; t++) {
    char token[TC_MAX_LEGACY_TOKEN_LEN + 1];
    size_t len = 0;
    CHECK_RESULT(tc_generate_legacy(NULL, t, token, sizeof token, &len), TC_RESULT_OK);
    /* Unprefixed OAuth tokens look like SHA-256 digests: kept by default. */
    bool found = t != TC_TOKEN_TYPE_OAUTH_ACCESS_TOKEN;
    append_token(&d, n++, token, len, strlen(tc_token_type_default_prefix(t)), false, found);
  }
  for (int b = 0; b < 3; b++) buffer_append_text(b == 0 ? &d.text : b == 1 ? &d.redacted : &d.redacted_drop, " end\n");
  return d;
}

static void free_document(document *d) {
  buffer_free(&d->text);
  buffer_free(&d->redacted);
  buffer_free(&d->redacted_drop);
}

/* Copies of `d`, end to end, until the text has at least `min_len` bytes. */
static document repeat_document(const document *d, size_t min_len) {
  document big;
  memset(&big, 0, sizeof big);
  while (big.text.len < min_len) {
    buffer_append(&big.text, d->text.data, d->text.len);
    buffer_append(&big.redacted, d->redacted.data, d->redacted.len);
    buffer_append(&big.redacted_drop, d->redacted_drop.data, d->redacted_drop.len);
    big.tokens += d->tokens;
    big.tokens_drop += d->tokens_drop;
  }
  return big;
}

static void check_whole_redaction(const document *d, const tc_scanner *scanner, const tc_scanner *dropping) {
  buffer out = redact_all(scanner, d->text.data, d->text.len);
  CHECK_BYTES(out.data, out.len, d->redacted.data, d->redacted.len);
  buffer_free(&out);
  out = redact_all(dropping, d->text.data, d->text.len);
  CHECK_BYTES(out.data, out.len, d->redacted_drop.data, d->redacted_drop.len);
  buffer_free(&out);
  size_t count = 0;
  CHECK(tc_scan(scanner, d->text.data, d->text.len, NULL, 0, &count) == TC_RESULT_BUFFER_TOO_SMALL);
  CHECK(count == d->tokens);
  CHECK(tc_scan(dropping, d->text.data, d->text.len, NULL, 0, &count) == TC_RESULT_BUFFER_TOO_SMALL);
  CHECK(count == d->tokens_drop);
}

static void test_redaction_is_byte_exact(void) {
  tc_scanner *scanner = new_scanner(NULL, false, false, false);
  tc_scanner *dropping = new_scanner(NULL, true, false, false);
  document d = make_document();
  CHECK(d.tokens > 40 && d.tokens_drop < d.tokens);
  check_whole_redaction(&d, scanner, dropping);

  /* In place: the output may be the input's own memory. */
  size_t cap = d.text.len > d.redacted.len ? d.text.len : d.redacted.len;
  uint8_t *memory = (uint8_t *)malloc(cap);
  if (memory == NULL) abort();
  memcpy(memory, d.text.data, d.text.len);
  size_t len = 0;
  CHECK_RESULT(tc_redact(scanner, memory, d.text.len, memory, cap, &len), TC_RESULT_OK);
  CHECK_BYTES(memory, len, d.redacted.data, d.redacted.len);
  free(memory);

  /* A short body grows to the marker: the output can be longer than the input. */
  const char *email = "to: glimt-a1 ok";
  buffer grown = redact_all(scanner, email, strlen(email));
  CHECK_BYTES(grown.data, grown.len, "to: glimt-" REDACTED " ok", strlen("to: glimt-" REDACTED " ok"));
  CHECK(grown.len > strlen(email));
  buffer_free(&grown);
  free_document(&d);
  tc_scanner_free(scanner);
  tc_scanner_free(dropping);
}

static void test_short_redaction_buffers(void) {
  tc_scanner *scanner = new_scanner(NULL, false, false, false);
  const char *text = "a glpat-ts8y8Mk2gxi-xvXVsxfN b";
  const char *expected = "a glpat-" REDACTED " b";
  size_t expected_len = strlen(expected);
  uint8_t out[64];
  size_t len = 0;
  memset(out, SENTINEL, sizeof out);
  CHECK_RESULT(tc_redact(scanner, (const uint8_t *)text, strlen(text), out, expected_len - 1, &len),
               TC_RESULT_BUFFER_TOO_SMALL);
  CHECK(len == expected_len);
  CHECK(all_bytes_are(out, sizeof out, SENTINEL));
  len = 0;
  CHECK_RESULT(tc_redact(scanner, (const uint8_t *)text, strlen(text), NULL, 0, &len), TC_RESULT_BUFFER_TOO_SMALL);
  CHECK(len == expected_len);
  /* The exact size suffices, and no NUL is added after the output. */
  CHECK_RESULT(tc_redact(scanner, (const uint8_t *)text, strlen(text), out, expected_len, &len), TC_RESULT_OK);
  CHECK_BYTES(out, len, expected, expected_len);
  CHECK(out[expected_len] == SENTINEL);
  /* Empty input: empty output, even with no buffer at all. */
  len = 99;
  CHECK_RESULT(tc_redact(scanner, NULL, 0, NULL, 0, &len), TC_RESULT_OK);
  CHECK(len == 0);
  tc_scanner_free(scanner);
}

static void test_redaction_bad_arguments(void) {
  tc_scanner *scanner = new_scanner(NULL, false, false, false);
  const uint8_t *text = (const uint8_t *)"glpat-ts8y8Mk2gxi-xvXVsxfN";
  uint8_t out[64];
  memset(out, SENTINEL, sizeof out);
  size_t len = 77;
  CHECK_RESULT(tc_redact(NULL, text, 26, out, sizeof out, &len), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_redact(scanner, NULL, 26, out, sizeof out, &len), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_redact(scanner, text, 26, NULL, sizeof out, &len), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_redact(scanner, text, 26, out, sizeof out, NULL), TC_RESULT_NULL_ARGUMENT);
  CHECK(len == 77 && all_bytes_are(out, sizeof out, SENTINEL));

  tc_redactor *redactor = (tc_redactor *)(void *)&redactor;
  tc_redactor *const sentinel = redactor;
  CHECK_RESULT(tc_redactor_new(NULL, &redactor), TC_RESULT_NULL_ARGUMENT);
  CHECK(redactor == sentinel);
  CHECK_RESULT(tc_redactor_new(scanner, NULL), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_redactor_new(scanner, &redactor), TC_RESULT_OK);
  buffer sink = {0};
  CHECK_RESULT(tc_redactor_push(NULL, text, 26, append_to_buffer, &sink, NULL), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_redactor_push(redactor, text, 26, NULL, &sink, NULL), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_redactor_push(redactor, NULL, 26, append_to_buffer, &sink, NULL), TC_RESULT_NULL_ARGUMENT);
  size_t misaligned[2];
  CHECK_RESULT(tc_redactor_push(redactor, text, 26, append_to_buffer, &sink, (size_t *)(void *)((char *)misaligned + 1)),
               TC_RESULT_MISALIGNED_POINTER);
  CHECK_RESULT(tc_redactor_finish(NULL, append_to_buffer, &sink, NULL), TC_RESULT_NULL_ARGUMENT);
  CHECK_RESULT(tc_redactor_finish(redactor, NULL, &sink, NULL), TC_RESULT_NULL_ARGUMENT);
  /* None of these fed the stream: it is still empty. NULL counts are fine. */
  CHECK_RESULT(tc_redactor_push(redactor, NULL, 0, append_to_buffer, &sink, NULL), TC_RESULT_OK);
  CHECK_RESULT(tc_redactor_finish(redactor, append_to_buffer, &sink, NULL), TC_RESULT_OK);
  CHECK(sink.len == 0);
  buffer_free(&sink);
  tc_redactor_free(redactor);
  tc_redactor_free(NULL);
  tc_scanner_free(scanner);
}

/* Streaming in chunks of any size gives the whole-input redaction. */
static void test_streaming_equals_whole_input(void) {
  tc_scanner *scanner = new_scanner(NULL, false, false, false);
  tc_scanner *dropping = new_scanner(NULL, true, false, false);
  document d = make_document();
  tc_redactor *redactor = NULL;
  tc_redactor *drop_redactor = NULL;
  CHECK_RESULT(tc_redactor_new(scanner, &redactor), TC_RESULT_OK);
  CHECK_RESULT(tc_redactor_new(dropping, &drop_redactor), TC_RESULT_OK);
  tc_scanner_free(scanner); /* redactors hold their own reference */
  static const size_t CHUNKS[] = {1, 2, 3, 5, 8, 13, 64, 999, 4096, 0, SIZE_MAX};
  for (size_t c = 0; c < sizeof CHUNKS / sizeof CHUNKS[0]; c++) {
    size_t chunk = CHUNKS[c] == SIZE_MAX ? d.text.len : CHUNKS[c];
    buffer out = {0};
    size_t redacted = redact_streamed(redactor, d.text.data, d.text.len, chunk, &out);
    CHECK_BYTES(out.data, out.len, d.redacted.data, d.redacted.len);
    CHECK(redacted == d.tokens);
    out.len = 0;
    redacted = redact_streamed(drop_redactor, d.text.data, d.text.len, chunk, &out);
    CHECK_BYTES(out.data, out.len, d.redacted_drop.data, d.redacted_drop.len);
    CHECK(redacted == d.tokens_drop);
    buffer_free(&out);
  }
  free_document(&d);
  tc_redactor_free(redactor);
  tc_redactor_free(drop_redactor);
  tc_scanner_free(dropping);
}

/* Counts write callbacks, appending what they get. */
typedef struct {
  buffer out;
  size_t calls;
} counting_sink;

static int count_and_append(void *userdata, const uint8_t *bytes, size_t len) {
  counting_sink *sink = (counting_sink *)userdata;
  sink->calls++;
  buffer_append(&sink->out, bytes, len);
  return len == 0; /* a zero-length write would be a bug: fail it */
}

/* One pass each (the library is tested in its debug build, also under
 * valgrind): scan, redact, stream. */
static void test_one_mebibyte(void) {
  tc_scanner *scanner = new_scanner(NULL, false, false, false);
  document d = make_document();
  document big = repeat_document(&d, (size_t)1 << 20);
  CHECK(big.text.len >= ((size_t)1 << 20));

  /* Findings are in order, never overlap, and are the planted tokens. */
  tc_finding *found = (tc_finding *)calloc(big.tokens + 1, sizeof *found);
  if (found == NULL) abort();
  size_t count = 0;
  CHECK_RESULT(tc_scan(scanner, big.text.data, big.text.len, found, big.tokens + 1, &count), TC_RESULT_OK);
  int ordered = count == big.tokens;
  for (size_t i = 1; i < count; i++) ordered &= found[i].offset >= found[i - 1].offset + found[i - 1].len;
  for (size_t i = 0; i < count; i++) ordered &= found[i].offset + found[i].len <= big.text.len;
  CHECK(ordered);
  CHECK(count > 0 && found[count - 1].offset > ((size_t)1 << 20) - d.text.len);
  free(found);

  uint8_t *out = (uint8_t *)malloc(big.redacted.len);
  if (out == NULL) abort();
  size_t len = 0;
  CHECK_RESULT(tc_redact(scanner, big.text.data, big.text.len, out, big.redacted.len, &len), TC_RESULT_OK);
  CHECK_BYTES(out, len, big.redacted.data, big.redacted.len);
  free(out);

  tc_redactor *redactor = NULL;
  CHECK_RESULT(tc_redactor_new(scanner, &redactor), TC_RESULT_OK);
  counting_sink sink;
  memset(&sink, 0, sizeof sink);
  size_t redacted = 0;
  const size_t chunk = 65537;
  for (size_t at = 0; at < big.text.len; at += chunk) {
    size_t n = big.text.len - at < chunk ? big.text.len - at : chunk;
    size_t pushed = 0;
    CHECK_RESULT(tc_redactor_push(redactor, big.text.data + at, n, count_and_append, &sink, &pushed), TC_RESULT_OK);
    redacted += pushed;
  }
  /* Output arrives while the stream is fed, not only at its end. */
  CHECK(sink.calls > 0 && sink.out.len > 0);
  size_t last = 0;
  CHECK_RESULT(tc_redactor_finish(redactor, count_and_append, &sink, &last), TC_RESULT_OK);
  CHECK(redacted + last == big.tokens);
  CHECK_BYTES(sink.out.data, sink.out.len, big.redacted.data, big.redacted.len);
  buffer_free(&sink.out);
  tc_redactor_free(redactor);
  free_document(&big);
  free_document(&d);
  tc_scanner_free(scanner);
}

/* A write callback that fails on a given call. */
typedef struct {
  size_t calls;
  size_t fail_on;
  buffer out;
} failing_sink;

static int fail_on_call(void *userdata, const uint8_t *bytes, size_t len) {
  failing_sink *sink = (failing_sink *)userdata;
  if (++sink->calls == sink->fail_on) return -1;
  buffer_append(&sink->out, bytes, len);
  return 0;
}

static void test_failing_writes_abandon_the_stream(void) {
  tc_scanner *scanner = new_scanner(NULL, false, false, false);
  document d = make_document();
  document big = repeat_document(&d, (size_t)600 << 10);
  tc_redactor *redactor = NULL;
  CHECK_RESULT(tc_redactor_new(scanner, &redactor), TC_RESULT_OK);

  failing_sink sink;
  memset(&sink, 0, sizeof sink);
  sink.fail_on = 1;
  CHECK_RESULT(tc_redactor_push(redactor, big.text.data, big.text.len, fail_on_call, &sink, NULL),
               TC_RESULT_SCAN_WRITE_FAILED);
  CHECK(sink.calls == 1 && sink.out.len == 0);
  /* The abandoned stream's bytes are gone: finishing gives nothing. */
  CHECK_RESULT(tc_redactor_finish(redactor, fail_on_call, &sink, NULL), TC_RESULT_OK);
  CHECK(sink.calls == 1 && sink.out.len == 0);

  /* A failed finish also leaves the redactor ready for a new stream. */
  CHECK_RESULT(tc_redactor_push(redactor, d.text.data, d.text.len, fail_on_call, &sink, NULL), TC_RESULT_OK);
  sink.fail_on = sink.calls + 1;
  CHECK_RESULT(tc_redactor_finish(redactor, fail_on_call, &sink, NULL), TC_RESULT_SCAN_WRITE_FAILED);
  sink.fail_on = 0;
  sink.out.len = 0;
  size_t redacted = redact_streamed(redactor, d.text.data, d.text.len, 777, &sink.out);
  CHECK_BYTES(sink.out.data, sink.out.len, d.redacted.data, d.redacted.len);
  CHECK(redacted == d.tokens);
  buffer_free(&sink.out);
  tc_redactor_free(redactor);
  free_document(&big);
  free_document(&d);
  tc_scanner_free(scanner);
}

/* A callback that calls back into its own redactor is refused, not undefined. */
typedef struct {
  tc_redactor *redactor;
  tc_result nested_push;
  tc_result nested_finish;
  buffer out;
} reentrant_sink;

static int call_back_in(void *userdata, const uint8_t *bytes, size_t len) {
  reentrant_sink *sink = (reentrant_sink *)userdata;
  sink->nested_push = tc_redactor_push(sink->redactor, bytes, len, call_back_in, sink, NULL);
  sink->nested_finish = tc_redactor_finish(sink->redactor, call_back_in, sink, NULL);
  buffer_append(&sink->out, bytes, len);
  return 0;
}

static void test_callbacks_cannot_reenter(void) {
  tc_scanner *scanner = new_scanner(NULL, false, false, false);
  reentrant_sink sink;
  memset(&sink, 0, sizeof sink);
  CHECK_RESULT(tc_redactor_new(scanner, &sink.redactor), TC_RESULT_OK);
  const char *text = "x glpat-ts8y8Mk2gxi-xvXVsxfN y";
  CHECK_RESULT(tc_redactor_push(sink.redactor, (const uint8_t *)text, strlen(text), call_back_in, &sink, NULL),
               TC_RESULT_OK);
  CHECK_RESULT(tc_redactor_finish(sink.redactor, call_back_in, &sink, NULL), TC_RESULT_OK);
  CHECK_RESULT(sink.nested_push, TC_RESULT_SCAN_REDACTOR_BUSY);
  CHECK_RESULT(sink.nested_finish, TC_RESULT_SCAN_REDACTOR_BUSY);
  CHECK_BYTES(sink.out.data, sink.out.len, "x glpat-" REDACTED " y", strlen("x glpat-" REDACTED " y"));
  buffer_free(&sink.out);
  tc_redactor_free(sink.redactor);
  tc_scanner_free(scanner);
}

/* Threads share one scanner; each has its own redactor. */
typedef struct {
  const tc_scanner *scanner;
  const document *d;
  size_t chunk;
  int ok;
} thread_job;

static void *redact_in_thread(void *arg) {
  thread_job *job = (thread_job *)arg;
  const document *d = job->d;
  job->ok = 1;
  for (int round = 0; round < 3; round++) {
    size_t count = 0;
    job->ok &= tc_scan(job->scanner, d->text.data, d->text.len, NULL, 0, &count) == TC_RESULT_BUFFER_TOO_SMALL;
    job->ok &= count == d->tokens;
    uint8_t *out = (uint8_t *)malloc(d->redacted.len);
    size_t len = 0;
    job->ok &= out != NULL &&
               tc_redact(job->scanner, d->text.data, d->text.len, out, d->redacted.len, &len) == TC_RESULT_OK &&
               bytes_equal(out, len, d->redacted.data, d->redacted.len);
    free(out);
    tc_redactor *redactor = NULL;
    job->ok &= tc_redactor_new(job->scanner, &redactor) == TC_RESULT_OK;
    buffer streamed = {0};
    for (size_t at = 0; job->ok && at < d->text.len; at += job->chunk) {
      size_t n = d->text.len - at < job->chunk ? d->text.len - at : job->chunk;
      job->ok &= tc_redactor_push(redactor, d->text.data + at, n, append_to_buffer, &streamed, NULL) == TC_RESULT_OK;
    }
    job->ok &= tc_redactor_finish(redactor, append_to_buffer, &streamed, NULL) == TC_RESULT_OK;
    job->ok &= bytes_equal(streamed.data, streamed.len, d->redacted.data, d->redacted.len);
    buffer_free(&streamed);
    tc_redactor_free(redactor);
  }
  return NULL;
}

static void test_threads_share_a_scanner(void) {
  tc_scanner *scanner = new_scanner(NULL, false, false, false);
  document d = make_document();
  enum { THREADS = 4 };
  pthread_t threads[THREADS];
  thread_job jobs[THREADS];
  for (int t = 0; t < THREADS; t++) {
    jobs[t].scanner = scanner;
    jobs[t].d = &d;
    jobs[t].chunk = (size_t)(7 + 100 * t);
    jobs[t].ok = 0;
    CHECK(pthread_create(&threads[t], NULL, redact_in_thread, &jobs[t]) == 0);
  }
  for (int t = 0; t < THREADS; t++) {
    CHECK(pthread_join(threads[t], NULL) == 0);
    CHECK(jobs[t].ok);
  }
  free_document(&d);
  tc_scanner_free(scanner);
}

int main(void) {
  test_redaction_is_byte_exact();
  test_short_redaction_buffers();
  test_redaction_bad_arguments();
  test_streaming_equals_whole_input();
  test_one_mebibyte();
  test_failing_writes_abandon_the_stream();
  test_callbacks_cannot_reenter();
  test_threads_share_a_scanner();
  return check_finish("c redact");
}
