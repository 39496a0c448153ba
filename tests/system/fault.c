/* fault.c — a fault in the check, for the system test: a library preloaded
 * into the installed kiosk (LD_PRELOAD in a drop-in of its unit), so the
 * package under test is the one a volunteer installs, with no test hooks
 * built in. It wraps libyaml's yaml_parser_set_input_string(): in the
 * check's child (`signpost --check-child`) only, and only for content that
 * carries one of these words in a comment, the check then
 *
 *     # signpost-fault: crash   dies of SIGSEGV
 *     # signpost-fault: hang    never ends (the wall-time limit must end it)
 *     # signpost-fault: eat     allocates and touches memory until a limit
 *                                ends it (RLIMIT_AS, or the unit's MemoryMax)
 *
 * Content without the words, and the kiosk itself, are left alone.
 *
 *     cc -shared -fPIC -O2 -o fault.so tests/system/fault.c -ldl
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct yaml_parser_s;

/* Whether this process is the check's child: its arguments (NUL-separated
 * in /proc/self/cmdline) include --check-child. */
static bool in_check_child(void)
{
	char buf[4096];
	FILE *f = fopen("/proc/self/cmdline", "r");
	if (!f)
		return false;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	for (size_t i = 0; i < n; i += strlen(buf + i) + 1)
		if (strcmp(buf + i, "--check-child") == 0)
			return true;
	return false;
}

static void fault(const char *what)
{
	if (strncmp(what, "crash", 5) == 0)
		raise(SIGSEGV);
	if (strncmp(what, "hang", 4) == 0)
		for (;;)
			pause();
	if (strncmp(what, "eat", 3) == 0)
		for (;;) {
			char *p = malloc(1 << 20);
			if (!p)
				abort(); /* what an allocator's failure does to the check */
			memset(p, 1, 1 << 20);
		}
}

void yaml_parser_set_input_string(struct yaml_parser_s *parser, const unsigned char *input, size_t size)
{
	static const char mark[] = "# signpost-fault: ";
	void (*real)(struct yaml_parser_s *, const unsigned char *, size_t) =
		(void (*)(struct yaml_parser_s *, const unsigned char *, size_t))dlsym(
			RTLD_NEXT, "yaml_parser_set_input_string");
	const unsigned char *at = memmem(input, size, mark, sizeof mark - 1);
	if (at && in_check_child()) {
		size_t off = (size_t)(at - input) + sizeof mark - 1;
		char what[8] = { 0 };
		memcpy(what, input + off, size - off < sizeof what - 1 ? size - off : sizeof what - 1);
		fault(what);
	}
	real(parser, input, size);
}
