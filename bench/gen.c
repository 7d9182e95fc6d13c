/*
 * tpa-gen: deterministic synthetic villages in the spec's formats, for
 * benchmarks and stress tests. Same options, same bytes.
 *
 *   tpa-gen [--villages N] [--households N] [--seed S] [--year Y] -o DIR
 *
 * Writes DIR/<village_code>/{village.yaml, applications.csv, survey.csv,
 * votes.csv}: 1-7 members per household with Chinese names and valid ID
 * numbers, realistic mixes of health, labour, schooling and occupations,
 * and survey incomes with about a quarter of households below the line.
 * --households is per village.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "values/date.h"
#include "values/idnumber.h"

static uint64_t rng_state;

static uint64_t
rng(void)
{
	uint64_t x = rng_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	rng_state = x;
	return x * 0x2545F4914F6CDD1DULL;
}

static int
pick(int n)
{
	return (int)(rng() % (uint64_t)n);
}

static const char *const surnames[] = { "王", "李", "张", "刘", "陈", "杨",
	"赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭",
	"马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧" };
static const char *const given_m[] = { "建国", "德明", "志强", "国庆", "长青",
	"大山", "有才", "树林", "春生", "海涛", "小龙", "浩", "明", "伟", "强",
	"军", "磊", "洋", "勇", "杰" };
static const char *const given_f[] = { "秀英", "桂兰", "丽", "红霞", "玉兰",
	"春花", "秋菊", "小燕", "敏", "静", "芳", "娟", "霞", "艳", "梅", "玲" };

#define NAME(a) a[pick((int)(sizeof a / sizeof a[0]))]

/* Per birth day and sex: how many numbers were handed out. */
static uint16_t *issued;
static long first_day;

static void
make_id(char out[ID_LEN + 1], long day, int male)
{
	size_t slot = (size_t)(day - first_day) * 2 + (size_t)male;
	unsigned n = issued[slot]++;
	int y, m, d;

	date_ymd(day, &y, &m, &d);
	snprintf(out, ID_LEN + 1, "%06u%04d%02d%02d%03u", 371323 + n / 500, y, m, d,
	    (n % 500) * 2 + (unsigned)male);
	out[17] = id_check_char(out);
	out[18] = '\0';
}

static long
birth(int from, int to)
{
	long a = date_days(from, 1, 1), b = date_days(to, 12, 31);

	return a + (long)(rng() % (uint64_t)(b - a + 1));
}

static FILE *
create(const char *dir, const char *name)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if ((fp = fopen(path, "w")) == NULL) {
		fprintf(stderr, "tpa-gen: cannot write %s: %s\n", path, strerror(errno));
		exit(2);
	}
	return fp;
}

static void
person(FILE *fp, const char *hh, const char *rel, long day, int male,
    int year, const char *date)
{
	static const char *const health[] = { "健康", "健康", "健康", "健康",
		"健康", "健康", "长期慢性病", "长期慢性病", "患有大病", "残疾" };
	static const char *const edu[] = { "文盲或半文盲", "小学", "小学", "初中",
		"初中", "初中", "高中", "大专及以上" };
	char id[ID_LEN + 1];
	int age, y, m, d;
	const char *labor, *school = "", *occ = "务农", *h = NAME(health);

	make_id(id, day, male);
	date_ymd(day, &y, &m, &d);
	age = year - y;
	if (age < 16 || age >= 70 || strcmp(h, "残疾") == 0)
		labor = age < 16 ? "" : "丧失劳动力";
	else if (age >= 60 || strcmp(h, "患有大病") == 0)
		labor = "弱劳动力或半劳动力";
	else
		labor = "普通劳动力";
	if (age >= 3 && age < 6)
		school = "学前教育";
	else if (age >= 6 && age < 12)
		school = "小学";
	else if (age >= 12 && age < 15)
		school = "初中";
	else if (age >= 15 && age < 18)
		school = pick(3) ? "高中" : "中职";
	else if (age >= 18 && age < 22 && pick(4) == 0)
		school = "大专及以上";
	if (*school)
		occ = "学生";
	else if (age < 3)
		occ = "";
	else if (age >= 18 && age < 50 && pick(3) == 0)
		occ = "外出务工";
	else if (pick(400) == 0)
		occ = "civil_servant";
	fprintf(fp, "%s,%s%s,%s,%s,%s,,%s,%s,%s,%s,%s,%s,%s,\n", hh,
	    NAME(surnames), male ? NAME(given_m) : NAME(given_f), id, rel,
	    male ? "男" : "女", h, labor, age < 6 ? "" : NAME(edu), school, occ,
	    strcmp(rel, "户主") == 0 ? "13905390000" : "",
	    strcmp(rel, "户主") == 0 ? date : "");
}

static void
village(const char *out, unsigned v, unsigned households, int year)
{
	char dir[4096], code[32], hh[32], date[32];
	FILE *app, *sur, *vot, *yml;

	snprintf(code, sizeof code, "371323%03u%03u", 100 + (v / 1000) % 900, v % 1000);
	snprintf(dir, sizeof dir, "%s/%s", out, code);
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "tpa-gen: cannot create %s: %s\n", dir, strerror(errno));
		exit(2);
	}
	yml = create(dir, "village.yaml");
	fprintf(yml, "village:\n  code: \"%s\"\n  name: 第%u村\n  town: 临涧镇\n"
	    "  county: 沂水县\n  population: %u\n  key_village: %s\n"
	    "  contact: 村委会 0539-1234567\nyear: %d\nrules: ../rules/example-2015.yaml\n"
	    "appraisal:\n  date: %d-06-03\n  representatives: 32\n"
	    "publicity:\n  village: {start: %d-06-05, end: %d-06-11}\n"
	    "  town:    {start: %d-06-14, end: %d-06-20}\n"
	    "  county:  {start: %d-06-21, end: %d-06-25}\n",
	    code, v + 1, households * 4, v % 5 != 4 ? "true" : "false", year,
	    year, year, year, year, year, year, year);
	fclose(yml);
	app = create(dir, "applications.csv");
	sur = create(dir, "survey.csv");
	vot = create(dir, "votes.csv");
	fputs("户编号,姓名,身份证号,与户主关系,性别,出生日期,健康状况,劳动能力,"
	    "文化程度,在校生状况,职业,联系电话,申请日期,申请理由\n", app);
	fputs("户编号,调查日期,调查人,工资性收入,生产经营性收入,财产性收入,"
	    "转移性收入,住房情况,饮水安全,是否低保,主要致贫原因,urban_house,car_value\n", sur);
	fputs("household_id,votes_for,votes_against,votes_abstain\n", vot);
	snprintf(date, sizeof date, "%d-05-%02d", year, 10 + pick(15));
	for (unsigned h = 0; h < households; h++) {
		int members = 1 + pick(4) + pick(4);   /* 1..7, most 3-4 */
		int head_male = pick(5) != 0, kids = 0;
		long total;

		snprintf(hh, sizeof hh, "H%06u", h + 1);
		person(app, hh, "户主", birth(year - 80, year - 25), head_male, year, date);
		for (int m = 1; m < members; m++) {
			if (m == 1 && members > 1 && pick(5))
				person(app, hh, "配偶", birth(year - 78, year - 23), !head_male, year, date);
			else if (m >= 5)
				person(app, hh, "父母", birth(year - 95, year - 60), pick(2), year, date);
			else {
				person(app, hh, "子女", birth(year - 30, year), pick(2), year, date);
				kids++;
			}
		}
		/* Household income: per capita 300 - 6,800 yuan, about
		 * 40% of households below the 2015 line of 2,855. */
		total = (long)members * (300 + pick(4000) + pick(2500));
		fprintf(sur, "%s,%d-05-2%d,李干事;王委员,%ld,%ld,%d,%d,%s,安全,%s,,%s,%d\n",
		    hh, year, pick(9), total * 6 / 10, total * 3 / 10 - 200 + pick(400),
		    pick(50), pick(3) ? 0 : 600 + pick(1200),
		    pick(12) ? "安全" : (pick(2) ? "C级危房" : "D级危房"),
		    pick(8) ? "否" : "是", pick(200) ? "no" : "yes",
		    pick(50) ? 0 : 20000 + pick(60000));
		/* Votes only for households likely on the primary list. */
		if (total / members < 2855) {
			int yes = 14 + pick(19);

			fprintf(vot, "%s,%d,%d,%d\n", hh, yes, 32 - yes, 0);
		}
		(void)kids;
	}
	if (fclose(app) != 0 || fclose(sur) != 0 || fclose(vot) != 0) {
		fprintf(stderr, "tpa-gen: write error in %s\n", dir);
		exit(2);
	}
}

int
main(int argc, char **argv)
{
	unsigned villages = 1, households = 500;
	unsigned long long seed = 20151;
	const char *out = NULL;
	int year = 2015;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (v && strcmp(a, "--villages") == 0)
			villages = (unsigned)strtoul(argv[++i], NULL, 10);
		else if (v && strcmp(a, "--households") == 0)
			households = (unsigned)strtoul(argv[++i], NULL, 10);
		else if (v && strcmp(a, "--seed") == 0)
			seed = strtoull(argv[++i], NULL, 10);
		else if (v && strcmp(a, "--year") == 0)
			year = atoi(argv[++i]);
		else if (v && strcmp(a, "-o") == 0)
			out = argv[++i];
		else {
			fprintf(stderr, "usage: tpa-gen [--villages N] [--households N] "
			    "[--seed S] [--year Y] -o DIR\n");
			return 2;
		}
	}
	if (out == NULL || villages == 0) {
		fprintf(stderr, "usage: tpa-gen [--villages N] [--households N] "
		    "[--seed S] [--year Y] -o DIR\n");
		return 2;
	}
	if (mkdir(out, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "tpa-gen: cannot create %s: %s\n", out, strerror(errno));
		return 2;
	}
	rng_state = seed * 0x9E3779B97F4A7C15ULL + 1;
	first_day = date_days(year - 100, 1, 1);
	issued = calloc((size_t)(date_days(year, 12, 31) - first_day + 1) * 2, sizeof *issued);
	if (issued == NULL)
		return 2;
	for (unsigned v = 0; v < villages; v++)
		village(out, v, households, year);
	free(issued);
	return 0;
}
