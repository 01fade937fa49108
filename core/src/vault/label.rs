//! The placeholder grammar, shared by redaction (which must not hand out a label the text already
//! holds) and restoration (which must find labels a model re-cased or re-bracketed).
//!
//! A label is `KIND_SUFFIX`: a catalogue id, `_`, and an ASCII alphanumeric suffix (a number for
//! placeholders, hex for tokens). Restoration accepts, for a label of the vault:
//!
//! - any ASCII case: `[email_1]`, `[Email_1]`;
//! - a bracket pair `[]`, `()`, `{}` or `<>`, with up to two spaces inside (`[ EMAIL_1 ]`), and
//!   one more pair of the same kind directly around it (`[[EMAIL_1]]`, `{{EMAIL_1}}`);
//! - inside a bracket pair, `-` or a space for any `_` (`[EMAIL-1]`, `[credit card 1]`);
//! - a bare label (`EMAIL_1`), but only with `_` separators, since `email 1` is ordinary prose.
//!
//! The label itself is always a whole token: no ASCII letter, digit or `_` directly before or
//! after it, so neither `XEMAIL_1` nor `EMAIL_10` restores `EMAIL_1`.

use crate::catalogue::{EntityKind, ALL};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Input, MatchKind};
use std::sync::LazyLock;

/// Longest label: the longest id (22 bytes), `_`, and a full 64-hex-digit MAC, rounded up.
pub(crate) const MAX_LABEL: usize = 96;

/// Spaces allowed between a bracket and the label.
const MAX_INNER_SPACES: usize = 2;

/// Every id in every separator spelling (`CREDIT_CARD`, `CREDIT-CARD`, `CREDIT CARD`, ...), found
/// ignoring ASCII case by one automaton: a label can only start where one of these does.
static TRIGGERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    for kind in ALL {
        spellings(kind.id().as_bytes(), &mut patterns);
    }
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .build(&patterns)
        .expect("a few hundred short literals always compile")
});

/// Pushes `id` with each `_` replaced by each of `_`, `-` and a space.
fn spellings(id: &[u8], out: &mut Vec<Vec<u8>>) {
    let first = out.len();
    out.push(Vec::with_capacity(id.len()));
    for &b in id {
        let end = out.len();
        if b == b'_' {
            for i in first..end {
                for sep in [b'-', b' '] {
                    let mut other = out[i].clone();
                    other.push(sep);
                    out.push(other);
                }
                out[i].push(b'_');
            }
        } else {
            for spelling in &mut out[first..end] {
                spelling.push(b);
            }
        }
    }
}

/// True for bytes that continue a word: a label may not touch one.
#[inline]
pub(crate) fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// True for bytes that restoration reads as `_` inside a label.
#[inline]
fn is_separator(b: u8) -> bool {
    matches!(b, b'_' | b'-' | b' ')
}

/// The closing bracket of an opening one.
#[inline]
fn mate(open: u8) -> Option<u8> {
    match open {
        b'[' => Some(b']'),
        b'(' => Some(b')'),
        b'{' => Some(b'}'),
        b'<' => Some(b'>'),
        _ => None,
    }
}

/// The next position at or after `from` where a label could start: an id spelling not preceded
/// by a word byte. Bytes of `text` before `from` are read as context only.
pub(crate) fn next_start(text: &[u8], mut from: usize) -> Option<usize> {
    while from < text.len() {
        let found = TRIGGERS.find(Input::new(text).span(from..text.len()))?;
        let start = found.start();
        if start == 0 || !is_word(text[start - 1]) {
            return Some(start);
        }
        from = start + 1;
    }
    None
}

/// `label` normalised the way restoration compares labels: ASCII upper case.
pub(crate) fn normalize(label: &[u8]) -> Box<[u8]> {
    label.to_ascii_uppercase().into_boxed_slice()
}

/// Calls `reserve` with every label restoration could read at `start` (a [`next_start`]),
/// whatever a vault holds: each whole-token `KIND_SUFFIX` reading of the run there, normalised.
pub(crate) fn readings_at(text: &[u8], start: usize, mut reserve: impl FnMut(&[u8])) {
    let mut norm = [0u8; MAX_LABEL];
    let mut len = 0;
    let mut i = start;
    while i < text.len() && len < MAX_LABEL {
        let b = text[i];
        if b.is_ascii_alphanumeric() {
            norm[len] = b.to_ascii_uppercase();
        } else if is_separator(b) && len > 0 && norm[len - 1] != b'_' {
            norm[len] = b'_';
        } else {
            break;
        }
        len += 1;
        i += 1;
        let ends_token = i == text.len() || !is_word(text[i]);
        if norm[len - 1] != b'_' && ends_token && is_label_shape(&norm[..len]) {
            reserve(&norm[..len]);
        }
    }
}

/// True when `norm` is a catalogue id, `_`, and a non-empty alphanumeric suffix.
fn is_label_shape(norm: &[u8]) -> bool {
    let Some(sep) = norm.iter().rposition(|&b| b == b'_') else {
        return false;
    };
    let suffix = &norm[sep + 1..];
    !suffix.is_empty()
        && std::str::from_utf8(&norm[..sep])
            .ok()
            .and_then(EntityKind::from_id)
            .is_some()
}

/// Answer of [`Labels::read`] about one position.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Read {
    /// `text[start..end]` restores to the original of entry `entry`.
    Match {
        start: usize,
        end: usize,
        entry: usize,
    },
    /// No label of the vault starts here.
    No,
    /// The answer depends on bytes not yet seen (streaming only).
    NeedMore,
}

/// The labels of one vault, normalised and sorted, so a run of text is matched against all of
/// them in one left-to-right walk that stops as soon as no label shares its prefix.
#[derive(Default)]
pub(crate) struct Labels {
    sorted: Vec<(Box<[u8]>, usize)>,
    longest: usize,
}

impl Labels {
    /// Sorts normalised labels (with their entry index).
    pub(crate) fn new(mut labels: Vec<(Box<[u8]>, usize)>) -> Labels {
        labels.sort_unstable();
        let longest = labels.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
        Labels {
            sorted: labels,
            longest,
        }
    }

    /// Length of the longest label.
    pub(crate) fn longest(&self) -> usize {
        self.longest
    }

    /// Reads the label at `start` (a [`next_start`]). `pos` is the first byte a match may take
    /// (earlier bytes are already written out); `at_end` says whether `text` is complete.
    pub(crate) fn read(&self, text: &[u8], pos: usize, start: usize, at_end: bool) -> Read {
        // Walk the run, narrowing `lo..hi` to the labels it is a prefix of. `ends[j]` records a
        // complete label of length j + 1 (its entry index) and whether its separators were all `_`.
        let (mut lo, mut hi) = (0, self.sorted.len());
        let mut ends: [(usize, usize, bool); 8] = [(0, 0, false); 8];
        let mut n_ends = 0;
        let mut strict = true;
        let mut len = 0;
        let mut prev_sep = true;
        loop {
            let i = start + len;
            let Some(&raw) = text.get(i) else {
                if at_end || lo == hi {
                    break;
                }
                return Read::NeedMore;
            };
            let b = if raw.is_ascii_alphanumeric() {
                prev_sep = false;
                raw.to_ascii_uppercase()
            } else if is_separator(raw) && !prev_sep {
                prev_sep = true;
                strict &= raw == b'_';
                b'_'
            } else {
                break;
            };
            let range = &self.sorted[lo..hi];
            let first = range.partition_point(|(l, _)| l.get(len).map_or(true, |&c| c < b));
            let past = range.partition_point(|(l, _)| l.get(len).map_or(true, |&c| c <= b));
            (lo, hi) = (lo + first, lo + past);
            if lo == hi {
                break;
            }
            len += 1;
            let (label, entry) = &self.sorted[lo];
            if label.len() == len {
                // Sorted order puts an exact label first among those it prefixes.
                if n_ends == ends.len() {
                    ends.copy_within(1.., 0);
                    n_ends -= 1;
                }
                ends[n_ends] = (len, *entry, strict);
                n_ends += 1;
                if hi - lo == 1 {
                    // No longer label can follow; the byte after decides.
                    break;
                }
            }
        }
        for &(len, entry, strict) in ends[..n_ends].iter().rev() {
            let end = start + len;
            match text.get(end) {
                Some(&b) if is_word(b) => continue,
                None if !at_end => return Read::NeedMore,
                _ => {}
            }
            match brackets(text, pos, start, end, at_end) {
                Err(NeedMore) => return Read::NeedMore,
                Ok(Some((start, end))) => return Read::Match { start, end, entry },
                Ok(None) if strict => return Read::Match { start, end, entry },
                Ok(None) => {}
            }
        }
        Read::No
    }

    /// True when `run` (normalised) is a proper prefix of some label: a stream must wait.
    pub(crate) fn is_prefix(&self, run: &[u8]) -> bool {
        let i = self.sorted.partition_point(|(l, _)| &l[..] < run);
        self.sorted
            .get(i)
            .is_some_and(|(l, _)| l.len() > run.len() && l.starts_with(run))
    }
}

/// The opening bracket a label starting at `start` may pair with: directly before it or before
/// up to two spaces, never before `pos`.
fn opening(text: &[u8], pos: usize, start: usize) -> Option<usize> {
    let mut left = start;
    while start - left < MAX_INNER_SPACES && left > pos && text[left - 1] == b' ' {
        left -= 1;
    }
    let open = left.checked_sub(1).filter(|&o| o >= pos)?;
    mate(text[open]).map(|_| open)
}

/// The first byte a match whose label starts at `start` could take: its inner spaces and up to
/// two opening brackets. A stream must hold these back until the label is decided.
pub(crate) fn reach(text: &[u8], pos: usize, start: usize) -> usize {
    match opening(text, pos, start) {
        Some(open) if open > pos && text[open - 1] == text[open] => open - 1,
        Some(open) => open,
        None => start,
    }
}

/// More input is needed to decide.
struct NeedMore;

/// The bracket pairs around the label `text[start..end]`: the span to replace, or `None` for
/// a bare label. Never reaches left of `pos`.
fn brackets(
    text: &[u8],
    pos: usize,
    start: usize,
    end: usize,
    at_end: bool,
) -> Result<Option<(usize, usize)>, NeedMore> {
    let byte = |i: usize| match text.get(i) {
        Some(&b) => Ok(Some(b)),
        None if at_end => Ok(None),
        None => Err(NeedMore),
    };
    let Some(open_at) = opening(text, pos, start) else {
        return Ok(None);
    };
    let open = text[open_at];
    let Some(close) = mate(open) else {
        return Ok(None);
    };
    let mut right = end;
    while right - end < MAX_INNER_SPACES && byte(right)? == Some(b' ') {
        right += 1;
    }
    if byte(right)? != Some(close) {
        return Ok(None);
    }
    let (mut left, mut right) = (open_at, right + 1);
    if left > pos && text[left - 1] == open && byte(right)? == Some(close) {
        left -= 1;
        right += 1;
    }
    Ok(Some((left, right)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_cover_every_separator() {
        let mut out = Vec::new();
        spellings(b"A_B_C", &mut out);
        assert_eq!(out.len(), 9);
        assert!(out.contains(&b"A-B C".to_vec()));
        assert!(out.contains(&b"A_B_C".to_vec()));
    }

    #[test]
    fn starts_need_a_word_boundary() {
        assert_eq!(next_start(b"xEMAIL_1 [email_2]", 0), Some(10));
        assert_eq!(next_start(b"a credit card 1", 0), Some(2));
        assert_eq!(next_start(b"nothing here", 0), None);
    }

    #[test]
    fn readings_are_label_shaped() {
        let mut seen = Vec::new();
        let text = b"email-1 x";
        readings_at(text, 0, |l| seen.push(l.to_vec()));
        assert_eq!(seen, [b"EMAIL_1".to_vec()]);
        seen.clear();
        readings_at(b"credit card 12 and", 0, |l| seen.push(l.to_vec()));
        assert_eq!(seen, [b"CREDIT_CARD_12".to_vec()]);
        seen.clear();
        readings_at(b"email_1_", 0, |l| seen.push(l.to_vec()));
        assert!(seen.is_empty());
    }
}
