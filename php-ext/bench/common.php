<?php
declare(strict_types=1);

/* Shared by the benchmark scripts: timing helpers and the 4 KB prompt. */

require_once __DIR__ . '/PurePhpRedactor.php';

function percentiles(array $ns): array
{
    sort($ns);
    $at = fn(float $p) => $ns[min(count($ns) - 1, (int) floor($p * count($ns)))] / 1000;
    return [$at(0.50), $at(0.99), array_sum($ns) / count($ns) / 1000];
}

function timeEach(int $n, callable $f): array
{
    $samples = [];
    for ($i = 0; $i < $n; $i++) {
        $t = hrtime(true);
        $f();
        $samples[] = hrtime(true) - $t;
    }
    return percentiles($samples);
}

function row(string $what, array $p): void
{
    printf("  %-44s p50 %8.2f µs   p99 %8.2f µs   mean %8.2f µs\n", $what, ...$p);
}

/** A 4 KB customer-service prompt: one email, card, IBAN and phone among order numbers,
 * prices, dates and SKUs (the look-alikes a shop's text is full of). */
function prompt(): string
{
    $head = "Customer message (order #000012345, placed 2024-03-18 14:22:05, store view DE):\n"
        . "Hello, I am Jane, my email is jane.doe@example.com and you can call me on +49 30 901820.\n"
        . "I paid 149.90 EUR with my card 4111 1111 1111 1111 but the refund should go to\n"
        . "DE89 3704 0044 0532 0130 00. Items: MB-01-BLK x2 (49.95), WS-12-M (39.00), tracking 1Z999AA10123456784.\n";
    $filler = "The parcel with invoice 100000231 left the warehouse on 2024-03-19 and the status page still "
        . "says processing; SKU 24-MB01 was out of stock, price 34.00, qty 1, discount code SPRING10 applied. ";
    $text = $head;
    while (strlen($text) < 4096) {
        $text .= $filler;
    }
    return substr($text, 0, 4096);
}

/** A 4 KB catalogue prompt: product descriptions to rewrite (HTML, as Magento stores them), with
 * SKUs, prices, sizes, blends and dimensions but no personal data. Shops send much of this kind
 * of text to AI services, and a redactor mostly has to find that nothing is there. */
function catalogue(): string
{
    $products = [
        ['Argus All-Weather Tank', 'MT07-M-Gray', '22.00', '95% recycled polyester, 5% elastane',
            'Moisture-wicking knit pulls sweat away from the skin on hot afternoon runs.'],
        ['Juno Trail Jacket', 'WJ06-L-Blue', '64.00', '100% nylon shell, 60 g insulation',
            'A packable hood and taped seams keep out wind and drizzle above the tree line.'],
        ['Orion Yoga Short', 'MSH09-32-Black', '29.50', '88% cotton, 12% spandex',
            'A wide waistband stays put through inversions, and the inseam pocket holds a key.'],
        ['Nova Running Tee', 'WS03-XS-Red', '19.00', '100% organic cotton, 160 g/m2',
            'Soft enough for rest days, with reflective trim for runs before sunrise.'],
        ['Atlas Duffle Bag', '24-MB04', '45.00', '600D polyester, 52 x 28 x 30 cm',
            'A shoe tunnel, a wet pocket and padded straps carry a week of training gear.'],
    ];
    $text = "Rewrite these product descriptions for the autumn campaign, keep the facts:\n";
    $i = 0;
    while (strlen($text) < 4096) {
        [$name, $sku, $price, $fabric, $pitch] = $products[$i++ % count($products)];
        $text .= "<h2>$name</h2><p>$pitch Made of $fabric; flatlock seams sit smooth against "
            . "the skin on long days.</p><ul><li>SKU $sku, \$$price.</li><li>Sizes XS-XL; the "
            . "model is 1.83 m and wears a size M.</li><li>Machine wash at 30 °C, tumble dry "
            . "low.</li><li>Ships in 2-3 business days; free returns within 30 days.</li></ul>\n";
    }
    return substr($text, 0, 4096);
}

/** Three short customer messages (about 80 bytes, as in a chat or an order comment): at this
 * size each side's fixed cost per call decides, not its scanning speed. */
function shortMessages(): array
{
    return [
        'no personal data' => 'Hello, where is my parcel? It was due on Monday and I have not heard back from you.',
        'one e-mail' => 'Hello, where is my parcel? Write to jane.doe@example.com, it was due on Monday.',
        'e-mail and phone' => 'Hello, write to jane.doe@example.com or call +49 30 901820, it was due on Monday.',
    ];
}

/** Mean µs per call of `$f` over `$n` calls, the fastest of five rounds: for calls too short to
 * time one by one (a clock read costs about as much as the call). */
function perCall(int $n, callable $f): float
{
    $best = INF;
    for ($round = 0; $round < 5; $round++) {
        $t = hrtime(true);
        for ($i = 0; $i < $n; $i++) {
            $f();
        }
        $best = min($best, hrtime(true) - $t);
    }
    return $best / $n / 1000;
}
