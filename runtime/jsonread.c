/*
 * jsonread.c — recursive-descent JSON reader (see jsonread.h).
 *
 * Each parse function starts with the grammar rule it handles. Depth is
 * limited so a hostile file cannot exhaust the stack.
 */
#include "jsonread.h"

#include <string.h>

#define MAX_DEPTH 256

typedef struct JP {
  Arena *a;
  const char *s;
  size_t len, pos;
  const char *err;
  int depth;
} JP;

static JsonValue *parse_value(JP *p);

static bool fail(JP *p, const char *msg) {
  if (!p->err) p->err = msg;
  return false;
}

static void skip_ws(JP *p) {
  while (p->pos < p->len &&
         (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' || p->s[p->pos] == '\n' ||
          p->s[p->pos] == '\r'))
    p->pos++;
}

static bool literal(JP *p, const char *word) {
  size_t n = strlen(word);
  if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0)
    return fail(p, "unexpected character");
  p->pos += n;
  return true;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static bool hex4(JP *p, unsigned *out) {
  if (p->len - p->pos < 4) return fail(p, "truncated \\u escape");
  unsigned v = 0;
  for (int i = 0; i < 4; i++) {
    int h = hexval(p->s[p->pos + (size_t)i]);
    if (h < 0) return fail(p, "bad \\u escape");
    v = v * 16 + (unsigned)h;
  }
  p->pos += 4;
  *out = v;
  return true;
}

static void put_utf8(StrBuf *sb, unsigned cp) {
  if (cp < 0x80) {
    sb_addc(sb, (char)cp);
  } else if (cp < 0x800) {
    sb_addc(sb, (char)(0xC0 | (cp >> 6)));
    sb_addc(sb, (char)(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    sb_addc(sb, (char)(0xE0 | (cp >> 12)));
    sb_addc(sb, (char)(0x80 | ((cp >> 6) & 0x3F)));
    sb_addc(sb, (char)(0x80 | (cp & 0x3F)));
  } else {
    sb_addc(sb, (char)(0xF0 | (cp >> 18)));
    sb_addc(sb, (char)(0x80 | ((cp >> 12) & 0x3F)));
    sb_addc(sb, (char)(0x80 | ((cp >> 6) & 0x3F)));
    sb_addc(sb, (char)(0x80 | (cp & 0x3F)));
  }
}

/* string = '"' { char | escape } '"' */
static const char *parse_string(JP *p) {
  if (p->pos >= p->len || p->s[p->pos] != '"') {
    fail(p, "expected a string");
    return NULL;
  }
  p->pos++;
  StrBuf sb;
  sb_init(&sb, p->a);
  sb_add(&sb, "", 0);
  while (p->pos < p->len) {
    unsigned char c = (unsigned char)p->s[p->pos++];
    if (c == '"') return sb_str(&sb);
    if (c < 0x20) {
      fail(p, "control character in string");
      return NULL;
    }
    if (c != '\\') {
      sb_addc(&sb, (char)c);
      continue;
    }
    if (p->pos >= p->len) break;
    char e = p->s[p->pos++];
    switch (e) {
    case '"': sb_addc(&sb, '"'); break;
    case '\\': sb_addc(&sb, '\\'); break;
    case '/': sb_addc(&sb, '/'); break;
    case 'b': sb_addc(&sb, '\b'); break;
    case 'f': sb_addc(&sb, '\f'); break;
    case 'n': sb_addc(&sb, '\n'); break;
    case 'r': sb_addc(&sb, '\r'); break;
    case 't': sb_addc(&sb, '\t'); break;
    case 'u': {
      unsigned cp;
      if (!hex4(p, &cp)) return NULL;
      if (cp >= 0xD800 && cp <= 0xDBFF && p->len - p->pos >= 6 && p->s[p->pos] == '\\' &&
          p->s[p->pos + 1] == 'u') {
        size_t save = p->pos;
        unsigned lo;
        p->pos += 2;
        if (hex4(p, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        } else {
          p->err = NULL;
          p->pos = save;
          cp = 0xFFFD;
        }
      } else if (cp >= 0xD800 && cp <= 0xDFFF) {
        cp = 0xFFFD;
      }
      if (cp == 0) cp = 0xFFFD; /* keep strings NUL-free */
      put_utf8(&sb, cp);
      break;
    }
    default:
      fail(p, "bad escape in string");
      return NULL;
    }
  }
  fail(p, "unterminated string");
  return NULL;
}

/* number = [ '-' ] int [ frac ] [ exp ] */
static JsonValue *parse_number(JP *p) {
  size_t start = p->pos;
  if (p->pos < p->len && p->s[p->pos] == '-') p->pos++;
  size_t digits = p->pos;
  while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9') p->pos++;
  if (p->pos == digits) {
    fail(p, "unexpected character");
    return NULL;
  }
  if (p->pos < p->len && p->s[p->pos] == '.') {
    p->pos++;
    while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9') p->pos++;
  }
  if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E')) {
    p->pos++;
    if (p->pos < p->len && (p->s[p->pos] == '+' || p->s[p->pos] == '-')) p->pos++;
    while (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9') p->pos++;
  }
  JsonValue *v = arena_alloc(p->a, sizeof *v);
  v->kind = JV_NUMBER;
  v->s = arena_strndup(p->a, p->s + start, p->pos - start);
  return v;
}

/* array = '[' [ value { ',' value } ] ']' ; object = '{' [ member { ',' member } ] '}' */
static JsonValue *parse_container(JP *p, bool object) {
  if (++p->depth > MAX_DEPTH) {
    fail(p, "nesting too deep");
    return NULL;
  }
  p->pos++; /* '[' or '{' */
  JsonValue *v = arena_alloc(p->a, sizeof *v);
  v->kind = object ? JV_OBJECT : JV_ARRAY;
  VEC(JsonValue *) items = {0};
  VEC(const char *) keys = {0};
  char close = object ? '}' : ']';
  skip_ws(p);
  if (p->pos < p->len && p->s[p->pos] == close) {
    p->pos++;
    p->depth--;
    return v;
  }
  for (;;) {
    skip_ws(p);
    if (object) {
      const char *k = parse_string(p);
      if (!k) return NULL;
      skip_ws(p);
      if (p->pos >= p->len || p->s[p->pos] != ':') {
        fail(p, "expected ':'");
        return NULL;
      }
      p->pos++;
      VEC_PUSH(p->a, keys, k);
    }
    JsonValue *item = parse_value(p);
    if (!item) return NULL;
    VEC_PUSH(p->a, items, item);
    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == ',') {
      p->pos++;
      continue;
    }
    if (p->pos < p->len && p->s[p->pos] == close) {
      p->pos++;
      break;
    }
    fail(p, object ? "expected ',' or '}'" : "expected ',' or ']'");
    return NULL;
  }
  v->n = items.len;
  v->items = items.items;
  v->keys = keys.items;
  p->depth--;
  return v;
}

/* value = object | array | string | number | true | false | null */
static JsonValue *parse_value(JP *p) {
  skip_ws(p);
  if (p->pos >= p->len) {
    fail(p, "unexpected end of input");
    return NULL;
  }
  char c = p->s[p->pos];
  if (c == '{' || c == '[') return parse_container(p, c == '{');
  JsonValue *v = NULL;
  if (c == '"') {
    const char *s = parse_string(p);
    if (!s) return NULL;
    v = arena_alloc(p->a, sizeof *v);
    v->kind = JV_STRING;
    v->s = s;
    return v;
  }
  if (c == '-' || (c >= '0' && c <= '9')) return parse_number(p);
  v = arena_alloc(p->a, sizeof *v);
  if (c == 't' && literal(p, "true")) {
    v->kind = JV_BOOL;
    v->b = true;
  } else if (c == 'f' && literal(p, "false")) {
    v->kind = JV_BOOL;
  } else if (c == 'n' && literal(p, "null")) {
    v->kind = JV_NULL;
  } else {
    fail(p, "unexpected character");
    return NULL;
  }
  return v;
}

JsonValue *json_parse(Arena *a, const char *text, size_t len, const char **err,
                      size_t *err_offset) {
  JP p = {a, text, len, 0, NULL, 0};
  JsonValue *v = parse_value(&p);
  if (v) {
    skip_ws(&p);
    if (p.pos != p.len) {
      fail(&p, "trailing characters after the document");
      v = NULL;
    }
  }
  if (!v) {
    *err = p.err ? p.err : "invalid JSON";
    *err_offset = p.pos;
  }
  return v;
}

const JsonValue *json_get(const JsonValue *v, const char *key) {
  if (!v || v->kind != JV_OBJECT) return NULL;
  for (size_t i = 0; i < v->n; i++)
    if (strcmp(v->keys[i], key) == 0) return v->items[i];
  return NULL;
}

const char *json_get_str(const JsonValue *v, const char *key) {
  const JsonValue *m = json_get(v, key);
  return m && m->kind == JV_STRING ? m->s : NULL;
}

bool json_get_bool(const JsonValue *v, const char *key, bool dflt) {
  const JsonValue *m = json_get(v, key);
  return m && m->kind == JV_BOOL ? m->b : dflt;
}
