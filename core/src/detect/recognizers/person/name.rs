//! PERSON: names found by context (salutations, honorifics, labelled fields, e-mail headers,
//! signature blocks) and by a dictionary rule on capitalised "First Last" pairs.
//!
//! Everything runs from one pass over capitalised words ([`capitalised`]): the words that open
//! a context ("Dear", "Mr", "Name:", "From:", "Regards") are capitalised too, so they need no
//! literal triggers in the shared automaton. Context rules accept any capitalised word (any
//! script) because the context says a name follows. The pair rule has no context, so at least
//! one word must be a census name, everyday words ("Rose Gold") and title-case runs ("Grace
//! Hopper Award") are held back, and the pass rejects cheaply: an ASCII capital after a blank,
//! a lower-case word, one blank and another capital, before any lookup.

use super::names::{is_particle, key, WordSet, AMBIGUOUS, FIRST, LAST, STOP};
use super::starts::{is_boundary, Starts};
use super::text::{
    alnum_end, ascii_letters_end, at_line_start, char_at, is_one_of, letters_end, skip_blanks,
    word_starts_at,
};
use crate::catalogue::EntityKind;
use crate::detect::Candidate;

/// A parsed name: its byte span, the number of words and how many are census names.
#[derive(Clone, Copy, Debug)]
struct Name {
    start: usize,
    end: usize,
    words: u32,
    known: u32,
}

const MAX_TOKENS: usize = 5;
const MAX_WORD: usize = 32;

/// True when `word` (or a hyphenated part, or the word without apostrophes) is in the census
/// lists.
fn is_known(word: &[u8]) -> bool {
    let in_lists = |w: &[u8]| FIRST.contains(w) || LAST.contains(w);
    if in_lists(word) {
        return true;
    }
    if word.contains(&b'-') {
        return word.split(|&b| b == b'-').any(in_lists);
    }
    if word.contains(&b'\'') && word.len() <= 17 {
        let mut buf = [0u8; 16];
        let mut n = 0;
        for &b in word.iter().filter(|&&b| b != b'\'') {
            buf[n] = b;
            n += 1;
        }
        return in_lists(&buf[..n]);
    }
    false
}

/// Removes a possessive "'s" / "’s" from the end of a word span.
fn strip_possessive(text: &[u8], start: usize, end: usize) -> usize {
    let w = &text[start..end];
    if w.len() > 3 && (w.ends_with(b"'s") || w.ends_with(b"'S")) {
        end - 2
    } else if w.len() > 5 && w.ends_with("’s".as_bytes()) {
        end - "’s".len()
    } else {
        end
    }
}

/// Reads a name at `at`: capitalised or all-caps words, initials ("J.") and particles between
/// words, separated by single blanks. Stops at a stop word, a lower-case word (unless
/// `lowercase_known` and the word is a census name), punctuation or the end of the line.
fn parse_name(text: &[u8], at: usize, lowercase_known: bool) -> Option<Name> {
    let mut name = Name {
        start: at,
        end: at,
        words: 0,
        known: 0,
    };
    let mut i = at;
    for token in 0..MAX_TOKENS {
        if token > 0 {
            if text.get(i) != Some(&b' ') {
                break;
            }
            i += 1;
        }
        let end = letters_end(text, i);
        if end == i || end - i > MAX_WORD {
            break;
        }
        let word = &text[i..end];
        let (first, _) = char_at(text, i)?;
        // An initial: "J." or "J" between words.
        if word.len() == 1 && first.is_ascii_uppercase() {
            let next = if text.get(end) == Some(&b'.') {
                end + 1
            } else {
                end
            };
            if text.get(next) != Some(&b' ') {
                break;
            }
            i = next;
            continue;
        }
        let ascii = word.is_ascii();
        if ascii && STOP.contains(word) {
            break;
        }
        if first.is_lowercase() {
            if token > 0 && is_particle(word) {
                i = end;
                continue;
            }
            if !(lowercase_known && ascii && is_known(word)) {
                break;
            }
        } else if !first.is_uppercase() {
            break;
        }
        let end = strip_possessive(text, i, end);
        name.end = end;
        name.words += 1;
        name.known += u32::from(ascii && is_known(&text[i..end]));
        i = end;
    }
    (name.words > 0).then_some(name)
}

/// True when the name ending at `end` is followed by something that ends a name: the end of
/// the text or line, punctuation, or a blank and an opening bracket or dash.
fn ends_clean(text: &[u8], end: usize) -> bool {
    match text.get(end) {
        None => true,
        Some(
            b',' | b';' | b':' | b'!' | b'?' | b'.' | b'\n' | b'\r' | b'\t' | b'<' | b'(' | b')',
        )
        | Some(b'"' | b'|' | b'/') => true,
        Some(b' ') => matches!(
            text.get(end + 1),
            None | Some(b' ' | b'<' | b'(' | b'-' | b'|' | b'\n' | b'\r' | b'/')
        ),
        _ => false,
    }
}

fn push(out: &mut Vec<Candidate>, name: Name, score: f32, rule: &'static str) {
    out.push(Candidate::new(
        EntityKind::Person,
        name.start,
        name.end,
        score,
        rule,
    ));
}

/// "Dear Anna," / "Hi John Smith!" / "Hello Mrs Brown": the name must end cleanly, so "Hello
/// Kitty backpack" and "Dear Valued Customer" are not names.
pub(super) fn greeting(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    if !word_starts_at(text, start) || text.get(end) != Some(&b' ') {
        return;
    }
    let Some(name) = parse_name(text, end + 1, false) else {
        return;
    };
    if ends_clean(text, name.end) {
        let score = if name.known > 0 { 0.75 } else { 0.65 };
        push(out, name, score, "person.greeting");
    }
}

/// "Mr Smith", "Mrs. J. Brown", "Herr Müller", "Sra. García": a capitalised honorific followed
/// by a name. The span excludes the honorific.
pub(super) fn honorific(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    let lit = &text[start..end];
    if !word_starts_at(text, start) || !lit[0].is_ascii_uppercase() {
        return;
    }
    // All-caps "MS" (Microsoft, milliseconds) and "DR" are abbreviations far more often.
    if lit.len() > 1 && lit[1].is_ascii_uppercase() && !is_one_of(lit, &["mr", "mrs", "miss"]) {
        return;
    }
    let mut i = end;
    if text.get(i) == Some(&b'.') && !lit.ends_with(b".") {
        i += 1;
    }
    if text.get(i) != Some(&b' ') {
        return;
    }
    // "12 Elm Dr Springfield": "Dr" after a house number is a street suffix.
    if lit.eq_ignore_ascii_case(b"dr") {
        let line = &text[start.saturating_sub(32)..start];
        let line = match line.iter().rposition(|&b| b == b'\n') {
            Some(nl) => &line[nl + 1..],
            None => line,
        };
        if line.iter().any(u8::is_ascii_digit) {
            return;
        }
    }
    if let Some(name) = parse_name(text, i + 1, false) {
        push(out, name, 0.8, "person.honorific");
    }
}

/// Words that may qualify "name:" ("Full name:", "Customer name:"); any other word before it
/// ("Product name:", "Company name:") means the value is not a person.
const NAME_QUALIFIERS: &[&str] = &[
    "full",
    "customer",
    "first",
    "last",
    "given",
    "family",
    "middle",
    "contact",
    "billing",
    "shipping",
    "recipient",
    "employee",
    "your",
    "my",
    "cardholder",
    "holder",
    "account",
    "sender",
    "patient",
    "client",
    "guest",
    "buyer",
    "passenger",
    "legal",
    "maiden",
    "card",
];

/// "Name: John Smith", "Ship to: Anna Müller", "Attn: J. Brown".
pub(super) fn label(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    if !word_starts_at(text, start) {
        return;
    }
    if text[start..end].starts_with(b"name") || text[start..end].starts_with(b"Name") {
        let before = super::text::skip_blanks_back(text, start);
        let word_start = (0..before)
            .rev()
            .take_while(|&j| text[j].is_ascii_alphabetic())
            .last()
            .unwrap_or(before);
        let qualifier = &text[word_start..before];
        if !qualifier.is_empty() && !is_one_of(qualifier, NAME_QUALIFIERS) {
            return;
        }
    }
    let Some(name) = parse_name(text, skip_blanks(text, end), true) else {
        return;
    };
    if ends_clean(text, name.end) || name.words >= 2 {
        let score = if name.known > 0 || name.words >= 2 {
            0.85
        } else {
            0.6
        };
        push(out, name, score, "person.label");
    }
}

/// Words that make the first line of an address block a company ("Acme Logistics GmbH").
const COMPANY_WORDS: &[&str] = &[
    "gmbh",
    "ltd",
    "inc",
    "llc",
    "ag",
    "kg",
    "bv",
    "nv",
    "sa",
    "sl",
    "srl",
    "spa",
    "sarl",
    "sas",
    "co",
    "corp",
    "company",
    "limited",
    "plc",
    "group",
    "shop",
    "store",
    "logistics",
    "services",
];

/// "Shipping address:" and the recipient on the next line, alone on it: the first line of an
/// address block is a person (or a company, which needs a census name to pass here).
pub(super) fn address_block(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    if !at_line_start(text, start) {
        return;
    }
    let mut at = skip_blanks(text, end);
    if text.get(at) == Some(&b'\r') {
        at += 1;
    }
    if text.get(at) != Some(&b'\n') {
        // "Shipping address: Jane Doe" reads like any label.
        return label(text, start, end, out);
    }
    let Some(name) = parse_name(text, at + 1, false) else {
        return;
    };
    let alone = matches!(text.get(name.end), None | Some(b'\n' | b'\r'));
    let company = text[name.start..name.end]
        .split(|&b| b == b' ')
        .any(|w| is_one_of(w.strip_suffix(b".").unwrap_or(w), COMPANY_WORDS));
    if alone && !company && (2..=4).contains(&name.words) {
        let score = if name.known > 0 { 0.85 } else { 0.6 };
        push(out, name, score, "person.address_block");
    }
}

/// E-mail header display names at the start of a line: `From: John Smith <js@example.com>`.
pub(super) fn header(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    if !at_line_start(text, start) || !text[start].is_ascii_uppercase() {
        return;
    }
    let mut at = skip_blanks(text, end);
    let quoted = text.get(at) == Some(&b'"');
    at += usize::from(quoted);
    let Some(name) = parse_name(text, at, false) else {
        return;
    };
    let mut after = name.end + usize::from(quoted && text.get(name.end) == Some(&b'"'));
    after = skip_blanks(text, after);
    if text.get(after) == Some(&b'<') {
        push(out, name, 0.85, "person.header");
    } else if matches!(text.get(after), None | Some(b'\n' | b'\r'))
        && name.words >= 2
        && name.known > 0
    {
        push(out, name, 0.7, "person.header");
    }
}

/// Words that may stand on a sign-off line next to the trigger ("Kind regards", "Thanks again").
const SIGNOFF_WORDS: &[&str] = &[
    "kind",
    "warm",
    "warmest",
    "best",
    "many",
    "with",
    "mit",
    "freundlichen",
    "freundliche",
    "liebe",
    "viele",
    "herzliche",
    "herzlichen",
    "beste",
    "yours",
    "very",
    "truly",
    "all",
    "the",
    "my",
    "thanks",
    "thank",
    "you",
    "and",
    "regards",
    "wishes",
    "again",
    "so",
    "much",
    "a",
    "lot",
    "sincerely",
    "faithfully",
    "cheers",
    "gruss",
    "grüße",
    "grüßen",
    "gruß",
    "cordialement",
    "saludos",
    "saluti",
    "groeten",
    "met",
    "vriendelijke",
    "cordiali",
    "atentamente",
];

/// True when the line around `start..end` is a sign-off: only sign-off words, blanks and a
/// final comma or exclamation mark.
fn is_signoff_line(text: &[u8], start: usize, end: usize) -> bool {
    let line_start = text[..start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    if start - line_start > 40 {
        return false;
    }
    let mut i = line_start;
    let mut words = 0;
    while i < text.len() && words < 6 {
        i = skip_blanks(text, i);
        match text.get(i) {
            None | Some(b'\n' | b'\r') => return i >= end,
            Some(b',' | b'!' | b'.' | b'-') => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let e = letters_end(text, i);
        if e == i || !is_one_of(&text[i..e], SIGNOFF_WORDS) {
            return false;
        }
        words += 1;
        i = e;
    }
    false
}

/// Signature blocks: "Kind regards,\nJohn Smith" — a sign-off line, then a line holding only a
/// name.
pub(super) fn signoff(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    if !at_line_start(text, start) || !is_signoff_line(text, start, end) {
        return;
    }
    let Some(nl) = text[end..].iter().position(|&b| b == b'\n') else {
        return;
    };
    let mut at = skip_blanks(text, end + nl + 1);
    // One blank line may separate the sign-off from the name.
    if text.get(at) == Some(&b'\r') {
        at += 1;
    }
    if text.get(at) == Some(&b'\n') {
        at = skip_blanks(text, at + 1);
    }
    let Some(name) = parse_name(text, at, false) else {
        return;
    };
    if matches!(text.get(name.end), None | Some(b'\n' | b'\r' | b',')) {
        let score = if name.known > 0 { 0.85 } else { 0.75 };
        push(out, name, score, "person.signature");
    }
}

/// True when the character at `at` is an upper-case letter (any script).
#[inline]
fn is_upper_at(text: &[u8], at: usize) -> bool {
    match text.get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => char_at(text, at).is_some_and(|(c, _)| c.is_uppercase()),
        None => false,
    }
}

/// A word after the first name, as seen by the pair rule.
#[derive(Clone, Copy)]
struct Surname {
    start: usize,
    end: usize,
    known: bool,
}

/// Scores a "First \[Middle\] Last" run whose first word spans `start..end`, or `None`.
///
/// Tiers: first name and surname both in the census lists (0.6, or 0.55 when one of them is
/// also an everyday word); only one of them in the lists and the other a plain capitalised
/// word (0.5: "Declan Ahmed", "Lucie Carlier"). A middle name or initial adds 0.1; a
/// following capitalised word ("John Lewis Partnership") takes 0.3 off.
///
/// `first_key` is the first word packed for the lists (`None` when it is not plain ASCII).
fn pair_at(text: &[u8], start: usize, end: usize, first_key: Option<u128>) -> Option<Candidate> {
    let first = &text[start..end];
    let first_known = first_key.is_some_and(|k| FIRST.contains_key(k));
    let mut pos = end;
    let mut last: Option<Surname> = None;
    let mut middles = 0;
    let mut after_particle = false;
    for _ in 0..4 {
        if text.get(pos) != Some(&b' ') {
            break;
        }
        let s = pos + 1;
        if is_upper_at(text, s) {
            let e = letters_end(text, s);
            if e == s {
                break;
            }
            if e - s == 1 {
                // An initial: "John F. Kennedy".
                let next = if text.get(e) == Some(&b'.') { e + 1 } else { e };
                if text.get(next) != Some(&b' ') || last.is_some() {
                    break;
                }
                pos = next;
                middles += 1;
                continue;
            }
            let e = strip_possessive(text, s, e);
            let word = &text[s..e];
            // Packed once for the three lists.
            let word_key = key(word);
            let listed = |set: &WordSet| word_key.is_some_and(|k| set.contains_key(k));
            if word.len() > MAX_WORD || listed(&STOP) {
                break;
            }
            // After "van"/"de" any capitalised word is the surname ("Anna de Vries").
            let known = listed(&LAST) || is_known_surname(word);
            if known || after_particle {
                // "John Thomas Smith": an earlier surname was a middle name.
                middles += usize::from(last.is_some());
                last = Some(Surname {
                    start: s,
                    end: e,
                    known: true,
                });
            } else if listed(&FIRST) && last.is_none() {
                middles += 1;
            } else {
                if last.is_none() {
                    last = Some(Surname {
                        start: s,
                        end: e,
                        known: false,
                    });
                }
                break;
            }
            pos = e;
            if after_particle {
                break;
            }
        } else if text.get(s).is_some_and(u8::is_ascii_lowercase) {
            let e = letters_end(text, s);
            if !is_particle(&text[s..e]) || text.get(e) != Some(&b' ') {
                break;
            }
            after_particle = true;
            pos = e;
        } else {
            break;
        }
    }
    let last = last?;
    let surname = &text[last.start..last.end];
    let first_amb = first_key.is_some_and(|k| AMBIGUOUS.contains_key(k));
    let last_amb = AMBIGUOUS.contains(surname);
    let title_run_after = text.get(last.end) == Some(&b' ') && is_upper_at(text, last.end + 1);
    let title_run_before = !sentence_start(text, start) && capitalised_before(text, start);
    let weak_ok = !title_run_after && !title_run_before && middles == 0;
    let mut score = match (first_known, last.known) {
        (true, true) if first_amb && last_amb && middles == 0 => return None,
        (true, true) if first_amb || last_amb => 0.55,
        (true, true) => 0.6,
        (true, false) if weak_ok && !first_amb && plain_word(surname) => 0.5,
        (false, true)
            if weak_ok && !last_amb && !sentence_start(text, start) && plain_word(first) =>
        {
            0.5
        }
        _ => return None,
    };
    if middles > 0 {
        score += 0.1;
    }
    if title_run_after {
        score -= 0.3;
    }
    Some(Candidate::new(
        EntityKind::Person,
        start,
        last.end,
        score,
        "person.first_last",
    ))
}

/// A word that may be a name the lists do not know: three or more letters, capital first and
/// lower-case after (not an acronym such as "USB" or "iPhone"-style brand).
fn plain_word(word: &[u8]) -> bool {
    word.len() >= 3
        && word[1..]
            .iter()
            .all(|b| !b.is_ascii_uppercase() || word[0] == b'M')
}

/// True when the word before `at` (across one blank) is capitalised: a title-case run.
fn capitalised_before(text: &[u8], at: usize) -> bool {
    if at < 2 || text[at - 1] != b' ' {
        return false;
    }
    let mut s = at - 1;
    while s > 0 && text[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    s < at - 1 && text[s].is_ascii_uppercase()
}

/// True when the word at `at` opens a sentence or a line, where any word is capitalised.
fn sentence_start(text: &[u8], at: usize) -> bool {
    let i = super::text::skip_blanks_back(text, at);
    i == 0
        || matches!(
            text[i - 1],
            b'.' | b'!' | b'?' | b'\n' | b'\r' | b':' | b'"' | b'('
        )
}

/// "Smith-Jones", "O'Brien": a hyphenated part or the apostrophe-less form is a surname.
fn is_known_surname(word: &[u8]) -> bool {
    (word.contains(&b'-') || word.contains(&b'\'')) && is_known(word)
}

fn starts_with_ignore_case(text: &[u8], prefix: &[u8]) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Runs the context rule that a capitalised word `text[p..e]` (2 to 12 bytes) opens, if any:
/// "Dear", "Mr", "Name:", "Ship to:", "From:", "Regards". A `match` on the lower-cased word, so a
/// word that opens nothing costs a few comparisons.
///
/// `ascii` says the word is all ASCII letters: then up to eight of them are lower-cased at
/// once by setting bit 5 of every byte.
fn context_at(text: &[u8], p: usize, e: usize, ascii: bool, out: &mut Vec<Candidate>) {
    let mut buf = [0u8; 12];
    let n = e - p;
    match text.get(p..p + 8) {
        Some(head) if ascii && n <= 8 => {
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(head);
            let lowered = u64::from_le_bytes(bytes) | (u64::MAX / 255 * 0x20);
            // Bytes past the word are garbage; only `buf[..n]` is read.
            buf[..8].copy_from_slice(&lowered.to_le_bytes());
        }
        _ => {
            for (o, b) in buf.iter_mut().zip(&text[p..e]) {
                *o = b.to_ascii_lowercase();
            }
        }
    }
    let next = text.get(e).copied();
    let rest = &text[e..];
    match &buf[..n] {
        b"dear" | b"hi" | b"hello" => greeting(text, p, e, out),
        b"mr" | b"mrs" | b"ms" | b"miss" | b"dr" | b"herr" | b"frau" | b"monsieur" | b"madame"
        | b"mme" | b"sr" | b"sra" => honorific(text, p, e, out),
        b"from" | b"to" | b"cc" if next == Some(b':') => header(text, p, e + 1, out),
        b"ship" | b"bill" | b"sold" | b"deliver" if starts_with_ignore_case(rest, b" to:") => {
            label(text, p, e + 4, out)
        }
        b"attn" if matches!(next, Some(b':' | b'.')) => label(text, p, e + 1, out),
        b"shipping" | b"billing" | b"delivery" | b"mailing" | b"postal" | b"invoice"
            if starts_with_ignore_case(rest, b" address:") =>
        {
            address_block(text, p, e + 9, out)
        }
        b"good"
            if [
                &b" morning"[..],
                b" afternoon",
                b" evening",
                b" news",
                b" day",
            ]
            .iter()
            .any(|w| starts_with_ignore_case(rest, w)) =>
        {
            let words_end = letters_end(text, e + 1);
            let comma = usize::from(text.get(words_end) == Some(&b','));
            greeting(text, p, words_end + comma, out)
        }
        b"name" | b"customer" | b"recipient" | b"contact" | b"attention" | b"employee"
        | b"cardholder" | b"addressee" | b"passenger" | b"patient" | b"kunde" | b"destinataire"
        | b"empf\xc3\xa4nger" | b"client" | b"guest" | b"buyer" | b"sender"
            if next == Some(b':') =>
        {
            label(text, p, e + 1, out)
        }
        b"full" | b"customer" | b"first" | b"last" | b"given" | b"family" | b"contact"
        | b"billing" | b"shipping" | b"recipient" | b"employee" | b"your" | b"cardholder"
        | b"account" | b"sender" | b"patient" | b"client" | b"guest" | b"buyer" | b"legal"
            if starts_with_ignore_case(rest, b" name:") =>
        {
            label(text, p, e + 6, out)
        }
        b"regards" | b"best" | b"thanks" | b"cheers" | b"sincerely" | b"kind" | b"warm"
        | b"warmest" | b"many" | b"yours" | b"with" | b"mit" | b"viele" | b"liebe" | b"beste"
        | b"herzliche" | b"cordialement" | b"saludos" | b"saluti" | b"groeten" | b"met"
        | b"cordiali" | b"atentamente" => signoff(text, p, e, out),
        _ => {}
    }
}

/// The text pass over capitalised words: context rules opened by a capitalised word, and
/// "First Last" pairs where at least one word is a census name.
///
/// Cheap rejection first: an ASCII capital after a blank; for pairs, a lower-case word, one
/// space, then a capital (or a particle such as "de"); only then the dictionary lookups.
pub(super) fn capitalised(text: &[u8], out: &mut Vec<Candidate>) {
    let mut starts = Starts::new(text);
    let mut i = 0;
    while let Some(p) = starts.next_from(i) {
        i = p + 1;
        if p > 0 && !is_boundary(text[p - 1]) {
            continue;
        }
        // Latin capitals outside ASCII ("Étienne", "Łukasz") start with C3..C5.
        if text[p] >= 0x80 && !(matches!(text[p], 0xc3..=0xc5) && is_upper_at(text, p)) {
            continue;
        }
        let (mut e, upper) = ascii_letters_end(text, p + 1);
        let lower = !upper;
        let ascii = text[p] < 0x80 && !text.get(e).is_some_and(|&b| b >= 0x80);
        if !ascii && text.get(e).is_some_and(|&b| b >= 0x80) {
            e = letters_end(text, p);
        }
        i = e;
        if (2..=12).contains(&(e - p)) {
            context_at(text, p, e, ascii, out);
        }
        if !lower || e - p < 2 || text.get(e) != Some(&b' ') {
            continue;
        }
        if !is_upper_at(text, e + 1) {
            // "Anna de Vries": a particle may stand between first name and surname.
            let w = e + 1;
            if !text.get(w).is_some_and(|b| {
                matches!(
                    b,
                    b'a' | b'b' | b'd' | b'i' | b'l' | b'n' | b't' | b'v' | b'z'
                )
            }) {
                continue;
            }
            // Particles have at most five letters: scan no further than six.
            let we = alnum_end(&text[..text.len().min(w + 6)], w);
            let particle = we - w <= 5 && is_particle(&text[w..we]);
            if !(particle && text.get(we) == Some(&b' ') && is_upper_at(text, we + 1)) {
                continue;
            }
        }
        let first = &text[p..e];
        let first_key = key(first);
        if e - p > MAX_WORD || first_key.is_some_and(|k| STOP.contains_key(k)) {
            continue;
        }
        if let Some(c) = pair_at(text, p, e, first_key) {
            i = c.end;
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(f: impl Fn(&[u8], &mut Vec<Candidate>), text: &str) -> Vec<String> {
        let mut out = Vec::new();
        f(text.as_bytes(), &mut out);
        let mut found: Vec<String> = out
            .iter()
            .map(|c| text[c.start..c.end].to_string())
            .collect();
        found.dedup();
        found
    }

    #[test]
    fn pairs_need_census_names() {
        let f = |t: &[u8], o: &mut Vec<Candidate>| capitalised(t, o);
        assert_eq!(names(f, "I met John Smith today."), ["John Smith"]);
        assert_eq!(
            names(f, "with Mary Ann Smith-Jones."),
            ["Mary Ann Smith-Jones"]
        );
        assert_eq!(names(f, "by John F. Kennedy and"), ["John F. Kennedy"]);
        assert_eq!(names(f, "call Anna de Vries now"), ["Anna de Vries"]);
        assert!(names(f, "Thank You For Your Order").is_empty());
        assert!(names(f, "Rose Gold case, Sterling Silver ring").is_empty());
        assert!(names(f, "Customer Service Team in New York").is_empty());
        assert_eq!(names(f, "signed for by Sharon Green at"), ["Sharon Green"]);
        assert_eq!(
            names(f, "sent to Étienne Garcia last week"),
            ["Étienne Garcia"]
        );
        assert_eq!(names(f, "asked Lucie Carlier twice"), ["Lucie Carlier"]);
        assert!(names(f, "the Taurus Elements Shell in M").is_empty());
    }

    #[test]
    fn context_rules() {
        let f = |t: &[u8], o: &mut Vec<Candidate>| capitalised(t, o);
        assert_eq!(
            names(f, "Dear Siobhan Ní Bhraonáin,\nthanks"),
            ["Siobhan Ní Bhraonáin"]
        );
        assert!(names(f, "Dear Valued Customer,").is_empty());
        assert_eq!(names(f, "ask Mrs. J. Brown's team"), ["J. Brown"]);
        assert_eq!(names(f, "MR OKONJO\n"), ["OKONJO"]);
        assert!(names(f, "Full name: anna müller\n").is_empty());
        assert_eq!(names(f, "Full name: Anna Müller\n"), ["Anna Müller"]);
        assert_eq!(names(f, "Empfänger: Jörg Weiß\n"), ["Jörg Weiß"]);
        assert!(names(f, "Product Name: Hero Hoodie\n").is_empty());
        assert_eq!(names(f, "Kind regards,\nJohn Smith\nSales"), ["John Smith"]);
        assert!(names(f, "Best Sellers\nJuno Jacket").is_empty());
        assert_eq!(names(f, "From: Jane Doe <jd@x.io>"), ["Jane Doe"]);
        assert_eq!(
            names(f, "Ship to: Priya Raghunathan, 5 High St"),
            ["Priya Raghunathan"]
        );
    }
}
