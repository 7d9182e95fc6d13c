#!/bin/sh
# A sex or birth date that disagrees with the ID number is quoted as the
# clerk typed it (女, 1960年3月13日), not as its code or normalised date.
# 371323196003120116: born 1960-03-12, the 17th digit 1 is odd: a man
# (GB 11643); its check digit worked out by ISO 7064 MOD 11-2.
. "$(dirname "$0")/lib.sh"

expect "性别 女 and 出生日期 1960年3月13日 against a man born 1960-03-12: both quoted as typed" '
	village &&
	printf "户编号,姓名,身份证号,与户主关系,性别,出生日期,申请日期\nH1,张三,371323196003120116,户主,女,1960年3月13日,2015-05-01\n" >applications.csv &&
	tpa-apply -q --village . -o applicants.csv applications.csv &&
	grep -q ",sex,SEX_MISMATCH,\"性别 \"\"女\"\"与身份证号不符\"," rejects-apply.csv &&
	grep -q ",birth_date,BIRTH_MISMATCH,\"出生日期 \"\"1960年3月13日\"\"与身份证号不符\"," rejects-apply.csv &&
	! grep -q "female\|1960-03-13" rejects-apply.csv'
