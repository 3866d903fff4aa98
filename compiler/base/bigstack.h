/*
 * bigstack.h — running work on a thread with a stack of a given size.
 *
 * libpg_query and migc's walks recurse once per nesting level of a parse
 * tree, so how deep a statement migc can take depends on the stack, not on
 * the process's limit (ulimit -s, 8 MiB by default, less in some CI
 * images). Every parse runs on a stack sized for the deepest statement
 * migc accepts (sql/pgq.h), in single- and multi-threaded runs alike.
 * This module knows nothing of SQL.
 */
#ifndef MIGC_BIGSTACK_H
#define MIGC_BIGSTACK_H

#include <stddef.h>

/* Runs fn(arg) on a new thread whose stack is stack_bytes (reserved, not
 * committed: only the pages a run touches cost memory) and returns its
 * result, or runs it on the calling thread when no such thread can be made
 * (then the process's own stack limit applies). */
int bigstack_run(size_t stack_bytes, int (*fn)(void *), void *arg);

/* One such thread kept for many calls, for callers that run many small
 * jobs (a fuzz target's inputs): a thread's creation and its stack's
 * mapping then cost once, not per job. Jobs run one at a time, in order. */
typedef struct BigStackWorker BigStackWorker;
/* NULL when the thread cannot be made. */
BigStackWorker *bigstack_worker_new(size_t stack_bytes);
/* Runs fn(arg) on the worker's thread, waits for it and returns its result. */
int bigstack_worker_run(BigStackWorker *w, int (*fn)(void *), void *arg);
/* Runs at_end (may be NULL) on the worker's thread, ends the thread, frees w. */
void bigstack_worker_free(BigStackWorker *w, void (*at_end)(void));

#endif
