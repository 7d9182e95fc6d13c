#!/bin/sh
# tpa-audit: every decision re-derived with the stages' own code; tampering
# caught with its code and household; honest folders clean.
. "$(dirname "$0")/lib.sh"
MK=$(cd "$(dirname "$0")/../../build-aux" && pwd)/village.mk
RULES=$(cd "$(dirname "$0")/../../rules" && pwd)

# town N: N generated villages of one town, each run to the county's list
# (without the audit gates), in ./t.
town() {
	tpa-gen --villages "${1:-3}" --households 25 --seed 7 -o t >/dev/null &&
	mkdir -p t/rules && cp "$RULES"/*.yaml t/rules/ &&
	for v in t/3*; do
		for l in village town county; do
			printf "household_id,about,received,kind,summary,outcome,decided,decided_by\n" >$v/objections-$l.csv
		done
		echo "include $MK" >$v/Makefile
		make -s -C $v TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >/dev/null 2>&1 || return 1
	done
}
V=t/371323100000
W=t/371323100001

# finding CODE HOUSEHOLD: audit.csv has an error CODE for HOUSEHOLD (of any
# village; "" for the village as a whole).
finding() {
	grep -q "^error,$1,[0-9]*,$2," audit.csv || { echo "no $1 for \"$2\""; cat audit.csv; return 1; }
}

# the household of V whose decision in FILE is WANT, as a line number.
row_of() {
	grep -n ",$2," "$1" | head -1 | cut -d: -f1
}

expect "an honest town of three villages audits clean: exit 0, no error" '
	town 3 && tpa-audit -q --level county -o . t/3* &&
	! grep -q "^error," audit.csv && [ -s sample.csv ] &&
	[ "$(head -c 3 audit.csv | od -An -tx1 | tr -d " ")" = efbbbf ] &&
	[ "$(sed -n 1p sample.csv | tr -d "\357\273\277")" = "village_code,household_id,head_name,head_id_number,members,decision" ] &&
	[ "$(tail -n +2 sample.csv | wc -l)" -eq 15 ] &&
	! grep -Eq "[0-9]{17}[0-9X]" audit.csv sample.csv &&
	tail -n +2 PROVENANCE.csv | grep -q "^audit.csv,"'

# Household numbers typed as 18-digit numbers (H000001 -> 371323198001000001,
# the shape of an ID number): the sample and the findings show them masked.
expect "household numbers shaped like ID numbers are masked in sample.csv and audit.csv" '
	tpa-gen --villages 1 --households 25 --seed 7 -o t >/dev/null &&
	mkdir -p t/rules && cp "$RULES"/*.yaml t/rules/ &&
	for f in applications.csv survey.csv votes.csv; do sed -i "s/^H/371323198001/" $V/$f || exit 1; done &&
	for l in village town county; do printf "household_id,about,received,kind,summary,outcome,decided,decided_by\n" >$V/objections-$l.csv; done &&
	echo "include $MK" >$V/Makefile && make -s -C $V TPA_BIN="$TPA_BIN" TPA_AUDIT=0 >/dev/null 2>&1 &&
	grep -q "^371323100000,371323198001000001," $V/primary.csv &&
	line=$(row_of $V/primary.csv eligible) && sed -i "${line}s/,eligible,/,excluded,/" $V/primary.csv &&
	status 1 tpa-audit -q --level county -o . $V &&
	grep -q "^error,DECISION_MISMATCH,371323100000,371323\*\*\*\*\*\*\*\*[0-9]\{4\}," audit.csv &&
	[ "$(tail -n +2 sample.csv | cut -d, -f2 | grep -c "^371323\*\*\*\*\*\*\*\*[0-9]\{4\}$")" -eq 5 ] &&
	! grep -Eq "(^|[^0-9])[0-9]{18}([^0-9]|$)" audit.csv sample.csv'

# A household's member count edited to 2.5 in a (Chinese) village's list:
# the finding says what a count must be in the village's language, whatever
# the locale of the run.
expect "a member count that is not whole: the finding says 整数 under LANG=C and zh_CN" '
	town 1 && line=$(row_of $V/primary.csv eligible) && [ -n "$line" ] &&
	awk -F, -v l="$line" "BEGIN { OFS = \",\" } NR == 1 { for (i = 1; i <= NF; i++) if (\$i == \"members\") c = i } NR == l { \$c = \"2.5\" } { print }" \
	    $V/primary.csv >x && mv x $V/primary.csv && mkdir c zh &&
	{ env -u LC_ALL LANG=C tpa-audit -q --level county -o c $V; [ $? -eq 1 ]; } &&
	{ env -u LC_ALL LANG=zh_CN.UTF-8 tpa-audit -q --level county -o zh $V 2>/dev/null; [ $? -eq 1 ]; } &&
	grep -q "^error,BAD_VALUE,.*members \"\"2.5\"\"不是整数" c/audit.csv &&
	cmp c/audit.csv zh/audit.csv'

expect "a decision edited by hand in primary.csv: DECISION_MISMATCH with both values, and the hash" '
	town 1 && line=$(row_of $V/primary.csv eligible) && [ -n "$line" ] &&
	hid=$(sed -n ${line}p $V/primary.csv | cut -d, -f2) &&
	sed -i "${line}s/,eligible,/,excluded,/" $V/primary.csv &&
	status 1 tpa-audit -q --level county -o . $V &&
	finding DECISION_MISMATCH $hid && grep "DECISION_MISMATCH,[0-9]*,$hid," audit.csv | grep -q "primary.csv.*excluded.*eligible" &&
	grep -q "^error,PROVENANCE_MISMATCH,.*primary.csv" audit.csv'

expect "the same edit with PROVENANCE.csv rewritten to match: still DECISION_MISMATCH" '
	town 1 && line=$(row_of $V/primary.csv eligible) &&
	hid=$(sed -n ${line}p $V/primary.csv | cut -d, -f2) &&
	old=$(sha256sum $V/primary.csv | cut -c1-64) &&
	sed -i "${line}s/,eligible,/,above_line,/" $V/primary.csv &&
	new=$(sha256sum $V/primary.csv | cut -c1-64) && sed -i "s/$old/$new/g" $V/PROVENANCE.csv &&
	status 1 tpa-audit -q --level county -o . $V &&
	finding DECISION_MISMATCH $hid && ! grep -q "PROVENANCE_MISMATCH.*primary.csv与" audit.csv'

for f in appraised.csv publicized-village.csv publicized-town.csv publicized-county.csv; do
	want=proposed; [ $f = appraised.csv ] || want=confirmed
	expect "a decision edited in $f (its hash rewritten too): DECISION_MISMATCH" "
		town 1 && line=\$(row_of \$V/$f $want) && [ -n \"\$line\" ] &&
		hid=\$(sed -n \${line}p \$V/$f | cut -d, -f2) &&
		old=\$(sha256sum \$V/$f | cut -c1-64) &&
		sed -i \"\${line}s/,$want,/,voted_down,/\" \$V/$f &&
		new=\$(sha256sum \$V/$f | cut -c1-64) && sed -i \"s/\$old/\$new/g\" \$V/PROVENANCE.csv &&
		status 1 tpa-audit -q --level county -o . \$V &&
		finding DECISION_MISMATCH \$hid"
done

expect "a vote count edited in appraised.csv: DECISION_MISMATCH on the votes" '
	town 1 && line=$(row_of $V/appraised.csv proposed) &&
	hid=$(sed -n ${line}p $V/appraised.csv | cut -d, -f2) &&
	awk -F, -v OFS=, -v l=$line "NR == l { \$(NF - 3) = \$(NF - 3) + 1 } { print }" $V/appraised.csv >x && mv x $V/appraised.csv &&
	status 1 tpa-audit -q --level county -o . $V && finding DECISION_MISMATCH $hid &&
	grep "DECISION_MISMATCH,[0-9]*,$hid," audit.csv | grep -q votes'

expect "a household added to the confirmed list: LEAK_HOUSEHOLD" '
	town 1 && tail -1 $V/publicized-county.csv | sed "s/^\([0-9]*\),[^,]*,/\1,X999,/" >>$V/publicized-county.csv &&
	status 1 tpa-audit -q --level county -o . $V && finding LEAK_HOUSEHOLD X999'

expect "a member dropped between stages: LEAK_PERSON" '
	town 1 && hid=$(awk -F, "NR > 1 && \$5 >= 2 { print \$2; exit }" $V/primary.csv) && [ -n "$hid" ] &&
	line=$(grep -n ",$hid," $V/applicants.csv | tail -1 | cut -d: -f1) && sed -i "${line}d" $V/applicants.csv &&
	status 1 tpa-audit -q --level county -o . $V && finding LEAK_PERSON $hid'

expect "one person in two villages: DUPLICATE_PERSON in both, naming the other" '
	town 2 && id=$(sed -n 2p $V/applicants.csv | cut -d, -f4) && hv=$(sed -n 2p $V/applicants.csv | cut -d, -f2) &&
	hw=$(sed -n 2p $W/applicants.csv | cut -d, -f2) && sw=$(sed -n 2p $W/applicants.csv | cut -d, -f4) &&
	sed -i "2s/$sw/$id/" $W/applicants.csv &&
	status 1 tpa-audit -q --level county -o . $V $W &&
	grep -q "^error,DUPLICATE_PERSON,371323100000,$hv,.*371323100001.*$hw" audit.csv &&
	grep -q "^error,DUPLICATE_PERSON,371323100001,$hw,.*371323100000.*$hv" audit.csv &&
	! grep -q "$id" audit.csv'

expect "a publicity period shortened in village.yaml after the run: PERIOD_SHORT" '
	town 1 && sed -i "s/town:    {start: 2015-06-14, end: 2015-06-20}/town:    {start: 2015-06-14, end: 2015-06-18}/" $V/village.yaml &&
	status 1 tpa-audit -q --level county -o . $V && finding PERIOD_SHORT "" &&
	grep -q "PERIOD_SHORT.*5" audit.csv'

expect "a rules file included by the rules changed after the run: PROVENANCE_MISMATCH" '
	town 1 && sed -i "s/village: 7, town: 7, county: 5/village: 7, town: 7, county: 4/" t/rules/procedure.yaml &&
	status 1 tpa-audit -q --level county -o . $V && grep -q "^error,PROVENANCE_MISMATCH,.*procedure.yaml" audit.csv'

expect "--rules with other content: RULES_DIFFER; with the same content: none" '
	town 1 && tpa-audit -q --level county --rules t/rules/example-2015.yaml -o . $V &&
	! grep -q RULES_DIFFER audit.csv &&
	sed "s/poverty_line: 2855/poverty_line: 2900/" t/rules/example-2015.yaml >t/rules/other.yaml &&
	status 1 tpa-audit -q --level county --rules t/rules/other.yaml -o . $V && finding RULES_DIFFER ""'

expect "an output changed after it was made: PROVENANCE_MISMATCH naming it" '
	town 1 && echo "<!-- -->" >>$V/notice-village.html &&
	status 1 tpa-audit -q --level county -o . $V && grep -q "^error,PROVENANCE_MISMATCH,.*notice-village.html" audit.csv'

expect "one broken village among three: its findings, the other two audited fully" '
	town 3 && printf "not: [yaml" >t/371323100001/village.yaml &&
	status 1 tpa-audit -q --level county -o . t/3* &&
	grep -q "^error,BAD_VALUE,371323100001," audit.csv &&
	[ "$(grep -c "^error," audit.csv)" -eq 1 ] &&
	[ "$(tail -n +2 sample.csv | cut -d, -f1 | sort -u | tr "\n" " ")" = "371323100000 371323100002 " ]'

expect "the sample is drawn the same twice, and from a renamed copy of the folder" '
	town 2 && tpa-audit -q --level county -o . t/3* && cp sample.csv s1 &&
	tpa-audit -q --level county -o . t/3* && same sample.csv s1 &&
	mv t/371323100000 t/copy && tpa-audit -q --level county -o . t/copy t/371323100001 && same sample.csv s1 &&
	tpa-audit -q --level county --sample 2 -o . t/copy && [ "$(tail -n +2 sample.csv | wc -l)" -eq 2 ]'

expect "a stage not reached is a note, not an error" '
	town 1 && rm $V/publicized-county.csv $V/notice-county.html && rm -rf $V/registry &&
	tpa-audit -q --level town -o . $V 2>err; rc=$?; [ $rc -eq 0 ] || [ $rc -eq 1 ] &&
	grep -q "^info,STAGE_NOT_REACHED,371323100000,,publicized-county.csv" audit.csv'

expect "usage errors: exit 2" '
	status 2 tpa-audit --level village x 2>err && grep -q "town or county" err &&
	status 2 tpa-audit --level town 2>err && status 2 tpa-audit --level town --sample x y'
