/* test_sha256.c — SHA-256 against the FIPS 180-4 examples and sha256sum. */
#include "test.h"

#include "sha256.h"

#include <stdlib.h>

static const char *hex_of(const char *s, size_t len)
{
	static char out[65];
	uint8_t d[32];
	sha256(s, len, d);
	sha256_hex(d, out);
	return out;
}

static void known_vectors(void)
{
	CHECK_STR(hex_of("", 0), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	CHECK_STR(hex_of("abc", 3), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	CHECK_STR(hex_of(two, strlen(two)), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void lengths_around_the_block_edge(void)
{
	/* 55, 56 and 64 bytes of 'a' cross the padding boundaries */
	char a[200];
	memset(a, 'a', sizeof a);
	CHECK_STR(hex_of(a, 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
	CHECK_STR(hex_of(a, 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
	CHECK_STR(hex_of(a, 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

static void a_million_a(void)
{
	char *m = malloc(1000000);
	memset(m, 'a', 1000000);
	CHECK_STR(hex_of(m, 1000000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(m);
}

int main(void)
{
	RUN(known_vectors);
	RUN(lengths_around_the_block_edge);
	RUN(a_million_a);
	return TEST_DONE();
}
