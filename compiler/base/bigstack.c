/*
 * bigstack.c — a thread with a stack of its own size (see bigstack.h).
 */
#include "base/bigstack.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

typedef struct Job {
  int (*fn)(void *);
  void *arg;
  int result;
} Job;

static void *run_job(void *p) {
  Job *j = p;
  j->result = j->fn(j->arg);
  return NULL;
}

int bigstack_run(size_t stack_bytes, int (*fn)(void *), void *arg) {
  Job job = {fn, arg, 0};
  pthread_attr_t attr;
  pthread_t t;
  if (pthread_attr_init(&attr) != 0) return fn(arg);
  int ok = pthread_attr_setstacksize(&attr, stack_bytes) == 0 &&
           pthread_create(&t, &attr, run_job, &job) == 0;
  pthread_attr_destroy(&attr);
  if (!ok) return fn(arg);
  pthread_join(t, NULL);
  return job.result;
}

struct BigStackWorker {
  pthread_t thread;
  pthread_mutex_t lock;
  pthread_cond_t changed;
  int (*fn)(void *); /* the pending job, NULL when none */
  void *arg;
  int result;
  bool done, stop;
  void (*at_end)(void);
};

static void *worker_main(void *p) {
  BigStackWorker *w = p;
  pthread_mutex_lock(&w->lock);
  for (;;) {
    while (!w->fn && !w->stop) pthread_cond_wait(&w->changed, &w->lock);
    if (w->stop) break;
    int (*fn)(void *) = w->fn;
    pthread_mutex_unlock(&w->lock);
    int r = fn(w->arg);
    pthread_mutex_lock(&w->lock);
    w->result = r;
    w->fn = NULL;
    w->done = true;
    pthread_cond_broadcast(&w->changed);
  }
  pthread_mutex_unlock(&w->lock);
  if (w->at_end) w->at_end();
  return NULL;
}

BigStackWorker *bigstack_worker_new(size_t stack_bytes) {
  BigStackWorker *w = calloc(1, sizeof *w);
  if (!w) return NULL;
  pthread_mutex_init(&w->lock, NULL);
  pthread_cond_init(&w->changed, NULL);
  pthread_attr_t attr;
  bool ok = pthread_attr_init(&attr) == 0;
  if (ok) {
    ok = pthread_attr_setstacksize(&attr, stack_bytes) == 0 &&
         pthread_create(&w->thread, &attr, worker_main, w) == 0;
    pthread_attr_destroy(&attr);
  }
  if (!ok) {
    pthread_cond_destroy(&w->changed);
    pthread_mutex_destroy(&w->lock);
    free(w);
    return NULL;
  }
  return w;
}

int bigstack_worker_run(BigStackWorker *w, int (*fn)(void *), void *arg) {
  pthread_mutex_lock(&w->lock);
  w->fn = fn;
  w->arg = arg;
  w->done = false;
  pthread_cond_broadcast(&w->changed);
  while (!w->done) pthread_cond_wait(&w->changed, &w->lock);
  int r = w->result;
  pthread_mutex_unlock(&w->lock);
  return r;
}

void bigstack_worker_free(BigStackWorker *w, void (*at_end)(void)) {
  if (!w) return;
  pthread_mutex_lock(&w->lock);
  w->stop = true;
  w->at_end = at_end;
  pthread_cond_broadcast(&w->changed);
  pthread_mutex_unlock(&w->lock);
  pthread_join(w->thread, NULL);
  pthread_cond_destroy(&w->changed);
  pthread_mutex_destroy(&w->lock);
  free(w);
}
