/*
 * svg.c — Graphviz dot run through posix_spawnp (see svg.h).
 *
 * SIGPIPE is ignored while the DOT text is written, so a dot that dies
 * early shows as a write error and a failed exit, not as migc killed.
 */
#include "svg.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void dot_missing(DiagList *dl) {
  Diag *d = diag_path(dl, SEV_ERROR, DR_USAGE, NULL, 0, 0,
                      "--svg needs Graphviz, and \"dot\" is not on PATH");
  diag_hint(dl, d, "Install it (apt-get install graphviz), or write DOT without --svg.");
}

/* Spawns dot reading fd in; returns its pid, or -1 with errno set. */
static pid_t spawn_dot(const char *target, int in, int other) {
  char *argv[] = {"dot", "-Tsvg", NULL, NULL, NULL};
  if (target) argv[2] = "-o", argv[3] = (char *)target;
  posix_spawn_file_actions_t fa;
  if (posix_spawn_file_actions_init(&fa) != 0) return -1;
  posix_spawn_file_actions_adddup2(&fa, in, STDIN_FILENO);
  posix_spawn_file_actions_addclose(&fa, in);
  posix_spawn_file_actions_addclose(&fa, other);
  pid_t pid;
  int rc = posix_spawnp(&pid, "dot", &fa, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) {
    errno = rc;
    return -1;
  }
  return pid;
}

/* Feeds the DOT text to dot and waits for it; true when both went well. */
static bool run_dot(const char *target, DotWriter write_dot, void *ctx, const char *shown,
                    DiagList *dl) {
  int fds[2];
  if (pipe(fds) != 0) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, shown, 0, 0, "cannot run dot: %s", strerror(errno));
    return false;
  }
  fcntl(fds[1], F_SETFD, FD_CLOEXEC);
  fflush(stdout); /* dot may write to the same standard output */
  pid_t pid = spawn_dot(target, fds[0], fds[1]);
  int spawn_err = errno;
  close(fds[0]);
  if (pid < 0) {
    close(fds[1]);
    if (spawn_err == ENOENT) dot_missing(dl);
    else diag_path(dl, SEV_ERROR, DR_IO_ERROR, shown, 0, 0, "cannot run dot: %s",
                   strerror(spawn_err));
    return false;
  }
  struct sigaction ign = {0}, old;
  ign.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ign, &old);
  bool wrote = false;
  FILE *f = fdopen(fds[1], "w");
  if (f) {
    write_dot(ctx, f);
    wrote = !ferror(f);
    if (fclose(f) != 0) wrote = false;
  } else {
    close(fds[1]);
  }
  sigaction(SIGPIPE, &old, NULL);
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) {
      status = -1;
      break;
    }
  if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0 && wrote) return true;
  if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 127) {
    dot_missing(dl); /* a spawn that reports exec failures only as exit 127 */
    return false;
  }
  if (status != -1 && WIFSIGNALED(status))
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, shown, 0, 0,
              "dot failed to render the graph: killed by signal %d", WTERMSIG(status));
  else if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) != 0)
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, shown, 0, 0,
              "dot failed to render the graph: it exited with status %d", WEXITSTATUS(status));
  else
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, shown, 0, 0,
              "dot failed to render the graph: the DOT text could not be written to it");
  return false;
}

bool svg_render(Arena *a, const char *out, DotWriter write_dot, void *ctx, DiagList *dl) {
  if (!out) return run_dot(NULL, write_dot, ctx, NULL, dl);
  const char *dir = dirname(arena_strdup(a, out));
  char *tmp = arena_printf(a, "%s/.migc-graph.XXXXXX", dir);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, out, 0, 0, "could not create a file in \"%s\": %s",
              dir, strerror(errno));
    return false;
  }
  bool ok = fchmod(fd, 0644) == 0; /* mkstemp made it 0600; dot keeps the mode */
  close(fd);
  if (!ok)
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, out, 0, 0, "could not write \"%s\": %s", out,
              strerror(errno));
  ok = ok && run_dot(tmp, write_dot, ctx, out, dl);
  if (ok && rename(tmp, out) != 0) {
    diag_path(dl, SEV_ERROR, DR_IO_ERROR, out, 0, 0, "could not write \"%s\": %s", out,
              strerror(errno));
    ok = false;
  }
  if (!ok) unlink(tmp);
  return ok;
}
