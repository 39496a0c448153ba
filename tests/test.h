/* test.h — the whole unit-test harness: a few CHECK macros and a summary.
 *
 * Each test program is a main() that calls test functions through RUN();
 * a failed CHECK prints where and what, and the test goes on. The program
 * ends with TEST_DONE(), which prints "N passed, N failed" and returns
 * non-zero if anything failed, which is what ctest looks at. */
#ifndef SIGNPOST_TEST_H
#define SIGNPOST_TEST_H

#include <stdio.h>
#include <string.h>

static int test_passed, test_failed;
static const char *test_current = "";

#define CHECK(cond)                                                              \
	do {                                                                     \
		if (cond) {                                                      \
			test_passed++;                                           \
		} else {                                                         \
			test_failed++;                                           \
			fprintf(stderr, "%s:%d: %s: CHECK(%s) failed\n", __FILE__, \
				__LINE__, test_current, #cond);                  \
		}                                                                \
	} while (0)

#define CHECK_INT(a, b)                                                          \
	do {                                                                     \
		long long a_ = (long long)(a), b_ = (long long)(b);             \
		if (a_ == b_) {                                                  \
			test_passed++;                                           \
		} else {                                                         \
			test_failed++;                                           \
			fprintf(stderr, "%s:%d: %s: %s == %lld, expected %s == %lld\n", \
				__FILE__, __LINE__, test_current, #a, a_, #b, b_); \
		}                                                                \
	} while (0)

#define CHECK_STR(a, b)                                                          \
	do {                                                                     \
		const char *a_ = (a), *b_ = (b);                                 \
		if (a_ && b_ && strcmp(a_, b_) == 0) {                           \
			test_passed++;                                           \
		} else {                                                         \
			test_failed++;                                           \
			fprintf(stderr, "%s:%d: %s: %s is \"%s\", expected \"%s\"\n", \
				__FILE__, __LINE__, test_current, #a,            \
				a_ ? a_ : "(null)", b_ ? b_ : "(null)");         \
		}                                                                \
	} while (0)

/* substring match: CHECK_CONTAINS(haystack, needle) */
#define CHECK_CONTAINS(h, n)                                                     \
	do {                                                                     \
		const char *h_ = (h), *n_ = (n);                                 \
		if (h_ && n_ && strstr(h_, n_)) {                                \
			test_passed++;                                           \
		} else {                                                         \
			test_failed++;                                           \
			fprintf(stderr, "%s:%d: %s: \"%s\" does not contain \"%s\"\n", \
				__FILE__, __LINE__, test_current,                \
				h_ ? h_ : "(null)", n_ ? n_ : "(null)");         \
		}                                                                \
	} while (0)

#define RUN(fn)                                                                  \
	do {                                                                     \
		test_current = #fn;                                              \
		fn();                                                            \
	} while (0)

#define TEST_DONE()                                                              \
	(printf("%d passed, %d failed\n", test_passed, test_failed),            \
	 test_failed ? 1 : 0)

#endif
