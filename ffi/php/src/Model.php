<?php

declare(strict_types=1);

namespace Sovereign\Ffi;

use FFI;

/**
 * A local GGUF model run inside this PHP process through libsovereign (mirrors \Sovereign\Model).
 * Path and generation options are the same as the native extension's.
 */
final class Model
{
    private FFI\CData $handle;
    private string $path;

    /** @throws ModelException|InputException */
    public function __construct(?string $path = null, ?array $options = null)
    {
        $path ??= getenv('SOVEREIGN_MODEL') ?: (string) ini_get('sovereign.model');
        if ($path === '') {
            throw new InputException('no model path: pass one or set sovereign.model in php.ini');
        }
        $ffi = Library::ffi();
        $o = $ffi->new('SovereignModelOptions');
        Library::check($ffi->sovereign_model_options_default(FFI::addr($o)));
        foreach ($options ?? [] as $key => $value) {
            if (!is_int($value)) {
                throw new InputException("option `$key` must be an integer");
            }
            match ($key) {
                'contextSize' => $o->context_size = $this->positive($value, $key),
                'threads' => $o->threads = $this->positive($value, $key),
                'batchSize' => $o->batch_size = $this->positive($value, $key),
                'seed' => $o->seed = $value,
                'concurrency' => $o->concurrency = max(0, $value),
                'waitMs' => $o->wait_ms = max(0, $value),
                default => throw new InputException("unknown model option `$key`: expected contextSize, threads, batchSize, seed, concurrency or waitMs"),
            };
        }
        $out = $ffi->new('SovereignModel*');
        Library::check($ffi->sovereign_model_open($path, strlen($path), FFI::addr($o), FFI::addr($out)));
        $this->handle = $out;
        $this->path = $path;
    }

    public function __destruct()
    {
        if (isset($this->handle)) {
            Library::ffi()->sovereign_model_free($this->handle);
        }
    }

    public function complete(string $prompt, ?array $options = null): Completion
    {
        $ffi = Library::ffi();
        $keep = [];
        $out = $ffi->new('SovereignCompletion');
        Library::check($ffi->sovereign_model_complete(
            $this->handle, $prompt, strlen($prompt), $this->options($options, $keep), null, null, FFI::addr($out),
        ));
        return Completion::take($out);
    }

    /** @param list<array{role: string, content: string}> $messages */
    public function chat(array $messages, ?array $options = null): Completion
    {
        return $this->runChat($messages, null, $options);
    }

    /**
     * @param list<array{role: string, content: string}> $messages
     * @param callable(string): (bool|null) $callback
     */
    public function stream(array $messages, callable $callback, ?array $options = null): Completion
    {
        return $this->runChat($messages, $callback, $options);
    }

    /** @param list<string> $labels */
    public function classify(string $text, array $labels): string
    {
        $ffi = Library::ffi();
        $keep = [];
        $array = $ffi->new('SovereignStr[' . max(1, count($labels)) . ']');
        foreach (array_values($labels) as $i => $label) {
            Library::setStr($array[$i], (string) $label, $keep);
        }
        $out = $ffi->new('SovereignBuffer');
        Library::check($ffi->sovereign_model_classify(
            $this->handle, $text, strlen($text), $ffi->cast('SovereignStr*', FFI::addr($array[0])), count($labels), FFI::addr($out),
        ));
        return Library::takeBuffer($out);
    }

    public function path(): string
    {
        return $this->path;
    }

    private function runChat(array $messages, ?callable $callback, ?array $options): Completion
    {
        if ($messages === []) {
            throw new InputException('messages must not be empty');
        }
        $ffi = Library::ffi();
        $keep = [];
        $array = $ffi->new('SovereignChatMessage[' . count($messages) . ']');
        foreach (array_values($messages) as $i => $message) {
            if (!is_array($message) || !is_string($message['role'] ?? null) || !is_string($message['content'] ?? null)) {
                throw new InputException('each message needs a string `role` and `content`');
            }
            Library::setStr($array[$i]->role, $message['role'], $keep);
            Library::setStr($array[$i]->content, $message['content'], $keep);
        }
        $thrown = null;
        $sink = $callback === null ? null : static function ($user, $piece, $len) use ($callback, &$thrown): int {
            try {
                return $callback(FFI::string($piece, $len)) === false ? 0 : 1;
            } catch (\Throwable $e) {
                $thrown = $e;
                return 0;
            }
        };
        $out = $ffi->new('SovereignCompletion');
        $status = $ffi->sovereign_model_chat(
            $this->handle, $ffi->cast('SovereignChatMessage*', FFI::addr($array[0])), count($messages),
            $this->options($options, $keep), $sink, null, FFI::addr($out),
        );
        if ($thrown !== null) {
            if ($status === 0) {
                Library::takeBuffer($out->text);
            }
            throw $thrown;
        }
        Library::check($status);
        return Completion::take($out);
    }

    /** @param list<FFI\CData> $keep */
    private function options(?array $options, array &$keep): ?FFI\CData
    {
        if ($options === null) {
            return null;
        }
        $ffi = Library::ffi();
        $o = $ffi->new('SovereignGenerateOptions');
        Library::check($ffi->sovereign_generate_options_default(FFI::addr($o)));
        foreach ($options as $key => $value) {
            match ($key) {
                'maxTokens' => $o->max_tokens = $this->positive($value, $key),
                'temperature' => $o->temperature = (float) $value,
                'topP' => $o->top_p = (float) $value,
                'topK' => $o->top_k = (int) $value,
                'seed' => [$o->seed, $o->has_seed] = [(int) $value, 1],
                'timeoutMs' => $o->timeout_ms = max(0, (int) $value),
                'stop' => $this->stops($o, (array) $value, $keep),
                default => throw new InputException("unknown generation option `$key`: expected maxTokens, temperature, topP, topK, stop, seed or timeoutMs"),
            };
        }
        $keep[] = $o;
        return FFI::addr($o);
    }

    private function positive(mixed $value, string $key): int
    {
        if (!is_int($value) || $value <= 0) {
            throw new InputException("option `$key` must be a positive integer, got " . var_export($value, true));
        }
        return $value;
    }

    /** @param list<FFI\CData> $keep */
    private function stops(FFI\CData $o, array $stops, array &$keep): void
    {
        if ($stops === []) {
            return;
        }
        $ffi = Library::ffi();
        $array = $ffi->new('SovereignStr[' . count($stops) . ']');
        foreach (array_values($stops) as $i => $stop) {
            Library::setStr($array[$i], (string) $stop, $keep);
        }
        $keep[] = $array;
        $o->stop = $ffi->cast('SovereignStr*', FFI::addr($array[0]));
        $o->stop_len = count($stops);
    }
}
