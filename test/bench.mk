# make bench: the benchmark suite (test/bench/*.c), one table of ratios
# against `ip -batch` and a minimal raw-netlink client, each in a
# throw-away netns.  Root only.  Sizes: BENCH_ROUTES="10000 100000"
# (add 1000000 for a full table), BENCH_ADDRS, BENCH_VETHS, BENCH_LINKS,
# BENCH_DEFAULT_MAX; see test/bench/main.c.
BENCH_SRCS := $(sort $(wildcard test/bench/*.c))
BENCH_OBJS := $(patsubst test/bench/%.c,$(BUILD)/bench/%.o,$(BENCH_SRCS))
BENCH_BIN  := $(BUILD)/bench/nlhl-bench

.PHONY: bench bench-build

$(BUILD)/bench/%.o: test/bench/%.c | need-lib-pkgs
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(DEPFLAGS) -Wno-format-truncation -Itest/bench -c $< -o $@

$(BENCH_BIN): $(BENCH_OBJS) $(STLIB)
	$(CC) $(CFLAGS) $(SAN_FLAGS) -o $@ $(BENCH_OBJS) $(STLIB) $(NL_LIBS) -lpthread

bench-build: $(BENCH_BIN)

bench: deps
	@$(MAKE) --no-print-directory bench-build
	@command -v ip >/dev/null || { echo "bench: needs iproute2 (ip)" >&2; exit 1; }
	$(BENCH_BIN)
