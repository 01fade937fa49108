/* One engine shared by 8 threads, each redacting and restoring concurrently. */
#include <pthread.h>
#include "check.h"

#define THREADS 8
#define ROUNDS 200

static SovereignEngine *engine;

static void *work(void *arg) {
    int id = (int)(size_t)arg;
    char text[128], answer[64];
    for (int round = 0; round < ROUNDS; round++) {
        int n = snprintf(text, sizeof text, "user%d.%d@example.com wrote about order %d", id,
                         round, round);
        SovereignRedaction *redaction = NULL;
        OK(sovereign_redact(engine, (const uint8_t *)text, (size_t)n, NULL, &redaction));
        int m = snprintf(answer, sizeof answer, "reply to [EMAIL_1]");
        SovereignBuffer back = {0};
        OK(sovereign_redaction_restore(redaction, (const uint8_t *)answer, (size_t)m, &back));
        char want[96];
        int w = snprintf(want, sizeof want, "reply to user%d.%d@example.com", id, round);
        CHECK(bytes_equal(back.ptr, back.len, want, (size_t)w));
        OK(sovereign_buffer_free(&back));
        OK(sovereign_redaction_free(redaction));
    }
    return NULL;
}

int main(void) {
    OK(sovereign_engine_new(&engine));
    pthread_t threads[THREADS];
    for (size_t i = 0; i < THREADS; i++)
        CHECK(pthread_create(&threads[i], NULL, work, (void *)i) == 0);
    for (size_t i = 0; i < THREADS; i++) CHECK(pthread_join(threads[i], NULL) == 0);
    OK(sovereign_engine_free(engine));
    printf("threads ok: %d threads x %d rounds\n", THREADS, ROUNDS);
    return 0;
}
