#include <stdio.h>
#include <string.h>

#include "io/csvout.h"
#include "stages/notice.h"
#include "stages/stats.h"

int
stats_registered(enum status s)
{
	return s == STATUS_NEW || s == STATUS_CONTINUING || s == STATUS_RETURNED;
}

void
stats_household(struct stats *s, enum status st, int attribute, int cause,
    long long people)
{
	s->status[st][0]++;
	s->status[st][1] += people;
	if (!stats_registered(st))
		return;
	if (attribute >= 0 && attribute < 3) {
		s->attribute[attribute][0]++;
		s->attribute[attribute][1] += people;
	}
	if (cause >= 0 && cause < 12) {
		s->cause[cause][0]++;
		s->cause[cause][1] += people;
	}
}

void
stats_person(struct stats *s, enum status st, int labor, int health)
{
	if (!stats_registered(st))
		return;
	s->labor[labor >= 0 && labor < STATS_LABOR - 1 ? labor : STATS_LABOR - 1]++;
	s->health[health >= 0 && health < STATS_HEALTH - 1 ? health : STATS_HEALTH - 1]++;
}

void
stats_add(struct stats *to, const struct stats *from)
{
	for (int i = 0; i < 3; i++)
		for (int k = 0; k < 2; k++)
			to->attribute[i][k] += from->attribute[i][k];
	for (int i = 0; i < 12; i++)
		for (int k = 0; k < 2; k++)
			to->cause[i][k] += from->cause[i][k];
	for (int i = 0; i < NSTATUSES; i++)
		for (int k = 0; k < 2; k++)
			to->status[i][k] += from->status[i][k];
	for (int i = 0; i < STATS_LABOR; i++)
		to->labor[i] += from->labor[i];
	for (int i = 0; i < STATS_HEALTH; i++)
		to->health[i] += from->health[i];
}

static void
row(struct csvout *w, const char *dim, const char *value, long long households,
    long long people, int has_households)
{
	csvout_str(w, dim);
	csvout_str(w, value);
	if (has_households)
		csvout_int(w, households);
	else
		csvout_str(w, "");
	csvout_int(w, people);
	csvout_end(w);
}

void
stats_write_csv(const struct stats *s, const struct stats_left_out *left,
    size_t nleft, struct outfile *out)
{
	static const char *const header[] = { "dimension", "value", "households", "people" };
	struct csvout w;

	csvout_init(&w, out, CSVOUT_HUMAN);
	csvout_bom(&w);
	csvout_row(&w, header, 4);
	for (int i = 0; i < 3; i++)
		row(&w, "attribute", enum_code(&enum_attribute, i), s->attribute[i][0],
		    s->attribute[i][1], 1);
	for (int i = 0; i < 12; i++)
		row(&w, "main_cause", enum_code(&enum_cause, i), s->cause[i][0],
		    s->cause[i][1], 1);
	for (int i = 0; i < NSTATUSES; i++)
		row(&w, "status", enum_code(&enum_status, i), s->status[i][0],
		    s->status[i][1], 1);
	for (int i = 0; i < STATS_LABOR; i++)
		row(&w, "labor", i < 3 ? enum_code(&enum_labor, i) : "unknown", 0,
		    s->labor[i], 0);
	for (int i = 0; i < STATS_HEALTH; i++)
		row(&w, "health", i < 4 ? enum_code(&enum_health, i) : "unknown", 0,
		    s->health[i], 0);
	for (size_t i = 0; i < nleft; i++) {
		csvout_str(&w, left[i].why);
		csvout_str(&w, left[i].code);
		csvout_str(&w, "");
		csvout_str(&w, "");
		csvout_end(&w);
	}
}

static void
svg_text(struct outfile *out, const char *s)
{
	html_text(out, s);
}

static void
label_of(const struct enum_def *def, int i, enum lang lang, char *buf, size_t n)
{
	size_t len;
	const char *l = enum_label(def, i, &len);

	if (lang == LANG_EN) {
		snprintf(buf, n, "%s", def->values[i].code);
		return;
	}
	snprintf(buf, n, "%.*s", (int)len, l);
}

/* One panel: a title and a pair of bars (households, people) per value. */
static double
panel(struct outfile *out, double y, const char *title, const struct enum_def *def,
    const long long (*v)[2], int n, long long max, enum lang lang)
{
	const double x0 = 150, width = 560, bar = 11;

	outfile_printf(out, "<text x=\"10\" y=\"%.0f\" class=\"h\">", y + 16);
	svg_text(out, title);
	outfile_puts(out, "</text>\n");
	y += 28;
	for (int i = 0; i < n; i++) {
		char label[128];
		double wh = max > 0 ? width * (double)v[i][0] / (double)max : 0;
		double wp = max > 0 ? width * (double)v[i][1] / (double)max : 0;

		label_of(def, i, lang, label, sizeof label);
		outfile_printf(out, "<text x=\"%.0f\" y=\"%.0f\" class=\"l\">", x0 - 8, y + 17);
		svg_text(out, label);
		outfile_puts(out, "</text>\n");
		outfile_printf(out, "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.1f\" height=\"%.0f\" class=\"hh\"/>"
		    "<text x=\"%.1f\" y=\"%.0f\" class=\"n\">%lld</text>\n",
		    x0, y, wh, bar, x0 + wh + 4, y + 10, v[i][0]);
		outfile_printf(out, "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.1f\" height=\"%.0f\" class=\"pp\"/>"
		    "<text x=\"%.1f\" y=\"%.0f\" class=\"n\">%lld</text>\n",
		    x0, y + bar + 1, wp, bar, x0 + wp + 4, y + 2 * bar + 1, v[i][1]);
		y += 2 * bar + 8;
	}
	return y + 10;
}

void
stats_write_svg(const struct stats *s, const char *title, enum lang lang,
    struct outfile *out)
{
	long long max = 1;
	double y = 40, height;
	int zh = lang != LANG_EN;

	for (int i = 0; i < 12; i++)
		for (int k = 0; k < 2; k++)
			if (s->cause[i][k] > max)
				max = s->cause[i][k];
	for (int i = 0; i < 3; i++)
		for (int k = 0; k < 2; k++)
			if (s->attribute[i][k] > max)
				max = s->attribute[i][k];
	height = 40 + 28 + 12 * 30 + 10 + 28 + 3 * 30 + 10 + 40;
	outfile_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"800\" "
	    "height=\"%.0f\" viewBox=\"0 0 800 %.0f\" font-family=\"Noto Sans CJK SC, "
	    "Source Han Sans SC, WenQuanYi Zen Hei, WenQuanYi Micro Hei, Microsoft "
	    "YaHei, PingFang SC, SimSun, sans-serif\">\n", height, height);
	outfile_puts(out, "<style>text{font-size:12px;fill:#000}.t{font-size:18px;"
	    "font-weight:bold}.h{font-size:14px;font-weight:bold}.l{text-anchor:end}"
	    ".n{font-size:10px}.hh{fill:#3b6ea5}.pp{fill:#e0a030}</style>\n");
	outfile_puts(out, "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
	outfile_puts(out, "<text x=\"10\" y=\"24\" class=\"t\">");
	svg_text(out, title);
	outfile_puts(out, "</text>\n");
	outfile_printf(out, "<rect x=\"560\" y=\"12\" width=\"12\" height=\"12\" class=\"hh\"/>"
	    "<text x=\"578\" y=\"22\">%s</text>", zh ? "户数" : "households");
	outfile_printf(out, "<rect x=\"660\" y=\"12\" width=\"12\" height=\"12\" class=\"pp\"/>"
	    "<text x=\"678\" y=\"22\">%s</text>\n", zh ? "人数" : "people");
	y = panel(out, y, zh ? "按主要致贫原因" : "By main cause of poverty",
	    &enum_cause, (const long long (*)[2])s->cause, 12, max, lang);
	panel(out, y, zh ? "按贫困户属性" : "By household attribute",
	    &enum_attribute, (const long long (*)[2])s->attribute, 3, max, lang);
	outfile_puts(out, "</svg>\n");
}
