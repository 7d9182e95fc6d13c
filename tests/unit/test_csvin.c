#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csvin.h"
#include "base/alloc.h"
#include "suites.h"

/* Records as text: "LINE:cell|cell\n" per record, for plain comparisons. */
struct collect {
	char *s;
	size_t len, cap;
};

static int
collect_row(void *ctx, const struct csvin_row *row)
{
	struct collect *c = ctx;
	char head[32];
	int n = snprintf(head, sizeof head, "%lu:", row->line);

	xgrow(&c->s, &c->cap, c->len + (size_t)n + 1, 1);
	memcpy(c->s + c->len, head, (size_t)n);
	c->len += (size_t)n;
	for (size_t i = 0; i < row->n; i++) {
		xgrow(&c->s, &c->cap, c->len + row->len[i] + 3, 1);
		if (i > 0)
			c->s[c->len++] = '|';
		ck_assert_uint_eq(strlen(row->cell[i]), row->len[i]);
		memcpy(c->s + c->len, row->cell[i], row->len[i]);
		c->len += row->len[i];
	}
	c->s[c->len++] = '\n';
	c->s[c->len] = '\0';
	return 0;
}

/* Parse BYTES; return the records as text, or "ERR:message". */
static char *
parse_enc(const char *bytes, size_t n, enum csv_encoding enc)
{
	struct collect c = { xstrdup(""), 0, 1 };
	struct csvin *in = csvin_open_mem("t.csv", bytes, n, enc);
	int rc = csvin_read(in, collect_row, &c);

	if (rc != 0) {
		size_t k = strlen(csvin_error(in)) + 5;

		free(c.s);
		c.s = xmalloc(k);
		snprintf(c.s, k, "ERR:%s", csvin_error(in));
	}
	csvin_close(in);
	return c.s;
}

static char *
parse(const char *s)
{
	return parse_enc(s, strlen(s), ENC_AUTO);
}

#define EXPECT(input, want) do { \
	char *got_ = parse(input); \
	ck_assert_str_eq(got_, want); \
	free(got_); \
} while (0)

START_TEST(rfc4180)
{
	EXPECT("a,b\n1,2\n", "1:a|b\n2:1|2\n");
	EXPECT("a,b\n\"x,y\",2\n", "1:a|b\n2:x,y|2\n");                 /* quoted comma */
	EXPECT("a\n\"say \"\"hi\"\"\"\n", "1:a\n2:say \"hi\"\n");       /* escaped quotes */
	EXPECT("a,b\n\"l1\nl2\",x\n3,4\n", "1:a|b\n2:l1\nl2|x\n4:3|4\n"); /* quoted LF */
	EXPECT("a,b\r\n\"l1\r\nl2\",x\r\n3,4\r\n", "1:a|b\n2:l1\r\nl2|x\n4:3|4\n");
	EXPECT("j\n\"{\"\"k\"\": [1, 2]}\"\n", "1:j\n2:{\"k\": [1, 2]}\n"); /* JSON */
	EXPECT("a,b\r\n1,2\r\n", "1:a|b\n2:1|2\n");                     /* CRLF */
	EXPECT("a,b\n1,2", "1:a|b\n2:1|2\n");                            /* no final LF */
	EXPECT("a,b\n\n1,2\n\n\n3,4\n", "1:a|b\n3:1|2\n6:3|4\n");        /* blank lines */
	EXPECT("a,b\n1\n1,2,3\n", "1:a|b\n2:1\n3:1|2|3\n");              /* ragged */
	EXPECT("", "");
	EXPECT("a,b\n", "1:a|b\n");
	EXPECT("a,,c\n", "1:a||c\n");
}
END_TEST

START_TEST(trimmed_cells)
{
	EXPECT("a, b ,\"  c \"\n", "1:a|b|c\n");
	EXPECT("\xE3\x80\x80张三\xE3\x80\x80,x\n", "1:张三|x\n");
}
END_TEST

START_TEST(bom)
{
	EXPECT("\xEF\xBB\xBF" "a,b\n1,2\n", "1:a|b\n2:1|2\n");
	EXPECT("\xEF\xBB\xBF\"户编号\",\"姓名\"\n1,张三\n", "1:户编号|姓名\n2:1|张三\n");
}
END_TEST

START_TEST(gb18030)
{
	/* 户编号,姓名\nH1,张三\n in GBK */
	const char gbk[] = "\xBB\xA7\xB1\xE0\xBA\xC5,\xD0\xD5\xC3\xFB\nH1,\xD5\xC5\xC8\xFD\n";
	char *got = parse_enc(gbk, sizeof gbk - 1, ENC_AUTO);

	ck_assert_str_eq(got, "1:户编号|姓名\n2:H1|张三\n");
	free(got);
	got = parse_enc(gbk, sizeof gbk - 1, ENC_GB18030);
	ck_assert_str_eq(got, "1:户编号|姓名\n2:H1|张三\n");
	free(got);
	/* Forced UTF-8 on GBK bytes: refused with the line. */
	got = parse_enc(gbk, sizeof gbk - 1, ENC_UTF8);
	ck_assert_ptr_nonnull(strstr(got, "ERR:t.csv:1: "));
	free(got);
}
END_TEST

START_TEST(gb18030_across_chunks)
{
	/* A GBK character split by every possible chunk boundary: build a
	 * file longer than the reader's chunk, of 2-byte characters after an
	 * odd number of ASCII bytes. */
	size_t n = 600 * 1024, o = 0;
	char *buf = xmalloc(n + 64), *got;

	o += (size_t)sprintf(buf, "x\n");
	while (o < n) {
		memcpy(buf + o, "\xD5\xC5", 2);    /* 张 */
		o += 2;
		if (o % 101 == 0)
			buf[o++] = '\n';
	}
	buf[o++] = '\n';
	got = parse_enc(buf, o, ENC_AUTO);
	ck_assert_msg(strncmp(got, "ERR", 3) != 0, "%s", got);
	ck_assert_ptr_null(strstr(got, "\xEF\xBF\xBD"));
	free(got);
	free(buf);
}
END_TEST

START_TEST(refused_input)
{
	char *got;
	const char nul[] = "a,b\n1,2\n3,\0\n";

	got = parse("a,b\n\"open,2\n3,4\n");
	ck_assert_str_eq(got, "ERR:t.csv:2: a quoted cell opened here is never closed");
	free(got);
	got = parse("a,b\nx\"y,2\n");
	ck_assert_ptr_nonnull(strstr(got, "ERR:t.csv:2: not valid CSV"));
	free(got);
	got = parse("a,b\n\"x\"y,2\n");
	ck_assert_ptr_nonnull(strstr(got, "ERR:t.csv:2: not valid CSV"));
	free(got);
	got = parse_enc(nul, sizeof nul - 1, ENC_AUTO);
	ck_assert_str_eq(got, "ERR:t.csv:3: a NUL byte: this is not a text file");
	free(got);
	/* Bytes that are neither UTF-8 nor GB18030. */
	got = parse("a\n\xFF\xFF\n");
	ck_assert_ptr_nonnull(strstr(got, "ERR:t.csv:2: "));
	free(got);
}
END_TEST

START_TEST(big_field)
{
	size_t n = 1024 * 1024;
	char *buf = xmalloc(n + 16), *got;

	memcpy(buf, "a\n\"", 3);
	memset(buf + 3, 'x', n);
	memcpy(buf + 3 + n, "\"\n", 3);
	got = parse(buf);
	ck_assert_uint_eq(strlen(got), strlen("1:a\n2:") + n + 1);
	free(got);
	free(buf);
}
END_TEST

/* Chunks of every small size cut characters, quotes and CRLF pairs at
 * every place: the records must come out the same. */
START_TEST(any_chunk_size)
{
	static const char utf8[] = "\xEF\xBB\xBF户编号,\"姓名\"\r\nH1,\"张,\"\"三\"\"\r\n李四\"\r\n\r\nH2,\xE3\x80\x80王五\n";
	static const char gbk[] = "\xBB\xA7\xB1\xE0\xBA\xC5,\xD0\xD5\xC3\xFB\r\nH1,\"\xD5\xC5,\xC8\xFD\"\r\n";
	/* GBK after ASCII only: the first byte that is not ASCII may stand
	 * alone at the end of a chunk. */
	static const char gbk_late[] = "household_id,name\r\nH1,\xD5\xC5\xC8\xFD\r\nH2,\xC0\xEE\r\n";
	const struct { const char *s; size_t n; const char *want; } cases[] = {
		{ gbk_late, sizeof gbk_late - 1, "1:household_id|name\n2:H1|张三\n3:H2|李\n" },
		{ utf8, sizeof utf8 - 1, "1:户编号|姓名\n2:H1|张,\"三\"\r\n李四\n5:H2|王五\n" },
		{ gbk, sizeof gbk - 1, "1:户编号|姓名\n2:H1|张,三\n" },
	};

	for (size_t c = 0; c < 3; c++)
		for (size_t chunk = 1; chunk <= 9; chunk++) {
			struct collect got = { xstrdup(""), 0, 1 };
			struct csvin *in = csvin_open_mem("t.csv", cases[c].s, cases[c].n, ENC_AUTO);

			csvin_set_chunk(in, chunk);
			ck_assert_int_eq(csvin_read(in, collect_row, &got), 0);
			ck_assert_msg(strcmp(got.s, cases[c].want) == 0, "case %zu chunk %zu: %s",
			    c, chunk, got.s);
			free(got.s);
			csvin_close(in);
		}
}
END_TEST

/* Found by fuzz/csvin.c: an empty input read as GB18030 took a pointer
 * into a buffer never allocated. */
START_TEST(empty_gb18030)
{
	char *got = parse_enc("", 0, ENC_GB18030);

	ck_assert_str_eq(got, "");
	free(got);
	got = parse_enc("\0", 0, ENC_GB18030);   /* and again after a rewrite */
	ck_assert_str_eq(got, "");
	free(got);
}
END_TEST

START_TEST(encoding_names)
{
	enum csv_encoding e;

	ck_assert_int_eq(csvin_encoding_parse("GBK", &e), 0);
	ck_assert_int_eq(e, ENC_GB18030);
	ck_assert_int_eq(csvin_encoding_parse("utf-8", &e), 0);
	ck_assert_int_eq(e, ENC_UTF8);
	ck_assert_int_eq(csvin_encoding_parse("latin1", &e), -1);
}
END_TEST

static int
stop_at_two(void *ctx, const struct csvin_row *row)
{
	(void)ctx;
	return row->index == 2 ? 7 : 0;
}

START_TEST(callback_stops)
{
	const char *s = "a\n1\n2\n3\n";
	struct csvin *in = csvin_open_mem("t.csv", s, strlen(s), ENC_AUTO);

	ck_assert_int_eq(csvin_read(in, stop_at_two, NULL), 7);
	csvin_close(in);
}
END_TEST

/* Parse BYTES in chunks of CHUNK bytes: the records as text, or
 * "ERR:message"; *ENC gets the encoding used. */
static char *
parse_chunked(const char *bytes, size_t n, size_t chunk, enum csv_encoding *enc)
{
	struct collect c = { xstrdup(""), 0, 1 };
	struct csvin *in = csvin_open_mem("t.csv", bytes, n, ENC_AUTO);
	int rc;

	csvin_set_chunk(in, chunk);
	rc = csvin_read(in, collect_row, &c);
	if (rc != 0) {
		size_t k = strlen(csvin_error(in)) + 5;

		free(c.s);
		c.s = xmalloc(k);
		snprintf(c.s, k, "ERR:%s", csvin_error(in));
	}
	*enc = csvin_encoding(in);
	csvin_close(in);
	return c.s;
}

static const size_t chunks[] = { 1, 7, 4096 };

/* Issue 9: a UTF-8 file with one truncated character was read as GB18030,
 * every name garbled, exit 0. Valid UTF-8 stays UTF-8; the damage is an
 * error at its own line. */
START_TEST(truncated_utf8_character)
{
	static const char s[] =
	    "household_id,name,id_number,relation,apply_date,x\n"
	    "H1,王五,37132319580312011X,head,2015-05-01,\xe7\x97\n"
	    "H2,李四,371323196007050223,head,2015-05-01,a\n";

	for (size_t i = 0; i < 3; i++) {
		enum csv_encoding enc;
		char *got = parse_chunked(s, sizeof s - 1, chunks[i], &enc);

		ck_assert_msg(strncmp(got, "ERR:t.csv:2: byte 46 of the line is not UTF-8",
		    strlen("ERR:t.csv:2: byte 46 of the line is not UTF-8")) == 0,
		    "chunk %zu: %s", chunks[i], got);
		ck_assert_int_eq(enc, ENC_UTF8);
		free(got);
	}
}
END_TEST

/* Twenty lines of TEXT, then line 21 with a stray \xff at byte 4. */
static char *
stray_byte_file(const char *head, const char *name, size_t *n)
{
	size_t cap = 4096, len = 0;
	char *s = xmalloc(cap);

	len += (size_t)snprintf(s + len, cap - len, "%s\n", head);
	for (int i = 2; i <= 20; i++)
		len += (size_t)snprintf(s + len, cap - len, "H%d,%s\n", i, name);
	len += (size_t)snprintf(s + len, cap - len, "H21,\xff,x\n");
	*n = len;
	return s;
}

/* Issue 9: a stray byte at line 21 was reported at line 1. */
START_TEST(stray_byte_at_its_line)
{
	static const struct {
		const char *head, *name, *want;
		enum csv_encoding enc;
	} files[] = {
		/* UTF-8 Chinese: the file is UTF-8, the byte is not. */
		{ "户编号,姓名", "张三", "ERR:t.csv:21: byte 5 of the line is not UTF-8", ENC_UTF8 },
		/* GBK Chinese (户编号,姓名 and 张三): GB18030 cannot decode it. */
		{ "\xBB\xA7\xB1\xE0\xBA\xC5,\xD0\xD5\xC3\xFB", "\xD5\xC5\xC8\xFD",
		  "ERR:t.csv:21: byte 5 of the line cannot be decoded as GB18030", ENC_GB18030 },
		/* ASCII until then: neither. */
		{ "household_id,name", "Zhang",
		  "ERR:t.csv:21: byte 5 of the line cannot be decoded as GB18030", ENC_GB18030 },
	};

	for (size_t f = 0; f < 3; f++)
		for (size_t i = 0; i < 3; i++) {
			enum csv_encoding enc;
			size_t n;
			char *s = stray_byte_file(files[f].head, files[f].name, &n);
			char *got = parse_chunked(s, n, chunks[i], &enc);

			ck_assert_msg(strncmp(got, files[f].want, strlen(files[f].want)) == 0,
			    "file %zu chunk %zu: %s", f, chunks[i], got);
			ck_assert_int_eq(enc, files[f].enc);
			free(got);
			free(s);
		}
}
END_TEST

/* GBK files are still GBK: all the Chinese text in GBK, at any chunk size,
 * including names that happen to be valid UTF-8 byte pairs. */
START_TEST(gbk_still_detected)
{
	/* 户编号,姓名\n H1,张三\n H2,李四\n H3,王五\n H4,刘芳 in GBK; 刘 (C1 F5)
	 * and 芳 (B7 BC) are not UTF-8, 李 (C0 EE) neither. */
	static const char gbk[] = "\xBB\xA7\xB1\xE0\xBA\xC5,\xD0\xD5\xC3\xFB\n"
	    "H1,\xD5\xC5\xC8\xFD\nH2,\xC0\xEE\xCB\xC4\nH3,\xCD\xF5\xCE\xE5\n"
	    "H4,\xC1\xF5\xB7\xBC\n";

	for (size_t i = 0; i < 3; i++) {
		enum csv_encoding enc;
		char *got = parse_chunked(gbk, sizeof gbk - 1, chunks[i], &enc);

		ck_assert_str_eq(got, "1:户编号|姓名\n2:H1|张三\n3:H2|李四\n4:H3|王五\n5:H4|刘芳\n");
		ck_assert_int_eq(enc, ENC_GB18030);
		free(got);
	}
}
END_TEST

/* A record within the limits is read whole, whatever the chunks; one
 * byte more is an error at the line where the record starts. A line
 * longer than the reader holds is fed in pieces that never cut a
 * character. */
START_TEST(record_limits)
{
	size_t n = CSVIN_CELL_MAX + 16, sizes[] = { 4099, 65537, 0 };
	char *s = xmalloc(n + 64), *got;
	size_t len;

	/* "a\n" then a line of three-byte characters, 1,048,575 bytes */
	memcpy(s, "a\n", 2);
	len = 2;
	for (size_t i = 0; i < CSVIN_CELL_MAX / 3; i++, len += 3)
		memcpy(s + len, "\xE8\xB0\x83", 3);
	s[len++] = '\n';
	for (size_t k = 0; k < 3; k++) {
		struct collect c = { xstrdup(""), 0, 1 };
		struct csvin *in = csvin_open_mem("t.csv", s, len, ENC_AUTO);

		if (sizes[k] > 0)
			csvin_set_chunk(in, sizes[k]);
		ck_assert_int_eq(csvin_read(in, collect_row, &c), 0);
		ck_assert_uint_eq(strlen(c.s), 4 + 2 + CSVIN_CELL_MAX / 3 * 3 + 1);
		ck_assert(memcmp(c.s + 6 + CSVIN_CELL_MAX / 3 * 3 - 3, "\xE8\xB0\x83\n", 4) == 0);
		free(c.s);
		csvin_close(in);
	}
	/* exactly 1 MiB in one cell, then one byte more */
	memset(s + 2, 'x', CSVIN_CELL_MAX);
	s[2 + CSVIN_CELL_MAX] = '\n';
	got = parse_enc(s, 3 + CSVIN_CELL_MAX, ENC_AUTO);
	ck_assert_uint_eq(strlen(got), 4 + 2 + CSVIN_CELL_MAX + 1);
	free(got);
	memcpy(s, "a\n\"", 3);
	memset(s + 3, 'x', CSVIN_CELL_MAX + 1);
	memcpy(s + 4 + CSVIN_CELL_MAX, "\"\n", 2);
	got = parse_enc(s, 6 + CSVIN_CELL_MAX, ENC_AUTO);
	ck_assert_str_eq(got, "ERR:t.csv:2: cell too long: a cell of this record "
	    "holds more than 1 MiB (is a quote left open?)");
	free(got);
	free(s);
}
END_TEST

Suite *
suite_csvin(void)
{
	Suite *s = suite_create("csvin");
	TCase *t = tcase_create("core");

	tcase_set_timeout(t, 30);
	tcase_add_test(t, rfc4180);
	tcase_add_test(t, trimmed_cells);
	tcase_add_test(t, bom);
	tcase_add_test(t, gb18030);
	tcase_add_test(t, gb18030_across_chunks);
	tcase_add_test(t, refused_input);
	tcase_add_test(t, big_field);
	tcase_add_test(t, empty_gb18030);
	tcase_add_test(t, any_chunk_size);
	tcase_add_test(t, encoding_names);
	tcase_add_test(t, callback_stops);
	tcase_add_test(t, truncated_utf8_character);
	tcase_add_test(t, stray_byte_at_its_line);
	tcase_add_test(t, gbk_still_detected);
	tcase_add_test(t, record_limits);
	suite_add_tcase(s, t);
	return s;
}
