# Fuzzing with clang's libFuzzer (Debian: clang, libclang-rt-14-dev).
# Every folder test/fuzz/corpus/<name>/ is a target: the body is
# <name> in test/harness-fuzz.c (nlt_fuzz_targets), the program is
# build-fuzz/fuzz-<name>, built with ASan + UBSan over the library sources.
#
#   make fuzz                    each target FUZZ_TIME seconds (default 20)
#   make fuzz FUZZ_TARGETS=parse-ip FUZZ_TIME=300
#   make fuzz-corpus-update      merges what the runs found into the repo corpus
#
# New inputs go to build-fuzz/corpus/<name>/ (the repo corpus is only read);
# a crash leaves build-fuzz/crash-<name>-* and fails the target.  The same
# bodies replay the repo corpus in every test tier (test/test-fuzz-regress.c),
# so a crash input saved in test/fuzz/corpus/<name>/ is a regression test.
FUZZ_BUILD   ?= build-fuzz
FUZZ_CC      ?= clang
FUZZ_TIME    ?= 20
FUZZ_TARGETS ?= $(notdir $(patsubst %/,%,$(sort $(dir $(wildcard test/fuzz/corpus/*/*)))))
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CFLAGS   = -std=gnu11 -g -O1 -Wall -Wextra -Wno-unused-parameter -Wno-sign-compare $(FUZZ_SAN) \
                -Iinclude -Itest $(NL_CFLAGS)
FUZZ_OBJS    := $(patsubst lib/%.c,$(FUZZ_BUILD)/lib/%.o,$(LIB_SRCS)) $(FUZZ_BUILD)/harness-fuzz.o
FUZZ_BINS     = $(addprefix $(FUZZ_BUILD)/fuzz-,$(FUZZ_TARGETS))

.PHONY: fuzz fuzz-build fuzz-corpus-update

$(FUZZ_BUILD)/lib/%.o: lib/%.c | need-lib-pkgs
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(DEPFLAGS) -fsanitize=fuzzer-no-link -fvisibility=hidden -c $< -o $@

$(FUZZ_BUILD)/harness-fuzz.o: test/harness-fuzz.c | need-lib-pkgs
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(DEPFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(FUZZ_BUILD)/fuzz-%: test/fuzz/driver.c $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -DNLT_FUZZ_TARGET='"$*"' -o $@ $< \
	  $(FUZZ_OBJS) $(NL_LIBS)

# Targets with a program of their own (test/fuzz/<name>.c) test the tools'
# code: they link the library and examples/common/*.c, and replay their
# corpus here only (the test binary does not contain the tools).
FUZZ_EX_OBJS := $(patsubst examples/common/%.c,$(FUZZ_BUILD)/ex/%.o,$(EX_COMMON))
$(FUZZ_BUILD)/ex/%.o: examples/common/%.c | need-tool-pkgs
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(DEPFLAGS) -Iexamples/common -fsanitize=fuzzer-no-link -c $< -o $@
$(FUZZ_BUILD)/fuzz-tool-%: test/fuzz/tool-%.c $(FUZZ_EX_OBJS) $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -Iexamples/common -fsanitize=fuzzer -o $@ $< $(FUZZ_EX_OBJS) \
	  $(filter-out %/harness-fuzz.o,$(FUZZ_OBJS)) $(NL_LIBS) $(EX_LIBS)

fuzz-build:
	@sh test/install-deps.sh build fuzz
	@$(MAKE) --no-print-directory $(FUZZ_BINS)

fuzz: fuzz-build
	@set -e; for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
	  echo "fuzz $$t: $(FUZZ_TIME) s from $$(ls test/fuzz/corpus/$$t | wc -l) seeds"; \
	  $(FUZZ_BUILD)/fuzz-$$t -max_total_time=$(FUZZ_TIME) -timeout=10 -max_len=4096 -close_fd_mask=1 \
	    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/crash-$$t- \
	    $(FUZZ_BUILD)/corpus/$$t test/fuzz/corpus/$$t 2>$(FUZZ_BUILD)/fuzz-$$t.log || \
	    { tail -n 60 $(FUZZ_BUILD)/fuzz-$$t.log; echo "fuzz $$t: FAILED (log $(FUZZ_BUILD)/fuzz-$$t.log)"; exit 1; }; \
	  grep -E 'stat::number_of_executed_units|stat::new_units_added' $(FUZZ_BUILD)/fuzz-$$t.log | sed "s/^/  /"; \
	done; echo "fuzz: $(words $(FUZZ_TARGETS)) targets ran $(FUZZ_TIME) s each without a finding"

fuzz-corpus-update: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  $(FUZZ_BUILD)/fuzz-$$t -merge=1 test/fuzz/corpus/$$t $(FUZZ_BUILD)/corpus/$$t 2>/dev/null; \
	done

.SECONDARY: $(FUZZ_OBJS) $(FUZZ_EX_OBJS)

# Header dependencies of the fuzz objects (DEPFLAGS in the top Makefile).
-include $(wildcard $(FUZZ_BUILD)/*.d $(FUZZ_BUILD)/lib/*.d $(FUZZ_BUILD)/ex/*.d)
