#!/usr/bin/env bash
# Renders the window in the states that matter (issue 10), under Xvfb, as PNGs to look at:
#   first-run      no project: the welcome screen
#   sample         the sample project, as amira
#   quote          a quote selected in the sample: its cue and speaker in the inspector
#   review         the comparison of the annotators' layers, at the first disagreement
#   arabic         Arabic news text (right to left), names marked
#   hebrew         Hebrew text with a Latin word and numbers, marked
#   small          the sample at the 720x480 minimum
#   long-article   one article of about 300 KB with its suggestions applied
#
# Usage: scripts/screenshots.sh [OUT_DIR]   (default target/screenshots; GLOSS=path overrides the
# binary, else target/debug/gloss is built). Needs xvfb-run (Debian: xvfb xauth), as .ci/run installs.
# Nothing outside OUT_DIR and a temporary folder is written: the sample is copied first.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${1:-target/screenshots}
mkdir -p "$OUT"
if [ -z "${GLOSS:-}" ]; then
    cargo build --quiet --bin gloss
    GLOSS=target/debug/gloss
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# Fresh preferences and no recent projects: the screenshots never read or change the user's own.
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" HOME="$WORK/home"
mkdir -p "$HOME"

shot() {
    local name=$1
    shift
    xvfb-run -a -s "-screen 0 1600x1000x24" "$GLOSS" --screenshot "$OUT/$name.png" --frames 5 "$@"
    echo "$OUT/$name.png"
}

cp -r projects/kosovo-talks "$WORK/sample"
rm -f "$WORK/sample/.gloss.lock"

shot first-run
shot sample --as amira "$WORK/sample"

# Tab walks the annotation list in text order: press it until the first quote (of the one-document
# fixture, so that the document shown is known) whose start no other annotation shares.
cp -r tests/fixtures/kosovo-talks "$WORK/one"
rm -f "$WORK/one/.gloss.lock"
tabs=$(python3 - "$WORK/one/annotations/kosovo-serbia-brussels-talks/amira.ron" <<'PY'
import re, sys
starts, quotes, section = [], [], None
for line in open(sys.argv[1], encoding="utf-8"):
    header = re.match(r"\s*(entities|quotes|events): \[", line)
    if header:
        section = header.group(1)
    found = re.match(r"\s*\(id: \d+,.*?start: (\d+)", line)
    if found:
        starts.append(int(found.group(1)))
        if section == "quotes":
            quotes.append(int(found.group(1)))
quote = next(q for q in quotes if starts.count(q) == 1)
print(" ".join(["Tab"] * (sum(1 for s in starts if s < quote) + 1)))
PY
)
shot quote --as amira --keys "$tabs" "$WORK/one"

shot review --as amira --keys "ctrl+r n" "$WORK/sample"

# Right-to-left text with marks on names: each document as a doccano line whose spans the script
# finds in the text (char offsets, as doccano counts), so that the shots show where highlights land.
python3 - "$WORK/rtl.jsonl" <<'PY'
import json, sys
marks = {
    "scripts/screenshots/arabic-news.txt": [
        ("كوري شولمان", "PERSON"), ("أوباما", "PERSON"), ("الولايات المتحدة", "GPE"),
        ("الكابيتول هيل", "LOC"), ("كارولينا الشمالية", "GPE"), ("كلينتون", "PERSON"),
    ],
    "scripts/screenshots/hebrew-wiki.txt": [
        ("דיאליזה", "MISC"), ("Dialysis", "MISC"), ("בישראל", "GPE"), ("2017", "DATE"),
    ],
}
with open(sys.argv[1], "w", encoding="utf-8") as out:
    for path, names in marks.items():
        text = open(path, encoding="utf-8").read()
        spans = [[text.index(name), text.index(name) + len(name), label] for name, label in names]
        out.write(json.dumps({"text": text, "label": spans}, ensure_ascii=False) + "\n")
PY
"$GLOSS" new "$WORK/rtl" --preset news >/dev/null
"$GLOSS" import "$WORK/rtl" "$WORK/rtl.jsonl" --format jsonl --layer amira >/dev/null 2>&1
shot arabic --as amira "$WORK/rtl"
shot hebrew --as amira --keys "alt+ArrowRight" "$WORK/rtl"

shot small --size 720x480 --as amira "$WORK/sample"

# About 300 KB of real news: the sample's articles, repeated, as one document.
: > "$WORK/long.txt"
while [ "$(wc -c < "$WORK/long.txt")" -lt 300000 ]; do
    cat projects/kosovo-talks/documents/*.txt >> "$WORK/long.txt"
done
"$GLOSS" new "$WORK/long" --preset news >/dev/null
"$GLOSS" import "$WORK/long" "$WORK/long.txt" --annotator amira --keep-noise >/dev/null
"$GLOSS" suggest "$WORK/long" --apply --layer amira >/dev/null
shot long-article --as amira "$WORK/long"
