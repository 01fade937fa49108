//! Name dictionaries: US Census 1990 first names and surnames (public domain, see
//! `core/data/names/README.md`), plus the hand-kept lists of capitalised words that must not be
//! read as names.
//!
//! Every list is held as an open-addressing hash table of `u128` keys: a word of at most 16
//! ASCII letters packed upper-case into one integer. Lookup folds case while packing (a few
//! word-wide operations, no per-letter loop, no allocation) and then usually reads one slot, so
//! the name pass can afford several lookups per capitalised word.
//!

use std::sync::LazyLock;

/// `0x0101…01`: one in every byte of a `u64`.
const ONES: u64 = u64::MAX / 255;
const HIGH: u64 = ONES * 0x80;
const LOW7: u64 = ONES * 0x7f;

/// Reads up to eight bytes as a little-endian integer, zero above `bytes.len()`, with a few
/// overlapping loads instead of a copy loop.
#[inline]
fn load(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let u32_at = |i: usize| {
        let mut b = [0u8; 4];
        b.copy_from_slice(&bytes[i..i + 4]);
        u64::from(u32::from_le_bytes(b))
    };
    match n {
        0 => 0,
        // Bytes 0, n/2 and n-1 cover one to three bytes (overlaps write the same byte).
        1..=3 => {
            u64::from(bytes[0])
                | u64::from(bytes[n / 2]) << (8 * (n / 2))
                | u64::from(bytes[n - 1]) << (8 * (n - 1))
        }
        4..=7 => u32_at(0) | u32_at(n - 4) << (8 * (n - 4)),
        _ => {
            let mut b = [0u8; 8];
            b.copy_from_slice(&bytes[..8]);
            u64::from_le_bytes(b)
        }
    }
}

/// Upper-cases the `n` (at most eight) bytes of `x`; `None` unless every one is an ASCII letter.
#[inline]
fn fold_letters(x: u64, n: usize) -> Option<u64> {
    let used = if n >= 8 {
        HIGH
    } else {
        HIGH & ((1u64 << (8 * n)) - 1)
    };
    // Clearing bit 5 upper-cases ASCII letters; then a byte is a letter when it is ASCII and
    // lies in 'A'..='Z' (two carry-free adds on the low seven bits test both ends).
    let upper = x & !(ONES * 0x20);
    let low = upper & LOW7;
    let at_least_a = low + ONES * (0x80 - u64::from(b'A'));
    let above_z = low + ONES * (0x80 - u64::from(b'Z') - 1);
    let letters = at_least_a & !above_z & !x & HIGH;
    (letters & used == used).then_some(upper)
}

/// Packs an ASCII word of 1..=16 letters, upper-cased, into an integer; `None` for anything else.
/// The first letter is the lowest byte; the unused high bytes are zero, so words of different
/// lengths never share a key, and no key is zero.
#[inline]
pub(super) fn key(word: &[u8]) -> Option<u128> {
    let n = word.len();
    if n == 0 || n > 16 {
        return None;
    }
    let lo = fold_letters(load(word), n)?;
    if n <= 8 {
        return Some(u128::from(lo));
    }
    let hi = fold_letters(load(&word[8..]), n - 8)?;
    Some(u128::from(lo) | u128::from(hi) << 64)
}

/// The slot a key starts probing at, for a table of `2^bits` slots.
#[inline]
fn slot(key: u128, bits: u32) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
}

/// Keys in a linear-probing table at most half full; zero marks an empty slot.
pub(super) struct Table {
    slots: Vec<u128>,
    bits: u32,
}

impl Table {
    fn from_keys(keys: impl Iterator<Item = u128>) -> Table {
        let keys: Vec<u128> = keys.collect();
        let bits = (keys.len() * 2)
            .next_power_of_two()
            .max(16)
            .trailing_zeros();
        let mask = (1usize << bits) - 1;
        let mut slots = vec![0u128; 1 << bits];
        for k in keys {
            let mut i = slot(k, bits);
            while slots[i] != 0 && slots[i] != k {
                i = (i + 1) & mask;
            }
            slots[i] = k;
        }
        Table { slots, bits }
    }

    #[inline]
    fn contains(&self, key: u128) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = slot(key, self.bits);
        loop {
            match self.slots[i] {
                0 => return false,
                k if k == key => return true,
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// Packs a list of words into a table for [`WordSet::new`].
pub(super) fn words(list: &[&str]) -> Table {
    build(list.iter().copied())
}

fn build<'a>(words: impl Iterator<Item = &'a str>) -> Table {
    Table::from_keys(words.filter_map(|w| key(w.trim().as_bytes())))
}

/// A set of words, matched ignoring ASCII case.
pub(super) struct WordSet(LazyLock<Table>);

impl WordSet {
    pub(super) const fn new(init: fn() -> Table) -> WordSet {
        WordSet(LazyLock::new(init))
    }

    #[inline]
    pub(super) fn contains(&self, word: &[u8]) -> bool {
        key(word).is_some_and(|k| self.0.contains(k))
    }

    /// [`WordSet::contains`] for a word already packed with [`key`].
    #[inline]
    pub(super) fn contains_key(&self, key: u128) -> bool {
        self.0.contains(key)
    }
}

/// First names given to at least 0.002 % of people in the 1990 census.
pub(super) static FIRST: WordSet = WordSet(LazyLock::new(|| {
    build(include_str!("../../../../data/names/first.txt").lines())
}));

/// Surnames carried by at least 0.001 % of people in the 1990 census.
pub(super) static LAST: WordSet = WordSet(LazyLock::new(|| {
    build(include_str!("../../../../data/names/last.txt").lines())
}));

/// Capitalised words that never belong to a name: greetings, sign-offs, honorifics, shop and
/// order vocabulary, months, weekdays, places and product words. "Thank You", "Customer Service"
/// and "Best Regards" stay text because every word of them is here.
pub(super) static STOP: WordSet = WordSet(LazyLock::new(|| build(STOP_WORDS.iter().copied())));

/// Names that are also everyday words ("Rose", "Grant", "Gold", "Park"): a name made only of
/// such words ("Rose Gold", "Grant Park", "Sterling Silver") is not taken without context.
pub(super) static AMBIGUOUS: WordSet =
    WordSet(LazyLock::new(|| build(AMBIGUOUS_WORDS.iter().copied())));

/// True for a lower-case particle that may stand inside a name ("Ludwig van Beethoven",
/// "Anna de Vries"). A `match` so the pair pass can test it in a couple of comparisons.
#[inline]
pub(super) fn is_particle(word: &[u8]) -> bool {
    matches!(
        word,
        b"van"
            | b"von"
            | b"de"
            | b"der"
            | b"den"
            | b"del"
            | b"della"
            | b"di"
            | b"da"
            | b"du"
            | b"des"
            | b"dos"
            | b"das"
            | b"la"
            | b"le"
            | b"ten"
            | b"ter"
            | b"bin"
            | b"ibn"
            | b"al"
            | b"zu"
            | b"vom"
    )
}

#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    // greetings, sign-offs, pronouns, determiners
    "dear", "hi", "hello", "hey", "thank", "thanks", "you", "your", "yours", "our", "ours", "my",
    "we", "us", "they", "the", "a", "an", "and", "or", "of", "for", "to", "in", "on", "at", "by",
    "with", "from", "this", "that", "these", "all", "any", "every", "everyone", "everybody",
    "there", "here", "best", "regards", "kind", "warm", "sincerely", "cheers", "cordially",
    "greetings", "welcome", "please", "sorry", "team", "friend", "friends", "folks", "sir", "madam",
    "madame", "ma'am", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "herr", "frau", "monsieur",
    "mme", "sr", "sra", "valued", "customer", "customers", "client", "member", "guest", "user",
    "admin", "administrator", "owner", "manager", "support", "service", "services", "sales", "help",
    "desk", "helpdesk", "staff", "department", "office", "world", "again", "also", "just", "only",
    "not", "no", "yes", "ok", "okay", "is", "are", "was",
    // groups addressed in greetings
    "sirs", "colleague", "colleagues", "partner", "partners", "shopper", "shoppers", "members",
    "subscriber", "subscribers", "reader", "readers", "applicant", "candidate", "seller",
    "vendor", "supplier", "merchant", "neighbour", "neighbor", "buyer", "buyers", "team",
    // title-case headline words
    "out", "up", "down", "now", "more", "less", "off", "over", "under", "deals", "deal", "offer",
    "offers", "special", "exclusive", "latest", "great", "big", "save", "buy", "get", "see",
    "view", "what", "when", "where", "why", "how", "who", "it", "its", "if", "as", "be", "do",
    "can", "not", "never", "ever", "only", "other", "others", "some", "one", "two",
    "three", "first", "next", "last", "back", "again", "soon", "here", "there", "about",
    // commerce and orders
    "order", "orders", "number", "invoice", "receipt", "payment", "shipping", "shipment",
    "delivery", "tracking", "return", "returns", "refund", "account", "cart", "checkout", "product",
    "products", "item", "items", "sku", "qty", "quantity", "price", "total", "subtotal", "tax",
    "vat", "discount", "coupon", "code", "gift", "card", "sale", "free", "new", "store", "shop",
    "online", "status", "details", "summary", "information", "info", "address", "billing", "street",
    "city", "country", "state", "zip", "postcode", "phone", "email", "name", "first", "last",
    "full", "company", "inc", "ltd", "llc", "gmbh", "corp", "group", "general", "public", "private",
    "global", "international", "national", "express", "standard", "premium", "limited", "edition",
    "collection", "size", "color", "colour", "blue", "red", "pink", "yellow", "orange", "purple",
    "navy", "small", "medium", "large", "xl", "shirt", "tee", "jacket", "hoodie", "pants", "shorts",
    "dress", "skirt", "shoes", "shoe", "boots", "bag", "backpack", "watch", "case", "cover", "set",
    "pack", "kit", "bundle", "top", "tank", "bra", "sports", "yoga", "running", "training",
    "fitness", "pro", "plus", "mini", "ultra", "lite", "kitty", "classic", "original",
    "deluxe", "home", "kitchen", "garden", "office",
    // calendar
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "today", "tomorrow", "yesterday", "week", "month", "year", "christmas", "easter",
    "spring", "summer", "autumn", "winter",
    // places
    "york", "london", "paris", "berlin", "united", "kingdom", "states", "america", "american",
    "europe", "european", "english", "british", "german", "french", "north", "south", "east",
    "west", "san", "los", "las", "santa", "fort", "port", "mount", "lake", "beach", "park",
    // roles and titles
    "developer", "engineer", "director", "president", "officer", "assistant", "senior", "junior",
    "head", "chief", "lead", "software", "marketing", "finance", "legal", "hr",
];

#[rustfmt::skip]
const AMBIGUOUS_WORDS: &[&str] = &[
    // first names that are words
    "will", "mark", "bill", "grant", "chase", "rose", "lily", "ivy", "iris", "daisy", "violet",
    "hazel", "olive", "holly", "heather", "fern", "jasmine", "ruby", "pearl", "amber", "crystal",
    "jade", "coral", "ginger", "candy", "brandy", "penny", "sandy", "rusty", "dusty", "sunny",
    "dawn", "joy", "hope", "faith", "grace", "charity", "patience", "prudence", "honey", "sterling",
    "royal", "major", "king", "prince", "duke", "earl", "baron", "frank", "earnest", "miles", "guy",
    "art", "ray", "don", "gene", "jack", "jean", "buck", "pat", "sue", "rob", "bob", "ted", "van",
    "wade", "lane", "dale", "glen", "cliff", "clay", "forest", "stone", "rocky", "storm", "sky",
    "river", "brook", "jordan", "paris", "virginia", "georgia", "carolina", "florida", "dakota",
    "austin", "dallas", "houston", "madison", "lincoln", "orlando", "sydney", "phoenix", "savannah",
    "chelsea", "india", "china", "asia", "autumn", "summer", "winter", "young", "long", "short",
    "rich", "price", "page", "star", "summit", "ace", "angel", "christian", "august", "june",
    "april", "may", "dolly", "bunny", "bud", "chance", "precious", "harmony", "melody", "destiny",
    "trinity", "genesis", "unique",
    // surnames that are words
    "black", "white", "green", "brown", "gray", "grey", "gold", "silver", "golden", "park", "hall",
    "wood", "woods", "hill", "hills", "field", "fields", "bell", "little", "strong", "sharp",
    "church", "castle", "ford", "mills", "carter", "street", "road", "way", "house", "box", "case",
    "cash", "money", "bank", "post", "mail", "sale", "sales", "best", "good", "new", "day", "days",
    "night", "light", "power", "mann", "love", "lovely", "sweet", "wise", "bright", "fair", "hand",
    "foot", "head", "heart", "lamb", "fox", "wolf", "bird", "swan", "crane", "fish", "bear", "bull",
    "cole", "rice", "bean", "berry", "apple", "rose", "lemon", "pepper", "salt", "sugar", "oak",
    "ash", "pine", "marsh", "moss", "reed", "rivers", "waters", "banks", "brooks", "lake", "shore",
    "north", "south", "east", "west", "winter", "snow", "frost", "rain", "cloud", "gale", "sun",
    "moon", "star", "stars", "english", "french", "german", "irish", "welsh", "holland", "england",
    "wales", "london", "york", "washington", "jersey", "orange", "camp", "free", "online", "plus",
    "max", "kidd", "child", "small", "large", "hardy", "steel", "iron", "glass", "paper", "wall",
    "walls", "gates", "bridge", "bridges", "tower", "towers", "law", "pope", "major", "queen",
    "page", "chambers", "cross", "crossing", "lock", "key", "keys", "law", "rush", "dash", "swift",
    "quick", "speed", "chance", "luck", "lucky", "hope", "joy", "faith", "story", "haven", "heaven",
    "day", "paradise", "friday", "monday", "august", "summers", "fisher", "sawyer", "cage",
    "christmas", "easter", "holiday", "rock", "stone", "stones", "pool",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn census_lists_load_and_fold_case() {
        assert!(FIRST.contains(b"John"));
        assert!(FIRST.contains(b"MARY"));
        assert!(LAST.contains(b"smith"));
        assert!(LAST.contains(b"Nguyen"));
        assert!(!FIRST.contains(b"Order"));
        assert!(!LAST.contains(b"Sm1th"));
        assert!(!LAST.contains("Müller".as_bytes()));
        assert!(STOP.contains(b"Thank"));
        assert!(AMBIGUOUS.contains(b"Gold"));
    }

    #[test]
    fn keys_are_unique_per_word() {
        assert_ne!(key(b"AB"), key(b"ABA"));
        assert_eq!(key(b"abc"), key(b"ABC"));
        assert_eq!(key(b""), None);
        assert_eq!(key(b"abcdefghijklmnopq"), None);
        assert!(key(b"abcdefghijklmnop").is_some());
        for bad in [
            &b"a-b"[..],
            b"a1",
            b"a@",
            b"a[",
            b"a`",
            b"a{",
            "é".as_bytes(),
            b"a b",
        ] {
            assert_eq!(key(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn tables_hold_exactly_their_words() {
        let set = words(&["rose", "gold", "a", "abcdefghijklmnop"]);
        for w in ["Rose", "GOLD", "a", "ABCDEFGHIJKLMNOP"] {
            assert!(set.contains(key(w.as_bytes()).expect("letters")), "{w}");
        }
        for w in ["Ros", "roses", "b", "abcdefghijklmno"] {
            assert!(!set.contains(key(w.as_bytes()).expect("letters")), "{w}");
        }
    }
}
