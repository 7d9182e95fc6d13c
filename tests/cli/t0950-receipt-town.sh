#!/bin/sh
# Receipts at the town (SPEC §8 "Receipts", "The ledger"): the town audit
# of the town's folder copies each clean village's files into
# received/VILLAGE/1/ (0600) and records them in LEDGER.csv, whose hashes
# and chain are recomputed here with sha256sum; no receipt with an error,
# a pending objection, or VILLAGE_DIR operands; make clean keeps them.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-area-sample.sh"
Z=0000000000000000000000000000000000000000000000000000000000000000
FILES="village.yaml applications.csv survey.csv votes.csv objections-village.csv primary.csv appraised.csv publicized-village.csv notice-village.html PROVENANCE.csv"

# hashes DIR: each row's file (relative to DIR) has the row's sha256.
hashes() {
	tail -n +2 "$1/LEDGER.csv" | while IFS=, read -r seq v n f sha prev; do
		[ "$(sha256sum <"$1/$f" | cut -c1-64)" = "$sha" ] || { echo "differs: $f"; return 1; }
	done
}

expect "the town audit receives each clean village: its files copied, 0600, one row each in the order of SPEC §8" '
	area && status 0 tpa-audit -q --level town -o $T &&
	! grep -q "^error," $T/audit.csv &&
	for v in 371323105201 371323105202; do
		for f in $FILES; do
			cmp $Y/$v/$f $T/received/$v/1/$f &&
			[ "$(stat -c %a $T/received/$v/1/$f)" = 600 ] || exit 1
			echo "$v,1,received/$v/1/$f"
		done
	done >want &&
	head -1 $T/LEDGER.csv >head && echo seq,village_code,receipt,file,sha256,prev >whead && same head whead &&
	tail -n +2 $T/LEDGER.csv | cut -d, -f2-4 >got && same got want &&
	tail -n +2 $T/LEDGER.csv | cut -d, -f1 >seqs && seq 1 20 >wseqs && same seqs wseqs &&
	[ -z "$(chain $T/LEDGER.csv)" ] && hashes $T && ! grep -q "$(printf "\r")" $T/LEDGER.csv'

expect "a village received whose files are unchanged is not received again: the ledger keeps its bytes" '
	area && tpa-audit -q --level town -o $T && cp $T/LEDGER.csv first &&
	status 0 tpa-audit -q --level town -o $T && same $T/LEDGER.csv first &&
	[ "$(ls $T/received/371323105201)" = 1 ]'

expect "a village with an error (a pending objection) is sent back unreceived; the other is received" '
	area && echo "H099,,2015-06-08,wrongly_included,x,,," >>$A/objections-village.csv &&
	status 1 tpa-audit -q --level town -o $T &&
	grep -q "^error,OBJECTION_PENDING,371323105201," $T/audit.csv &&
	[ ! -e $T/received/371323105201 ] && [ -d $T/received/371323105202/1 ] &&
	! grep -q ",371323105201," $T/LEDGER.csv && grep -q ",371323105202," $T/LEDGER.csv'

expect "an audit given VILLAGE_DIR operands receives nothing" '
	area && status 0 tpa-audit -q --level town -o $T $A $B &&
	[ ! -e $T/LEDGER.csv ] && [ ! -e $T/received ]'

expect "make clean in the town and in the village keeps received/ and LEDGER.csv" '
	area && tpa-audit -q --level town -o $T && cp $T/LEDGER.csv first &&
	echo "include \$(TPA_MK_DIR)/town.mk" >$T/Makefile &&
	make -s -C $T clean TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" &&
	make -s -C $A clean TPA_MK_DIR="$MK" TPA_BIN="$TPA_BIN" &&
	same $T/LEDGER.csv first && [ ! -e $T/audit.csv ] && hashes $T &&
	[ "$(ls $T/received/371323105201/1 | wc -l)" = 10 ]'

expect "the first row is pinned to the previous year town ledger: the hash of its last row" '
	area && mkdir -p c/2014/town-371323105 &&
	r="1,371323105201,1,received/371323105201/1/survey.csv,$(echo x | sha256sum | cut -c1-64),$Z" &&
	printf "seq,village_code,receipt,file,sha256,prev\n%s\n" "$r" >c/2014/town-371323105/LEDGER.csv &&
	tpa-audit -q --level town -o $T &&
	[ "$(sed -n 2p $T/LEDGER.csv | cut -d, -f6)" = "$(printf "%s" "$r" | sha256sum | cut -c1-64)" ]'

expect "a folder whose village.yaml gives another code (FOLDER_NOT_CODE) is not received under either code" '
	area && sed -i "s/\"371323105202\"/\"371323105209\"/" $B/village.yaml && grep -q 371323105209 $B/village.yaml &&
	status 1 tpa-audit -q --level town -o $T && grep -q "^error,FOLDER_NOT_CODE," $T/audit.csv &&
	[ "$(ls $T/received)" = 371323105201 ] && ! grep -q ",37132310520[29]," $T/LEDGER.csv'
