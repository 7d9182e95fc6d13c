#!/bin/sh
# Property test: random villages through tpa-apply and tpa-survey.
#
# Every run builds the same N villages from a seed (1-40 households, 0-400
# extra columns, random rejects, encodings, header languages and column
# orders), runs apply then survey on each, and checks what must hold
# whatever the data:
#   - exit status 0, 1 or 2, never a signal or a sanitizer report;
#   - well-formed files are not refused (exit 2);
#   - every data row of applications.csv ends in exactly one of
#     applicants.csv and rejects-apply.csv;
#   - every household of applicants.csv is in primary.csv exactly once;
#   - no full ID number in rejects-apply.csv or rejects-survey.csv;
#   - PROVENANCE.csv is readable (7 cells a row, UTF-8) and its sha256
#     values match the files;
#   - the inputs are byte-identical after the run.
# The villages of tests/cli/data/property/*/ (cases kept from earlier
# failures) are checked too.
#
# Replay one village:
#   TPA_BIN=$PWD/bin TPA_RESULTS=/dev/stdout TPA_PROPERTY_SEED=S TPA_PROPERTY_CASE=K \
#       sh tests/cli/t0850-property.sh
# TPA_PROPERTY_N villages (default 30, 10 under valgrind); TPA_PROPERTY_KEEP=DIR
# copies the villages that break an invariant into DIR.
. "$(dirname "$0")/lib.sh"
RULES=$(cd "$(dirname "$0")/../../rules" && pwd)
seed=${TPA_PROPERTY_SEED:-20150523}
nvillages=${TPA_PROPERTY_N:-30}
# Under valgrind (make check-valgrind) every run costs a second: 10 villages.
[ "${TPA_VALGRIND:-0}" = 1 ] && nvillages=${TPA_PROPERTY_N:-10}
only=${TPA_PROPERTY_CASE:-}
P=$scratch/property
mkdir -p "$P/rules" "$P/orig" "$P/log"
cp "$RULES"/*.yaml "$P/rules/"
awk=awk

# ---- the generator ---------------------------------------------------------
# awk -v seed=S -v k=K -v dir=D -f gen.awk writes D/applications.csv,
# D/survey.csv, D/village.yaml (UTF-8, LF), D/manifest (one line per data
# row of applications.csv: first line, last line, id_number as written) and
# D/meta (how to encode each file). Its own random generator (Park-Miller),
# so that every awk gives the same villages.
cat >"$P/gen.awk" <<'AWK'
function rnd() { st = (st * 16807) % 2147483647; return st / 2147483647 }
function ri(a, b) { return a + int(rnd() * (b - a + 1)) }
function chance(p) { return rnd() < p }
function pick(list,   n, arr) { n = split(list, arr, "|"); return arr[ri(1, n)] }
function idcheck(s,   i, sum) {
	sum = 0
	for (i = 1; i <= 17; i++) sum += substr(s, i, 1) * W[i]
	return substr("10X98765432", sum % 11 + 1, 1)
}
function mkid(y, m, d, seq,   s) {
	s = sprintf("371323%04d%02d%02d%03d", y, m, d, seq)
	return s idcheck(s)
}
function fmtdate(y, m, d,   f) {
	f = ri(1, 4)
	if (f == 1) return sprintf("%04d-%02d-%02d", y, m, d)
	if (f == 2) return sprintf("%d/%d/%d", y, m, d)
	if (f == 3) return sprintf("%d.%d.%d", y, m, d)
	return sprintf("%d年%d月%d日", y, m, d)
}
# A cell as CSV: quoted when it holds a comma, quote, newline or edge space.
function q(s) {
	if (s ~ /[",\r\n]/ || s ~ /^ / || s ~ / $/) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
	return s
}
function nlines(s,   t) { t = s; return gsub(/\n/, "", t) }
function label(en, zh) { return (vlang == "zh" || (vlang == "mixed" && chance(0.5))) ? zh : en }
function header_name(c) {
	if (hlang == "zh" && (c in ZH)) return pick(ZH[c])
	if (hlang == "mixed" && (c in ZH) && chance(0.5)) return pick(ZH[c])
	if (chance(0.1)) return " " toupper(substr(c, 1, 1)) substr(c, 2) " "
	return c
}
function shuffle(a, n,   i, j, t) {
	for (i = n; i > 1; i--) { j = ri(1, i); t = a[i]; a[i] = a[j]; a[j] = t }
}
function extra_value(j) {
	if (chance(0.3)) return ""
	if (chance(0.1)) return sprintf("6222%015d", ri(0, 999999999))   # a bank card, 19 digits
	if (chance(0.2)) return pick("村东|村西|二组|三组|备注 甲")
	return "v" j "-" ri(0, 999)
}
# Print one row of applications.csv and note it in the manifest.
function emit_row(cells, n, idw, raw,   i, line, nl) {
	line = ""
	for (i = 1; i <= n; i++) line = line (i > 1 ? "," : "") (raw == i ? cells[i] : q(cells[i]))
	nl = nlines(line)
	print line >APP
	print (lineno + 1) "\t" (lineno + 1 + nl) "\t" idw >MAN
	lineno += 1 + nl
}
BEGIN {
	split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", W, " ")
	st = (seed * 7919 + k * 104729) % 2147483646 + 1
	for (i = 0; i < 5; i++) rnd()
	APP = dir "/applications.csv"; SUR = dir "/survey.csv"; MAN = dir "/manifest"
	ZH["household_id"] = "户编号|户号|家庭编号"; ZH["name"] = "姓名"
	ZH["id_number"] = "身份证号|身份证号码|公民身份号码"; ZH["relation"] = "与户主关系"
	ZH["sex"] = "性别"; ZH["birth_date"] = "出生日期"; ZH["health"] = "健康状况"
	ZH["labor"] = "劳动能力"; ZH["education"] = "文化程度"; ZH["in_school"] = "在校生状况"
	ZH["occupation"] = "职业"; ZH["phone"] = "联系电话"; ZH["apply_date"] = "申请日期"
	ZH["declared_reason"] = "申请理由"; ZH["survey_date"] = "调查日期"
	ZH["surveyors"] = "调查人"; ZH["wage_income"] = "工资性收入"
	ZH["business_income"] = "生产经营性收入"; ZH["property_income"] = "财产性收入"
	ZH["transfer_income"] = "转移性收入"; ZH["housing"] = "住房情况"
	ZH["drinking_water"] = "饮水安全"; ZH["dibao"] = "是否低保"; ZH["main_cause"] = "主要致贫原因"

	# Always 0, 1, 2, 12 and 400 extra columns in the first five villages.
	if (k <= 5) nextra = (k == 1 ? 0 : k == 2 ? 1 : k == 3 ? 2 : k == 4 ? 12 : 400)
	else if (chance(0.6)) nextra = ri(0, 15)
	else nextra = ri(16, 400)
	nhh = ri(1, 40)
	hlang = pick("en|zh|mixed"); vlang = pick("en|zh|mixed")
	hstyle = ri(1, 4)

	# applications.csv: required columns, some optional ones, the extras.
	nc = split("household_id name id_number relation apply_date", C, " ")
	split("sex birth_date health labor education in_school occupation phone declared_reason", O, " ")
	for (i = 1; i <= 9; i++) if (chance(0.5)) C[++nc] = O[i]
	for (j = 1; j <= nextra; j++) C[++nc] = (chance(0.5) ? "x" j : "备注" j)
	if (chance(0.5)) shuffle(C, nc)
	for (i = 1; i <= nc; i++) { H[i] = header_name(C[i]); POS[C[i]] = i }
	line = ""
	for (i = 1; i <= nc; i++) line = line (i > 1 ? "," : "") q(H[i])
	print line >APP
	lineno = 1
	nperson = 0
	for (h = 1; h <= nhh; h++) {
		if (hstyle == 1) hid = sprintf("H%03d", h)
		else if (hstyle == 2) hid = h
		else if (hstyle == 3) hid = sprintf("G%d-%d", ri(1, 9), h)
		else hid = sprintf("hh_%02d", h)
		HID[h] = hid
		nm = ri(1, 6)
		defect = chance(0.35) ? ri(1, 14) : 0
		victim = ri(1, nm)
		for (m = 1; m <= nm; m++) {
			nperson++
			male = chance(0.5)
			y = (m == 1) ? ri(1930, 1995) : ri(1930, 2014)
			mo = ri(1, 12); d = ri(1, 28)
			id = mkid(y, mo, d, 2 * nperson + (male ? 1 : 0))
			if (chance(0.05)) id = substr(id, 1, 17) tolower(substr(id, 18))
			IDS[nperson] = id
			for (i = 1; i <= nc; i++) cell[i] = ""
			if (m == 1) rel = label("head", "户主")
			else rel = label(pick("spouse|child|child_in_law|grandchild|parent|grandparent|sibling|other"), \
			    pick("配偶|子女|儿媳|孙子女|父母|祖父母|兄弟姐妹|其他"))
			name = pick("张|王|李|赵|刘|陈|杨|黄|周|吴|Zhang |Li ") pick("建国|秀英|伟|芳|小龙|桂兰|Wei|Fang|明")
			if (chance(0.05)) name = "　" name "  "
			if (chance(0.03)) name = name ", 之子"
			if (chance(0.03)) name = "\"" name "\""
			cell[POS["household_id"]] = hid
			cell[POS["name"]] = name
			cell[POS["id_number"]] = id
			cell[POS["relation"]] = rel
			cell[POS["apply_date"]] = (m == 1) ? fmtdate(2015, ri(1, 6), ri(1, 28)) : ""
			if ("sex" in POS) cell[POS["sex"]] = chance(0.2) ? "" : male ? label("male", "男") : label("female", "女")
			if ("birth_date" in POS) cell[POS["birth_date"]] = chance(0.3) ? "" : fmtdate(y, mo, d)
			if ("health" in POS) cell[POS["health"]] = label(pick("healthy|chronic|serious|disabled"), pick("健康|长期慢性病|患有大病|残疾"))
			if ("labor" in POS) cell[POS["labor"]] = chance(0.2) ? "" : label(pick("full|partial|none"), pick("普通劳动力|弱劳动力或半劳动力|丧失劳动力"))
			if ("education" in POS) cell[POS["education"]] = label(pick("illiterate|primary|junior|senior|college"), pick("文盲或半文盲|小学|初中|高中|大专及以上"))
			if ("in_school" in POS) cell[POS["in_school"]] = pick("|no|primary|junior|senior|vocational")
			if ("occupation" in POS) cell[POS["occupation"]] = pick("|farmer|务农|外出务工|civil_servant|学生|村干部")
			if ("phone" in POS) cell[POS["phone"]] = (m == 1 && chance(0.7)) ? sprintf("139%08d", ri(0, 99999999)) : ""
			if ("declared_reason" in POS) cell[POS["declared_reason"]] = (m == 1) ? pick("因病|缺劳力, 缺资金|\"穷\"|line one\nline two|") : ""
			for (j = 1; j <= nextra; j++) {
				c = POS[(("x" j) in POS) ? "x" j : "备注" j]
				cell[c] = extra_value(j)
			}
			raw = 0
			n = nc
			if (m == victim && defect > 0) {
				if (defect == 1) {            # bad check character
					ch = substr(id, 18, 1); ch = (ch == "0") ? "1" : (ch == "X" || ch == "x") ? "0" : "X"
					cell[POS["id_number"]] = substr(id, 1, 17) ch
				} else if (defect == 2) {     # no head
					if (m == 1) cell[POS["relation"]] = label("spouse", "配偶")
				} else if (defect == 3) {     # the same person twice
					if (nperson > 1) cell[POS["id_number"]] = IDS[ri(1, nperson - 1)]
				} else if (defect == 4) {     # impossible date
					cell[POS["apply_date"]] = pick("2015-13-01|2015-02-30|2015年13月1日|yesterday|2015/0/1")
				} else if (defect == 5) {     # ragged: a cell short
					n = nc - 1
				} else if (defect == 6) {     # ragged: a cell too many
					cell[nc + 1] = "surplus"; n = nc + 1
				} else if (defect == 7) {     # unquoted comma in the name: the ID moves into relation
					cell[POS["name"]] = "张,三"; raw = POS["name"]
					if (raw == nc) raw = 0
				} else if (defect == 8) {     # an ID typed into relation
					cell[POS["relation"]] = mkid(1970, 1, 1, 999)
				} else if (defect == 9) {     # an ID typed into a date column
					c = ("birth_date" in POS) ? "birth_date" : "apply_date"
					cell[POS[c]] = id
				} else if (defect == 10) {    # an old 15-digit number, or one a spreadsheet mangled
					cell[POS["id_number"]] = chance(0.5) ? "371323" substr(id, 9, 6) substr(id, 15, 3) : "3.71323E+17"
				} else if (defect == 11) {    # empty name
					cell[POS["name"]] = ""
				} else if (defect == 12) {    # control characters in the name
					cell[POS["name"]] = "\033[31m" name "\007"
				} else if (defect == 13) {    # two heads
					cell[POS["relation"]] = label("head", "户主")
					if (m == 1 && nm == 1) cell[POS["relation"]] = label("spouse", "配偶")
				} else if (defect == 14) {    # an ID in another column: name, or a
					c = pick("name|household_id|apply_date")   # household number
					cell[POS[c]] = mkid(1980, 2, 2, 998)
				}
			}
			emit_row(cell, n, cell[POS["id_number"]], raw)
		}
	}

	# survey.csv: one row per household, with holes, duplicates and orphans.
	# housing, urban_house and car_value are read by the rules: a survey
	# without them is refused (SPEC 4: a column a rule reads must exist).
	ns = split("household_id survey_date surveyors wage_income business_income property_income transfer_income urban_house car_value housing", S, " ")
	split("drinking_water dibao main_cause", O, " ")
	for (i = 1; i <= 3; i++) if (chance(0.6)) S[++ns] = O[i]
	for (j = 1; j <= nextra; j++) S[++ns] = "x" j
	if (chance(0.5)) shuffle(S, ns)
	hlang = pick("en|zh|mixed")
	line = ""
	for (i = 1; i <= ns; i++) { line = line (i > 1 ? "," : "") q(header_name(S[i])); SP[S[i]] = i }
	print line >SUR
	for (h = 1; h <= nhh + 1; h++) {
		if (h <= nhh && chance(0.1)) continue              # not surveyed
		reps = (h <= nhh && chance(0.05)) ? 2 : 1          # surveyed twice
		for (r = 1; r <= reps; r++) {
			for (i = 1; i <= ns; i++) cell[i] = ""
			if (h > nhh) { if (chance(0.5)) break; cell[SP["household_id"]] = "Z999" }
			else cell[SP["household_id"]] = HID[h]
			cell[SP["survey_date"]] = fmtdate(2015, ri(5, 6), ri(1, 28))
			cell[SP["surveyors"]] = pick("李干事;王委员|赵干事|Li")
			cell[SP["wage_income"]] = pick("0|1200|6,000|¥3000.50|12000")
			cell[SP["business_income"]] = pick("0|-2000|2500.5|800")
			cell[SP["property_income"]] = pick("0|0|200")
			cell[SP["transfer_income"]] = pick("0|500|1,800|4365")
			cell[SP["urban_house"]] = pick("no|no|yes|否|是|0|")
			cell[SP["car_value"]] = pick("0|0|50000|30,000.01|")
			if ("housing" in SP) cell[SP["housing"]] = label(pick("safe|c_grade|d_grade|none"), pick("安全|C级危房|D级危房|无房"))
			if ("drinking_water" in SP) cell[SP["drinking_water"]] = label(pick("safe|unsafe"), pick("安全|不安全"))
			if ("dibao" in SP) cell[SP["dibao"]] = pick("yes|no|是|否|")
			if ("main_cause" in SP) cell[SP["main_cause"]] = pick("|illness|因病|因学|缺资金|lack_of_labor")
			for (j = 1; j <= nextra; j++) cell[SP["x" j]] = extra_value(j)
			n = ns
			if (chance(0.1)) {
				bad = ri(1, 6)
				if (bad == 1) cell[SP["wage_income"]] = pick("abc|1.234|--5|1e9")
				else if (bad == 2) cell[SP["urban_house"]] = pick("maybe|有时|2")
				else if (bad == 3) cell[SP["survey_date"]] = pick("2015-13-01|2015-02-30")
				else if (bad == 4) n = ns - 1
				else if (bad == 5) cell[SP["household_id"]] = mkid(1975, 5, 5, 997)   # an ID for the household number
				else cell[SP[pick("transfer_income|car_value|survey_date")]] = mkid(1975, 5, 5, 997)
			}
			line = ""
			for (i = 1; i <= n; i++) line = line (i > 1 ? "," : "") q(cell[i])
			print line >SUR
		}
	}

	print "village:" >(dir "/village.yaml")
	print "  code: \"371323105201\"" >(dir "/village.yaml")
	print "  name: 双河村" >(dir "/village.yaml")
	print "  town: 临涧镇" >(dir "/village.yaml")
	print "  county: 沂水县" >(dir "/village.yaml")
	print "  population: " ri(100, 3000) >(dir "/village.yaml")
	print "  key_village: " pick("true|false") >(dir "/village.yaml")
	# (no "language:" yet: the village.yaml loader does not know it)
	print "year: 2015" >(dir "/village.yaml")
	print "rules: ../rules/example-2015.yaml" >(dir "/village.yaml")

	# How each file is written: utf8, bom (UTF-8 with BOM) or gb18030; crlf.
	printf "%s %d %s %d %d %d\n", pick("utf8|utf8|bom|gb18030"), chance(0.3), \
	    pick("utf8|utf8|bom|gb18030"), chance(0.3), nhh, nextra >(dir "/meta")
}
AWK

# encode FILE ENCODING CRLF: rewrite FILE as a spreadsheet might save it.
encode() {
	if [ "$3" = 1 ]; then sed 's/$/\r/' "$1" >"$1.t" && mv "$1.t" "$1"; fi
	case $2 in
	bom) { printf '\357\273\277'; cat "$1"; } >"$1.t" && mv "$1.t" "$1" ;;
	gb18030) iconv -f UTF-8 -t GB18030 "$1" >"$1.t" && mv "$1.t" "$1" ;;
	esac
}

# san FILE: the sanitizer or valgrind reports in a stderr file.
san() {
	{ grep -E '^SUMMARY: |runtime error:' "$1"; grep -E '^==[0-9]+== ' "$1"; } | head -n 2 | tr '\n' ' '
}

# ---- build and run every village -----------------------------------------
villages=""
k=1
[ -z "$only" ] || { k=$only; nvillages=$only; }
while [ "$k" -le "$nvillages" ]; do
	v=$(printf 'v%03d' "$k")
	mkdir -p "$P/$v"
	LC_ALL=C $awk -v seed="$seed" -v k="$k" -v dir="$P/$v" -f "$P/gen.awk" || exit 1
	read -r aenc acrlf senc scrlf nhh nextra <"$P/$v/meta"
	encode "$P/$v/applications.csv" "$aenc" "$acrlf"
	encode "$P/$v/survey.csv" "$senc" "$scrlf"
	[ "$acrlf" = 1 ] && aenc="$aenc+CRLF"
	[ "$scrlf" = 1 ] && senc="$senc+CRLF"
	echo "case $k of seed $seed: $nhh households, $nextra extra columns, applications.csv $aenc, survey.csv $senc" >"$P/$v/what"
	villages="$villages $v"
	k=$((k + 1))
done
# Villages kept from earlier failures: DIR/applications.csv, survey.csv,
# village.yaml, the manifest, and "what" says what went wrong.
for d in "$DATA"/property/*/; do
	[ -z "$only" ] && [ -f "$d/applications.csv" ] || continue
	v=kept-$(basename "$d")
	mkdir -p "$P/$v"
	cp "$d"/* "$P/$v/"
	[ -f "$P/$v/village.yaml" ] || printf 'village:\n  code: "371323105201"\n  name: 双河村\n  town: 临涧镇\n  county: 沂水县\n  population: 800\nyear: 2015\nrules: ../rules/example-2015.yaml\n' >"$P/$v/village.yaml"
	echo "kept case tests/cli/data/property/$(basename "$d"): $(cat "$d/what" 2>/dev/null)" >"$P/$v/what"
	villages="$villages $v"
done

cp "$P"/rules/*.yaml "$P/orig/"
for v in $villages; do
	mkdir -p "$P/orig/$v"
	cp "$P/$v/applications.csv" "$P/$v/survey.csv" "$P/$v/village.yaml" "$P/orig/$v/"
	(
		cd "$P/$v" || exit 1
		tpa-apply --village village.yaml -o applicants.csv applications.csv \
		    >/dev/null 2>"$P/log/$v.apply.err" </dev/null
		echo $? >"$P/log/$v.apply.rc"
		rc=$(cat "$P/log/$v.apply.rc")
		if [ "$rc" -le 1 ] && [ -f applicants.csv ]; then
			tpa-survey --village village.yaml -o primary.csv applicants.csv survey.csv \
			    >/dev/null 2>"$P/log/$v.survey.err" </dev/null
			echo $? >"$P/log/$v.survey.rc"
		fi
	)
done

# ---- helpers for the checks -----------------------------------------------
# csvcells FILE: one line per record, cells separated by TAB (TAB, CR and LF
# inside cells shown as \t, \r, \n); a UTF-8 BOM is dropped.
csvcells() {
	LC_ALL=C $awk '
	NR == 1 { sub(/^\357\273\277/, "") }
	{
		rec = (pending ? rec "\n" : "") $0
		t = rec; nq = gsub(/"/, "", t)
		if (nq % 2) { pending = 1; next }
		pending = 0
		out = ""; cell = ""; inq = 0; n = length(rec)
		for (i = 1; i <= n; i++) {
			c = substr(rec, i, 1)
			if (inq) {
				if (c == "\"") {
					if (substr(rec, i + 1, 1) == "\"") { cell = cell "\""; i++ }
					else inq = 0
				} else cell = cell c
			} else if (c == "\"") inq = 1
			else if (c == ",") { out = out esc(cell) "\t"; cell = "" }
			else if (c == "\r" && i == n) ;
			else cell = cell c
		}
		print out esc(cell)
	}
	function esc(s) { gsub(/\\/, "\\\\", s); gsub(/\t/, "\\t", s); gsub(/\r/, "\\r", s); gsub(/\n/, "\\n", s); return s }
	END { if (pending) print "UNTERMINATED QUOTE" }' "$1"
}

# col_of NAME: the cells of column NAME of csvcells output on stdin.
col_of() {
	$awk -F '\t' -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next } c { print $c }'
}

# ran VILLAGE STAGE: the stage ran to its end (exit 0 or 1, no sanitizer
# report), so that its outputs can be checked.
ran() {
	[ -f "$P/log/$1.$2.rc" ] || return 1
	case $(cat "$P/log/$1.$2.rc") in 0|1) [ -z "$(san "$P/log/$1.$2.err")" ] ;; *) return 1 ;; esac
}
# died VILLAGE: a stage ended in a signal or a sanitizer report (reported
# by the first check; its outputs may be missing).
died() {
	for s in apply survey; do
		[ -f "$P/log/$1.$s.rc" ] || continue
		[ "$(cat "$P/log/$1.$s.rc")" -gt 2 ] || [ -n "$(san "$P/log/$1.$s.err")" ] && return 0
	done
	return 1
}

# fail VILLAGE MESSAGE: one failure, with what it takes to replay it.
failures=0
fail() {
	echo "$1 ($(cat "$P/$1/what" 2>/dev/null)): $2"
	failures=$((failures + 1))
	if [ -n "${TPA_PROPERTY_KEEP:-}" ]; then
		mkdir -p "$TPA_PROPERTY_KEEP/$1"
		cp "$P/orig/$1"/* "$P/$1/manifest" "$TPA_PROPERTY_KEEP/$1/" 2>/dev/null
	fi
}
checked=0
summary() {
	echo "$checked village(s) checked"
	if [ "$checked" -eq 0 ]; then echo "no village could be checked"; return 1; fi
	if [ "$failures" -gt 0 ]; then
		echo "$failures failure(s); replay one with TPA_PROPERTY_SEED=$seed TPA_PROPERTY_CASE=K (K = the case number)"
		return 1
	fi
}

# ---- the invariants -------------------------------------------------------
expect "random villages (seed $seed): exit status 0, 1 or 2, never a signal or a sanitizer report" '
	for v in $villages; do
		checked=$((checked + 1))
		for s in apply survey; do
			[ -f "$P/log/$v.$s.rc" ] || continue
			rc=$(cat "$P/log/$v.$s.rc")
			case $rc in 0|1|2) ;; *) fail $v "tpa-$s exit status $rc: $(tail -n 2 "$P/log/$v.$s.err" | tr "\n" " ")" ;; esac
			r=$(san "$P/log/$v.$s.err")
			[ -z "$r" ] || fail $v "tpa-$s: $r"
		done
	done
	summary'

expect "random villages (seed $seed): well-formed files are not refused (exit 2)" '
	for v in $villages; do
		checked=$((checked + 1))
		for s in apply survey; do
			[ -f "$P/log/$v.$s.rc" ] || continue
			[ "$(cat "$P/log/$v.$s.rc")" != 2 ] || fail $v "tpa-$s exit 2: $(head -n 2 "$P/log/$v.$s.err" | tr "\n" " ")"
		done
	done
	summary'

expect "random villages (seed $seed): every data row of applications.csv is in exactly one of applicants.csv and rejects-apply.csv" '
	for v in $villages; do
		ran $v apply && [ -f "$P/$v/manifest" ] || continue
		checked=$((checked + 1))
		csvcells "$P/$v/applicants.csv" | col_of id_number | tr x X >"$P/$v/accepted.ids"
		csvcells "$P/$v/rejects-apply.csv" | col_of line | sort -un >"$P/$v/rejected.lines"
		r=$($awk -F "\t" -v acc="$P/$v/accepted.ids" -v rej="$P/$v/rejected.lines" "
			BEGIN {
				while ((getline l <acc) > 0) nacc[l]++
				while ((getline l <rej) > 0) { rejected[l] = 1; nrej++ }
			}
			{
				rows++; id = toupper(\$3); r = 0
				for (l = \$1; l <= \$2; l++) if (l in rejected) { r = 1; claimed[l] = 1 }
				if (!r) left[id]++
			}
			END {
				for (l in rejected) if (!(l in claimed)) { printf \"rejects-apply.csv names line %s, which starts no data row; \", l; bad = 1 }
				for (id in left) { a = (id in nacc) ? nacc[id] : 0; if (left[id] != a) { printf \"%d row(s) of %s not rejected, %d accepted; \", left[id], id, a; bad = 1 } }
				for (id in nacc) if (!(id in left)) { printf \"%s accepted but its row was rejected or is not in the input; \", id; bad = 1 }
				n = 0; for (id in nacc) n += nacc[id]
				if (n + nrej != rows) { printf \"%d rows in, %d accepted + %d rejected lines\", rows, n, nrej; bad = 1 }
			}" "$P/$v/manifest")
		[ -z "$r" ] || fail $v "$r"
	done
	summary'

expect "random villages (seed $seed): every household of applicants.csv is in primary.csv exactly once" '
	for v in $villages; do
		ran $v survey || continue
		checked=$((checked + 1))
		csvcells "$P/$v/applicants.csv" | col_of household_id | sort -u >"$P/$v/hh.applicants"
		csvcells "$P/$v/primary.csv" | col_of household_id | sort >"$P/$v/hh.primary"
		d=$(sort -u "$P/$v/hh.primary" | cmp -s - "$P/$v/hh.applicants" || echo "household sets differ")
		dup=$(uniq -d "$P/$v/hh.primary" | head -n 3 | tr "\n" " ")
		[ -z "$d$dup" ] || fail $v "${d:-}${d:+; }${dup:+listed twice: $dup}"
	done
	summary'

expect "random villages (seed $seed): no full ID number in rejects-apply.csv or rejects-survey.csv" '
	for v in $villages; do
		checked=$((checked + 1))
		for f in rejects-apply.csv rejects-survey.csv; do
			[ -f "$P/$v/$f" ] || continue
			hit=$(LC_ALL=C grep -n -o -E "(^|[^0-9])([0-9]{17}[0-9Xx]|[0-9]{15})([^0-9]|\$)" "$P/$v/$f" | head -n 2 | tr "\n" " ")
			[ -z "$hit" ] || fail $v "$f holds an ID number: $hit"
		done
	done
	summary'

expect "random villages (seed $seed): PROVENANCE.csv readable (7 cells a row, UTF-8) with sha256 values matching the files" '
	for v in $villages; do
		f=$P/$v/PROVENANCE.csv
		[ -f "$f" ] || { [ "$(cat "$P/log/$v.apply.rc")" = 2 ] || died $v || fail $v "no PROVENANCE.csv"; continue; }
		checked=$((checked + 1))
		iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || { fail $v "PROVENANCE.csv is not UTF-8"; continue; }
		csvcells "$f" >"$P/$v/prov.cells"
		bad=$($awk -F "\t" "NF != 7 { print NR \": \" NF \" cells\"; exit }" "$P/$v/prov.cells")
		[ -z "$bad" ] || { fail $v "PROVENANCE.csv row $bad"; continue; }
		[ "$(head -n 1 "$P/$v/prov.cells")" = "$(printf "output\tsha256\tstage\ttool_version\trules\trules_sha256\tinputs")" ] ||
		    fail $v "PROVENANCE.csv header: $(head -n 1 "$P/$v/prov.cells")"
		tail -n +2 "$P/$v/prov.cells" | $awk -F "\t" "{
			print \$1 \"\t\" \$2
			if (\$5 != \"\") print \$5 \"\t\" \$6
			n = split(\$7, in_, \";\")
			for (i = 1; i <= n; i++) { j = match(in_[i], /@[0-9a-f]+\$/); if (j) print substr(in_[i], 1, j - 1) \"\t\" substr(in_[i], j + 1); else print in_[i] \"\t?\" }
		}" | sort -u >"$P/$v/prov.hashes"
		while IFS="$(printf "\t")" read -r name sum; do
			[ -f "$P/$v/$name" ] || { fail $v "PROVENANCE.csv names $name, not a file"; continue; }
			[ "$(sha256sum <"$P/$v/$name" | cut -c1-64)" = "$sum" ] || fail $v "PROVENANCE.csv: sha256 of $name is not $sum"
		done <"$P/$v/prov.hashes"
	done
	summary'

expect "random villages (seed $seed): inputs byte-identical after the run" '
	for v in $villages; do
		checked=$((checked + 1))
		for f in applications.csv survey.csv village.yaml; do
			cmp -s "$P/orig/$v/$f" "$P/$v/$f" || fail $v "$f changed"
		done
	done
	for f in "$P"/orig/*.yaml; do cmp -s "$f" "$P/rules/$(basename "$f")" || fail rules "$(basename "$f") changed"; done
	summary'
