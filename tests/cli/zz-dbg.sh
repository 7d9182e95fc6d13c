#!/bin/sh
# A procedure that posts in the village and at the county, without the
# town's posting (publicity: {village: 7, county: 5}): the county notice
# shows publicized-village.csv, the registry is filed from
# publicized-county.csv; tpa status and the audits agree.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/lib-levels.sh"

V=c/2015/371323105201

# steps FILE: the step names of tpa status's lines in FILE.
steps() {
	awk 'NR > 1 { sub(/^  /, ""); sub(/  +.*/, ""); print }' "$1"
}

area_county c "{village: 7, county: 5}" && vmake c/2015/county-371323 >out 2>err; tail -5 err; grep -v '^info' c/2015/county-371323/audit.csv | head; ls c/2015/county-371323 c/2015/371323105201
