<?php
declare(strict_types=1);

/**
 * The baseline: what a careful Magento developer writes with preg_* alone. Email, payment card
 * (Luhn-checked), IBAN (mod-97-checked) and phone number, each replaced by a numbered
 * placeholder with a map to restore them. Patterns are written for PCRE's JIT: anchored on a
 * cheap first character, bounded repetitions, checksums only on candidates.
 */
final class PurePhpRedactor
{
    private const EMAIL = '/(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![\w-])/';
    private const CARD = '/(?<![\d-])[2-6]\d{3}(?:[ -]?\d){9,15}(?![\d-])/';
    private const IBAN = '/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/';
    private const PHONE = '/(?<![\w+])(?:\+|00)[1-9]\d{0,2}(?:[ .\/-]?\(0\))?(?:[ .\/-]?\d{1,5}){2,5}(?!\w)|(?<![\w+])0\d{2,5}[ \/-]\d{3,9}(?:[ -]\d{2,5})?(?!\w)/';

    /** IBAN length per country (the common SEPA ones). */
    private const IBAN_LENGTHS = [
        'AT' => 20, 'BE' => 16, 'CH' => 21, 'DE' => 22, 'DK' => 18, 'ES' => 24, 'FI' => 18,
        'FR' => 27, 'GB' => 22, 'IE' => 22, 'IT' => 27, 'LU' => 20, 'NL' => 18, 'NO' => 15,
        'PL' => 28, 'PT' => 25, 'SE' => 24,
    ];

    /** @var array<string, string> placeholder => original */
    private array $vault = [];
    /** @var array<string, int> */
    private array $counters = [];

    public function redact(string $text): string
    {
        $this->vault = [];
        $this->counters = [];
        // Cards and IBANs first: their digit runs would otherwise look like phone numbers.
        $text = preg_replace_callback(self::CARD, fn($m) => self::luhn($m[0]) ? $this->label('CREDIT_CARD', $m[0]) : $m[0], $text);
        $text = preg_replace_callback(self::IBAN, fn($m) => self::iban($m[0]) ? $this->label('IBAN', $m[0]) : $m[0], $text);
        $text = preg_replace_callback(self::EMAIL, fn($m) => $this->label('EMAIL', $m[0]), $text);
        $text = preg_replace_callback(self::PHONE, fn($m) => self::phoneDigits($m[0]) ? $this->label('PHONE', $m[0]) : $m[0], $text);
        return $text;
    }

    public function restore(string $text): string
    {
        return strtr($text, $this->vault);
    }

    /** @return array<string, string> */
    public function vault(): array
    {
        return $this->vault;
    }

    private function label(string $type, string $value): string
    {
        $existing = array_search($value, $this->vault, true);
        if ($existing !== false && str_starts_with($existing, "[$type")) {
            return $existing;
        }
        $n = ($this->counters[$type] ?? 0) + 1;
        $this->counters[$type] = $n;
        $label = "[{$type}_$n]";
        $this->vault[$label] = $value;
        return $label;
    }

    private static function luhn(string $candidate): bool
    {
        $digits = preg_replace('/\D/', '', $candidate);
        $len = strlen($digits);
        if ($len < 13 || $len > 19) {
            return false;
        }
        $sum = 0;
        for ($i = $len - 1, $double = false; $i >= 0; $i--, $double = !$double) {
            $d = ord($digits[$i]) - 48;
            if ($double) {
                $d *= 2;
                if ($d > 9) {
                    $d -= 9;
                }
            }
            $sum += $d;
        }
        return $sum % 10 === 0;
    }

    private static function iban(string $candidate): bool
    {
        $iban = str_replace(' ', '', $candidate);
        $expected = self::IBAN_LENGTHS[substr($iban, 0, 2)] ?? null;
        if ($expected === null || strlen($iban) !== $expected) {
            return false;
        }
        // mod 97 of the rearranged number, letters as 10..35, folded 7 digits at a time
        $rearranged = substr($iban, 4) . substr($iban, 0, 4);
        $numeric = '';
        foreach (str_split($rearranged) as $c) {
            $numeric .= ($c >= '0' && $c <= '9') ? $c : (string) (ord($c) - 55);
        }
        $rest = 0;
        foreach (str_split($numeric, 7) as $chunk) {
            $rest = (int) ($rest . $chunk) % 97;
        }
        return $rest === 1;
    }

    private static function phoneDigits(string $candidate): bool
    {
        $n = strlen(preg_replace('/\D/', '', $candidate));
        return $n >= 7 && $n <= 15;
    }
}
