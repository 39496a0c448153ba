/* sha256.h — SHA-256 of a buffer (FIPS 180-4), for the status file's content
 * hash: staff compare it with `sha256sum content.yaml` to see which version
 * the running kiosk shows. */
#ifndef SIGNPOST_SHA256_H
#define SIGNPOST_SHA256_H

#include <stddef.h>
#include <stdint.h>

/* Writes the digest of data[0..len) to out. */
void sha256(const void *data, size_t len, uint8_t out[32]);

/* The digest as 64 lowercase hex digits and a NUL. */
void sha256_hex(const uint8_t digest[32], char out[65]);

#endif
