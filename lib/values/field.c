#include <string.h>

#include "base/strbuf.h"
#include "values/date.h"
#include "values/field.h"
#include "values/money.h"
#include "values/problems.h"
#include "values/text.h"

#define B(name_, type_, codes_, zh, al) { .name = name_, .type = type_, .builtin = 1, .codes = codes_, .title_zh = zh, .aliases = al }
#define FREE(name_, zh, al) { .name = name_, .type = FT_TEXT, .builtin = 1, .free_text = 1, .redeclarable = 1, .title_zh = zh, .aliases = al }
#define OPEN(name_, zh, al) { .name = name_, .type = FT_TEXT, .builtin = 1, .redeclarable = 1, .title_zh = zh, .aliases = al }
#define COMPUTED(name_, type_, zh, al) { .name = name_, .type = type_, .builtin = 1, .computed = 1, .title_zh = zh, .aliases = al }
/* A confidential column a village may add: text, never written to a file
 * for people. */
#define SECRET(name_, zh, al) { .name = name_, .type = FT_TEXT, .builtin = 1, .redeclarable = 1, .confidential = 1, .title_zh = zh, .aliases = al }

/* The column catalogue: every column of SPEC §3, the computed fields and
 * the confidential columns a village may add — name, type, Chinese title,
 * the headers it is known by (rules/columns.yaml lists the same; a test
 * compares them), and whether it is confidential. The header aliases
 * (rules/columns), the export's titles and the rules' built-in types all
 * come from here. */
static const struct field builtins[] = {
	/* people: applications.csv, applicants.csv, registry/members.csv */
	B("village_code", FT_TEXT, NULL, "村代码", "村代码|行政区划代码|村编码"),
	B("household_id", FT_TEXT, NULL, "户编号", "户编号|户号|家庭编号"),
	B("name", FT_TEXT, NULL, "姓名", "姓名"),
	B("id_number", FT_TEXT, NULL, "身份证号", "身份证号|身份证号码|公民身份号码|证件号码"),
	B("relation", FT_CODE, &enum_relation, "与户主关系", "与户主关系"),
	B("sex", FT_CODE, &enum_sex, "性别", "性别"),
	B("birth_date", FT_DATE, NULL, "出生日期", "出生日期"),
	B("health", FT_CODE, &enum_health, "健康状况", "健康状况"),
	B("labor", FT_CODE, &enum_labor, "劳动能力", "劳动能力|劳动技能"),
	B("education", FT_CODE, &enum_education, "文化程度", "文化程度"),
	B("in_school", FT_CODE, &enum_in_school, "在校生状况", "在校生状况|在校生情况"),
	OPEN("occupation", "职业", "职业|职业身份"),
	{ .name = "phone", .type = FT_TEXT, .builtin = 1, .confidential = 1,
	  .title_zh = "联系电话", .aliases = "联系电话|电话|手机|手机号|手机号码" },
	OPEN("group", "村民小组", "村民小组|小组|组别"),
	B("apply_date", FT_DATE, NULL, "申请日期", "申请日期"),
	FREE("declared_reason", "申请理由", "申请理由"),
	B("source", FT_CODE, &enum_source, "来源", "来源"),
	/* confidential columns a village adds (with phone above) */
	SECRET("bank_account", "银行卡号", "银行卡号|银行账号|银行帐号|开户账号|开户帐号|银行卡号码"),
	SECRET("health_detail", "病情", "病情|诊断|疾病名称|病种|健康状况详情"),
	/* survey.csv */
	B("survey_date", FT_DATE, NULL, "调查日期", "调查日期|入户调查日期"),
	B("surveyors", FT_TEXT, NULL, "调查人", "调查人|调查人员"),
	B("wage_income", FT_MONEY, NULL, "工资性收入", "工资性收入"),
	B("business_income", FT_MONEY, NULL, "生产经营性收入", "生产经营性收入|经营性收入"),
	B("property_income", FT_MONEY, NULL, "财产性收入", "财产性收入"),
	B("transfer_income", FT_MONEY, NULL, "转移性收入", "转移性收入"),
	B("housing", FT_CODE, &enum_housing, "住房情况", "住房情况|住房安全"),
	B("drinking_water", FT_CODE, &enum_drinking_water, "饮水安全", "饮水安全|饮水情况"),
	B("dibao", FT_YES_NO, &enum_yes_no, "是否低保", "是否低保|享受低保"),
	B("main_cause", FT_CODE, &enum_cause, "主要致贫原因", "主要致贫原因"),
	/* household lists */
	B("head_name", FT_TEXT, NULL, "户主姓名", "户主姓名"),
	B("head_id_number", FT_TEXT, NULL, "户主身份证号", "户主身份证号|户主身份证号码"),
	B("poverty_line", FT_MONEY, NULL, "扶贫标准", "扶贫标准|贫困线"),
	B("decision", FT_CODE, &enum_decision, "结论", "结论"),
	B("reasons", FT_TEXT, NULL, "原因", "原因"),
	B("votes_for", FT_NUMBER, NULL, "赞成票", "赞成票|同意票数"),
	B("votes_against", FT_NUMBER, NULL, "反对票", "反对票|反对票数"),
	B("votes_abstain", FT_NUMBER, NULL, "弃权票", "弃权票|弃权票数"),
	B("rank", FT_NUMBER, NULL, "排序", "排序"),
	B("objections", FT_NUMBER, NULL, "异议数", "异议数"),
	/* the registry */
	B("attribute", FT_CODE, &enum_attribute, "贫困户属性", "贫困户属性"),
	B("other_causes", FT_TEXT, NULL, "其他致贫原因", "其他致贫原因"),
	B("status", FT_CODE, &enum_status, "状态", "状态"),
	B("year", FT_NUMBER, NULL, "年度", "年度"),
	B("registered_since", FT_NUMBER, NULL, "首次建档年度", "首次建档年度"),
	B("exited_year", FT_NUMBER, NULL, "退出年度", "退出年度"),
	/* objections.csv */
	B("about", FT_TEXT, NULL, "反映对象", "反映对象|被反映人"),
	B("received", FT_DATE, NULL, "受理日期", "受理日期|收到日期"),
	B("kind", FT_CODE, &enum_objection_kind, "异议类型", "异议类型|异议类别"),
	FREE("summary", "反映内容", "反映内容|异议内容"),
	B("outcome", FT_CODE, &enum_objection_outcome, "处理结果", "处理结果|处理意见"),
	B("decided", FT_DATE, NULL, "处理日期", "处理日期"),
	B("decided_by", FT_TEXT, NULL, "处理人", "处理人|处理单位"),
	/* a town's villages.csv */
	B("population", FT_NUMBER, NULL, "户籍人口", "户籍人口|人口数|总人口"),
	B("households", FT_NUMBER, NULL, "户数", "户数|户籍户数|总户数"),
	B("key_village", FT_YES_NO, &enum_yes_no, "重点村", "重点村|贫困村|是否贫困村|是否重点村|重点贫困村"),
	B("quota", FT_NUMBER, NULL, "规模", "规模|贫困人口规模|规模指标"),
	B("town_start", FT_DATE, NULL, "乡镇公示开始日期", "乡镇公示开始日期|乡镇公示开始"),
	B("town_end", FT_DATE, NULL, "乡镇公示结束日期", "乡镇公示结束日期|乡镇公示结束"),
	B("town_closed", FT_DATE, NULL, "乡镇公示办结日期", "乡镇公示办结日期|乡镇公示办结|乡镇公示关闭日期"),
	B("previous_code", FT_TEXT, NULL, "上年村代码", "上年村代码|原村代码"),
	B("posted_village", FT_TEXT, NULL, "村级公示指纹", "村级公示指纹|村公示指纹"),
	B("posted_town", FT_TEXT, NULL, "乡镇公示指纹", "乡镇公示指纹"),
	/* computed */
	COMPUTED("members", FT_NUMBER, "家庭人口", "家庭人口|家庭人口数"),
	COMPUTED("per_capita_income", FT_MONEY, "人均纯收入", "人均纯收入|人均收入"),
	COMPUTED("age", FT_NUMBER, "年龄", NULL),
};

/* The columns of the files tpa writes about its work — rejects, audit
 * findings, statistics, provenance, the sample, resurvey lists — with
 * their types and Chinese titles. They head no input: field_report()
 * finds them, field_builtin() and the header aliases do not. */
#define R(name_, type_, codes_, zh) { .name = name_, .type = type_, .codes = codes_, .title_zh = zh }
static const struct field reports[] = {
	R("stage", FT_CODE, &enum_stage, "环节"),
	R("file", FT_TEXT, NULL, "文件"),
	R("line", FT_NUMBER, NULL, "行号"),
	R("field", FT_TEXT, NULL, "项目"),
	R("code", FT_CODE, &enum_problem, "问题"),
	R("message", FT_TEXT, NULL, "说明"),
	R("severity", FT_CODE, &enum_severity, "级别"),
	R("detail", FT_TEXT, NULL, "说明"),
	R("level", FT_CODE, &enum_level, "层级"),
	R("dimension", FT_TEXT, NULL, "分类"),
	R("value", FT_TEXT, NULL, "类别"),
	R("people", FT_NUMBER, NULL, "人数"),
	R("output", FT_TEXT, NULL, "输出文件"),
	R("sha256", FT_TEXT, NULL, "SHA-256"),
	R("tool_version", FT_TEXT, NULL, "程序版本"),
	R("rules", FT_TEXT, NULL, "规则文件"),
	R("rules_sha256", FT_TEXT, NULL, "规则SHA-256"),
	R("inputs", FT_TEXT, NULL, "输入文件"),
	R("stratum", FT_TEXT, NULL, "抽样层"),
	R("stratum_households", FT_NUMBER, NULL, "该层户数"),
	R("drawn", FT_NUMBER, NULL, "抽取户数"),
	R("inclusion_probability", FT_NUMBER, NULL, "入样概率"),
	R("why", FT_TEXT, NULL, "抽查原因"),
	R("verify", FT_TEXT, NULL, "入户核对"),
};

const struct field *
field_report(const char *name)
{
	for (size_t i = 0; i < sizeof reports / sizeof reports[0]; i++)
		if (strcmp(reports[i].name, name) == 0)
			return &reports[i];
	return NULL;
}

const struct field *
field_catalogue(size_t *n)
{
	*n = sizeof builtins / sizeof builtins[0];
	return builtins;
}

const struct field *
field_builtin(const char *name)
{
	for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
		if (strcmp(builtins[i].name, name) == 0)
			return &builtins[i];
	return NULL;
}

const struct enum_def *
field_codes(const struct field *f)
{
	if (f->type == FT_YES_NO)
		return f->codes != NULL ? f->codes : &enum_yes_no;
	return f->type == FT_CODE ? f->codes : NULL;
}

static const char *const type_names[NFTYPES] = { "text", "yes_no", "number",
	"money", "date", "code" };

const char *
ftype_name(enum ftype t)
{
	return type_names[t];
}

int
ftype_parse(const char *s, enum ftype *t)
{
	for (int i = 0; i < NFTYPES; i++)
		if (strcmp(type_names[i], s) == 0) {
			*t = (enum ftype)i;
			return 0;
		}
	return -1;
}

#define MICRO 1000000LL
#define NUMBER_MAX (INT64_MAX / 10)

int
number_parse(const char *s, size_t n, int64_t *micro)
{
	const char *end = s + n;
	long long v;
	int neg = 0;

	if (s < end && (*s == '-' || *s == '+')) {
		neg = *s == '-';
		s++;
	}
	if (decimal_parse(s, end, 6, NUMBER_MAX / MICRO, &v) != 0)
		return -1;
	*micro = neg ? -v : v;
	return 0;
}

const char *
number_format(char buf[FIELD_BUF], int64_t micro)
{
	uint64_t a = micro < 0 ? 0ULL - (uint64_t)micro : (uint64_t)micro;
	uint64_t whole = a / MICRO, frac = a % MICRO;
	char digits[8];
	int o = 0, nd = 6;

	if (micro < 0)
		buf[o++] = '-';
	{
		char tmp[24];
		int k = 0;

		do {
			tmp[k++] = (char)('0' + whole % 10);
			whole /= 10;
		} while (whole > 0);
		while (k > 0)
			buf[o++] = tmp[--k];
	}
	if (frac > 0) {
		for (int i = 5; i >= 0; i--) {
			digits[i] = (char)('0' + frac % 10);
			frac /= 10;
		}
		while (nd > 0 && digits[nd - 1] == '0')
			nd--;
		buf[o++] = '.';
		memcpy(buf + o, digits, (size_t)nd);
		o += nd;
	}
	buf[o] = '\0';
	return buf;
}

/* yes_no: the codes and labels of enum_yes_no, any ASCII case. */
static int
yes_no(const char *s, size_t n)
{
	int i = enum_lookup(&enum_yes_no, s, n);

	return i < 0 ? -1 : i == 0;
}

enum field_status
field_parse(const struct field *f, const char *s, size_t n, int year,
    int64_t *v, const char **norm, size_t *normlen, char buf[FIELD_BUF])
{
	char small[4 * FIELD_BUF];      /* a full-width form is 3 bytes a character */
	const char *t = s;
	size_t k = n;
	int i;
	long days;
	long long fen;

	if (n == 0)
		return FIELD_EMPTY;
	/* Control characters: a value of a typed field never holds one, so
	 * they are looked for only in text and where the parse failed. */
	if (f->type == FT_TEXT && text_control(s, n, f->free_text) >= 0)
		return FIELD_CONTROL;
	*v = 0;
	*norm = s;
	*normlen = n;
	if (f->type == FT_TEXT)
		return FIELD_OK;
	if (f->type == FT_CODE) {
		if ((i = enum_lookup(f->codes, s, n)) >= 0) {
			*v = i;
			*norm = f->codes->values[i].code;
			*normlen = strlen(*norm);
			return FIELD_OK;
		}
		if (text_control(s, n, 0) >= 0)
			return FIELD_CONTROL;
		if (!f->other_allow)
			return FIELD_BAD;
		*v = -1;
		return FIELD_OTHER;
	}
	/* Numbers, money, dates and yes/no: full-width forms read as ASCII. */
	if (n < sizeof small && text_has_wide_forms(s, n)) {
		k = text_fold_width(s, n, small);
		t = small;
	}
	switch (f->type) {
	case FT_YES_NO:
		if ((i = yes_no(t, k)) < 0)
			goto bad;
		*v = i;
		*norm = i ? "yes" : "no";
		break;
	case FT_NUMBER:
		if (number_parse(t, k, v) != 0)
			goto bad;
		*norm = number_format(buf, *v);
		break;
	case FT_MONEY:
		if (money_parse(t, k, &fen) != 0)
			goto bad;
		*v = fen;
		*norm = money_format(buf, fen);
		break;
	case FT_DATE:
		if ((i = date_parse(t, k, year, &days)) == DATE_SHORT_YEAR)
			return FIELD_SHORT_YEAR;
		if (i != 0)
			goto bad;
		*v = days;
		*norm = date_format(buf, days);
		break;
	default:
		goto bad;
	}
	*normlen = strlen(*norm);
	return FIELD_OK;
bad:
	return text_control(s, n, 0) >= 0 ? FIELD_CONTROL : FIELD_BAD;
}

const char *
field_format(const struct field *f, int64_t v, char buf[FIELD_BUF])
{
	switch (f->type) {
	case FT_YES_NO: return v ? "yes" : "no";
	case FT_NUMBER: return number_format(buf, v);
	case FT_MONEY: return money_format(buf, v);
	case FT_DATE: return date_format(buf, (long)v);
	case FT_CODE:
		if (v >= 0 && (size_t)v < f->codes->count)
			return f->codes->values[v].code;
		return "";
	default: return "";
	}
}

void
field_describe(const struct field *f, int zh, struct strbuf *b)
{
	switch (f->type) {
	case FT_TEXT:
		strbuf_puts(b, zh ? "不含控制字符的文字" : f->free_text ? "text" :
		    "text without control characters");
		break;
	case FT_YES_NO:
		strbuf_puts(b, zh ? "是或否（是/否、有/无、√/×、y/n、true/false、1/0）" :
		    "yes or no (是/否, 有/无, √/×, y/n, true/false, 1/0)");
		break;
	case FT_NUMBER:
		strbuf_puts(b, zh ? "数字（如3或2.5）" : "a number (like 3 or 2.5)");
		break;
	case FT_MONEY:
		strbuf_puts(b, zh ? "以元为单位的金额（如1200或1,200.50）" :
		    "an amount in yuan (like 1200 or 1,200.50)");
		break;
	case FT_DATE:
		strbuf_puts(b, zh ? "日期（如2015-05-23、2015/5/23、2015.5.23或2015年5月23日）" :
		    "a date (2015-05-23, 2015/5/23, 2015.5.23 or 2015年5月23日)");
		break;
	case FT_CODE:
		strbuf_puts(b, zh ? "以下之一：" : "one of: ");
		enum_describe(f->codes, b);
		break;
	default:
		break;
	}
}

const char *const income_part_names[4] = { "wage_income", "business_income",
	"property_income", "transfer_income" };

int
income_part(const char *name)
{
	for (int k = 0; k < 4; k++)
		if (strcmp(name, income_part_names[k]) == 0)
			return k;
	return -1;
}
