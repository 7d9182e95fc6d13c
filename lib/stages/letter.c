/* tpa-publicize letter: the decision letters (告知书), one page per
 * household. The words are the table below, zh and en side by side, each
 * pair taking the same arguments; the Chinese labels of decisions and
 * reason codes are values/enums.c's. Nothing here depends on the locale. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/strbuf.h"
#include "decide/appraisal.h"
#include "decide/objections.h"
#include "household/list.h"
#include "stages/letter.h"
#include "stages/notice.h"
#include "stages/publicize.h"
#include "stages/shell.h"
#include "io/rejects.h"
#include "io/paths.h"
#include "values/idnumber.h"
#include "values/money.h"
#include "values/text.h"

enum word {
	W_DOC_TITLE,             /* %s place, %d year */
	W_TITLE,
	W_SUBTITLE,              /* %s place, %d year, %s stage */
	W_STAGE_VILLAGE, W_STAGE_TOWN, W_STAGE_COUNTY,
	W_TO,                    /* %s head's name */
	W_HOUSEHOLD, W_GROUP, W_HEAD, W_ID, W_MEMBERS_K, W_DECISION_K,
	W_MEMBERS,               /* %lld members */
	W_H_DECISION, W_H_REASONS, W_H_NEXT, W_H_OBJECT,
	/* the decision so far, by enum decision */
	W_DEC_ELIGIBLE, W_DEC_EXCLUDED, W_DEC_ABOVE_LINE, W_DEC_UNVERIFIED,
	W_DEC_PROPOSED, W_DEC_VOTED_DOWN, W_DEC_OVER_QUOTA, W_DEC_NOT_APPRAISED,
	W_DEC_CONFIRMED, W_DEC_REMOVED, W_DEC_PENDING,
	/* on the list the level posts: %s period */
	W_ON_LIST_VILLAGE, W_ON_LIST_TOWN, W_ON_LIST_COUNTY,
	W_PERIOD,                /* %s first day, %s last day, %ld days */
	/* the income */
	W_INCOME,
	W_SUM,                   /* %s wages, %s business, %s property, %s transfers, %s total */
	W_PER,                   /* %s total, %lld members, %s per person */
	W_PCI,                   /* %s per person, %lld members */
	W_LINE,                  /* %s poverty line */
	W_MARGIN,                /* %s percent, %s line raised by it */
	W_BELOW,                 /* %s per person, %s line */
	W_NOT_BELOW,             /* %s per person, %s line */
	W_WITHIN,                /* %s per person, %s line, %s line raised */
	W_ABOVE,                 /* %s per person, %s line raised */
	W_NO_CONSIDERATION,
	/* the reasons recorded */
	W_REASONS,
	W_ITEM_EXCLUSION,        /* %s id, %s title */
	W_ITEM_CONSIDERATION,    /* %s id, %s title */
	W_ITEM_RULE,             /* %s id */
	/* the vote, the rank, the quota */
	W_MEETING,               /* %s date, %lld present */
	W_VOTES,                 /* %lld for, %lld against, %lld abstaining */
	W_PASS_RULE,             /* %lld votes needed */
	W_PASSED, W_NOT_PASSED,
	W_RANK,                  /* %lld rank */
	W_QUOTA,                 /* %lld people */
	W_IN_QUOTA, W_OVER_QUOTA,
	/* a household removed after an objection: the vote and rank then */
	W_PASSED_THEN, W_IN_QUOTA_THEN,
	/* the objections decided about the household at the levels below */
	W_OBJ_RAISED,            /* %s posting, %s kind */
	W_OBJ_SUMMARY,           /* %s summary */
	W_OBJ_UPHELD, W_OBJ_DISMISSED, W_OBJ_PENDING,
	W_OBJ_DECIDED,           /* %s date, %s by whom */
	W_OBJ_DECIDED_DATE,      /* %s date */
	W_OBJ_REMOVED, W_OBJ_RESURVEY, W_OBJ_NO_EFFECT,
	W_POSTING_VILLAGE, W_POSTING_TOWN,
	/* an application apply turned away */
	W_TO_APPLICANT,          /* %s household */
	W_APPLICANT_ID,
	W_NOT_ACCEPTED_K, W_H_PROBLEMS, W_H_BRING, W_H_CORRECT,
	W_NOT_ACCEPTED,
	W_PROBLEM_ID,            /* %lu line, %s masked ID, %s message */
	W_PROBLEM,               /* %lu line, %s message */
	W_PROBLEMS_MORE,         /* %zu problems not listed */
	W_PROBLEM_FILE_ID,       /* %s file, %lu line, %s masked ID, %s message */
	W_PROBLEM_FILE,          /* %s file, %lu line, %s message */
	W_BRING_ID, W_BRING_HOUSEHOLD, W_BRING_FORM,
	W_CORRECT,               /* %s contact */
	W_APPLICANT_RECEIPT,
	/* what happens next */
	W_NEXT_TOWN_REVIEW, W_NEXT_COUNTY_APPROVAL, W_NEXT_REGISTERED,
	W_NEXT_REGISTERED_POSTED, W_NEXT_APPRAISAL,
	W_NEXT_PENDING, W_NEXT_UNVERIFIED, W_NEXT_NONE,
	/* objecting */
	W_OBJECT,                /* %s period, %s last day, %s contact */
	W_HOTLINE,               /* %s number */
	W_DEFAULT_CONTACT,
	W_SEAL, W_RECEIPT, W_RECEIPT_DATE,
	NWORDS
};
_Static_assert(W_DEC_PENDING - W_DEC_ELIGIBLE + 1 == NDECISIONS,
    "one sentence per decision, in the order of enum decision");

static const char *const words[NWORDS][2] = {
	[W_DOC_TITLE] = { "%s%d年建档立卡贫困户识别结果告知书",
		"Identification of poor households, %s, %d: letters to the households" },
	[W_TITLE] = { "建档立卡贫困户识别结果告知书",
		"The decision on your household" },
	[W_SUBTITLE] = { "%s　%d年度　%s", "Identification of poor households, %s, %d: %s" },
	[W_STAGE_VILLAGE] = { "村级公示阶段", "publicity in the village" },
	[W_STAGE_TOWN] = { "乡镇审核公示阶段", "review and publicity by the town" },
	[W_STAGE_COUNTY] = { "县级审定公告阶段", "approval and announcement by the county" },
	[W_TO] = { "%s户：", "To the household of %s:" },
	[W_HOUSEHOLD] = { "户编号", "Household" },
	[W_GROUP] = { "村民小组", "Villager group" },
	[W_HEAD] = { "户主姓名", "Head of household" },
	[W_ID] = { "户主身份证号码", "Head's ID number" },
	[W_MEMBERS_K] = { "家庭人口", "Members" },
	[W_DECISION_K] = { "目前结果", "Decision so far" },
	[W_MEMBERS] = { "%lld人", "%lld" },
	[W_H_DECISION] = { "一、识别结果", "1. The decision so far" },
	[W_H_REASONS] = { "二、依据", "2. Why" },
	[W_H_NEXT] = { "三、下一步", "3. What happens next" },
	[W_H_OBJECT] = { "四、如有异议", "4. If you disagree" },
	[W_DEC_ELIGIBLE] = { "经农户申请和入户调查，您家符合贫困户识别条件，列入初选名单，尚待村民代表民主评议。",
		"After your application and the household survey, your household meets the conditions of a poor household and is on the primary list; the villagers' representatives have yet to appraise it." },
	[W_DEC_EXCLUDED] = { "经入户调查，您家属于不得识别为贫困户的情形，未列入初选名单。",
		"The household survey found that your household falls under a case that rules out identifying it as poor; it is not on the primary list." },
	[W_DEC_ABOVE_LINE] = { "经入户调查，您家人均纯收入不低于识别标准，未列入初选名单。",
		"The household survey found that your household's income per person is not below the standard; it is not on the primary list." },
	[W_DEC_UNVERIFIED] = { "您家的情况未能经入户调查核实，暂未列入初选名单。",
		"Your household's situation could not be verified by the household survey; it is not on the primary list for now." },
	[W_DEC_PROPOSED] = { "经农户申请、入户调查和村民代表民主评议，您家拟评为建档立卡贫困户。",
		"After your application, the household survey and the appraisal by the villagers' representatives, your household is proposed as a registered poor household." },
	[W_DEC_VOTED_DOWN] = { "经村民代表民主评议，您家未获得到会代表半数以上赞成，未列入拟评名单。",
		"At the appraisal, your household did not get the votes of more than half of the villagers' representatives present; it is not on the proposed list." },
	[W_DEC_OVER_QUOTA] = { "您家通过了村民代表民主评议，但按排序超出本村贫困人口规模，未列入拟评名单。",
		"Your household passed the appraisal, but by its rank it falls beyond the village's quota of poor people; it is not on the proposed list." },
	[W_DEC_NOT_APPRAISED] = { "您家经入户调查符合条件，但没有有效的村民代表民主评议结果，未列入拟评名单。",
		"The household survey found your household eligible, but there is no valid result of the appraisal by the villagers' representatives; it is not on the proposed list." },
	[W_DEC_CONFIRMED] = { "经公示，对您家没有成立的异议，您家确认列入建档立卡贫困户名单。",
		"After publicity, no objection against your household was upheld: it is confirmed on the list of registered poor households." },
	[W_DEC_REMOVED] = { "公示期间有人对您家提出异议，经调查核实异议成立，您家已从贫困户名单中取消。",
		"During publicity an objection was raised against your household; it was looked into and upheld, and your household was removed from the list of poor households." },
	[W_DEC_PENDING] = { "公示期间有人对您家提出异议，正在调查核实，结果待定。",
		"During publicity an objection was raised against your household; it is being looked into and the outcome is pending." },
	[W_ON_LIST_VILLAGE] = { "您家列入村级公示名单，公示期为%s。",
		"Your household is on the list the village posts from %s." },
	[W_ON_LIST_TOWN] = { "您家列入乡镇审核公示名单，公示期为%s。",
		"Your household is on the list the town posts after its review, from %s." },
	[W_ON_LIST_COUNTY] = { "您家列入县级审定公告名单，公告期为%s。",
		"Your household is on the list the county announces after its approval, from %s." },
	[W_PERIOD] = { "%s至%s（共%ld天）", "%s to %s (%ld days)" },
	[W_INCOME] = { "经入户调查核实，您家年纯收入和人均纯收入计算如下（单位：元）：",
		"The household survey found this yearly net income (in yuan):" },
	[W_SUM] = { "工资性收入 %s ＋ 生产经营性收入 %s ＋ 财产性收入 %s ＋ 转移性收入 %s ＝ 家庭纯收入 %s",
		"wages %s + business %s + property %s + transfers %s = net income %s" },
	[W_PER] = { "家庭纯收入 %s ÷ 家庭人口 %lld人 ＝ 人均纯收入 %s",
		"net income %s ÷ members %lld = income per person %s" },
	[W_PCI] = { "经入户调查核实，您家人均纯收入为%s元（家庭人口%lld人）。",
		"The household survey found an income per person of %s yuan (%lld members)." },
	[W_LINE] = { "本年度识别标准（扶贫标准）为人均纯收入%s元。",
		"This year's poverty line is %s yuan per person." },
	[W_MARGIN] = { "人均纯收入不低于标准、但不超过标准上浮%s后的%s元，且符合照顾情形的，也可识别为贫困户。",
		"With the line raised by %s, to %s yuan, a household at or above the line may still be identified when a consideration holds." },
	[W_BELOW] = { "您家人均纯收入%s元，低于标准%s元。",
		"Your household's income per person, %s yuan, is below the line of %s yuan." },
	[W_NOT_BELOW] = { "您家人均纯收入%s元，不低于标准%s元。",
		"Your household's income per person, %s yuan, is not below the line of %s yuan." },
	[W_WITHIN] = { "您家人均纯收入%s元，不低于标准%s元，但未超过%s元。",
		"Your household's income per person, %s yuan, is not below the line of %s yuan but not above %s yuan." },
	[W_ABOVE] = { "您家人均纯收入%s元，高于%s元。",
		"Your household's income per person, %s yuan, is above %s yuan." },
	[W_NO_CONSIDERATION] = { "您家不符合任何照顾情形。",
		"No consideration holds for your household." },
	[W_REASONS] = { "记录的原因：", "The reasons recorded:" },
	[W_ITEM_EXCLUSION] = { "排除情形 %s：%s", "Exclusion %s: %s" },
	[W_ITEM_CONSIDERATION] = { "照顾情形 %s：%s", "Consideration %s: %s" },
	[W_ITEM_RULE] = { "规则 %s", "Rule %s" },
	[W_MEETING] = { "%s召开村民代表会议民主评议，到会代表%lld人。",
		"The villagers' representatives met for the appraisal on %s; %lld were present." },
	[W_VOTES] = { "对您家的评议结果：赞成%lld票，反对%lld票，弃权%lld票。",
		"On your household: %lld for, %lld against, %lld abstaining." },
	[W_PASS_RULE] = { "赞成票超过到会代表半数（即至少%lld票）为通过。",
		"A household passes with the votes of more than half of those present, that is at least %lld." },
	[W_PASSED] = { "您家通过评议。", "Your household passed." },
	[W_NOT_PASSED] = { "您家未通过评议。", "Your household did not pass." },
	[W_RANK] = { "通过评议的农户按人均纯收入由低到高排序（相同的按赞成票由多到少），您家排第%lld位。",
		"The households that passed are ranked by income per person, lowest first (then by votes for, most first); your household is number %lld." },
	[W_QUOTA] = { "本村贫困人口规模为%lld人，按排序依次纳入，纳入人数不超过规模。",
		"The village's quota of poor people is %lld; households are admitted in rank order while the total stays within it." },
	[W_IN_QUOTA] = { "您家在规模之内。", "Your household is within the quota." },
	[W_OVER_QUOTA] = { "排到您家时，再纳入您家的人口将超出规模。",
		"When your household's turn came, admitting its members would have gone over the quota." },
	[W_PASSED_THEN] = { "您家当时通过了评议。", "Your household passed at the time." },
	[W_IN_QUOTA_THEN] = { "您家当时在规模之内，列入了拟评名单，但此后公示期间的异议经核实成立（见下）。",
		"It was then within the quota and on the proposed list, but an objection during the publicity that followed was upheld (below)." },
	[W_OBJ_RAISED] = { "%s期间，有人对您家提出异议（%s）",
		"During the %s, an objection was raised against your household (%s)" },
	[W_OBJ_SUMMARY] = { "：%s", ": %s" },
	[W_OBJ_UPHELD] = { "。经调查核实，异议成立", ". It was looked into and upheld" },
	[W_OBJ_DISMISSED] = { "。经调查核实，异议不成立", ". It was looked into and dismissed" },
	[W_OBJ_PENDING] = { "。异议正在调查核实", ". It is being looked into" },
	[W_OBJ_DECIDED] = { "（%s，%s）", " (%s, %s)" },
	[W_OBJ_DECIDED_DATE] = { "（%s）", " (%s)" },
	[W_OBJ_REMOVED] = { "，您家因此从名单中取消。", ", and your household was removed from the list for it." },
	[W_OBJ_RESURVEY] = { "，您家的情况将重新入户调查核实。", ", and your household's situation will be surveyed again." },
	[W_OBJ_NO_EFFECT] = { "，不影响您家的结果。", "; it does not change your household's decision." },
	[W_POSTING_VILLAGE] = { "村级公示", "village's publicity" },
	[W_POSTING_TOWN] = { "乡镇审核公示", "town's publicity" },
	[W_TO_APPLICANT] = { "户编号%s的申请人：", "To the applicants of household %s:" },
	[W_APPLICANT_ID] = { "申请表中的身份证号码", "ID number in the application" },
	[W_NOT_ACCEPTED_K] = { "申请未受理", "application not accepted" },
	[W_H_PROBLEMS] = { "二、申请表中的问题", "2. What is wrong in the application" },
	[W_H_BRING] = { "三、请携带", "3. What to bring" },
	[W_H_CORRECT] = { "四、补正和异议", "4. Correcting it, or disagreeing" },
	[W_NOT_ACCEPTED] = { "经审核，您家的申请表中有下列问题，本次申请未能受理，没有进入入户调查、村民代表民主评议和公示。",
		"Your household's application has the problems below: it was not accepted, and went to no household survey, appraisal or publicity." },
	[W_PROBLEM_ID] = { "申请表第%lu行（身份证号码%s）：%s", "Line %lu of the application (ID number %s): %s" },
	[W_PROBLEM] = { "申请表第%lu行：%s", "Line %lu of the application: %s" },
	[W_PROBLEMS_MORE] = { "另有%zu处问题，村委会保存的退回记录（rejects-apply.csv）逐条列出。",
		"%zu more problems, each listed in the rejects the village committee keeps (rejects-apply.csv)." },
	[W_PROBLEM_FILE_ID] = { "%s第%lu行（身份证号码%s）：%s", "%s, line %lu (ID number %s): %s" },
	[W_PROBLEM_FILE] = { "%s第%lu行：%s", "%s, line %lu: %s" },
	[W_BRING_ID] = { "家庭成员的居民身份证和户口簿，以核对身份证号码、性别和出生日期。",
		"The members' identity cards and the household register (户口簿), to check the ID numbers, sexes and birth dates." },
	[W_BRING_HOUSEHOLD] = { "户口簿，以核对户主和家庭成员（每户一名户主，每人只登记一次）。",
		"The household register (户口簿), to check the head and the members (one head to a household, each person listed once)." },
	[W_BRING_FORM] = { "按上面所列，补齐或更正申请表中的内容。",
		"What is listed above, to complete or correct the application." },
	[W_CORRECT] = { "请携带上述材料到%s补正申请；补正后的申请经入户调查和村民代表民主评议后，方能列入贫困户名单。",
		"Bring the above to %s to correct the application; once corrected, it goes through the household survey and the appraisal like any other." },
	[W_APPLICANT_RECEIPT] = { "申请人签收：", "Received by the applicant:" },
	[W_NEXT_TOWN_REVIEW] = { "公示期满无异议或异议经核实不成立的，名单报乡镇人民政府审核，审核后再次公示。",
		"If no objection is upheld by the end of the period, the list goes to the town government for review and is posted again." },
	[W_NEXT_COUNTY_APPROVAL] = { "公示期满无异议或异议经核实不成立的，名单报县扶贫开发领导小组审定并公告。",
		"If no objection is upheld by the end of the period, the list goes to the county for approval and is announced." },
	[W_NEXT_REGISTERED] = { "公告期满无异议或异议经核实不成立的，您家将建档立卡，登记为贫困户，并发放贫困户登记卡。",
		"If no objection is upheld by the end of the period, your household is registered as a poor household and receives its registration card." },
	[W_NEXT_REGISTERED_POSTED] = { "公示期满无异议或异议经核实不成立的，您家将建档立卡，登记为贫困户，并发放贫困户登记卡。",
		"If no objection is upheld by the end of the period, your household is registered as a poor household and receives its registration card." },
	[W_NEXT_APPRAISAL] = { "您家将提交村民代表会议民主评议，评议结果另行告知。",
		"Your household will be appraised by the villagers' representatives; you will be told the result." },
	[W_NEXT_PENDING] = { "对您家的异议核实后，将告知您处理结果。",
		"You will be told the outcome once the objection has been looked into." },
	[W_NEXT_UNVERIFIED] = { "您家的入户调查或家庭成员信息有缺漏或错误，暂时无法认定。请与村委会联系补正，补正后将重新认定并告知您结果。",
		"Your household's survey or member record is incomplete or wrong, so it cannot be decided yet. Please contact the village committee to correct it; your household will then be decided again and you will be told the result." },
	[W_NEXT_NONE] = { "您家本年度不列入建档立卡贫困户名单。家庭情况发生变化的，可以在下一年度重新申请。",
		"Your household is not on this year's list of registered poor households. If its situation changes, it may apply again next year." },
	[W_OBJECT] = { "如对上述结果或所列情况有异议，请在%s内提出，最迟不超过%s。受理异议：%s。",
		"If you disagree with this decision or with the facts above, say so in the period %s, by %s at the latest, to: %s." },
	[W_HOTLINE] = { "监督电话：%s。", "Supervision hotline: %s." },
	[W_DEFAULT_CONTACT] = { "村民委员会", "the villagers' committee" },
	[W_SEAL] = { "（盖章）", " (seal)" },
	[W_RECEIPT] = { "户主签收：", "Received by the head of household:" },
	[W_RECEIPT_DATE] = { "签收日期：", "Date:" },
};

/* English words for the decisions and reason codes; the Chinese ones are
 * the labels of values/enums.c. */
static const char *const decision_en[NDECISIONS] = { "eligible", "excluded",
	"income not below the line", "not verified", "proposed", "voted down",
	"over the quota", "not appraised", "confirmed", "removed", "pending" };
static const char *const reason_en[NREASONS] = {
	"income per person not below the line",
	"no valid household survey",
	"an error in the survey or in the members' data",
	"not more than half of the representatives present voted for it",
	"beyond the village's quota of poor people",
	"no vote of the representatives recorded",
	"the votes recorded for it are not valid",
	"an objection against it was upheld",
};

/* Append word W with its arguments to B; in English, a sentence after
 * another is set off by a space. */
static void
say(struct strbuf *b, enum lang lang, enum word w, ...)
{
	va_list ap;

	if (lang == LANG_EN && b->len > 0 && b->s[b->len - 1] != ' ')
		strbuf_putc(b, ' ');
	va_start(ap, w);
	strbuf_vprintf(b, words[w][lang == LANG_EN], ap);
	va_end(ap);
}

static const char *
word(enum lang lang, enum word w)
{
	return words[w][lang == LANG_EN];
}

static const char letter_css[] =
"section.letter { font-size: 10.5pt; line-height: 1.4; break-after: page; page-break-after: always; }\n"
"section.letter:last-child { break-after: auto; page-break-after: auto; }\n"
"section.letter h1 { font-size: 16pt; margin: 0 0 1mm; }\n"
"section.letter p.stage { margin: 0 0 3mm; }\n"
"h2 { font-size: 11.5pt; margin: 3mm 0 1mm; }\n"
"p.to { margin: 0 0 1.5mm; }\n"
"p.l { text-indent: 2em; margin: 0 0 1.2mm; }\n"
"p.sum { margin: 0.5mm 0 1mm 2em; font-variant-numeric: tabular-nums; }\n"
"ul.reasons { margin: 0 0 1.2mm; padding-left: 4em; }\n"
"ul.reasons.many { columns: 2; column-gap: 6mm; }\n"
"ul.reasons li { break-inside: avoid; }\n"
"table.facts td { padding: 0.8mm 1.5mm; }\n"
"table.facts td.k { background: #f3f3f3; width: 18%; white-space: nowrap; }\n"
"div.foot { display: flex; justify-content: space-between; align-items: flex-end; margin-top: 4mm; break-inside: avoid; }\n"
"div.foot div.sign { margin-top: 0; }\n"
"div.receipt p { margin: 2mm 0; }\n"
"p.fp { font-size: 9pt; margin: 2mm 0 0; }\n";

/* The place a letter names: county, town and village. */
static void
place(const struct letters *lt, struct strbuf *b)
{
	const struct village *v = lt->village;
	const char *parts[3] = { v->name, v->town, v->county };

	if (lt->lang == LANG_ZH) {
		notice_place(v, LEVEL_COUNTY, b);
		return;
	}
	for (int i = 0, any = 0; i < 3; i++)
		if (parts[i] != NULL && *parts[i]) {
			strbuf_printf(b, "%s%s", any ? ", " : "", parts[i]);
			any = 1;
		}
}

static void
period(const struct letters *lt, struct strbuf *b)
{
	const struct period *p = &lt->village->publicity[lt->level];
	struct strbuf from = { 0 }, to = { 0 };

	notice_date(p->start, lt->lang, &from);
	notice_date(p->end, lt->lang, &to);
	say(b, lt->lang, W_PERIOD, strbuf_str(&from), strbuf_str(&to),
	    p->end - p->start + 1);
	strbuf_free(&from);
	strbuf_free(&to);
}

/* A paragraph of text T (escaped) with class CLS. */
static void
para(struct outfile *out, const char *cls, const struct strbuf *t)
{
	outfile_printf(out, "<p class=\"%s\">", cls);
	html_text(out, strbuf_str(t));
	outfile_puts(out, "</p>\n");
}

static void
heading(struct outfile *out, enum lang lang, enum word w)
{
	outfile_puts(out, "<h2>");
	html_text(out, word(lang, w));
	outfile_puts(out, "</h2>\n");
}

/* The label of a decision or a reason code in the language. */
static void
decision_words(struct strbuf *b, enum lang lang, enum decision d)
{
	size_t n;
	const char *s;

	if (lang == LANG_EN) {
		strbuf_puts(b, decision_en[d]);
		return;
	}
	s = enum_label(&enum_decision, (int)d, &n);
	strbuf_add(b, s, n);
}

static void
reason_words(struct strbuf *b, enum lang lang, int r)
{
	size_t n;
	const char *s;

	if (lang == LANG_EN) {
		strbuf_puts(b, reason_en[r]);
		return;
	}
	s = enum_label(&enum_reason, r, &n);
	strbuf_add(b, s, n);
}

/* Yuan with two decimals; a negative amount in parentheses, so that the
 * sum reads as one. */
static const char *
amount(char buf[MONEY_BUF + 2], long long fen)
{
	char m[MONEY_BUF];

	money_format(m, fen);
	snprintf(buf, MONEY_BUF + 2, fen < 0 ? "(%s)" : "%s", m);
	return buf;
}

/* A percentage of millionths: 100000 is "10%", 125000 "12.5%". */
static void
percent(struct strbuf *b, long long millionths)
{
	long long whole = millionths / 10000, frac = millionths % 10000;
	int digits = 4;

	strbuf_printf(b, "%lld", whole);
	if (frac > 0) {
		while (frac % 10 == 0) {
			frac /= 10;
			digits--;
		}
		strbuf_printf(b, ".%0*lld", digits, frac);
	}
	strbuf_putc(b, '%');
}

static const struct rule *
find_rule(const struct rule_list *rl, const char *id, size_t n)
{
	for (size_t i = 0; i < rl->n; i++)
		if (strlen(rl->items[i].id) == n && memcmp(rl->items[i].id, id, n) == 0)
			return &rl->items[i];
	return NULL;
}

static const char *
rule_title(const struct letters *lt, const struct rule *r)
{
	if (lt->lang == LANG_ZH && r->title_zh != NULL)
		return r->title_zh;
	return r->title != NULL ? r->title : r->title_zh != NULL ? r->title_zh : "";
}

/* The reasons recorded, each in words: rule ids by their titles, reason
 * codes by their labels. A long list is set in two columns, so that the
 * letter keeps to its page. */
static void
reasons(const struct letters *lt, const char *s, struct outfile *out)
{
	struct strbuf items = { 0 };
	size_t n = 0;

	while (*s) {
		size_t k = strcspn(s, ";");
		const struct rule *x = find_rule(&lt->rules->exclusions, s, k);
		const struct rule *c = x ? NULL : find_rule(&lt->rules->considerations, s, k);
		int code = x || c ? -1 : enum_lookup(&enum_reason, s, k);
		struct strbuf b = { 0 };
		char id[80];

		snprintf(id, sizeof id, "%.*s", (int)(k < 64 ? k : 64), s);
		if (x != NULL)
			say(&b, lt->lang, W_ITEM_EXCLUSION, id, rule_title(lt, x));
		else if (c != NULL)
			say(&b, lt->lang, W_ITEM_CONSIDERATION, id, rule_title(lt, c));
		else if (code >= 0)
			reason_words(&b, lt->lang, code);
		else if (k > 0)
			say(&b, lt->lang, W_ITEM_RULE, id);
		if (b.len > 0) {
			strbuf_add(&items, b.s, b.len + 1);   /* with its NUL */
			n++;
		}
		strbuf_free(&b);
		s += k + (s[k] == ';');
	}
	if (n > 0) {
		outfile_puts(out, "<p class=\"l\">");
		html_text(out, word(lt->lang, W_REASONS));
		outfile_printf(out, "</p>\n<ul class=\"reasons%s\">\n",
		    n > 4 ? " many" : "");
		for (const char *t = items.s; t < items.s + items.len; t += strlen(t) + 1) {
			outfile_puts(out, "<li>");
			html_text(out, t);
			outfile_puts(out, "</li>\n");
		}
		outfile_puts(out, "</ul>\n");
	}
	strbuf_free(&items);
}

/* The income worked out from its four parts and the members, against the
 * poverty line and the margin. */
static void
income(const struct letters *lt, size_t r, struct outfile *out)
{
	const char *const *parts = income_part_names;
	const struct hhlist *l = lt->list;
	const struct list_row *row = &l->row[r];
	enum lang lang = lt->lang;
	struct strbuf b = { 0 };
	char v[4][MONEY_BUF + 2], tot[MONEY_BUF + 2], pci[MONEY_BUF],
	    line[MONEY_BUF], top[MONEY_BUF];
	long long total = 0, topfen, margin = lt->rules->margin;
	int whole = 1;
	struct strbuf zeroed = { 0 };   /* the parts left blank, read as 0 */

	if (!(row->has & LR_PCI))
		return;
	for (int k = 0; k < 4; k++) {
		const char *s = hhlist_cell(l, r, hhlist_find(l, parts[k]));
		long long fen;

		if (*s == '\0' && rules_blank_as_zero(lt->rules, parts[k])) {
			wording_list_sep(&zeroed, lang);
			strbuf_puts(&zeroed, field_label(field_builtin(parts[k]),
			    parts[k], lang));
			s = "0";
		}
		if (money_parse(s, strlen(s), &fen) != 0) {
			whole = 0;
			break;
		}
		amount(v[k], fen);
		total += fen;
	}
	money_format(pci, row->pci);
	money_format(line, row->poverty_line);
	if (margin < 0)
		margin = 0;
	topfen = row->poverty_line * (1000000 + margin) / 1000000;
	money_format(top, topfen);
	if (whole) {
		say(&b, lang, W_INCOME);
		para(out, "l", &b);
		strbuf_reset(&b);
		say(&b, lang, W_SUM, v[0], v[1], v[2], v[3], amount(tot, total));
		para(out, "sum", &b);
		strbuf_reset(&b);
		say(&b, lang, W_PER, tot, (long long)row->members, pci);
		para(out, "sum", &b);
		if (zeroed.len > 0) {
			strbuf_reset(&b);
			wording(&b, lang, MSG_BLANK_AS_ZERO, strbuf_str(&zeroed));
			strbuf_puts(&b, lang == LANG_ZH ? "。" : ".");
			para(out, "l", &b);
		}
	} else {
		say(&b, lang, W_PCI, pci, (long long)row->members);
		para(out, "l", &b);
	}
	strbuf_reset(&b);
	say(&b, lang, W_LINE, line);
	if (row->pci >= row->poverty_line && margin > 0 &&
	    lt->rules->considerations.n > 0) {
		struct strbuf p = { 0 };

		percent(&p, margin);
		say(&b, lang, W_MARGIN, strbuf_str(&p), top);
		strbuf_free(&p);
	}
	if (row->pci < row->poverty_line)
		say(&b, lang, W_BELOW, pci, line);
	else if (margin == 0)
		say(&b, lang, W_NOT_BELOW, pci, line);
	else if (row->pci <= topfen) {
		say(&b, lang, W_WITHIN, pci, line, top);
		if (row->decision == DEC_ABOVE_LINE)
			say(&b, lang, W_NO_CONSIDERATION);
	} else
		say(&b, lang, W_ABOVE, pci, top);
	para(out, "l", &b);
	strbuf_free(&b);
	strbuf_free(&zeroed);
}

/* The vote, the rank and the quota. */
static void
appraisal(const struct letters *lt, size_t r, struct outfile *out)
{
	const struct list_row *row = &lt->list->row[r];
	const struct village *v = lt->village;
	enum lang lang = lt->lang;
	struct strbuf b = { 0 };

	if (row->has & LR_VOTES) {
		long long present = v->representatives;

		if (v->appraisal_date > 0 && present >= 0) {
			struct strbuf d = { 0 };

			notice_date(v->appraisal_date, lang, &d);
			say(&b, lang, W_MEETING, strbuf_str(&d), present);
			strbuf_free(&d);
		}
		say(&b, lang, W_VOTES, (long long)row->votes[0],
		    (long long)row->votes[1], (long long)row->votes[2]);
		if (present >= 0) {
			long long needed = 0;

			while (needed <= present && !appraisal_passes(needed, present))
				needed++;
			say(&b, lang, W_PASS_RULE, needed);
		}
		if ((row->has & LR_RANK) && row->decision == DEC_REMOVED)
			say(&b, lang, W_PASSED_THEN);
		else if (row->has & LR_RANK)
			say(&b, lang, W_PASSED);
		else if (row->decision == DEC_VOTED_DOWN)
			say(&b, lang, W_NOT_PASSED);
		para(out, "l", &b);
		strbuf_reset(&b);
	}
	if (row->has & LR_RANK) {
		say(&b, lang, W_RANK, (long long)row->rank);
		if (lt->quota >= 0)
			say(&b, lang, W_QUOTA, lt->quota);
		if (row->decision == DEC_OVER_QUOTA)
			say(&b, lang, W_OVER_QUOTA);
		else if (row->decision == DEC_REMOVED)
			say(&b, lang, W_IN_QUOTA_THEN);
		else if (lt->quota >= 0)
			say(&b, lang, W_IN_QUOTA);
		para(out, "l", &b);
	}
	strbuf_free(&b);
}

/* The longest summary of an objection a letter quotes, in characters:
 * the letter keeps to its page. */
enum { SUMMARY_CHARS = 120 };

/* S cut to MAX characters into B (reset first), "……" where it was cut:
 * what the letter quotes keeps to its page. */
static const char *
clip(struct strbuf *b, const char *s, size_t max)
{
	size_t len = strlen(s), cut = text_cut_chars(s, len, max);

	strbuf_reset(b);
	strbuf_add(b, s, cut);
	if (cut < len)
		strbuf_puts(b, "……");
	return strbuf_str(b);
}

/* The objections decided about household R at the levels below the
 * letter's: when, of what kind and what about (its summary, never who
 * raised it), and what came of it. */
static void
objections_told(const struct letters *lt, size_t r, struct outfile *out)
{
	static const enum word posting[NLEVELS] = { W_POSTING_VILLAGE,
		W_POSTING_TOWN, W_POSTING_TOWN };
	enum lang lang = lt->lang;

	if (lt->below == NULL)
		return;
	for (int lev = 0; lev < (int)lt->level; lev++)
		for (size_t i = 0; i < lt->below[lev].n; i++) {
			const struct objection *x = &lt->below[lev].o[i];
			struct strbuf b = { 0 }, k = { 0 }, d = { 0 };
			size_t n;
			const char *label;

			if (!*x->household || hhlist_lookup(lt->list, x->household) != (long)r)
				continue;
			if (lang == LANG_EN)
				strbuf_puts(&k, enum_code(&enum_objection_kind, (int)x->kind));
			else {
				label = enum_label(&enum_objection_kind, (int)x->kind, &n);
				strbuf_add(&k, label, n);
			}
			say(&b, lang, W_OBJ_RAISED, word(lang, posting[lev]), strbuf_str(&k));
			if (x->summary != NULL && *x->summary) {
				struct strbuf t = { 0 };

				strbuf_printf(&b, words[W_OBJ_SUMMARY][lang == LANG_EN],
				    clip(&t, x->summary, SUMMARY_CHARS));
				strbuf_free(&t);
			}
			strbuf_puts(&b, words[x->outcome == OUTCOME_UPHELD ? W_OBJ_UPHELD :
			    x->outcome == OUTCOME_DISMISSED ? W_OBJ_DISMISSED :
			    W_OBJ_PENDING][lang == LANG_EN]);
			if (x->outcome != OUTCOME_PENDING && x->decided != NO_DATE) {
				notice_date(x->decided, lang, &d);
				if (x->decided_by != NULL && *x->decided_by)
					strbuf_printf(&b, words[W_OBJ_DECIDED][lang == LANG_EN],
					    strbuf_str(&d), x->decided_by);
				else
					strbuf_printf(&b, words[W_OBJ_DECIDED_DATE][lang == LANG_EN],
					    strbuf_str(&d));
			}
			{
				static const enum word said[] = { [EFFECT_NONE] =
					W_OBJ_NO_EFFECT, [EFFECT_REMOVED] = W_OBJ_REMOVED,
					[EFFECT_RESURVEY] = W_OBJ_RESURVEY };

				strbuf_puts(&b, words[said[objection_effect(x)]]
				    [lang == LANG_EN]);
			}
			para(out, "l", &b);
			strbuf_free(&b);
			strbuf_free(&k);
			strbuf_free(&d);
		}
}

static void
next(const struct letters *lt, enum decision d, struct outfile *out)
{
	/* by the level that posts next: the list goes up, or the household
	 * is registered (after an announcement, or after a posting) */
	static const enum word after[NLEVELS + 1] = { W_NEXT_NONE, W_NEXT_TOWN_REVIEW,
		W_NEXT_COUNTY_APPROVAL, W_NEXT_REGISTERED };
	int up = rules_level_after(lt->rules, (int)lt->level);
	enum word w;
	struct strbuf b = { 0 };

	switch (d) {
	case DEC_PROPOSED:
	case DEC_CONFIRMED:
		w = up == NLEVELS && lt->level != LEVEL_COUNTY ?
		    W_NEXT_REGISTERED_POSTED : after[up];
		break;
	case DEC_ELIGIBLE:
		w = W_NEXT_APPRAISAL;
		break;
	case DEC_PENDING:
		w = W_NEXT_PENDING;
		break;
	case DEC_UNVERIFIED:
		w = W_NEXT_UNVERIFIED;
		break;
	default:
		w = W_NEXT_NONE;
	}
	say(&b, lt->lang, w);
	para(out, "l", &b);
	strbuf_free(&b);
}

/* A letter's opening: its title, the place, year and level of LEVEL,
 * and the line to whom it is written (TO, the words of TO_WORD). */
static void
letter_head(const struct letters *lt, enum level level, enum word to_word,
    const char *to, struct outfile *out)
{
	static const enum word stage[NLEVELS] = { W_STAGE_VILLAGE, W_STAGE_TOWN,
		W_STAGE_COUNTY };
	struct strbuf b = { 0 }, p = { 0 };

	outfile_puts(out, "<section class=\"letter\">\n<h1>");
	html_text(out, word(lt->lang, W_TITLE));
	outfile_puts(out, "</h1>\n<p class=\"stage\">");
	place(lt, &b);
	say(&p, lt->lang, W_SUBTITLE, strbuf_str(&b), lt->village->year,
	    word(lt->lang, stage[level]));
	html_text(out, strbuf_str(&p));
	outfile_puts(out, "</p>\n");
	strbuf_reset(&b);
	say(&b, lt->lang, to_word, to);
	para(out, "to", &b);
	strbuf_free(&b);
	strbuf_free(&p);
}

/* A letter's foot: the receipt the household signs (RECEIPT, the words
 * of its first line) and the signature of LEVEL's issuer, dated the
 * first day of its posting. */
static void
letter_foot(const struct letters *lt, enum level level, enum word receipt,
    struct outfile *out)
{
	struct strbuf b = { 0 };

	outfile_puts(out, "<div class=\"foot\">\n<div class=\"receipt\">\n<p>");
	html_text(out, word(lt->lang, receipt));
	outfile_puts(out, "＿＿＿＿＿＿＿＿</p>\n<p>");
	html_text(out, word(lt->lang, W_RECEIPT_DATE));
	outfile_puts(out, "＿＿＿＿＿＿＿＿</p>\n</div>\n<div class=\"sign\">\n<p>");
	notice_issuer(lt->village, level, lt->lang, &b);
	html_text(out, strbuf_str(&b));
	html_text(out, word(lt->lang, W_SEAL));
	outfile_puts(out, "<span class=\"seal\"></span></p>\n<p>");
	strbuf_reset(&b);
	notice_date(lt->village->publicity[level].start, lt->lang, &b);
	html_text(out, strbuf_str(&b));
	outfile_puts(out, "</p>\n</div>\n</div>\n</section>\n");
	strbuf_free(&b);
}

static void
letter(const struct letters *lt, size_t r, struct outfile *out)
{
	static const enum word on_list[NLEVELS] = { W_ON_LIST_VILLAGE,
		W_ON_LIST_TOWN, W_ON_LIST_COUNTY };
	const struct hhlist *l = lt->list;
	const struct list_row *row = &l->row[r];
	const struct village *v = lt->village;
	enum lang lang = lt->lang;
	enum decision d = (enum decision)row->decision;
	const char *name = hhlist_cell(l, r, l->col[L_HEAD_NAME]);
	const char *id = hhlist_cell(l, r, l->col[L_HEAD_ID]);
	const char *group = hhlist_cell(l, r, l->col[L_GROUP]);
	const char *contact = notice_contact(v, lt->level);
	struct strbuf b = { 0 }, p = { 0 }, end = { 0 };
	char masked[ID_MASKED_BUF];

	letter_head(lt, lt->level, W_TO, name, out);

	/* Its own facts: the household, the head, the masked number. */
	id_mask(masked, id, strlen(id));
	outfile_puts(out, "<table class=\"facts\">\n<tr>");
	html_fact(out, word(lang, W_HOUSEHOLD), hhlist_cell(l, r, l->col[L_HOUSEHOLD]));
	html_fact(out, word(lang, W_GROUP), group);
	outfile_puts(out, "</tr>\n<tr>");
	html_fact(out, word(lang, W_HEAD), name);
	html_fact(out, word(lang, W_ID), masked);
	outfile_puts(out, "</tr>\n<tr>");
	strbuf_reset(&b);
	say(&b, lang, W_MEMBERS, (long long)row->members);
	html_fact(out, word(lang, W_MEMBERS_K), strbuf_str(&b));
	strbuf_reset(&b);
	if (d < NDECISIONS)
		decision_words(&b, lang, d);
	html_fact(out, word(lang, W_DECISION_K), strbuf_str(&b));
	outfile_puts(out, "</tr>\n</table>\n");

	strbuf_reset(&p);
	period(lt, &p);
	heading(out, lang, W_H_DECISION);
	strbuf_reset(&b);
	if (d < NDECISIONS)
		say(&b, lang, (enum word)(W_DEC_ELIGIBLE + d));
	if (d == objections_running(lt->level))
		say(&b, lang, on_list[lt->level], strbuf_str(&p));
	para(out, "l", &b);

	heading(out, lang, W_H_REASONS);
	income(lt, r, out);
	reasons(lt, hhlist_cell(l, r, l->col[L_REASONS]), out);
	appraisal(lt, r, out);
	objections_told(lt, r, out);

	heading(out, lang, W_H_NEXT);
	next(lt, d, out);

	heading(out, lang, W_H_OBJECT);
	notice_date(v->publicity[lt->level].end, lang, &end);
	strbuf_reset(&b);
	say(&b, lang, W_OBJECT, strbuf_str(&p), strbuf_str(&end),
	    contact ? contact : word(lang, W_DEFAULT_CONTACT));
	if (v->hotline != NULL)
		say(&b, lang, W_HOTLINE, v->hotline);
	para(out, "l", &b);
	strbuf_reset(&b);
	notice_fingerprint(lang, lt->fingerprint, lt->list_name, &b);
	para(out, "fp", &b);
	letter_foot(lt, lt->level, W_RECEIPT, out);
	strbuf_free(&b);
	strbuf_free(&p);
	strbuf_free(&end);
}

/* The problems a turned-away household's letter lists, and the longest
 * message it quotes, in characters: the letter keeps to its page. */
enum { PROBLEMS_SHOWN = 8, PROBLEM_CHARS = 60 };

/* What to bring to correct a problem of code CODE: a word, or NWORDS
 * when the row needs nothing of its own (another row of the household). */
static enum word
bring(const char *code)
{
	static const char *const id[] = { "BAD_ID_FORMAT", "BAD_ID_CHECKSUM",
		"BAD_ID_DATE", "OLD_15_DIGIT_ID", "ID_MANGLED", "SEX_MISMATCH",
		"BIRTH_MISMATCH" };
	static const char *const household[] = { "DUPLICATE_PERSON", "NO_HEAD",
		"MULTIPLE_HEADS" };

	for (size_t i = 0; i < sizeof id / sizeof id[0]; i++)
		if (strcmp(code, id[i]) == 0)
			return W_BRING_ID;
	for (size_t i = 0; i < sizeof household / sizeof household[0]; i++)
		if (strcmp(code, household[i]) == 0)
			return W_BRING_HOUSEHOLD;
	return strcmp(code, "HOUSEHOLD_INCOMPLETE") == 0 ? NWORDS : W_BRING_FORM;
}

/* The letter to a household apply turned away: the rows FIRST..END of
 * the rejects (all of one household), what is wrong in each (the
 * rejects' message, the ID number masked as the rejects hold it), what to
 * bring, where to correct it and until when to object. */
static void
not_accepted(const struct letters *lt, size_t first, size_t end,
    struct outfile *out)
{
	static const enum word kinds[] = { W_BRING_ID, W_BRING_HOUSEHOLD, W_BRING_FORM };
	const struct reject_row *row = lt->rejected->row;
	const struct village *v = lt->village;
	const char *contact = notice_contact(v, LEVEL_VILLAGE), *id = "";
	enum lang lang = lt->lang;
	struct strbuf b = { 0 }, p = { 0 }, end_day = { 0 }, cut = { 0 };
	int need[NWORDS] = { 0 };

	for (size_t i = first; i < end && !*id; i++)
		if (*row[i].id)
			id = row[i].id;
	letter_head(lt, LEVEL_VILLAGE, W_TO_APPLICANT, row[first].household, out);
	outfile_puts(out, "<table class=\"facts\">\n<tr>");
	html_fact(out, word(lang, W_HOUSEHOLD), row[first].household);
	html_fact(out, word(lang, W_APPLICANT_ID), id);
	outfile_puts(out, "</tr>\n<tr>");
	outfile_puts(out, "<td class=\"k\">");
	html_text(out, word(lang, W_DECISION_K));
	outfile_puts(out, "</td><td colspan=\"3\">");
	html_text(out, word(lang, W_NOT_ACCEPTED_K));
	outfile_puts(out, "</td></tr>\n</table>\n");

	heading(out, lang, W_H_DECISION);
	strbuf_reset(&b);
	say(&b, lang, W_NOT_ACCEPTED);
	para(out, "l", &b);

	heading(out, lang, W_H_PROBLEMS);
	outfile_puts(out, "<ul class=\"reasons\">\n");
	for (size_t i = first; i < end; i++) {
		enum word w = bring(row[i].code);

		/* a row of the application, or of another file apply read
		 * (last year's registry), named */
		int other = *row[i].file && strcmp(path_base(row[i].file),
		    "applications.csv") != 0;
		const char *m;

		if (w != NWORDS)
			need[w] = 1;
		/* the letter keeps to its page: the first few, the rest
		 * counted (the rejects hold every one) */
		if (i - first >= PROBLEMS_SHOWN)
			continue;
		m = clip(&cut, row[i].message, PROBLEM_CHARS);
		strbuf_reset(&b);
		if (other && *row[i].id)
			say(&b, lang, W_PROBLEM_FILE_ID, row[i].file,
			    row[i].source_line, row[i].id, m);
		else if (other)
			say(&b, lang, W_PROBLEM_FILE, row[i].file, row[i].source_line, m);
		else if (*row[i].id)
			say(&b, lang, W_PROBLEM_ID, row[i].source_line, row[i].id, m);
		else
			say(&b, lang, W_PROBLEM, row[i].source_line, m);
		outfile_puts(out, "<li>");
		html_text(out, strbuf_str(&b));
		outfile_puts(out, "</li>\n");
	}
	if (end - first > PROBLEMS_SHOWN) {
		strbuf_reset(&b);
		say(&b, lang, W_PROBLEMS_MORE, end - first - PROBLEMS_SHOWN);
		outfile_puts(out, "<li>");
		html_text(out, strbuf_str(&b));
		outfile_puts(out, "</li>\n");
	}
	outfile_puts(out, "</ul>\n");

	heading(out, lang, W_H_BRING);
	outfile_puts(out, "<ul class=\"reasons\">\n");
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
		if (need[kinds[k]] || (k == 2 && !need[W_BRING_ID] &&
		    !need[W_BRING_HOUSEHOLD])) {
			outfile_puts(out, "<li>");
			html_text(out, word(lang, kinds[k]));
			outfile_puts(out, "</li>\n");
		}
	outfile_puts(out, "</ul>\n");

	heading(out, lang, W_H_CORRECT);
	strbuf_reset(&b);
	say(&b, lang, W_CORRECT, contact ? contact : word(lang, W_DEFAULT_CONTACT));
	strbuf_reset(&p);
	period(lt, &p);
	notice_date(v->publicity[LEVEL_VILLAGE].end, lang, &end_day);
	say(&b, lang, W_OBJECT, strbuf_str(&p), strbuf_str(&end_day),
	    contact ? contact : word(lang, W_DEFAULT_CONTACT));
	if (v->hotline != NULL)
		say(&b, lang, W_HOTLINE, v->hotline);
	para(out, "l", &b);
	letter_foot(lt, LEVEL_VILLAGE, W_APPLICANT_RECEIPT, out);
	strbuf_free(&b);
	strbuf_free(&p);
	strbuf_free(&end_day);
	strbuf_free(&cut);
}

/* The letters of the households of LT->rejected that apply turned away
 * (an error row, not in the list) written to OUT; how many. */
static size_t
letters_not_accepted(const struct letters *lt, struct outfile *out)
{
	const struct rejects_file *rf = lt->rejected;
	size_t n = 0;

	if (rf == NULL)
		return 0;
	for (size_t i = 0; i < rf->n; ) {
		size_t end = i + 1;
		int error = !rf->row[i].warning;

		while (end < rf->n && strcmp(rf->row[end].household, rf->row[i].household) == 0) {
			error |= !rf->row[end].warning;
			end++;
		}
		/* a household still in the list was accepted (a warning, or
		 * an earlier rejects file): its letter is the list's */
		if (*rf->row[i].household && error &&
		    hhlist_lookup(lt->list, rf->row[i].household) < 0) {
			not_accepted(lt, i, end, out);
			n++;
		}
		i = end;
	}
	return n;
}

size_t
letters_write(const struct letters *lt, const uint32_t *order, size_t n,
    struct outfile *out)
{
	struct strbuf b = { 0 }, t = { 0 };
	size_t turned;

	place(lt, &b);
	say(&t, lt->lang, W_DOC_TITLE, strbuf_str(&b), lt->village->year);
	notice_html_begin_one_page(out, lt->lang, strbuf_str(&t), letter_css);
	for (size_t i = 0; i < n; i++)
		letter(lt, order[i], out);
	turned = letters_not_accepted(lt, out);
	outfile_puts(out, "</body>\n</html>\n");
	strbuf_free(&b);
	strbuf_free(&t);
	return turned;
}

int
publicize_letter(const struct publicize_options *o)
{
	struct stage st;
	struct hhlist l;
	struct letters lt;
	struct outfile *out;
	struct strbuf err = { 0 };
	uint32_t *order = NULL;
	size_t turned;
	struct objectionfile below[NLEVELS];
	struct rejects_file rejected;
	char *rejects_path = NULL;
	const struct area *area;
	int status = EXIT_ERROR;

	memset(below, 0, sizeof below);
	memset(&rejected, 0, sizeof rejected);
	memset(&lt, 0, sizeof lt);
	memset(&l, 0, sizeof l);
	stage_begin(&st, "publicize", o->quiet);
	stage_target(&st, o->output);
	if (publicize_load(&st, o, 1, &l, &area, NULL) != 0 ||
	    publicize_objections_below(&st, o, area, o->list, below) != 0)
		goto out;
	if (o->level == LEVEL_VILLAGE) {
		/* the households apply turned away get a letter too */
		rejects_path = path_beside(o->list, "rejects-apply.csv");
		if (path_exists(rejects_path)) {
			if (stage_input(&st, rejects_path) != 0)
				goto out;
			if (rejects_read(&rejected, rejects_path, &err) != 0) {
				stage_fail_lines(&st, &err);
				goto out;
			}
			stage_read(&st, rejects_path, rejected.sha256);
			lt.rejected = &rejected;
		}
	}
	if ((out = stage_output(&st, o->output, OUTFILE_PRIVATE)) == NULL)
		goto out;
	if (publicize_read_list(&st, o, &l) != 0)
		goto out;
	lt.village = &st.village;
	lt.rules = &st.rules;
	lt.list = &l;
	lt.level = o->level;
	lt.lang = st.lang;
	lt.list_name = path_base(o->list);
	lt.below = below;
	fingerprint_format(l.sha256, lt.fingerprint);
	{
		struct strbuf why = { 0 };

		if (appraisal_quota(&st.rules, &st.village, &lt.quota, &why) != 0)
			lt.quota = -1;
		strbuf_free(&why);
	}
	order = hhlist_order(&l);
	turned = letters_write(&lt, order, l.nrows, out);
	if (stage_commit(&st) != 0)
		goto out;
	status = EXIT_DONE;
	if (!o->quiet) {
		char a[32], b[32];

		if (turned > 0)
			fprintf(stderr, _("letters (%s): %s households, %s applications "
			    "not accepted\n"), stage_level_word(o->level),
			    text_count(a, l.nrows),
			    text_count(b, turned));
		else
			fprintf(stderr, _("letters (%s): %s households\n"),
			    stage_level_word(o->level), text_count(a, l.nrows));
	}
out:
	free(order);
	for (int lev = 0; lev < NLEVELS; lev++)
		objectionfile_free(&below[lev]);
	rejects_file_free(&rejected);
	free(rejects_path);
	strbuf_free(&err);
	hhlist_free(&l);
	return stage_end(&st, status);
}
