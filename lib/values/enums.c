#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"

#include "base/strbuf.h"
#include "values/enums.h"
#include "values/text.h"

/* Each list remembers its last answers (enum_cache): a clerk's 户主 and
 * 健康 come back on every row. */
#define DEF(name, field, table) \
	static struct enum_cache name##_cache; \
	const struct enum_def name = { field, table, sizeof table / sizeof table[0], \
	    &name##_cache }

static const struct enum_value relation[] = {
	{ "head", "户主|本人" },
	{ "spouse", "配偶|妻|夫|之妻|之夫|妻子|丈夫" },
	{ "child", "子女|子|女|之子|之女|儿子|女儿|长子|次子|长女|次女" },
	{ "child_in_law", "儿媳/女婿|儿媳|女婿|之儿媳|之女婿" },
	{ "grandchild", "孙子女|孙子|孙女|之孙子|之孙女|外孙子|外孙女" },
	{ "parent", "父母|父亲|母亲|之父|之母" },
	{ "grandparent", "祖父母|祖父|祖母|外祖父|外祖母" },
	{ "sibling", "兄弟姐妹|兄|弟|姐|妹" },
	{ "other", "其他|其它" },
};
static const struct enum_value sex[] = {
	{ "male", "男" }, { "female", "女" },
};
static const struct enum_value health[] = {
	{ "healthy", "健康" },
	{ "chronic", "长期慢性病" },
	{ "serious", "患有大病|大病" },
	{ "disabled", "残疾" },
};
static const struct enum_value labor[] = {
	{ "full", "普通劳动力|技能劳动力" },
	{ "partial", "弱劳动力或半劳动力|弱劳动力|半劳动力" },
	{ "none", "丧失劳动力|无劳动力|丧失劳动力/无劳动力" },
};
static const struct enum_value education[] = {
	{ "illiterate", "文盲或半文盲|文盲|半文盲" },
	{ "primary", "小学" },
	{ "junior", "初中" },
	{ "senior", "高中|中专" },
	{ "college", "大专及以上|大专|本科|研究生" },
};
static const struct enum_value in_school[] = {
	{ "no", "否|非在校生" },
	{ "preschool", "学前教育|学前" },
	{ "primary", "小学" },
	{ "junior", "初中" },
	{ "senior", "高中" },
	{ "vocational", "中职|高职|职业教育|中职/高职" },
	{ "college", "大专及以上|大专|本科|大学" },
};
static const struct enum_value housing[] = {
	{ "safe", "安全" },
	{ "c_grade", "C级危房|c级危房" },
	{ "d_grade", "D级危房|d级危房" },
	{ "none", "无房" },
};
static const struct enum_value drinking_water[] = {
	{ "safe", "安全" }, { "unsafe", "不安全" },
};
static const struct enum_value yes_no[] = {
	{ "yes", "是|有|y|true|1|√" }, { "no", "否|无|n|false|0|×" },
};
static const struct enum_value cause[] = {
	{ "illness", "因病" },
	{ "disability", "因残" },
	{ "education", "因学" },
	{ "disaster", "因灾" },
	{ "lack_of_land", "缺土地" },
	{ "lack_of_water", "缺水" },
	{ "lack_of_technology", "缺技术" },
	{ "lack_of_labor", "缺劳力" },
	{ "lack_of_funds", "缺资金" },
	{ "poor_transport", "交通条件落后" },
	{ "lack_of_motivation", "自身发展动力不足" },
	{ "other", "其它|其他" },
};
static const struct enum_value attribute[] = {
	{ "general", "一般贫困户" },
	{ "low_income", "低保贫困户" },
	{ "five_guarantee", "特困供养(五保)贫困户|五保贫困户|特困供养贫困户" },
};

static const struct enum_value decision[] = {
	{ "eligible", "符合条件" },
	{ "excluded", "属于排除情形" },
	{ "above_line", "收入高于标准" },
	{ "unverified", "未核实" },
	{ "proposed", "拟评为贫困户" },
	{ "voted_down", "评议未通过" },
	{ "over_quota", "超出规模" },
	{ "not_appraised", "未评议" },
	{ "confirmed", "确认" },
	{ "removed", "取消" },
	{ "pending", "待定" },
};
static const struct enum_value reason[] = {
	{ "INCOME", "人均纯收入不低于标准" },
	{ "SURVEY_MISSING", "无有效入户调查记录" },
	{ "BAD_VALUE", "调查或成员信息有误" },
	{ "VOTE", "民主评议赞成票未过半" },
	{ "SCALE", "超出规模控制" },
	{ "NO_VOTE", "未经民主评议" },
	{ "BAD_VOTE", "评议票数记录有误" },
	{ "OBJECTION", "公示异议成立" },
};
static const struct enum_value level[] = {
	{ "village", "村|村级" }, { "town", "乡镇|乡|镇" }, { "county", "县|县级" },
};
static const struct enum_value status[] = {
	{ "new", "新识别" },
	{ "continuing", "继续" },
	{ "exited", "退出" },
	{ "returned", "返贫" },
	{ "unexplained", "未说明" },
};
static const struct enum_value source[] = {
	{ "application", "申请" }, { "registry", "上年建档" },
};
static const struct enum_value objection_kind[] = {
	{ "wrongly_included", "错评|不应纳入" },
	{ "wrongly_excluded", "漏评|应纳未纳" },
	{ "data_error", "信息错误|数据错误" },
};
static const struct enum_value objection_outcome[] = {
	{ "upheld", "成立|属实" },
	{ "dismissed", "不成立|不属实" },
	{ "pending", "待定|未处理|处理中" },
};

DEF(enum_relation, "relation", relation);
DEF(enum_sex, "sex", sex);
DEF(enum_health, "health", health);
DEF(enum_labor, "labor", labor);
DEF(enum_education, "education", education);
DEF(enum_in_school, "in_school", in_school);
DEF(enum_housing, "housing", housing);
DEF(enum_drinking_water, "drinking_water", drinking_water);
DEF(enum_yes_no, "dibao", yes_no);
DEF(enum_cause, "main_cause", cause);
DEF(enum_attribute, "attribute", attribute);
DEF(enum_decision, "decision", decision);
DEF(enum_reason, "reasons", reason);
DEF(enum_level, "level", level);
DEF(enum_status, "status", status);
DEF(enum_source, "source", source);
DEF(enum_objection_kind, "kind", objection_kind);
DEF(enum_objection_outcome, "outcome", objection_outcome);

static int
label_matches(const char *labels, const char *s, size_t n)
{
	while (*labels != '\0') {
		const char *bar = strchr(labels, '|');
		size_t len = bar ? (size_t)(bar - labels) : strlen(labels);

		if (len == n && text_ieqn(labels, s, n))
			return 1;
		labels += len + (bar != NULL);
	}
	return 0;
}

static int
value_matches(const struct enum_value *v, const char *s, size_t n)
{
	return text_ieq(s, n, v->code) || label_matches(v->labels, s, n);
}

static int lookup(const struct enum_def *def, const char *s, size_t n);

int
enum_lookup(const struct enum_def *def, const char *s, size_t n)
{
	struct enum_cache *c = def->cache;
	int v;

	if (c == NULL || n == 0 || n > ENUM_CACHE_TEXT)
		return lookup(def, s, n);
	for (size_t i = 0; i < ENUM_CACHE_SLOTS; i++)
		if (c->slot[i].n == n && memcmp(c->slot[i].text, s, n) == 0)
			return c->slot[i].value;
	v = lookup(def, s, n);
	if (v >= 0) {
		unsigned i = c->next++ % ENUM_CACHE_SLOTS;

		c->slot[i].n = (unsigned char)n;
		memcpy(c->slot[i].text, s, n);
		c->slot[i].value = v;
	}
	return v;
}

static int
lookup(const struct enum_def *def, const char *s, size_t n)
{
	char small[128], *folded;
	size_t k;
	int found = -1;

	/* Lists as tpa writes them hold the codes themselves: try those first. */
	for (size_t i = 0; i < def->count; i++) {
		const char *c = def->values[i].code;
		size_t m = 0;

		/* Never past the code's end: S may hold NUL bytes. */
		while (m < n && c[m] != '\0' && c[m] == s[m])
			m++;
		if (n > 0 && m == n && c[n] == '\0')
			return (int)i;
	}
	for (size_t i = 0; i < def->count; i++)
		if (value_matches(&def->values[i], s, n))
			return (int)i;
	if (!text_has_wide_forms(s, n))
		return -1;
	/* A full-width "ＹＥＳ" or "（五保）" reads as its ASCII form. */
	folded = n < sizeof small ? small : xmalloc(n + 1);
	k = text_fold_width(s, n, folded);
	for (size_t i = 0; i < def->count && found < 0; i++)
		if (value_matches(&def->values[i], folded, k))
			found = (int)i;
	if (folded != small)
		free(folded);
	return found;
}

const char *
enum_label(const struct enum_def *def, int i, size_t *n)
{
	const char *labels = def->values[i].labels;

	if (labels == NULL || *labels == '\0') {
		*n = strlen(def->values[i].code);
		return def->values[i].code;
	}
	*n = strcspn(labels, "|");
	return labels;
}

/* The age from which a member is of working age (劳动年龄). */
enum { WORKING_AGE = 16 };

const char *
enum_labor_label(int i, int age, int school, size_t *n)
{
	static const char not_yet[] = "无劳动力";
	int none = enum_lookup(&enum_labor, "none", 4);
	int no_school = enum_lookup(&enum_in_school, "no", 2);

	if (i == none && ((age >= 0 && age < WORKING_AGE) ||
	    (school >= 0 && school != no_school))) {
		*n = sizeof not_yet - 1;
		return not_yet;
	}
	return enum_label(&enum_labor, i, n);
}

void
enum_describe(const struct enum_def *def, struct strbuf *b)
{
	for (size_t i = 0; i < def->count; i++) {
		size_t n;
		const char *label = enum_label(def, (int)i, &n);

		strbuf_printf(b, "%s%s", i ? ", " : "", def->values[i].code);
		if (label != def->values[i].code)
			strbuf_printf(b, " (%.*s)", (int)n, label);
	}
}

int
enum_lookup_hint(const struct enum_def *def, const char *s, size_t n, int *hint)
{
	int i;

	if (*hint >= 0 && (size_t)*hint < def->count &&
	    value_matches(&def->values[*hint], s, n))
		return *hint;
	if ((i = enum_lookup(def, s, n)) >= 0)
		*hint = i;
	return i;
}

const struct enum_def *
enum_for_field(const char *field)
{
	static const struct enum_def *const all[] = {
		&enum_relation, &enum_sex, &enum_health, &enum_labor,
		&enum_education, &enum_in_school, &enum_housing,
		&enum_drinking_water, &enum_yes_no, &enum_cause, &enum_attribute,
		&enum_decision, &enum_status, &enum_source, &enum_objection_kind,
		&enum_objection_outcome,
	};

	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
		if (strcmp(all[i]->field, field) == 0)
			return all[i];
	return NULL;
}

const char *
enum_codes(const struct enum_def *def, char *buf, size_t len)
{
	size_t o = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < def->count && o + 1 < len; i++) {
		size_t k = strlen(def->values[i].code);

		if (i > 0 && o + 2 < len) {
			memcpy(buf + o, ", ", 2);
			o += 2;
		}
		if (o + k >= len)
			break;
		memcpy(buf + o, def->values[i].code, k);
		o += k;
		buf[o] = '\0';
	}
	return buf;
}
