/*
 * pgconn.c — libpq connections and their errors as diagnostics (see
 * pgconn.h).
 *
 * Passwords are found twice over: by libpq's own parser (PQconninfoParse),
 * and by a scan of the raw text that also works when the text does not
 * parse (libpq's parse errors may quote the text they choke on). Both the
 * raw and the percent-decoded forms are masked. Masking too much (a short
 * password that also occurs as a port number) is accepted; showing one is
 * not. This file must not print anything itself: it only builds diagnostics.
 */
#include "pgconn.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MASK "****"

#include <ctype.h>

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static void push_secret(Arena *a, PgTarget *t, const char *s, size_t n) {
  if (n == 0) return;
  for (size_t i = 0; i < t->secrets.len; i++)
    if (strlen(t->secrets.items[i]) == n && memcmp(t->secrets.items[i], s, n) == 0) return;
  VEC_PUSH(a, t->secrets, arena_strndup(a, s, n));
}

/* Adds s[0..n) and, when it differs, its percent-decoded form. */
static void add_secret(Arena *a, PgTarget *t, const char *s, size_t n) {
  push_secret(a, t, s, n);
  char *dec = arena_alloc(a, n + 1);
  size_t m = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
      dec[m++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
      i += 2;
    } else {
      dec[m++] = s[i];
    }
  }
  push_secret(a, t, dec, m);
}

/* postgresql://user:password@host/…: the userinfo ends at the first '@'
 * before any '/' (as libpq reads it); a password holding a raw '@' is also
 * covered by reading up to the last '@' before the first '/'. */
static bool scan_uri(Arena *a, PgTarget *t, const char *s) {
  const char *p = NULL;
  if (strncmp(s, "postgresql://", 13) == 0) p = s + 13;
  else if (strncmp(s, "postgres://", 11) == 0) p = s + 11;
  if (!p) return false;
  size_t end = strcspn(p, "/?");
  const char *first_at = memchr(p, '@', end), *last_at = NULL;
  for (size_t i = 0; i < end; i++)
    if (p[i] == '@') last_at = p + i;
  if (!first_at) return true;
  const char *colon = memchr(p, ':', (size_t)(first_at - p));
  if (colon) {
    add_secret(a, t, colon + 1, (size_t)(first_at - colon - 1));
    add_secret(a, t, colon + 1, (size_t)(last_at - colon - 1));
  }
  return true;
}

/* password=value anywhere (key=value strings and URI query parameters);
 * the value ends at white space (and, in a URI, at '&'), or is '…' with
 * backslash escapes. */
static void scan_keyword(Arena *a, PgTarget *t, const char *s, bool uri) {
  for (const char *p = strstr(s, "password"); p; p = strstr(p + 1, "password")) {
    const char *q = p + 8;
    while (*q == ' ' || *q == '\t') q++;
    if (*q != '=') continue;
    q++;
    while (*q == ' ' || *q == '\t') q++;
    if (*q == '\'') {
      StrBuf v;
      sb_init(&v, a);
      const char *r = q + 1;
      while (*r && *r != '\'') {
        if (*r == '\\' && r[1]) r++;
        sb_addc(&v, *r++);
      }
      add_secret(a, t, q + 1, (size_t)(r - q - 1));
      add_secret(a, t, sb_str(&v), v.len);
    } else {
      add_secret(a, t, q, strcspn(q, uri ? " \t\r\n&" : " \t\r\n"));
    }
  }
}

static int longest_first(const void *pa, const void *pb) {
  size_t a = strlen(*(const char *const *)pa), b = strlen(*(const char *const *)pb);
  if (a != b) return a > b ? -1 : 1;
  return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

void pgconn_target(Arena *a, const char *conninfo, PgTarget *t) {
  memset(t, 0, sizeof *t);
  if (conninfo && *conninfo) {
    t->conninfo = arena_strdup(a, conninfo);
    scan_keyword(a, t, conninfo, scan_uri(a, t, conninfo));
    char *err = NULL;
    PQconninfoOption *opts = PQconninfoParse(conninfo, &err);
    if (opts) {
      for (PQconninfoOption *o = opts; o->keyword; o++)
        if (strcmp(o->keyword, "password") == 0 && o->val)
          add_secret(a, t, o->val, strlen(o->val));
      PQconninfoFree(opts);
    }
    if (err) PQfreemem(err);
  }
  const char *envpw = getenv("PGPASSWORD");
  if (envpw) add_secret(a, t, envpw, strlen(envpw));
  if (t->secrets.len > 1)
    qsort(t->secrets.items, t->secrets.len, sizeof *t->secrets.items, longest_first);
  t->display = t->conninfo ? pgconn_redact(a, t, t->conninfo) : NULL;
}

/* a character that ends a URL's authority as text shows it */
static bool ends_token(char c) {
  return !c || isspace((unsigned char)c) || c == '/' || c == '"' || c == '\'' || c == '<' ||
         c == '>';
}

const char *pgconn_mask(Arena *a, const char *text) {
  if (!text) return NULL;
  StrBuf b;
  sb_init(&b, a);
  const char *p = text;
  while (*p) {
    /* user:password@host in any token, whatever scheme (or none) precedes it */
    if (p == text || ends_token(p[-1])) {
      size_t n = 0, colon = 0, at = 0;
      while (!ends_token(p[n])) {
        if (p[n] == ':' && !colon) colon = n + 1;
        if (p[n] == '@') at = n;
        n++;
      }
      if (colon && at >= colon) {
        sb_add(&b, p, colon);
        sb_adds(&b, MASK);
        p += at;
        continue;
      }
    }
    /* password=value, any case, also as a URL query parameter */
    if (strncasecmp(p, "password", 8) == 0) {
      const char *q = p + 8;
      while (*q == ' ' || *q == '\t') q++;
      if (*q == '=') {
        q++;
        while (*q == ' ' || *q == '\t') q++;
        sb_add(&b, p, (size_t)(q - p));
        if (*q == '\'') {
          const char *r = q + 1;
          while (*r && *r != '\'') r += (*r == '\\' && r[1]) ? 2 : 1;
          sb_adds(&b, "'" MASK "'");
          p = *r ? r + 1 : r;
        } else {
          sb_adds(&b, MASK);
          p = q + strcspn(q, " \t\r\n&\"'");
        }
        continue;
      }
    }
    sb_addc(&b, *p++);
  }
  return sb_str(&b);
}

const char *pgconn_redact(Arena *a, const PgTarget *t, const char *text) {
  if (!text) return NULL;
  const char *cur = text;
  for (size_t i = 0; t && i < t->secrets.len; i++) {
    const char *sec = t->secrets.items[i];
    size_t n = strlen(sec);
    if (!strstr(cur, sec)) continue;
    StrBuf b;
    sb_init(&b, a);
    const char *p = cur, *hit;
    while ((hit = strstr(p, sec))) {
      sb_add(&b, p, (size_t)(hit - p));
      sb_adds(&b, MASK);
      p = hit + n;
    }
    sb_adds(&b, p);
    cur = sb_str(&b);
  }
  return pgconn_mask(a, cur);
}

static bool uri_start(const char *s, size_t *skip) {
  if (strncmp(s, "postgresql://", 13) == 0) *skip = 13;
  else if (strncmp(s, "postgres://", 11) == 0) *skip = 11;
  else return false;
  return true;
}

/* value quoted for a key=value conninfo */
static void kv_quote(StrBuf *b, const char *v) {
  sb_addc(b, '\'');
  for (; *v; v++) {
    if (*v == '\'' || *v == '\\') sb_addc(b, '\\');
    sb_addc(b, *v);
  }
  sb_addc(b, '\'');
}

const char *pgconn_with_dbname(Arena *a, const char *conninfo, const char *dbname) {
  if (!conninfo || !*conninfo) return NULL;
  char *err = NULL;
  PQconninfoOption *opts = PQconninfoParse(conninfo, &err);
  if (err) PQfreemem(err);
  if (!opts) return NULL;
  StrBuf b;
  sb_init(&b, a);
  size_t skip;
  if (uri_start(conninfo, &skip)) {
    PQconninfoFree(opts);
    const char *p = conninfo + skip;
    size_t auth = strcspn(p, "/?");
    sb_add(&b, conninfo, skip + auth);
    sb_addc(&b, '/');
    sb_adds(&b, dbname); /* migc's names need no percent-encoding */
    const char *rest = p + auth;
    if (*rest == '/') rest += 1 + strcspn(rest + 1, "?");
    /* the query, with any dbname parameter set to dbname too */
    while (*rest) {
      size_t n = strcspn(rest + 1, "&") + 1; /* "?k=v" or "&k=v" */
      if (strncmp(rest + 1, "dbname=", 7) == 0) {
        sb_addc(&b, *rest);
        sb_adds(&b, "dbname=");
        sb_adds(&b, dbname);
      } else {
        sb_add(&b, rest, n);
      }
      rest += n;
    }
    return sb_str(&b);
  }
  for (PQconninfoOption *o = opts; o->keyword; o++) {
    if (!o->val || strcmp(o->keyword, "dbname") == 0) continue;
    if (b.len) sb_addc(&b, ' ');
    sb_printf(&b, "%s=", o->keyword);
    kv_quote(&b, o->val);
  }
  if (b.len) sb_addc(&b, ' ');
  sb_printf(&b, "dbname=");
  kv_quote(&b, dbname);
  PQconninfoFree(opts);
  return sb_str(&b);
}

/* Splits libpq's multi-line error text: the first line, and the others
 * trimmed and joined with spaces (NULL when there are none). */
static void split_lines(Arena *a, const char *msg, const char **first, const char **rest) {
  size_t n = strcspn(msg, "\n");
  *first = arena_strndup(a, msg, n);
  StrBuf b;
  sb_init(&b, a);
  const char *p = msg + n;
  while (*p) {
    while (*p == '\n' || *p == ' ' || *p == '\t') p++;
    size_t m = strcspn(p, "\n");
    while (m > 0 && (p[m - 1] == ' ' || p[m - 1] == '\t' || p[m - 1] == '\r')) m--;
    if (m) {
      if (b.len) sb_addc(&b, ' ');
      sb_add(&b, p, m);
    }
    p += strcspn(p, "\n");
  }
  *rest = b.len ? sb_str(&b) : NULL;
}

PGconn *pgconn_connect(Arena *a, const PgTarget *t, DiagList *dl, DiagRule rule) {
  /* a later dbname overrides the one the first (expanded) one names */
  const char *kw[5], *val[5];
  int n = 0;
  if (t->conninfo) kw[n] = "dbname", val[n++] = t->conninfo;
  if (t->dbname) kw[n] = "dbname", val[n++] = t->dbname;
  kw[n] = "client_encoding", val[n++] = "UTF8";
  kw[n] = "fallback_application_name", val[n++] = "migc";
  kw[n] = NULL, val[n] = NULL;
  PGconn *conn = PQconnectdbParams(kw, val, 1);
  if (!conn) {
    diag_path(dl, SEV_ERROR, rule, NULL, 0, 0, "could not connect to the database: out of memory");
    return NULL;
  }
  if (PQstatus(conn) == CONNECTION_OK) return conn;
  const char *first, *rest;
  split_lines(a, pgconn_redact(a, t, PQerrorMessage(conn)), &first, &rest);
  Diag *d = diag_path(dl, SEV_ERROR, rule, NULL, 0, 0, "could not connect to the database: %s",
                      *first ? first : "unknown libpq error");
  if (rest) diag_detail(dl, d, "%s", rest);
  if (t->display)
    diag_hint(dl, d, "The connection string was \"%s\".", t->display);
  else
    diag_hint(dl, d, "No --db was given, so the PG* environment variables chose the server.");
  PQfinish(conn);
  return NULL;
}

bool pgconn_check(Arena *a, const PgTarget *t, PGconn *conn, const PGresult *res,
                  DiagList *dl, DiagRule rule, const char *what) {
  ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return true;
  const char *primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
  const char *rest = NULL;
  if (!primary) {
    const char *msg = res ? PQresultErrorMessage(res) : "";
    if (!*msg) msg = PQerrorMessage(conn);
    split_lines(a, msg, &primary, &rest);
    if (strncmp(primary, "ERROR:  ", 8) == 0) primary += 8;
    if (!*primary) primary = PQresStatus(st);
  }
  primary = pgconn_redact(a, t, primary);
  Diag *d = state ? diag_path(dl, SEV_ERROR, rule, NULL, 0, 0, "%s: %s (SQLSTATE %s)", what,
                              primary, state)
                  : diag_path(dl, SEV_ERROR, rule, NULL, 0, 0, "%s: %s", what, primary);
  const char *detail = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL) : NULL;
  const char *hint = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_HINT) : NULL;
  if (!detail) detail = rest;
  if (detail) diag_detail(dl, d, "%s", pgconn_redact(a, t, detail));
  if (hint) diag_hint(dl, d, "%s", pgconn_redact(a, t, hint));
  return false;
}
