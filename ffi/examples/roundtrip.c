/* Redact a support ticket, inspect findings and level, restore a model answer. */
#include "check.h"

int main(void) {
    printf("sovereign %s (ABI %u)\n", sovereign_version(), sovereign_abi_version());
    CHECK(sovereign_abi_version() == SOVEREIGN_ABI_VERSION);

    SovereignEngine *engine = NULL;
    OK(sovereign_engine_new(&engine));

    const char *ticket =
        "Hi, this is Jane Doe. Please send the invoice to jane.doe@example.com, "
        "order 100023. CONFIDENTIAL.";
    SovereignKnownValue known[] = {
        {{(const uint8_t *)"PERSON", 6}, {(const uint8_t *)"Jane Doe", 8}},
    };
    SovereignRequest request = {
        {(const uint8_t *)"customer_service", 16},
        {(const uint8_t *)"agent", 5},
        {(const uint8_t *)"store-de", 8},
        known,
        1,
    };
    SovereignRedaction *redaction = NULL;
    OK(sovereign_redact(engine, (const uint8_t *)ticket, strlen(ticket), &request, &redaction));

    const uint8_t *text;
    size_t len;
    OK(sovereign_redaction_text(redaction, &text, &len));
    printf("redacted: %.*s\n", (int)len, (const char *)text);
    const char *expected =
        "Hi, this is [PERSON_1]. Please send the invoice to [EMAIL_1], order 100023. CONFIDENTIAL.";
    CHECK(bytes_equal(text, len, expected, strlen(expected)));

    SovereignLevel level;
    OK(sovereign_redaction_level(redaction, &level));
    CHECK(level == SOVEREIGN_CONFIDENTIAL);

    SovereignFindings *findings = NULL;
    OK(sovereign_redaction_findings(redaction, &findings));
    size_t count = 0;
    OK(sovereign_findings_len(findings, &count));
    CHECK(count == 2);
    for (size_t i = 0; i < count; i++) {
        SovereignFinding f;
        OK(sovereign_findings_get(findings, i, &f));
        printf("finding %.*s [%zu,%zu) score %.2f rule %.*s\n", (int)f.kind.len,
               (const char *)f.kind.ptr, f.start, f.end, f.score, (int)f.rule.len,
               (const char *)f.rule.ptr);
        CHECK(f.end > f.start && f.end <= strlen(ticket));
    }
    SovereignFinding past;
    CHECK(sovereign_findings_get(findings, count, &past) == SOVEREIGN_INVALID_ARGUMENT);
    OK(sovereign_findings_free(findings));

    const char *answer = "Dear [PERSON_1], we sent it to [email_1].";
    SovereignBuffer restored = {0};
    OK(sovereign_redaction_restore(redaction, (const uint8_t *)answer, strlen(answer), &restored));
    const char *want = "Dear Jane Doe, we sent it to jane.doe@example.com.";
    printf("restored: %.*s\n", (int)restored.len, (const char *)restored.ptr);
    CHECK(bytes_equal(restored.ptr, restored.len, want, strlen(want)));
    OK(sovereign_buffer_free(&restored));
    CHECK(restored.ptr == NULL && restored.len == 0);

    const char *memo = "Salary review for the team: do not distribute.";
    SovereignClassification *classification = NULL;
    OK(sovereign_classify(engine, (const uint8_t *)memo, strlen(memo), &classification));
    SovereignLevel doc_level;
    OK(sovereign_classification_level(classification, &doc_level));
    size_t reasons = 0;
    OK(sovereign_classification_reasons_len(classification, &reasons));
    CHECK(doc_level == SOVEREIGN_CONFIDENTIAL && reasons == 2);
    for (size_t i = 0; i < reasons; i++) {
        SovereignReason reason;
        OK(sovereign_classification_reason(classification, i, &reason));
        printf("reason: %s \"%.*s\" x%zu -> level %d\n",
               reason.source == SOVEREIGN_REASON_KEYWORD ? "keyword" : "entity",
               (int)reason.name.len, (const char *)reason.name.ptr, reason.count, (int)reason.level);
        CHECK(reason.source == SOVEREIGN_REASON_KEYWORD && reason.count == 1);
    }
    OK(sovereign_classification_free(classification));

    OK(sovereign_redaction_free(redaction));
    OK(sovereign_engine_free(engine));
    puts("roundtrip ok");
    return 0;
}
