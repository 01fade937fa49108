//! STREET_ADDRESS: the street line of an address, recognised from its house number (every
//! shape needs one). The number is a digit word, so this is a word rule that rejects in a few
//! comparisons when the word is not followed or preceded by a street name.
//!
//! Shapes, by where the number stands:
//! - number first: "221B Baker Street", "1600 Amphitheatre Pkwy, Suite 5" (street suffix last),
//!   "12 rue de la Paix" (street type first);
//! - number last: "Hauptstraße 5", "Keizersgracht 123-2" (suffix glued to the name),
//!   "Calle Mayor 10", "Via Roma 1" (street type first);
//! - post boxes: "PO Box 123", "Postfach 12 34".

use super::names::{key, words, WordSet};
use super::text::{alnum_end, char_before, fold, is_one_of, letters_end, skip_blanks};
use crate::catalogue::EntityKind;
use crate::detect::{Candidate, Word};

/// English street suffixes ("Baker Street", "Amphitheatre Pkwy").
const EN_SUFFIXES: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "av",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "drive",
    "dr",
    "court",
    "ct",
    "place",
    "pl",
    "way",
    "parkway",
    "pkwy",
    "terrace",
    "close",
    "crescent",
    "cres",
    "square",
    "sq",
    "highway",
    "hwy",
    "circle",
    "cir",
    "trail",
    "trl",
    "row",
    "mews",
    "gardens",
    "grove",
    "walk",
    "parade",
    "plaza",
    "alley",
    "expressway",
    "freeway",
    "pike",
    "loop",
    "embankment",
    "broadway",
    // Further USPS standard suffixes (Publication 28), the distinctive ones: words such as
    // "Pass", "Park" or "Point" end too many product names ("3 Day Pass") to count alone.
    "bluffs",
    "bridge",
    "brook",
    "bypass",
    "canyon",
    "causeway",
    "centre",
    "cliffs",
    "commons",
    "corners",
    "cove",
    "creek",
    "crest",
    "crossing",
    "dale",
    "estates",
    "falls",
    "ferry",
    "fields",
    "forest",
    "forge",
    "glen",
    "harbor",
    "harbour",
    "haven",
    "heights",
    "hills",
    "hollow",
    "junction",
    "knoll",
    "knolls",
    "lakes",
    "landing",
    "manor",
    "meadow",
    "meadows",
    "mill",
    "mills",
    "mission",
    "motorway",
    "orchard",
    "overpass",
    "pines",
    "plains",
    "points",
    "prairie",
    "ranch",
    "rapids",
    "ridge",
    "shoals",
    "shore",
    "shores",
    "springs",
    "stravenue",
    "summit",
    "throughway",
    "trace",
    "trafficway",
    "turnpike",
    "underpass",
    "valley",
    "viaduct",
    "village",
    "ville",
    "vista",
    "wells",
];

/// English suffixes long enough to trust in lower-case text ("12 baker street").
const EN_LOWERCASE_SUFFIXES: &[&str] = &[
    "street",
    "road",
    "avenue",
    "boulevard",
    "lane",
    "drive",
    "parkway",
    "highway",
];

/// Street types written before the name: French, Spanish, Italian, Portuguese
/// ("12 rue de la Paix", "Calle Mayor 10", "Via Roma 1"). Ignores ASCII case.
fn is_street_type(word: &[u8]) -> bool {
    let Some(buf) = fold::<13>(word) else {
        return false;
    };
    matches!(
        &buf[..word.len()],
        b"rue"
            | b"avenue"
            | b"av"
            | b"boulevard"
            | b"bd"
            | b"place"
            | b"chemin"
            | b"all\xc3\xa9e"
            | b"allee"
            | b"impasse"
            | b"quai"
            | b"cours"
            | b"route"
            | b"passage"
            | b"calle"
            | b"avenida"
            | b"avda"
            | b"paseo"
            | b"plaza"
            | b"carrer"
            | b"camino"
            | b"ronda"
            | b"traves\xc3\xada"
            | b"via"
            | b"viale"
            | b"glorieta"
            | b"urbanizaci\xc3\xb3n"
            | b"callej\xc3\xb3n"
            | b"ca\xc3\xb1ada"
            | b"cuesta"
            | b"pasaje"
            | b"rambla"
            | b"carretera"
            | b"stretto"
            | b"incrocio"
            | b"borgo"
            | b"rotonda"
            | b"contrada"
            | b"piazzetta"
            | b"piazza"
            | b"piazzale"
            | b"corso"
            | b"largo"
            | b"vicolo"
            | b"strada"
            | b"rua"
            | b"travessa"
            | b"pra\xc3\xa7a"
    )
}

/// Suffixes glued to German and Dutch street names ("Hauptstraße", "Keizersgracht").
const GLUED_SUFFIXES: &[&str] = &[
    "straße", "strasse", "str.", "weg", "gasse", "platz", "allee", "damm", "ufer", "chaussee",
    "gracht", "straat", "laan", "plein", "kade", "singel", "dijk", "steeg", "pfad", "stieg",
];

/// Shorter suffixes glued to Dutch and German street names ("Bentebaan", "Louisehof",
/// "Schönlandring"), with the least number of bytes the name must have before them, so that
/// "Spring 2" or "Notepad 3" are not read as streets.
const SHORT_GLUED_SUFFIXES: &[(&str, usize)] = &[
    ("baan", 4),
    ("hof", 4),
    ("dreef", 3),
    ("ring", 5),
    ("pad", 5),
    ("boulevard", 3),
    ("markt", 4),
];

/// The last bytes of the glued suffixes, in both ASCII cases: most words before a number
/// ("SKU 24", "qty 1") end with none of them, and are rejected without comparing suffixes.
static GLUED_LAST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < GLUED_SUFFIXES.len() + SHORT_GLUED_SUFFIXES.len() {
        let suffix = if i < GLUED_SUFFIXES.len() {
            GLUED_SUFFIXES[i]
        } else {
            SHORT_GLUED_SUFFIXES[i - GLUED_SUFFIXES.len()].0
        };
        let last = suffix.as_bytes()[suffix.len() - 1];
        table[last.to_ascii_lowercase() as usize] = true;
        table[last.to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    table
};

/// True when `word` ends with a glued street suffix (see [`GLUED_SUFFIXES`],
/// [`SHORT_GLUED_SUFFIXES`]).
fn has_glued_suffix(word: &[u8]) -> bool {
    if !word.last().is_some_and(|&b| GLUED_LAST_BYTES[b as usize]) {
        return false;
    }
    GLUED_SUFFIXES
        .iter()
        .any(|s| ends_with_ignore_case(word, s))
        || SHORT_GLUED_SUFFIXES
            .iter()
            .any(|&(s, stem)| word.len() >= s.len() + stem && ends_with_ignore_case(word, s))
}

/// Lower-case words that may stand inside a street name ("rue de la Paix", "Unter den Linden").
/// Ignores ASCII case.
fn is_name_particle(word: &[u8]) -> bool {
    let Some(buf) = fold::<5>(word) else {
        return false;
    };
    matches!(
        &buf[..word.len()],
        b"de"
            | b"la"
            | b"le"
            | b"les"
            | b"du"
            | b"des"
            | b"del"
            | b"della"
            | b"dei"
            | b"degli"
            | b"di"
            | b"do"
            | b"da"
            | b"dos"
            | b"das"
            | b"los"
            | b"las"
            | b"d"
            | b"l"
            | b"den"
            | b"der"
            | b"van"
            | b"von"
            | b"am"
            | b"an"
            | b"im"
            | b"auf"
            | b"the"
            | b"of"
    )
}

/// Words that make "2 Hard Drive Bays" or "3 items on the way" not an address.
const NOT_STREET: &[&str] = &[
    "hard", "usb", "flash", "disk", "disc", "drive", "power", "speed", "pack", "piece", "items",
    "item", "days", "day", "weeks", "hours", "minutes", "years", "times", "on", "the", "a", "in",
    "to", "for", "and", "or", "is", "are", "was", "my", "your", "our", "all", "way", "x", "free",
    "off", "per", "star", "test",
];

static EN: WordSet = WordSet::new(|| words(EN_SUFFIXES));
static EN_LOWER: WordSet = WordSet::new(|| words(EN_LOWERCASE_SUFFIXES));
static NOT: WordSet = WordSet::new(|| words(NOT_STREET));

fn push(out: &mut Vec<Candidate>, start: usize, end: usize, score: f32, rule: &'static str) {
    out.push(Candidate::new(
        EntityKind::StreetAddress,
        start,
        end,
        score,
        rule,
    ));
}

/// True when `word` starts with an upper-case letter (ASCII or not).
#[inline]
fn is_capitalised(word: &[u8]) -> bool {
    match word.first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => super::text::char_at(word, 0).is_some_and(|(c, _)| c.is_uppercase()),
    }
}

/// A house number: 1 to 5 digits, then at most one letter ("221B", "12a"; not "p3", "v2").
#[inline]
fn is_house_number(text: &[u8], word: &Word) -> bool {
    (1..=5).contains(&word.digits)
        && word.letters <= 1
        && word.len() <= 6
        && text[word.start].is_ascii_digit()
}

/// Extends a number to the right over "-2", "/3", "a" style additions ("123-2", "12/3").
fn extend_number(text: &[u8], mut end: usize) -> usize {
    if matches!(text.get(end), Some(b'-' | b'/'))
        && text.get(end + 1).is_some_and(u8::is_ascii_alphanumeric)
    {
        let e = alnum_end(text, end + 1);
        if e - end <= 4 {
            end = e;
        }
    }
    end
}

/// Extends an English street line over ", Suite 5", " Apt 4B", " #5", ", Unit 3".
fn extend_unit(text: &[u8], end: usize) -> usize {
    let mut i = end;
    if text.get(i) == Some(&b',') {
        i += 1;
    }
    i = skip_blanks(text, i);
    if text.get(i) == Some(&b'#') {
        let e = alnum_end(text, i + 1);
        return if e > i + 1 { e } else { end };
    }
    let w = letters_end(text, i);
    if w == i
        || !is_one_of(
            &text[i..w],
            &[
                "suite",
                "ste",
                "apt",
                "apartment",
                "unit",
                "flat",
                "floor",
                "fl",
                "room",
            ],
        )
    {
        return end;
    }
    let mut j = w;
    if text.get(j) == Some(&b'.') {
        j += 1;
    }
    let j = skip_blanks(text, j);
    let e = alnum_end(text, j);
    if e > j && text[j..e].iter().any(u8::is_ascii_digit) {
        e
    } else {
        end
    }
}

/// Number first: "221B Baker Street", "12 rue de la Paix".
#[inline(never)]
fn number_first(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    let num_end = extend_number(text, word.end);
    let mut i = num_end;
    if text.get(i) == Some(&b',') {
        i += 1;
    }
    if text.get(i) != Some(&b' ') {
        return;
    }
    i += 1;
    // French "bis"/"ter" after the number.
    let mut w = letters_end(text, i);
    if w > i && is_one_of(&text[i..w], &["bis", "ter"]) && text.get(w) == Some(&b' ') {
        i = w + 1;
        w = letters_end(text, i);
    }
    // Each word is scanned once: `w` is the first word's end unless it is an ordinal.
    let first_end = if text.get(i).is_some_and(u8::is_ascii_digit) {
        ordinal_or_letters_end(text, i)
    } else {
        w
    };
    if first_end == i {
        return;
    }
    let first = &text[i..first_end];
    if text.get(first_end) == Some(&b' ') && is_street_type(first) {
        // "12 rue de la Paix": a type, particles, then capitalised words.
        if let Some(end) = named(text, first_end + 1, 5) {
            push(out, word.start, end, 0.7, "street_address.number_type");
        }
        return;
    }
    // Case is decided by the first word that is not an ordinal ("350 5th Avenue").
    let lead = if first[0].is_ascii_digit() {
        let s = first_end + 1;
        &text[s.min(text.len())..letters_end(text, s.min(text.len()))]
    } else {
        first
    };
    // "221B Baker Street": 1..=4 name words, then a suffix.
    let capital = is_capitalised(lead);
    // Most lower-case lines are prose ("qty 1, discount code ..."): without a lower-case
    // suffix within reach no line can end, so the set lookups below are not needed.
    if !capital && !lower_suffix_ahead(text, first_end) {
        return;
    }
    let mut pos = i;
    for words in 0..5 {
        let e = if words == 0 {
            first_end
        } else {
            ordinal_or_letters_end(text, pos)
        };
        if e == pos {
            return;
        }
        let token = &text[pos..e];
        // Packed once for the three lists.
        let token_key = key(token);
        let listed = |set: &WordSet| token_key.is_some_and(|k| set.contains_key(k));
        if words > 0 && listed(&EN) {
            let lower_ok = capital || listed(&EN_LOWER);
            if !lower_ok {
                return;
            }
            let end = if capital { extend_unit(text, e) } else { e };
            let score = if capital { 0.7 } else { 0.55 };
            push(out, word.start, end, score, "street_address.number_suffix");
            return;
        }
        if listed(&NOT) || (capital != is_capitalised(token) && !token[0].is_ascii_digit()) {
            return;
        }
        if text.get(e) != Some(&b' ') {
            return;
        }
        pos = e + 1;
    }
}

/// True when a word after the first one ending at `first_end`, among the words that
/// `number_first` reads, is a lower-case street suffix ("12 baker street"). It ignores what
/// stops that walk earlier, so it only rules lines out.
fn lower_suffix_ahead(text: &[u8], first_end: usize) -> bool {
    let mut pos = first_end;
    for _ in 1..5 {
        if text.get(pos) != Some(&b' ') {
            return false;
        }
        let e = ordinal_or_letters_end(text, pos + 1);
        if e == pos + 1 {
            return false;
        }
        if is_one_of(&text[pos + 1..e], EN_LOWERCASE_SUFFIXES) {
            return true;
        }
        pos = e;
    }
    false
}

/// End of a token: letters, or an ordinal such as "5th".
fn ordinal_or_letters_end(text: &[u8], at: usize) -> usize {
    if text.get(at).is_some_and(u8::is_ascii_digit) {
        let e = alnum_end(text, at);
        let t = &text[at..e];
        let ok = t.len() >= 3
            && t[..t.len() - 2].iter().all(u8::is_ascii_digit)
            && is_one_of(&t[t.len() - 2..], &["st", "nd", "rd", "th"]);
        return if ok { e } else { at };
    }
    letters_end(text, at)
}

/// Name words after a street type: particles and capitalised words, at most `max`, ending on a
/// capitalised word. Returns the end of the last capitalised word.
fn named(text: &[u8], at: usize, max: usize) -> Option<usize> {
    let mut pos = at;
    let mut end = None;
    for _ in 0..max {
        // "de l'Église", "d'Italia"
        let e = letters_end(text, pos);
        if e == pos {
            break;
        }
        let token = &text[pos..e];
        if is_capitalised(token) {
            end = Some(e);
        } else if !is_name_particle(token) {
            break;
        }
        if text.get(e) != Some(&b' ') {
            break;
        }
        pos = e + 1;
    }
    end
}

/// The start of the word that ends at `end` (letters and a final "."), if any.
fn word_before(text: &[u8], end: usize) -> Option<usize> {
    let mut start = end;
    if start > 0 && text[start - 1] == b'.' {
        start -= 1;
    }
    loop {
        match start.checked_sub(1).map(|i| text[i]) {
            Some(b) if b.is_ascii_alphabetic() || b == b'-' || b == b'\'' => start -= 1,
            Some(b) if b >= 0x80 => match char_before(text, start) {
                Some((c, len)) if c.is_alphabetic() => start -= len,
                _ => break,
            },
            _ => break,
        }
    }
    (start < end && text[start] != b'.').then_some(start)
}

/// True when `word` ends with `suffix`, ignoring ASCII case.
fn ends_with_ignore_case(word: &[u8], suffix: &str) -> bool {
    let s = suffix.as_bytes();
    word.len() >= s.len() && word[word.len() - s.len()..].eq_ignore_ascii_case(s)
}

/// Words that stand before a stand-alone German suffix: inflected adjectives and place names
/// ("Kölner Straße", "Am Alten Weg", "Lange Gasse") and the prepositions of street names.
fn is_street_adjective(word: &[u8]) -> bool {
    is_one_of(
        word,
        &[
            "am", "an", "im", "zum", "zur", "auf", "der", "den", "die", "unter",
        ],
    ) || (is_capitalised(word)
        && ["er", "e", "en"]
            .iter()
            .any(|s| ends_with_ignore_case(word, s)))
}

/// Number last: "Hauptstraße 5", "Keizersgracht 123-2", "Calle Mayor, 10", "PO Box 123".
#[inline(never)]
fn number_last(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    if word.start < 2 || text[word.start - 1] != b' ' {
        return;
    }
    let mut before = word.start - 1;
    if text[before - 1] == b',' {
        before -= 1;
    }
    // Fast reject: a plain lower-case ASCII word before the number ("ratio 0.93", "processed
    // 50") is what `word_before` would find, and it is not capitalised.
    let mut s = before;
    if s > 0 && text[s - 1] == b'.' {
        s -= 1;
    }
    let stop = s;
    while s > 0 && text[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    let plain_start = s == 0 || (text[s - 1] < 0x80 && !matches!(text[s - 1], b'-' | b'\''));
    if s < stop && plain_start && text[s].is_ascii_lowercase() {
        return;
    }
    let Some(ws) = word_before(text, before) else {
        return;
    };
    let prev = &text[ws..before];
    if !is_capitalised(prev) {
        return;
    }
    let end = extend_number(text, word.end);
    if prev.eq_ignore_ascii_case(b"box") {
        let pre = text[..ws].trim_ascii_end();
        let prefix = ["po", "p.o.", "p. o.", "p o", "post office"]
            .iter()
            .find(|p| ends_with_ignore_case(pre, p));
        if let Some(p) = prefix {
            let start = pre.len() - p.len();
            if start == 0 || !text[start - 1].is_ascii_alphanumeric() {
                push(out, start, word.end, 0.7, "street_address.po_box");
            }
        }
        return;
    }
    if is_one_of(prev, &["postfach", "postbus", "apartado"]) {
        // "Postfach 12 34": German post boxes are printed in digit pairs.
        let mut e = word.end;
        while text.get(e) == Some(&b' ') && text.get(e + 1).is_some_and(u8::is_ascii_digit) {
            let n = alnum_end(text, e + 1);
            if n - e > 5 || !text[e + 1..n].iter().all(u8::is_ascii_digit) {
                break;
            }
            e = n;
        }
        push(out, ws, e, 0.7, "street_address.po_box");
        return;
    }
    if has_glued_suffix(prev) {
        // "Kölner Straße 5", "Am Alten Weg 3": a stand-alone suffix takes up to two words before.
        let mut start = ws;
        if GLUED_SUFFIXES
            .iter()
            .any(|s| prev.eq_ignore_ascii_case(s.as_bytes()))
        {
            for _ in 0..2 {
                if start < 2 || text[start - 1] != b' ' {
                    break;
                }
                match word_before(text, start - 1) {
                    Some(s) if is_street_adjective(&text[s..start - 1]) => start = s,
                    _ => break,
                }
            }
            if start == ws {
                return;
            }
        }
        push(out, start, end, 0.7, "street_address.glued_suffix");
        return;
    }
    // "Calle Mayor 10", "Avenida de la Constitución 5": a capitalised street type up to five
    // words back, with only capitalised words and particles between.
    if prev.len() > 1 && prev.iter().all(|b| !b.is_ascii_lowercase()) {
        return;
    }
    let mut cur = ws;
    for _ in 0..5 {
        if cur < 2 || text[cur - 1] != b' ' {
            return;
        }
        let e = cur - 1;
        let Some(s) = word_before(text, e) else {
            return;
        };
        let token = &text[s..e];
        let bare = token.strip_suffix(b".").unwrap_or(token);
        // "C. de Alcalá 5": Spanish "calle" abbreviated (only with its full stop).
        let calle = token == b"C.";
        if is_capitalised(token) && (calle || is_street_type(bare)) {
            push(out, s, end, 0.7, "street_address.type_name_number");
            return;
        }
        // "Ships Via UPS 2": an acronym is a carrier or a brand, not a street name.
        let acronym = token.len() > 1 && token.iter().all(|b| !b.is_ascii_lowercase());
        if acronym || !(is_capitalised(token) || is_name_particle(token)) {
            return;
        }
        cur = s;
    }
}

/// Word rule: every house number is tried as the start and as the end of a street line.
///
/// Most digit words are prices, dates, times and ids, so the neighbouring bytes decide first
/// whether either shape can fit; the shapes themselves stay out of line.
#[inline(always)]
pub(super) fn street(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    if !is_house_number(text, word) {
        return;
    }
    let before = word.start.checked_sub(1).map(|i| text[i]);
    let first = matches!(
        before,
        None | Some(b' ' | b'\n' | b'\t' | b'\r' | b',' | b'(' | b'-')
    ) && may_start_street_name(text, word.end);
    let last = before == Some(b' ') && word.start >= 2 && may_end_street_name(text, word.start - 1);
    if first || last {
        shapes(text, word, out, first, last);
    }
}

/// Tries the shapes that the neighbouring bytes allow.
#[inline(never)]
fn shapes(text: &[u8], word: &Word, out: &mut Vec<Candidate>, first: bool, last: bool) {
    if first {
        number_first(text, word, out);
    }
    if last {
        number_last(text, word, out);
    }
}

/// True when the bytes after a house number ending at `end` may open a street name: a blank
/// (or ", ") and a letter, digit or non-ASCII byte, or a "-2" / "/3" addition to the number.
#[inline]
fn may_start_street_name(text: &[u8], end: usize) -> bool {
    if !matches!(text.get(end), Some(b' ' | b',' | b'-' | b'/')) {
        return false;
    }
    let end = extend_number(text, end);
    let name_at = match text.get(end) {
        Some(b' ') => end + 1,
        Some(b',') if text.get(end + 1) == Some(&b' ') => end + 2,
        _ => return false,
    };
    match text.get(name_at) {
        Some(b) if b.is_ascii_alphabetic() || *b >= 0x80 => true,
        // "350 5th Avenue": digits, then a letter (`number_first` checks the ordinal).
        Some(b) if b.is_ascii_digit() => {
            let digits = text[name_at..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            text.get(name_at + digits)
                .is_some_and(u8::is_ascii_alphabetic)
        }
        _ => false,
    }
}

/// True when the byte before the blank at `blank` (or before a comma there) may end a street
/// name: a letter, a non-ASCII byte, or the '.' of an abbreviation ("Str. 5").
#[inline]
fn may_end_street_name(text: &[u8], blank: usize) -> bool {
    let mut i = blank - 1;
    if text[i] == b',' {
        let Some(j) = i.checked_sub(1) else {
            return false;
        };
        i = j;
    }
    let b = text[i];
    b.is_ascii_alphabetic() || b >= 0x80 || matches!(b, b'.' | b'-' | b'\'')
}
