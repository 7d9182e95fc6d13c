#include <stdarg.h>

#include "values/field.h"
#include "values/wording.h"

static const char *const formats[NMSGS][2] = {
	[MSG_EMPTY] = { "%s为空", "%s is empty" },
	[MSG_EMPTY_ON_HEAD] = { "户主一行的%s为空", "%s is empty on the head's row" },
	[MSG_NAME_TOO_LONG] = { "%s超过64个字", "%s is longer than 64 characters" },
	[MSG_HOUSEHOLD_ID_FORM] = { "%s %s应为1至32位字母、数字、_或-",
		"%s %s must be 1-32 of A-Z a-z 0-9 _ -" },
	[MSG_NOT_THIS_VILLAGE] = { "%s %s不是本村的代码", "%s %s is not this village's code" },
	[MSG_ID_FORMAT] = { "%s不是17位数字加1位校验码", "%s is not 17 digits and a check character" },
	[MSG_ID_CHECKSUM] = { "%s校验位错误", "%s: the check character does not match" },
	[MSG_ID_DATE] = { "%s中的出生日期不存在或晚于当年年底",
		"%s: the birth date is impossible or after the year's end" },
	[MSG_ID_OLD] = { "%s是15位旧号码，需要18位号码",
		"%s is an old 15-digit number; the 18-digit one is needed" },
	[MSG_ID_MANGLED] = { "%s被电子表格转成了数字，已丢失位数：请把该列设置为文本格式，再按纸质表重新录入",
		"%s was turned into a number by a spreadsheet and lost digits: format the column as text and type the number again from the paper form" },
	[MSG_NOT_ONE_OF] = { "%s %s不是以下之一：%s", "%s %s is not one of: %s" },
	[MSG_NOT_A_DATE] = { "%s %s不是日期", "%s %s is not a date" },
	[MSG_SHORT_YEAR] = { "%s %s的年份只有两位：请把年份写成四位（如“15年”写成“2015年”）；"
		"两位年份只在写作“年月日”且与本年度相差不超过%d年时才能读出",
		"%s %s has a two-digit year: type the year in four digits (2015, not 15); "
		"a two-digit year is read only in the form 15年5月26日 and within %d years of the year" },
	[MSG_NOT_VALUE] = { "%s %s不是%s", "%s %s is not %s" },
	[MSG_CONTROL] = { "%s %s含有控制字符", "%s %s holds a control character" },
	[MSG_DISAGREES_WITH_ID] = { "%s %s与身份证号不符", "%s %s does not agree with the ID number" },
	[MSG_DUPLICATE_PERSON] = { "同一身份证号出现在多行", "the same ID number is on more than one row" },
	[MSG_NO_HEAD] = { "第%s户没有户主", "household %s has no head (户主)" },
	[MSG_MULTIPLE_HEADS] = { "第%s户有%u个户主", "household %s has %u heads (户主)" },
	[MSG_INCOMPLETE] = { "第%s户的另一行被退回", "another row of household %s was rejected" },
	[MSG_RAGGED] = { "该行有%zu格，表头有%zu格", "the row has %zu cells, the header has %zu" },
	[MSG_UNNAMED_COLUMN] = { "第%zu列没有列名，却有内容%s", "column %zu has no name but holds %s" },
	[MSG_HOUSEHOLD_AMBIGUOUS] = { "户编号%s和%s是同一个号码的两种写法：请给每户各自的户编号，并统一写法",
		"household numbers %s and %s are the same number written two ways: give each household its own number, written one way" },
	[MSG_ZEROS_RESTORED] = { "户编号%s前面的0被去掉了（表格软件保存时会这样），已按本村的写法恢复为%s",
		"household number %s lost its leading zeros (a spreadsheet drops them when it saves): written %s, as the village writes it" },
	[MSG_ZEROS_DROPPED] = { "户编号%s按本村的写法写作%s",
		"household number %s is written %s, as the village writes it" },
	[MSG_NEGATIVE] = { "%s %s不能为负数（只有生产经营性收入可以）",
		"%s %s cannot be negative (only business_income can)" },
	[MSG_DUPLICATE_SURVEY] = { "第%s户有多条调查记录", "household %s has more than one survey row" },
	[MSG_ORPHAN_SURVEY] = { "%s %s不在申请名单中", "%s %s is not in the applicants" },
	[MSG_MEMBER_BAD] = { "成员%s的%s %s不是%s", "member %s: %s %s is not %s" },
	[MSG_AUDIT_NOT_REACHED] = { "%s尚未生成：本村还未进行到这一步", "%s is not there yet: the village has not reached that step" },
	[MSG_AUDIT_MISSING] = { "缺少%s", "%s is missing" },
	[MSG_AUDIT_BAD] = { "%s第%lu行：%s", "%s:%lu: %s" },
	[MSG_AUDIT_CANNOT_READ] = { "无法读取：%s", "cannot be read: %s" },
	[MSG_AUDIT_NOT_REGULAR] = { "%s不是普通文件（命名管道、设备或文件夹），未读取", "%s is not a regular file (a FIFO, a device or a folder): not read" },
	[MSG_AUDIT_LEAK_HOUSEHOLD] = { "该户在%s中，但不在%s中", "the household is in %s but not in %s" },
	[MSG_AUDIT_LEAK_PERSON] = { "%s记录家庭人口%lld人，%s中有%lld人", "%s records %lld members, %s holds %lld people" },
	[MSG_AUDIT_DUPLICATE_HOUSEHOLD] = { "该户在%s中出现多次", "the household is listed more than once in %s" },
	[MSG_AUDIT_DUPLICATE_PERSON] = { "身份证号%s同时登记在村%s第%s户", "ID number %s is also registered in village %s, household %s" },
	[MSG_AUDIT_MISMATCH] = { "%s的%s：记录为%s，按规则重新计算为%s", "%s %s: recorded %s, recomputed %s" },
	[MSG_AUDIT_QUORUM] = { "民主评议到会代表%lld人，至少需要%lld人", "%lld representatives present, %lld needed" },
	[MSG_AUDIT_PERIOD_SHORT] = { "%s公示期为%ld天，规则要求至少%lld天", "the %s publicity lasted %ld days; the rules require at least %lld" },
	[MSG_AUDIT_DATE_ORDER] = { "%s（%s）晚于%s（%s）", "%s (%s) comes after %s (%s)" },
	[MSG_AUDIT_PENDING] = { "%s第%lu行的异议尚未处理", "the objection at %s:%lu is still pending" },
	[MSG_AUDIT_OVER_QUOTA] = { "%s中纳入%lld人，超过规模%lld人", "%s admits %lld people, over the quota of %lld" },
	[MSG_AUDIT_PROV_OUTPUT] = { "%s与PROVENANCE.csv记录的不一致（生成后被改动）", "%s does not match its PROVENANCE.csv row (changed after it was made)" },
	[MSG_AUDIT_PROV_INPUT] = { "生成%s所用的%s已被改动或缺失", "%s was made from %s, which has changed or is missing" },
	[MSG_AUDIT_PROV_RULES] = { "生成%s所用的规则文件%s已被改动或缺失", "%s was made with the rules %s, which have changed or are missing" },
	[MSG_AUDIT_PROV_MISSING] = { "%s在PROVENANCE.csv中没有记录", "%s has no row in PROVENANCE.csv" },
	[MSG_AUDIT_RULES_DIFFER] = { "本村使用的规则%s与县规则%s内容不同", "the village's rules %s differ in content from %s" },
	[MSG_AUDIT_NOTICE] = { "%s级公示的名单与处理异议所用名单不是同一份（公示：%s；处理：%s）", "the %s notice was made from a list other than the one resolved (notice: %s; resolved: %s)" },
	[MSG_AUDIT_NOTICE_ROW] = { "%s中的一行与%s给出的不同（公示：%s；名单给出：%s）",
		"a row of %s differs from what %s gives (posted: %s; the list gives: %s)" },
	[MSG_AUDIT_NOTICE_PRINTED] = { "%s印的名单指纹是%s，不是%s的指纹%s",
		"%s prints the fingerprint %s, not that of %s (%s)" },
	[MSG_AUDIT_NOTICE_POSTED] = { "villages.csv的%s记下的张贴指纹%s与%s所据名单%s的指纹%s不符",
		"%s of villages.csv, the fingerprint read off the posted paper, %s, is not that of the list of %s, %s (%s)" },
	[MSG_AUDIT_OUTSIDE_PERIOD] = { "%s第%lu行：受理日期%s不在%s级公示期%s至%s内",
		"%s:%lu: received %s, outside the %s publicity period %s to %s" },
	[MSG_PAPER_FINGERPRINT] = { "名单指纹：%s。这是名单文件%s的SHA-256值的前32位，任何人都可以用它核对手中的文件是否就是本名单。",
		"List fingerprint: %s. These are the first 32 hex digits of the SHA-256 of the list file %s: anyone can check a copy of the file against them." },
	[MSG_PAPER_RECEIPT] = { "县级接收记录指纹：%s。这是县级台账LEDGER.csv中本村最近一次接收的最后一行的SHA-256值的前32位。",
		"County receipt fingerprint: %s. These are the first 32 hex digits of the SHA-256 of the last row of this village's latest receipt in the county's LEDGER.csv." },
	[MSG_PAPER_NO_RECEIPT] = { "县级尚未接收本村名单，没有接收记录指纹。",
		"The county has not received this village's list yet: there is no receipt fingerprint." },
	[MSG_AUDIT_UNEXPLAINED] = { "上年已建档，本年既未确认也不符合退出条件（%s）", "registered last year, neither confirmed this year nor meeting the exit condition (%s)" },
	[MSG_SAMPLE_WHY_HELP] = { "名单确认帮扶：核实该户是否确属贫困、有无错评",
		"confirmed for help: check that the household is really poor, not wrongly included" },
	[MSG_SAMPLE_VERIFY_HELP] = { "入户核对：家庭成员和常住人数，上年各项收入及来源，住房和饮水；有无汽车、城镇商品房、经营实体、财政供养人员等不该纳入的情形",
		"at the door: the members and who lives there; last year's income from each source; the house and the water; any car, town house, business or member paid from public funds that should have kept it out" },
	[MSG_SAMPLE_WHY_NOT_HELPED] = { "未列入帮扶（%s）：核实是否漏评",
		"not helped (%s): check that it was rightly left out, not wrongly excluded" },
	[MSG_SAMPLE_VERIFY_NOT_HELPED] = { "入户核对：家庭成员，上年各项收入及来源，住房和饮水；问该户是否申请过、是否知道未列入的原因",
		"at the door: the members; last year's income from each source; the house and the water; ask whether the household applied and was told why it is not helped" },
	[MSG_SAMPLE_WHY_EXITING] = { "上年建档立卡户，今年不再列入（%s）：核实是否真正脱贫",
		"registered last year, not on this year's list for help (%s): check that it really got out of poverty" },
	[MSG_SAMPLE_VERIFY_EXITING] = { "入户核对：人均纯收入是否稳定超过贫困线，住房和饮水是否安全；该户是否知道并认可退出",
		"at the door: whether income per head is steadily above the poverty line, whether the house and the water are safe; whether the household knows it is leaving and agrees" },
	[MSG_SAMPLE_NOT_RECEIVED] = { "%s尚未接收本村的名单：本村不抽取入户核查户",
		"the %s has not received the village's list: no households drawn for re-visits" },
	[MSG_SAMPLE_LEDGER_BROKEN] = { "%s的LEDGER.csv核验不通过，本村不抽取入户核查户：%s",
		"the %s's LEDGER.csv does not verify, no households drawn for re-visits: %s" },
	[MSG_SAMPLE_COPY_DIFFERS] = { "接收的%s与LEDGER.csv记录的哈希不符：本村不抽取入户核查户",
		"the received %s does not match its row in LEDGER.csv: no households drawn for re-visits" },
	[MSG_SAMPLE_NO_PREVIOUS] = { "上年建档数据无法读取，不抽取退出户：%s",
		"last year's registry cannot be read, no exiting households drawn: %s" },
	[MSG_SAMPLE_PREDICTABLE] = { "%s没有audit.seed：抽查哪些户可以事先算出；请在名单确定后公布一个种子（如当天的福彩开奖号码）",
		"%s gives no audit.seed: anyone can work out in advance which households are drawn; publish a seed once the lists are final (a lottery draw of that day)" },
	[MSG_AUDIT_PERMISSIONS] = { "%s含身份证号等个人信息，却可被其他用户读取（权限%s）：应为0600，运行make即可恢复",
		"%s holds personal data but other users can read it (mode %s): it must be 0600; make restores it" },
	[MSG_AUDIT_QUOTA_TOTAL] = { "纳入%lld人，规模合计%lld人（%zu个村）", "%lld people admitted against quotas totalling %lld (%zu villages)" },
	[MSG_PATTERN_LIMIT] = { "%s无法按规则%s判断：正则表达式匹配超出限度",
		"%s could not be tested by rule %s: its pattern went over the match limit" },
	[MSG_WHOLE_NUMBER] = { "整数", "a whole number" },
	[MSG_AUDIT_FOLDER_NOT_CODE] = { "村文件夹名%s不是村代码%s：县的文件夹中，村文件夹以村代码命名，各环节拒绝处理该村",
		"the folder's name %s is not the village's code %s: in a county's folders a village folder is named by its code, and the stages refuse it" },
	[MSG_AUDIT_VILLAGE_MISSING] = { "村%s列在%s中，但没有该村的文件夹",
		"village %s is listed in %s but has no folder" },
	[MSG_AUDIT_VILLAGE_NOT_LISTED] = { "文件夹%s是村文件夹，但不在%s中：不在名单中的村不予审核",
		"folder %s is a village folder not listed in %s: a village not listed is not audited" },
	[MSG_AUDIT_TOWN_QUOTA] = { "乡镇%s（%s）各村共纳入%lld人，超过县下达的规模%lld人（%s）",
		"town %s (%s) admits %lld people in its villages together, over the quota of %lld that %s hands down" },
	[MSG_AUDIT_OWNER_FILE] = { "村文件夹中的%s不予读取：本级异议由上级在%s中登记",
		"%s in the village folder is never read: this level's objections are the owner's, in %s" },
	[MSG_AUDIT_LEDGER_BROKEN] = { "接收台账与已接收的文件不符，接收记录不可信：%s",
		"the ledger and the files received disagree, the record of receipts cannot be trusted: %s" },
	[MSG_AUDIT_NOT_RECEIVED] = { "村已有%s，但%s尚未接收该村（%s中没有接收记录）：后续文件须在接收之后",
		"the village has %s but the %s has not received it (no receipt in %s): later files come after the receipt" },
	[MSG_AUDIT_CHANGED] = { "%s %s %s → %s，在%s接收之后改动", "%s %s %s → %s, after the %s received it" },
	[MSG_AUDIT_CHANGED_ADDED] = { "%s 在%s接收之后新增", "%s added after the %s received it" },
	[MSG_AUDIT_CHANGED_REMOVED] = { "%s 在%s接收之后删除", "%s removed after the %s received it" },
	[MSG_AUDIT_PREVIOUS_CHANGED] = { "上年建档 %s %s %s → %s，与县里接收的不一致", "last year's %s %s %s → %s, against what the county received" },
	[MSG_AUDIT_PREVIOUS_ADDED] = { "上年建档 %s 是县里接收之后新增的", "last year's %s was added after the county received it" },
	[MSG_AUDIT_PREVIOUS_REMOVED] = { "上年建档 %s 在县里接收之后被删除", "last year's %s was removed after the county received it" },
	[MSG_AUDIT_PREVIOUS_NO_LEDGER] = { "上年建档%s按现状采用：%s没有接收台账（LEDGER.csv）", "last year's registry %s is taken as it is: %s keeps no ledger (LEDGER.csv)" },
	[MSG_AUDIT_PREVIOUS_UNRECEIVED] = { "上年建档%s未经县里接收（%s中没有）", "last year's registry %s was never received by the county (not in %s)" },
	[MSG_AUDIT_REPOST_MISSING] = { "%s已重新受理该村（%s第%lu行，%s），须重新公示后才能再次接收：%s",
		"the %s reopened the village (%s:%lu, %s): it is received again once its list is posted again: %s" },
	[MSG_REPOST_PERIOD] = { "%s公示期开始于%s，不在重新受理日期%s之后", "the %s posting starts %s, not after the reopen's date %s" },
	[MSG_REPOST_NO_LIST] = { "尚无%s", "there is no %s" },
	[MSG_REPOST_FINGERPRINT_EMPTY] = { "villages.csv的%s未填写张贴的%s的指纹（%s）",
		"villages.csv's %s does not hold the fingerprint of the posted %s (%s)" },
	[MSG_REPOST_FINGERPRINT_WRONG] = { "villages.csv的%s（%s）不是%s的指纹（%s）",
		"villages.csv's %s (%s) is not the fingerprint of %s (%s)" },
	[MSG_AUDIT_REOPENED] = { "%s重新受理（%s第%lu行：%s）后第%ld次接收：该户在%s中与上次接收不同",
		"received again after the %s reopened it (%s:%lu: %s), receipt %ld: the household differs in %s from the receipt before" },
	[MSG_AUDIT_REOPENED_VILLAGE] = { "%s重新受理（%s第%lu行：%s）后第%ld次接收：村的%s与上次接收不同",
		"received again after the %s reopened it (%s:%lu: %s), receipt %ld: the village's %s differs from the receipt before" },
};

void
wording_v(struct strbuf *b, enum lang l, enum msg m, va_list ap)
{
	strbuf_vprintf(b, formats[m][l == LANG_EN], ap);
}

void
wording(struct strbuf *b, enum lang l, enum msg m, ...)
{
	va_list ap;

	va_start(ap, m);
	strbuf_vprintf(b, formats[m][l == LANG_EN], ap);
	va_end(ap);
}

const char *
field_label(const struct field *f, const char *name, enum lang l)
{
	if (l == LANG_ZH && f != NULL && f->title_zh != NULL)
		return f->title_zh;
	return name;
}
