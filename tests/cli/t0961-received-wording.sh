#!/bin/sh
# CHANGED_AFTER_RECEIPT in a village whose language is English: the detail
# reads as SPEC §8 writes it; an edit of village.yaml after the receipt is
# named by its key, and no list is then blamed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-area-sample.sh"
. "$(dirname "$0")/lib-received.sh"

# english: A in English, made again and received by the town.
english() {
	area && echo "language: en" >>$A/village.yaml && rebuild 371323105201 &&
	town_receives 371323105201
}

expect "an English village: survey.csv H002 wage_income 6000.00 → 1000.00, after the town received it" '
	english &&
	sed -i "s/^H002,2015\/5\/26,李干事;王委员,6000,/H002,2015\/5\/26,李干事;王委员,1000,/" $A/survey.csv &&
	rebuild 371323105201 && town_audit &&
	[ "$(changed)" = "error,CHANGED_AFTER_RECEIPT,371323105201,H002,\"survey.csv H002 wage_income 6000.00 → 1000.00, after the town received it\"" ]'

expect "a row added and a row removed, in English: votes.csv H038 added, votes.csv H039 removed" '
	english && grep -v "^H039," $A/votes.csv >v && echo "H038,25,5,0" >>v && mv v $A/votes.csv &&
	town_audit &&
	[ "$(changed | sort)" = "error,CHANGED_AFTER_RECEIPT,371323105201,H038,votes.csv H038 added after the town received it
error,CHANGED_AFTER_RECEIPT,371323105201,H039,votes.csv H039 removed after the town received it" ]'

expect "the representatives present changed in village.yaml after the receipt, the lists not made again: the finding names appraisal.representatives 32 → 20, with no household; no DECISION_MISMATCH (the quorum is judged on the village.yaml of now)" '
	english && sed -i "s/^  representatives: 32\$/  representatives: 20/" $A/village.yaml &&
	grep -q "^  representatives: 20" $A/village.yaml && town_audit &&
	[ "$(changed)" = "error,CHANGED_AFTER_RECEIPT,371323105201,,\"village.yaml appraisal.representatives 32 → 20, after the town received it\"" ] &&
	! grep -q ",DECISION_MISMATCH," $T/audit.csv &&
	grep -q ",QUORUM,371323105201,,\"20 representatives present" $T/audit.csv'

expect "the same file in another village of the town, unchanged: only the changed village is named" '
	english && town_receives 371323105202 &&
	sed -i "s/^H002,2015\/5\/26,李干事;王委员,6000,/H002,2015\/5\/26,李干事;王委员,1000,/" $A/survey.csv &&
	town_audit && [ "$(changed | cut -d, -f3 | sort -u)" = 371323105201 ]'
