# Shared make rules for one village-year folder. A village's Makefile is one
# line:    include /usr/local/share/tpa/village.mk
# (or wherever `make install` put it). `make` runs every stage whose inputs
# changed, in the order of the procedure, and stops where it is blocked.
#
# Variables: TPA_BIN (folder of the tpa programs; default: from PATH).

TPA_BIN ?=
T = $(if $(TPA_BIN),$(TPA_BIN)/,)

.DELETE_ON_ERROR:
.PHONY: all apply

all: apply

apply: applicants.csv

applicants.csv rejects-apply.csv &: applications.csv village.yaml
	$(T)tpa-apply --village village.yaml -o applicants.csv applications.csv

.PHONY: survey
all: survey
survey: primary.csv

primary.csv rejects-survey.csv &: applicants.csv survey.csv village.yaml
	$(T)tpa-survey --village village.yaml -o primary.csv applicants.csv survey.csv

.PHONY: appraise
all: appraise
appraise: appraised.csv

appraised.csv: primary.csv votes.csv village.yaml
	$(T)tpa-appraise --village village.yaml -o appraised.csv primary.csv votes.csv
