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

#endif
