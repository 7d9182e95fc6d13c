#include "values/problems.h"

#define DEF(name, field, table) \
	const struct enum_def name = { field, table, sizeof table / sizeof table[0], NULL }

static const struct enum_value problem[] = {
	/* rejects (apply, survey) */
	{ "MISSING_FIELD", "必填项为空" },
	{ "BAD_ID_FORMAT", "身份证号格式错误" },
	{ "BAD_ID_CHECKSUM", "身份证号校验位错误" },
	{ "BAD_ID_DATE", "身份证号出生日期错误" },
	{ "OLD_15_DIGIT_ID", "15位旧身份证号" },
	{ "ID_MANGLED", "身份证号被表格软件改成了数字" },
	{ "SEX_MISMATCH", "性别与身份证号不符" },
	{ "BIRTH_MISMATCH", "出生日期与身份证号不符" },
	{ "BAD_VALUE", "填写内容有误" },
	{ "BAD_DATE", "日期无法识别" },
	{ "DUPLICATE_PERSON", "人员重复" },
	{ "NO_HEAD", "没有户主" },
	{ "MULTIPLE_HEADS", "户主不止一人" },
	{ "HOUSEHOLD_INCOMPLETE", "同户其他行有误" },
	{ "ORPHAN_SURVEY", "调查户不在申请名单中" },
	{ "DUPLICATE_SURVEY", "同一户有多条调查记录" },
	{ "RAGGED_ROW", "列数与表头不符" },
	{ "HOUSEHOLD_ID_AMBIGUOUS", "同一户编号有两种写法" },
	{ "LEADING_ZEROS_RESTORED", "户编号前面的0已恢复" },
	{ "LEADING_ZEROS_DROPPED", "户编号已按本村写法改写" },
	{ "BLANK_AS_ZERO", "空白收入按0计" },
	{ "UNLISTED_VALUE", "填写的词不在列表中" },
	/* audit findings */
	{ "LEAK_HOUSEHOLD", "环节之间漏户" },
	{ "LEAK_PERSON", "户内漏人" },
	{ "DUPLICATE_HOUSEHOLD", "户重复" },
	{ "MISSING_ITEM", "漏项" },
	{ "DECISION_MISMATCH", "结论与规则不符" },
	{ "QUORUM", "评议人数不足" },
	{ "PERIOD_SHORT", "公示期不足" },
	{ "DATE_ORDER", "日期先后有误" },
	{ "OBJECTION_PENDING", "异议尚未处理" },
	{ "OVER_QUOTA", "超出规模" },
	{ "QUOTA_TOTAL", "规模执行情况" },
	{ "PROVENANCE_MISMATCH", "与来源记录不符" },
	{ "PROVENANCE_MISSING", "缺少来源记录" },
	{ "NOT_REGULAR_FILE", "不是普通文件" },
	{ "RULES_DIFFER", "所用规则与县定规则不同" },
	{ "NOTICE_MISMATCH", "公示与所据名单或张贴指纹不符" },
	{ "NOTICE_PERIOD_UNUSED", "公示的期间已没有村在公示" },
	{ "OBJECTION_OUTSIDE_PERIOD", "异议受理日期不在公示期内" },
	{ "UNEXPLAINED_EXIT", "上年建档户去向未说明" },
	{ "SAMPLE_PREDICTABLE", "抽查没有公布的种子，可事先算出" },
	{ "SAMPLE_NOT_DRAWN", "本村未抽取入户核查户" },
	{ "PERMISSIONS", "含个人信息的文件可被他人读取" },
	{ "STAGE_NOT_REACHED", "尚未进行到该环节" },
	{ "FOLDER_NOT_CODE", "村文件夹名与村代码不符" },
	{ "VILLAGE_MISSING", "名单中的村没有文件夹" },
	{ "VILLAGE_NOT_LISTED", "村不在乡镇村名单中" },
	{ "OWNER_FILE_IN_VILLAGE", "村文件夹中有乡镇或县的异议登记表" },
	{ "LEDGER_BROKEN", "接收台账或已接收的文件被改动" },
	{ "NOT_RECEIVED", "上级未接收即有后续文件" },
	{ "CHANGED_AFTER_RECEIPT", "上级接收后文件被改动" },
	{ "PREVIOUS_CHANGED", "上年建档与县里接收的不一致" },
	{ "PREVIOUS_UNRECEIVED", "上年建档未经县里接收" },
	{ "REPOST_MISSING", "重新受理的村尚未重新公示" },
	{ "POSTED_UNCONFIRMED", "未记下张贴公示的指纹" },
	{ "REOPENED", "重新受理后再次接收" },
};
static const struct enum_value severity[] = {
	{ "error", "错误" }, { "warning", "警告" }, { "info", "提示" },
};
static const struct enum_value stage[] = {
	{ "apply", "申请受理" },
	{ "survey", "入户调查" },
	{ "appraise", "民主评议" },
	{ "publicize", "公示公告" },
	{ "audit", "逐级审核" },
	{ "file", "建档立卡" },
	{ "export", "导出" },
	{ "init", "建立村文件夹" },
};

DEF(enum_problem, "code", problem);
DEF(enum_severity, "severity", severity);
DEF(enum_stage, "stage", stage);
