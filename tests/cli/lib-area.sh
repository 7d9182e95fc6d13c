# A small county's area for the command-line tests (after lib.sh).
D=$DATA/appraise

# county_files [ROW]: the files of a county 371323 of 2015 with towns
# 371323105 (the county's rules) and 371323106 (its own rules: 25
# representatives make a quorum under 1,000, not 20), listing villages
# 371323105201 (800 people, quota 5), 371323105202 (ROW: population,
# households, key_village, quota; default 1200,300,no,3) and 371323106201.
county_files() {
	mkdir -p 2015/county-371323 2015/town-371323105 2015/town-371323106 &&
	cp "$D/rules.yaml" 2015/county-371323/rules.yaml &&
	sed "s/max_population: 999, representatives: 20/max_population: 999, representatives: 25/" \
	    "$D/rules.yaml" >2015/county-371323/rules-106.yaml &&
	cat >2015/county-371323/county.yaml <<YAML &&
county:
  code: "371323"
  name: 沂水县
  contact: 县民政局 0539-1111111
  hotline: "12317"
year: 2015
rules: rules.yaml
rules_by_town: {"371323106": rules-106.yaml}
YAML
	for t in 105 106; do
		printf 'town:\n  code: "371323%s"\n  name: 镇%s\n  contact: 镇%s民政办 0539-2222%s\n' $t $t $t $t \
		    >2015/town-371323$t/town.yaml || return 1
	done &&
	h=village_code,name,population,households,key_village,quota,town_start,town_end,town_closed,previous_code,posted_village,posted_town &&
	printf "%s\n371323105201,双河村,800,200,no,5,,,,,,\n371323105202,李庄村,${1:-1200,300,no,3},,,,,,\n" $h \
	    >2015/town-371323105/villages.csv &&
	printf "%s\n371323106201,王庄村,800,200,no,5,,,,,,\n" $h >2015/town-371323106/villages.csv
}

# area: the county's files, and the three villages' folders, each
# village.yaml with only what the village owns.
area() {
	county_files &&
	for v in 371323105201 371323105202 371323106201; do
		mkdir -p 2015/$v &&
		printf 'village:\n  code: "%s"\n  name: 村%s\nyear: 2015\nappraisal:\n  date: 2015-06-03\n  representatives: 20\n' $v $v \
		    >2015/$v/village.yaml || return 1
	done
}

# appraise V [OPTIONS]: tpa-appraise in 2015/V, output appraised.csv.
appraise() {
	v=$1 && shift &&
	(cd 2015/$v && tpa-appraise -q --village . "$@" -o appraised.csv "$D/primary.csv" "$D/votes.csv")
}
