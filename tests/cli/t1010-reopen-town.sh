#!/bin/sh
# Reopening at the town (SPEC §8 "Reopening"): a village the town received
# and then corrected is accepted again only through a row of the town's
# reopen.csv, once its list was posted again (a village period starting
# after the row's date, the new list's fingerprint in villages.csv's
# posted_village). Until then REPOST_MISSING; then receipt 2, holding the
# row as reopen.csv, and REOPENED naming the households that differ. The
# row is used once. Everything is recomputed here with sha256sum and awk.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make"
. "$(dirname "$0")/lib-area-sample.sh"
. "$(dirname "$0")/lib-received.sh"
V=371323105201
ROW="$V,2015-06-11,H002 的工资性收入更正"

# hashes DIR: each row's file has the row's sha256.
hashes() {
	tail -n +2 "$1/LEDGER.csv" | while IFS=, read -r seq v n f sha prev; do
		[ "$(sha256sum <"$1/$f" | cut -c1-64)" = "$sha" ] || { echo "differs: $f"; return 1; }
	done
}
# corrected: both villages received, then H002's wage income of A lowered
# and A's lists made again.
corrected() {
	area && town_audit && [ -d $T/received/$V/1 ] && [ -d $T/received/371323105202/1 ] &&
	sed -i "s/^H002,2015\/5\/26,李干事;王委员,6000,/H002,2015\/5\/26,李干事;王委员,1000,/" $A/survey.csv &&
	rebuild $V
}
# reopen: the town's row for A.
reopen() {
	echo "$ROW" >>$T/reopen.csv
}
# repost [START]: A's village posting again, seven days from START
# (2015-06-12), A's town posting after it and the county's after that,
# the lists made again (B's too: the county's period changed).
repost() {
	s=${1:-2015-06-12} &&
	e=$(date -d "$s + 6 days" +%F) && ts=$(date -d "$s + 7 days" +%F) && te=$(date -d "$s + 13 days" +%F) &&
	sed -i "s/^  village: {start: 2015-06-05, end: 2015-06-11}/  village: {start: $s, end: $e}/" $A/village.yaml &&
	grep -q "start: $s" $A/village.yaml && newpost $V &&
	awk -F, -v OFS=, -v c=$V -v s=$ts -v e=$te "\$1 == c { \$7 = s; \$8 = e } { print }" $T/villages.csv >vc &&
	mv vc $T/villages.csv &&
	sed -i "s/^  start: 2015-06-21 /  start: $(date -d "$s + 14 days" +%F) /; s/^  end: 2015-06-25 /  end: $(date -d "$s + 18 days" +%F) /" $CO/county.yaml &&
	rebuild $V && rebuild 371323105202
}
# posted [FP]: villages.csv's posted_village of A: FP, or the fingerprint
# of the list A's notice shows (appraised.csv) as the paper prints it;
# the village's stages run again, since its row changed.
posted() {
	fp=${1:-$(sha256sum <$A/appraised.csv | cut -c1-32 | sed 's/..../& /g; s/ $//')} &&
	awk -F, -v OFS=, -v c=$V -v fp="$fp" '$1 == c { $11 = fp } { print }' $T/villages.csv >vc &&
	mv vc $T/villages.csv && rebuild $V
}
# households R1 R2: the household of every row that differs between the
# CSV copies of the two receipt folders, worked out from their bytes (the
# household_id column found by its header); an empty line when
# village.yaml differs.
households() {
	for f in applications.csv survey.csv votes.csv objections-village.csv primary.csv appraised.csv publicized-village.csv; do
		[ -f "$1/$f" ] || continue
		k=$(head -1 "$1/$f" | sed "s/^\xef\xbb\xbf//" | tr , "\n" | grep -n -x "household_id\|户编号" | cut -d: -f1) &&
		tail -n +2 "$1/$f" | sort >o && tail -n +2 "$2/$f" | sort >n &&
		comm -3 o n | sed "s/^\t//" | cut -d, -f"$k"
	done
	cmp -s "$1/village.yaml" "$2/village.yaml" || echo
}

expect "without a reopen row the correction is CHANGED_AFTER_RECEIPT and nothing is received again" '
	corrected && town_audit &&
	grep -q ",CHANGED_AFTER_RECEIPT,$V,H002," $T/audit.csv &&
	! grep -q REPOST_MISSING $T/audit.csv && [ "$(ls $T/received/$V)" = 1 ]'

expect "a reopen row, nothing posted again: REPOST_MISSING names A, the row and what is missing (the period, the fingerprint); no CHANGED_AFTER_RECEIPT for the town, no receipt 2 (exit 1)" '
	corrected && reopen && (cd $T && status 1 tpa-audit -q --level town -o .) &&
	[ "$(grep -c ^error, $T/audit.csv)" = 1 ] &&
	grep ",REPOST_MISSING,$V,," $T/audit.csv | grep "reopen.csv第2行" | grep "2015-06-11" | grep "村级公示期开始于2015-06-05" | grep -q "posted_village未填写" &&
	! grep -q CHANGED_AFTER_RECEIPT $T/audit.csv && [ "$(ls $T/received/$V)" = 1 ]'

expect "posted again after the row date but the fingerprint not typed into villages.csv: REPOST_MISSING for the fingerprint alone" '
	corrected && reopen && repost && town_audit &&
	grep ",REPOST_MISSING,$V,," $T/audit.csv | grep -q "posted_village未填写" &&
	! grep ",REPOST_MISSING," $T/audit.csv | grep -q "公示期开始于" && [ "$(ls $T/received/$V)" = 1 ]'

expect "a fingerprint that is not the new list (the old list): REPOST_MISSING naming both" '
	corrected && old=$(sha256sum <$T/received/$V/1/appraised.csv | cut -c1-32) &&
	reopen && repost && posted "$old" && town_audit &&
	grep ",REPOST_MISSING,$V,," $T/audit.csv | grep -q "posted_village（$old）不是appraised.csv的指纹" &&
	[ "$(ls $T/received/$V)" = 1 ]'

expect "the fingerprint typed but the posting starting on the row date: REPOST_MISSING for the period" '
	corrected && reopen && repost 2015-06-11 && posted && town_audit &&
	grep ",REPOST_MISSING,$V,," $T/audit.csv | grep -q "村级公示期开始于2015-06-11，不在重新受理日期2015-06-11之后" &&
	[ "$(ls $T/received/$V)" = 1 ]'

expect "posted again with its fingerprint typed: receipt 2 holds the files and the row as reopen.csv (its bytes and hash recomputed), the ledger chain verifies, the audit is clean (exit 0)" '
	corrected && reopen && repost && posted &&
	(cd $T && status 0 tpa-audit -q --level town -o .) &&
	! grep -q "^error," $T/audit.csv &&
	[ "$(ls $T/received/$V)" = "1
2" ] && printf "village_code,date,reason\n%s\n" "$ROW" >want && same $T/received/$V/2/reopen.csv want &&
	[ "$(stat -c %a $T/received/$V/2/reopen.csv)" = 600 ] &&
	for f in village.yaml survey.csv publicized-village.csv; do cmp $A/$f $T/received/$V/2/$f || exit 1; done &&
	grep -q ",$V,2,received/$V/2/reopen.csv,$(sha256sum <want | cut -c1-64)," $T/LEDGER.csv &&
	[ -z "$(chain $T/LEDGER.csv)" ] && hashes $T &&
	[ "$(ls $T/received/371323105202)" = 1 ]'

expect "REOPENED (warning) names exactly the households whose rows differ between receipts 1 and 2" '
	corrected && reopen && repost && posted && town_audit &&
	households $T/received/$V/1 $T/received/$V/2 | sort -u >want && grep -qx H002 want &&
	grep ",REOPENED,$V," $T/audit.csv | cut -d, -f4 | sort >got && same got want &&
	grep ",REOPENED,$V,H002," $T/audit.csv | grep -q "survey.csv" &&
	grep -q "^warning,REOPENED,$V,,.*村的village.yaml, objections-village.csv与上次接收不同" $T/audit.csv &&
	! grep -q "^warning,REOPENED,371323105202," $T/audit.csv'

expect "the row is used once: the next audit receives nothing more, and a second change after receipt 2 is CHANGED_AFTER_RECEIPT again" '
	corrected && reopen && repost && posted && town_audit && cp $T/LEDGER.csv first &&
	(cd $T && status 0 tpa-audit -q --level town -o .) && same $T/LEDGER.csv first &&
	! grep -q "REOPENED\|REPOST_MISSING" $T/audit.csv &&
	sed -i "s/^H002,2015\/5\/26,李干事;王委员,1000,/H002,2015\/5\/26,李干事;王委员,2000,/" $A/survey.csv &&
	(cd $T && status 1 tpa-audit -q --level town -o .) &&
	grep ",CHANGED_AFTER_RECEIPT,$V,H002," $T/audit.csv | grep -q "1000.00 → 2000.00" &&
	! grep -q REPOST_MISSING $T/audit.csv && same $T/LEDGER.csv first'

expect "a second row (another date) reopens again: receipt 3 holds that row" '
	corrected && reopen && repost && posted && town_audit &&
	sed -i "s/^H002,2015\/5\/26,李干事;王委员,1000,/H002,2015\/5\/26,李干事;王委员,2000,/" $A/survey.csv &&
	echo "$V,2015-06-20,又一次更正" >>$T/reopen.csv &&
	sed -i "s/^  village: {start: 2015-06-12, end: 2015-06-18}/  village: {start: 2015-06-05, end: 2015-06-11}/" $A/village.yaml &&
	sed -i "s/^  start: 2015-06-26 /  start: 2015-06-21 /; s/^  end: 2015-06-30 /  end: 2015-06-25 /" $CO/county.yaml &&
	repost 2015-06-21 && posted && town_audit &&
	printf "village_code,date,reason\n%s\n" "$V,2015-06-20,又一次更正" >want && same $T/received/$V/3/reopen.csv want &&
	! grep -q "^error," $T/audit.csv && [ -z "$(chain $T/LEDGER.csv)" ] && hashes $T'

expect "reopen.csv with Chinese headers in GBK is read like any input" '
	corrected && printf "村代码,重新受理日期,重新受理原因\n%s\n" "$ROW" | iconv -f UTF-8 -t GBK >$T/reopen.csv &&
	repost && posted && town_audit && ! grep -q "^error," $T/audit.csv &&
	printf "village_code,date,reason\n%s\n" "$ROW" >want && same $T/received/$V/2/reopen.csv want'

expect "a bad row is an error naming reopen.csv and its line, and reopens nothing" '
	corrected && echo "$V,2015-13-40,x" >>$T/reopen.csv && echo "12345,2015-06-11,x" >>$T/reopen.csv &&
	echo "$V,2015-06-11," >>$T/reopen.csv && town_audit &&
	grep -q "^error,BAD_VALUE,,,.*reopen.csv:2: date" $T/audit.csv &&
	grep -q "^error,BAD_VALUE,,,.*reopen.csv:3: village_code" $T/audit.csv &&
	grep -q "^error,BAD_VALUE,,,.*reopen.csv:4: reason" $T/audit.csv &&
	grep -q ",CHANGED_AFTER_RECEIPT,$V,H002," $T/audit.csv && [ "$(ls $T/received/$V)" = 1 ]'

expect "an absent reopen.csv is no reopen" '
	corrected && rm $T/reopen.csv && town_audit &&
	grep -q ",CHANGED_AFTER_RECEIPT,$V,H002," $T/audit.csv && ! grep -q "BAD_VALUE" $T/audit.csv'

expect "a row naming a village the town does not list is an error naming reopen.csv, its line and villages.csv" '
	corrected && echo "371323106201,2015-06-11,x" >>$T/reopen.csv && town_audit &&
	grep "^error,BAD_VALUE,,," $T/audit.csv | grep -q "reopen.csv:2: village_code: 371323106201 is not a village of .*villages.csv"'

expect "make in the town folder: a reopen row added last, after the village posted again: the audit receives A again, and records reading reopen.csv (make runs it again when the file changes)" '
	corrected && repost && posted &&
	make -s -C $T TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" >/dev/null 2>&1; [ "$(ls $T/received/$V)" = 1 ] &&
	grep -q ",CHANGED_AFTER_RECEIPT,$V,H002," $T/audit.csv &&
	make -s -C $T TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" >/dev/null 2>&1; [ "$(ls $T/received/$V)" = 1 ] &&
	reopen && make -s -C $T TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" >/dev/null 2>&1;
	[ -f $T/received/$V/2/reopen.csv ] && grep -q ",REOPENED,$V,H002," $T/audit.csv &&
	grep "^audit.csv," $T/PROVENANCE.csv | grep -q ";reopen.csv@$(sha256sum <$T/reopen.csv | cut -c1-64);"'

expect "posted again in a period after the town's own (town.yaml's, not the village's row of villages.csv): DATE_ORDER says the village's town period goes in villages.csv's town_start and town_end" '
	corrected && reopen &&
	sed -i "s/^  village: {start: 2015-06-05, end: 2015-06-11}/  village: {start: 2015-06-15, end: 2015-06-21}/" $A/village.yaml &&
	newpost $V && rebuild $V; town_audit;
	grep "^error,DATE_ORDER,$V,," $T/audit.csv | grep -q "publicity.village.start（2015-06-15）晚于publicity.town.start（2015-06-14）：本村（如重新公示后）的乡镇公示期可在villages.csv的town_start、town_end中单独给出"'
