//! ISO 8601 dates and timestamps (`2025-03-15`, `2025-03-15 10:22:31`,
//! `2025-03-15T10:22:31.123+01:00`), recognised so the digit-word pass can step over them.
//!
//! Every log line and most order e-mails hold one, and a timestamp is six digit words that each
//! would be offered to every digit-word rule (phone groups, digit runs, MAC pairs, house numbers)
//! only to be rejected by each. No digit-word rule can find an entity inside one (a date of
//! birth is read after its label by a literal rule), so the pass skips the whole timestamp.

/// End of the ISO date or timestamp that starts at `start`, if one does and it stands alone (not
/// glued to letters or digits, not one group of a longer digit run such as `2025-03-15-7`).
pub(crate) fn iso_end(text: &[u8], start: usize) -> Option<usize> {
    if start > 0 && is_glue(text[start - 1]) {
        return None;
    }
    let date = text.get(start..start + 10)?;
    let valid_date = matches!(&date[..2], b"19" | b"20")
        && date[4] == b'-'
        && date[7] == b'-'
        && number(&date[2..4]).is_some()
        && number(&date[5..7]).is_some_and(|m| (1..=12).contains(&m))
        && number(&date[8..10]).is_some_and(|d| (1..=31).contains(&d));
    if !valid_date {
        return None;
    }
    let end = time_end(text, start + 10).unwrap_or(start + 10);
    stands_alone(text, end).then_some(end)
}

/// End of `Thh:mm[:ss[.fraction]][Z|±hh:mm|±hhmm]` (or with a space for `T`) at `at`.
fn time_end(text: &[u8], at: usize) -> Option<usize> {
    if !matches!(text.get(at), Some(b'T' | b' ')) {
        return None;
    }
    let hh_mm = text.get(at + 1..at + 6)?;
    if hh_mm[2] != b':'
        || !number(&hh_mm[..2]).is_some_and(|h| h <= 23)
        || !number(&hh_mm[3..]).is_some_and(|m| m <= 59)
    {
        return None;
    }
    let mut end = at + 6;
    if text.get(end) == Some(&b':') && two_digits(text, end + 1).is_some_and(|s| s <= 60) {
        end += 3;
        if matches!(text.get(end), Some(b'.' | b',')) {
            let digits = digits_at(text, end + 1);
            if (1..=9).contains(&digits) {
                end += 1 + digits;
            }
        }
    }
    match text.get(end) {
        Some(b'Z') => end += 1,
        Some(b'+' | b'-') if two_digits(text, end + 1).is_some_and(|h| h <= 14) => {
            let colon = usize::from(text.get(end + 3) == Some(&b':'));
            if two_digits(text, end + 3 + colon).is_some_and(|m| m <= 59) {
                end += 5 + colon;
            }
        }
        _ => {}
    }
    Some(end)
}

/// True when nothing at `end` glues more letters or digit groups to the timestamp.
fn stands_alone(text: &[u8], end: usize) -> bool {
    match text.get(end) {
        None => true,
        Some(&b) if b.is_ascii_alphanumeric() || b == b'_' => false,
        Some(b'-' | b'.' | b'/' | b':' | b'+') => {
            !text.get(end + 1).is_some_and(u8::is_ascii_digit)
        }
        Some(_) => true,
    }
}

/// Bytes that make a digit before the timestamp part of the same token or run.
fn is_glue(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'+' | b'-' | b'.' | b'/' | b':')
}

fn number(two: &[u8]) -> Option<u32> {
    match two {
        [a, b] if a.is_ascii_digit() && b.is_ascii_digit() => {
            Some(u32::from(a - b'0') * 10 + u32::from(b - b'0'))
        }
        _ => None,
    }
}

fn two_digits(text: &[u8], at: usize) -> Option<u32> {
    number(text.get(at..at + 2)?)
}

fn digits_at(text: &[u8], at: usize) -> usize {
    text.get(at..).map_or(0, |rest| {
        rest.iter().take_while(|b| b.is_ascii_digit()).count()
    })
}

#[cfg(test)]
mod tests {
    use super::iso_end;

    fn end(text: &str) -> Option<usize> {
        let start = text.find(|c: char| c.is_ascii_digit()).unwrap();
        iso_end(text.as_bytes(), start).map(|e| e - start)
    }

    #[test]
    fn dates_and_timestamps_are_recognised_whole() {
        assert_eq!(end("on 2025-03-15."), Some(10));
        assert_eq!(end("[2025-03-15 10:22:31] main"), Some(19));
        assert_eq!(end("at 2026-09-13T11:06:42.675019+00:00 x"), Some(32));
        assert_eq!(end("at 2022-06-23T11:21:01Z]"), Some(20));
        assert_eq!(end("at 2022-06-23T11:21+0100 x"), Some(21));
        assert_eq!(end("2025-03-15 at noon"), Some(10), "a date, then words");
        assert_eq!(
            end("2025-03-15 10 items"),
            Some(10),
            "no time after the date"
        );
    }

    #[test]
    fn runs_and_glued_tokens_are_not_timestamps() {
        for text in [
            "2025-03-15-7788",
            "x2025-03-15",
            "+2025-03-15",
            "1-2025-03-15",
            "2025-03-15x",
            "2025-13-15",
            "2025-03-32",
            "1899-03-15",
            "2025-03-1",
            "2025-03-15 10:22:31.7-8",
            "2025-03-15 10:22:31/4",
        ] {
            let start = text.find(|c: char| c.is_ascii_digit()).unwrap();
            assert_eq!(iso_end(text.as_bytes(), start), None, "{text}");
        }
    }
}
