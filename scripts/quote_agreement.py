#!/usr/bin/env python3
"""Agreement between two hand annotations of the same articles' direct quotes and speakers.

    python3 scripts/quote_agreement.py benches/data/quotes benches/data/quotes/second NAME...

Each folder holds `NAME.quotes` files in the format of `benches/data/quotes/README.md`; the texts
are `NAME.txt` in the first folder. A line is placed in its text by its first words (searched from
where the file's previous line was found, so a repeated phrase goes to the right quotation), and
two lines are the same quotation when they start at the same char, quote marks and spaces aside.

Printed, per article and in all:
- quotes: how many direct quotes each annotation has, and how many both have;
- the second judged by the first, as `examples/quote_eval.rs` judges Gloss's suggestions against
  a `.quotes` file: precision (its direct quotes that the first has as direct quotes; the first's
  `ignore` lines count neither way), right speaker (of those, the ones where some name of the
  second's speaker is, character for character, a name the first gives, or both give `-`), and
  recall;
- the share of the quotes both have whose speakers agree (the same figure as right speaker, which
  is symmetric: names are compared both ways).

Standard library only.
"""

import sys
from pathlib import Path

MARKS = "\"“”'‘’` \t\n"


def read_lines(path):
    """(kind, first words, speaker names or None) for each line of a .quotes file."""
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        if len(fields) < 2:
            sys.exit(f"{path}: line {raw!r}: expected `quote<TAB>words<TAB>speaker` or `ignore<TAB>words`")
        kind, start = fields[0], fields[1]
        speakers = None
        if kind == "quote":
            speakers = (fields[2] if len(fields) > 2 else "-").split("|")
        elif kind != "ignore":
            sys.exit(f"{path}: line {raw!r}: expected `quote` or `ignore` first, found {kind!r}")
        lines.append((kind, start, speakers))
    return lines


def place(text, lines, path):
    """The char where each line's content starts, quote marks and spaces before it skipped."""
    placed = []
    cursor = 0
    for kind, start, speakers in lines:
        words = start.strip(MARKS)
        at = text.find(words, cursor)
        if at < 0:
            at = text.find(words)
        if at < 0:
            sys.exit(f"{path}: the first words {start!r} are not in the text")
        cursor = at + 1
        placed.append((at, kind, start, speakers))
    return placed


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    first_dir, second_dir, names = Path(argv[1]), Path(argv[2]), argv[3:]
    totals = dict(first=0, second=0, both=0, suggested=0, right_quote=0, right_speaker=0, agree=0)
    rows = []
    disagreements = []
    for name in names:
        text = (first_dir / f"{name}.txt").read_text(encoding="utf-8")
        a = {at: (kind, start, sp) for at, kind, start, sp in place(text, read_lines(first_dir / f"{name}.quotes"), first_dir / f"{name}.quotes")}
        b = {at: (kind, start, sp) for at, kind, start, sp in place(text, read_lines(second_dir / f"{name}.quotes"), second_dir / f"{name}.quotes")}
        a_quotes = {at for at, (kind, _, _) in a.items() if kind == "quote"}
        b_quotes = {at for at, (kind, _, _) in b.items() if kind == "quote"}
        both = a_quotes & b_quotes
        # The second judged by the first: the first's ignore lines count neither way.
        suggested = {at for at in b_quotes if not (at in a and a[at][0] == "ignore")}
        right_quote = suggested & a_quotes
        right_speaker = 0
        for at in sorted(both):
            sa, sb = a[at][2], b[at][2]
            same = bool(set(sa) & set(sb))
            right_speaker += same
            if not same:
                disagreements.append((name, a[at][1], "|".join(sa), "|".join(sb)))
        for at in sorted(a_quotes - b_quotes):
            label = "ignore" if at in b else "no line"
            disagreements.append((name, a[at][1], "|".join(a[at][2]), f"({label})"))
        for at in sorted(b_quotes - a_quotes):
            label = "ignore" if at in a else "no line"
            disagreements.append((name, b[at][1], f"({label})", "|".join(b[at][2])))
        row = dict(
            first=len(a_quotes),
            second=len(b_quotes),
            both=len(both),
            suggested=len(suggested),
            right_quote=len(right_quote),
            right_speaker=right_speaker,
            agree=right_speaker,
        )
        for key in totals:
            totals[key] += row[key]
        rows.append((name, row))

    def share(n, d):
        return f"{n / d:.3f} ({n} of {d})" if d else "-"

    print("| article | first's quotes | second's | both | speakers agree (both) |")
    print("|---|---:|---:|---:|---:|")
    for name, r in rows:
        print(f"| {name} | {r['first']} | {r['second']} | {r['both']} | {share(r['agree'], r['both'])} |")
    t = totals
    print(f"| all | {t['first']} | {t['second']} | {t['both']} | {share(t['agree'], t['both'])} |")
    print()
    print("The second annotation judged by the first, as quote_eval judges suggestions:")
    print(f"  precision     {share(t['right_quote'], t['suggested'])}")
    print(f"  right speaker {share(t['right_speaker'], t['right_quote'])}")
    print(f"  recall        {share(t['both'], t['first'])}")
    print()
    print("Where they differ (article, first words, first's speaker, second's speaker):")
    for name, start, sa, sb in disagreements:
        print(f"  {name}\t{start[:50]}\t{sa}\t{sb}")


if __name__ == "__main__":
    main(sys.argv)
