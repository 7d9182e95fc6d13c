#!/bin/sh
# tpa status of a town's folder: what it received of each listed village,
# and its ledger verified as the audit verifies it, nothing written; then
# each village's first step not done, and how many are done, wait or are
# blocked (the worst of them is the exit status).
. "$(dirname "$0")/lib.sh"
not_under_valgrind "a longer script of the area's checks; t0950, t0951, t0961 and t0972 run the same code under memcheck"
. "$(dirname "$0")/lib-area-sample.sh"

expect "the town folder: one line per listed village, the files of its latest receipt, or not received" '
	area && echo "H099,,2015-06-08,wrongly_included,x,,," >>$B/objections-village.csv &&
	{ tpa-audit -q --level town -o $T; [ $? -eq 1 ]; } && status 1 tpa status $T >out &&
	head -3 out >got && cat >want <<EOF && same got want &&
town 371323105 (临涧镇): 10 rows in $T/LEDGER.csv
  371323105201 (双河村): receipt 1: village.yaml applications.csv survey.csv votes.csv objections-village.csv primary.csv appraised.csv publicized-village.csv notice-village.html PROVENANCE.csv
  371323105202 (桃园村): not received
EOF
	sed -n "4,\$p" out | grep -c "^37132310520[12] " | grep -qx 2 &&
	grep -q "^371323105201 (双河村), 2015: town notice: ready\$" out &&
	grep -q "^371323105202 (东峪村), 2015: town audit: blocked: " out &&
	grep -qx "town 371323105: 2 villages: 0 done, 1 waiting, 1 blocked, 0 failed" out
'

expect "a broken ledger: the finding and exit 1; status puts nothing right (a receipt left half-way stays)" '
	area && tpa-audit -q --level town -o $T && R=$T/received/371323105201 &&
	rm $R/1/votes.csv && mkdir $R/.2.tmp-999999 && cp $T/LEDGER.csv before &&
	(cd $T && status 1 tpa status >../out) &&
	grep -q "^  LEDGER_BROKEN 371323105201: .*received/371323105201/1/votes.csv不在了" $Y/out &&
	[ -d $R/.2.tmp-999999 ] && same $T/LEDGER.csv before'
