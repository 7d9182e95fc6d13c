#!/bin/sh
# A rival dropped: 双河村's H040, confirmed at the county in 2016 and
# filed new, is taken out of households.csv and members.csv. The county's
# audit re-derives the registry and names H040 as missing; the registry
# is not received.
. "$(dirname "$0")/lib-registry-audit.sh"

expect "H040 confirmed, dropped from the registry: DECISION_MISMATCH naming 371323105201, H040 and households.csv; no receipt" '
	doctored 371323105201 "sed -i \"/^371323105201,H040,/d\" households.csv members.csv" &&
	grep -q "^371323105201,H040,.*,confirmed," c/2016/371323105201/publicized-county.csv &&
	! grep -q ",H040," c/2016/371323105201/registry/households.csv &&
	grep -q "^error,DECISION_MISMATCH,371323105201,H040,registry/households.csv H040没有建档" c/2016/county-371323/audit.csv &&
	grep -q "^error,DECISION_MISMATCH,371323105201,H040,registry/members.csv H040 " c/2016/county-371323/audit.csv &&
	only 371323105201 DECISION_MISMATCH &&
	unreceived 371323105201'
