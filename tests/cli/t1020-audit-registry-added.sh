#!/bin/sh
# A household added to the registry that was never on any notice: H099,
# a copy of 双河村's H040 (its row and its members') under a number no
# list holds. The county's audit re-derives the registry from the list
# it received and names H099 in households.csv and members.csv; the
# registry is not received, every other village's is.
. "$(dirname "$0")/lib-registry-audit.sh"

expect "H099 filed but on no list: DECISION_MISMATCH naming 371323105201 and H099 in households.csv and members.csv, people by masked ID only; no receipt of that registry" '
	doctored 371323105201 "grep \"^371323105201,H040,\" households.csv | sed s/,H040,/,H099,/ >>households.csv &&
	    grep \"^371323105201,H040,\" members.csv | sed s/,H040,/,H099,/ >>members.csv" &&
	! grep -q ",H099," c/2016/371323105201/publicized-*.csv c/2016/county-371323/received/371323105201/*/publicized-*.csv &&
	grep -q "^371323105201,H099," c/2016/371323105201/registry/households.csv &&
	finding DECISION_MISMATCH 371323105201 H099 &&
	grep -q "^error,DECISION_MISMATCH,371323105201,H099,registry/households.csv H099已建档" c/2016/county-371323/audit.csv &&
	[ $(grep -c "^error,DECISION_MISMATCH,371323105201,H099,registry/members.csv H099 371323\*\*\*\*\*\*\*\*[0-9]\{3\}[0-9X]已建档" c/2016/county-371323/audit.csv) -eq 3 ] &&
	! grep -qE "[0-9]{17}[0-9X]" c/2016/county-371323/audit.csv &&
	only 371323105201 DECISION_MISMATCH &&
	unreceived 371323105201'


# The county's audit re-derives each registry in a private folder of its
# own under TMPDIR (tpa-audit-PID-XXXXXX) and removes it; one that an
# audit killed at that step left behind goes at the next audit.
expect "a folder an audit killed while re-deriving a registry left in TMPDIR is removed by the next audit (a running audit's is kept); the audit leaves none of its own" '
	[ $ref_rc -eq 0 ] && cp -a "$REF" c && mkdir t && dead=$(sh -c "echo \$\$") &&
	mkdir -m 700 "t/tpa-audit-$dead-Ab3dEf" && echo secret >"t/tpa-audit-$dead-Ab3dEf/households.csv" &&
	mkdir "t/tpa-audit-$$-Zz9yXw" "t/tpa-audit-keep" &&
	TMPDIR=$PWD/t cmake c 2016 >out 2>err &&
	grep -q ",371323105201,[0-9]*,received/371323105201/[0-9]*/registry/households.csv," c/2016/county-371323/LEDGER.csv &&
	ls t >left && printf "%s\n" "tpa-audit-$$-Zz9yXw" tpa-audit-keep | sort >want && same left want'
