#!/bin/sh
# A member added: 双河村's H001 (2 people) gets a third in members.csv,
# its count in households.csv raised to match. The county's audit names
# H001 in both files, the person by a masked ID only; the registry is
# not received.
. "$(dirname "$0")/lib-registry-audit.sh"

ADD='grep "^371323105201,H001,张建国," members.csv | sed "s/,张建国,37132319580312011X,head,/,张小军,371323200501010017,child,/" >>members.csv &&
	sed -i "/^371323105201,H001,/s/^\(371323105201,H001,[^,]*,[^,]*\),2,/\1,3,/" households.csv'

expect "a third member of H001: DECISION_MISMATCH naming 371323105201, H001, members.csv with the masked ID, and households.csv members; no receipt" '
	doctored 371323105201 "$ADD" &&
	[ $(grep -c "^371323105201,H001," c/2016/371323105201/registry/members.csv) -eq 3 ] &&
	grep -q "^371323105201,H001,[^,]*,[^,]*,3," c/2016/371323105201/registry/households.csv &&
	grep -q "^error,DECISION_MISMATCH,371323105201,H001,registry/members.csv H001 371323\*\*\*\*\*\*\*\*0017已建档" c/2016/county-371323/audit.csv &&
	grep -q "^error,DECISION_MISMATCH,371323105201,H001,registry/households.csv的members：记录为3，按规则重新计算为2$" c/2016/county-371323/audit.csv &&
	! grep -q 371323200501010017 c/2016/county-371323/audit.csv &&
	only 371323105201 DECISION_MISMATCH &&
	unreceived 371323105201'
