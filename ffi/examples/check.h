/* Tiny assertion helpers shared by the example programs. */
#ifndef SOVEREIGN_EXAMPLE_CHECK_H
#define SOVEREIGN_EXAMPLE_CHECK_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sovereign.h"

#define CHECK(cond)                                                                   \
    do {                                                                              \
        if (!(cond)) {                                                                \
            fprintf(stderr, "%s:%d: check failed: %s (last error: %s)\n", __FILE__,   \
                    __LINE__, #cond, sovereign_last_error());                         \
            exit(1);                                                                  \
        }                                                                             \
    } while (0)

#define OK(call) CHECK((call) == SOVEREIGN_OK)

static inline int bytes_equal(const uint8_t *a, size_t alen, const char *b, size_t blen) {
    return alen == blen && (alen == 0 || memcmp(a, b, alen) == 0);
}
#endif
