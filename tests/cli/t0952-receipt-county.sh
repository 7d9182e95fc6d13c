#!/bin/sh
# Receipts at the county (SPEC §8): once the town closed a village's
# posting and the village has publicized-town.csv, the county audit copies
# publicized-town.csv, notice-town.html and the town's objection rows of
# the village, and ends the receipt with the town ledger's last row,
# whose hash a later county audit checks (the pin). NOT_RECEIVED: later
# files without the receipt that must precede them.
. "$(dirname "$0")/lib.sh"
not_under_valgrind "an area run through make"
. "$(dirname "$0")/lib-area-sample.sh"
Z=0000000000000000000000000000000000000000000000000000000000000000
sha() { sha256sum | cut -c1-64; }
# county: A received by the town, its town posting closed and resolved,
# then the county audit.
county() {
	area && objections && closed 371323105201 2015-06-21 &&
	make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv &&
	tpa-audit -q --level town -o $T && resolve $A && [ -f $A/publicized-town.csv ] &&
	tpa-audit -q --level county -o $CO
}
# rechain LEDGER: every prev recomputed from the row before (first kept).
rechain() {
	{
		head -2 "$1" && prev=$(sed -n 2p "$1" | tr -d "\n" | sha) &&
		tail -n +3 "$1" | while IFS= read -r line; do
			line="${line%,*},$prev" && echo "$line" && prev=$(printf "%s" "$line" | sha)
		done
	} >"$1.new" && mv "$1.new" "$1"
}

expect "the county receives A: publicized-town.csv, the town objection rows of A, the pin of the town ledger last row" '
	county && R=$CO/received/371323105201/1 &&
	cmp $A/publicized-town.csv $R/publicized-town.csv &&
	{ head -1 $T/objections-town.csv && grep "^371323105201," $T/objections-town.csv; } >want &&
	same $R/objections-town.csv want &&
	[ "$(stat -c %a $R/publicized-town.csv)" = 600 ] && [ "$(stat -c %a $R/objections-town.csv)" = 600 ] &&
	k=$(($(wc -l <$T/LEDGER.csv) - 1)) && [ $k = 20 ] &&
	printf "1,371323105201,1,received/371323105201/1/publicized-town.csv,%s,%s\n" "$(sha <$R/publicized-town.csv)" $Z >rows &&
	printf "2,371323105201,1,received/371323105201/1/objections-town.csv,%s,%s\n" "$(sha <want)" "$(sed -n 1p rows | tr -d "\n" | sha)" >>rows &&
	printf "3,371323105201,1,../town-371323105/LEDGER.csv#20,%s,%s\n" "$(tail -1 $T/LEDGER.csv | tr -d "\n" | sha)" "$(sed -n 2p rows | tr -d "\n" | sha)" >>rows &&
	tail -n +2 $CO/LEDGER.csv >got && same got rows &&
	! grep -q "^error," $CO/audit.csv && [ ! -e $CO/received/371323105202 ]'

expect "a town ledger edited with its chain recomputed verifies on its own (the copy now differs from the village: CHANGED_AFTER_RECEIPT), but the county pin catches it" '
	county && TR=$T/received/371323105201/1 && chmod u+w $TR/survey.csv && echo "H999,x" >>$TR/survey.csv &&
	sed -i "4s/,[0-9a-f]\{64\},/,$(sha <$TR/survey.csv),/" $T/LEDGER.csv && rechain $T/LEDGER.csv &&
	status 1 tpa-audit -q --level town -o $T &&
	! grep -q "^error,LEDGER_BROKEN," $T/audit.csv &&
	[ "$(grep "^error," $T/audit.csv | cut -d, -f2-4)" = "CHANGED_AFTER_RECEIPT,371323105201,H999" ] &&
	status 1 tpa-audit -q --level county -o $CO &&
	grep "^error,LEDGER_BROKEN,371323105201," $CO/audit.csv >found &&
	grep -q "LEDGER.csv:4: ../town-371323105/LEDGER.csv#20：乡镇台账第20行的SHA-256是" found'

expect "a town ledger whose chain breaks before the pinned row: the pin no longer verifies" '
	county && sed -i "3s/,1,received/,2,received/" $T/LEDGER.csv &&
	status 1 tpa-audit -q --level county -o $CO &&
	grep -q "^error,LEDGER_BROKEN,371323105201,.*LEDGER.csv#20：乡镇台账到第20行已核对不通过" $CO/audit.csv'

expect "NOT_RECEIVED at the town: a town notice before the town received the village; it is then not received" '
	area && echo "<html></html>" >$A/notice-town.html &&
	status 1 tpa-audit -q --level town -o $T &&
	grep -q "^error,NOT_RECEIVED,371323105201,,村已有notice-town.html，但乡镇尚未接收该村" $T/audit.csv &&
	[ ! -e $T/received/371323105201 ] && [ -d $T/received/371323105202/1 ]'

expect "NOT_RECEIVED at the county: a county notice before the county received the village" '
	county && echo "<html></html>" >$B/notice-county.html &&
	status 1 tpa-audit -q --level county -o $CO &&
	grep -q "^error,NOT_RECEIVED,371323105202,,村已有notice-county.html，但县尚未接收该村" $CO/audit.csv &&
	! grep -q "^error,NOT_RECEIVED,371323105201," $CO/audit.csv'

expect "a village whose town posting is not closed is not received by the county" '
	county && cp $B/publicized-village.csv $B/publicized-town.csv &&
	tpa-audit -q --level county -o $CO; [ ! -e $CO/received/371323105202 ] &&
	! grep -q ",371323105202," $CO/LEDGER.csv'

expect "a village the town never received: NOT_RECEIVED at the county audit, and the county does not receive it" '
	area && objections && closed 371323105201 2015-06-21 &&
	make -s -C $A TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" TPA_AUDIT=0 publicized-village.csv &&
	resolve $A && [ -f $A/publicized-town.csv ] &&
	status 1 tpa-audit -q --level county -o $CO &&
	grep -q "^error,NOT_RECEIVED,371323105201,,村已有publicized-town.csv，但乡镇尚未接收该村" $CO/audit.csv &&
	[ ! -e $CO/received/371323105201 ]'

# The county notice of A made after the county received it prints the
# fingerprint of the receipt's last ledger row (row 3: the pin); the
# county audit checks a printed one against its ledger.
notice() {
	(cd $A && tpa-publicize notice -q --level county --village . -o notice-county.html publicized-town.csv)
}
fp() { tr -d "\n" | sha | cut -c1-32 | sed "s/..../& /g; s/ $//"; }
expect "the county notice made after the receipt prints the last row's fingerprint, and the county audit finds nothing in it" '
	county && notice && row=$(sed -n 4p $CO/LEDGER.csv | fp) &&
	grep -q "县级接收记录指纹：$row。" $A/notice-county.html &&
	tpa-audit -q --level county -o $CO; ! grep -q "NOTICE_MISMATCH" $CO/audit.csv'

expect "a receipt fingerprint edited on the county notice: NOTICE_MISMATCH at the county audit, naming the village and both fingerprints" '
	county && notice && row=$(sed -n 4p $CO/LEDGER.csv | fp) &&
	sed -i "s/县级接收记录指纹：[0-9a-f ]*。/县级接收记录指纹：0000 1111 2222 3333 4444 5555 6666 7777。/" $A/notice-county.html &&
	status 1 tpa-audit -q --level county -o $CO &&
	grep "^error,NOTICE_MISMATCH,371323105201,," $CO/audit.csv | grep -q "印的县级接收记录指纹是0000 1111 2222 3333 4444 5555 6666 7777，县级台账LEDGER.csv给出的是$row"'

expect "a receipt fingerprint printed on a county notice of a village the county never received: NOTICE_MISMATCH" '
	county && notice &&
	mv $CO/LEDGER.csv $CO/LEDGER.kept && rm -rf $CO/received &&
	status 1 tpa-audit -q --level county -o $CO &&
	grep "^error,NOTICE_MISMATCH,371323105201,," $CO/audit.csv | grep -q "但县级台账LEDGER.csv中没有接收publicized-town.csv的记录"'
