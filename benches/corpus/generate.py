#!/usr/bin/env python3
"""Generates Sovereign's labelled benchmark corpus: realistic e-commerce text (order mails, support
tickets, shipping notices, product copy, application logs, admin notes, supplier mails) with every
sensitive value labelled, and with look-alikes (order numbers, SKUs, prices, tracking numbers,
timestamps, ...) labelled as NOT sensitive, so a benchmark can measure both recall and how much
harmless text a detector destroys.

Output is JSONL, one document a line:
    {"id", "kind", "text",
     "spans":      [{"type", "start", "end", "byte_start", "byte_end"}],
     "lookalikes": [{"type", "start", "end", "byte_start", "byte_end"}]}
`start`/`end` count Unicode code points (Python string indexes), `byte_*` count UTF-8 bytes.

Sets:
    eval   ~2,000 natural documents (about 1 MB), the labelled evaluation set  -> corpus.jsonl
    speed  about 10 MB, diluted with harmless text to about 1 finding per KB  -> speed.jsonl

Person names and street addresses come from Faker's own locale lists, never from the `names`
package, whose US Census lists are Sovereign's PERSON dictionary (drawing from them would score
Sovereign on its own dictionary). Output is deterministic for a given seed and Faker version
(pinned in benches/requirements.txt).
"""

import argparse
import base64
import json
import os
import random
import string
import sys
import zlib

try:
    from faker import Faker
except ImportError:  # pragma: no cover - the message is the point
    sys.exit("generate.py needs Faker: pip install -r benches/requirements.txt")

LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "nl_NL", "it_IT"]


class Doc:
    """Builds one document's text while recording labelled spans."""

    def __init__(self):
        self.parts = []
        self.chars = 0
        self.bytes = 0
        self.spans = []
        self.lookalikes = []

    def __call__(self, text):
        self.parts.append(text)
        self.chars += len(text)
        self.bytes += len(text.encode("utf-8"))
        return self

    def _label(self, into, kind, value):
        start, byte_start = self.chars, self.bytes
        self(value)
        into.append(
            {
                "type": kind,
                "start": start,
                "end": self.chars,
                "byte_start": byte_start,
                "byte_end": self.bytes,
            }
        )
        return self

    def pii(self, kind, value):
        """Appends a sensitive value."""
        return self._label(self.spans, kind, value)

    def look(self, kind, value):
        """Appends a harmless value that resembles a sensitive one."""
        return self._label(self.lookalikes, kind, value)

    def text(self):
        return "".join(self.parts)


# ---------------------------------------------------------------- checksums and value makers


def luhn_check_digit(payload):
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(number):
    return luhn_check_digit(number[:-1]) == number[-1]


class Values:
    """Sensitive and look-alike value makers sharing one random generator."""

    def __init__(self, rng, fakers):
        self.r = rng
        self.fakers = fakers

    def digits(self, n):
        return "".join(self.r.choice(string.digits) for _ in range(n))

    def faker(self):
        return self.fakers[self.r.choice(LOCALES)]

    # --- people and contact

    def person(self):
        f = self.faker()
        return f"{f.first_name().strip()} {f.last_name().strip()}"

    def email(self, name=None):
        name = name or self.person()
        local = name.lower()
        for a, b in [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("é", "e"),
                     ("è", "e"), ("ñ", "n"), ("ç", "c"), ("á", "a"), ("í", "i"), ("ó", "o"),
                     ("ú", "u"), ("ë", "e"), ("ï", "i"), ("à", "a"), ("ò", "o"), ("ì", "i")]:
            local = local.replace(a, b)
        local = "".join(c for c in local if c.isalnum() or c == " ").split()
        sep = self.r.choice([".", "_", "", "-"])
        local = sep.join(local) if local else "customer"
        if self.r.random() < 0.3:
            local += str(self.r.randint(1, 99))
        domain = self.r.choice(["gmail.com", "yahoo.co.uk", "web.de", "outlook.com",
                                "orange.fr", "hotmail.es", "example-mail.nl", "icloud.com",
                                "mail.de", "company-intl.com"])
        return f"{local}@{domain}"

    def phone(self):
        d = self.digits
        return self.r.choice([
            lambda: f"({self.r.randint(201, 989)}) {self.r.randint(201, 989)}-{d(4)}",
            lambda: f"+1 {self.r.randint(201, 989)}-{self.r.randint(201, 989)}-{d(4)}",
            lambda: f"+44 20 {self.r.randint(7000, 8999)} {d(4)}",
            lambda: f"+44 7{d(3)} {d(6)}",
            lambda: f"+49 30 {d(8)}",
            lambda: f"+49 (0)151 {d(7)}",
            lambda: f"+33 1 {d(2)} {d(2)} {d(2)} {d(2)}",
            lambda: f"06 {d(2)} {d(2)} {d(2)} {d(2)}",
            lambda: f"+34 6{d(2)} {d(3)} {d(3)}",
            lambda: f"+31 20 {d(3)} {d(4)}",
        ])()

    def address(self):
        """A street line, postcode and city from one locale, and whether the postcode is British."""
        loc = self.r.choice(LOCALES)
        f = self.fakers[loc]
        street = " ".join(f.street_address().replace("\n", ", ").split())
        return street, f.postcode().strip(), f.city().strip(), loc == "en_GB"

    def dob(self):
        y, m, day = self.r.randint(1940, 2005), self.r.randint(1, 12), self.r.randint(1, 28)
        months = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]
        return self.r.choice([
            f"{day:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{day:02d}", f"{day:02d}.{m:02d}.{y}",
            f"{months[m - 1]} {day}, {y}", f"{day} {months[m - 1]} {y}", f"{m:02d}/{day:02d}/{y}",
        ])

    # --- payment

    def credit_card(self):
        network = self.r.choice(["visa", "visa", "mastercard", "mastercard", "mc2", "amex",
                                 "discover", "jcb"])
        if network == "visa":
            body = "4" + self.digits(14)
        elif network == "mastercard":
            body = str(self.r.randint(51, 55)) + self.digits(13)
        elif network == "mc2":
            body = str(self.r.randint(2221, 2720)) + self.digits(11)
        elif network == "amex":
            body = self.r.choice(["34", "37"]) + self.digits(12)
        elif network == "discover":
            body = "6011" + self.digits(11)
        else:
            body = "35" + str(self.r.randint(28, 89)) + self.digits(11)
        number = body + luhn_check_digit(body)
        style = self.r.choice(["plain", "space", "dash"])
        if style == "plain":
            return number
        sep = " " if style == "space" else "-"
        groups = [4, 6, 5] if len(number) == 15 else [4, 4, 4, 4]
        out, i = [], 0
        for g in groups:
            out.append(number[i:i + g])
            i += g
        return sep.join(out)

    IBAN_LAYOUTS = {  # country: (total length, BBAN maker)
        "DE": (22, lambda v: v.digits(18)),
        "GB": (22, lambda v: "".join(v.r.choice(string.ascii_uppercase) for _ in range(4))
               + v.digits(14)),
        "FR": (27, lambda v: v.digits(10) + "".join(v.r.choice(string.ascii_uppercase +
                                                               string.digits) for _ in range(11))
               + v.digits(2)),
        "NL": (18, lambda v: "".join(v.r.choice(string.ascii_uppercase) for _ in range(4))
               + v.digits(10)),
        "ES": (24, lambda v: v.digits(20)),
        "IT": (27, lambda v: v.r.choice(string.ascii_uppercase) + v.digits(10)
               + v.digits(12)),
        "BE": (16, lambda v: v.digits(12)),
        "AT": (20, lambda v: v.digits(16)),
    }

    def iban(self):
        country = self.r.choice(list(self.IBAN_LAYOUTS))
        _, bban_maker = self.IBAN_LAYOUTS[country]
        bban = bban_maker(self)
        rearranged = bban + country + "00"
        numeric = "".join(str(int(c, 36)) for c in rearranged)
        check = 98 - int(numeric) % 97
        iban = f"{country}{check:02d}{bban}"
        if self.r.random() < 0.5:
            return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
        return iban

    # --- national ids

    def us_ssn(self):
        while True:
            area = self.r.randint(1, 899)
            if area != 666:
                break
        return f"{area:03d}-{self.r.randint(1, 99):02d}-{self.r.randint(1, 9999):04d}"

    def uk_nino(self):
        first = "ABCEGHJKLMNOPRSTWXYZ"
        second = "ABCEGHJKLMNPRSTWXYZ"
        while True:
            prefix = self.r.choice(first) + self.r.choice(second)
            if prefix not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}:
                break
        d = self.digits(6)
        suffix = self.r.choice("ABCD")
        if self.r.random() < 0.5:
            return f"{prefix} {d[:2]} {d[2:4]} {d[4:]} {suffix}"
        return f"{prefix}{d}{suffix}"

    def es_dni(self):
        n = self.r.randint(1_000_000, 99_999_999)
        return f"{n:08d}" + "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23]

    def es_nie(self):
        lead = self.r.choice("XYZ")
        n = self.r.randint(0, 9_999_999)
        value = int(str("XYZ".index(lead)) + f"{n:07d}")
        return f"{lead}{n:07d}" + "TRWAGMYFPDXBNJZSQVHLCKE"[value % 23]

    def nl_bsn(self):
        while True:
            d = [self.r.randint(0, 9) for _ in range(8)]
            total = sum(w * x for w, x in zip(range(9, 1, -1), d))
            last = total % 11
            if last < 10 and d[0] != 0:
                return "".join(map(str, d)) + str(last)

    # --- network and secrets

    def ipv4(self):
        first = self.r.choice([23, 31, 46, 62, 77, 81, 89, 93, 104, 141, 176, 185, 195, 203, 212])
        return f"{first}.{self.r.randint(0, 255)}.{self.r.randint(0, 255)}.{self.r.randint(1, 254)}"

    def ipv6(self):
        groups = [f"{self.r.randint(0, 0xffff):x}" for _ in range(8)]
        groups[0] = self.r.choice(["2001", "2a02", "2a01", "2600"])
        if self.r.random() < 0.5:
            return ":".join(groups)
        return ":".join(groups[:3]) + "::" + ":".join(groups[6:])

    def password(self):
        alphabet = string.ascii_letters + string.digits + "!$%*"
        return "".join(self.r.choice(alphabet) for _ in range(self.r.randint(10, 18)))

    def url_credentials(self):
        user = self.r.choice(["admin", "deploy", "sftp_user", "feeds", "partner"])
        host = self.r.choice(["ftp.supplier-feeds.com", "files.partner-portal.net",
                              "dav.warehouse-sync.io", "export.dropship-hub.com"])
        scheme = self.r.choice(["https", "ftp", "sftp"])
        return f"{scheme}://{user}:{self.password()}@{host}/{self.r.choice(['exports', 'feed', 'in'])}"

    def database_url(self):
        scheme, port = self.r.choice([("mysql", 3306), ("postgres", 5432), ("postgresql", 5432),
                                      ("mongodb", 27017)])
        host = self.r.choice(["db.internal", "10.0.3.12", "mysql-primary", "db01.shop.local"])
        pw = "".join(self.r.choice(string.ascii_letters + string.digits) for _ in range(16))
        return f"{scheme}://magento:{pw}@{host}:{port}/magento_prod"

    def redis_url(self):
        pw = "".join(self.r.choice(string.ascii_letters + string.digits) for _ in range(20))
        return f"redis://:{pw}@cache.internal:6379/{self.r.randint(0, 3)}"

    def aws_key_id(self):
        return "AKIA" + "".join(self.r.choice(string.ascii_uppercase + "234567") for _ in range(16))

    def aws_secret(self):
        return "".join(self.r.choice(string.ascii_letters + string.digits + "/+") for _ in range(40))

    def github_token(self):
        # 30 random base62 characters and a 6-character base62 CRC32 of them.
        alphabet = string.digits + string.ascii_uppercase + string.ascii_lowercase
        body = "".join(self.r.choice(alphabet) for _ in range(30))
        crc = zlib.crc32(body.encode()) & 0xFFFFFFFF
        check = ""
        while crc:
            crc, rem = divmod(crc, 62)
            check = alphabet[rem] + check
        return "ghp_" + body + check.rjust(6, "0")

    def stripe_key(self):
        n = self.r.choice([24, 99])
        return "sk_live_" + "".join(self.r.choice(string.ascii_letters + string.digits)
                                    for _ in range(n))

    def jwt(self):
        def b64(obj):
            raw = json.dumps(obj, separators=(",", ":")).encode()
            return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

        header = b64({"alg": "HS256", "typ": "JWT"})
        payload = b64({"sub": str(self.r.randint(1000, 99999)), "iat": 1700000000 +
                       self.r.randint(0, 9_999_999), "scope": "customer"})
        sig = base64.urlsafe_b64encode(bytes(self.r.getrandbits(8) for _ in range(32)))
        return f"{header}.{payload}.{sig.rstrip(b'=').decode()}"

    # --- look-alikes (harmless)

    def order_number(self):
        return self.r.choice([f"{self.r.randint(1, 99999):09d}", f"#{self.r.randint(100000000, 100099999)}",
                              f"{self.r.randint(1, 9)}{self.r.randint(1, 99999):08d}"])

    def sku(self):
        return self.r.choice([
            lambda: f"{self.r.choice(['MB', 'WS', 'MH', 'WJ', 'MP'])}-{self.r.randint(1, 12):02d}-"
                    f"{self.r.choice(['BLK', 'BLU', 'GRN', 'RED', 'XS', 'M', 'XL'])}",
            lambda: f"{self.r.choice(['WS', 'MJ', 'WT'])}{self.r.randint(1, 12):02d}-"
                    f"{self.r.choice(['S', 'M', 'L'])}-{self.r.choice(['Orange', 'Blue', 'Gray'])}",
            lambda: f"{self.r.randint(10, 99)}-MB{self.r.randint(1, 9):02d}",
            lambda: f"SKU-{self.r.randint(10000, 99999)}",
        ])()

    def price(self):
        v = self.r.randint(199, 249999)
        whole, cents = divmod(v, 100)
        return self.r.choice([f"${whole:,}.{cents:02d}", f"€{whole},{cents:02d}",
                              f"{whole:,}.{cents:02d} EUR".replace(",", "."), f"£{whole}.{cents:02d}",
                              f"{whole}.{cents:02d} USD"])

    def tracking_number(self):
        return self.r.choice([
            lambda: "1Z" + "".join(self.r.choice(string.ascii_uppercase + string.digits)
                                   for _ in range(16)),
            lambda: "94" + self.digits(20),
            lambda: self.digits(10),
            lambda: "JD" + self.digits(18),
            lambda: "00" + self.digits(18),
        ])()

    def invoice_id(self):
        return self.r.choice([f"INV-{self.r.randint(2019, 2026)}-{self.r.randint(1, 999999):06d}",
                              f"{self.r.randint(1, 9)}{self.r.randint(0, 99999999):08d}",
                              f"CM-{self.r.randint(1000, 99999)}"])

    def timestamp(self):
        y, mo, d = self.r.randint(2021, 2026), self.r.randint(1, 12), self.r.randint(1, 28)
        h, mi, s = self.r.randint(0, 23), self.r.randint(0, 59), self.r.randint(0, 59)
        return self.r.choice([f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}",
                              f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z",
                              f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{self.digits(6)}+00:00"])

    def order_date(self):
        y, mo, d = self.r.randint(2022, 2026), self.r.randint(1, 12), self.r.randint(1, 28)
        return self.r.choice([f"{y}-{mo:02d}-{d:02d}", f"{d:02d}/{mo:02d}/{y}", f"{d:02d}.{mo:02d}.{y}"])

    def id16_not_luhn(self):
        while True:
            n = str(self.r.randint(1, 9)) + self.digits(15)
            if not luhn_valid(n):
                return n

    def dimensions(self):
        return self.r.choice([f"{self.r.randint(10, 220)} x {self.r.randint(10, 120)} x {self.r.randint(2, 90)} cm",
                              f"{self.r.randint(5, 80)}x{self.r.randint(5, 80)}mm",
                              f"{self.r.randint(1, 40)}.{self.r.randint(0, 9)} kg"])

    def version(self):
        return self.r.choice([f"2.4.{self.r.randint(0, 7)}-p{self.r.randint(1, 9)}",
                              f"v{self.r.randint(1, 3)}.{self.r.randint(0, 30)}.{self.r.randint(0, 20)}",
                              f"{self.r.randint(7, 8)}.{self.r.randint(0, 4)}.{self.r.randint(0, 30)}"])

    def ean(self):
        body = self.digits(12)
        total = sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(body))
        return body + str((10 - total % 10) % 10)

    def hex_id(self, n):
        return "".join(self.r.choice("0123456789abcdef") for _ in range(n))

    def uuid(self):
        h = self.hex_id(32)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"

    def plain_url(self):
        return self.r.choice([
            f"https://shop.example.com/sales/order/view/order_id/{self.r.randint(1000, 99999)}/",
            f"https://www.ups.com/track?tracknum=1Z{self.hex_id(12).upper()}",
            f"https://cdn.example-shop.com/media/catalog/product/{self.hex_id(1)}/{self.hex_id(1)}/img_{self.r.randint(100, 999)}.jpg",
            f"https://docs.example-shop.com/returns?lang={self.r.choice(['en', 'de', 'fr'])}",
        ])

    def customer_id(self):
        return str(self.r.randint(100, 999999))


# ---------------------------------------------------------------- prose

PRODUCTS = [
    "Endeavor Daytrip Backpack", "Joust Duffle Bag", "Strive Shoulder Pack", "Overnight Duffle",
    "Aero Daily Fitness Tee", "Chaz Kangeroo Hoodie", "Beaumont Summit Kit", "Proteus Fitness Jackshirt",
    "Sprite Yoga Strap 6 foot", "Zing Jump Rope", "Harmony Lumaflex Strength Band Kit",
    "Affirm Water Bottle", "Dual Handle Cardio Ball", "Pursuit Lumaflex Tone Band",
    "Oak writing desk", "Linen duvet cover", "Ceramic pour-over set", "Merino wool scarf",
    "Stainless steel cookware set", "Bamboo cutting board", "LED desk lamp", "Wireless charging pad",
]

DESCRIPTION_SENTENCES = [
    "Crafted from durable ripstop nylon, it shrugs off rain and keeps your gear dry on the commute.",
    "The padded laptop sleeve fits most 15-inch notebooks, and two side pockets hold a water bottle.",
    "Machine washable at 30 degrees; tumble dry low and do not iron the printed logo.",
    "Our design team tested this piece for six months on hiking trails and city streets.",
    "Available in black, navy and forest green, with reflective details for evening visibility.",
    "Each set ships in recyclable packaging without single-use plastics.",
    "The adjustable straps distribute weight evenly, so long days feel lighter.",
    "Made with organic cotton that stays soft wash after wash.",
    "A two-year warranty covers seams, zips and buckles against manufacturing defects.",
    "Pair it with the matching travel pouch for a tidy, organised carry.",
    "The solid oak top is finished with natural oil and develops a warm patina over time.",
    "Assembly takes about twenty minutes with the included hex key.",
    "Free returns within thirty days, provided the item is unused and in its original box.",
    "Customers love the generous fit; if you are between sizes, choose the smaller one.",
    "The brushed steel base is weighted so the lamp stays steady on any surface.",
    "Dishwasher safe, although hand washing will keep the glaze glossy for longer.",
]

LOG_MESSAGES = [
    "main.INFO: Cache cleared successfully [] []",
    "main.DEBUG: cron job sales_clean_quotes finished [] []",
    "main.INFO: Indexer catalog_product_price reindexed in 2.31s [] []",
    "main.WARNING: Product image missing for gallery entry [] []",
    "main.INFO: Consumer async.operations.all processed 50 messages [] []",
    "main.NOTICE: Full page cache hit ratio 0.93 [] []",
    "main.DEBUG: Layout cache warmed for store view default [] []",
]

SUPPORT_OPENERS = [
    "Hello, I ordered last week and the parcel still has not arrived.",
    "Hi team, the jacket I received is the wrong size and I would like to exchange it.",
    "Good morning, my payment was taken twice for the same order.",
    "Hi, I cannot log into my account since the password reset.",
    "Hello, one of the mugs arrived broken, the box was crushed.",
    "Dear support, I would like to cancel my subscription before the next delivery.",
]


class Writer:
    """Document templates. Each returns a Doc; look-alikes are sprinkled through all of them."""

    def __init__(self, rng, values):
        self.r = rng
        self.v = values

    @staticmethod
    def city_line(d, postcode, city, british):
        """Appends `POSTCODE City`; a British postcode is personal data (UK_POSTCODE)."""
        if british:
            return d.pii("UK_POSTCODE", postcode)(" ")(city)
        return d(f"{postcode} {city}")

    def sentences(self, doc, n):
        for _ in range(n):
            doc(self.r.choice(DESCRIPTION_SENTENCES) + " ")
        return doc

    def order_confirmation(self):
        v, d = self.v, Doc()
        name = v.person()
        d("Subject: Your order ").look("ORDER_NUMBER", v.order_number())(" has been received\n\n")
        d("Hi ").pii("PERSON", name)(",\n\nThank you for shopping with us. ")
        d("We will send a confirmation to ").pii("EMAIL", v.email(name))(" when your items ship.\n\n")
        d("Order date: ").look("ORDER_DATE", v.order_date())("\n")
        for _ in range(self.r.randint(1, 4)):
            d("- ")(self.r.choice(PRODUCTS))(" (SKU ").look("SKU", v.sku())(") qty ")(
                str(self.r.randint(1, 3)))(" ").look("PRICE", v.price())("\n")
        d("Subtotal: ").look("PRICE", v.price())("\nShipping: ").look("PRICE", v.price())("\n\n")
        street, *place = v.address()
        d("Shipping address:\n").pii("PERSON", name)("\n").pii("STREET_ADDRESS", street)("\n")
        self.city_line(d, *place)("\n")
        d("Telephone: ").pii("PHONE", v.phone())("\n\n")
        if self.r.random() < 0.4:
            d("Paid by card ending in ")(v.digits(4))(". Invoice ").look("INVOICE_ID", v.invoice_id())(
                " is attached.\n")
        d("Track your order: ").look("URL", v.plain_url())("\n")
        return d

    def support_ticket(self):
        v, d = self.v, Doc()
        name = v.person()
        d("Ticket #").look("TICKET_ID", str(self.r.randint(10000, 99999)))(" opened ").look(
            "TIMESTAMP", v.timestamp())("\nFrom: ").pii("PERSON", name)(" <").pii("EMAIL", v.email(name))(
            ">\n\n")
        d(self.r.choice(SUPPORT_OPENERS) + " ")
        d("My order number is ").look("ORDER_NUMBER", v.order_number())(". ")
        choice = self.r.random()
        if choice < 0.3:
            d("I paid with my card ").pii("CREDIT_CARD", v.credit_card())(" expiring ").pii(
                "CARD_EXPIRY", f"{self.r.randint(1, 12):02d}/{self.r.randint(26, 31)}")(
                ", please check the charge. ")
        elif choice < 0.5:
            d("Please refund to my account ").pii("IBAN", v.iban())(" instead. ")
        elif choice < 0.6:
            d("For the tax form you asked for, my SSN is ").pii("US_SSN", v.us_ssn())(". ")
        elif choice < 0.7:
            d("For the age check, my date of birth is ").pii("DATE_OF_BIRTH", v.dob())(". ")
        d("You can call me on ").pii("PHONE", v.phone())(" any time after 5pm.\n\n")
        d("Thanks,\n").pii("PERSON", name)("\n")
        return d

    def shipping_notification(self):
        v, d = self.v, Doc()
        name = v.person()
        d("Good news, ").pii("PERSON", name)("! Your parcel is on its way.\n\n")
        d("Tracking number: ").look("TRACKING_NUMBER", v.tracking_number())("\nCarrier reference: ").look(
            "TRACKING_NUMBER", v.tracking_number())("\n")
        d("Shipment ").look("SHIPMENT_ID", v.order_number())(" left our warehouse on ").look(
            "TIMESTAMP", v.timestamp())(".\n")
        street, *place = v.address()
        d("Delivery to: ").pii("STREET_ADDRESS", street)(", ")
        self.city_line(d, *place)("\n")
        d("Package: ").look("DIMENSIONS", v.dimensions())(", ").look("DIMENSIONS", v.dimensions())("\n")
        d("Follow it here: ").look("URL", v.plain_url())("\n")
        return d

    def product_description(self):
        v, d = self.v, Doc()
        d(self.r.choice(PRODUCTS))(" — ").look("SKU", v.sku())("\n\n")
        self.sentences(d, self.r.randint(3, 6))
        d("\nDimensions: ").look("DIMENSIONS", v.dimensions())(". Weight: ").look("DIMENSIONS", v.dimensions())(
            ". EAN ").look("EAN", v.ean())(".\nPrice: ").look("PRICE", v.price())(
            " (was ").look("PRICE", v.price())(").\n")
        return d

    def application_log(self):
        v, d = self.v, Doc()
        for _ in range(self.r.randint(4, 10)):
            d("[").look("TIMESTAMP", v.timestamp())("] ")
            x = self.r.random()
            if x < 0.25:
                d("main.INFO: Customer login ").pii("EMAIL", v.email())(" from ").pii("IPV4", v.ipv4())(" [] []\n")
            elif x < 0.32:
                d("main.INFO: Admin session from ").pii("IPV6", v.ipv6())(" request_id=").look(
                    "UUID", v.uuid())("\n")
            elif x < 0.38:
                d("main.CRITICAL: SQLSTATE[HY000] [2002] Connection refused (dsn ").pii(
                    "DATABASE_URL", v.database_url())(") [] []\n")
            elif x < 0.42:
                d("main.ERROR: Session storage failed, REDIS_URL=").pii("REDIS_URL", v.redis_url())("\n")
            elif x < 0.47:
                d("main.ERROR: Payment gateway rejected transaction ").look(
                    "TRANSACTION_ID", v.id16_not_luhn())(" for order ").look("ORDER_NUMBER", v.order_number())(
                    " amount ").look("PRICE", v.price())("\n")
            elif x < 0.52:
                d("main.DEBUG: Authorization: Bearer ").pii("JWT", v.jwt())("\n")
            elif x < 0.57:
                d("main.INFO: Deployed release ").look("VERSION", v.version())(" commit ").look(
                    "COMMIT", v.hex_id(40))("\n")
            else:
                d(self.r.choice(LOG_MESSAGES))(" quote_id=").look("QUOTE_ID", v.customer_id())("\n")
        return d

    def admin_note(self):
        v, d = self.v, Doc()
        name = v.person()
        d("Internal note (").look("TIMESTAMP", v.timestamp())("): customer ").pii("PERSON", name)(
            " (customer id ").look("CUSTOMER_ID", v.customer_id())(") called about order ").look(
            "ORDER_NUMBER", v.order_number())(". ")
        x = self.r.random()
        if x < 0.1:
            d("US customer, SSN ").pii("US_SSN", v.us_ssn())(" on file for the 1099 form. ")
        elif x < 0.2:
            d("Verified identity with NI number ").pii("UK_NINO", v.uk_nino())(". ")
        elif x < 0.35:
            d("Invoice must carry DNI ").pii("ES_DNI", v.es_dni())(" for the company account. ")
        elif x < 0.45:
            d("Customer resident in Spain, NIE ").pii("ES_NIE", v.es_nie())(". ")
        elif x < 0.55:
            d("Dutch customer, BSN ").pii("NL_BSN", v.nl_bsn())(" needed for the customs form. ")
        elif x < 0.7:
            d("Customer date of birth ").pii("DATE_OF_BIRTH", v.dob())(" confirmed for the age check. ")
        elif x < 0.85:
            d("Card on file ").pii("CREDIT_CARD", v.credit_card())(" was declined twice. ")
        d("Refund of ").look("PRICE", v.price())(" approved, credit memo ").look("INVOICE_ID", v.invoice_id())(
            ". Reach them at ").pii("PHONE", v.phone())(".\n")
        if self.r.random() < 0.25:
            d("Note for devs: deploy key in the ticket was AWS ").pii("AWS_ACCESS_KEY_ID", v.aws_key_id())(
                " with secret ").pii("AWS_SECRET_KEY", v.aws_secret())(" (rotate it!).\n")
        if self.r.random() < 0.2:
            d("The integration still uses ").pii("STRIPE_KEY", v.stripe_key())(
                " and the CI token ").pii("GITHUB_TOKEN", v.github_token())(".\n")
        return d

    def supplier_mail(self):
        v, d = self.v, Doc()
        contact = v.person()
        company = v.faker().company()
        d("From: ").pii("PERSON", contact)(" <").pii("EMAIL", v.email(contact))(">\nSubject: Purchase order PO-")(
            str(self.r.randint(10000, 99999)))("\n\nDear purchasing team,\n\n")
        d(f"Please find our confirmation for the {self.r.randint(20, 400)} units of ")(
            self.r.choice(PRODUCTS))(" (").look("SKU", v.sku())(") at ").look("PRICE", v.price())(" per unit. ")
        d("Invoice ").look("INVOICE_ID", v.invoice_id())(" is due in 30 days; please pay to ").pii("IBAN", v.iban())(
            ". ")
        if self.r.random() < 0.4:
            d("New stock files are on our server at ").pii("URL_CREDENTIALS", v.url_credentials())(". ")
        street, *place = v.address()
        d("Goods will ship from ").pii("STREET_ADDRESS", street)(", ")
        self.city_line(d, *place)(
            ", pallet size ").look("DIMENSIONS", v.dimensions())(".\n\nKind regards,\n").pii("PERSON", contact)(
            "\n")(company)("\nTel. ").pii("PHONE", v.phone())("\n")
        return d

    def filler(self):
        """A harmless paragraph: product copy and logs with look-alikes only (speed corpus padding)."""
        v, d = self.v, Doc()
        if self.r.random() < 0.5:
            d(self.r.choice(PRODUCTS))(" (").look("SKU", v.sku())(") ")
            self.sentences(d, self.r.randint(4, 8))
            d("Now ").look("PRICE", v.price())(".\n")
        else:
            for _ in range(self.r.randint(3, 8)):
                d("[").look("TIMESTAMP", v.timestamp())("] ")(self.r.choice(LOG_MESSAGES))(
                    " order=").look("ORDER_NUMBER", v.order_number())("\n")
        return d

    TEMPLATES = ["order_confirmation", "support_ticket", "shipping_notification",
                 "product_description", "application_log", "admin_note", "supplier_mail"]


def merge(docs):
    """Concatenates documents into one, shifting their spans."""
    out = Doc()
    for d in docs:
        text, c, b = d.text(), out.chars, out.bytes
        out(text + "\n")
        for src, dst in ((d.spans, out.spans), (d.lookalikes, out.lookalikes)):
            for s in src:
                dst.append({"type": s["type"], "start": s["start"] + c, "end": s["end"] + c,
                            "byte_start": s["byte_start"] + b, "byte_end": s["byte_end"] + b})
    return out


def record(i, kind, doc):
    return {"id": i, "kind": kind, "text": doc.text(), "spans": doc.spans, "lookalikes": doc.lookalikes}


def generate(set_name, seed, count, target_bytes):
    rng = random.Random(seed)
    fakers = {}
    for n, loc in enumerate(LOCALES):
        f = Faker(loc)
        f.seed_instance(seed * 100 + n)
        fakers[loc] = f
    writer = Writer(rng, Values(rng, fakers))
    if set_name == "eval":
        for i in range(count):
            kind = writer.TEMPLATES[i % len(writer.TEMPLATES)]
            yield record(i, kind, getattr(writer, kind)())
        return
    # speed: documents of about 4-12 KB, each one diluted to about one finding per KB.
    total, i = 0, 0
    while total < target_bytes:
        kind = rng.choice(writer.TEMPLATES)
        parts = [getattr(writer, kind)() for _ in range(rng.randint(1, 3))]
        doc = merge(parts)
        while doc.bytes < 1024 * max(1, len(doc.spans)):
            doc = merge([doc, writer.filler()])
            # keep findings spread out: shuffle is not needed, filler follows each block
        yield record(i, kind, doc)
        total += doc.bytes
        i += 1


def main():
    # Some Faker locale lists are sets, whose order follows string hashing: fix the hash seed so
    # the same seed gives the same corpus in every process.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=["eval", "speed"], default="eval")
    ap.add_argument("--seed", type=int, default=20240611)
    ap.add_argument("--docs", type=int, default=2000, help="eval: number of documents")
    ap.add_argument("--mb", type=float, default=10.0, help="speed: size in MB (10^6 bytes)")
    ap.add_argument("--out", help="output path (default: corpus.jsonl or speed.jsonl beside this script)")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    out = args.out or os.path.join(here, "corpus.jsonl" if args.set == "eval" else "speed.jsonl")
    docs = spans = nbytes = 0
    with open(out, "w", encoding="utf-8") as fh:
        for rec in generate(args.set, args.seed, args.docs, int(args.mb * 1e6)):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            docs += 1
            spans += len(rec["spans"])
            nbytes += len(rec["text"].encode("utf-8"))
    print(f"{out}: {docs} documents, {nbytes / 1e6:.2f} MB of text, {spans} labelled spans "
          f"({spans / (nbytes / 1024):.2f} per KB)", file=sys.stderr)


if __name__ == "__main__":
    main()
