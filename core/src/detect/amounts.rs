//! Amounts and measures (`149.90`, `1234,5`, `2.375`), recognised so the digit-word pass steps
//! over a price as a whole instead of offering its two digit words to every rule. Prices are
//! among the commonest digit words of shop text, and no identifier has their shape: at most
//! seven digits, one decimal separator, one to three digits, and nothing after that continues
//! a digit run (`2.4.7`, `10.0.0.1` and `1.234.567` go on, so they are read as usual).

use super::recognizers::continues;
use super::Word;

/// End of the fraction when `w` is the integer part of an amount: at most seven digits, one
/// decimal separator and one to three digits, and nothing after that continues a digit run
/// ("2.4.7" and "1.234.567" are not amounts).
#[inline(always)]
pub(crate) fn fraction_end(text: &[u8], w: &Word) -> Option<usize> {
    if w.letters > 0 || w.len() > 7 || !matches!(text.get(w.end), Some(b'.' | b',')) {
        return None;
    }
    let frac = w.end + 1;
    let digits = text[frac..]
        .iter()
        .take(4)
        .take_while(|b| b.is_ascii_digit())
        .count();
    let end = frac + digits;
    ((1..=3).contains(&digits) && !continues(text, end)).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::digits::Words;

    fn fraction(text: &str) -> Option<&str> {
        let word = Words::new(text.as_bytes()).next()?;
        fraction_end(text.as_bytes(), &word).map(|end| &text[word.start..end])
    }

    #[test]
    fn prices_and_measures_are_amounts() {
        assert_eq!(fraction("$149.90 total"), Some("149.90"));
        assert_eq!(fraction("1234,5 kg"), Some("1234,5"));
        assert_eq!(fraction("in 2.31s"), Some("2.31"));
        assert_eq!(fraction("release 2.4.7"), None);
        assert_eq!(fraction("1.234.567"), None);
        assert_eq!(fraction("12345678.90"), None, "too long for an amount");
        assert_eq!(fraction("4.5678"), None, "four decimals");
        assert_eq!(fraction("AB12.50"), None, "letters");
        assert_eq!(fraction("10.0.0.1"), None);
        assert_eq!(fraction("12 items"), None);
    }
}
