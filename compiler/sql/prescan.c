/*
 * prescan.c — every section scanned and parsed up front, on worker threads
 * (see prescan.h).
 *
 * Work is handed out one section at a time through an atomic counter, in
 * tree order; each worker writes only its sections' slots and allocates
 * only from its own arena, so the workers share nothing else. The calling
 * thread works too.
 */
#include "sql/prescan.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#define PRESCAN_MAX_JOBS 64
#define PRESCAN_DEFAULT_MAX_JOBS 8
/* below this many bytes of SQL, threads cost more than they save */
#define PRESCAN_MIN_BYTES ((size_t)256 * 1024)

typedef struct Unit {
  const Migration *mig;
  const Section *sec;
  Prescan *out;
} Unit;

typedef struct Shared {
  Unit *units;
  size_t n;
  atomic_size_t next;
} Shared;

typedef struct Worker {
  Shared *sh;
  Arena *arena;
  bool thread; /* runs on a thread of its own, which ends with the work */
} Worker;

void prescan_section(Arena *a, const Migration *m, const Section *sec, Prescan *p) {
  const char *text = m->src->bytes + sec->start;
  size_t len = sec->end - sec->start;
  p->done = true;
  if (!pgq_scan(a, text, len, sec->start, &p->parsed.toks, &p->parsed.ntoks, &p->err)) {
    p->scan_failed = true;
    return;
  }
  p->ok = pgq_parse_scanned(a, text, len, sec->start, p->parsed.toks, p->parsed.ntoks,
                            &p->parsed.tree, &p->err);
}

static void *work(void *arg) {
  Worker *w = arg;
  for (;;) {
    size_t i = atomic_fetch_add_explicit(&w->sh->next, 1, memory_order_relaxed);
    if (i >= w->sh->n) break;
    const Unit *u = &w->sh->units[i];
    prescan_section(w->arena, u->mig, u->sec, u->out);
  }
  if (w->thread) pgq_thread_end();
  return NULL;
}

static int online_cpus(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > PRESCAN_DEFAULT_MAX_JOBS ? PRESCAN_DEFAULT_MAX_JOBS : (int)n;
}

Prescan *prescan_tree(Arena *a, Tree *t, int jobs) {
  Prescan *res = arena_alloc(a, (2 * t->migs.len + 1) * sizeof *res);
  Shared sh = {0};
  sh.units = arena_alloc(a, (2 * t->migs.len + 1) * sizeof *sh.units);
  size_t bytes = 0;
  for (size_t i = 0; i < t->migs.len; i++) {
    const Migration *m = &t->migs.items[i];
    for (int s = 0; s < m->nsections && s < 2; s++) {
      if (m->parsed[s]) continue;
      Unit u = {m, &m->sections[s], &res[2 * i + (size_t)s]};
      sh.units[sh.n++] = u;
      bytes += m->sections[s].end - m->sections[s].start;
    }
  }
  atomic_init(&sh.next, 0);
  if (jobs <= 0) jobs = online_cpus();
  if (jobs > PRESCAN_MAX_JOBS) jobs = PRESCAN_MAX_JOBS;
  if (bytes < PRESCAN_MIN_BYTES || sh.n < 2) jobs = 1;

  Worker workers[PRESCAN_MAX_JOBS];
  pthread_t threads[PRESCAN_MAX_JOBS];
  int started = 0;
  pthread_attr_t attr;
  bool sized = pthread_attr_init(&attr) == 0 &&
               pthread_attr_setstacksize(&attr, PGQ_STACK_BYTES) == 0;
  for (int k = 1; k < jobs; k++) {
    workers[k] = (Worker){&sh, arena_new(), true};
    /* a worker without the parse stack would overflow on a deep statement */
    if (!sized || pthread_create(&threads[k], &attr, work, &workers[k]) != 0) {
      arena_free(workers[k].arena);
      break; /* fewer threads: the ones running and this one finish the work */
    }
    started = k;
  }
  if (sized) pthread_attr_destroy(&attr);
  workers[0] = (Worker){&sh, a, false};
  work(&workers[0]);
  for (int k = 1; k <= started; k++) {
    pthread_join(threads[k], NULL);
    arena_absorb(a, workers[k].arena);
  }
  return res;
}
