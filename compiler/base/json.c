/*
 * json.c — implementation of the streaming JSON writer declared in json.h.
 *
 * What this does: appends JSON text to a heap buffer, tracking a stack of
 * open containers (each with a "no members yet" flag) to place commas,
 * newlines and indentation. Strings are escaped by jansson; this file only
 * finds the bytes that are not valid UTF-8 (jansson refuses those) and
 * writes them as \ufffd. jansson's own dump is not used for documents: its
 * layout differs, and manifests must stay byte-identical.
 *
 * What this must not do: I/O other than the abort message on stderr,
 * locale-dependent formatting, global mutable state, or returning partially
 * written / NULL results; misuse and allocation failure abort (see json.h).
 */
#include "base/json.h"
#include "base/jsonesc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One open container on the nesting stack. */
typedef struct JsonFrame {
  char close; /* '}' for an object, ']' for an array */
  int first;  /* non-zero until the first member has been written */
} JsonFrame;

struct JsonWriter {
  char *buf;        /* output, always NUL-terminated */
  size_t len;       /* bytes in buf, excluding NUL */
  size_t cap;       /* allocated size of buf */
  JsonFrame *stack; /* open containers, innermost last */
  size_t depth;     /* number of open containers */
  size_t stack_cap; /* allocated entries in stack */
  int after_key;    /* a key was written; next call must be its value */
  int done;         /* top-level value complete; no more writes */
};

/*
 * Same "migc: fatal:" prefix as migc_fatal in arena.h; kept local so this
 * file links on its own (the unit test builds it without arena.c).
 */
_Noreturn static void die(const char *msg) {
  fprintf(stderr, "migc: fatal: json writer: %s\n", msg);
  abort();
}

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n);
  if (q == NULL)
    die("out of memory");
  return q;
}

/* Ensure room for extra more bytes plus the NUL terminator. */
static void reserve(JsonWriter *w, size_t extra) {
  if (extra > SIZE_MAX - w->len - 1)
    die("buffer size overflow");
  size_t need = w->len + extra + 1;
  if (need <= w->cap)
    return;
  size_t cap = w->cap;
  while (cap < need)
    cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  w->buf = xrealloc(w->buf, cap);
  w->cap = cap;
}

static void put_bytes(JsonWriter *w, const char *s, size_t n) {
  reserve(w, n);
  memcpy(w->buf + w->len, s, n);
  w->len += n;
  w->buf[w->len] = '\0';
}

static void put_str(JsonWriter *w, const char *s) {
  put_bytes(w, s, strlen(s));
}

static void put_char(JsonWriter *w, char c) { put_bytes(w, &c, 1); }

static void put_newline_indent(JsonWriter *w, size_t level) {
  if (level > (SIZE_MAX - 2) / 2)
    die("nesting too deep");
  reserve(w, 1 + 2 * level);
  w->buf[w->len++] = '\n';
  memset(w->buf + w->len, ' ', 2 * level);
  w->len += 2 * level;
  w->buf[w->len] = '\0';
}

static JsonFrame *top(JsonWriter *w) {
  return w->depth > 0 ? &w->stack[w->depth - 1] : NULL;
}

/*
 * Emit whatever must precede a new member of the innermost container:
 * a comma unless it is the first member, then newline + indentation.
 */
static void member_separator(JsonWriter *w, JsonFrame *f) {
  if (!f->first)
    put_char(w, ',');
  f->first = 0;
  put_newline_indent(w, w->depth);
}

/* Called before every value (scalar or container opening). */
static void before_value(JsonWriter *w) {
  if (w->done)
    die("value written after the top-level value was complete");
  if (w->after_key) {
    w->after_key = 0; /* separator and key already written */
    return;
  }
  JsonFrame *f = top(w);
  if (f == NULL)
    return; /* top-level value */
  if (f->close == '}')
    die("value inside an object without a preceding json_key");
  member_separator(w, f);
}

/* Called after every complete value; finishes the document at depth 0. */
static void after_value(JsonWriter *w) {
  if (w->depth == 0) {
    put_char(w, '\n');
    w->done = 1;
  }
}

static void push(JsonWriter *w, char open, char close) {
  before_value(w);
  if (w->depth == w->stack_cap) {
    size_t cap = w->stack_cap ? w->stack_cap * 2 : 8;
    if (cap > SIZE_MAX / sizeof *w->stack)
      die("nesting too deep");
    w->stack = xrealloc(w->stack, cap * sizeof *w->stack);
    w->stack_cap = cap;
  }
  w->stack[w->depth].close = close;
  w->stack[w->depth].first = 1;
  w->depth++;
  put_char(w, open);
}

static void pop(JsonWriter *w, char close) {
  JsonFrame *f = top(w);
  if (w->done || f == NULL)
    die("end of container with no container open");
  if (f->close != close)
    die(close == '}' ? "json_end_object inside an array"
                     : "json_end_array inside an object");
  if (w->after_key)
    die("container closed after a key without a value");
  int empty = f->first;
  w->depth--;
  if (!empty)
    put_newline_indent(w, w->depth);
  put_char(w, close);
  after_value(w);
}

/*
 * Length of the valid UTF-8 sequence starting at s[0] (with n bytes
 * available, n >= 1), or 0 if s[0] does not begin a valid, shortest-form
 * encoding of a Unicode scalar value. Follows the well-formed byte sequence
 * table of Unicode (ch. 3, table 3-7).
 */
static size_t utf8_seq_len(const unsigned char *s, size_t n) {
  unsigned char c = s[0];
  size_t need;
  unsigned char lo = 0x80, hi = 0xbf; /* allowed range of 2nd byte */

  if (c < 0x80)
    return 1;
  if (c >= 0xc2 && c <= 0xdf) {
    need = 2;
  } else if (c >= 0xe0 && c <= 0xef) {
    need = 3;
    if (c == 0xe0)
      lo = 0xa0; /* no overlongs */
    else if (c == 0xed)
      hi = 0x9f; /* no surrogates */
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 4;
    if (c == 0xf0)
      lo = 0x90; /* no overlongs */
    else if (c == 0xf4)
      hi = 0x8f; /* nothing above U+10FFFF */
  } else {
    return 0; /* 0x80..0xc1 and 0xf5..0xff never start a sequence */
  }
  if (n < need)
    return 0;
  if (s[1] < lo || s[1] > hi)
    return 0;
  for (size_t i = 2; i < need; i++)
    if (s[i] < 0x80 || s[i] > 0xbf)
      return 0;
  return need;
}

/* Append s[0..n), valid UTF-8, escaped by jansson (jsonesc.h). A run with
 * nothing to escape (no '"', '\\' or byte below 0x20: nearly every string
 * of a manifest) is copied as it is: jansson's fixed cost, about 2,500
 * instructions a string, was 6 % of a compile's instructions (callgrind,
 * bench tree of 1,000 migrations). */
static void put_escaped_run(JsonWriter *w, const char *s, size_t n) {
  size_t plain = 0;
  while (plain < n && (unsigned char)s[plain] >= 0x20 && s[plain] != '"' && s[plain] != '\\')
    plain++;
  if (plain == n) {
    put_bytes(w, s, n);
    return;
  }
  size_t len;
  char *body = jsonesc_utf8(s, n, &len);
  if (body == NULL)
    die("out of memory");
  put_bytes(w, body, len);
  free(body);
}

/* Write s[0..n) as a quoted JSON string: runs of valid UTF-8 escaped by
 * jansson, each byte outside them as \ufffd. */
static void put_quoted(JsonWriter *w, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;

  put_char(w, '"');
  while (i < n) {
    size_t run = i;
    while (run < n) {
      size_t k = utf8_seq_len(p + run, n - run);
      if (k == 0)
        break;
      run += k;
    }
    if (run > i) {
      put_escaped_run(w, s + i, run - i);
      i = run;
      continue;
    }
    put_str(w, "\\ufffd"); /* invalid UTF-8 byte */
    i++;
  }
  put_char(w, '"');
}

JsonWriter *json_new(void) {
  JsonWriter *w = calloc(1, sizeof *w);
  if (w == NULL)
    die("out of memory");
  w->cap = 256;
  w->buf = malloc(w->cap);
  if (w->buf == NULL)
    die("out of memory");
  w->buf[0] = '\0';
  return w;
}

void json_free(JsonWriter *w) {
  if (w == NULL)
    return;
  free(w->buf);
  free(w->stack);
  free(w);
}

void json_begin_object(JsonWriter *w) { push(w, '{', '}'); }
void json_end_object(JsonWriter *w) { pop(w, '}'); }
void json_begin_array(JsonWriter *w) { push(w, '[', ']'); }
void json_end_array(JsonWriter *w) { pop(w, ']'); }

void json_key(JsonWriter *w, const char *key) {
  JsonFrame *f = top(w);
  if (w->done || f == NULL || f->close != '}')
    die("json_key outside an object");
  if (w->after_key)
    die("json_key directly after another json_key");
  if (key == NULL)
    die("json_key with a NULL key");
  member_separator(w, f);
  put_quoted(w, key, strlen(key));
  put_str(w, ": ");
  w->after_key = 1;
}

void json_string_n(JsonWriter *w, const char *s, size_t n) {
  before_value(w);
  if (s == NULL)
    put_str(w, "null");
  else
    put_quoted(w, s, n);
  after_value(w);
}

void json_string(JsonWriter *w, const char *s) {
  json_string_n(w, s, s ? strlen(s) : 0);
}

void json_int(JsonWriter *w, long long v) {
  /* Format by hand: locale-independent and exact for LLONG_MIN. */
  char tmp[32];
  size_t n = 0;
  unsigned long long u =
      v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
  do {
    tmp[n++] = (char)('0' + (int)(u % 10u));
    u /= 10u;
  } while (u != 0);
  if (v < 0)
    tmp[n++] = '-';

  char out[32];
  for (size_t i = 0; i < n; i++)
    out[i] = tmp[n - 1 - i];

  before_value(w);
  put_bytes(w, out, n);
  after_value(w);
}

void json_bool(JsonWriter *w, int v) {
  before_value(w);
  put_str(w, v ? "true" : "false");
  after_value(w);
}

void json_null(JsonWriter *w) {
  before_value(w);
  put_str(w, "null");
  after_value(w);
}

void json_kv_string(JsonWriter *w, const char *key, const char *s) {
  json_key(w, key);
  json_string(w, s);
}

void json_kv_int(JsonWriter *w, const char *key, long long v) {
  json_key(w, key);
  json_int(w, v);
}

void json_kv_bool(JsonWriter *w, const char *key, int v) {
  json_key(w, key);
  json_bool(w, v);
}

const char *json_data(const JsonWriter *w, size_t *len) {
  if (len != NULL)
    *len = w->len;
  return w->buf;
}
