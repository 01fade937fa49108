//! Digit runs: a word of digits and the digit groups that follow it through single separators
//! ("4111 1111 1111 1111", "123.456.789-09", "85.07.30-033.28"), parsed once per run so each
//! recognizer only compares group lengths and separators.

use super::near::{Around, Keywords};
use super::{national, payment};
use crate::catalogue::KindSet;
use crate::detect::floors::Floors;
use crate::detect::{Candidate, Word};

/// The digit-run pass: each run is parsed once and offered to every family that reads runs
/// (`PAYMENT`, `NATIONAL`: which of the two are enabled, so a disabled one costs nothing).
#[inline(always)]
pub(super) fn recognize<const PAYMENT: bool, const NATIONAL: bool>(
    text: &[u8],
    w: &Word,
    kinds: KindSet,
    min: MinDigits,
    floors: &Floors,
    out: &mut Vec<Candidate>,
) {
    // Prices, quantities, years and order numbers are most digit words; a word shorter than
    // every enabled identifier is rejected before parsing unless groups follow it, and then
    // unless they hold enough digits ("2-3 days", "10-12" do not).
    // (Amounts and dates never get here: the digit-word pass steps over them.)
    if w.letters > 0
        || (w.len() < min.plain
            && (!continues(text, w.end) || run_digits(text, w, min.grouped) < min.grouped))
    {
        return;
    }
    on_run_start::<PAYMENT, NATIONAL>(text, w, kinds, floors, out);
}

/// Fewest digits a run needs to be any enabled identifier, as one group and as several.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct MinDigits {
    /// A run of one group: six for national ids, eight for a US bank account, nine for a
    /// routing number, twelve for a card.
    pub plain: usize,
    /// A run of several groups: six for a UK sort code (`12-34-56`) or the national ids (the
    /// shortest: a spaced NINO's `12 34 56`), twelve for a card; no other type reads groups.
    pub grouped: usize,
}

impl MinDigits {
    /// `usize::MAX` where no enabled type reads such runs.
    pub(super) fn new(kinds: KindSet, national: bool) -> MinDigits {
        use crate::catalogue::EntityKind::{
            CreditCard, UkSortCodeAccount, UsAbaRouting, UsBankAccount,
        };
        let fewest = |lens: &[(bool, usize)]| {
            lens.iter()
                .filter(|(on, _)| *on)
                .map(|&(_, len)| len)
                .min()
                .unwrap_or(usize::MAX)
        };
        MinDigits {
            plain: fewest(&[
                (national, 6),
                (kinds.contains(UsBankAccount), 8),
                (kinds.contains(UsAbaRouting), 9),
                (kinds.contains(CreditCard), 12),
            ]),
            grouped: fewest(&[
                (national, 6),
                (kinds.contains(UkSortCodeAccount), 6),
                (kinds.contains(CreditCard), 12),
            ]),
        }
    }
}

/// The digits of `w` and of the groups that follow it through single separators, counted up to
/// `enough`: never fewer than the run [`Run::parse`] reads there, which may stop sooner.
fn run_digits(text: &[u8], w: &Word, enough: usize) -> usize {
    let (mut end, mut digits) = (w.end, w.len());
    while digits < enough && continues(text, end) {
        let group = text[end + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        digits += group;
        end += 1 + group;
    }
    digits
}

/// The slow path of [`recognize`], out of line so that rejecting a word needs no stack frame.
#[inline(never)]
fn on_run_start<const PAYMENT: bool, const NATIONAL: bool>(
    text: &[u8],
    w: &Word,
    kinds: KindSet,
    floors: &Floors,
    out: &mut Vec<Candidate>,
) {
    if let Some(run) = Run::parse(text, w) {
        let mut near = Near::new(text, &run);
        if PAYMENT {
            payment::on_run(text, &run, &mut near, kinds, out);
        }
        if NATIONAL {
            national::on_run(text, &run, &mut near, floors, out);
        }
    }
}

/// The keyword windows around a run, found on first use and shared by the families (a plain
/// 9-digit number is checked for a bank account and for a dozen national ids). The window
/// before the run is read once, whether the window after it is needed or not.
pub(crate) struct Near<'t> {
    text: &'t [u8],
    start: usize,
    end: usize,
    around: Option<Around<'t>>,
    /// True once `around` holds the window after the run too.
    both: bool,
}

impl<'t> Near<'t> {
    pub(crate) fn new(text: &'t [u8], run: &Run) -> Near<'t> {
        Near {
            text,
            start: run.start,
            end: run.end,
            around: None,
            both: false,
        }
    }

    /// True when one of `words` stands within `max` (at most [`super::near::BEFORE`]) bytes
    /// before the run. Reads only that side: most runs ask nothing else.
    pub(crate) fn any_before(&mut self, words: &Keywords, max: usize) -> bool {
        let (text, start) = (self.text, self.start);
        self.around
            .get_or_insert_with(|| Around::before(text, start))
            .any_before(words, max)
    }

    /// The word starts around the run.
    pub(crate) fn around(&mut self) -> &Around<'t> {
        let (text, start, end) = (self.text, self.start, self.end);
        let had_both = std::mem::replace(&mut self.both, true);
        let around = self
            .around
            .get_or_insert_with(|| Around::before(text, start));
        if !had_both {
            around.add_after(end);
        }
        around
    }
}

/// Packs up to eight bytes into a word, first byte lowest (the layout of [`Run::shape`]).
pub(crate) const fn pack(bytes: &[u8]) -> u64 {
    assert!(bytes.len() <= 8);
    let (mut i, mut word) = (0, 0u64);
    while i < bytes.len() {
        word |= (bytes[i] as u64) << (8 * i);
        i += 1;
    }
    word
}

/// Bytes that may separate digit groups.
const SEPS: &[u8] = b" -./+";
/// Longest digit count of any identifier parsed from runs (IBANs are handled on words).
const MAX_DIGITS: usize = 24;
/// Most groups of any formatted identifier (the French NIR has seven).
const MAX_GROUPS: usize = 8;

/// A run of digit groups. Copy-only, no allocation.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Run {
    pub start: usize,
    pub end: usize,
    digits: [u8; MAX_DIGITS],
    len: usize,
    groups: [u8; MAX_GROUPS],
    seps: [u8; MAX_GROUPS],
    ngroups: usize,
}

fn is_digit_at(text: &[u8], i: usize) -> bool {
    text.get(i).is_some_and(u8::is_ascii_digit)
}

/// True when a digit group follows `end` through one separator, so the word there may grow
/// into a longer run (a cheap test before [`Run::parse`]).
#[inline]
pub(crate) fn continues(text: &[u8], end: usize) -> bool {
    text.get(end).is_some_and(|b| SEPS.contains(b)) && is_digit_at(text, end + 1)
}

impl Run {
    /// Parses the run that starts at `word`, or `None` when the word has letters, continues an
    /// earlier run, is part of a decimal number, or the run is longer than any identifier.
    ///
    /// Space-separated groups and punctuation-separated groups do not mix: "123-45-6789 2024"
    /// is the run "123-45-6789".
    pub(crate) fn parse(text: &[u8], word: &Word) -> Option<Run> {
        if !word.is_all_digits() || word.len() > MAX_DIGITS {
            return None;
        }
        let start = word.start;
        let prev = (start >= 2 && is_digit_at(text, start - 2)).then(|| text[start - 1]);
        if matches!(prev, Some(b'-' | b'.' | b'/' | b'+' | b',')) {
            return None;
        }
        // After "digit ", only a punctuated run ("2024 123-45-6789") starts something new, and
        // whether it is one shows in the separator after the word (a group of a spaced run,
        // "4111 1111 1111 1111", is seen here once per group).
        if prev == Some(b' ') {
            let punctuated = text
                .get(word.end)
                .is_some_and(|&b| b != b' ' && SEPS.contains(&b))
                && is_digit_at(text, word.end + 1);
            if !punctuated {
                return None;
            }
        }
        let mut run = Run {
            start,
            end: word.end,
            digits: [0; MAX_DIGITS],
            len: word.len(),
            groups: [0; MAX_GROUPS],
            seps: [0; MAX_GROUPS],
            ngroups: 1,
        };
        run.digits[..word.len()].copy_from_slice(word.bytes(text));
        run.groups[0] = word.len() as u8;
        let mut spaced: Option<bool> = None;
        loop {
            let at = run.end;
            let Some(&sep) = text.get(at) else { break };
            if !SEPS.contains(&sep) || !is_digit_at(text, at + 1) {
                break;
            }
            let is_space = sep == b' ';
            if spaced.is_some_and(|s| s != is_space) {
                break;
            }
            let mut end = at + 1;
            while is_digit_at(text, end) {
                end += 1;
            }
            if text.get(end).is_some_and(u8::is_ascii_alphabetic) {
                break;
            }
            // A space-separated run stops before a group that starts a punctuated one.
            let punct_next = text
                .get(end)
                .is_some_and(|&b| b != b' ' && SEPS.contains(&b))
                && is_digit_at(text, end + 1);
            if is_space && punct_next {
                break;
            }
            let n = end - at - 1;
            if run.ngroups == MAX_GROUPS || run.len + n > MAX_DIGITS {
                return None;
            }
            for (slot, &b) in run.digits[run.len..].iter_mut().zip(&text[at + 1..end]) {
                *slot = b;
            }
            run.len += n;
            run.seps[run.ngroups - 1] = sep;
            run.groups[run.ngroups] = n as u8;
            run.ngroups += 1;
            run.end = end;
            spaced = Some(is_space);
        }
        // After "digit ", the punctuated run seen at the start must have taken its first group.
        if prev == Some(b' ') && spaced != Some(false) {
            return None;
        }
        if text.get(run.end) == Some(&b',') && is_digit_at(text, run.end + 1) {
            return None;
        }
        Some(run)
    }

    /// The digits without separators.
    pub(crate) fn digits(&self) -> &[u8] {
        &self.digits[..self.len]
    }

    /// Number of digits.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Lengths of the groups.
    pub(crate) fn groups(&self) -> &[u8] {
        &self.groups[..self.ngroups]
    }

    /// Separators between the groups (one fewer than groups).
    pub(crate) fn seps(&self) -> &[u8] {
        &self.seps[..self.ngroups - 1]
    }

    /// The group lengths and the separators, each packed into a word (unused slots are zero),
    /// so that a shape is compared without a loop.
    pub(crate) fn shape(&self) -> (u64, u64) {
        (
            u64::from_le_bytes(self.groups),
            u64::from_le_bytes(self.seps),
        )
    }

    /// True when the run is a single group of `len` digits.
    pub(crate) fn is_plain(&self, len: usize) -> bool {
        self.ngroups == 1 && self.len == len
    }

    /// True when the groups have the lengths `groups` and the separators are exactly `seps`
    /// (compared packed, see [`Run::shape`]).
    #[inline]
    pub(crate) fn is_exactly(&self, groups: &[u8], seps: &[u8]) -> bool {
        groups.len() == seps.len() + 1 && self.shape() == (pack(groups), pack(seps))
    }

    /// True when every separator is the same byte (or there is none).
    pub(crate) fn uniform(&self) -> bool {
        self.seps().windows(2).all(|w| w[0] == w[1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::EntityKind;
    use crate::detect::digits::Words;

    fn runs(text: &str) -> Vec<(String, Vec<u8>)> {
        let t = text.as_bytes();
        Words::new(t)
            .filter_map(|w| Run::parse(t, &w))
            .map(|r| {
                (
                    String::from_utf8_lossy(r.digits()).into_owned(),
                    r.groups().to_vec(),
                )
            })
            .collect()
    }

    /// What `recognize` finds in `text` for `kinds` (and the national family when `national`),
    /// with every candidate kept whatever its score.
    fn found(text: &str, kinds: &[EntityKind], national: bool) -> Vec<EntityKind> {
        let t = text.as_bytes();
        let kinds = KindSet::from_fn(|k| kinds.contains(&k));
        let (min, floors) = (
            MinDigits::new(kinds, national),
            Floors::new(|_| Some(0.0), |_| 0),
        );
        let mut out = Vec::new();
        for w in Words::new(t) {
            match national {
                true => recognize::<true, true>(t, &w, kinds, min, &floors, &mut out),
                false => recognize::<true, false>(t, &w, kinds, min, &floors, &mut out),
            }
        }
        out.iter().map(|c| c.kind).collect()
    }

    #[test]
    fn the_shortest_grouped_identifiers_are_still_parsed() {
        use EntityKind::{CreditCard, UkNino, UkSortCodeAccount};
        assert_eq!(
            found("sort code 12-34-56", &[UkSortCodeAccount], false),
            [UkSortCodeAccount]
        );
        assert!(found("NI: AB 12 34 56 C", &[], true).contains(&UkNino));
        assert_eq!(
            found("card 4111 1111 1111 1111", &[CreditCard], false),
            [CreditCard]
        );
        let cards = MinDigits::new(KindSet::from_fn(|k| k == CreditCard), false);
        assert_eq!(
            (cards.plain, cards.grouped),
            (12, 12),
            "card_run reads 12 to 19 digits"
        );
    }

    #[test]
    fn short_runs_of_groups_are_counted_without_parsing() {
        let digits = |text: &str| {
            let w = Words::new(text.as_bytes()).next().expect("a word");
            run_digits(text.as_bytes(), &w, usize::MAX)
        };
        assert_eq!(digits("ships in 2-3 days"), 2);
        assert_eq!(digits("sizes 10-12, 14"), 4);
        assert_eq!(digits("12-34-56 and 7"), 6);
        assert_eq!(digits("4111 1111 1111 1111."), 16);
    }

    proptest::proptest! {
        /// The count before parsing never falls below the digits of the run that is parsed.
        #[test]
        fn runs_hold_no_more_digits_than_counted(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "1", "12", "123", "1234", "56789", " ", "-", ".", "/", "+", ",", "a", "Z",
                "  ", "--", "-a", " 7",
            ][..]), 0..30),
        ) {
            let text = pieces.concat();
            let t = text.as_bytes();
            for w in Words::new(t) {
                if let Some(run) = Run::parse(t, &w) {
                    proptest::prop_assert!(run.len() <= run_digits(t, &w, usize::MAX));
                }
            }
        }
    }

    #[test]
    fn groups_and_separators() {
        assert_eq!(
            runs("card 4111 1111 1111 1111 ok"),
            [("4111111111111111".to_string(), vec![4, 4, 4, 4])]
        );
        assert_eq!(
            runs("CPF 123.456.789-09."),
            [("12345678909".to_string(), vec![3, 3, 3, 2])]
        );
        assert_eq!(
            runs("123-45-6789 2024"),
            [("123456789".to_string(), vec![3, 2, 4])]
        );
        assert_eq!(runs("price 1.299,00 EUR"), []);
        assert_eq!(runs("sku 24-WB04"), [("24".to_string(), vec![2])]);
        assert_eq!(
            runs("on 2024 123-45-6789"),
            [
                ("2024".to_string(), vec![4]),
                ("123456789".to_string(), vec![3, 2, 4])
            ]
        );
        assert_eq!(runs("x 1Z999AA10123456784"), []);
        let long = "1 2 3 4 5 6 7 8 9 10 11";
        assert!(runs(long).iter().all(|(_, groups)| groups.len() == 1));
    }
}
