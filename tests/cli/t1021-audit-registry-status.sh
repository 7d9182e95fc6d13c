#!/bin/sh
# An exited household relabelled continuing: 双河村's H031 leaves the
# registry in 2016 (it was registered in 2015 and is not confirmed this
# year); its row in registry/households.csv is rewritten as continuing,
# exited_year emptied. The county's audit re-derives the registry and
# names H031; the registry is not received.
. "$(dirname "$0")/lib-registry-audit.sh"

expect "H031 exited, filed continuing: DECISION_MISMATCH naming 371323105201, H031 and households.csv; no receipt of that registry" '
	doctored 371323105201 "sed -i \"/^371323105201,H031,/s/,exited,2016,2015,2016,/,continuing,2016,2015,,/\" households.csv" &&
	grep -q "^371323105201,H031,.*,continuing,2016,2015,," c/2016/371323105201/registry/households.csv &&
	finding DECISION_MISMATCH 371323105201 H031 &&
	grep -q "^error,DECISION_MISMATCH,371323105201,H031,registry/households.csv的status：记录为continuing，按规则重新计算为exited$" c/2016/county-371323/audit.csv &&
	only 371323105201 DECISION_MISMATCH &&
	unreceived 371323105201'

# A registry finding never un-posts a notice (SPEC §8): the county
# notice stays, and so does the county's receipt of the town list.
expect "the registry refused, the county notice stays posted and the town list stays received" '
	doctored 371323105201 "sed -i \"/^371323105201,H031,/s/,exited,2016,2015,2016,/,continuing,2016,2015,,/\" households.csv" &&
	finding DECISION_MISMATCH 371323105201 H031 &&
	[ -s c/2016/371323105201/notice-county.html ] &&
	grep -q ",371323105201,1,received/371323105201/1/publicized-town.csv," c/2016/county-371323/LEDGER.csv &&
	unreceived 371323105201'
