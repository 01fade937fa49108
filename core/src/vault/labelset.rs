//! A set of normalised labels: the labels a text already holds, or the keyed tokens handed
//! out. A text holds a handful, so they are compared one by one, without hashing each label
//! read; a set that outgrows that is hashed (with the standard keyed hasher: the labels come
//! from the text, so a plain hash could be made to collide).

use super::SCANNED;
use std::collections::HashSet;

#[derive(Debug, Default)]
pub(crate) struct LabelSet {
    /// Every label while there are at most [`SCANNED`], compared one by one.
    few: Vec<Box<[u8]>>,
    /// Every label, once there are more than [`SCANNED`] (then `few` is empty).
    many: HashSet<Box<[u8]>>,
}

impl LabelSet {
    pub(crate) fn contains(&self, label: &[u8]) -> bool {
        if self.many.is_empty() {
            self.few.iter().any(|held| **held == *label)
        } else {
            self.many.contains(label)
        }
    }

    pub(crate) fn insert(&mut self, label: &[u8]) {
        if self.contains(label) {
            return;
        }
        if self.many.is_empty() && self.few.len() < SCANNED {
            self.few.push(label.into());
            return;
        }
        self.many.extend(self.few.drain(..));
        self.many.insert(label.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_what_was_inserted_when_few_and_when_many() {
        let mut set = LabelSet::default();
        assert!(!set.contains(b"SKU_1"));
        for n in 0..40 {
            let label = format!("SKU_{n}");
            set.insert(label.as_bytes());
            set.insert(label.as_bytes());
            for m in 0..45 {
                let other = format!("SKU_{m}");
                assert_eq!(set.contains(other.as_bytes()), m <= n, "{n} {m}");
            }
        }
        assert!(set.few.is_empty() && set.many.len() == 40);
    }
}
