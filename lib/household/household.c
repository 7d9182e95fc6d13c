#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "household/household.h"
#include "values/date.h"
#include "values/text.h"

void
household_buf_reset(struct household_buf *b)
{
	b->nmember = 0;
	b->mcells_len = 0;
	b->text_len = 0;
}

void
household_buf_free(struct household_buf *b)
{
	free(b->member);
	free(b->mcells);
	free(b->hcells);
	free(b->text);
	memset(b, 0, sizeof *b);
}

void
household_buf_text(struct household_buf *b, const char *s, size_t n,
    struct cell *c)
{
	/* Offset 0 holds an empty string, so an empty cell reads "". */
	if (b->text_len == 0) {
		xgrow(&b->text, &b->text_cap, 1, 1);
		b->text[0] = '\0';
		b->text_len = 1;
	}
	if (n == 0) {
		c->off = 0;
		c->len = 0;
		return;
	}
	xgrow(&b->text, &b->text_cap, b->text_len + n + 1, 1);
	memcpy(b->text + b->text_len, s, n);
	b->text[b->text_len + n] = '\0';
	c->off = (uint32_t)b->text_len;
	c->len = (uint32_t)n;
	b->text_len += n + 1;
}

int
household_parse_cell(struct household_buf *b, const struct field *f,
    const char *name, const char *s, size_t n, int year, struct cell *c,
    enum lang l, struct strbuf *msg)
{
	char buf[FIELD_BUF];
	const char *norm;
	size_t normlen;
	struct strbuf q = { 0 }, what = { 0 };
	enum field_status st = field_parse(f, s, n, year, &c->v, &norm, &normlen, buf);

	switch (st) {
	case FIELD_OK:
	case FIELD_OTHER:
		household_buf_text(b, norm, normlen, c);
		return st == FIELD_OTHER;
	case FIELD_EMPTY:
		household_buf_text(b, "", 0, c);
		c->v = 0;
		return 0;
	default:
		break;
	}
	household_buf_text(b, "", 0, c);
	c->v = 0;
	if (!f->confidential)    /* a confidential cell is never quoted */
		text_quote(&q, s, n);
	if (st == FIELD_CONTROL) {
		wording(msg, l, MSG_CONTROL, field_label(f, name, l), strbuf_str(&q));
	} else if (st == FIELD_SHORT_YEAR) {
		wording(msg, l, MSG_SHORT_YEAR, field_label(f, name, l),
		    strbuf_str(&q), DATE_YEAR_WINDOW);
	} else if (f->type == FT_CODE) {
		enum_describe(f->codes, &what);
		wording(msg, l, MSG_NOT_ONE_OF, field_label(f, name, l),
		    strbuf_str(&q), strbuf_str(&what));
	} else {
		field_describe(f, l == LANG_ZH, &what);
		wording(msg, l, MSG_NOT_VALUE, field_label(f, name, l),
		    strbuf_str(&q), strbuf_str(&what));
	}
	strbuf_free(&q);
	strbuf_free(&what);
	return -1;
}

void
household_unlisted(struct read_problem *p, struct strbuf *msg,
    const struct field *f, const char *name, const char *value, enum lang l)
{
	struct strbuf q = { 0 };

	text_quote(&q, value, strlen(value));
	strbuf_reset(msg);
	wording(msg, l, MSG_UNLISTED, field_label(f, name, l), strbuf_str(&q));
	strbuf_free(&q);
	p->field = name;
	p->code = "UNLISTED_VALUE";
	p->message = strbuf_str(msg);
	p->warning = 1;
}

const char *
household_bad_code(const struct field *f)
{
	return f != NULL && f->type == FT_DATE ? "BAD_DATE" : "BAD_VALUE";
}
