/* A small village for the whole-stage fuzz targets: the files a stage
 * reads besides the one being fuzzed, written once into a fresh folder. */
#ifndef TPA_FUZZ_FIXTURE_H
#define TPA_FUZZ_FIXTURE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char fixture_village[] =
"village:\n  code: \"371323105201\"\n  name: 双河村\n  town: 临涧镇\n"
"  county: 沂水县\n  population: 800\n  contact: 村委会\n"
"year: 2015\nrules: rules.yaml\n"
"appraisal: {date: 2015-06-03, representatives: 22}\n"
"publicity:\n  village: {start: 2015-06-05, end: 2015-06-11}\n"
"  town: {start: 2015-06-14, end: 2015-06-20}\n"
"  county: {start: 2015-06-21, end: 2015-06-25}\n";

static const char fixture_rules[] =
"version: 1\nyear: 2015\n"
"income: {poverty_line: 2855, margin: 0.10}\n"
"fields:\n"
"  urban_house: {type: yes_no}\n  car_value: {type: money}\n"
"  occupation: {type: code, values: {civil_servant: [公务员], farmer: [务农]}, other: allow}\n"
"exclusions:\n"
"  - {id: X1, when: {any_member: {field: occupation, equals: civil_servant}}}\n"
"  - {id: X2, when: {field: urban_house, equals: 'yes'}}\n"
"  - {id: X3, when: {field: car_value, gt: 30000}}\n"
"  - {id: X4, when: {any_member: {field: occupation, matches: '村委|村干部'}}}\n"
"considerations:\n"
"  - {id: C1, when: {any_member: {field: health, equals: serious}}}\n"
"  - {id: C2, when: {field: housing, in: [c_grade, d_grade]}}\n"
"scale: {key_village: 0.5, other_village: 0.05}\n"
"appraisal: {quorum: [{max_population: 999, representatives: 20}, {representatives: 30}]}\n"
"publicity: {village: 7, town: 7, county: 5}\n";

static const char fixture_applications[] =
"户编号,姓名,身份证号,与户主关系,性别,健康状况,劳动能力,职业,申请日期,银行卡号\n"
"H001,张建国,37132319580312011X,户主,男,长期慢性病,弱劳动力,务农,2015/5/20,6228\n"
"H001,李秀英,371323196007050223,配偶,女,患有大病,丧失劳动力,务农,,\n"
"H002,王德明,371323197209180311,户主,男,健康,普通劳动力,公务员,2015.5.21,6229\n"
"H003,刘桂兰,371323194001010627,户主,女,残疾,丧失劳动力,,2015-05-22,\n";

static const char fixture_applicants[] =
"village_code,household_id,name,id_number,relation,sex,birth_date,health,labor,education,in_school,occupation,phone,group,apply_date,declared_reason,source\n"
"371323105201,H001,张建国,37132319580312011X,head,male,1958-03-12,chronic,partial,,,务农,,一组,2015-05-20,,application\n"
"371323105201,H001,李秀英,371323196007050223,spouse,female,1960-07-05,serious,none,,,务农,,一组,,,application\n"
"371323105201,H002,王德明,371323197209180311,head,male,1972-09-18,healthy,full,,,公务员,,二组,2015-05-21,,application\n"
"371323105201,H003,刘桂兰,371323194001010627,head,female,1940-01-01,disabled,none,,,,,二组,2015-05-22,,application\n";

static const char fixture_survey[] =
"household_id,survey_date,surveyors,wage_income,business_income,property_income,transfer_income,housing,dibao,urban_house,car_value\n"
"H001,2015-05-26,李,0,2400,0,1800,safe,是,否,0\n"
"H002,2015-05-26,李,6000,2500.50,0,500,c_grade,否,有,0\n"
"H003,2015-05-27,李,1000,0,0,800,d_grade,是,否,\n";

static const char fixture_primary[] =
"village_code,household_id,head_name,head_id_number,members,per_capita_income,poverty_line,decision,reasons,group,survey_date\n"
"371323105201,H001,张建国,37132319580312011X,2,2100.00,2855.00,eligible,,一组,2015-05-26\n"
"371323105201,H002,王德明,371323197209180311,1,9000.50,2855.00,excluded,X1;X2,二组,2015-05-26\n"
"371323105201,H003,刘桂兰,371323194001010627,1,1800.00,2855.00,eligible,,二组,2015-05-27\n"
"371323105201,H004,赵四,371323197504020425,3,1500.00,2855.00,eligible,,三组,2015-05-27\n";

static const char fixture_votes[] =
"household_id,votes_for,votes_against,votes_abstain\n"
"H001,20,2,0\nH003,15,5,2\nH004,11,11,0\n";

static const char fixture_appraised[] =
"village_code,household_id,head_name,head_id_number,members,per_capita_income,poverty_line,decision,reasons,votes_for,votes_against,votes_abstain,rank\n"
"371323105201,H001,张建国,37132319580312011X,2,2100.00,2855.00,proposed,,20,2,0,2\n"
"371323105201,H002,王德明,371323197209180311,1,9000.50,2855.00,excluded,X1;X2,,,,\n"
"371323105201,H003,刘桂兰,371323194001010627,1,1800.00,2855.00,proposed,,15,5,2,1\n";

static const char fixture_objections[] =
"household_id,about,received,kind,summary,outcome,decided,decided_by\n"
"H001,,2015-06-06,wrongly_included,x,dismissed,2015-06-10,村民代表会议\n"
",王五 371323196512034411,2015-06-08,wrongly_excluded,y,upheld,2015-06-10,村委会\n";

/* The fixture folder (made once) and the path of NAME in it. */
static const char *
fixture_dir(void)
{
	static char dir[64];

	if (dir[0] == '\0') {
		static const struct { const char *name, *text; } files[] = {
			{ "village.yaml", fixture_village }, { "rules.yaml", fixture_rules },
			{ "applications.csv", fixture_applications },
			{ "applicants.csv", fixture_applicants }, { "survey.csv", fixture_survey },
			{ "primary.csv", fixture_primary }, { "votes.csv", fixture_votes },
			{ "appraised.csv", fixture_appraised },
			{ "objections.csv", fixture_objections },
		};

		snprintf(dir, sizeof dir, "/tmp/tpa-fuzz-stage-XXXXXX");
		if (mkdtemp(dir) == NULL)
			abort();
		for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
			char path[128];
			FILE *fp;

			snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
			if ((fp = fopen(path, "wb")) == NULL)
				abort();
			fputs(files[i].text, fp);
			if (fclose(fp) != 0)
				abort();
		}
	}
	return dir;
}

static const char *
fixture_path(const char *name)
{
	static char paths[8][128];
	static int next;
	char *p = paths[next++ % 8];

	snprintf(p, 128, "%s/%s", fixture_dir(), name);
	return p;
}

/* Write the fuzzer's bytes to NAME in the fixture folder. */
static const char *
fixture_input(const char *name, const uint8_t *data, size_t size)
{
	const char *path = fixture_path(name);
	FILE *fp = fopen(path, "wb");

	if (fp == NULL)
		abort();
	fwrite(data, 1, size, fp);
	if (fclose(fp) != 0)
		abort();
	return path;
}

#endif
