/* Streaming restore must equal whole restore for every chunking of a sample answer. */
#include "check.h"

static SovereignBuffer restore_in_chunks(SovereignRedaction *redaction, const char *answer,
                                         size_t len, size_t a, size_t b) {
    /* Three chunks: [0,a) [a,b) [b,len). */
    SovereignRestorer *restorer = NULL;
    OK(sovereign_restorer_new(redaction, &restorer));
    size_t cuts[4] = {0, a, b, len};
    size_t cap = 4 * len + 64, used = 0;
    uint8_t *out = malloc(cap);
    CHECK(out != NULL);
    for (int i = 0; i < 3; i++) {
        SovereignBuffer piece = {0};
        OK(sovereign_restorer_push(restorer, (const uint8_t *)answer + cuts[i], cuts[i + 1] - cuts[i],
                                   &piece));
        CHECK(used + piece.len <= cap);
        if (piece.len) memcpy(out + used, piece.ptr, piece.len);
        used += piece.len;
        OK(sovereign_buffer_free(&piece));
    }
    SovereignBuffer tail = {0};
    OK(sovereign_restorer_finish(restorer, &tail));
    CHECK(used + tail.len <= cap);
    if (tail.len) memcpy(out + used, tail.ptr, tail.len);
    used += tail.len;
    OK(sovereign_buffer_free(&tail));
    OK(sovereign_restorer_free(restorer));
    SovereignBuffer result = {out, used, cap};
    return result;
}

int main(void) {
    SovereignEngine *engine = NULL;
    OK(sovereign_engine_new(&engine));
    const char *ticket = "Contact ana@example.org or bo@example.net about café order 7.";
    SovereignRedaction *redaction = NULL;
    OK(sovereign_redact(engine, (const uint8_t *)ticket, strlen(ticket), NULL, &redaction));

    const char *answer = "Write to [EMAIL_1] and <email_2>, then [EMAIL_1] again — café ✓";
    size_t len = strlen(answer);
    SovereignBuffer whole = {0};
    OK(sovereign_redaction_restore(redaction, (const uint8_t *)answer, len, &whole));
    printf("whole: %.*s\n", (int)whole.len, (const char *)whole.ptr);

    size_t chunkings = 0;
    for (size_t a = 0; a <= len; a++) {
        for (size_t b = a; b <= len; b++) {
            SovereignBuffer got = restore_in_chunks(redaction, answer, len, a, b);
            if (got.len != whole.len || memcmp(got.ptr, whole.ptr, whole.len) != 0) {
                fprintf(stderr, "mismatch at cuts %zu,%zu: %.*s\n", a, b, (int)got.len,
                        (const char *)got.ptr);
                return 1;
            }
            free(got.ptr);
            chunkings++;
        }
    }
    OK(sovereign_buffer_free(&whole));
    OK(sovereign_redaction_free(redaction));
    OK(sovereign_engine_free(engine));
    printf("streaming ok: %zu chunkings\n", chunkings);
    return 0;
}
