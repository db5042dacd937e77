# Tools, examples, man pages and the API reference.
#   make check-tools    the tools' shell tests, each in a throw-away netns
#   make examples-run   every examples/ex-*.c program in a throw-away netns,
#                       its output checked by examples/run/<name>.sh
#   make man            scdoc man pages of the tools into $(BUILD)/man
#   make docs           doxygen API reference of include/ into $(BUILD)/docs

.PHONY: check-tools examples-run examples-deps man docs install-man uninstall-man

TOOL_TESTS := $(sort $(wildcard test/tools/[a-z]*.sh))
EX_PROGS   := $(sort $(patsubst examples/%.c,%,$(wildcard examples/ex-*.c)))
MAN_SRCS   := $(sort $(wildcard examples/man/*.scd))
MAN_PAGES  := $(patsubst examples/man/%.scd,$(BUILD)/man/%,$(MAN_SRCS))

check-tools: deps $(EX_BINS)
	@fails=0; for t in $(TOOL_TESTS); do \
	  if NLHL_BIN=$(abspath $(BUILD)/bin) unshare -n sh $$t; then echo "PASS $$t"; \
	  else echo "FAIL $$t"; fails=$$((fails+1)); fi; done; \
	echo "check-tools: $(words $(TOOL_TESTS)) scripts, $$fails failed"; [ $$fails = 0 ]

# ex-veth-netns proves its route with ping.
examples-deps:
	@command -v ping >/dev/null || { [ "$$(id -u)" = 0 ] && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends iputils-ping >&2; } || \
	  { echo "missing Debian package: iputils-ping" >&2; exit 1; }
check: examples-deps

examples-run: deps examples-deps $(EX_BINS)
	@fails=0; for e in $(EX_PROGS); do \
	  if NLHL_BIN=$(abspath $(BUILD)/bin) unshare -n sh examples/run/$$e.sh; then echo "PASS $$e"; \
	  else echo "FAIL $$e"; fails=$$((fails+1)); fi; done; \
	echo "examples-run: $(words $(EX_PROGS)) examples, $$fails failed"; [ $$fails = 0 ]

$(BUILD)/man/%: examples/man/%.scd
	@mkdir -p $(@D)
	@command -v scdoc >/dev/null || sh test/install-deps.sh docs
	scdoc < $< > $@

man: $(MAN_PAGES)
	@echo "man: $(words $(MAN_PAGES)) pages in $(BUILD)/man"

docs:
	@sh test/install-deps.sh docs
	@mkdir -p $(BUILD)/docs
	@( cat examples/Doxyfile; echo "OUTPUT_DIRECTORY = $(BUILD)/docs"; \
	   echo "INPUT_FILTER = \"sh $(abspath examples/doxy-filter.sh)\"" ) | doxygen - >$(BUILD)/docs/doxygen.log 2>&1 || \
	  { cat $(BUILD)/docs/doxygen.log; exit 1; }
	@echo "docs: API reference in $(BUILD)/docs/html/index.html"

# Installed with the tools by `make install` (and removed by uninstall).
install: install-man
install-man: $(MAN_PAGES)
	$(if $(MAN_PAGES),install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 && \
	  for p in $(MAN_PAGES); do s=$${p##*.}; install -m 0644 $$p $(DESTDIR)$(MANDIR)/man$$s/; done)
uninstall: uninstall-man
uninstall-man:
	rm -f $(foreach p,$(MAN_PAGES),$(DESTDIR)$(MANDIR)/man$(subst .,,$(suffix $(p)))/$(notdir $(p)))
	-rmdir $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man3 $(DESTDIR)$(MANDIR) 2>/dev/null
