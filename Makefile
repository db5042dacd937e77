# libnetlinkhl - see README.md.  `make check` installs what it needs (as
# root), builds and runs every test; `make demo` runs the demo.

VERSION   := 0.1.0
SOVERSION := 0
LIBNAME   := libnetlinkhl

PREFIX     ?= /usr/local
LIBDIR     ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
DESTDIR    ?=

# BUILD selects the output folder, so sanitizer and plain builds coexist.
BUILD    ?= build
SANITIZE ?=

CC       ?= cc
CFLAGS   ?= -O2 -g
PKG_CONFIG ?= pkg-config
WARNINGS := -Wall -Wextra -Werror -Wshadow -Wformat=2 -Wmissing-prototypes \
            -Wstrict-prototypes -Wno-unused-parameter
NL_PKGS  := libnl-route-3.0 libnl-3.0
NL_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(NL_PKGS) 2>/dev/null)
NL_LIBS   = $(shell $(PKG_CONFIG) --libs $(NL_PKGS) 2>/dev/null)
ifeq ($(SANITIZE),1)
SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
endif
BASE_CFLAGS = -std=gnu11 $(WARNINGS) $(CFLAGS) $(SAN_FLAGS) -Iinclude $(NL_CFLAGS)
# Every compile writes the headers it read into a .d file beside its object
# (-MP: a deleted header does not break the next build), so touching any
# header rebuilds exactly the objects that include it; test/check-deps.sh
# proves it.
DEPFLAGS := -MMD -MP

SONAME   := $(LIBNAME).so.$(SOVERSION)
SHLIB    := $(BUILD)/$(LIBNAME).so.$(VERSION)
STLIB    := $(BUILD)/$(LIBNAME).a
LIB_SRCS := $(sort $(wildcard lib/*.c))
LIB_OBJS := $(patsubst lib/%.c,$(BUILD)/lib/%.o,$(LIB_SRCS))
PIC_OBJS := $(patsubst lib/%.c,$(BUILD)/pic/%.o,$(LIB_SRCS))
HEADERS  := include/netlinkhl.h $(sort $(wildcard include/netlinkhl/*.h include/netlinkhl/sys/*.h))

# Test runner: every test/test-*.c registers its Check suites.
TEST_SRCS := test/runner.c test/harness.c $(sort $(wildcard test/test-*.c test/harness-*.c))
TEST_OBJS := $(patsubst test/%.c,$(BUILD)/test/%.o,$(TEST_SRCS))
TEST_BIN  := $(BUILD)/test/nlhl-tests
TEST_LIBS  = $(shell $(PKG_CONFIG) --libs check json-c 2>/dev/null) -lpthread

# Tools and examples: every examples/*.c is a program; examples/common/*.c
# (if any) is compiled once into an archive that each program links.
EX_COMMON := $(sort $(wildcard examples/common/*.c))
EX_SRCS   := $(sort $(wildcard examples/*.c))
EX_BINS   := $(patsubst examples/%.c,$(BUILD)/bin/%,$(EX_SRCS))
EX_OBJS   := $(patsubst examples/%.c,$(BUILD)/examples/%.o,$(EX_SRCS))
EX_COMMON_OBJS := $(patsubst examples/%.c,$(BUILD)/examples/%.o,$(EX_COMMON))
EX_COMMON_LIB  := $(if $(EX_COMMON),$(BUILD)/examples/libtool-common.a)
EX_LIBS    = $(shell $(PKG_CONFIG) --libs json-c 2>/dev/null)

# Before compiling anything, the pkg-config modules each part needs, with
# the Debian package that provides each (as module=package): a fresh
# machine gets the list to install instead of a missing netlink/netlink.h.
PC_LIB   := libnl-3.0=libnl-3-dev libnl-route-3.0=libnl-route-3-dev
PC_TOOLS := json-c=libjson-c-dev
PC_TEST  := check=check json-c=libjson-c-dev
# $(call need-pkgs,module=package ...): fails naming the missing packages.
need-pkgs = @missing=""; command -v $(firstword $(CC)) >/dev/null 2>&1 || missing=" gcc"; \
	if command -v $(PKG_CONFIG) >/dev/null 2>&1; then \
	  for p in $(1); do $(PKG_CONFIG) --exists "$${p%%=*}" 2>/dev/null || missing="$$missing $${p\#*=}"; done; \
	else missing="$$missing pkg-config $(foreach p,$(1),$(lastword $(subst =, ,$(p))))"; fi; \
	if [ -n "$$missing" ]; then \
	  echo "missing:$$missing -- install them with \`sudo make deps\` (or: sudo apt-get install$$missing)" >&2; \
	  exit 1; fi

.PHONY: all lib deps check check-run check-symbols check-headers check-install \
        check-asan check-valgrind check-deps demo install uninstall clean \
        need-lib-pkgs need-tool-pkgs need-test-pkgs

all: need-tool-pkgs lib $(EX_BINS)
lib: $(BUILD)/$(LIBNAME).so $(STLIB)

deps:
	@sh test/install-deps.sh build test

# Order-only: run once per make that compiles, never a reason to rebuild.
need-lib-pkgs:
	$(call need-pkgs,$(PC_LIB))
need-tool-pkgs:
	$(call need-pkgs,$(PC_LIB) $(PC_TOOLS))
need-test-pkgs:
	$(call need-pkgs,$(PC_LIB) $(PC_TEST))

# Header prerequisites come from the .d files (DEPFLAGS), not from lists.
$(BUILD)/lib/%.o: lib/%.c | need-lib-pkgs
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(DEPFLAGS) -fvisibility=hidden -c $< -o $@

$(BUILD)/pic/%.o: lib/%.c | need-lib-pkgs
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(DEPFLAGS) -fPIC -fvisibility=hidden -c $< -o $@

$(SHLIB): $(PIC_OBJS) lib/libnetlinkhl.map
	$(CC) $(CFLAGS) $(SAN_FLAGS) -shared -Wl,-soname,$(SONAME) \
	  -Wl,--version-script=lib/libnetlinkhl.map -Wl,--no-undefined \
	  -o $@ $(PIC_OBJS) $(NL_LIBS)

$(BUILD)/$(SONAME): $(SHLIB)
	ln -sf $(notdir $<) $@
$(BUILD)/$(LIBNAME).so: $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $@

$(STLIB): $(LIB_OBJS)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/test/%.o: test/%.c | need-test-pkgs
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(DEPFLAGS) -c $< -o $@

# Linked to the static archive so that core tests can reach nlhl__
# internals; the shared object's exports are checked by check-symbols and
# check-install, and the tools link the shared object.
$(TEST_BIN): $(TEST_OBJS) $(STLIB)
	$(CC) $(CFLAGS) $(SAN_FLAGS) -o $@ $(TEST_OBJS) $(STLIB) $(NL_LIBS) $(TEST_LIBS)

# Programs and examples/common/ alike (the stem may be common/x).
$(BUILD)/examples/%.o: examples/%.c | need-tool-pkgs
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) $(DEPFLAGS) -Iexamples/common -c $< -o $@

# Kept, so that a second make relinks nothing.
.SECONDARY: $(EX_OBJS) $(EX_COMMON_OBJS)

$(EX_COMMON_LIB): $(EX_COMMON_OBJS)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/bin/%: $(BUILD)/examples/%.o $(EX_COMMON_LIB) $(BUILD)/$(LIBNAME).so
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(SAN_FLAGS) -o $@ $< $(EX_COMMON_LIB) -L$(BUILD) -lnetlinkhl \
	  -Wl,-rpath,$(abspath $(BUILD)) $(EX_LIBS)

# Every exported symbol is a public nlhl_ name: none of libnl's, none of
# the nlhl__ internals, nothing the version script did not mean to export,
# and each one is declared in a public header.
check-symbols: $(BUILD)/$(LIBNAME).so
	@syms=$$(nm -D --defined-only $(SHLIB) | awk '$$2 != "A" {print $$3}' | sed 's/@.*//' | sort -u); \
	bad=$$(printf '%s\n' $$syms | grep -v '^nlhl_[a-z0-9]' || true); \
	if [ -n "$$bad" ]; then echo "check-symbols: unexpected exports: $$bad" >&2; exit 1; fi; \
	for s in $$syms; do grep -qw "$$s" $(HEADERS) || { echo "check-symbols: $$s is exported but in no public header" >&2; exit 1; }; done; \
	readelf -d $(SHLIB) | grep -q 'SONAME.*\[$(SONAME)\]' || { echo "check-symbols: soname is not $(SONAME)" >&2; exit 1; }; \
	echo "check-symbols: $$(printf '%s\n' $$syms | wc -l) exported nlhl_ symbols, soname $(SONAME)"

# Each public header compiles alone as C11 -pedantic and as C++.
check-headers:
	@mkdir -p $(BUILD)/hdr
	@for h in $(patsubst include/%,%,$(HEADERS)); do \
	  printf '#include <%s>\nint nlhl_header_test;\n' "$$h" > $(BUILD)/hdr/t.c; \
	  $(CC) -std=c11 -pedantic -Wall -Wextra -Werror -Iinclude $(NL_CFLAGS) -c $(BUILD)/hdr/t.c -o /dev/null || exit 1; \
	  cp $(BUILD)/hdr/t.c $(BUILD)/hdr/t.cc; \
	  c++ -std=c++11 -pedantic -Wall -Wextra -Werror -Iinclude $(NL_CFLAGS) -c $(BUILD)/hdr/t.cc -o /dev/null || exit 1; \
	done; echo "check-headers: $(words $(HEADERS)) headers compile alone as C11 and C++11"

# Installs into a scratch prefix, builds an outside program through
# pkg-config against it, runs it, and checks uninstall removes everything.
check-install: lib
	@rm -rf $(BUILD)/inst && mkdir -p $(BUILD)/inst
	@$(MAKE) --no-print-directory -s install PREFIX=$(abspath $(BUILD)/inst) BUILD=$(BUILD)
	@PKG_CONFIG_PATH=$(abspath $(BUILD)/inst)/lib/pkgconfig; export PKG_CONFIG_PATH; \
	  $(CC) -std=c11 -Wall -Werror test/outside/prog.c -o $(BUILD)/outside-prog \
	    $$(pkg-config --cflags --libs netlinkhl) $(SAN_FLAGS) && \
	  LD_LIBRARY_PATH=$(abspath $(BUILD)/inst)/lib $(BUILD)/outside-prog
	@$(MAKE) --no-print-directory -s uninstall PREFIX=$(abspath $(BUILD)/inst) BUILD=$(BUILD)
	@left=$$(find $(BUILD)/inst -type f -o -type l); \
	  if [ -n "$$left" ]; then echo "check-install: uninstall left $$left" >&2; exit 1; fi
	@echo "check-install: pkg-config build of an outside program against the installed copy works; uninstall is clean"

check: deps
	@$(MAKE) --no-print-directory all
	@$(MAKE) --no-print-directory check-symbols check-headers check-install
	@$(MAKE) --no-print-directory check-run

check-run: $(TEST_BIN) $(EX_BINS)
	$(TEST_ENV) $(TEST_WRAPPER) $(TEST_BIN)

check-asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan SANITIZE=1 \
	  TEST_ENV="ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1" check-run

check-valgrind: deps
	@sh test/install-deps.sh valgrind
	@$(MAKE) --no-print-directory check-run TEST_ENV="CK_TIMEOUT_MULTIPLIER=10 NLT_VALGRIND=1" \
	  TEST_WRAPPER="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --track-fds=no"

demo: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/bin/nlhl-demo

install: lib $(EX_BINS)
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR)/netlinkhl/sys $(DESTDIR)$(PKGCONFIGDIR)
	install -m 0755 $(SHLIB) $(DESTDIR)$(LIBDIR)/
	ln -sf $(notdir $(SHLIB)) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/$(LIBNAME).so
	install -m 0644 $(STLIB) $(DESTDIR)$(LIBDIR)/
	install -m 0644 include/netlinkhl.h $(DESTDIR)$(INCLUDEDIR)/
	install -m 0644 $(wildcard include/netlinkhl/*.h) $(DESTDIR)$(INCLUDEDIR)/netlinkhl/
	install -m 0644 $(wildcard include/netlinkhl/sys/*.h) $(DESTDIR)$(INCLUDEDIR)/netlinkhl/sys/
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' \
	    -e 's|@VERSION@|$(VERSION)|' pkgconfig/netlinkhl.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/netlinkhl.pc
	$(if $(EX_BINS),install -d $(DESTDIR)$(BINDIR) && install -m 0755 $(EX_BINS) $(DESTDIR)$(BINDIR)/)

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/$(notdir $(SHLIB)) $(DESTDIR)$(LIBDIR)/$(SONAME) \
	      $(DESTDIR)$(LIBDIR)/$(LIBNAME).so $(DESTDIR)$(LIBDIR)/$(LIBNAME).a \
	      $(DESTDIR)$(INCLUDEDIR)/netlinkhl.h $(DESTDIR)$(PKGCONFIGDIR)/netlinkhl.pc
	rm -f $(addprefix $(DESTDIR)$(INCLUDEDIR)/,$(patsubst include/%,%,$(wildcard include/netlinkhl/*.h include/netlinkhl/sys/*.h)))
	rm -f $(addprefix $(DESTDIR)$(BINDIR)/,$(notdir $(EX_BINS)))
	-rmdir $(DESTDIR)$(INCLUDEDIR)/netlinkhl/sys $(DESTDIR)$(INCLUDEDIR)/netlinkhl 2>/dev/null

clean:
	rm -rf build build-asan

# In a copy of the tree: touching each header makes `make -n` recompile
# exactly the objects whose sources include it (directly or not).
check-deps:
	@sh test/check-deps.sh

# Areas keep their own targets beside their code (check-vm, bench, docs,
# examples-run, fuzz, ...).
-include $(sort $(wildcard test/*.mk examples/*.mk))

# The header dependencies of every object built so far (see DEPFLAGS).
-include $(wildcard $(BUILD)/lib/*.d $(BUILD)/pic/*.d $(BUILD)/test/*.d \
  $(BUILD)/examples/*.d $(BUILD)/examples/common/*.d $(BUILD)/bench/*.d)
