//! Context words: words near a candidate that make it more or less likely to be what it looks like.
//!
//! "CVV 123" is a security code, "qty 123" is not. Each recognizer family lists, per entity type,
//! words that raise the score and words that lower it; [`adjust`] applies them to every candidate
//! after recognition, so recognizers stay small and the rule is the same for every type.

use super::Candidate;
use crate::catalogue::EntityKind;
use crate::simd::NibbleSet;

/// How far (in bytes) before a candidate context words are looked for.
pub(crate) const WINDOW_BEFORE: usize = 48;
/// How far (in bytes) after a candidate context words are looked for.
pub(crate) const WINDOW_AFTER: usize = 24;
/// Score added when a raising word is near.
pub(crate) const RAISE: f32 = 0.25;
/// Score removed when a lowering word is near.
pub(crate) const LOWER: f32 = 0.35;

/// Context words for one entity type. Words are lower-case ASCII, matched case-insensitively.
pub(crate) struct ContextWords {
    pub kind: EntityKind,
    pub raise: &'static [&'static str],
    pub lower: &'static [&'static str],
}

/// The text before `start`, at most `window` bytes.
pub(crate) fn before(text: &[u8], start: usize, window: usize) -> &[u8] {
    &text[start.saturating_sub(window)..start]
}

/// The text after `end`, at most `window` bytes.
pub(crate) fn after(text: &[u8], end: usize, window: usize) -> &[u8] {
    &text[end..(end + window).min(text.len())]
}

/// One [`ContextWords`] entry compiled for windows of a few dozen bytes: two byte tables say
/// which words open with each pair of bytes, so a window is read once and a word is compared
/// only where its first two bytes stand (an automaton costs more to start than such a window).
pub(crate) struct Context {
    /// Raising words first, then lowering ones (lower case).
    words: Vec<&'static [u8]>,
    /// Bit `i` set for each raising word `i`.
    raising: u32,
    /// Per byte (with bit 5 set, which folds ASCII case), the words whose first byte it is.
    first: Box<[u32; 256]>,
    /// Per byte (bit 5 set), the words whose second byte it is.
    second: Box<[u32; 256]>,
    /// The same first and second bytes as sets, to find the places worth a look in a window
    /// 32 at a time.
    firsts: NibbleSet,
    seconds: NibbleSet,
}

/// Most words one [`ContextWords`] entry may list (one bit each).
const MAX_WORDS: usize = 32;
/// Longest window read 32 places at a time (both windows fit).
const MAX_WINDOW: usize = 64;
const _: () = assert!(WINDOW_BEFORE <= MAX_WINDOW && WINDOW_AFTER <= MAX_WINDOW);

impl Context {
    /// Compiles `words` (`None` when it lists no word).
    pub(crate) fn new(words: &ContextWords) -> Option<Context> {
        let all: Vec<&'static [u8]> = words
            .raise
            .iter()
            .chain(words.lower)
            .map(|w| w.as_bytes())
            .collect();
        if all.is_empty() {
            return None;
        }
        assert!(
            all.len() <= MAX_WORDS && all.iter().all(|w| w.len() >= 2),
            "context words: at most {MAX_WORDS}, each two bytes or longer"
        );
        let mut first = Box::new([0u32; 256]);
        let mut second = Box::new([0u32; 256]);
        for (i, w) in all.iter().enumerate() {
            first[usize::from(w[0] | 0x20)] |= 1 << i;
            second[usize::from(w[1] | 0x20)] |= 1 << i;
        }
        Some(Context {
            raising: ((1u64 << words.raise.len()) - 1) as u32,
            firsts: NibbleSet::new(all.iter().map(|w| w[0] | 0x20)),
            seconds: NibbleSet::new(all.iter().map(|w| w[1] | 0x20)),
            words: all,
            first,
            second,
        })
    }

    /// The words (bit `i` for word `i`) occurring in `window`, ignoring ASCII case.
    fn found_in(&self, window: &[u8]) -> u32 {
        #[cfg(target_arch = "x86_64")]
        if window.len() <= MAX_WINDOW && std::is_x86_feature_detected!("avx2") {
            // SAFETY: AVX2 was detected just above.
            return unsafe { self.found_in_avx2(window) };
        }
        self.found_in_bytes(window)
    }

    /// [`Self::found_in`] byte pair by byte pair.
    fn found_in_bytes(&self, window: &[u8]) -> u32 {
        let mut found = 0u32;
        for i in 1..window.len() {
            found |= self.found_at(window, i - 1, found);
        }
        found
    }

    /// [`Self::found_in`] 32 places at a time: only the places where a first byte is followed
    /// by a second byte are looked up in the tables (in prose, a few per window).
    ///
    /// # Safety
    /// The CPU must support AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn found_in_avx2(&self, window: &[u8]) -> u32 {
        use std::arch::x86_64::{
            __m256i, _mm256_loadu_si256, _mm256_movemask_epi8, _mm256_or_si256, _mm256_set1_epi8,
        };
        // The window, then zeros: every load below reads inside the copy.
        let mut padded = [0u8; MAX_WINDOW + 32];
        padded[..window.len()].copy_from_slice(window);
        let places = window.len().saturating_sub(1);
        let case = _mm256_set1_epi8(0x20);
        let mut found = 0u32;
        for chunk in (0..places).step_by(32) {
            // SAFETY: chunk + 1 + 32 <= places + 32 < padded.len().
            let (first, second) = unsafe {
                let load = |at: usize| _mm256_loadu_si256(padded[at..].as_ptr().cast::<__m256i>());
                (
                    _mm256_or_si256(load(chunk), case),
                    _mm256_or_si256(load(chunk + 1), case),
                )
            };
            let outside =
                _mm256_or_si256(self.firsts.outside32(first), self.seconds.outside32(second));
            let mut places_here = !(_mm256_movemask_epi8(outside) as u32);
            if places - chunk < 32 {
                places_here &= (1 << (places - chunk)) - 1;
            }
            while places_here != 0 {
                let at = chunk + places_here.trailing_zeros() as usize;
                places_here &= places_here - 1;
                found |= self.found_at(window, at, found);
            }
        }
        found
    }

    /// The words not yet `found` that occur at `at` in `window`.
    #[inline(always)]
    fn found_at(&self, window: &[u8], at: usize, found: u32) -> u32 {
        let opens = self.first[usize::from(window[at] | 0x20)]
            & self.second[usize::from(window[at + 1] | 0x20)]
            & !found;
        if opens == 0 {
            return 0;
        }
        self.verify(&window[at..], opens)
    }

    /// Which of the words in `opens` start `rest`.
    #[cold]
    fn verify(&self, rest: &[u8], mut opens: u32) -> u32 {
        let mut found = 0;
        while opens != 0 {
            let i = opens.trailing_zeros() as usize;
            opens &= opens - 1;
            let w = self.words[i];
            if rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w) {
                found |= 1 << i;
            }
        }
        found
    }

    /// Whether a raising and whether a lowering word occurs in the windows around
    /// `start..end` ([`WINDOW_BEFORE`] bytes before, [`WINDOW_AFTER`] after).
    fn near(&self, text: &[u8], start: usize, end: usize) -> (bool, bool) {
        let found = self.found_in(before(text, start, WINDOW_BEFORE))
            | self.found_in(after(text, end, WINDOW_AFTER));
        (found & self.raising != 0, found & !self.raising != 0)
    }
}

/// Applies the compiled context words of `candidate`'s type to its score, clamped to
/// `0.0..=1.0`.
#[inline(never)]
pub(crate) fn adjust(text: &[u8], candidate: &mut Candidate, table: &[Context]) {
    for context in table {
        let (raised, lowered) = context.near(text, candidate.start, candidate.end);
        if raised {
            candidate.score += RAISE;
        }
        if lowered {
            candidate.score -= LOWER;
        }
    }
    candidate.score = candidate.score.clamp(0.0, 1.0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raises_and_lowers() {
        let text = b"my cvv is 123 thanks";
        let table = [Context::new(&ContextWords {
            kind: EntityKind::CardCvv,
            raise: &["cvv"],
            lower: &["qty"],
        })
        .unwrap()];
        let mut c = Candidate::new(EntityKind::CardCvv, 10, 13, 0.4, "t");
        adjust(text, &mut c, &table);
        assert!((c.score - 0.65).abs() < 1e-6);
        let text = b"qty 123";
        let mut c = Candidate::new(EntityKind::CardCvv, 4, 7, 0.4, "t");
        adjust(text, &mut c, &table);
        assert!((c.score - 0.05).abs() < 1e-6);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        /// The vector walk of a window finds what the byte walk finds, for every table the
        /// recognizers compile, on any bytes (a window of any length, UTF-8 or not) with some of
        /// the table's words written into it (random bytes rarely spell one).
        #[test]
        fn vector_and_byte_walks_agree(
            mut window in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..=MAX_WINDOW),
            table in proptest::prelude::any::<proptest::sample::Index>(),
            inserts in proptest::collection::vec(
                (
                    proptest::prelude::any::<proptest::sample::Index>(),
                    proptest::option::of(0..MAX_WINDOW),
                    proptest::prelude::any::<bool>(),
                ),
                0..6,
            ),
        ) {
            let all = crate::catalogue::KindSet::from_fn(|_| true);
            let tables = crate::detect::recognizers::tables(all).context;
            let context = Context::new(tables[table.index(tables.len())]).expect("words");
            for (word, at, upper) in inserts {
                let word = context.words[word.index(context.words.len())];
                // `None` puts the word at the very end of the window (the last place).
                let at = at.unwrap_or(usize::MAX).min(window.len().saturating_sub(word.len()));
                let end = (at + word.len()).min(window.len());
                window[at..end].copy_from_slice(&word[..end - at]);
                if upper {
                    window[at..end].make_ascii_uppercase();
                }
            }
            proptest::prop_assert_eq!(context.found_in(&window), context.found_in_bytes(&window));
        }

        /// The pair tables find exactly the words a plain case-insensitive substring test finds.
        #[test]
        fn finds_what_a_substring_test_finds(
            window in proptest::collection::vec(
                proptest::sample::select(b"telphonTELPHON ordOR_\xc3\xa9@`".to_vec()), 0..60),
        ) {
            const RAISE: &[&str] = &["tel", "phone", "t\u{e9}l", "_n"];
            const LOWER: &[&str] = &["order", "to", "@p"];
            let context = Context::new(&ContextWords {
                kind: EntityKind::Phone,
                raise: RAISE,
                lower: LOWER,
            })
            .unwrap();
            let want = RAISE.iter().chain(LOWER).enumerate().fold(0u32, |found, (i, w)| {
                let w = w.as_bytes();
                let occurs = window.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
                found | (u32::from(occurs) << i)
            });
            proptest::prop_assert_eq!(context.found_in(&window), want);
        }
    }
}
