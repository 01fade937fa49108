//! A byte trie in two flat arrays: labels are matched one byte at a time while a text is walked,
//! and a walk ends at the first byte no label continues with (usually the second byte of a word).

/// Node 0 is the root; each node's edges are contiguous in `edges`.
#[derive(Debug)]
pub(crate) struct Trie {
    nodes: Vec<Node>,
    edges: Vec<(u8, u32)>,
    /// Per byte: [`WORD`] and [`FIRST`] flags, so a scan for word starts costs one lookup a byte.
    class: [u8; 256],
}

/// Class flag: an ASCII letter, digit or `_`, which a key may not follow.
pub(crate) const WORD: u8 = 1;
/// Class flag: some key starts with this byte, ignoring ASCII case. Must be `WORD << 1`.
pub(crate) const FIRST: u8 = WORD << 1;

#[derive(Debug, Clone, Copy)]
struct Node {
    edges_start: u32,
    edges_len: u32,
    /// Value of the key ending here, or `u32::MAX`.
    value: u32,
}

/// A position in the trie.
pub(crate) type NodeId = u32;

pub(crate) const ROOT: NodeId = 0;

impl Trie {
    /// Builds the trie of `keys` (each with a value). Duplicate keys keep the first value.
    pub(crate) fn new(mut keys: Vec<(Box<[u8]>, u32)>) -> Trie {
        keys.sort_unstable();
        keys.dedup_by(|b, a| a.0 == b.0);
        let mut trie = Trie {
            nodes: vec![Node {
                edges_start: 0,
                edges_len: 0,
                value: u32::MAX,
            }],
            edges: Vec::new(),
            class: [0; 256],
        };
        for b in 0..=255u8 {
            if b.is_ascii_alphanumeric() || b == b'_' {
                trie.class[b as usize] |= WORD;
            }
        }
        for (key, _) in &keys {
            if let Some(&b) = key.first() {
                trie.class[b.to_ascii_uppercase() as usize] |= FIRST;
                trie.class[b.to_ascii_lowercase() as usize] |= FIRST;
            }
        }
        // Breadth first: (node, keys sharing its prefix, prefix length). Sorted keys make each
        // node's children contiguous runs of `keys`.
        let mut queue = std::collections::VecDeque::from([(ROOT, 0, keys.len(), 0)]);
        while let Some((node, mut lo, hi, depth)) = queue.pop_front() {
            if lo < hi && keys[lo].0.len() == depth {
                trie.nodes[node as usize].value = keys[lo].1;
                lo += 1;
            }
            trie.nodes[node as usize].edges_start = trie.edges.len() as u32;
            while lo < hi {
                let byte = keys[lo].0[depth];
                let end = lo + keys[lo..hi].partition_point(|(k, _)| k[depth] == byte);
                let child = trie.nodes.len() as NodeId;
                trie.nodes.push(Node {
                    edges_start: 0,
                    edges_len: 0,
                    value: u32::MAX,
                });
                trie.edges.push((byte, child));
                trie.nodes[node as usize].edges_len += 1;
                queue.push_back((child, lo, end, depth + 1));
                lo = end;
            }
        }
        trie
    }

    /// The [`WORD`] and [`FIRST`] flags of `byte`.
    #[inline]
    pub(crate) fn class(&self, byte: u8) -> u8 {
        self.class[byte as usize]
    }

    /// The node after `byte`, if some key continues that way.
    #[inline]
    pub(crate) fn step(&self, node: NodeId, byte: u8) -> Option<NodeId> {
        let n = self.nodes[node as usize];
        let start = n.edges_start as usize;
        self.edges[start..start + n.edges_len as usize]
            .iter()
            .find(|&&(b, _)| b == byte)
            .map(|&(_, child)| child)
    }

    /// The value of the key ending at `node`.
    #[inline]
    pub(crate) fn value(&self, node: NodeId) -> Option<u32> {
        let value = self.nodes[node as usize].value;
        (value != u32::MAX).then_some(value)
    }

    /// True when no key continues past `node`.
    #[inline]
    pub(crate) fn is_leaf(&self, node: NodeId) -> bool {
        self.nodes[node as usize].edges_len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(trie: &Trie, key: &[u8]) -> Option<NodeId> {
        key.iter().try_fold(ROOT, |node, &b| trie.step(node, b))
    }

    #[test]
    fn finds_keys_and_prefixes() {
        let keys = ["EMAIL_1", "EMAIL_12", "EMAIL_2", "PERSON_1"]
            .iter()
            .enumerate()
            .map(|(i, k)| (k.as_bytes().into(), i as u32))
            .collect();
        let trie = Trie::new(keys);
        assert_eq!(walk(&trie, b"EMAIL_1").and_then(|n| trie.value(n)), Some(0));
        assert_eq!(
            walk(&trie, b"EMAIL_12").and_then(|n| trie.value(n)),
            Some(1)
        );
        assert_eq!(
            walk(&trie, b"PERSON_1").and_then(|n| trie.value(n)),
            Some(3)
        );
        assert_eq!(walk(&trie, b"EMAIL_").and_then(|n| trie.value(n)), None);
        assert!(walk(&trie, b"EMAIL_3").is_none());
        assert!(trie.is_leaf(walk(&trie, b"EMAIL_2").unwrap()));
        assert!(!trie.is_leaf(walk(&trie, b"EMAIL_1").unwrap()));
        assert_eq!(trie.class(b'p'), WORD | FIRST);
        assert_eq!(trie.class(b'X'), WORD);
        assert_eq!(trie.class(b'-'), 0);
        assert!(Trie::new(Vec::new()).step(ROOT, b'E').is_none());
    }
}
