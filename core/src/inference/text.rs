//! Turning token pieces into text: UTF-8 reassembly and stop strings.
//!
//! A token's bytes may end in the middle of a UTF-8 character (emoji, CJK), and a stop string may
//! arrive spread over several tokens. [`Output`] keeps both concerns out of the decode loop: it
//! only ever hands out whole characters, and never hands out text that might turn out to be the
//! start of a stop string, so a streaming caller sees exactly the final text, piece by piece.

/// Accumulates generated text and decides what may be emitted.
#[derive(Debug)]
pub(crate) struct Output {
    text: String,
    /// Bytes of an incomplete UTF-8 character carried to the next piece.
    pending: Vec<u8>,
    /// `text[..sent]` has been emitted.
    sent: usize,
    stops: Vec<String>,
}

impl Output {
    pub(crate) fn new(stops: &[String]) -> Output {
        Output {
            text: String::new(),
            pending: Vec::new(),
            sent: 0,
            stops: stops.iter().filter(|s| !s.is_empty()).cloned().collect(),
        }
    }

    /// Adds a token's bytes. Returns the text now safe to emit, and whether a stop string ended
    /// the output (the stop string and anything after it are dropped).
    pub(crate) fn push(&mut self, bytes: &[u8]) -> (&str, bool) {
        self.pending.extend_from_slice(bytes);
        self.decode_pending(false);
        self.advance()
    }

    /// Ends the output: flushes an incomplete character (as U+FFFD) and anything held back.
    pub(crate) fn finish(&mut self) -> &str {
        self.decode_pending(true);
        let start = self.sent;
        self.sent = self.text.len();
        &self.text[start..]
    }

    /// Drops text held back but never emitted (after a cancel, the caller saw only this much).
    pub(crate) fn keep_emitted(&mut self) {
        self.text.truncate(self.sent);
    }

    /// The full text so far (including held-back text).
    pub(crate) fn into_text(self) -> String {
        self.text
    }

    fn decode_pending(&mut self, at_end: bool) {
        loop {
            match std::str::from_utf8(&self.pending) {
                Ok(s) => {
                    self.text.push_str(s);
                    self.pending.clear();
                    return;
                }
                Err(e) => {
                    let valid = e.valid_up_to();
                    // The prefix is valid UTF-8 by the error's own report.
                    if let Ok(s) = std::str::from_utf8(&self.pending[..valid]) {
                        self.text.push_str(s);
                    }
                    match e.error_len() {
                        Some(bad) => {
                            self.text.push(char::REPLACEMENT_CHARACTER);
                            self.pending.drain(..valid + bad);
                        }
                        None if at_end => {
                            self.text.push(char::REPLACEMENT_CHARACTER);
                            self.pending.clear();
                            return;
                        }
                        None => {
                            self.pending.drain(..valid);
                            return;
                        }
                    }
                }
            }
        }
    }

    fn advance(&mut self) -> (&str, bool) {
        let start = self.sent;
        let unsent = &self.text[start..];
        // A match cannot begin in emitted text: that text was never a stop-string prefix.
        let hit = self
            .stops
            .iter()
            .filter_map(|stop| unsent.find(stop.as_str()))
            .min();
        if let Some(at) = hit {
            self.text.truncate(start + at);
            self.sent = self.text.len();
            return (&self.text[start..], true);
        }
        let hold = (start..self.text.len())
            .filter(|&p| self.text.is_char_boundary(p))
            .find(|&p| {
                let tail = &self.text[p..];
                self.stops.iter().any(|stop| stop.starts_with(tail))
            })
            .unwrap_or(self.text.len());
        self.sent = hold;
        (&self.text[start..hold], false)
    }
}

#[cfg(test)]
mod tests {
    use super::Output;

    fn run(pieces: &[&[u8]], stops: &[&str]) -> (String, String, bool) {
        let stops: Vec<String> = stops.iter().map(|s| s.to_string()).collect();
        let mut out = Output::new(&stops);
        let mut streamed = String::new();
        let mut stopped = false;
        for piece in pieces {
            let (emit, stop) = out.push(piece);
            streamed.push_str(emit);
            if stop {
                stopped = true;
                break;
            }
        }
        if !stopped {
            streamed.push_str(out.finish());
        }
        (streamed, out.into_text(), stopped)
    }

    #[test]
    fn stop_string_across_pieces() {
        let (streamed, text, stopped) = run(&[b"Hello wo", b"rld\nEN", b"D more"], &["\nEND"]);
        assert!(stopped);
        assert_eq!(text, "Hello world");
        assert_eq!(streamed, text);
    }

    #[test]
    fn held_prefix_released_when_not_a_stop() {
        let (streamed, text, stopped) = run(&[b"a\nE", b"X"], &["\nEND"]);
        assert!(!stopped);
        assert_eq!(text, "a\nEX");
        assert_eq!(streamed, text);
    }

    #[test]
    fn split_utf8_char_is_reassembled() {
        let euro = "€".as_bytes();
        let (streamed, text, _) = run(&[&euro[..1], &euro[1..], b"5"], &[]);
        assert_eq!(text, "€5");
        assert_eq!(streamed, text);
    }

    #[test]
    fn invalid_bytes_become_replacement() {
        let (_, text, _) = run(&[b"a\xff", b"b\xe2\x82"], &[]);
        assert_eq!(text, "a\u{FFFD}b\u{FFFD}");
    }

    #[test]
    fn earliest_stop_wins() {
        let (_, text, stopped) = run(&[b"one two three"], &["three", "two"]);
        assert!(stopped);
        assert_eq!(text, "one ");
    }
}
