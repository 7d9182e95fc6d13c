#!/bin/sh
# A cell under an empty header cell of applications.csv: the row is refused
# (BAD_VALUE) with a message saying the column has no name, and the field
# column of rejects-apply.csv names the column by its place in the file's
# language (第6列; column 6 in an English village). 371323196003120116 is
# a valid ID number (check digit worked out by ISO 7064 MOD 11-2).
. "$(dirname "$0")/lib.sh"

app() {
	printf '户编号,姓名,身份证号,与户主关系,申请日期,,\nH1,张三,371323196003120116,户主,2015-05-01,a,b\n' >applications.csv
}

expect "Chinese village: field 第6列, the message names the column and its content; H1 not accepted" '
	village && app && tpa-apply -q --village . -o applicants.csv applications.csv &&
	grep -q "^apply,applications.csv,2,371323105201,H1,371323\*\*\*\*\*\*\*\*0116,第6列,BAD_VALUE,\"第6列没有列名，却有内容" rejects-apply.csv &&
	grep -q ",第7列,BAD_VALUE," rejects-apply.csv && ! grep -q "column [0-9]" rejects-apply.csv &&
	! grep -q "^371323105201,H1," applicants.csv'

expect "English village: field column 6" '
	village && echo "language: en" >>village.yaml && app &&
	tpa-apply -q --village . -o applicants.csv applications.csv &&
	grep -q ",column 6,BAD_VALUE,\"column 6 has no name but holds" rejects-apply.csv'
