//! Name dictionaries: US Census 1990 first names and surnames (public domain, see
//! `core/data/names/README.md`), plus the hand-kept lists of capitalised words that must not be
//! read as names.
//!
//! Every list is held as a sorted `Vec<u128>`: a word of at most 16 ASCII letters packed
//! upper-case into one integer. Lookup folds case while packing, so it never allocates, and a
//! binary search over 19k integers is a few cache lines.
//!

use std::sync::LazyLock;

/// Packs an ASCII word of 1..=16 letters, upper-cased, into an integer; `None` for anything else.
#[inline]
pub(super) fn key(word: &[u8]) -> Option<u128> {
    if word.is_empty() || word.len() > 16 {
        return None;
    }
    let mut k = 0u128;
    for &b in word {
        if !b.is_ascii_alphabetic() {
            return None;
        }
        k = (k << 8) | u128::from(b.to_ascii_uppercase());
    }
    Some(k << (8 * (16 - word.len())))
}

/// Packs a list of words into a sorted key vector for [`WordSet::new`].
pub(super) fn words(list: &[&str]) -> Vec<u128> {
    build(list.iter().copied())
}

fn build<'a>(words: impl Iterator<Item = &'a str>) -> Vec<u128> {
    let mut keys: Vec<u128> = words.filter_map(|w| key(w.trim().as_bytes())).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A set of words, matched ignoring ASCII case.
pub(super) struct WordSet(LazyLock<Vec<u128>>);

impl WordSet {
    pub(super) const fn new(init: fn() -> Vec<u128>) -> WordSet {
        WordSet(LazyLock::new(init))
    }

    #[inline]
    pub(super) fn contains(&self, word: &[u8]) -> bool {
        key(word).is_some_and(|k| self.0.binary_search(&k).is_ok())
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
    }
}
