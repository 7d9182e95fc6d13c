# tpa — accurate identification of poor households.
# make                build the programs into bin/
# make check          unit and command-line tests
# make check SANITIZE=1   the same, built with AddressSanitizer + UBSan
# make sample         the sample county through three years (samples/run.sh)
# make pot            extract the messages for translators into po/tpa.pot
# make install PREFIX=/usr/local DESTDIR=   |   make uninstall   |   make clean

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR     = $(PREFIX)/bin
MANDIR     = $(PREFIX)/share/man
DATADIR    = $(PREFIX)/share/tpa
LOCALEDIR  = $(PREFIX)/share/locale

CC        ?= cc
OPT       ?= -O2 -g
WARN       = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
ifeq ($(WERROR),1)
WARN      += -Werror
endif
ifeq ($(COVERAGE),1)
O          = build-cov
BIN        = build-cov/bin
SAN        = --coverage
OPT        = -O0 -g
else ifeq ($(SANITIZE),1)
O          = build-san
BIN        = build-san/bin
SAN        = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
else
O          = build
BIN        = bin
SAN        =
endif

CSV_LIBS  ?= -lcsv
PKGS       = yaml-0.1 libpcre2-8 nettle xlsxwriter
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CHECK_CFLAGS = $(shell pkg-config --cflags check 2>/dev/null)
CHECK_LIBS = $(shell pkg-config --libs check 2>/dev/null)

ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
             -DTPA_VERSION='"$(VERSION)"' -DTPA_DATADIR='"$(DATADIR)"' -DLOCALEDIR='"$(LOCALEDIR)"' \
             -Ilib $(OPT) $(WARN) $(SAN) \
             $(PKG_CFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SAN) $(LDFLAGS)
LIBS       = $(CSV_LIBS) $(PKG_LIBS)

LAYERS     = base values io rules household decide stages
LIB_SRC   := $(sort $(foreach l,$(LAYERS),$(wildcard lib/$(l)/*.c)))
LIB_OBJ   := $(LIB_SRC:lib/%.c=$(O)/lib/%.o)
STAGES     = apply survey appraise publicize audit file export init
PROGS      = $(BIN)/tpa $(STAGES:%=$(BIN)/tpa-%)
UNIT_SRC  := $(sort $(wildcard tests/unit/*.c))
UNIT_OBJ  := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/unit/%.o)
DEPSTAMP   = $(O)/.deps-ok
# The message catalogues (po/LANG.po), compiled for the programs.
LINGUAS    = zh_CN
MOS        = $(LINGUAS:%=$(O)/locale/%/LC_MESSAGES/tpa.mo)

.PHONY: all check unit cli e2e sample install uninstall clean clean-san deps
all: $(PROGS) $(MOS)

deps: $(DEPSTAMP)
$(DEPSTAMP):
	@sh build-aux/deps.sh
	@mkdir -p $(O) && touch $@

$(O)/lib/%.o: lib/%.c | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<
$(O)/cmd/%.o: cmd/%.c | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<
# tpa --mk-dir falls back on the installed rules (DATADIR): rebuild it
# whenever DATADIR changes.
$(O)/datadir: FORCE
	@mkdir -p $(@D) && echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' >$@
$(O)/cmd/tpa.o: $(O)/datadir
.PHONY: FORCE
$(O)/tests/unit/%.o: tests/unit/%.c | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -MMD -MP -c -o $@ $<

# i18n.o holds LOCALEDIR: built again when PREFIX changes.
$(O)/lib/base/i18n.o: $(O)/.localedir
$(O)/.localedir: FORCE
	@mkdir -p $(@D)
	@echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' >$@
.PHONY: FORCE
FORCE:

$(O)/locale/%/LC_MESSAGES/tpa.mo: po/%.po | $(DEPSTAMP)
	@mkdir -p $(@D)
	msgfmt -c --statistics -o $@ $<

# po/tpa.pot: every message marked with _() or N_() in lib/ and cmd/.
.PHONY: pot
pot:
	xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 \
	    --add-comments=TRANSLATORS --package-name=tpa \
	    --package-version=$(VERSION) -o po/tpa.pot $(LIB_SRC) $(sort $(wildcard cmd/*.c))

$(O)/libtpa.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(BIN)/tpa: $(O)/cmd/tpa.o $(O)/libtpa.a
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)
$(BIN)/tpa-%: $(O)/cmd/%.o $(O)/libtpa.a
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)

$(O)/tests/unit/run: $(UNIT_OBJ) $(O)/libtpa.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS) $(CHECK_LIBS)

check: unit cli
unit: $(O)/tests/unit/run
	cd tests/unit && CK_FORK=$(if $(SAN),no,yes) ../../$(O)/tests/unit/run
cli: $(PROGS) $(MOS) $(BIN)/tpa-gen $(if $(SAN),,$(O)/tests/failmalloc.so)
	@sh build-aux/deps.sh chromium poppler-utils fonts-wqy-zenhei unzip python3-openpyxl
	TPA_BIN=$(CURDIR)/$(BIN) TPA_LOCALEDIR=$(CURDIR)/$(O)/locale TPA_FAILMALLOC=$(if $(SAN),,$(CURDIR)/$(O)/tests/failmalloc.so) sh tests/run-cli.sh

# Line coverage of lib/ by the unit, command-line and end-to-end tests.
.PHONY: coverage
coverage:
	rm -rf build-cov
	$(MAKE) COVERAGE=1 check
	sh build-aux/coverage.sh build-cov/lib

# The whole suite under valgrind memcheck: no error, no leak. The unit
# suites run side by side, one per processor, as the command-line scripts do.
.PHONY: check-valgrind
check-valgrind: $(O)/tests/unit/run $(PROGS) $(MOS) $(BIN)/tpa-gen
	@sh build-aux/deps.sh valgrind chromium poppler-utils fonts-wqy-zenhei
	cd tests/unit && ../../$(O)/tests/unit/run --list | \
	    xargs -P "$$(nproc 2>/dev/null || echo 1)" -I{} sh -c 'CK_RUN_SUITE=$$1 CK_FORK=no \
	    valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    ../../$(O)/tests/unit/run >"$$2" 2>&1; rc=$$?; cat "$$2"; rm -f "$$2"; exit $$rc' \
	    sh {} "$$(mktemp -u)-{}"
	TPA_BIN=$(CURDIR)/$(BIN) TPA_LOCALEDIR=$(CURDIR)/$(O)/locale TPA_VALGRIND=1 sh tests/run-cli.sh

sample: $(PROGS)
	TPA_BIN=$(CURDIR)/$(BIN) sh samples/run.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(DATADIR)/rules
	install -m 755 $(PROGS) $(DESTDIR)$(BINDIR)
	install -m 644 man/*.1 $(DESTDIR)$(MANDIR)/man1
	install -m 644 man/*.5 $(DESTDIR)$(MANDIR)/man5
	install -m 644 man/*.7 $(DESTDIR)$(MANDIR)/man7
	install -m 644 rules/*.yaml $(DESTDIR)$(DATADIR)/rules
	install -m 644 build-aux/village.mk build-aux/town.mk build-aux/county.mk build-aux/area.mk $(DESTDIR)$(DATADIR)/
	for l in $(LINGUAS); do \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 644 $(O)/locale/$$l/LC_MESSAGES/tpa.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/ || exit 1; \
	done
uninstall:
	rm -f $(PROGS:$(BIN)/%=$(DESTDIR)$(BINDIR)/%)
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man1/%,$(wildcard man/*.1))
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man5/%,$(wildcard man/*.5))
	rm -f $(patsubst man/%,$(DESTDIR)$(MANDIR)/man7/%,$(wildcard man/*.7))
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(LINGUAS:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/tpa.mo)

clean:
	rm -rf build build-san build-fuzz build-cov bin
clean-san:
	rm -rf build-san

-include $(LIB_OBJ:.o=.d) $(UNIT_OBJ:.o=.d) $(wildcard $(O)/cmd/*.d)
.SECONDARY:

# Benchmarks: a synthetic village generator and the timing script.
$(O)/bench/gen.o: bench/gen.c | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<
$(BIN)/tpa-gen: $(O)/bench/gen.o $(O)/libtpa.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LIBS)
.PHONY: bench
bench: $(PROGS) $(BIN)/tpa-gen $(BIN)/tpa-bare
	TPA_BIN=$(CURDIR)/$(BIN) sh bench/run.sh
# The town audits that take receipts over a province-sized county
# (bench/receipts-scale.sh: SCALE_VILLAGES, SCALE_HOUSEHOLDS, ...).
.PHONY: bench-area
bench-area: $(PROGS) $(BIN)/tpa-gen
	TPA_BIN=$(CURDIR)/$(BIN) nice -n 19 sh bench/receipts-scale.sh
$(O)/bench/bare.o: bench/bare.c | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<
$(BIN)/tpa-bare: $(O)/bench/bare.o
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CSV_LIBS)

# Fuzzing (libFuzzer, clang): make fuzz FUZZ_SECONDS=N runs every target.
FUZZ_SECONDS ?= 30
FUZZ_TARGETS  = csvin rules village values ledger reopen stage-apply stage-survey stage-appraise stage-resolve
FUZZ_CC       = clang
FUZZ_FLAGS    = -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
FUZZ_OBJ     := $(LIB_SRC:lib/%.c=build-fuzz/lib/%.o)
build-fuzz/lib/%.o: lib/%.c | $(DEPSTAMP)
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -DTPA_VERSION='"$(VERSION)"' -Ilib $(FUZZ_FLAGS) -c -o $@ $<
build-fuzz/fuzz-%: fuzz/%.c $(FUZZ_OBJ)
	$(FUZZ_CC) -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Ilib -Ifuzz \
	    -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    -o $@ $< $(FUZZ_OBJ) $(LIBS)
.PHONY: fuzz
fuzz: $(FUZZ_TARGETS:%=build-fuzz/fuzz-%)
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p build-fuzz/corpus/$$t && \
		echo "fuzz: $$t for $(FUZZ_SECONDS) s" && \
		build-fuzz/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -max_len=8192 \
		    -print_final_stats=1 -artifact_prefix=build-fuzz/crash-$$t- \
		    build-fuzz/corpus/$$t fuzz/corpus/$$t 2>build-fuzz/$$t.log || \
		    { tail -40 build-fuzz/$$t.log; exit 1; }; \
		grep -E "stat::number_of_executed_units|stat::peak_rss_mb" build-fuzz/$$t.log; \
	done

# The failing allocator for the fault tests (plain builds only).
$(O)/tests/failmalloc.so: tests/faults/failmalloc.c
	@mkdir -p $(@D)
	$(CC) -shared -fPIC -O2 -o $@ $<

# ---- Whole-program fuzzing with AFL++ (fuzz/afl/README) --------------------
# make fuzz-stages AFL_SECONDS=N   build the stage programs with afl-clang-fast
#     and ASan+UBSan into build-afl/, run every target for N seconds
#     (AFL_JOBS at a time), print executions and crashes per target; fails
#     when any crash or hang was found.
# make fuzz-stages-replay   only re-run the seeds and the recorded findings.
AFL_SECONDS ?= 60
AFL_JOBS    ?= $(shell nproc 2>/dev/null || echo 1)
AFL_TARGETS ?= apply survey appraise resolve
# (or all: also survey-applicants appraise-primary resolve-list)
AFL_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
.PHONY: fuzz-stages fuzz-stages-build fuzz-stages-replay clean-afl
fuzz-stages-build:
	@sh build-aux/deps.sh afl++ eatmydata
	@mkdir -p build-afl && echo '*' >build-afl/.gitignore
	+AFL_QUIET=1 $(MAKE) O=build-afl BIN=build-afl/bin CC=afl-clang-fast \
	    SAN='$(AFL_SAN)' $(STAGES:%=build-afl/bin/tpa-%)
fuzz-stages: fuzz-stages-build
	sh fuzz/afl/run.sh -s $(AFL_SECONDS) -j $(AFL_JOBS) $(AFL_TARGETS)
fuzz-stages-replay: fuzz-stages-build
	sh fuzz/afl/run.sh --replay $(AFL_TARGETS)
clean: clean-afl
clean-afl:
	rm -rf build-afl
# ---- end of AFL++ fuzzing ---------------------------------------------------
