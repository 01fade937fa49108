//! Recognizers for credentials, gitleaks-style: a specific literal (a vendor prefix such as
//! `ghp_` or a keyword such as `password`) triggers the rule, the bytes after it must have the
//! vendor's shape, and free-form values must also pass a Shannon-entropy threshold.
//!
//! Prefix rules are one table ([`PREFIXES`]) read by one function, so a new vendor is one line.

use std::sync::LazyLock;

use regex::bytes::Regex;

use crate::catalogue::EntityKind;
use crate::detect::context::ContextWords;
use crate::detect::validators::{base64url, entropy};
use crate::detect::{Candidate, LiteralRule, TextRule, Word};

/// Characters allowed in a token body.
#[derive(Clone, Copy)]
enum Class {
    /// `A-Z a-z 0-9`
    Alnum,
    /// `A-Z 2-7` (AWS key ids are upper-case base32).
    Base32Upper,
    /// `A-Z a-z 0-9 _ -`
    UrlSafe,
    /// `A-Z a-z 0-9 _`
    Word,
    /// `0-9 a-f A-F`
    Hex,
    /// `0-9 a-f`
    LowerHex,
    /// Base64 plus the separators Adyen keys use: `A-Z a-z 0-9 + / = . _ -`
    Base64Ish,
}

impl Class {
    fn has(self, b: u8) -> bool {
        match self {
            Class::Alnum => b.is_ascii_alphanumeric(),
            Class::Base32Upper => b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b),
            Class::UrlSafe => b.is_ascii_alphanumeric() || b == b'_' || b == b'-',
            Class::Word => b.is_ascii_alphanumeric() || b == b'_',
            Class::Hex => b.is_ascii_hexdigit(),
            Class::LowerHex => b.is_ascii_digit() || (b'a'..=b'f').contains(&b),
            Class::Base64Ish => {
                b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'.' | b'_' | b'-')
            }
        }
    }
}

/// A token made of a fixed, case-sensitive prefix and a body of `min..=max` bytes of `class`.
struct Prefix {
    prefix: &'static str,
    kind: EntityKind,
    class: Class,
    min: usize,
    max: usize,
    /// Minimum Shannon entropy of the body in bits per byte (0.0: not checked).
    entropy: f64,
    score: f32,
    rule: &'static str,
}

macro_rules! prefix {
    ($p:literal, $kind:ident, $class:ident, $min:literal..=$max:literal, $ent:literal, $score:literal, $rule:literal) => {
        Prefix {
            prefix: $p,
            kind: EntityKind::$kind,
            class: Class::$class,
            min: $min,
            max: $max,
            entropy: $ent,
            score: $score,
            rule: $rule,
        }
    };
}

#[rustfmt::skip]
const PREFIXES: &[Prefix] = &[
    prefix!("AKIA", AwsAccessKeyId, Base32Upper, 16..=16, 0.0, 0.9, "aws.key_id"),
    prefix!("ASIA", AwsAccessKeyId, Base32Upper, 16..=16, 0.0, 0.9, "aws.key_id"),
    prefix!("AGPA", AwsAccessKeyId, Base32Upper, 16..=16, 0.0, 0.9, "aws.key_id"),
    prefix!("AIDA", AwsAccessKeyId, Base32Upper, 16..=16, 0.0, 0.9, "aws.key_id"),
    prefix!("AROA", AwsAccessKeyId, Base32Upper, 16..=16, 0.0, 0.9, "aws.key_id"),
    prefix!("ANPA", AwsAccessKeyId, Base32Upper, 16..=16, 0.0, 0.9, "aws.key_id"),
    prefix!("ANVA", AwsAccessKeyId, Base32Upper, 16..=16, 0.0, 0.9, "aws.key_id"),
    prefix!("AIPA", AwsAccessKeyId, Base32Upper, 16..=16, 0.0, 0.9, "aws.key_id"),
    prefix!("AIza", GoogleApiKey, UrlSafe, 35..=35, 0.0, 0.9, "google.api_key"),
    prefix!("GOCSPX-", GoogleOauthSecret, UrlSafe, 28..=28, 0.0, 0.95, "google.oauth_secret"),
    prefix!("sk_live_", StripeKey, Alnum, 24..=247, 0.0, 0.95, "stripe.key"),
    prefix!("sk_test_", StripeKey, Alnum, 24..=247, 0.0, 0.9, "stripe.key"),
    prefix!("rk_live_", StripeKey, Alnum, 24..=247, 0.0, 0.95, "stripe.key"),
    prefix!("rk_test_", StripeKey, Alnum, 24..=247, 0.0, 0.9, "stripe.key"),
    prefix!("pk_live_", StripeKey, Alnum, 24..=247, 0.0, 0.9, "stripe.key"),
    prefix!("pk_test_", StripeKey, Alnum, 24..=247, 0.0, 0.85, "stripe.key"),
    prefix!("whsec_", StripeKey, Alnum, 32..=64, 0.0, 0.9, "stripe.webhook_secret"),
    prefix!("ghp_", GithubToken, Alnum, 36..=36, 0.0, 0.95, "github.token"),
    prefix!("gho_", GithubToken, Alnum, 36..=36, 0.0, 0.95, "github.token"),
    prefix!("ghu_", GithubToken, Alnum, 36..=36, 0.0, 0.95, "github.token"),
    prefix!("ghs_", GithubToken, Alnum, 36..=36, 0.0, 0.95, "github.token"),
    prefix!("ghr_", GithubToken, Alnum, 36..=36, 0.0, 0.95, "github.token"),
    prefix!("github_pat_", GithubToken, Word, 82..=82, 0.0, 0.95, "github.fine_grained"),
    prefix!("glpat-", GitlabToken, UrlSafe, 20..=64, 0.0, 0.95, "gitlab.token"),
    prefix!("shpat_", ShopifyToken, Hex, 32..=32, 0.0, 0.95, "shopify.token"),
    prefix!("shpca_", ShopifyToken, Hex, 32..=32, 0.0, 0.95, "shopify.token"),
    prefix!("shppa_", ShopifyToken, Hex, 32..=32, 0.0, 0.95, "shopify.token"),
    prefix!("shpss_", ShopifyToken, Hex, 32..=32, 0.0, 0.95, "shopify.token"),
    prefix!("npm_", NpmToken, Alnum, 36..=36, 0.0, 0.9, "npm.token"),
    prefix!("hf_", HuggingfaceToken, Alnum, 34..=34, 0.0, 0.9, "huggingface.token"),
    prefix!("key-", MailgunKey, LowerHex, 32..=32, 0.0, 0.85, "mailgun.key"),
    prefix!("AQE", AdyenKey, Base64Ish, 60..=400, 4.0, 0.85, "adyen.key"),
];

/// Literals: every vendor prefix, plus the keyword triggers of the context-driven rules.
pub(crate) const LITERALS: &[LiteralRule] = literals![
    AwsAccessKeyId..=GenericSecret: prefixed => [
        "AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA", "AIza", "GOCSPX-",
        "sk_live_", "sk_test_", "rk_live_", "rk_test_", "pk_live_", "pk_test_", "whsec_", "ghp_",
        "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "shpat_", "shpca_", "shppa_",
        "shpss_", "npm_", "hf_", "key-", "AQE",
    ],
    AwsAccessKeyId..=GenericSecret: openai_or_anthropic => ["sk-"],
    AwsAccessKeyId..=GenericSecret: slack_token => ["xox"],
    AwsAccessKeyId..=GenericSecret: slack_webhook => ["hooks.slack.com/services/"],
    AwsAccessKeyId..=GenericSecret: sendgrid => ["SG."],
    AwsAccessKeyId..=GenericSecret: azure_storage => ["AccountKey="],
    AwsAccessKeyId..=GenericSecret: braintree_access_token => ["access_token$"],
    AwsAccessKeyId..=GenericSecret: jwt => ["eyJ"],
    AwsAccessKeyId..=GenericSecret: private_key => ["-----BEGIN "],
    AwsAccessKeyId..=GenericSecret: authorization => ["bearer", "basic"],
    AwsAccessKeyId..=GenericSecret: aws_secret => ["aws_secret", "secretaccesskey"],
    AwsAccessKeyId..=GenericSecret: magento_crypt_key => ["crypt"],
    AwsAccessKeyId..=GenericSecret: generic_secret => [
        "password", "passwd", "pwd", "secret", "token", "api_key", "apikey", "api-key",
    ],
];

/// The family's digit-word rules (see [`super::WordRules`]).
#[inline(always)]
pub(super) fn on_word(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    secret_word(text, word, out);
}
pub(crate) const TEXTS: &[TextRule] = &[];
pub(crate) const CONTEXT: &[ContextWords] = &[ContextWords {
    kind: EntityKind::TwilioKey,
    raise: &["twilio"],
    lower: &[],
}];

/// True when no alphanumeric byte (or `_`) is glued to the left of `at`.
fn free_before(text: &[u8], at: usize) -> bool {
    at == 0 || !(text[at - 1].is_ascii_alphanumeric() || text[at - 1] == b'_')
}

/// End of the run of `class` bytes starting at `from`, scanning at most `max + 1` bytes.
fn run_end(text: &[u8], from: usize, class: Class, max: usize) -> usize {
    let limit = text.len().min(from.saturating_add(max + 1));
    let mut end = from;
    while end < limit && class.has(text[end]) {
        end += 1;
    }
    end
}

/// True when the lower-cased `window` (the bytes before a value) holds `word`.
fn near(window: &[u8], word: &str) -> bool {
    crate::text::contains_ignore_ascii_case(window, word.as_bytes())
}

fn prefixed(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    let found = &text[start..end];
    let Some(spec) = PREFIXES.iter().find(|p| p.prefix.as_bytes() == found) else {
        return;
    };
    if !free_before(text, start) {
        return;
    }
    let mut body_end = run_end(text, end, spec.class, spec.max);
    // A sentence's full stop is not part of a token whose alphabet has `.`.
    while body_end > end && text[body_end - 1] == b'.' {
        body_end -= 1;
    }
    let len = body_end - end;
    if len < spec.min || len > spec.max {
        return;
    }
    let body = &text[end..body_end];
    // Real keys mix digits and letters; `AKIAEXAMPLEONLYWORDS` and `key-` + 32 zeros do not.
    let digits = body.iter().filter(|b| b.is_ascii_digit()).count();
    if digits == 0 || digits == len {
        return;
    }
    if spec.entropy > 0.0 && entropy::shannon(body) < spec.entropy {
        return;
    }
    out.push(Candidate::new(
        spec.kind, start, body_end, spec.score, spec.rule,
    ));
    if spec.kind == EntityKind::AwsAccessKeyId {
        aws_secret_after_key_id(text, body_end, out);
    }
}

/// An AWS secret key written after its access key id on the same line ("AKIA… with secret
/// wJalr…", "AKIA…:wJalr…"): a stand-alone token of 40 base64 characters mixing upper case, lower
/// case and digits, entropy checked. Without the id (or an `aws_secret` keyword), 40 random
/// characters could be any token.
fn aws_secret_after_key_id(text: &[u8], from: usize, out: &mut Vec<Candidate>) {
    const WINDOW: usize = 48;
    let b64 = |b: u8| b.is_ascii_alphanumeric() || b == b'+' || b == b'/';
    let limit = (from + WINDOW).min(text.len());
    let mut i = from;
    while i < limit && text[i] != b'\n' {
        if !b64(text[i]) || b64(text[i - 1]) {
            i += 1;
            continue;
        }
        let end = i + text[i..].iter().take_while(|&&b| b64(b)).count();
        let token = &text[i..end];
        let glued = text
            .get(end)
            .is_some_and(|&b| b == b'_' || b == b'-' || b == b'=');
        let mixed = token.iter().any(u8::is_ascii_uppercase)
            && token.iter().any(u8::is_ascii_lowercase)
            && token.iter().any(u8::is_ascii_digit);
        if token.len() == 40 && !glued && mixed && entropy::shannon(token) >= 4.0 {
            out.push(Candidate::new(
                EntityKind::AwsSecretKey,
                i,
                end,
                0.85,
                "aws.secret_key.after_key_id",
            ));
            return;
        }
        i = end;
    }
}

/// OpenAI keys (`sk-`, `sk-proj-`, `sk-svcacct-`, `sk-admin-`) and Anthropic keys (`sk-ant-`).
fn openai_or_anthropic(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    if &text[start..end] != b"sk-" || !free_before(text, start) {
        return;
    }
    let body_end = run_end(text, end, Class::UrlSafe, 256);
    let body = &text[end..body_end];
    if body.len() > 256 || body.len() < 20 {
        return;
    }
    if let Some(rest) = body.strip_prefix(b"ant-") {
        // sk-ant-api03-…, sk-ant-admin01-…: a kind, two digits, a dash, a long key.
        let kind_len = rest.iter().take_while(|b| b.is_ascii_lowercase()).count();
        let tail = &rest[kind_len..];
        if kind_len >= 3
            && tail.len() > 3
            && tail[..2].iter().all(u8::is_ascii_digit)
            && tail[2] == b'-'
            && tail.len() - 3 >= 32
        {
            out.push(Candidate::new(
                EntityKind::AnthropicApiKey,
                start,
                body_end,
                0.95,
                "anthropic.key",
            ));
        }
        return;
    }
    let marker = memchr::memmem::find(body, b"T3BlbkFJ").is_some();
    let project = [&b"proj-"[..], b"svcacct-", b"admin-", b"None-"]
        .iter()
        .find_map(|p| body.strip_prefix(*p));
    let score = if marker {
        0.95
    } else if let Some(rest) = project {
        if rest.len() < 40 || entropy::shannon(rest) < 4.0 {
            return;
        }
        0.85
    } else if body.len() == 48
        && body.iter().all(u8::is_ascii_alphanumeric)
        && entropy::shannon(body) >= 4.0
    {
        0.85
    } else {
        return;
    };
    out.push(Candidate::new(
        EntityKind::OpenaiApiKey,
        start,
        body_end,
        score,
        "openai.key",
    ));
}

/// Slack tokens: `xox` + a type letter + `-` + dash-separated numeric and alphanumeric parts.
fn slack_token(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    if &text[start..end] != b"xox" || !free_before(text, start) || text.len() < end + 2 {
        return;
    }
    if !matches!(text[end], b'a' | b'b' | b'p' | b'r' | b's' | b'e' | b'o') || text[end + 1] != b'-'
    {
        return;
    }
    let body_start = end + 2;
    let limit = text.len().min(body_start + 250);
    let mut body_end = body_start;
    while body_end < limit && (text[body_end].is_ascii_alphanumeric() || text[body_end] == b'-') {
        body_end += 1;
    }
    while body_end > body_start && text[body_end - 1] == b'-' {
        body_end -= 1;
    }
    let body = &text[body_start..body_end];
    let parts = body.split(|&b| b == b'-').count();
    let digits = body.iter().filter(|b| b.is_ascii_digit()).count();
    if body.len() >= 20 && parts >= 2 && digits >= 6 {
        out.push(Candidate::new(
            EntityKind::SlackToken,
            start,
            body_end,
            0.9,
            "slack.token",
        ));
    }
}

/// `hooks.slack.com/services/T…/B…/secret`, with its `https://` when present.
fn slack_webhook(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    let mut pos = end;
    for (lead, min, max) in [(Some(b'T'), 8, 12), (Some(b'B'), 8, 12), (None, 20, 32)] {
        if let Some(lead) = lead {
            if text.get(pos) != Some(&lead) {
                return;
            }
        }
        let part_end = run_end(text, pos, Class::Alnum, max);
        if part_end - pos < min || part_end - pos > max + 1 {
            return;
        }
        pos = part_end;
        if lead.is_some() {
            if text.get(pos) != Some(&b'/') {
                return;
            }
            pos += 1;
        }
    }
    let scheme = b"https://";
    let begin = if start >= scheme.len()
        && text[start - scheme.len()..start].eq_ignore_ascii_case(scheme)
    {
        start - scheme.len()
    } else {
        start
    };
    out.push(
        Candidate::new(EntityKind::SlackWebhook, begin, pos, 0.95, "slack.webhook").validated(),
    );
}

/// SendGrid: `SG.` + 22 + `.` + 43 URL-safe characters.
fn sendgrid(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    if &text[start..end] != b"SG." || !free_before(text, start) {
        return;
    }
    let first = run_end(text, end, Class::UrlSafe, 22);
    if first - end != 22 || text.get(first) != Some(&b'.') {
        return;
    }
    let second = run_end(text, first + 1, Class::UrlSafe, 43);
    if second - first - 1 == 43 {
        out.push(Candidate::new(
            EntityKind::SendgridKey,
            start,
            second,
            0.95,
            "sendgrid.key",
        ));
    }
}

/// Azure storage connection strings: `AccountKey=` + 86 base64 characters + `==` (64 bytes).
fn azure_storage(text: &[u8], _start: usize, end: usize, out: &mut Vec<Candidate>) {
    let is_b64 = |b: u8| b.is_ascii_alphanumeric() || b == b'+' || b == b'/';
    let limit = text.len().min(end + 87);
    let mut body_end = end;
    while body_end < limit && is_b64(text[body_end]) {
        body_end += 1;
    }
    if body_end - end == 86 && text.get(body_end..body_end + 2) == Some(b"==") {
        out.push(Candidate::new(
            EntityKind::AzureStorageKey,
            end,
            body_end + 2,
            0.95,
            "azure.account_key",
        ));
    }
}

/// Braintree/PayPal access tokens: `access_token$production$` + 16 `[0-9a-z]` + `$` + 32 hex.
fn braintree_access_token(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    let rest = &text[end..];
    let env_len = if rest.starts_with(b"production$") {
        11
    } else if rest.starts_with(b"sandbox$") {
        8
    } else {
        return;
    };
    let id_start = end + env_len;
    let lower_alnum = |b: &u8| b.is_ascii_digit() || b.is_ascii_lowercase();
    let id = text.get(id_start..id_start + 16);
    let sep = text.get(id_start + 16);
    let key_start = id_start + 17;
    let key_end = run_end(text, key_start, Class::LowerHex, 32);
    if id.is_some_and(|id| id.iter().all(lower_alnum))
        && sep == Some(&b'$')
        && key_end - key_start == 32
    {
        out.push(Candidate::new(
            EntityKind::PaypalBraintreeToken,
            start,
            key_end,
            0.95,
            "braintree.access_token",
        ));
    }
}

/// JSON Web Tokens: three base64url segments; the header must decode to a JSON object naming
/// its `alg`, and the payload to a JSON object.
fn jwt(text: &[u8], start: usize, _end: usize, out: &mut Vec<Candidate>) {
    if !free_before(text, start) || (start > 0 && text[start - 1] == b'-') {
        return;
    }
    let header_end = run_end(text, start, Class::UrlSafe, 2048);
    if text.get(header_end) != Some(&b'.') {
        return;
    }
    let payload_end = run_end(text, header_end + 1, Class::UrlSafe, 16384);
    if payload_end == header_end + 1 || text.get(payload_end) != Some(&b'.') {
        return;
    }
    let sig_end = run_end(text, payload_end + 1, Class::UrlSafe, 2048);
    if sig_end - payload_end - 1 < 16 {
        return;
    }
    let json_object =
        |segment: &[u8]| base64url::decode(segment).filter(|d| d.first() == Some(&b'{'));
    let Some(header) = json_object(&text[start..header_end]) else {
        return;
    };
    if memchr::memmem::find(&header, b"\"alg\"").is_none()
        || json_object(&text[header_end + 1..payload_end]).is_none()
    {
        return;
    }
    out.push(Candidate::new(EntityKind::Jwt, start, sig_end, 0.95, "jwt").validated());
}

/// PEM private keys: the whole block from `-----BEGIN … PRIVATE KEY-----` to its END line (or to
/// the end of the base64 body when the END line is missing, as in a truncated paste).
fn private_key(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    let rest = &text[end..];
    let mut label = 0;
    for algo in [&b"RSA "[..], b"EC ", b"DSA ", b"OPENSSH ", b"ENCRYPTED "] {
        if rest.starts_with(algo) {
            label = algo.len();
            break;
        }
    }
    let head = b"PRIVATE KEY-----";
    if !rest[label..].starts_with(head) {
        return;
    }
    let body = end + label + head.len();
    let window = &text[body..text.len().min(body + 65536)];
    let block_end = match memchr::memmem::find(window, b"-----END ") {
        Some(i) => {
            let after = body + i + 9;
            match memchr::memmem::find(&text[after..text.len().min(after + 40)], b"-----") {
                Some(j) => after + j + 5,
                None => return,
            }
        }
        None => {
            let pem = |b: &u8| b.is_ascii_alphanumeric() || b"+/=\r\n \t:-,".contains(b);
            let mut e = body + window.iter().take_while(|b| pem(b)).count();
            while e > body && text[e - 1].is_ascii_whitespace() {
                e -= 1;
            }
            if e - body < 32 {
                return;
            }
            e
        }
    };
    out.push(
        Candidate::new(
            EntityKind::PrivateKey,
            start,
            block_end,
            1.0,
            "pem.private_key",
        )
        .validated(),
    );
}

/// `Authorization: Bearer <token>` / `Basic <base64 user:password>`: the credential part. A Basic
/// credential must decode to `user:password`; a Bearer token must be long and mixed.
fn authorization(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    if !free_before(text, start) || !matches!(text.get(end), Some(b' ' | b'\t')) {
        return;
    }
    let cred_start = end + 1;
    let is_cred = |b: u8| b.is_ascii_alphanumeric() || b"._~+/=-".contains(&b);
    let limit = text.len().min(cred_start + 4096);
    let mut cred_end = cred_start;
    while cred_end < limit && is_cred(text[cred_end]) {
        cred_end += 1;
    }
    while cred_end > cred_start && text[cred_end - 1] == b'.' {
        cred_end -= 1;
    }
    let cred = &text[cred_start..cred_end];
    let header = near(&text[start.saturating_sub(32)..start], "authorization");
    if text[start].eq_ignore_ascii_case(&b'b') && text[start + 1].eq_ignore_ascii_case(&b'a') {
        // Basic: base64 of "user:password".
        let decoded = match base64url::decode(cred) {
            Some(d) if cred.len() >= 8 => d,
            _ => return,
        };
        let colon = decoded.iter().position(|&b| b == b':');
        let printable = decoded.iter().all(|b| (0x20..0x7f).contains(b));
        if let (Some(c), true) = (colon, printable) {
            if c > 0 && c + 1 < decoded.len() {
                let score = if header { 0.95 } else { 0.8 };
                out.push(
                    Candidate::new(
                        EntityKind::BearerToken,
                        cred_start,
                        cred_end,
                        score,
                        "http.basic",
                    )
                    .validated(),
                );
            }
        }
        return;
    }
    // 32 lower-case alphanumerics are a Magento access token; that rule reports them.
    if cred.len() == 32
        && cred
            .iter()
            .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
    {
        return;
    }
    let digits = cred.iter().filter(|b| b.is_ascii_digit()).count();
    let letters = cred.iter().filter(|b| b.is_ascii_alphabetic()).count();
    if cred.len() < 16 || digits == 0 || letters == 0 || entropy::shannon(cred) < 3.0 {
        return;
    }
    let score = if header { 0.9 } else { 0.75 };
    out.push(Candidate::new(
        EntityKind::BearerToken,
        cred_start,
        cred_end,
        score,
        "http.bearer",
    ));
}

/// The value assigned right after a keyword: `KEY=v`, `key: v`, `"key": "v"`, `'key' => 'v'`,
/// `?key=v&`. Returns the value's span (without quotes) and whether it was quoted.
fn assigned_value(text: &[u8], keyword_end: usize) -> Option<(usize, usize, bool)> {
    let len = text.len();
    let mut i = keyword_end;
    // The rest of the identifier (`PASSWORD_HASH`, `token.secret`), then its closing quote.
    let ident_limit = len.min(i + 24);
    while i < ident_limit
        && (text[i].is_ascii_alphanumeric() || matches!(text[i], b'_' | b'-' | b'.'))
    {
        i += 1;
    }
    if i < len && matches!(text[i], b'"' | b'\'' | b'`') {
        i += 1;
    }
    let skip_blank = |mut i: usize| {
        let limit = len.min(i + 8);
        while i < limit && matches!(text[i], b' ' | b'\t') {
            i += 1;
        }
        i
    };
    i = skip_blank(i);
    match text.get(i..len.min(i + 2)) {
        Some([b'=', b'>', ..]) | Some([b':', b'=', ..]) => i += 2,
        Some([b'=', b'=', ..]) => return None,
        Some([b'=' | b':', ..]) => i += 1,
        _ => return None,
    }
    i = skip_blank(i);
    let quote = *text.get(i)?;
    if matches!(quote, b'"' | b'\'' | b'`') {
        let start = i + 1;
        let window = &text[start..len.min(start + 256)];
        let close = window.iter().position(|&b| b == quote || b == b'\n')?;
        (window[close] == quote).then_some((start, start + close, true))
    } else {
        let start = i;
        let limit = len.min(start + 256);
        let mut end = start;
        while end < limit && !b" \t\r\n,;&)}]<>\"'`".contains(&text[end]) {
            end += 1;
        }
        Some((start, end, false))
    }
}

/// Values that are obviously not real secrets: variables, templates, masks and stock words.
fn is_placeholder(value: &[u8]) -> bool {
    const WORDS: &[&str] = &[
        "changeme",
        "change_me",
        "password",
        "passwd",
        "secret",
        "null",
        "nil",
        "none",
        "true",
        "false",
        "undefined",
        "example",
        "placeholder",
        "redacted",
        "your_password",
        "yourpassword",
        "your-password",
        "mypassword",
        "password123",
        "secret123",
        "test1234",
        "12345678",
        "123456789",
        "qwertyui",
        "xxxxxxxx",
        "notasecret",
    ];
    if WORDS
        .iter()
        .any(|w| value.eq_ignore_ascii_case(w.as_bytes()))
    {
        return true;
    }
    // Instructions rather than values: `your-api-key-here`, `insert_token`, `example123`.
    const HINTS: &[&str] = &[
        "your",
        "here",
        "example",
        "placeholder",
        "dummy",
        "sample",
        "xxxx",
        "changeme",
        "insert",
        "replace",
        "redacted",
    ];
    if HINTS.iter().any(|h| near(value, h)) {
        return true;
    }
    let first = value.first().copied().unwrap_or(b' ');
    let all_mask = value
        .iter()
        .all(|&b| matches!(b, b'*' | b'x' | b'X' | b'.' | b'#' | b'-' | b'_'));
    let template = [
        &b"${"[..],
        b"{{",
        b"%env(",
        b"%(",
        b"getenv",
        b"process.env",
        b"env(",
    ]
    .iter()
    .any(|t| memchr::memmem::find(value, t).is_some());
    let bracketed = (first == b'<' && value.last() == Some(&b'>'))
        || (first == b'[' && value.last() == Some(&b']'))
        || (first == b'%' && value.last() == Some(&b'%'));
    // `$password` is a variable; `$2y$10$…` (a bcrypt hash) is not.
    let identifier = value
        .get(1..)
        .unwrap_or_default()
        .iter()
        .all(|&b| b.is_ascii_alphanumeric() || b == b'_');
    let variable = (first == b'$' && identifier) || value.contains(&b'(');
    // A path (`PWD=/var/www/html`) or a URL is configuration, not a credential.
    let path = first == b'/' && value[1..].contains(&b'/');
    let url = memchr::memmem::find(value, b"://").is_some();
    all_mask || template || bracketed || variable || path || url
}

/// `password=`, `secret:`, `token=`, `api_key:` … assignments in env files, JSON, YAML, PHP arrays
/// and query strings: the value, when long enough, not a placeholder and random-looking.
fn generic_secret(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    let Some((v_start, v_end, quoted)) = assigned_value(text, end) else {
        return;
    };
    let value = &text[v_start..v_end];
    if value.len() < 8 || is_placeholder(value) || entropy::shannon(value) < 3.0 {
        return;
    }
    // A single-case word (`password: required`, `token: abcdefgh`) is prose, not a secret.
    let letters_only = value.iter().all(u8::is_ascii_alphabetic);
    let one_case =
        value.iter().all(u8::is_ascii_lowercase) || value.iter().all(u8::is_ascii_uppercase);
    if letters_only && one_case {
        return;
    }
    // An unquoted value must not be code (`password = request.form.get`).
    if !quoted && value.iter().filter(|&&b| b == b'.').count() >= 2 {
        return;
    }
    let _ = start;
    out.push(Candidate::new(
        EntityKind::GenericSecret,
        v_start,
        v_end,
        0.7,
        "generic.assignment",
    ));
}

/// `aws_secret_access_key = …` / `SecretAccessKey: …`: 40 base64 characters, entropy checked.
fn aws_secret(text: &[u8], _start: usize, end: usize, out: &mut Vec<Candidate>) {
    let Some((v_start, v_end, _)) = assigned_value(text, end) else {
        return;
    };
    let value = &text[v_start..v_end];
    let b64 = |b: &u8| b.is_ascii_alphanumeric() || *b == b'+' || *b == b'/';
    if value.len() == 40 && value.iter().all(b64) && entropy::shannon(value) >= 3.5 {
        out.push(Candidate::new(
            EntityKind::AwsSecretKey,
            v_start,
            v_end,
            0.9,
            "aws.secret_key",
        ));
    }
}

/// Magento's `app/etc/env.php`: `'crypt' => ['key' => '…']` or `array('key' => '…')`; the key
/// string may hold several keys on separate lines and 2.4.7+ keys start with `base64`.
fn magento_crypt_key(text: &[u8], start: usize, end: usize, out: &mut Vec<Candidate>) {
    static SHAPE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r#"(?s-u)\A['"]\s*=>\s*(?:\[|array\s*\()\s*['"]key['"]\s*=>\s*(?:'([^'\\]{16,1024})'|"([^"\\]{16,1024})")"#,
        )
        .expect("valid regex")
    });
    if start == 0 || !matches!(text[start - 1], b'\'' | b'"') {
        return;
    }
    let window = &text[end..text.len().min(end + 1200)];
    let Some(caps) = SHAPE.captures(window) else {
        return;
    };
    let Some(value) = caps.get(1).or_else(|| caps.get(2)) else {
        return;
    };
    let key = value.as_bytes();
    if key
        .iter()
        .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace())
        && entropy::shannon(key) >= 3.0
    {
        out.push(
            Candidate::new(
                EntityKind::MagentoCryptKey,
                end + value.start(),
                end + value.end(),
                0.95,
                "magento.crypt_key",
            )
            .validated(),
        );
    }
}

/// One entry point for the word-shaped keys, dispatched on length.
#[inline(always)]
fn secret_word(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    match word.end - word.start {
        32 => hex32(text, word, out),
        34 => twilio(text, word, out),
        _ => {}
    }
}

/// 32-character words: Mailchimp keys (`-usNN` suffix), Algolia and Braintree keys (by context),
/// Mailgun private keys (`-8hex-8hex` suffix near `mailgun`), Magento access tokens (by context).
#[inline(never)]
fn hex32(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    if word.end - word.start != 32 || word.letters == 0 {
        return;
    }
    let (start, end) = (word.start, word.end);
    if start > 0 && matches!(text[start - 1], b'_' | b'-' | b'$' | b'/' | b'.') {
        return;
    }
    let bytes = &text[start..end];
    let lower_hex = bytes
        .iter()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b));
    let lower_alnum = bytes
        .iter()
        .all(|b| b.is_ascii_digit() || b.is_ascii_lowercase());
    let before = &text[start.saturating_sub(64)..start];
    let rest = &text[end..];
    if lower_hex {
        if rest.len() >= 4 && rest.starts_with(b"-us") && rest[3].is_ascii_digit() {
            let suffix = 3 + rest[3..]
                .iter()
                .take(3)
                .take_while(|b| b.is_ascii_digit())
                .count();
            if !rest.get(suffix).is_some_and(u8::is_ascii_alphanumeric) {
                out.push(Candidate::new(
                    EntityKind::MailchimpKey,
                    start,
                    end + suffix,
                    0.9,
                    "mailchimp.key",
                ));
                return;
            }
        }
        if rest.len() >= 18
            && rest[0] == b'-'
            && rest[9] == b'-'
            && rest[1..9]
                .iter()
                .chain(&rest[10..18])
                .all(u8::is_ascii_hexdigit)
            && near(before, "mailgun")
        {
            out.push(Candidate::new(
                EntityKind::MailgunKey,
                start,
                end + 18,
                0.85,
                "mailgun.private_key",
            ));
            return;
        }
        if rest.first().is_some_and(|&b| b == b'-' || b == b'_') {
            return;
        }
        if near(before, "algolia") {
            out.push(Candidate::new(
                EntityKind::AlgoliaKey,
                start,
                end,
                0.8,
                "algolia.key",
            ));
        }
        if near(before, "braintree") {
            out.push(Candidate::new(
                EntityKind::PaypalBraintreeToken,
                start,
                end,
                0.75,
                "braintree.key",
            ));
        }
    }
    if lower_alnum && !rest.first().is_some_and(|&b| b == b'-' || b == b'_') {
        let context = [
            "integration",
            "access_token",
            "access token",
            "bearer",
            "token",
        ];
        if context
            .iter()
            .any(|w| near(&text[start.saturating_sub(40)..start], w))
        {
            out.push(Candidate::new(
                EntityKind::MagentoToken,
                start,
                end,
                0.8,
                "magento.token",
            ));
        }
    }
}

/// Twilio account SIDs and API key SIDs: `AC`/`SK` + 32 lower-case hex characters.
#[inline(never)]
fn twilio(text: &[u8], word: &Word, out: &mut Vec<Candidate>) {
    if word.end - word.start != 34 {
        return;
    }
    let bytes = &text[word.start..word.end];
    if !(bytes.starts_with(b"AC") || bytes.starts_with(b"SK")) {
        return;
    }
    if bytes[2..]
        .iter()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
    {
        out.push(Candidate::new(
            EntityKind::TwilioKey,
            word.start,
            word.end,
            0.75,
            "twilio.sid",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str, keyword: &str) -> Option<String> {
        let end = text.find(keyword)? + keyword.len();
        let (s, e, _) = assigned_value(text.as_bytes(), end)?;
        Some(text[s..e].to_string())
    }

    #[test]
    fn assignment_syntaxes() {
        assert_eq!(
            value("DB_PASSWORD=abc def", "PASSWORD").as_deref(),
            Some("abc")
        );
        assert_eq!(
            value(r#""password": "a b""#, "password").as_deref(),
            Some("a b")
        );
        assert_eq!(
            value("'password' => 'x',", "password").as_deref(),
            Some("x")
        );
        assert_eq!(value("?api_key=k1&x=2", "api_key").as_deref(), Some("k1"));
        assert_eq!(value("token := t0k", "token").as_deref(), Some("t0k"));
        assert_eq!(value("password == other", "password"), None);
        assert_eq!(value("password reset", "password"), None);
        // A quoted value must close on its own line.
        assert_eq!(value("password: 'open\nline'", "password"), None);
    }

    #[test]
    fn placeholders() {
        for p in [
            "changeme",
            "********",
            "<password>",
            "${DB_PASS}",
            "%env(SECRET)%",
            "null",
            "$password",
            "getenv('X')",
            "/var/www/html",
            "https://example.com",
            "your-api-key-here",
            "<INSERT_TOKEN>",
        ] {
            assert!(is_placeholder(p.as_bytes()), "{p}");
        }
        assert!(is_placeholder(b""), "an empty value is no secret");
        for p in [
            "Zq8!kT2#pW5m",
            "9fK2mQ7xLp4sT1vB",
            "$2y$10$abcdefghijklmnopqrstuu",
        ] {
            assert!(!is_placeholder(p.as_bytes()), "{p}");
        }
    }
}
