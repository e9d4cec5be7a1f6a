/* Fork safety: a parent generates, forks children that generate too, and
 * generates again; every child sends its tokens back through a pipe. No token
 * may repeat across processes.
 * Usage: test_fork [tokens per process] */
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "support.h"

#define CHILDREN 4
#define TOKEN_CAP (TC_MAX_TOKEN_LEN + 1)

static int generate_into(char *tokens, size_t count) {
  for (size_t i = 0; i < count; i++) {
    size_t len = 0;
    char *slot = tokens + i * TOKEN_CAP;
    memset(slot, 0, TOKEN_CAP);
    if (generate_pat(TC_FORMAT_V1, slot, TOKEN_CAP, &len) != TC_RESULT_OK) return 0;
  }
  return 1;
}

static int compare_token(const void *a, const void *b) { return memcmp(a, b, TOKEN_CAP); }

int main(int argc, char **argv) {
  size_t count = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 500;
  size_t processes = CHILDREN + 2; /* the parent before and after forking, and each child */
  char *tokens = calloc(processes * count, TOKEN_CAP);
  CHECK(generate_into(tokens, count));

  pid_t pids[CHILDREN];
  int pipes[CHILDREN][2];
  for (int c = 0; c < CHILDREN; c++) {
    CHECK(pipe(pipes[c]) == 0);
    pids[c] = fork();
    if (pids[c] == 0) {
      close(pipes[c][0]);
      char *mine = calloc(count, TOKEN_CAP);
      int ok = generate_into(mine, count) && write_all(pipes[c][1], mine, count * TOKEN_CAP);
      free(mine);
      free(tokens);
      close(pipes[c][1]);
      _exit(ok ? 0 : 1);
    }
    CHECK(pids[c] > 0);
    close(pipes[c][1]);
  }
  CHECK(generate_into(tokens + count * TOKEN_CAP, count));
  for (int c = 0; c < CHILDREN; c++) {
    CHECK(read_all(pipes[c][0], tokens + (size_t)(c + 2) * count * TOKEN_CAP, count * TOKEN_CAP));
    close(pipes[c][0]);
    int status = 0;
    CHECK(waitpid(pids[c], &status, 0) == pids[c]);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }

  size_t total = processes * count;
  for (size_t i = 0; i < total; i++) {
    tc_decoded_token decoded;
    const char *token = tokens + i * TOKEN_CAP;
    if (tc_decode(token, strlen(token), &decoded) != TC_RESULT_OK) {
      CHECK(!"every collected token decodes");
      break;
    }
  }
  qsort(tokens, total, TOKEN_CAP, compare_token);
  size_t duplicates = 0;
  for (size_t i = 1; i < total; i++) {
    if (memcmp(tokens + (i - 1) * TOKEN_CAP, tokens + i * TOKEN_CAP, TOKEN_CAP) == 0) duplicates++;
  }
  CHECK(duplicates == 0);
  printf("fork: %zu processes generated %zu tokens, %zu duplicates\n", processes, total, duplicates);
  free(tokens);
  return check_finish("c fork");
}
