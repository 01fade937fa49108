//! The placeholder grammar, shared by redaction (which must not hand out a label the text already
//! holds) and restoration (which must find labels a model re-cased or re-bracketed).
//!
//! The spellings accepted are listed in the [vault module documentation](super).
//!
//! Text is read through [`fold`]: ASCII upper case, and `-` or a space as `_`. A label can only
//! start at a word start, so a text is scanned for word starts whose first byte begins some
//! label, and only there walked through a [`Trie`] of the labels, which rejects most words at
//! their second byte.

use super::heads::PairSearch;
use super::trie::{NodeId, Trie, FIRST, ROOT, WORD};
use crate::catalogue::EntityKind;
use std::sync::OnceLock;

/// Longest label: the longest id (22 bytes), `_`, and a full 64-hex-digit MAC, rounded up.
pub(crate) const MAX_LABEL: usize = 96;

/// Spaces allowed between a bracket and the label.
const MAX_INNER_SPACES: usize = 2;

/// True for bytes that continue a word: a label may not touch one.
#[inline]
pub(crate) fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// True for bytes that restoration reads as `_` inside a label.
#[inline]
pub(crate) fn is_separator(b: u8) -> bool {
    matches!(b, b'_' | b'-' | b' ')
}

/// One byte of a run as labels are compared: ASCII upper case, any separator as `_`. `None` ends
/// the run: a byte that cannot be in a label, or a second separator in a row.
#[inline]
fn fold(raw: u8, prev_separator: &mut bool) -> Option<u8> {
    if raw.is_ascii_alphanumeric() {
        *prev_separator = false;
        Some(raw.to_ascii_uppercase())
    } else if is_separator(raw) && !*prev_separator {
        *prev_separator = true;
        Some(b'_')
    } else {
        None
    }
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

/// The first word start at or after `from` whose byte some key of `trie` begins with. Bytes
/// before `from` are read as context only.
#[inline]
fn next_word_start(trie: &Trie, text: &[u8], from: usize) -> Option<usize> {
    let is_word = |b: &u8| trie.class(*b) & WORD != 0;
    let mut i = from;
    if i > 0 && is_word(text.get(i - 1)?) {
        i += text[i..].iter().position(|b| !is_word(b))?;
    }
    // Two tight loops instead of one with a branch per byte: skip non-word bytes, test the
    // word's first byte, skip the word.
    loop {
        i += text[i..].iter().position(is_word)?;
        if trie.class(text[i]) & FIRST != 0 {
            return Some(i);
        }
        i += text[i..].iter().position(|b| !is_word(b))?;
    }
}

/// `label` normalised the way restoration compares labels: ASCII upper case.
pub(crate) fn normalize(label: &[u8]) -> Box<[u8]> {
    label.to_ascii_uppercase().into_boxed_slice()
}

/// Every entity id, in a trie: labels are read against all of them (reading a label of a kind
/// not handed out only reserves a label nobody asks for).
fn all_ids() -> &'static Trie {
    static ALL_IDS: OnceLock<Trie> = OnceLock::new();
    ALL_IDS.get_or_init(|| {
        Trie::new(
            crate::catalogue::ALL
                .iter()
                .map(|&kind| (kind.id().as_bytes().into(), kind as u32))
                .collect(),
        )
    })
}

/// Where a label can begin: the first segment of every entity id, lower case and without
/// repeats ("credit" for CREDIT_CARD), or the first two segments, in each spelling of the
/// separator, when the first is a two-letter country code ("us ssn", "us-ssn", "us_ssn"): "in",
/// "it" and "us" start too many words to be worth looking at. Only the ids of `kinds` (the types
/// a policy enables, the only ones it hands out labels for) are listed: a label of another type
/// read in the text reserves a label nobody asks for. The scan finds the heads (see
/// [`super::heads`]).
pub(crate) fn id_heads(kinds: impl IntoIterator<Item = EntityKind>) -> Vec<String> {
    let mut heads: Vec<String> = Vec::new();
    for kind in kinds {
        let id = kind.id().to_ascii_lowercase();
        let mut segments = id.split('_');
        let first = segments.next().unwrap_or_default();
        match segments.next() {
            Some(second) if first.len() < 3 => {
                heads.extend(["_", "-", " "].map(|sep| format!("{first}{sep}{second}")));
            }
            _ => heads.push(first.to_string()),
        }
    }
    heads.sort_unstable();
    heads.dedup();
    heads
}

/// Longest entity id: a label that reaches into a stretch of text ends at most this far before it.
pub(crate) fn max_id_len() -> usize {
    crate::catalogue::ALL
        .iter()
        .map(|kind| kind.id().len())
        .max()
        .unwrap_or(0)
}

/// Calls `reserve` with every label restoration could read starting at `start`, when `start`
/// begins a word: each whole-token `ID_SUFFIX` reading, normalised (`[email-2]` gives `EMAIL_2`).
pub(crate) fn readings_from(text: &[u8], start: usize, reserve: &mut impl FnMut(&[u8])) {
    if start == 0 || !is_word(text[start - 1]) {
        readings_after_slot(text, start, reserve);
    }
}

/// [`readings_from`] right after a slot (a placeholder being written): the byte before `start`
/// is no word byte there, whatever the input held, so `start` begins a word.
pub(crate) fn readings_after_slot(text: &[u8], start: usize, reserve: &mut impl FnMut(&[u8])) {
    let ids = all_ids();
    if text.get(start).is_some_and(|&b| ids.class(b) & FIRST != 0) {
        readings_at(ids, text, start, reserve);
    }
}

/// Calls `reserve` with every label restoration could read anywhere in `text` (every word start
/// is tried): the reference that redaction's anchored search must agree with.
#[cfg(test)]
pub(crate) fn readings(text: &[u8], mut reserve: impl FnMut(&[u8])) {
    for start in 0..text.len() {
        readings_from(text, start, &mut reserve);
    }
}

fn readings_at(ids: &Trie, text: &[u8], start: usize, reserve: &mut impl FnMut(&[u8])) {
    let mut norm = [0u8; MAX_LABEL];
    let mut node = ROOT;
    let mut prev_separator = true;
    for (len, &raw) in text[start..].iter().enumerate() {
        let Some(b) = fold(raw, &mut prev_separator) else {
            return;
        };
        let Some(next) = ids.step(node, b) else {
            return;
        };
        node = next;
        norm[len] = b;
        if ids.value(node).is_none() {
            continue;
        }
        // A whole id: with a separator and a suffix running to a word's end, a label.
        let mut at = start + len + 1;
        if !text.get(at).is_some_and(|&s| is_separator(s)) {
            continue;
        }
        at += 1;
        let mut n = len + 2;
        norm[n - 1] = b'_';
        while n < MAX_LABEL && text.get(at).is_some_and(u8::is_ascii_alphanumeric) {
            norm[n] = text[at].to_ascii_uppercase();
            n += 1;
            at += 1;
        }
        if n > len + 2 && text.get(at).map_or(true, |&b| !is_word(b)) {
            reserve(&norm[..n]);
        }
    }
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

/// The labels of one vault, normalised, in a trie.
#[derive(Debug)]
pub(crate) struct Labels {
    trie: Trie,
    /// The search for the labels' first two letters, when they open with few pairs (a vault
    /// holds labels of a few types): it passes over prose faster than stopping at every word
    /// whose first letter begins a label.
    openings: Option<PairSearch>,
}

/// Below this many bytes, a text's word starts are tested one by one: a chunk of a stream is
/// a token or two, and the pair search would cost more than it saves there.
const PAIR_SEARCH_MIN: usize = 64;

impl Labels {
    /// Compiles normalised labels (with their entry index).
    pub(crate) fn new(labels: Vec<(Box<[u8]>, usize)>) -> Labels {
        let openings = PairSearch::new(labels.iter().map(|(label, _)| label));
        let keys = labels
            .into_iter()
            .map(|(label, entry)| (label, entry as u32))
            .collect();
        Labels {
            trie: Trie::new(keys),
            openings,
        }
    }

    /// The positions of `text` from `from` on where a label of the vault could start, in
    /// ascending order (see [`Starts::next`]).
    pub(crate) fn starts(&self, text: &[u8], from: usize) -> Starts<'_> {
        let mut found = Vec::new();
        let mut searched = from;
        if let Some(search) = &self.openings {
            if text.len().saturating_sub(from) >= PAIR_SEARCH_MIN {
                // From the byte before `from`: it decides whether `from` begins a word.
                let base = from.saturating_sub(1);
                search.find(&text[base..], &mut found);
                found.retain_mut(|at| {
                    *at += base;
                    *at >= from
                });
                // The search needs a start's second byte: the last byte is tested alone.
                searched = text.len() - 1;
            }
        }
        Starts {
            trie: &self.trie,
            found,
            next_found: 0,
            searched,
        }
    }

    /// Reads the label at `start` (a [`Starts::next`]). `pos` is the first byte a match
    /// may take (earlier bytes are written out already); `at_end` says whether `text` is complete.
    pub(crate) fn read(&self, text: &[u8], pos: usize, start: usize, at_end: bool) -> Read {
        // Labels the run spells, shortest first: (length, entry, all separators were `_`).
        // Only a label's own digits can extend it, so a few suffice.
        let mut ends = [(0usize, 0u32, false); 4];
        let mut n_ends = 0;
        let mut strict = true;
        let mut prev_separator = true;
        let mut node: NodeId = ROOT;
        let mut len = 0;
        loop {
            let Some(&raw) = text.get(start + len) else {
                if at_end {
                    break;
                }
                return Read::NeedMore;
            };
            let Some(b) = fold(raw, &mut prev_separator) else {
                break;
            };
            let Some(next) = self.trie.step(node, b) else {
                break;
            };
            strict &= raw != b'-' && raw != b' ';
            node = next;
            len += 1;
            if let Some(entry) = self.trie.value(node) {
                if n_ends == ends.len() {
                    ends.copy_within(1.., 0);
                    n_ends -= 1;
                }
                ends[n_ends] = (len, entry, strict);
                n_ends += 1;
            }
            if self.trie.is_leaf(node) {
                break;
            }
        }
        for &(len, entry, strict) in ends[..n_ends].iter().rev() {
            let end = start + len;
            match text.get(end) {
                Some(&b) if is_word(b) => continue,
                None if !at_end => return Read::NeedMore,
                _ => {}
            }
            let entry = entry as usize;
            match brackets(text, pos, start, end, at_end) {
                Err(NeedMore) => return Read::NeedMore,
                Ok(Some((start, end))) => return Read::Match { start, end, entry },
                Ok(None) if strict => return Read::Match { start, end, entry },
                Ok(None) => {}
            }
        }
        Read::No
    }
}

/// Where labels may start in one text (from [`Labels::starts`]): the pair search's finds up
/// to `searched`, then word starts tested one by one.
pub(crate) struct Starts<'l> {
    trie: &'l Trie,
    found: Vec<usize>,
    next_found: usize,
    /// Positions from here on were not searched for pairs.
    searched: usize,
}

impl Starts<'_> {
    /// The first position at or after `from` where a label could start (the same as testing
    /// every word start whose first byte begins a label: a word whose first two bytes begin
    /// none holds no label).
    #[inline]
    pub(crate) fn next(&mut self, text: &[u8], from: usize) -> Option<usize> {
        if from < self.searched {
            while let Some(&at) = self.found.get(self.next_found) {
                if at >= from {
                    return Some(at);
                }
                self.next_found += 1;
            }
        }
        next_word_start(self.trie, text, from.max(self.searched))
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

    fn all_readings(text: &[u8]) -> Vec<String> {
        let mut seen = Vec::new();
        readings(text, |l| seen.push(String::from_utf8(l.to_vec()).unwrap()));
        seen
    }

    #[test]
    fn readings_are_whole_label_shaped_tokens() {
        assert_eq!(all_readings(b"email-1 x"), ["EMAIL_1"]);
        assert_eq!(all_readings(b"a credit card 12 and"), ["CREDIT_CARD_12"]);
        assert_eq!(
            all_readings(b"[Email_2] xEMAIL_3 EMAIL_4x"),
            ["EMAIL_2", "EMAIL_4X"]
        );
        assert!(all_readings(b"email_1_ emails email").is_empty());
        assert_eq!(all_readings(b"IBAN_ab12"), ["IBAN_AB12"]);
        assert_eq!(
            all_readings(b"PERSON_1"),
            ["PERSON_1"],
            "every kind is read"
        );
    }

    #[test]
    fn word_starts_need_a_boundary() {
        let labels = Labels::new(vec![(b"EMAIL_1".as_slice().into(), 0)]);
        let first = |text: &[u8], from| labels.starts(text, from).next(text, from);
        assert_eq!(first(b"xEMAIL_1 [email_1]", 0), Some(10));
        assert_eq!(first(b"nothing here", 0), None);
        assert_eq!(first(b"abc", 5), None);
        let long = [&b"x".repeat(70)[..], b" EMAIL_1 Em"].concat();
        assert_eq!(first(&long, 0), Some(71), "found by the pair search");
        assert_eq!(
            first(&long, 72),
            Some(79),
            "a stream's last byte is tested alone"
        );
    }

    /// The reads of restoration's loop (see `restore::restore_into`) from `start`: each match
    /// and where it stopped.
    fn reads(labels: &Labels, text: &[u8], start: usize, at_end: bool) -> Vec<(usize, usize)> {
        let mut starts = labels.starts(text, start);
        let (mut pos, mut from, mut out) = (start, start, Vec::new());
        while let Some(at) = starts.next(text, from) {
            match labels.read(text, pos, at, at_end) {
                Read::Match { start, end, .. } => {
                    out.push((start, end));
                    (pos, from) = (end, end);
                }
                Read::No => from = at + 1,
                Read::NeedMore => {
                    out.push((at, usize::MAX));
                    break;
                }
            }
        }
        out
    }

    /// Label spellings, near misses and the bytes around them.
    const PIECES: &[&[u8]] = &[
        b"EMAIL_1",
        b"email 12",
        b"Phone-2",
        b"em",
        b"E",
        b"p",
        b"[",
        b"]",
        b" ",
        b"_",
        b"x9",
        b"\xc3\xa9",
    ];

    proptest::proptest! {
        /// Restoration reads the same labels whether the pair search finds the starts or every
        /// word start is tested.
        #[test]
        fn pair_search_reads_what_every_word_start_reads(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..60),
            start in 0usize..200,
            at_end: bool,
        ) {
            let text = pieces.concat();
            let start = start.min(text.len());
            let labels = || vec![
                (b"EMAIL_1".as_slice().into(), 0),
                (b"EMAIL_12".as_slice().into(), 1),
                (b"PHONE_2".as_slice().into(), 2),
            ];
            let searched = Labels::new(labels());
            proptest::prop_assert!(searched.openings.is_some());
            let walked = Labels { openings: None, ..Labels::new(labels()) };
            proptest::prop_assert_eq!(
                reads(&searched, &text, start, at_end),
                reads(&walked, &text, start, at_end)
            );
        }
    }
}
