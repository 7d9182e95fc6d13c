#include <stdint.h>
#include <string.h>

#include "base/strbuf.h"
#include "values/text.h"

size_t
utf8_valid_prefix(const char *str, size_t n, int partial_ok)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned c, lo = 0x80, hi = 0xBF;
		size_t len;

		/* ASCII runs, eight bytes at a time. */
		while (i + 8 <= n) {
			uint64_t w;

			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		/* Unicode Table 3-7: the second byte's range excludes overlong
		 * forms, surrogates and code points above U+10FFFF. */
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3;
			lo = c == 0xE0 ? 0xA0 : 0x80;
			hi = c == 0xED ? 0x9F : 0xBF;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4;
			lo = c == 0xF0 ? 0x90 : 0x80;
			hi = c == 0xF4 ? 0x8F : 0xBF;
		} else {
			return i;
		}
		if (i + 1 >= n)
			return partial_ok ? n : i;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return i;
		for (size_t k = 2; k < len; k++) {
			if (i + k >= n)
				return partial_ok ? n : i;
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
		}
		i += len;
	}
	return i;
}

size_t
utf8_chars(const char *s, size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

/* Length of a white-space character starting at S (at most N bytes), 0 if
 * there is none. */
static size_t
space_at(const unsigned char *s, size_t n)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n'))
		return 1;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	return 0;
}

/* Length of a white-space character ending at S[N-1], 0 if there is none. */
static size_t
space_before(const unsigned char *s, size_t n)
{
	if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r' || s[n - 1] == '\n'))
		return 1;
	if (n >= 2 && s[n - 2] == 0xC2 && s[n - 1] == 0xA0)
		return 2;
	if (n >= 3 && s[n - 3] == 0xE3 && s[n - 2] == 0x80 && s[n - 1] == 0x80)
		return 3;
	return 0;
}

const char *
text_trim(const char *str, size_t *n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len = *n, k;

	while ((k = space_at(s, len)) > 0) {
		s += k;
		len -= k;
	}
	while ((k = space_before(s, len)) > 0)
		len -= k;
	*n = len;
	return (const char *)s;
}

static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

int
text_ieq(const char *s, size_t n, const char *t)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (t[i] == '\0' || ascii_lower((unsigned char)s[i]) !=
		    ascii_lower((unsigned char)t[i]))
			return 0;
	return t[i] == '\0';
}

const char *
text_count(char *buf, uint64_t n)
{
	char digits[24];
	int nd = 0, o = 0;

	do {
		digits[nd++] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	while (nd > 0) {
		buf[o++] = digits[--nd];
		if (nd > 0 && nd % 3 == 0)
			buf[o++] = ',';
	}
	buf[o] = '\0';
	return buf;
}

static int
wide(unsigned cp)
{
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
	    (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

size_t
text_width(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t w = 0, i = 0;

	while (i < n) {
		unsigned cp = s[i];
		size_t len = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;

		if (len > 1) {
			cp &= 0x3F >> (len - 1);
			for (size_t k = 1; k < len && i + k < n; k++)
				cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		w += wide(cp) ? 2 : 1;
		i += len;
	}
	return w;
}

int
text_ieqn(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ascii_lower((unsigned char)a[i]) != ascii_lower((unsigned char)b[i]))
			return 0;
	return 1;
}

int
text_has_wide_forms(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;

	for (size_t i = 0; i + 2 < n; i++)
		if ((s[i] == 0xEF && (s[i + 1] == 0xBC || s[i + 1] == 0xBD)) ||
		    (s[i] == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x80))
			return 1;
	return 0;
}

size_t
text_fold_width(const char *str, size_t n, char *out)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, o = 0;

	while (i < n) {
		/* U+FF01..U+FF3F is EF BC 81..BF; U+FF40..U+FF5E is EF BD 80..9E. */
		if (i + 2 < n && s[i] == 0xEF && s[i + 1] == 0xBC &&
		    s[i + 2] >= 0x81 && s[i + 2] <= 0xBF) {
			out[o++] = (char)(s[i + 2] - 0x81 + 0x21);
			i += 3;
		} else if (i + 2 < n && s[i] == 0xEF && s[i + 1] == 0xBD &&
		    s[i + 2] >= 0x80 && s[i + 2] <= 0x9E) {
			out[o++] = (char)(s[i + 2] - 0x80 + 0x60);
			i += 3;
		} else if (i + 2 < n && s[i] == 0xE3 && s[i + 1] == 0x80 &&
		    s[i + 2] == 0x80) {
			out[o++] = ' ';
			i += 3;
		} else {
			out[o++] = (char)s[i++];
		}
	}
	out[o] = '\0';
	return o;
}

long
text_control(const char *str, size_t n, int free_text)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	/* Eight bytes at a time while none is below 0x20 or 0x7F (bytes of
	 * multi-byte characters have the high bit set and never match). */
	for (; i + 8 <= n; i += 8) {
		uint64_t x, low, del;

		memcpy(&x, s + i, 8);
		low = (x - 0x2020202020202020ULL) & ~x & 0x8080808080808080ULL;
		del = x ^ 0x7F7F7F7F7F7F7F7FULL;
		del = (del - 0x0101010101010101ULL) & ~del & 0x8080808080808080ULL;
		if (low | del)
			break;
	}
	for (; i < n; i++)
		if ((s[i] < 0x20 || s[i] == 0x7F) && !(free_text &&
		    (s[i] == '\t' || s[i] == '\n' || s[i] == '\r')))
			return (long)i;
	return -1;
}

#define QUOTE_CHARS 48

void
text_quote(struct strbuf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, chars = 0;

	strbuf_putc(b, '"');
	while (i < n && chars < QUOTE_CHARS) {
		unsigned char c = (unsigned char)s[i];
		size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;

		if (c < 0x20 || c == 0x7F) {
			char esc[4] = { '\\', 'x', hex[c >> 4], hex[c & 15] };

			strbuf_add(b, esc, 4);
			i++;
		} else {
			if (i + len > n)
				len = n - i;
			strbuf_add(b, s + i, len);
			i += len;
		}
		chars++;
	}
	if (i < n)
		strbuf_puts(b, "...");
	strbuf_putc(b, '"');
}

int
text_digits(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

size_t
text_cut_chars(const char *s, size_t n, size_t max)
{
	size_t i = 0, chars = 0;

	while (i < n && chars < max) {
		i++;
		while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		chars++;
	}
	return i;
}
