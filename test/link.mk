# Link family: lib/link*.c also depend on the private link header.
LINK_PRIV_OBJS := $(filter $(BUILD)/lib/link% $(BUILD)/pic/link%,$(LIB_OBJS) $(PIC_OBJS))
$(LINK_PRIV_OBJS): lib/internal-link.h
