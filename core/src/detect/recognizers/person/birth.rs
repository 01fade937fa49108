//! DATE_OF_BIRTH: a date that follows a birth-date label ("date of birth", "DOB", "born",
//! "Geburtsdatum", "né le", "fecha de nacimiento", "data di nascita"). Without the label a date
//! is an order date or a timestamp, so dates are only looked for right after the label.

use super::text::{is_one_of, number_at, word_starts_at};
use crate::catalogue::EntityKind;
use crate::detect::Candidate;

/// How far after the label the date may start.
const WINDOW: usize = 40;

/// Month names (lower case) in English, German, French, Spanish, Italian and Dutch, with the
/// month number. Abbreviations are English/German three-letter forms.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("enero", 1),
    ("gennaio", 1),
    ("januari", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("maart", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("mei", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("luglio", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("dez", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dicembre", 12),
];

/// The month named by the letters at `at` (an optional "." after an abbreviation is included):
/// `(month, end)`.
fn month_at(text: &[u8], at: usize) -> Option<(u32, usize)> {
    let end = super::text::letters_end(text, at);
    if end == at || end - at > 12 {
        return None;
    }
    let word = &text[at..end];
    // Fold the Latin-1 capitals of "März"/"Février" (C3 80..C3 9E) with the ASCII ones.
    let mut folded = [0u8; 12];
    for (i, &b) in word.iter().enumerate() {
        folded[i] = if i > 0 && word[i - 1] == 0xc3 && (0x80..=0x9e).contains(&b) {
            b + 0x20
        } else {
            b.to_ascii_lowercase()
        };
    }
    let folded = &folded[..word.len()];
    let month = MONTHS.iter().find(|(name, _)| name.as_bytes() == folded)?.1;
    let end = if text.get(end) == Some(&b'.') {
        end + 1
    } else {
        end
    };
    Some((month, end))
}

fn days_in(month: u32, year: Option<u32>) -> u32 {
    match month {
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn valid(day: u32, month: u32, year: Option<u32>) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in(month, year)
}

/// A four-digit year 1900..=2099 or a two-digit one; `(Some(year) if four digits, end)`.
fn year_at(text: &[u8], at: usize) -> Option<(Option<u32>, usize)> {
    let (y, end) = number_at(text, at, 4)?;
    match end - at {
        4 if (1900..=2099).contains(&y) => Some((Some(y), end)),
        2 => Some((None, end)),
        _ => None,
    }
}

/// True when nothing glues more digits or letters to the end of a date.
fn ends_date(text: &[u8], end: usize) -> bool {
    match text.get(end) {
        None => true,
        Some(b) if b.is_ascii_alphanumeric() => false,
        Some(b'/' | b'-' | b'.') => !text.get(end + 1).is_some_and(u8::is_ascii_digit),
        _ => true,
    }
}

/// Numeric dates: d/m/y, m/d/y, d.m.y, d-m-y (2- or 4-digit year) and y-m-d.
fn numeric_date(text: &[u8], at: usize) -> Option<usize> {
    let (a, a_end) = number_at(text, at, 4)?;
    let sep = *text.get(a_end)?;
    if !matches!(sep, b'/' | b'-' | b'.') {
        return None;
    }
    let (b, b_end) = number_at(text, a_end + 1, 2)?;
    if text.get(b_end) != Some(&sep) {
        return None;
    }
    let ok = if a_end - at == 4 {
        let (c, c_end) = number_at(text, b_end + 1, 2)?;
        let ok = (1900..=2099).contains(&a) && valid(c, b, Some(a));
        return (ok && ends_date(text, c_end)).then_some(c_end);
    } else {
        a_end - at <= 2
    };
    let (year, end) = year_at(text, b_end + 1)?;
    let ok = ok && (valid(a, b, year) || valid(b, a, year));
    (ok && ends_date(text, end)).then_some(end)
}

/// "3 March 1985", "3rd March, 1985", "3. März 1985", "3 de marzo de 1985".
fn day_month_year(text: &[u8], at: usize) -> Option<usize> {
    let (day, mut i) = number_at(text, at, 2)?;
    if let Some(suffix) = text.get(i..i + 2) {
        if is_one_of(suffix, &["st", "nd", "rd", "th"]) {
            i += 2;
        }
    }
    if text.get(i) == Some(&b'.') {
        i += 1;
    }
    i = skip_word(text, skip_space(text, i)?, "de");
    let (month, end) = month_at(text, i)?;
    i = skip_word(
        text,
        skip_space(text, end).or_else(|| comma_space(text, end))?,
        "de",
    );
    let i = if text.get(i) == Some(&b',') {
        skip_space(text, i + 1)?
    } else {
        i
    };
    let (year, end) = year_at(text, i)?;
    (year.is_some() && valid(day, month, year) && ends_date(text, end)).then_some(end)
}

/// "March 3, 1985", "Mar. 3rd 1985".
fn month_day_year(text: &[u8], at: usize) -> Option<usize> {
    let (month, end) = month_at(text, at)?;
    let (day, mut i) = number_at(text, skip_space(text, end)?, 2)?;
    if let Some(suffix) = text.get(i..i + 2) {
        if is_one_of(suffix, &["st", "nd", "rd", "th"]) {
            i += 2;
        }
    }
    if text.get(i) == Some(&b',') {
        i += 1;
    }
    let (year, end) = year_at(text, skip_space(text, i)?)?;
    (year.is_some() && valid(day, month, year) && ends_date(text, end)).then_some(end)
}

/// One or more spaces at `at` (required); returns the position after them.
fn skip_space(text: &[u8], at: usize) -> Option<usize> {
    let end = super::text::skip_blanks(text, at);
    (end > at).then_some(end)
}

fn comma_space(text: &[u8], at: usize) -> Option<usize> {
    (text.get(at) == Some(&b',')).then(|| super::text::skip_blanks(text, at + 1))
}

/// Skips the word `word` and the blanks after it, if it stands at `at`.
fn skip_word(text: &[u8], at: usize, word: &str) -> usize {
    let end = at + word.len();
    match text.get(at..end) {
        Some(w) if w.eq_ignore_ascii_case(word.as_bytes()) && text.get(end) == Some(&b' ') => {
            super::text::skip_blanks(text, end)
        }
        _ => at,
    }
}

/// A date of any supported form starting at `at`: its end.
pub(super) fn date_at(text: &[u8], at: usize) -> Option<usize> {
    let b = *text.get(at)?;
    if b.is_ascii_digit() {
        numeric_date(text, at).or_else(|| day_month_year(text, at))
    } else {
        month_day_year(text, at)
    }
}

/// Words that may stand between a birth-date label and the date ("born on", "geboren am",
/// "date of birth (dd/mm/yyyy)").
const BETWEEN: &[&str] = &[
    "on", "am", "le", "el", "il", "is", "was", "the", "of", "de", "du", "del", "di", "at", "in",
    "den", "dem", "date", "dd", "mm", "yyyy", "yy", "jj", "aaaa", "tt", "jjjj", "d", "m", "y", "a",
    "e", "t", "j", "gg", "aa", "mes", "día",
];

/// Literal rule at a birth-date label: the first date within [`WINDOW`] bytes after it, with
/// only short label words, at most two capitalised words ("born in Leeds on") and separators
/// between.
pub(super) fn after_label(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    if !word_starts_at(text, start) {
        return;
    }
    let limit = (end + WINDOW).min(text.len());
    let (mut newlines, mut names) = (0, 0);
    // "birth" also opens "birthday" and "birthdate"; no other word may be glued to a label.
    let glued = super::text::letters_end(text, end);
    if glued > end && !is_one_of(&text[end..glued], &["day", "date"]) {
        return;
    }
    let mut i = glued;
    while i < limit {
        let b = text[i];
        if b.is_ascii_alphanumeric() || b >= 0x80 {
            if let Some(date_end) = date_at(text, i) {
                out.push(Candidate::new(
                    EntityKind::DateOfBirth,
                    i,
                    date_end,
                    0.85,
                    "date_of_birth.label",
                ));
                return;
            }
            let e = super::text::letters_end(text, i);
            if e == i {
                return;
            }
            let word = &text[i..e];
            let capitalised = super::text::char_at(word, 0).is_some_and(|(c, _)| c.is_uppercase());
            if !is_one_of(word, BETWEEN) {
                if !capitalised || names == 2 {
                    return;
                }
                names += 1;
            }
            i = e;
            continue;
        }
        match b {
            b'\n' => {
                newlines += 1;
                if newlines > 1 {
                    return;
                }
            }
            b' ' | b'\t' | b'\r' | b':' | b'-' | b'(' | b')' | b'/' | b'=' | b'.' => {}
            _ => return,
        }
        i += 1;
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<&str> {
        date_at(s.as_bytes(), 0).map(|e| &s[..e])
    }

    #[test]
    fn date_forms() {
        assert_eq!(date("03/03/1985 x"), Some("03/03/1985"));
        assert_eq!(date("12/31/85"), Some("12/31/85"));
        assert_eq!(date("1985-03-03"), Some("1985-03-03"));
        assert_eq!(date("03.03.1985."), Some("03.03.1985"));
        assert_eq!(date("3 March 1985"), Some("3 March 1985"));
        assert_eq!(date("3rd Mar. 1985"), Some("3rd Mar. 1985"));
        assert_eq!(date("3. März 1985"), Some("3. März 1985"));
        assert_eq!(date("3 de marzo de 1985"), Some("3 de marzo de 1985"));
        assert_eq!(date("March 3, 1985"), Some("March 3, 1985"));
        assert_eq!(date("31/02/1985"), None);
        assert_eq!(date("13/13/1985"), None);
        assert_eq!(date("1985-03-03-1"), None);
        assert_eq!(date("12.5.2024.7"), None);
    }
}
