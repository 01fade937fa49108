/* The local model through the C ABI: complete, stream pieces to a callback, chat, classify, and
 * the error paths. Usage: model PATH.gguf (run without valgrind: llama.cpp is slow under it). */
#include "check.h"

struct collected {
    char text[4096];
    size_t len;
    int pieces;
    int stop_after;
};

static int on_piece(void *user, const uint8_t *piece, size_t len) {
    struct collected *c = user;
    CHECK(c->len + len < sizeof c->text);
    memcpy(c->text + c->len, piece, len);
    c->len += len;
    c->pieces++;
    return c->stop_after == 0 || c->pieces < c->stop_after;
}

static int equals(SovereignStr s, const char *want) {
    return s.len == strlen(want) && memcmp(s.ptr, want, s.len) == 0;
}

int main(int argc, char **argv) {
    CHECK(argc == 2);
    SovereignModel *model = NULL;
    const char *missing = "/nonexistent/model.gguf";
    CHECK(sovereign_model_open((const uint8_t *)missing, strlen(missing), NULL, &model) ==
          SOVEREIGN_MODEL_ERROR);
    printf("missing model: %s\n", sovereign_last_error());
    SovereignModelOptions model_options;
    OK(sovereign_model_options_default(&model_options));
    model_options.threads = 0;
    CHECK(sovereign_model_open((const uint8_t *)argv[1], strlen(argv[1]), &model_options, &model) ==
          SOVEREIGN_CONFIG_ERROR);
    model_options.threads = 2;
    model_options.context_size = 1024;
    OK(sovereign_model_open((const uint8_t *)argv[1], strlen(argv[1]), &model_options, &model));

    SovereignGenerateOptions options;
    OK(sovereign_generate_options_default(&options));
    options.max_tokens = 12;
    const char *prompt = "The capital of France is";

    SovereignCompletion a, b;
    OK(sovereign_model_complete(model, (const uint8_t *)prompt, strlen(prompt), &options, NULL,
                                NULL, &a));
    OK(sovereign_model_complete(model, (const uint8_t *)prompt, strlen(prompt), &options, NULL,
                                NULL, &b));
    printf("greedy: \"%.*s\" (%u prompt tokens, %u generated, %.0f ms, stop %.*s)\n",
           (int)a.text.len, (const char *)a.text.ptr, a.prompt_tokens, a.generated_tokens,
           a.generation_ms, (int)a.stop_reason.len, (const char *)a.stop_reason.ptr);
    CHECK(a.text.len > 0 && a.text.len == b.text.len &&
          memcmp(a.text.ptr, b.text.ptr, a.text.len) == 0);
    CHECK(a.generated_tokens >= 1 && a.generated_tokens <= 12 && a.prompt_tokens > 3);

    struct collected streamed = {.len = 0, .pieces = 0, .stop_after = 0};
    SovereignCompletion s;
    OK(sovereign_model_complete(model, (const uint8_t *)prompt, strlen(prompt), &options,
                                on_piece, &streamed, &s));
    CHECK(streamed.pieces >= 1 && streamed.len == s.text.len &&
          memcmp(streamed.text, s.text.ptr, s.text.len) == 0);

    struct collected cancelled = {.len = 0, .pieces = 0, .stop_after = 2};
    SovereignCompletion c;
    OK(sovereign_model_complete(model, (const uint8_t *)prompt, strlen(prompt), &options,
                                on_piece, &cancelled, &c));
    CHECK(equals(c.stop_reason, "cancelled") && cancelled.pieces == 2);

    SovereignChatMessage chat[] = {
        {{(const uint8_t *)"user", 4}, {(const uint8_t *)"Say hello.", 10}},
    };
    SovereignCompletion reply;
    OK(sovereign_model_chat(model, chat, 1, &options, NULL, NULL, &reply));
    CHECK(reply.generated_tokens <= 12);

    SovereignStr labels[] = {{(const uint8_t *)"public", 6}, {(const uint8_t *)"restricted", 10}};
    SovereignBuffer label = {0};
    const char *memo = "Root password for the payment server: hunter2";
    OK(sovereign_model_classify(model, (const uint8_t *)memo, strlen(memo), labels, 2, &label));
    printf("classify: %.*s\n", (int)label.len, (const char *)label.ptr);
    CHECK(bytes_equal(label.ptr, label.len, "public", 6) ||
          bytes_equal(label.ptr, label.len, "restricted", 10));

    SovereignBuffer *buffers[] = {&a.text, &b.text, &s.text, &c.text, &reply.text, &label};
    for (size_t i = 0; i < sizeof buffers / sizeof *buffers; i++) OK(sovereign_buffer_free(buffers[i]));
    OK(sovereign_model_free(model));
    CHECK(sovereign_model_free(model) == SOVEREIGN_INVALID_HANDLE);
    puts("model ok");
    return 0;
}
