#!/bin/sh
# Messages for people at the terminal follow the locale; nothing else does.
# Under zh_CN.UTF-8 the diagnostics on stderr and --help are in Chinese,
# under C in English; the files a run writes, and --explain, are the same
# bytes whatever LANG, LANGUAGE and TZ say (they follow village.yaml's
# language). lib.sh sets LC_ALL for every test: these runs unset it.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "the same programs in several locales; the plain and ASan+UBSan builds run it"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)
V=2015/371323105201

# in_locale LANG LANGUAGE CMD...: CMD with LANG (and LANGUAGE, unless "")
# the only locale variables set.
in_locale() {
	l=$1 language=$2
	shift 2
	env -u LC_ALL -u LC_MESSAGES -u LC_CTYPE -u LC_NUMERIC -u LC_TIME \
	    -u LC_COLLATE -u LANGUAGE LANG="$l" ${language:+LANGUAGE="$language"} "$@"
}

# village_here: the sample village's village.yaml and applications.csv in
# c/2015/371323105201, the rules in c/rules; cd there.
village_here() {
	mkdir -p c/$V && cp "$SAMPLE_FLAT/county/$V/village.yaml" \
	    "$SAMPLE_FLAT/county/$V/applications.csv" c/$V/ &&
	sample_rules c && cd c/$V
}

# run DIR LANG LANGUAGE TZ: in DIR, the sample county through make; the
# town audit (in DIR/2015) of its village and of a copy without votes.csv
# (village 371323105299: one village twice is refused),
# whose finding quotes the reader's error; the --explain of three stages
# (DIR/explain-*.txt). Every command in that locale and time zone; stderr
# goes to DIR.err, outside DIR.
run() {
	d=$1 l=$2 language=$3 tz=$4
	mkdir -p "$d" && cp -R "$SAMPLE_FLAT/county/." "$d/" && sample_rules "$d" &&
	in_locale "$l" "$language" env TZ="$tz" make -s -C "$d/$V" TPA_MK_DIR="$MK" \
	    TPA_BIN="$TPA_BIN" TPA_AUDIT=0 2>"$d.err" &&
	cp -R "$d/$V" "$d/2015/371323105299" && rm "$d/2015/371323105299/votes.csv" &&
	sed -i "s/\"371323105201\"/\"371323105299\"/" "$d/2015/371323105299/village.yaml" &&
	{ (cd "$d/2015" && in_locale "$l" "$language" env TZ="$tz" tpa-audit \
	    --level town -o . 371323105201 371323105299) 2>>"$d.err"; [ $? -eq 1 ]; } &&
	(cd "$d/$V" && in_locale "$l" "$language" env TZ="$tz" sh -c '
	    tpa-survey --explain H001 --village . applicants.csv survey.csv &&
	    tpa-appraise --explain H001 --village . primary.csv votes.csv &&
	    tpa-publicize resolve --explain H001 --level village --village . \
	        appraised.csv objections-village.csv') >"$d/explain.txt" 2>>"$d.err" &&
	[ -s "$d/explain.txt" ] && [ -s "$d/2015/audit.csv" ] && [ -s "$d/$V/registry/households.csv" ]
}

expect "the built catalogue is where TPA_LOCALEDIR points" '
	[ -f "${TPA_LOCALEDIR:-/nonexistent}/zh_CN/LC_MESSAGES/tpa.mo" ]'

if have_zh; then
expect "the files and --explain are byte-identical under LANG=C, C.UTF-8, zh_CN.UTF-8 and LANGUAGE=zh_CN, in four time zones" '
	run a C "" UTC && run b C.UTF-8 "" Asia/Shanghai &&
	run c zh_CN.UTF-8 "" Pacific/Kiritimati && run d zh_CN.UTF-8 zh_CN America/Los_Angeles &&
	diff -r a b && diff -r a c && diff -r a d &&
	grep -q "^applicants: " a.err && grep -q "^申请：受理" c.err && grep -q "^申请：受理" d.err &&
	grep -q "cannot open .*votes.csv: No such file or directory" c/2015/audit.csv &&
	grep -q "^第H001户" c/explain.txt'

expect "a usage error in Chinese under zh_CN.UTF-8, in English under C" '
	{ in_locale zh_CN.UTF-8 "" tpa-apply 2>zh; [ $? -eq 2 ]; } &&
	{ in_locale C "" tpa-apply 2>en; [ $? -eq 2 ]; } &&
	grep -qx "tpa-apply: 缺少 APPLICATIONS.csv" zh && grep -q "^用法：tpa-apply --village V" zh &&
	grep -qx "tpa-apply: APPLICATIONS.csv is missing" en && grep -q "^usage: tpa-apply --village V" en &&
	! grep -q "[^ -~]" en &&
	{ in_locale zh_CN.UTF-8 "" tpa-survey --bogus 2>zh; [ $? -eq 2 ]; } &&
	grep -qx "tpa-survey: 未知的选项 --bogus" zh &&
	{ in_locale zh_CN.UTF-8 "" tpa frobnicate 2>zh; [ $? -eq 2 ]; } &&
	grep -qx "tpa: 未知的步骤“frobnicate”" zh'

expect "--help in Chinese under zh_CN.UTF-8 (option names kept), in English under C" '
	in_locale zh_CN.UTF-8 "" tpa-apply --help >zh &&
	[ "$(head -1 zh)" = "用法：tpa-apply --village V [--previous REGISTRY_DIR] [--rejects FILE]" ] &&
	grep -qx "  -q, --quiet        不显示汇总行" zh &&
	in_locale zh_CN.UTF-8 "" tpa --help >zh &&
	grep -qx "  survey     入户调查：收入、排除情形、初选名单" zh &&
	in_locale C "" tpa-apply --help >en &&
	[ "$(head -1 en)" = "usage: tpa-apply --village V [--previous REGISTRY_DIR] [--rejects FILE]" ] &&
	grep -qx "  -q, --quiet        no summary line" en &&
	for p in apply survey appraise publicize audit file; do
		in_locale zh_CN.UTF-8 "" tpa-$p --help | grep -q "^用法：tpa-$p " || { echo "tpa-$p"; exit 1; }
	done'

expect "fatal input errors keep their FILE:LINE and say the rest in Chinese" '
	village_here && sed "s/^year: .*/year: abc/" village.yaml >bad.yaml &&
	line=$(grep -n "^year: abc" bad.yaml | cut -d: -f1) &&
	{ in_locale zh_CN.UTF-8 "" tpa-apply --village bad.yaml -o out.csv applications.csv 2>zh; [ $? -eq 2 ]; } &&
	grep -qx "tpa-apply: bad.yaml:$line:7: 应为 1949 到 9999 之间的整数，而不是“abc”" zh &&
	{ in_locale C "" tpa-apply --village bad.yaml -o out.csv applications.csv 2>en; [ $? -eq 2 ]; } &&
	grep -qx "tpa-apply: bad.yaml:$line:7: expected a whole number from 1949 to 9999, not \"abc\"" en &&
	sed "1s/身份证号/证件/" applications.csv >header.csv &&
	{ in_locale zh_CN.UTF-8 "" tpa-apply --village . -o out.csv header.csv 2>zh; [ $? -eq 2 ]; } &&
	grep -qx "tpa-apply: header.csv:1: 缺少必需的列 id_number (身份证号)" zh &&
	{ in_locale C "" tpa-apply --village . -o out.csv header.csv 2>en; [ $? -eq 2 ]; } &&
	grep -qx "tpa-apply: header.csv:1: required column id_number (身份证号) is missing" en &&
	[ ! -e out.csv ]'

expect "the apply summary in Chinese, its counts those of the files; LANGUAGE=zh_CN under LANG=C stays English" '
	village_here && in_locale zh_CN.UTF-8 "" tpa-apply --village . -o zh.csv --rejects zh-rejects.csv applications.csv 2>zh &&
	in_locale C zh_CN tpa-apply --village . -o en.csv --rejects en-rejects.csv applications.csv 2>en &&
	same zh.csv en.csv && same zh-rejects.csv en-rejects.csv &&
	hh=$(tail -n +2 zh.csv | cut -d, -f2 | sort -u | wc -l) && people=$(tail -n +2 zh.csv | wc -l) &&
	echo "$hh households, $people people" && [ "$hh" -gt 0 ] && [ "$people" -gt "$hh" ] &&
	grep -Eqx "申请：受理 $hh 户 $people 人；退回 [0-9]+ 户" zh &&
	grep -Eqx "applicants: $hh households, $people people accepted; [0-9]+ households rejected" en'

expect "tpa status in Chinese under zh_CN.UTF-8, steps aligned by display width; in English under C" '
	village_here && { in_locale zh_CN.UTF-8 "" tpa status >zh; [ $? -eq 3 ]; } &&
	{ in_locale C "" tpa status >en; [ $? -eq 3 ]; } &&
	cat zh && grep -qx "村 371323105201 (双河村), 2015" zh &&
	grep -qx "  申请                 可以进行" zh && grep -qx "  入户调查             尚未开始" zh &&
	grep -qx "  建档立卡             尚未开始" zh &&
	grep -qx "village 371323105201 (双河村), 2015" en &&
	grep -qx "  apply                ready" en && grep -qx "  registry             not yet" en &&
	[ $(wc -l <zh) -eq 13 ] && [ $(wc -l <en) -eq 13 ]'

expect "TPA_LOCALEDIR without a catalogue: zh_CN.UTF-8 falls back to English" '
	mkdir empty && { TPA_LOCALEDIR=$PWD/empty in_locale zh_CN.UTF-8 "" tpa-apply 2>out; [ $? -eq 2 ]; } &&
	grep -qx "tpa-apply: APPLICATIONS.csv is missing" out'
else
	skip "files byte-identical across locales, and Chinese messages (zh_CN.UTF-8 is not generated here)"
fi

# A machine without the Chinese locale: LANG names a locale that is not
# there; the program stays in C, and writes the same bytes.
expect "LANG naming a locale this machine lacks: the same files, the messages in English" '
	run a C "" UTC && run e xx_YY.UTF-8 "" Asia/Shanghai && run f zh_CN.GB18030 zh_CN UTC &&
	! locale -a 2>/dev/null | grep -qix "xx_YY\.utf-\?8" &&
	diff -r a e && diff -r a f &&
	grep -q "^applicants: " e.err && ! grep -q "申请" e.err'
