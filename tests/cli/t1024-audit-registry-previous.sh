#!/bin/sh
# Last year's registry as the county received it, not a doctored copy:
# 双河村's H031 (registered 2015, not confirmed in 2016: it exits) is
# erased from ../../2015/371323105201/registry, and the 2016 registry
# written as that copy would give it (no H031 at all). Besides
# PREVIOUS_CHANGED (and PROVENANCE_MISMATCH: the village's 2016 lists
# were made from the copy before it was doctored), the county's audit re-derives the registry from the
# 2015 registry it received and names H031 as missing; the registry is
# not received.
. "$(dirname "$0")/lib-registry-audit.sh"

ERASE='sed -i "/^371323105201,H031,/d" households.csv members.csv \
	    ../../../2015/371323105201/registry/households.csv ../../../2015/371323105201/registry/members.csv'

expect "H031 erased from last year's copy and from this year's registry: PREVIOUS_CHANGED and DECISION_MISMATCH naming 371323105201 and H031; no receipt" '
	doctored 371323105201 "$ERASE" &&
	! grep -q ",H031," c/2015/371323105201/registry/households.csv c/2016/371323105201/registry/households.csv &&
	grep -q "^371323105201,H031,.*,new,2015," c/2015/county-371323/received/371323105201/2/registry/households.csv &&
	finding PREVIOUS_CHANGED 371323105201 H031 &&
	grep -q "^error,DECISION_MISMATCH,371323105201,H031,registry/households.csv H031没有建档" c/2016/county-371323/audit.csv &&
	! grep "^error," c/2016/county-371323/audit.csv | grep -v "^error,PREVIOUS_CHANGED,371323105201,H031," |
	    grep -v "^error,PROVENANCE_MISMATCH,371323105201,,.*\.\./\.\./2015/371323105201/registry/" | grep -qv "^error,DECISION_MISMATCH,371323105201,H031," &&
	unreceived 371323105201'
