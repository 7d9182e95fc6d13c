#!/bin/sh
# make and make status as a clerk types them: in the sample county and in
# a county made by tpa-init, from a clone and from an install, with no
# TPA_MK_DIR, TPA_LOCALEDIR or TPA_BIN and tpa not on PATH (a clone) —
# the committed Makefiles hold no path of this machine; ../.tpa-bin.mk,
# which git does not keep, names the programs. Under LANG=zh_CN.UTF-8
# every line make prints is Chinese: no level, decision, status or
# step in English (file names, program names and codes aside). Waiting is
# one line per village, with no make error line. tpa status in a town's
# and a county's folder counts its villages.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "the sample county's three folders run through make; t0864 and t0954 run tpa status under memcheck"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

if ! have_zh; then
	skip "zh_CN.UTF-8 is not generated on this machine"
	exit 0
fi

# sample DIR: the sample county (its committed Makefiles) in DIR, the
# shipped rules beside its own, and each year's .tpa-bin.mk naming the
# programs, as make sample writes them in its copy.
sample() {
	mkdir -p "$1" && cp -R "$SAMPLE/county/." "$1/" && cp "$ROOT"/rules/*.yaml "$1/rules/" &&
	for y in 2015 2016 2017; do
		printf "TPA_BIN ?= %s\n" "$TPA_BIN" >"$1/$y/.tpa-bin.mk" || return 1
	done
}

# english FILE: the lines of FILE that hold an English word of the
# procedure once file names, paths and folder names (any word with a
# ".", "/" or "-") are set aside; none: status 1.
english() {
	sed -E 's#[A-Za-z0-9_./-]*[./-][A-Za-z0-9_./-]*##g' "$1" |
	    grep -wiE 'village|town|county|above_line|below_line|eligible|excluded|unverified|admitted|rejected|confirmed|removed|pending|waiting|blocked|ready|done|failed|objections?|audit|notice|publicized|households?|people|registry|error'
}

# others FILE: the lines of FILE (the letters' count, 告知书（村）, too).
others() {
	cat "$1"
}

expect "the sample county from a clone: the committed Makefiles name no path of this machine" '
	for f in "$SAMPLE"/county/*/*/Makefile; do
		! grep -q "/usr\|/home\|/work\|/share/" "$f" || { echo "$f"; exit 1; }
		grep -q "^include \$(or \$(TPA_MK_DIR),\$(shell \$(patsubst %,%/,\$(or \$(TPA_BIN),\$(shell sed -n .s/^TPA_BIN ?= //p. ../.tpa-bin.mk 2>/dev/null)))tpa --mk-dir 2>/dev/null)," "$f" || { echo "$f"; exit 1; }
	done'

expect "the sample county from a clone, make in the county folder with no variable: every village reaches its registry; every line is Chinese" '
	sample c && (cd c/2015/county-371323 && clerk make -s) >out 2>&1 &&
	for v in 371323105201 371323105202 371323105203 371323106201; do
		[ -f c/2015/$v/registry/households.csv ] || { echo "$v"; exit 1; }
	done &&
	! grep -q "\*\*\*\|错误 1" out &&
	grep -qx "371323105201 (双河村), 2015: 各步骤均已完成" out &&
	grep -q "^公示（村）：确认 " out && grep -q "^审核（乡镇）：3 个村" out &&
	grep -qx "有 1 条表决记录的农户不符合条件，这些记录不起作用" out &&
	! grep -q "这条表决记录不起作用" out &&
	others out >lines &&
	{ english lines; [ $? -eq 1 ]; }'

expect "make status in a sample village, no variable: each step in Chinese, exit 0" '
	sample c && (cd c/2015/county-371323 && clerk make -s) >/dev/null 2>&1 &&
	(cd c/2015/371323105201 && clerk make -s status) >out 2>&1 &&
	[ "$(head -1 out)" = "村 371323105201 (双河村), 2015" ] &&
	grep -qx "  申请                 完成: applicants.csv" out &&
	grep -qx "  建档立卡             完成: registry/" out &&
	[ "$(grep -c "完成" out)" -eq 12 ] && { english out; [ $? -eq 1 ]; }'

expect "a village waiting for its objections, made from the county: one Chinese line for it at the end, no make error, exit 0" '
	sample c && rm c/2015/371323105202/objections-village.csv &&
	(cd c/2015/county-371323 && clerk make -s) >out 2>&1 &&
	[ "$(grep -c 371323105202 out)" -eq 1 ] &&
	grep -qx "371323105202 (东峪村), 2015: 村级异议: 等待: objections-village.csv（公示期 2015-06-04 至 2015-06-10）" out &&
	! grep -q "^tpa: \|\*\*\*" out && others out >lines &&
	{ english lines; [ $? -eq 1 ]; }'

expect "the same village made on its own: one line saying what to do, in Chinese" '
	sample c && rm c/2015/371323105202/objections-village.csv &&
	(cd c/2015/371323105202 && clerk make -s) >out 2>err &&
	[ "$(grep -c "^tpa:" err)" -eq 1 ] &&
	grep -qx "tpa: 等待 objections-village.csv：请张贴 notice-village.html；公示期满后，在该文件中登记收到的异议（没有异议就只留表头一行），再运行 make" err &&
	! grep -q "\*\*\*" err'

expect "make status in the sample town and county folders: each village on a line, then the count" '
	sample c && rm c/2015/371323105202/objections-village.csv &&
	(cd c/2015/county-371323 && clerk make -s) >/dev/null 2>&1 &&
	(cd c/2015/town-371323105 && clerk make -s status) >town 2>&1 &&
	grep -qx "371323105201 (双河村), 2015: 各步骤均已完成" town &&
	grep -qx "371323105202 (东峪村), 2015: 村级异议: 等待: objections-village.csv（公示期 2015-06-04 至 2015-06-10）" town &&
	grep -qx "乡镇 371323105：共 3 个村：完成 2 个，等待 1 个，受阻 0 个，出错 0 个" town &&
	! grep -q 371323106201 town &&
	(cd c/2015/county-371323 && clerk make -s status) >county 2>&1 &&
	grep -qx "371323106201 (石门村), 2015: 各步骤均已完成" county &&
	grep -qx "县 371323：共 4 个村：完成 3 个，等待 1 个，受阻 0 个，出错 0 个" county &&
	(cd c/2015/county-371323; clerk "$TPA_BIN/tpa" status >/dev/null; [ $? -eq 3 ])'

expect "a town objection still pending: the county notice and the registry made before it are not done" '
	sample c && (cd c/2015/county-371323 && clerk make -s) >/dev/null 2>&1 &&
	sed -i "s/^\(371323105202,004,.*\),成立,2015-06-19,临涧镇扶贫办\$/\1,待定,,/" c/2015/town-371323105/objections-town.csv &&
	grep -q ",待定,,\$" c/2015/town-371323105/objections-town.csv &&
	(cd c/2015/county-371323 && clerk make -s) >/dev/null 2>&1;
	(cd c/2015/371323105202 && clerk "$TPA_BIN/tpa" status) >out; [ $? -eq 1 ] &&
	grep -qx "  乡镇异议             受阻: 1 条异议待定：004" out &&
	grep -qx "  县级公告             做得过早，须重做: notice-county.html" out &&
	grep -qx "  县级异议             做得过早，须重做: publicized-county.csv" out &&
	grep -qx "  建档立卡             做得过早，须重做: registry/" out &&
	! grep -q "^  \(县级公告\|县级异议\|建档立卡\) *完成" out'

# area DIR: a county of one town and one village made by tpa-init in
# DIR/2015 as a clerk runs it from a clone (PATH without the programs),
# the sample county's rules in DIR/rules, the names and contacts filled in.
area() {
	sample_rules "$1" &&
	clerk "$TPA_BIN/tpa-init" -q --county 371323 --year 2015 --rules "$1/rules/yishui-2015.yaml" \
	    "$1/2015/county-371323" &&
	clerk "$TPA_BIN/tpa-init" -q --town 371323105 --year 2015 "$1/2015/town-371323105" &&
	clerk "$TPA_BIN/tpa-init" -q --code 371323105201 --year 2015 "$1/2015/371323105201" &&
	sed -i "s/^  name: \"\"   /  name: 沂水县/; s/^  contact: \"\"/  contact: \"县扶贫办 0539-2251369\"/" \
	    "$1/2015/county-371323/county.yaml" &&
	sed -i "s/^  name: \"\"   /  name: 临涧镇/; s/^  contact: \"\"/  contact: \"镇扶贫办 0539-2516018\"/" \
	    "$1/2015/town-371323105/town.yaml" &&
	printf "371323105201,双河村,2937,900,true,20,,,,,,\n" >>"$1/2015/town-371323105/villages.csv"
}

expect "tpa-init from a clone: ../.tpa-bin.mk names the programs, git keeps it out, the Makefiles name no path" '
	area y &&
	[ "$(cat y/2015/.tpa-bin.mk | grep -v "^#")" = "TPA_BIN ?= $(cd "$TPA_BIN" && pwd -P)" ] &&
	grep -qx ".tpa-bin.mk" y/2015/.gitignore &&
	for d in 371323105201 town-371323105 county-371323; do
		! grep -qF "$TPA_BIN" y/2015/$d/Makefile && ! grep -q "/share/" y/2015/$d/Makefile || exit 1
	done'

expect "tpa-init from a clone: make status in the village, the town and the county, no variable, in Chinese" '
	area y &&
	(cd y/2015/371323105201 && clerk make -s status) >v 2>&1 &&
	[ "$(head -1 v)" = "村 371323105201, 2015" ] &&
	grep -qx "  申请                 等待: applications.csv（请填写 templates/applications.csv）" v &&
	(cd y/2015/town-371323105 && clerk make -s status) >t 2>&1 &&
	grep -qx "371323105201, 2015: 申请: 等待: applications.csv（请填写 templates/applications.csv）" t &&
	grep -qx "乡镇 371323105：共 1 个村：完成 0 个，等待 1 个，受阻 0 个，出错 0 个" t &&
	(cd y/2015/county-371323 && clerk make -s status) >c 2>&1 &&
	grep -qx "县 371323：共 1 个村：完成 0 个，等待 1 个，受阻 0 个，出错 0 个" c &&
	cat v t c >all && { english all; [ $? -eq 1 ]; }'

expect "tpa-init from a clone: make in the new village waits for its applications: one Chinese line, exit 0; make status says the same" '
	area y && (cd y/2015/371323105201 && clerk make -s) >out 2>&1 &&
	cat >want <<EOF && same out want &&
tpa: 等待 applications.csv：请填写 templates/applications.csv（表头已备好），保存到本文件夹，再运行 make
EOF
	(cd y/2015/371323105201 && clerk make -s status) >st 2>&1 &&
	grep -qx "  申请                 等待: applications.csv（请填写 templates/applications.csv）" st &&
	cp "$SAMPLE/county/2015/371323105201/applications.csv" y/2015/371323105201/ &&
	(cd y/2015/371323105201 && clerk make -s) >out 2>&1 &&
	grep -qx "tpa: 等待 survey.csv：请填写 templates/survey.csv（表头已备好），保存到本文件夹，再运行 make" out &&
	[ "$(grep -c "^tpa: " out)" -eq 1 ] && [ -f y/2015/371323105201/applicants.csv ]'

# install DIR: the layout make install PREFIX=DIR writes: the programs in
# bin/, the make rules in share/tpa/, the catalogue in share/locale/.
install_to() {
	mkdir -p "$1/bin" "$1/share/tpa" "$1/share/locale/zh_CN/LC_MESSAGES" &&
	cp "$TPA_BIN"/tpa "$TPA_BIN"/tpa-* "$1/bin/" && rm -f "$1/bin/tpa-gen" "$1/bin/tpa-bare" &&
	cp "$ROOT"/build-aux/village.mk "$ROOT"/build-aux/town.mk "$ROOT"/build-aux/county.mk \
	    "$ROOT"/build-aux/area.mk "$1/share/tpa/" &&
	cp "$TPA_LOCALEDIR/zh_CN/LC_MESSAGES/tpa.mo" "$1/share/locale/zh_CN/LC_MESSAGES/"
}

expect "an install: tpa --mk-dir names its share/tpa; messages Chinese without TPA_LOCALEDIR" '
	install_to p && P=$(pwd -P)/p &&
	[ "$(clerk "$P/bin/tpa" --mk-dir)" = "$P/share/tpa" ] &&
	clerk "$P/bin/tpa-apply" 2>err; [ $? -eq 2 ] && grep -q "^tpa-apply: 缺少 APPLICATIONS.csv" err &&
	clerk "$TPA_BIN/tpa-apply" 2>err; [ $? -eq 2 ] && grep -q "^tpa-apply: 缺少 APPLICATIONS.csv" err'

expect "an install on PATH: tpa-init writes no .tpa-bin.mk; make status in the village and the sample county work with no variable" '
	install_to p && P=$(pwd -P)/p &&
	env -u TPA_MK_DIR -u TPA_LOCALEDIR -u TPA_BIN -u LC_ALL PATH="$P/bin:/usr/bin:/bin" LANG=zh_CN.UTF-8 \
	    tpa-init -q --code 371323105201 --year 2015 z/2015/371323105201 &&
	[ ! -e z/2015/.tpa-bin.mk ] &&
	(cd z/2015/371323105201 && env -u TPA_MK_DIR -u TPA_LOCALEDIR -u TPA_BIN -u LC_ALL \
	    PATH="$P/bin:/usr/bin:/bin" LANG=zh_CN.UTF-8 make -s status) >out 2>&1 &&
	[ "$(head -1 out)" = "村 371323105201, 2015" ] &&
	mkdir -p s && cp -R "$SAMPLE/county/." s/ && cp "$ROOT"/rules/*.yaml s/rules/ &&
	(cd s/2015/county-371323 && env -u TPA_MK_DIR -u TPA_LOCALEDIR -u TPA_BIN -u LC_ALL \
	    PATH="$P/bin:/usr/bin:/bin" LANG=zh_CN.UTF-8 make -s) >out 2>&1 &&
	[ -f s/2015/371323106201/registry/households.csv ] &&
	grep -qx "371323106201 (石门村), 2015: 各步骤均已完成" out'

expect "tpa not to be found: make says so in one line, in Chinese and English" '
	sample c && rm c/2015/.tpa-bin.mk &&
	(cd c/2015/371323105201 && clerk make -s status) >out 2>&1; [ $? -eq 2 ] &&
	grep -q "找不到 tpa 程序.*tpa is not on PATH" out'
