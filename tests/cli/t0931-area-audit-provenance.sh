#!/bin/sh
# In a county's area tpa-audit and tpa status load a village as the stages
# do (its area's facts, the same refusals), and tpa-audit checks an
# entry FILE#KEY recorded in PROVENANCE.csv by recomputing the entry, not
# by hashing the whole file.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-area.sh"

V=2015/371323105201

# audit: tpa-audit of the town over village 371323105201, into a/.
audit() {
	mkdir -p a && tpa-audit -q --level town -o a $V
}

expect "the audit checks the villages.csv row a stage recorded: another village's row edited is no mismatch, this village's is" '
	area && appraise 371323105201 && status 0 audit && ! grep -q PROVENANCE a/audit.csv &&
	sed -i "s/^371323105202,李庄村,1200,/371323105202,李庄村,1500,/" 2015/town-371323105/villages.csv &&
	status 0 audit && ! grep -q PROVENANCE a/audit.csv &&
	sed -i "s/^371323105201,双河村,800,/371323105201,双河村,900,/" 2015/town-371323105/villages.csv &&
	status 1 audit &&
	grep -q "^error,PROVENANCE_MISMATCH,371323105201,,.*\.\./town-371323105/villages.csv#371323105201" a/audit.csv &&
	[ "$(grep -c PROVENANCE a/audit.csv)" = 1 ]'

expect "the audit checks county.yaml entries the same way: rules_by_town of another town edited is no mismatch, the county contact is" '
	area && appraise 371323105201 &&
	cp 2015/county-371323/rules.yaml 2015/county-371323/rules-107.yaml &&
	sed -i "s/^rules_by_town: .*/rules_by_town: {\"371323106\": rules-106.yaml, \"371323107\": rules-107.yaml}/" 2015/county-371323/county.yaml &&
	status 0 audit && ! grep -q PROVENANCE a/audit.csv &&
	sed -i "s/^  contact: .*/  contact: 别的电话/" 2015/county-371323/county.yaml &&
	status 1 audit && grep -q "^error,PROVENANCE_MISMATCH,371323105201,,.*county.yaml#county" a/audit.csv'

expect "the audit refuses a village.yaml in an area that sets the town's quota (BAD_VALUE naming villages.csv)" '
	area && printf "quota: 9\n" >>$V/village.yaml && status 1 audit &&
	grep -q "^error,BAD_VALUE,371323105201,,.*quota is the town.s: set it in ../town-371323105/villages.csv" a/audit.csv'

expect "--sample and --rules of tpa-audit are errors in an area: the county's county.yaml decides (exit 2, nothing written)" '
	area && mkdir a && status 2 tpa-audit -q --level town --sample 3 -o a $V 2>err &&
	grep -qF "tpa-audit: --sample: village folder $V is in a county'"'"'s area: the county'"'"'s county.yaml decides, not --sample" err &&
	status 2 tpa-audit -q --level town --rules 2015/county-371323/rules.yaml -o a $V 2>err &&
	grep -q "not --rules" err && [ ! -e a/audit.csv ]'

expect "tpa status refuses a village.yaml in an area that sets what the county owns (exit 2, naming county.yaml)" '
	area && status 0 tpa status --code $V >/dev/null &&
	printf "columns: x.yaml\n" >>$V/village.yaml && : >$V/x.yaml &&
	status 2 tpa status $V 2>err &&
	grep -q "village.yaml:8:1: columns is the county.s: set it in ../county-371323/county.yaml" err'

expect "the audit reports a village folder not listed in its town's villages.csv as VILLAGE_NOT_LISTED" '
	area && sed -i "/^371323105201,/d" 2015/town-371323105/villages.csv && status 1 audit &&
	grep -q "^error,VILLAGE_NOT_LISTED,371323105201,,.*not listed in ../town-371323105/villages.csv" a/audit.csv'
