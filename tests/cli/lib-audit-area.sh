# A county's area for the audit's tests (after lib.sh): county 371323 of
# 2015, towns 371323105 (the county's rules) and 371323106 (its own rules,
# rules_by_town), villages 371323105201, 371323105202 and 371323106201
# listed in villages.csv. Each village's appraised.csv is made where no
# area is beside it (its own folder under work/, with a village.yaml that
# holds every fact appraise needs: the county's rules, population 800,
# quota 5), then the folder is moved into the area and its village.yaml
# cut to what the village owns (code, name, year, appraisal).
AD=$DATA/appraise

# area_files: the county's and the towns' files in 2015/, every village of
# 800 people with a quota of 5.
. "$(dirname "$0")/lib-area.sh"
area_files() {
	county_files 800,200,no,5
}

# made V RULES: village V's appraised.csv made outside the area with RULES
# (a file name in work/V/, copied from the town's rules unless given),
# then V moved into 2015/ with only what the village owns. (The villages
# share their households' people: the audit's DUPLICATE_PERSON findings
# are not what these tests look at.)
made() {
	v=$1 && r=${2:-} && mkdir -p work/$v &&
	case $v in 371323106*) own=rules-106.yaml ;; *) own=rules.yaml ;; esac &&
	if [ -z "$r" ]; then cp 2015/county-371323/$own work/$v/rules.yaml && r=rules.yaml; fi &&
	sed "s/^371323105201,/$v,/" "$AD/primary.csv" >work/$v/primary.csv &&
	cp "$AD/votes.csv" work/$v/votes.csv &&
	printf 'village:\n  code: "%s"\n  name: 村%s\n  population: 800\nyear: 2015\nrules: %s\nquota: 5\nappraisal:\n  date: 2015-06-03\n  representatives: 25\n' \
	    $v $v "$r" >work/$v/village.yaml &&
	(cd work/$v && tpa-appraise -q --village village.yaml -o appraised.csv primary.csv votes.csv) &&
	grep -q ",proposed," work/$v/appraised.csv &&
	mv work/$v 2015/$v &&
	printf 'village:\n  code: "%s"\n  name: 村%s\nyear: 2015\nappraisal:\n  date: 2015-06-03\n  representatives: 25\n' \
	    $v $v >2015/$v/village.yaml
}

# area: the files and the three villages made.
area() {
	area_files && made 371323105201 && made 371323105202 && made 371323106201
}
