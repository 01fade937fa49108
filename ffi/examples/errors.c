/* Error paths: every failure is a status code and a message, never a crash. */
#include "check.h"

static void expect(SovereignStatus got, SovereignStatus want, const char *needle) {
    const char *message = sovereign_last_error();
    printf("status %d: %s\n", (int)got, message);
    CHECK(got == want);
    CHECK(needle == NULL || strstr(message, needle) != NULL);
}

int main(void) {
    SovereignEngine *engine = NULL;

    /* Malformed policy: the message names line and column. */
    const char *policy = "threshold = 0.5\n[entities.CREDIT_CARD]\noperator = \"shred\"\n";
    expect(sovereign_engine_from_text((const uint8_t *)policy, strlen(policy), &engine),
           SOVEREIGN_POLICY_ERROR, ":3:");
    CHECK(engine == NULL);
    const char *missing = "/nonexistent/policy.toml";
    expect(sovereign_engine_from_file((const uint8_t *)missing, strlen(missing), &engine),
           SOVEREIGN_IO_ERROR, "/nonexistent/policy.toml");
    const uint8_t bad_path[] = {'/', 't', 'm', 'p', '/', 0xff};
    expect(sovereign_engine_from_file(bad_path, sizeof bad_path, &engine),
           SOVEREIGN_INVALID_ARGUMENT, "UTF-8");

    /* NULL pointers. */
    expect(sovereign_engine_new(NULL), SOVEREIGN_NULL_POINTER, "out");
    SovereignFindings *findings = NULL;
    expect(sovereign_scan(NULL, (const uint8_t *)"x", 1, &findings), SOVEREIGN_NULL_POINTER,
           "engine");
    OK(sovereign_engine_new(&engine));
    expect(sovereign_scan(engine, NULL, 5, &findings), SOVEREIGN_NULL_POINTER, "text");
    OK(sovereign_engine_free(NULL));

    /* Invalid UTF-8 and embedded NULs are scanned as bytes; nothing is lost. */
    const uint8_t binary[] = {'a', 0, 0xff, 0xfe, ' ', 'x', '@', 'e', 'x', 'a', 'm', 'p', 'l',
                              'e', '.', 'c', 'o', 'm', ' ', 0xc3};
    SovereignRedaction *redaction = NULL;
    OK(sovereign_redact(engine, binary, sizeof binary, NULL, &redaction));
    const uint8_t *text;
    size_t len;
    OK(sovereign_redaction_text(redaction, &text, &len));
    const uint8_t expected[] = {'a', 0, 0xff, 0xfe, ' ', '[', 'E', 'M', 'A', 'I', 'L', '_', '1',
                                ']', ' ', 0xc3};
    CHECK(len == sizeof expected && memcmp(text, expected, len) == 0);
    SovereignBuffer back = {0};
    OK(sovereign_redaction_restore(redaction, text, len, &back));
    CHECK(back.len == sizeof binary && memcmp(back.ptr, binary, back.len) == 0);
    OK(sovereign_buffer_free(&back));
    OK(sovereign_redaction_free(redaction));

    /* Empty input. */
    OK(sovereign_scan(engine, NULL, 0, &findings));
    size_t count = 99;
    OK(sovereign_findings_len(findings, &count));
    CHECK(count == 0);
    OK(sovereign_findings_free(findings));

    /* 16 MB input. */
    size_t big = 16u << 20;
    char *huge = malloc(big);
    CHECK(huge != NULL);
    for (size_t i = 0; i < big; i++) huge[i] = "lorem ipsum dolor sit amet "[i % 27];
    memcpy(huge + big / 2, " ops@example.com ", 17);
    OK(sovereign_scan(engine, (const uint8_t *)huge, big, &findings));
    OK(sovereign_findings_len(findings, &count));
    CHECK(count == 1);
    OK(sovereign_findings_free(findings));
    free(huge);

    /* Unknown known-value type. */
    SovereignKnownValue known[] = {{{(const uint8_t *)"NOPE", 4}, {(const uint8_t *)"x", 1}}};
    SovereignRequest request = {{0}, {0}, {0}, known, 1};
    expect(sovereign_redact(engine, (const uint8_t *)"x", 1, &request, &redaction),
           SOVEREIGN_INVALID_ARGUMENT, "NOPE");

    /* Use after free and double free are detected, not dereferenced. */
    OK(sovereign_scan(engine, (const uint8_t *)"x", 1, &findings));
    OK(sovereign_findings_free(findings));
    expect(sovereign_findings_len(findings, &count), SOVEREIGN_INVALID_HANDLE, "findings");
    expect(sovereign_findings_free(findings), SOVEREIGN_INVALID_HANDLE, "double free");
    OK(sovereign_engine_free(engine));
    expect(sovereign_scan(engine, (const uint8_t *)"x", 1, &findings), SOVEREIGN_INVALID_HANDLE,
           "engine");
    puts("errors ok");
    return 0;
}
