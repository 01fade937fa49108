//! The catalogue of entity types: the single source of truth for what Sovereign can find.
//!
//! Every other part of the crate (recognizers, policy, redaction placeholders, bindings) refers to an
//! entity by its [`EntityKind`]; its id, category, default level and detection method live here only.

use crate::level::Level;
use std::fmt;

/// The broad family an entity type belongs to; policies and audit counters group by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// Personal data about a natural person (GDPR "personal data").
    Pii,
    /// Card and bank data (PCI DSS scope and payment routing data).
    Payment,
    /// Credentials: API keys, tokens, private keys, passwords.
    Secret,
    /// Network identifiers and connection strings.
    Network,
    /// Proprietary business terms supplied by the operator.
    Business,
}

impl Category {
    /// Lower-case name used in policy files and bindings.
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::Pii => "pii",
            Category::Payment => "payment",
            Category::Secret => "secret",
            Category::Network => "network",
            Category::Business => "business",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Static description of one entity type.
#[derive(Debug)]
pub struct EntityInfo {
    /// The type.
    pub kind: EntityKind,
    /// Stable upper-case id, used in policies, placeholders (`[EMAIL_1]`) and audit lines.
    pub id: &'static str,
    /// Family of the type.
    pub category: Category,
    /// Sensitivity of a text that contains this type, unless the policy overrides it.
    pub level: Level,
    /// How the type is detected and validated, in one line (printed by `examples/entities.rs`).
    pub detection: &'static str,
}

macro_rules! catalogue {
    ($( $variant:ident = $id:literal, $category:ident, $level:ident, $how:literal; )*) => {
        /// An entity type Sovereign knows how to find. See [`EntityInfo`] for its properties.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        pub enum EntityKind { $( #[doc = $how] $variant, )* }

        /// Every entity type, in catalogue order.
        pub const ALL: &[EntityKind] = &[ $( EntityKind::$variant, )* ];

        static TABLE: &[EntityInfo] = &[ $( EntityInfo {
            kind: EntityKind::$variant,
            id: $id,
            category: Category::$category,
            level: Level::$level,
            detection: $how,
        }, )* ];
    };
}

catalogue! {
    // --- contact and identity (pii) ---
    Email = "EMAIL", Pii, Confidential, "RFC 5322 address shape around '@', TLD checked";
    Phone = "PHONE", Pii, Confidential, "E.164 and national formats (US, UK, DE, FR, NL, ES, IT) with digit-count rules";
    Person = "PERSON", Pii, Confidential, "salutations, Name:/Ship to:/Customer fields, signatures; US Census first-name and surname dictionaries";
    StreetAddress = "STREET_ADDRESS", Pii, Confidential, "address line shapes per country (number + street suffix, street + number, PO box)";
    UkPostcode = "UK_POSTCODE", Pii, Internal, "UK postcode format (outward + inward code)";
    DateOfBirth = "DATE_OF_BIRTH", Pii, Confidential, "date near 'date of birth', 'DOB', 'born', 'Geburtsdatum'";
    Passport = "PASSPORT", Pii, Restricted, "passport number shape near 'passport'";
    DrivingLicence = "DRIVING_LICENCE", Pii, Restricted, "licence number shape near 'driving licence' / 'driver's license'";
    UkDrivingLicence = "UK_DRIVING_LICENCE", Pii, Restricted, "DVLA 16-character format with embedded birth date";
    // --- national identifiers (pii) ---
    UsSsn = "US_SSN", Pii, Restricted, "AAA-GG-SSSS; area 000/666/9xx, group 00, serial 0000 rejected";
    UsItin = "US_ITIN", Pii, Restricted, "9XX-[50-65,70-88,90-92,94-99]-XXXX";
    UsEin = "US_EIN", Pii, Confidential, "NN-NNNNNNN with valid IRS prefix, near 'EIN' / 'employer identification'";
    UkNino = "UK_NINO", Pii, Restricted, "two letters (excluded prefixes rejected) + 6 digits + A-D";
    UkNhs = "UK_NHS", Pii, Restricted, "10 digits, mod 11 check digit";
    DeTaxId = "DE_TAX_ID", Pii, Restricted, "11-digit Steuer-ID, ISO 7064 MOD 11,10 check digit and digit-repetition rule";
    FrNir = "FR_NIR", Pii, Restricted, "13 digits + 2-digit key = 97 - (number mod 97), Corsica 2A/2B";
    FrSiren = "FR_SIREN", Business, Internal, "9 digits, Luhn";
    FrSiret = "FR_SIRET", Business, Internal, "14 digits, Luhn (La Poste exception)";
    EsDni = "ES_DNI", Pii, Restricted, "8 digits + control letter (mod 23)";
    EsNie = "ES_NIE", Pii, Restricted, "X/Y/Z + 7 digits + control letter (mod 23)";
    ItFiscalCode = "IT_FISCAL_CODE", Pii, Restricted, "16-character codice fiscale, odd/even check character";
    NlBsn = "NL_BSN", Pii, Restricted, "9 digits, 11-test";
    BeNationalNumber = "BE_NATIONAL_NUMBER", Pii, Restricted, "YY.MM.DD-SSS.CC, mod 97 check (pre/post 2000)";
    PlPesel = "PL_PESEL", Pii, Restricted, "11 digits, weighted check digit, encoded birth date";
    SePersonnummer = "SE_PERSONNUMMER", Pii, Restricted, "YYMMDD-NNNC / YYYYMMDDNNNC, Luhn over 10 digits";
    CaSin = "CA_SIN", Pii, Restricted, "9 digits in 3-3-3, Luhn";
    AuTfn = "AU_TFN", Pii, Restricted, "8 or 9 digits, weighted mod 11";
    AuAbn = "AU_ABN", Business, Internal, "11 digits, subtract 1 from first digit, weighted mod 89";
    InAadhaar = "IN_AADHAAR", Pii, Restricted, "12 digits (not starting 0/1), Verhoeff";
    InPan = "IN_PAN", Pii, Restricted, "AAAAA9999A with valid holder-type letter";
    BrCpf = "BR_CPF", Pii, Restricted, "11 digits, two mod 11 check digits";
    BrCnpj = "BR_CNPJ", Business, Internal, "14 digits, two mod 11 check digits";
    EuVat = "EU_VAT", Business, Internal, "EU VAT number formats per member state; checksums for DE, FR, IT, NL, BE, ES, PL, AT, DK, FI, SE";
    Vin = "VIN", Pii, Confidential, "17 characters (no I, O, Q), ISO 3779 check digit at position 9";
    Imei = "IMEI", Pii, Confidential, "15 digits, Luhn, near 'IMEI'";
    // --- payment ---
    CreditCard = "CREDIT_CARD", Payment, Restricted, "Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro IIN ranges and lengths; Luhn; spaces or dashes";
    CardExpiry = "CARD_EXPIRY", Payment, Confidential, "MM/YY or MM/YYYY near 'exp', 'expiry', 'valid thru'";
    CardCvv = "CARD_CVV", Payment, Restricted, "3-4 digits near 'CVV', 'CVC', 'security code'";
    Iban = "IBAN", Payment, Confidential, "country code + length per country, mod 97 = 1";
    Bic = "BIC", Payment, Internal, "8 or 11 characters with ISO country code, near 'BIC' / 'SWIFT'";
    UsAbaRouting = "US_ABA_ROUTING", Payment, Confidential, "9 digits, weights 3-7-1 mod 10, valid Fed prefix, near 'routing' / 'ABA'";
    UsBankAccount = "US_BANK_ACCOUNT", Payment, Confidential, "8-17 digits near 'account number'";
    UkSortCodeAccount = "UK_SORT_CODE_ACCOUNT", Payment, Confidential, "sort code NN-NN-NN with 8-digit account, or near 'sort code'";
    // --- network ---
    Ipv4 = "IPV4", Network, Internal, "dotted quad, each octet 0-255, no leading zeros, version strings rejected";
    Ipv6 = "IPV6", Network, Internal, "RFC 4291 text forms including '::' compression and embedded IPv4";
    MacAddress = "MAC_ADDRESS", Network, Internal, "six hex octets separated by ':' or '-'";
    UrlCredentials = "URL_CREDENTIALS", Secret, Restricted, "http(s)/ftp URL with user:password@ userinfo";
    DatabaseUrl = "DATABASE_URL", Secret, Restricted, "mysql/postgres/mongodb/sqlserver DSN carrying a password";
    RedisUrl = "REDIS_URL", Secret, Restricted, "redis:// or rediss:// URL carrying a password";
    AmqpUrl = "AMQP_URL", Secret, Restricted, "amqp:// or amqps:// URL carrying a password";
    // --- secrets ---
    AwsAccessKeyId = "AWS_ACCESS_KEY_ID", Secret, Restricted, "AKIA/ASIA/AGPA/AIDA/AROA/ANPA/ANVA/AIPA + 16 base32 characters";
    AwsSecretKey = "AWS_SECRET_KEY", Secret, Restricted, "40 base64 characters near 'aws_secret_access_key', entropy checked";
    OpenaiApiKey = "OPENAI_API_KEY", Secret, Restricted, "sk-, sk-proj-, sk-svcacct- keys with T3BlbkFJ marker or 48+ characters";
    AnthropicApiKey = "ANTHROPIC_API_KEY", Secret, Restricted, "sk-ant-api03-/sk-ant-admin01- keys";
    GoogleApiKey = "GOOGLE_API_KEY", Secret, Restricted, "AIza + 35 URL-safe characters";
    GoogleOauthSecret = "GOOGLE_OAUTH_SECRET", Secret, Restricted, "GOCSPX- + 28 characters";
    StripeKey = "STRIPE_KEY", Secret, Restricted, "sk_/rk_/pk_/whsec_ live and test keys";
    GithubToken = "GITHUB_TOKEN", Secret, Restricted, "ghp_/gho_/ghu_/ghs_/ghr_ + 36 characters, github_pat_ fine-grained tokens";
    GitlabToken = "GITLAB_TOKEN", Secret, Restricted, "glpat- + 20 characters";
    SlackToken = "SLACK_TOKEN", Secret, Restricted, "xoxb-/xoxp-/xoxa-/xoxr-/xoxs- tokens";
    SlackWebhook = "SLACK_WEBHOOK", Secret, Restricted, "hooks.slack.com/services/T.../B.../... URL";
    SendgridKey = "SENDGRID_KEY", Secret, Restricted, "SG. + 22 + . + 43 characters";
    TwilioKey = "TWILIO_KEY", Secret, Restricted, "AC/SK + 32 hex characters (account SID, API key)";
    MailgunKey = "MAILGUN_KEY", Secret, Restricted, "key- + 32 hex characters, or private key near 'mailgun'";
    MailchimpKey = "MAILCHIMP_KEY", Secret, Restricted, "32 hex characters + -us datacenter suffix";
    PaypalBraintreeToken = "PAYPAL_BRAINTREE_TOKEN", Secret, Restricted, "access_token$production$...$... and Braintree keys near 'braintree'";
    AdyenKey = "ADYEN_KEY", Secret, Restricted, "AQE... Adyen API keys";
    ShopifyToken = "SHOPIFY_TOKEN", Secret, Restricted, "shpat_/shpca_/shppa_/shpss_ + 32 hex characters";
    AlgoliaKey = "ALGOLIA_KEY", Secret, Restricted, "32 hex characters near 'algolia'";
    NpmToken = "NPM_TOKEN", Secret, Restricted, "npm_ + 36 characters";
    HuggingfaceToken = "HUGGINGFACE_TOKEN", Secret, Restricted, "hf_ + 34 characters";
    AzureStorageKey = "AZURE_STORAGE_KEY", Secret, Restricted, "AccountKey=<88 base64 characters>";
    Jwt = "JWT", Secret, Restricted, "three base64url segments whose header decodes to JSON with 'alg'";
    PrivateKey = "PRIVATE_KEY", Secret, Restricted, "PEM -----BEGIN ... PRIVATE KEY----- blocks";
    BearerToken = "BEARER_TOKEN", Secret, Restricted, "Authorization: Bearer/Basic credentials";
    MagentoToken = "MAGENTO_TOKEN", Secret, Restricted, "32-character integration/admin access tokens near 'token' / 'integration'";
    MagentoCryptKey = "MAGENTO_CRYPT_KEY", Secret, Restricted, "'crypt' => ['key' => ...] in app/etc/env.php";
    GenericSecret = "GENERIC_SECRET", Secret, Restricted, "password=/secret=/token=/api_key= assignments: keyword, regex, entropy threshold";
    // --- crypto wallets ---
    BitcoinAddress = "BITCOIN_ADDRESS", Payment, Confidential, "base58check (P2PKH/P2SH) or bech32/bech32m (bc1) addresses";
    EthereumAddress = "ETHEREUM_ADDRESS", Payment, Confidential, "0x + 40 hex characters";
    // --- business terms (operator dictionaries) and request-scoped values ---
    Sku = "SKU", Business, Internal, "operator dictionary of SKUs (aho-corasick)";
    Supplier = "SUPPLIER", Business, Confidential, "operator dictionary of supplier names (aho-corasick)";
    ProjectCode = "PROJECT_CODE", Business, Confidential, "operator dictionary of project code names (aho-corasick)";
    ContractTerm = "CONTRACT_TERM", Business, Confidential, "operator dictionary of contract terms (aho-corasick)";
    BusinessTerm = "BUSINESS_TERM", Business, Confidential, "operator dictionary of other proprietary terms (aho-corasick)";
    KnownValue = "KNOWN_VALUE", Pii, Confidential, "exact values the caller passes with a request (e.g. the customer's name from the order)";
}

impl EntityKind {
    /// The static description of this type.
    pub fn info(self) -> &'static EntityInfo {
        &TABLE[self as usize]
    }

    /// Stable upper-case id, e.g. `"CREDIT_CARD"`.
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// Family of the type.
    pub fn category(self) -> Category {
        self.info().category
    }

    /// Default sensitivity level.
    pub fn default_level(self) -> Level {
        self.info().level
    }

    /// Looks a type up by its id, ignoring ASCII case (`"email"` finds [`EntityKind::Email`]).
    pub fn from_id(id: &str) -> Option<EntityKind> {
        TABLE
            .iter()
            .find(|info| info.id.eq_ignore_ascii_case(id))
            .map(|info| info.kind)
    }

    /// True for types found only through operator dictionaries or request values, not patterns.
    pub fn is_dictionary_only(self) -> bool {
        matches!(
            self,
            EntityKind::Sku
                | EntityKind::Supplier
                | EntityKind::ProjectCode
                | EntityKind::ContractTerm
                | EntityKind::BusinessTerm
                | EntityKind::KnownValue
        )
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Every entity type's description, in catalogue order.
pub fn entities() -> impl Iterator<Item = &'static EntityInfo> {
    TABLE.iter()
}

/// A set of entity types, one bit each: what a compiled detector needs to ask "is this type
/// enabled?" in its inner loops.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct KindSet(u128);

const _: () = assert!(ALL.len() <= 128, "KindSet holds one bit per entity type");

impl KindSet {
    /// The types `enabled` accepts.
    pub(crate) fn from_fn(enabled: impl Fn(EntityKind) -> bool) -> KindSet {
        KindSet(
            ALL.iter()
                .filter(|&&kind| enabled(kind))
                .fold(0, |bits, &kind| bits | 1 << kind as u32),
        )
    }

    #[inline(always)]
    pub(crate) fn contains(self, kind: EntityKind) -> bool {
        self.0 >> kind as u32 & 1 != 0
    }

    /// True when a type of the catalogue range `first..=last` is in the set.
    pub(crate) fn any_in(self, (first, last): (EntityKind, EntityKind)) -> bool {
        (first as u32..=last as u32).any(|k| self.0 >> k & 1 != 0)
    }

    /// The types of the set, in catalogue order.
    pub(crate) fn iter(self) -> impl Iterator<Item = EntityKind> {
        ALL.iter().copied().filter(move |&kind| self.contains(kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_indexed_by_kind() {
        for (i, info) in TABLE.iter().enumerate() {
            assert_eq!(info.kind as usize, i, "{} is out of order", info.id);
            assert_eq!(EntityKind::from_id(info.id), Some(info.kind));
        }
    }

    #[test]
    fn ids_are_unique_upper_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for info in entities() {
            assert!(seen.insert(info.id), "duplicate id {}", info.id);
            assert!(info
                .id
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'));
        }
    }

    #[test]
    fn at_least_eighty_types() {
        assert!(ALL.len() >= 80, "catalogue has {} types", ALL.len());
    }
}
