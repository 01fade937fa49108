//! Restoring placeholders in model output, whole or as a prefix of a stream.
//!
//! The text is scanned once for word starts that could begin a label of the vault (by their
//! first two letters, see [`super::label::Labels::starts`]); only there is it walked through the
//! vault's label trie. Cost: one pass, plus a few steps per such word.

use super::label::{self, Read};
use super::Vault;

/// Writes `text[start..]` to `out` with every label of `vault` replaced by its original, and
/// returns the offset up to which `text` has been written. Bytes before `start` are only read
/// (whether a label there would touch a word).
///
/// With `at_end` false, `text` is the beginning of a longer stream: writing stops before the
/// first label whose outcome depends on bytes not seen yet, less the spaces and brackets a match
/// there could take, so that restoring the rest from that offset later gives exactly what
/// restoring the whole text at once gives.
pub(crate) fn restore_into(
    vault: &Vault,
    text: &[u8],
    start: usize,
    at_end: bool,
    out: &mut Vec<u8>,
) -> usize {
    if vault.is_empty() {
        out.extend_from_slice(&text[start..]);
        return text.len();
    }
    let labels = vault.matcher();
    let mut starts = labels.starts(text, start);
    let mut pos = start;
    let mut from = start;
    let stop = loop {
        let Some(at) = starts.next(text, from) else {
            break text.len();
        };
        match labels.read(text, pos, at, at_end) {
            Read::Match { start, end, entry } => {
                out.extend_from_slice(&text[pos..start]);
                out.extend_from_slice(vault.original(entry));
                pos = end;
                from = end;
            }
            Read::No => from = at + 1,
            Read::NeedMore => break at,
        }
    };
    let keep = if at_end {
        stop
    } else {
        label::reach(text, pos, stop)
    };
    out.extend_from_slice(&text[pos..keep]);
    keep
}

#[cfg(test)]
mod tests {
    use crate::catalogue::EntityKind;
    use crate::vault::Vault;

    fn vault() -> Vault {
        let mut vault = Vault::new();
        vault.numbered_label(EntityKind::Email, b"jane@example.com");
        vault.numbered_label(EntityKind::CreditCard, b"4111 1111 1111 1111");
        vault
    }

    fn restored(text: &str) -> String {
        String::from_utf8(vault().restore(text.as_bytes())).unwrap()
    }

    #[test]
    fn spellings_a_model_may_use() {
        for (text, want) in [
            ("[EMAIL_1]", "jane@example.com"),
            ("[email_1]", "jane@example.com"),
            ("[Email_1].", "jane@example.com."),
            ("EMAIL_1,", "jane@example.com,"),
            ("<EMAIL_1>", "jane@example.com"),
            ("{EMAIL_1}", "jane@example.com"),
            ("(EMAIL_1)", "jane@example.com"),
            ("[[EMAIL_1]]", "jane@example.com"),
            ("{{ EMAIL_1 }}", "jane@example.com"),
            ("[ EMAIL_1 ]", "jane@example.com"),
            ("[EMAIL-1]", "jane@example.com"),
            ("[EMAIL 1]", "jane@example.com"),
            ("[credit card 1]", "4111 1111 1111 1111"),
            ("(Credit-Card_1)", "4111 1111 1111 1111"),
        ] {
            assert_eq!(restored(text), want, "{text}");
        }
    }

    #[test]
    fn near_misses_stay() {
        for text in [
            "XEMAIL_1",
            "EMAIL_10",
            "[EMAIL_10]",
            "EMAIL_1x",
            "EMAIL 1",
            "email-1",
            "[EMAIL__1]",
            "EMAIL_2",
            "_EMAIL_1",
            "EMAIL_1_",
        ] {
            assert_eq!(restored(text), text);
        }
        assert_eq!(restored("[EMAIL_1"), "[jane@example.com");
        assert_eq!(restored("[   EMAIL_1]"), "[   jane@example.com]");
    }

    #[test]
    fn mismatched_brackets_are_kept() {
        assert_eq!(restored("[EMAIL_1)"), "[jane@example.com)");
        assert_eq!(restored("[(EMAIL_1)]"), "[jane@example.com]");
    }

    #[test]
    fn invalid_utf8_passes_through() {
        let v = vault();
        let text = b"\xff[EMAIL_1]\xc3\x00EMAIL_1\xfe";
        assert_eq!(
            v.restore(text),
            b"\xffjane@example.com\xc3\x00jane@example.com\xfe"
        );
    }
}
