<?php

declare(strict_types=1);

namespace Sovereign\Ffi;

use FFI;

/**
 * Finds, classifies and redacts sensitive data (mirrors \Sovereign\Engine). Engines built from a
 * policy file are cached per process by path, modification time and size, like the extension's.
 */
final class Engine
{
    /** @var array<string, EngineHandle> */
    private static array $cache = [];
    private static ?EngineHandle $default = null;

    private EngineHandle $handle;
    private ?string $policyPath = null;

    /** The engine of $SOVEREIGN_POLICY (or the `sovereign.policy` ini value), else the default policy. */
    public function __construct()
    {
        $path = getenv('SOVEREIGN_POLICY') ?: (string) ini_get('sovereign.policy');
        if ($path !== '') {
            $this->adopt(self::fromFile($path));
            return;
        }
        self::$default ??= EngineHandle::create(static fn ($ffi, $out) => $ffi->sovereign_engine_new($out));
        $this->handle = self::$default;
    }

    /** @throws PolicyException|InputException */
    public static function fromFile(string $path): self
    {
        $stat = @stat($path);
        $key = $stat === false ? null : $path . '|' . $stat['mtime'] . '|' . $stat['size'];
        if ($key === null || !isset(self::$cache[$key])) {
            $handle = EngineHandle::create(
                static fn ($ffi, $out) => $ffi->sovereign_engine_from_file($path, strlen($path), $out)
            );
            if ($key === null) {
                $stat = stat($path);
                $key = $path . '|' . $stat['mtime'] . '|' . $stat['size'];
            }
            self::$cache[$key] = $handle;
        }
        $engine = (new \ReflectionClass(self::class))->newInstanceWithoutConstructor();
        $engine->handle = self::$cache[$key];
        $engine->policyPath = $path;
        return $engine;
    }

    /** @throws PolicyException */
    public static function fromString(string $toml): self
    {
        $engine = (new \ReflectionClass(self::class))->newInstanceWithoutConstructor();
        $engine->handle = EngineHandle::create(
            static fn ($ffi, $out) => $ffi->sovereign_engine_from_text($toml, strlen($toml), $out)
        );
        return $engine;
    }

    private function adopt(self $other): void
    {
        $this->handle = $other->handle;
        $this->policyPath = $other->policyPath;
    }

    /** @return list<Finding> */
    public function scan(string $text): array
    {
        $ffi = Library::ffi();
        $out = $ffi->new('SovereignFindings*');
        Library::check($ffi->sovereign_scan($this->handle->ptr, $text, strlen($text), FFI::addr($out)));
        return Finding::listFrom($out);
    }

    public function classify(string $text): Classification
    {
        $ffi = Library::ffi();
        $out = $ffi->new('SovereignClassification*');
        Library::check($ffi->sovereign_classify($this->handle->ptr, $text, strlen($text), FFI::addr($out)));
        return Classification::fromHandle($out);
    }

    /**
     * @param array{surface?: string, role?: string, tenant?: string, knownValues?: array<string, string|list<string>>}|null $context
     * @throws InputException
     */
    public function redact(string $text, ?array $context = null): Redaction
    {
        $ffi = Library::ffi();
        $keep = [];
        $request = $context === null ? null : $this->request($context, $keep);
        $out = $ffi->new('SovereignRedaction*');
        Library::check($ffi->sovereign_redact(
            $this->handle->ptr,
            $text,
            strlen($text),
            $request === null ? null : FFI::addr($request),
            FFI::addr($out),
        ));
        return new Redaction($out);
    }

    /** The policy file this engine was compiled from (`null` for the default or in-memory policy). */
    public function policyPath(): ?string
    {
        return $this->policyPath;
    }

    /** Number of compiled engines cached in this process (the default engine aside). */
    public static function cachedEngines(): int
    {
        return count(self::$cache);
    }

    /** @param list<FFI\CData> $keep buffers that must outlive the call */
    private function request(array $context, array &$keep): FFI\CData
    {
        $ffi = Library::ffi();
        $request = $ffi->new('SovereignRequest');
        foreach (['surface', 'role', 'tenant'] as $field) {
            if (isset($context[$field])) {
                if (!is_string($context[$field])) {
                    throw new InputException("context `$field` must be a string");
                }
                Library::setStr($request->$field, $context[$field], $keep);
            }
        }
        $values = [];
        foreach ($context['knownValues'] ?? [] as $type => $list) {
            foreach ((array) $list as $value) {
                if (!is_string($value)) {
                    throw new InputException("known value of type `$type` must be a string");
                }
                $values[] = [(string) $type, $value];
            }
        }
        if ($values !== []) {
            $array = $ffi->new('SovereignKnownValue[' . count($values) . ']');
            foreach ($values as $i => [$type, $value]) {
                Library::setStr($array[$i]->kind, $type, $keep);
                Library::setStr($array[$i]->value, $value, $keep);
            }
            $keep[] = $array;
            $request->known_values = $ffi->cast('SovereignKnownValue*', FFI::addr($array[0]));
            $request->known_values_len = count($values);
        }
        return $request;
    }
}

/** @internal Owns one engine pointer; frees it when the last reference goes. */
final class EngineHandle
{
    private function __construct(public readonly FFI\CData $ptr)
    {
    }

    /** @param callable(FFI, FFI\CData): int $build */
    public static function create(callable $build): self
    {
        $ffi = Library::ffi();
        $out = $ffi->new('SovereignEngine*');
        Library::check($build($ffi, FFI::addr($out)));
        return new self($out);
    }

    public function __destruct()
    {
        Library::ffi()->sovereign_engine_free($this->ptr);
    }
}
