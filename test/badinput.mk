# The bad input sweep (test/test-badinput.c) calls every public function;
# its calls are generated from the public headers at build time.  A
# generated header needs an explicit prerequisite: the .d files only know
# it once the object has been compiled.
$(BUILD)/test/badinput-calls.h: test/badinput-gen.awk $(HEADERS)
	@mkdir -p $(@D)
	awk -f test/badinput-gen.awk $(HEADERS) > $@.tmp && mv $@.tmp $@

$(BUILD)/test/test-badinput.o: $(BUILD)/test/badinput-calls.h
$(BUILD)/test/test-badinput.o: BASE_CFLAGS += -I$(BUILD)/test
