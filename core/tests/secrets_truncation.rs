//! Recognizers look ahead of their trigger; a value cut off at the end of the text (a streamed
//! chunk, a truncated log line) must never make them read past it or split a character.

use sovereign::Engine;

const SAMPLES: &[&str] = &[
    "key: AKIAFAKEQ2345ABCDEFG, sk-proj-FAKEabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ",
    "sk-ant-api03-FAKEabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ xoxb-123456789012-abcdef",
    "https://hooks.slack.com/services/T0FAKE123/B0FAKE456/FAKEabcdefghijklmnopqrst",
    "SG.FAKEabcdefghijklmnopqr.FAKEabcdefghijklmnopqrstuvwxyz0123456789abc",
    "AccountKey=FAKEabcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefgh==",
    "access_token$production$abcdefghij012345$0123456789abcdef0123456789abcdef",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.abcdefghijklmnopqrstuvwxyz",
    "-----BEGIN RSA PRIVATE KEY-----\nMIIabcdefghijklmnopqrstuvwxyz0123456789\n-----END RSA PRIVATE KEY-----",
    "Authorization: Basic YWRtaW46U2gwcFQzc3QhcGFzcw== and Bearer FAKEabcdefghij0123456789",
    "'crypt' => ['key' => '0123456789abcdef0123456789abcdef'],",
    "password=Zq8!kT2#pW5m aws_secret_access_key = FAKE/abcdefghijklmnopqrstuvwxyz012345",
    "integration token 0123456789abcdefghijklmnopqrstuv algolia 0123456789abcdef0123456789abcdef",
    "mailchimp 0123456789abcdef0123456789abcdef-us21 mailgun 0123456789abcdef0123456789abcdef-01234567-89abcdef",
    "AC0123456789abcdef0123456789abcdef key-0123456789abcdef0123456789abcdef",
    "mysql://u:p4ss@db:3306/x redis://:pw@c amqp://a:b@h ftp://a:b@h",
    "192.168.1.20 fe80::1ff:fe23:4567:890a ::ffff:192.0.2.128 00:1A:2B:3C:4D:5E",
    "+1 (555) 234-5678, +49 (0)30 12345678, 0041 44 668 18 00, Tel: 0301234567",
    "Mail mailto:jane@example.xn--p1ai é@é.é user@host.",
    "1BoatSLRHtKNngkdXEeobR76b53LETtpyT bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed Tél : 01 23 45 67 89 €",
];

#[test]
fn every_truncation_scans_cleanly() {
    let engine = Engine::new();
    for sample in SAMPLES {
        let bytes = sample.as_bytes();
        for end in 0..=bytes.len() {
            for f in engine.scan(&bytes[..end]) {
                assert!(f.start < f.end && f.end <= end, "{sample:?}[..{end}]");
                if let Ok(s) = std::str::from_utf8(&bytes[..end]) {
                    assert!(s.is_char_boundary(f.start) && s.is_char_boundary(f.end));
                }
            }
        }
        // Also with every byte after a cut replaced by invalid UTF-8.
        let mut noisy = bytes.to_vec();
        noisy.extend_from_slice(&[0xff, 0xc3, 0x80, 0xfe]);
        let _ = engine.scan(&noisy);
    }
}

proptest::proptest! {
    /// Arbitrary bytes built from trigger fragments never panic and give in-bounds spans.
    #[test]
    fn arbitrary_fragments_scan_cleanly(parts in proptest::collection::vec(
        proptest::sample::select(vec![
            "sk-", "ant-", "api03-", "xoxb-", "AKIA", "eyJ", ".", "-----BEGIN ", "PRIVATE KEY-----",
            "-----END ", "://", "@", ":", "+", "(", ")", " ", "-", "0", "1", "5", "9", "a", "F",
            "password", "=", "'", "\"", "crypt", "=>", "[", "key", "bc1", "0x", "AccountKey=",
            "Bearer ", "Basic ", "é", "\u{fffd}", "::", "192.168.", "hooks.slack.com/services/",
        ]),
        0..40,
    )) {
        static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
        let text = parts.concat();
        for f in ENGINE.get_or_init(Engine::new).scan(&text) {
            proptest::prop_assert!(f.start < f.end && f.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        }
    }
}
