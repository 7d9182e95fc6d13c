# Shared make rules for a town folder (SPEC §7): town-TTTTTTTTT/ beside its
# villages' folders (the villages whose 12-digit codes start with the
# town's 9 digits). Its Makefile is one line:
#     include $(or $(TPA_MK_DIR),/usr/local/share/tpa)/town.mk
# `make -j` here runs, in phases:
#   1. every village as far as it goes (a village that waits does not stop
#      the others);
#   2. the town audit (audit.csv, sample.csv) over the villages that have
#      publicized-village.csv;
#   3. every village again (those the audit cleared go on to the town
#      notice);
#   4. the town's statistics over its villages' registries (stats.csv,
#      stats.svg), and a summary: each village's first step not done.
# Variables: TPA_BIN (the folder of the tpa programs; default: PATH),
# TPA_MK_DIR (the folder of the make rules when they are not installed;
# make passes it on to the villages' Makefiles).

TPA_BIN ?=
T = $(if $(TPA_BIN),$(TPA_BIN)/,)
TOWN := $(patsubst town-%,%,$(notdir $(CURDIR)))
VILLAGES := $(sort $(patsubst %/village.yaml,%,$(wildcard ../$(TOWN)[0-9][0-9][0-9]/village.yaml)))
AUDITED := $(sort $(patsubst %/publicized-village.csv,%,$(wildcard ../$(TOWN)[0-9][0-9][0-9]/publicized-village.csv)))
REGISTRIES := $(sort $(patsubst %/households.csv,%,$(wildcard ../$(TOWN)[0-9][0-9][0-9]/registry/households.csv)))
SUB = $(MAKE) --no-print-directory

.PHONY: all villages audit stats summary clean .tpa-blocked
.DEFAULT_GOAL := all
.SUFFIXES:

all:
	@$(SUB) villages
	@$(SUB) audit
	@$(SUB) villages
	@$(SUB) stats
	@$(SUB) summary

villages: $(addprefix village-,$(notdir $(VILLAGES)))
village-%:
	@$(SUB) -s -C ../$* || true

ifeq ($(AUDITED),)
audit:
	@echo "tpa: town $(TOWN): no village has finished its village publicity yet: no audit" >&2
else
audit: audit.csv
endif

# What the audit read (each village's lists, data and village.yaml), as
# it wrote it: the audit runs again when any of them changes.
-include .tpa-deps.mk
-include .tpa-blocked.mk
.tpa-blocked: ;

audit.csv sample.csv &: $(AUDITED:%=%/publicized-village.csv) $(AUDITED:%=%/village.yaml)
	@$(T)tpa-audit --level town -o . $(AUDITED) || [ $$? -eq 1 ]

ifeq ($(REGISTRIES),)
stats:
	@true
else
stats: stats.csv
endif

stats.csv stats.svg &: $(REGISTRIES:%=%/households.csv) $(REGISTRIES:%=%/members.csv)
	@$(T)tpa-file stats -o . $(REGISTRIES)

summary:
	@$(T)tpa status --brief $(VILLAGES)

clean:
	rm -f audit.csv sample.csv stats.csv stats.svg PROVENANCE.csv .tpa-deps.mk .tpa-blocked.mk
