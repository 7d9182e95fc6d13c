#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "rules/columns.h"
#include "base/alloc.h"
#include "base/strmap.h"
#include "values/text.h"
#include "rules/yamldoc.h"

/* Built-in Chinese headers, as Excel/WPS registers have them. Keep in step
 * with rules/columns.yaml (a test compares the two). */
static const struct { const char *canonical, *aliases; } builtin[] = {
	{ "village_code", "村代码|行政区划代码|村编码" },
	{ "household_id", "户编号|户号|家庭编号" },
	{ "name", "姓名" },
	{ "id_number", "身份证号|身份证号码|公民身份号码|证件号码" },
	{ "relation", "与户主关系" },
	{ "sex", "性别" },
	{ "birth_date", "出生日期" },
	{ "health", "健康状况" },
	{ "labor", "劳动能力|劳动技能" },
	{ "education", "文化程度" },
	{ "in_school", "在校生状况|在校生情况" },
	{ "occupation", "职业|职业身份" },
	{ "phone", "联系电话|电话" },
	{ "group", "村民小组|小组|组别" },
	{ "apply_date", "申请日期" },
	{ "declared_reason", "申请理由" },
	{ "source", "来源" },
	{ "survey_date", "调查日期|入户调查日期" },
	{ "surveyors", "调查人|调查人员" },
	{ "wage_income", "工资性收入" },
	{ "business_income", "生产经营性收入|经营性收入" },
	{ "property_income", "财产性收入" },
	{ "transfer_income", "转移性收入" },
	{ "housing", "住房情况|住房安全" },
	{ "drinking_water", "饮水安全|饮水情况" },
	{ "dibao", "是否低保|享受低保" },
	{ "main_cause", "主要致贫原因" },
	{ "votes_for", "赞成票|同意票数" },
	{ "votes_against", "反对票|反对票数" },
	{ "votes_abstain", "弃权票|弃权票数" },
	/* objections.csv */
	{ "about", "反映对象|被反映人" },
	{ "received", "受理日期|收到日期" },
	{ "kind", "异议类型|异议类别" },
	{ "summary", "反映内容|异议内容" },
	{ "outcome", "处理结果|处理意见" },
	{ "decided", "处理日期" },
	{ "decided_by", "处理人|处理单位" },
	/* the lists and the registry */
	{ "head_name", "户主姓名" },
	{ "head_id_number", "户主身份证号|户主身份证号码" },
	{ "members", "家庭人口|家庭人口数" },
	{ "per_capita_income", "人均纯收入|人均收入" },
	{ "poverty_line", "扶贫标准|贫困线" },
	{ "decision", "结论" },
	{ "reasons", "原因" },
	{ "rank", "排序" },
	{ "objections", "异议数" },
	{ "attribute", "贫困户属性" },
	{ "other_causes", "其他致贫原因" },
	{ "status", "状态" },
	{ "year", "年度" },
	{ "registered_since", "首次建档年度" },
	{ "exited_year", "退出年度" },
};

struct alias {
	char *canonical;
	char *alias;
};

struct column_aliases {
	struct alias *list;
	size_t n, cap;
};

static void
add(struct column_aliases *a, const char *canonical, const char *alias,
    size_t alias_len)
{
	xgrow(&a->list, &a->cap, a->n + 1, sizeof *a->list);
	a->list[a->n].canonical = xstrdup(canonical);
	a->list[a->n].alias = xstrndup(alias, alias_len);
	a->n++;
}

struct column_aliases *
aliases_new(void)
{
	struct column_aliases *a = xcalloc(1, sizeof *a);

	for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++) {
		const char *s = builtin[i].aliases;

		while (*s != '\0') {
			size_t k = strcspn(s, "|");

			add(a, builtin[i].canonical, s, k);
			s += k + (s[k] == '|');
		}
	}
	return a;
}

static int
name_ok(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || *s == '_'))
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return 0;
	return 1;
}

int
aliases_load(struct column_aliases *a, const char *path, char *err, size_t errlen)
{
	struct yamldoc d;
	yaml_node_t *root;
	int rc = -1;

	if (yamldoc_load(&d, path) != 0)
		goto out;
	root = yamldoc_root(&d);
	if (root == NULL) {
		rc = 0;
		goto out;
	}
	if (root->type != YAML_MAPPING_NODE) {
		yamldoc_error(&d, root, _("expected canonical-name: [aliases]"));
		goto out;
	}
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
	    p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(&d.doc, p->key);
		yaml_node_t *v = yaml_document_get_node(&d.doc, p->value);
		const char *canonical = (const char *)k->data.scalar.value, *s;

		if (!name_ok(canonical)) {
			yamldoc_error(&d, k, _("\"%s\" is not a column name (a-z, 0-9, _)"), canonical);
			goto out;
		}
		if (v->type == YAML_SEQUENCE_NODE) {
			for (yaml_node_item_t *it = v->data.sequence.items.start;
			    it < v->data.sequence.items.top; it++) {
				yaml_node_t *item = yaml_document_get_node(&d.doc, *it);

				if (yamldoc_string(&d, item, &s) != 0)
					goto out;
				add(a, canonical, s, strlen(s));
			}
		} else {
			if (yamldoc_string(&d, v, &s) != 0)
				goto out;
			add(a, canonical, s, strlen(s));
		}
	}
	rc = 0;
out:
	if (rc != 0)
		snprintf(err, errlen, "%s", d.err);
	yamldoc_free(&d);
	return rc;
}

void
aliases_free(struct column_aliases *a)
{
	if (a == NULL)
		return;
	for (size_t i = 0; i < a->n; i++) {
		free(a->list[i].canonical);
		free(a->list[i].alias);
	}
	free(a->list);
	free(a);
}

const char *
aliases_canonical(const struct column_aliases *a, const char *s, size_t n)
{
	for (size_t i = 0; i < a->n; i++)
		if (text_ieq(s, n, a->list[i].canonical) ||
		    text_ieq(s, n, a->list[i].alias))
			return a->list[i].canonical;
	for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
		if (text_ieq(s, n, builtin[i].canonical))
			return builtin[i].canonical;
	return NULL;
}

const char *
aliases_first(const struct column_aliases *a, const char *canonical)
{
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->list[i].canonical, canonical) == 0)
			return a->list[i].alias;
	return "";
}

int
columns_map(struct columns *c, const struct column_aliases *a, const char *file,
    const struct csvin_row *h, const char *const *known, size_t nknown,
    char *err, size_t errlen)
{
	struct strmap seen;   /* each name once: the header hashed once */
	int rc = 0;

	memset(c, 0, sizeof *c);
	strmap_init(&seen);
	c->ncells = h->n;
	c->nknown = nknown;
	c->name = xcalloc(h->n, sizeof *c->name);
	c->slot = xcalloc(h->n, sizeof *c->slot);
	c->pos = xcalloc(nknown, sizeof *c->pos);
	for (size_t k = 0; k < nknown; k++)
		c->pos[k] = -1;
	for (size_t i = 0; i < h->n && rc == 0; i++) {
		const char *canonical = aliases_canonical(a, h->cell[i], h->len[i]);
		uint32_t *first;
		int inserted;

		c->slot[i] = -1;
		if (h->len[i] == 0)
			continue;
		c->name[i] = xstrdup(canonical ? canonical : h->cell[i]);
		first = strmap_put(&seen, c->name[i], strlen(c->name[i]), (uint32_t)i,
		    &inserted);
		if (!inserted) {
			snprintf(err, errlen, _("%s:%lu: columns %zu and %zu both "
			    "name %s"), file, h->line, (size_t)*first + 1, i + 1,
			    c->name[i]);
			rc = -1;
			break;
		}
		for (size_t k = 0; k < nknown; k++)
			if (strcmp(known[k], c->name[i]) == 0) {
				c->slot[i] = (int)k;
				c->pos[k] = (int)i;
				break;
			}
	}
	strmap_free(&seen);
	return rc;
}

int
columns_require(const struct columns *c, const struct column_aliases *a,
    const char *file, unsigned long line, const char *const *known,
    const unsigned char *required, char *err, size_t errlen)
{
	for (size_t k = 0; k < c->nknown; k++)
		if (required[k] && c->pos[k] < 0) {
			const char *zh = aliases_first(a, known[k]);

			/* TRANSLATORS: file, line, the column's name, then " (",
			 * its Chinese header and ")" when it has one. */
			snprintf(err, errlen, _("%s:%lu: required column %s%s%s%s is "
			    "missing"), file, line, known[k], *zh ? " (" : "", zh,
			    *zh ? ")" : "");
			return -1;
		}
	return 0;
}

int
columns_header(struct columns *c, const struct column_aliases *a,
    const char *file, const struct csvin_row *h, const char *const *known,
    const unsigned char *required, size_t nknown, char *err, size_t errlen)
{
	if (columns_map(c, a, file, h, known, nknown, err, errlen) != 0)
		return -1;
	return columns_require(c, a, file, h->line, known, required, err, errlen);
}

const char *
columns_cell(const struct columns *c, const struct csvin_row *row, int k,
    size_t *n)
{
	int pos = c->pos[k];
	int there = pos >= 0 && (size_t)pos < row->n;

	if (n != NULL)
		*n = there ? row->len[pos] : 0;
	return there ? row->cell[pos] : "";
}

void
columns_free(struct columns *c)
{
	for (size_t i = 0; i < c->ncells; i++)
		free(c->name[i]);
	free(c->name);
	free(c->slot);
	free(c->pos);
	memset(c, 0, sizeof *c);
}
