#!/bin/sh
# A sex or birth date that disagrees with the ID number is quoted as the
# clerk typed it (女, 1960年3月13日), not as its code or normalised date.
# 371323196003120116: born 1960-03-12, the 17th digit 1 is odd: a man
# (GB 11643); its check digit worked out by ISO 7064 MOD 11-2. A
# household number typed full-width (Ｈ01) is its ASCII form (H01).
. "$(dirname "$0")/lib.sh"

expect "性别 女 and 出生日期 1960年3月13日 against a man born 1960-03-12: both quoted as typed" '
	village &&
	printf "户编号,姓名,身份证号,与户主关系,性别,出生日期,申请日期\nH1,张三,371323196003120116,户主,女,1960年3月13日,2015-05-01\n" >applications.csv &&
	tpa-apply -q --village . -o applicants.csv applications.csv &&
	grep -q ",sex,SEX_MISMATCH,\"性别 \"\"女\"\"与身份证号不符\"," rejects-apply.csv &&
	grep -q ",birth_date,BIRTH_MISMATCH,\"出生日期 \"\"1960年3月13日\"\"与身份证号不符\"," rejects-apply.csv &&
	! grep -q "female\|1960-03-13" rejects-apply.csv'

# id 17DIGITS: the 18-character ID number with its check character.
id() {
	echo "$1" | awk '{ split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); s = 0
		for (i = 1; i <= 17; i++) s += substr($0, i, 1) * w[i]
		printf "%s%s\n", $0, substr("10X98765432", s % 11 + 1, 1) }'
}

expect "户编号 typed full-width (Ｈ01, H0５) is the household of its ASCII form: one household of two, another H05" '
	village && a=$(id 37132319600312011) && b=$(id 37132319650312022) && c=$(id 37132319700101013) &&
	printf "户编号,姓名,身份证号,与户主关系,申请日期\nH01,张三,%s,户主,2015-05-01\nＨ01,李四,%s,配偶,2015-05-01\nH0５,王五,%s,户主,2015-05-01\n" $a $b $c >applications.csv &&
	tpa-apply -q --village . -o applicants.csv applications.csv &&
	[ "$(tail -n +2 applicants.csv | cut -d, -f2 | tr "\n" " ")" = "H01 H01 H05 " ] &&
	[ "$(tail -n +2 rejects-apply.csv | wc -l)" -eq 0 ]'

expect "a member row whose 户编号 holds a zero-width space (H0<U+200B>01): that row refused, and H01 above it not decided on its head alone: HOUSEHOLD_INCOMPLETE naming the row below (a head's row so spoiled is a household of its own, t0875)" '
	village && a=$(id 37132319600312011) && b=$(id 37132319650312022) && c=$(id 37132319700101013) &&
	printf "户编号,姓名,身份证号,与户主关系,申请日期\nH01,张三,%s,户主,2015-05-01\nH0\342\200\21301,李四,%s,配偶,2015-05-01\nH02,王五,%s,户主,2015-05-01\n" $a $b $c >applications.csv &&
	tpa-apply -q --village . -o applicants.csv applications.csv &&
	[ "$(tail -n +2 applicants.csv | cut -d, -f2 | tr "\n" " ")" = "H02 " ] &&
	grep -q "^apply,applications.csv,2,371323105201,H01,.*,HOUSEHOLD_INCOMPLETE,第H01户下面一行的户编号不是有效的户编号" rejects-apply.csv &&
	grep -q "^apply,applications.csv,3,.*,household_id,BAD_VALUE," rejects-apply.csv'
