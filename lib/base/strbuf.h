/* Growable text: messages, reasons lists, explanations. No fixed-size
 * buffer ever cuts data: a strbuf grows as text is added. A zeroed strbuf
 * is empty and ready; s is always NUL-terminated once anything was added
 * (strbuf_str gives "" before that). */
#ifndef TPA_STRBUF_H
#define TPA_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *s;
	size_t len, cap;
};

void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_puts(struct strbuf *b, const char *s);
void strbuf_putc(struct strbuf *b, char c);
void strbuf_printf(struct strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_vprintf(struct strbuf *b, const char *fmt, va_list ap);
/* The text ("" when nothing was added). */
const char *strbuf_str(const struct strbuf *b);
/* Empty it, keeping the memory. */
void strbuf_reset(struct strbuf *b);
/* Cut it back to N bytes (N <= len). */
void strbuf_truncate(struct strbuf *b, size_t n);
void strbuf_free(struct strbuf *b);

#endif
