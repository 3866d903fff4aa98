/*
 * bigstack.c — a thread with a stack of its own size (see bigstack.h).
 */
#include "base/bigstack.h"

#include <pthread.h>

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
