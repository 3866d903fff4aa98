/*
 * suggest.c — see suggest.h. The words compared are command, option,
 * profile, layout and object names (a few dozen bytes), so a full table
 * per comparison is cheap.
 */
#include "base/suggest.h"

#include <stdlib.h>
#include <string.h>

static size_t min3(size_t a, size_t b, size_t c) {
  size_t m = a < b ? a : b;
  return m < c ? m : c;
}

size_t edit_distance(const char *a, const char *b) {
  size_t n = strlen(a), m = strlen(b);
  size_t w = m + 1;
  size_t *d = malloc((n + 1) * w * sizeof *d);
  if (!d) abort();
  for (size_t i = 0; i <= n; i++) d[i * w] = i;
  for (size_t j = 0; j <= m; j++) d[j] = j;
  for (size_t i = 1; i <= n; i++)
    for (size_t j = 1; j <= m; j++) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      size_t v = min3(d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          d[(i - 2) * w + j - 2] + 1 < v)
        v = d[(i - 2) * w + j - 2] + 1;
      d[i * w + j] = v;
    }
  size_t r = d[n * w + m];
  free(d);
  return r;
}

const char *suggest_closest(const char *word, const char *const *cands, size_t n) {
  const char *best = NULL;
  size_t best_d = 3, len = strlen(word);
  for (size_t i = 0; i < n; i++) {
    size_t d = edit_distance(word, cands[i]);
    if (d < best_d && d < len) {
      best = cands[i];
      best_d = d;
    }
  }
  return best;
}
