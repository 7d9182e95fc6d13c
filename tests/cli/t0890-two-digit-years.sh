#!/bin/sh
# Dates with a two-digit year, as a spreadsheet's Chinese short form writes
# them (15年5月26日): read near the village's year (2015), within 10 years;
# any other two-digit year is BAD_DATE, with a message saying to type the
# year in four digits.
. "$(dirname "$0")/lib.sh"
V=$SAMPLE_FLAT/county/2015/371323105201

# The sample village with applicants.csv made, in a folder of its own.
sample_village() {
	mkdir -p county/2015 county/rules &&
	cp -R "$V" county/2015/ && sample_rules county &&
	cd county/2015/371323105201 &&
	tpa-apply -q --village . -o applicants.csv applications.csv
}

# survey.csv's dates are 2015/5/26 .. 2015/5/29: written 15年5月26日 ..
# 15年5月29日, the same primary list and rejects as the sample's (every
# household that was verified still is).
expect "survey.csv dated 15年5月26日: the households are verified, the list is the sample's" '
	sample_village &&
	sed -E "s|,2015/5/([0-9]+),|,15年5月\1日,|" survey.csv >s.csv && mv s.csv survey.csv &&
	[ "$(grep -c ",15年5月2[6-9]日," survey.csv)" -eq 17 ] &&
	tpa-survey -q --village . -o primary.csv applicants.csv survey.csv &&
	same primary.csv "$DATA/sample/primary.expected" &&
	same rejects-survey.csv "$DATA/sample/rejects-survey.expected" &&
	! grep -q BAD_DATE rejects-survey.csv'

expect "full-width １５年５月２６日 is read as 2015-05-26" '
	sample_village &&
	sed "s|^H001,2015/5/26,|H001,１５年５月２６日,|" survey.csv >s.csv &&
	tpa-survey -q --village . -o primary.csv applicants.csv s.csv &&
	grep -q "^371323105201,H001,张建国,37132319580312011X,2,2100.00,2855.00,eligible,,,2015-05-26," primary.csv'

# 97 is 18 years from 2015; 15-5-26 and 15/5/26 could be a day first
# (26/5/15): never read. H001 and H002 are then unverified, with the reason
# of a bad survey row.
expect "97年5月26日 and 15-5-26 in survey.csv: BAD_DATE saying to type four digits, households unverified" '
	sample_village &&
	sed -e "s|^H001,2015/5/26,|H001,97年5月26日,|" -e "s|^H002,2015/5/26,|H002,15-5-26,|" survey.csv >s.csv &&
	tpa-survey -q --village . -o primary.csv applicants.csv s.csv &&
	grep -q "^survey,s.csv,2,371323105201,H001,,survey_date,BAD_DATE,\"调查日期 \"\"97年5月26日\"\"的年份只有两位：请把年份写成四位（如“15年”写成“2015年”）；两位年份只在写作“年月日”且与本年度相差不超过10年时才能读出" rejects-survey.csv &&
	grep -q "^survey,s.csv,3,371323105201,H002,,survey_date,BAD_DATE,\"调查日期 \"\"15-5-26\"\"的年份只有两位：请把年份写成四位" rejects-survey.csv &&
	grep -q "^371323105201,H001,.*,unverified," primary.csv &&
	grep -q "^371323105201,H002,.*,unverified," primary.csv'

expect "in an English village the message says to type the year in four digits" '
	sample_village && echo "language: en" >>village.yaml &&
	sed -e "s|^H001,2015/5/26,|H001,97年5月26日,|" survey.csv >s.csv &&
	tpa-survey -q --village . -o primary.csv applicants.csv s.csv &&
	grep -q "^survey,s.csv,2,371323105201,H001,,survey_date,BAD_DATE,\"survey_date \"\"97年5月26日\"\" has a two-digit year: type the year in four digits (2015, not 15); a two-digit year is read only in the form 15年5月26日 and within 10 years of the year\"" rejects-survey.csv'

# applications.csv: 张建国 (ID 37132319580312011X) born 58年3月12日 — the
# ID number settles the century of a birth year; 15年5月20日 applied.
expect "applications: birth date 58年3月12日 agrees with the ID, apply date 15年5月20日 read as 2015-05-20" '
	mkdir -p county/2015 county/rules && cp -R "$V" county/2015/ &&
	sample_rules county && cd county/2015/371323105201 &&
	sed -e "s|^H001,张建国,37132319580312011X,户主,男,,|H001,张建国,37132319580312011X,户主,男,58年3月12日,|" \
	    -e "s|,2015/5/20,老伴|,15年5月20日,老伴|" applications.csv >a.csv &&
	grep -q "58年3月12日" a.csv && grep -q "15年5月20日" a.csv &&
	tpa-apply -q --village . -o applicants.csv a.csv &&
	! grep -q ",H001," rejects-apply.csv &&
	grep -q "^371323105201,H001,张建国,37132319580312011X,head,male,1958-03-12,.*,2015-05-20," applicants.csv'

expect "applications: birth date 59年3月12日 disagrees with the ID (1958); apply date 97年5月20日 is BAD_DATE" '
	mkdir -p county/2015 county/rules && cp -R "$V" county/2015/ &&
	sample_rules county && cd county/2015/371323105201 &&
	sed -e "s|^H001,张建国,37132319580312011X,户主,男,,|H001,张建国,37132319580312011X,户主,男,59年3月12日,|" \
	    -e "s|,2015/5/20,老伴|,97年5月20日,老伴|" applications.csv >a.csv &&
	tpa-apply -q --village . -o applicants.csv a.csv &&
	grep -q "^apply,a.csv,2,371323105201,H001,371323\*\*\*\*\*\*\*\*011X,birth_date,BIRTH_MISMATCH," rejects-apply.csv &&
	grep -q "^apply,a.csv,2,371323105201,H001,371323\*\*\*\*\*\*\*\*011X,apply_date,BAD_DATE,\"申请日期 \"\"97年5月20日\"\"的年份只有两位：请把年份写成四位" rejects-apply.csv &&
	! grep -q ",H001," applicants.csv'

# objections-village.csv received 2015-06-06 .. 2015-06-09, decided
# 2015-06-10: written 15年6月6日 etc., the same resolution, no note.
expect "objections dated 15年6月6日: the same resolution as with four-digit years, no note" '
	mkdir -p county/2015 county/rules && cp -R "$V" county/2015/ &&
	sample_rules county && cd county/2015/371323105201 &&
	cp "$DATA/sample/appraised.expected" appraised.csv &&
	tpa-publicize resolve -q --level village --village . -o want.csv --resurvey want-rs.csv appraised.csv objections-village.csv &&
	sed -E -e "s/,2015-06-0?([0-9]+),/,15年6月\1日,/g" -e "s|,2015/6/([0-9]+),|,15年6月\1日,|g" objections-village.csv >o.csv &&
	[ "$(grep -c "15年6月" o.csv)" -eq 4 ] && ! grep -q 2015 o.csv &&
	tpa-publicize resolve -q --level village --village . -o got.csv --resurvey got-rs.csv appraised.csv o.csv 2>err &&
	same got.csv want.csv && ! grep -q "date\|日期" err'

expect "objections received 97年6月6日: the note says to type four digits" '
	mkdir -p county/2015 county/rules && cp -R "$V" county/2015/ &&
	sample_rules county && cd county/2015/371323105201 &&
	cp "$DATA/sample/appraised.expected" appraised.csv &&
	sed "s/^H031,,2015-06-06,/H031,,97年6月6日,/" objections-village.csv >o.csv &&
	tpa-publicize resolve -q --level village --village . -o got.csv appraised.csv o.csv 2>err;
	grep -q "o.csv:2: .*received \"97年6月6日\" has a two-digit year: type the year in four digits" err'
