/* An outside program: built by `make check-install` through pkg-config
 * against the installed library, then run. */
#include <netlinkhl.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	struct nlhl_ipnet net;
	nlhl_handle *h;
	char buf[NLHL_IPNET_STRLEN];

	if (nlhl_parse_ipnet("2001:db8::1/64", &net) < 0 ||
	    nlhl_format_ipnet(&net, buf, sizeof(buf)) < 0) {
		fprintf(stderr, "parse/format: %s\n", nlhl_errmsg());
		return 1;
	}
	if (nlhl_handle_new(&h) < 0) {
		fprintf(stderr, "handle: %s\n", nlhl_errmsg());
		return 1;
	}
	nlhl_handle_free(h);
	printf("outside program linked libnetlinkhl: %s\n", buf);
	return 0;
}
