/*
 * main.c — the migc program: runs the command line (commands.h) on a
 * thread with the stack a parse needs (sql/pgq.h), whatever the process's
 * stack limit.
 */
#include "base/bigstack.h"
#include "commands.h"
#include "sql/pgq.h"

typedef struct MainArgs {
  int argc;
  char **argv;
} MainArgs;

static int run_on_parse_stack(void *p) {
  MainArgs *m = p;
  int rc = commands_main(m->argc, m->argv);
  pgq_thread_end(); /* libpg_query frees its own memory when this thread ends */
  return rc;
}

int main(int argc, char **argv) {
  MainArgs m = {argc, argv};
  return bigstack_run(PGQ_STACK_BYTES, run_on_parse_stack, &m);
}
