"""Checks the generated corpus is what it claims: offsets agree with the text, every labelled value
passes its checksum, look-alikes fail them, and the same seed gives the same corpus.

Run: benches/.venv/bin/python -m unittest discover -s benches/corpus
"""

import itertools
import re
import unittest

import generate

DOCS = 700  # every template 100 times


def corpus(seed=7, docs=DOCS):
    return list(generate.generate("eval", seed, docs, 0))


def values(recs, kind, field="spans"):
    for rec in recs:
        for span in rec[field]:
            if span["type"] == kind:
                yield rec["text"][span["start"]:span["end"]]


def iban_valid(value):
    s = value.replace(" ", "")
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


class CorpusTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.recs = corpus()

    def test_char_and_byte_offsets_agree(self):
        for rec in self.recs:
            text, raw = rec["text"], rec["text"].encode("utf-8")
            for span in rec["spans"] + rec["lookalikes"]:
                value = text[span["start"]:span["end"]]
                self.assertTrue(value and value == value.strip(), (rec["id"], span))
                self.assertEqual(value.encode("utf-8"), raw[span["byte_start"]:span["byte_end"]])

    def test_some_text_is_not_ascii(self):
        self.assertTrue(any(len(r["text"]) != len(r["text"].encode("utf-8")) for r in self.recs))

    def test_spans_do_not_overlap(self):
        for rec in self.recs:
            spans = sorted(rec["spans"] + rec["lookalikes"], key=lambda s: s["start"])
            for a, b in zip(spans, spans[1:]):
                self.assertLessEqual(a["end"], b["start"], rec["id"])

    def test_cards_pass_luhn_and_transaction_ids_fail_it(self):
        cards = [re.sub(r"[ -]", "", v) for v in values(self.recs, "CREDIT_CARD")]
        self.assertGreater(len(cards), 20)
        self.assertTrue(all(generate.luhn_valid(c) for c in cards))
        self.assertGreater(len({len(c) for c in cards}), 1)  # Amex 15 and 16-digit networks
        ids = list(values(self.recs, "TRANSACTION_ID", "lookalikes"))
        self.assertTrue(ids and not any(generate.luhn_valid(i) for i in ids))

    def test_ibans_pass_mod_97(self):
        ibans = list(values(self.recs, "IBAN"))
        self.assertGreater(len({i[:2] for i in ibans}), 4)
        self.assertTrue(all(iban_valid(i) for i in ibans))

    def test_national_ids_are_valid(self):
        for ssn in values(self.recs, "US_SSN"):
            area, group, serial = ssn.split("-")
            self.assertNotIn(area, {"000", "666"})
            self.assertLess(int(area), 900)
            self.assertNotEqual(group, "00")
            self.assertNotEqual(serial, "0000")
        for dni in values(self.recs, "ES_DNI"):
            self.assertEqual(dni[8], "TRWAGMYFPDXBNJZSQVHLCKE"[int(dni[:8]) % 23])
        for bsn in values(self.recs, "NL_BSN"):
            total = sum(w * int(d) for w, d in zip([9, 8, 7, 6, 5, 4, 3, 2, -1], bsn))
            self.assertEqual(total % 11, 0)

    def test_secrets_have_their_shapes(self):
        self.assertTrue(all(re.fullmatch(r"AKIA[A-Z2-7]{16}", v)
                            for v in values(self.recs, "AWS_ACCESS_KEY_ID")))
        self.assertTrue(all(re.fullmatch(r"ghp_[0-9A-Za-z]{36}", v)
                            for v in values(self.recs, "GITHUB_TOKEN")))
        self.assertTrue(all(v.count(".") == 2 and v.startswith("eyJ")
                            for v in values(self.recs, "JWT")))

    def test_same_seed_same_corpus_other_seed_other_corpus(self):
        self.assertEqual(corpus(docs=50), corpus(docs=50))
        self.assertNotEqual(corpus(docs=50), corpus(seed=8, docs=50))

    def test_speed_set_has_about_one_finding_per_kb(self):
        recs = list(itertools.islice(generate.generate("speed", 3, 0, 300_000), 1000))
        size = sum(len(r["text"].encode("utf-8")) for r in recs)
        found = sum(len(r["spans"]) for r in recs)
        self.assertGreaterEqual(size, 300_000)
        self.assertTrue(0.7 <= found / (size / 1024) <= 1.1, found / (size / 1024))


if __name__ == "__main__":
    unittest.main()
