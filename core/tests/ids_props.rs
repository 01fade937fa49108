//! Property tests for the payment and national-id recognizers: any input, including invalid
//! UTF-8 and dense runs of digits, separators and trigger words, scans without panicking and
//! yields spans inside the text on character boundaries.

use proptest::prelude::*;
use sovereign::Engine;
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::new);

fn check(text: &[u8]) -> Result<(), TestCaseError> {
    for f in ENGINE.scan(text) {
        prop_assert!(f.start < f.end && f.end <= text.len(), "{f:?}");
        prop_assert!(sovereign::text::is_char_boundary(text, f.start), "{f:?}");
        prop_assert!(sovereign::text::is_char_boundary(text, f.end), "{f:?}");
    }
    Ok(())
}

/// Pieces that steer the recognizers into their deeper branches.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,19}",
        "[ .\\-/+,]",
        "[A-Z]{1,4}[0-9]{1,4}",
        Just("CVV ".to_string()),
        Just("exp ".to_string()),
        Just("BIC ".to_string()),
        Just("SSN ".to_string()),
        Just("sort code ".to_string()),
        Just("IBAN DE89 ".to_string()),
        Just("gültig bis ".to_string()),
        Just("é".to_string()),
    ]
}

proptest! {
    #[test]
    fn arbitrary_bytes(text in proptest::collection::vec(any::<u8>(), 0..256)) {
        check(&text)?;
    }

    #[test]
    fn digit_soup(tokens in proptest::collection::vec(token(), 0..24)) {
        let text = tokens.concat();
        check(text.as_bytes())?;
        // Truncating anywhere (even inside a character) must be just as safe.
        for cut in [text.len() / 3, text.len() / 2, text.len().saturating_sub(1)] {
            check(&text.as_bytes()[..cut])?;
        }
    }
}
