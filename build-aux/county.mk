# Shared make rules for a county folder (SPEC §7): county-CCCCCC/ beside its
# towns' and villages' folders (codes starting with the county's 6
# digits). Its Makefile is one line:
#     include $(or $(TPA_MK_DIR),/usr/local/share/tpa)/county.mk
# `make -j` here runs, in phases:
#   1. every town folder (each runs its villages and its audit) and every
#      village that has no town folder, as far as they go;
#   2. the county audit (audit.csv, sample.csv) over the villages that
#      have publicized-town.csv;
#   3. the towns and villages again (those the audit cleared go on to the
#      county notice and, once its objections are in, the registry);
#   4. the county's statistics over the villages' registries (stats.csv,
#      stats.svg), and a summary: each village's first step not done.
# Variables: TPA_BIN, TPA_MK_DIR, as for town.mk.

TPA_BIN ?=
T = $(if $(TPA_BIN),$(TPA_BIN)/,)
COUNTY := $(patsubst county-%,%,$(notdir $(CURDIR)))
TOWNS := $(sort $(patsubst %/Makefile,%,$(wildcard ../town-$(COUNTY)[0-9][0-9][0-9]/Makefile)))
VILLAGES := $(sort $(patsubst %/village.yaml,%,$(wildcard ../$(COUNTY)[0-9][0-9][0-9][0-9][0-9][0-9]/village.yaml)))
TOWNLESS := $(foreach v,$(VILLAGES),$(if $(wildcard ../town-$(shell printf '%.9s' '$(notdir $(v))')/Makefile),,$(v)))
AUDITED := $(sort $(patsubst %/publicized-town.csv,%,$(wildcard ../$(COUNTY)[0-9][0-9][0-9][0-9][0-9][0-9]/publicized-town.csv)))
REGISTRIES := $(sort $(patsubst %/households.csv,%,$(wildcard ../$(COUNTY)[0-9][0-9][0-9][0-9][0-9][0-9]/registry/households.csv)))
SUB = $(MAKE) --no-print-directory

.PHONY: all places audit stats summary .tpa-blocked
.DEFAULT_GOAL := all
.SUFFIXES:

all:
	@$(SUB) places
	@$(SUB) audit
	@$(SUB) places
	@$(SUB) stats
	@$(SUB) summary

places: $(addprefix town-,$(notdir $(TOWNS))) $(addprefix village-,$(notdir $(TOWNLESS)))
town-%:
	@$(SUB) -s -C ../$* || true
village-%:
	@$(SUB) -s -C ../$* || true

ifeq ($(AUDITED),)
audit:
	@echo "tpa: county $(COUNTY): no village has finished its town publicity yet: no audit" >&2
else
audit: audit.csv
endif

# What the audit read (each village's lists, data and village.yaml), as
# it wrote it: the audit runs again when any of them changes.
-include .tpa-deps.mk
-include .tpa-blocked.mk
.tpa-blocked: ;

audit.csv sample.csv &: $(AUDITED:%=%/publicized-town.csv) $(AUDITED:%=%/village.yaml)
	@$(T)tpa-audit --level county -o . $(AUDITED) || [ $$? -eq 1 ]

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
