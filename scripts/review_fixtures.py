#!/usr/bin/env python3
"""Regenerates the reference values in tests/review_agreement.rs. Needs no network once installed:

    pip install krippendorff==0.9.0 scikit-learn==1.9.1 statsmodels==0.15.0 numpy
    python3 scripts/review_fixtures.py

Cohen's kappa comes from sklearn.metrics.cohen_kappa_score, Krippendorff's nominal alpha from
krippendorff.alpha(reliability_data=..., level_of_measurement="nominal"), Fleiss' kappa from
statsmodels.stats.inter_rater.fleiss_kappa(aggregate_raters(...)[0], method="fleiss").

No package computes Krippendorff's unitizing alpha, so `unitizing` below implements the 2004
definition (Content Analysis, 2nd ed., section 12.4) independently of the Rust code, by brute force
over every pair of sections, and checks itself against the book's worked example (p. 254) first.
"""

import itertools

import krippendorff
import numpy as np
import sklearn
import statsmodels
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa


def rust(x):
    return "None" if x is None or np.isnan(x) else f"Some({float(x)!r})"


def num(x):
    return repr(float(x))


# --- Krippendorff's unitizing alpha ------------------------------------------------------------

def sections(length, units):
    """An observer's continuum for one category: (start, end, is_unit), gaps between units."""
    out, pos = [], 0
    for start, end in sorted(units):
        if start > pos:
            out.append((pos, start, False))
        out.append((start, end, True))
        pos = end
    if pos < length:
        out.append((pos, length, False))
    return out


def delta2(g, h):
    (bg, eg, ug), (bh, eh, uh) = g, h
    if ug and uh and bg < eh and bh < eg:
        return (bg - bh) ** 2 + (eg - eh) ** 2
    if ug and not uh and bh <= bg and eg <= eh:
        return (eg - bg) ** 2
    if uh and not ug and bg <= bh and eh <= eg:
        return (eh - bh) ** 2
    return 0


def unitizing_category(length, observers):
    """(D_o, D_e) for one category; observers: one list of (start, end) units each."""
    m = len(observers)
    parts = [sections(length, units) for units in observers]
    observed = sum(
        delta2(g, h)
        for i, j in itertools.permutations(range(m), 2)
        for g in parts[i]
        for h in parts[j]
    )
    d_o = observed / (m * (m - 1) * length * length)
    units = [e - s for p in parts for (s, e, u) in p if u]
    gaps = [e - s for p in parts for (s, e, u) in p if not u]
    n_c = len(units)
    numerator = sum(
        (n_c - 1) * (2 * l**3 - 3 * l**2 + l) / 3 + l * l * sum(g - l + 1 for g in gaps if g >= l)
        for l in units
    )
    denominator = m * length * (m * length - 1) - sum(l * (l - 1) for l in units)
    return d_o, 2 / length * numerator / denominator


def unitizing(length, observers):
    """observers: lists of (start, end, category). Returns ({category: (D_o, D_e)}, alpha)."""
    categories = sorted({c for obs in observers for (_, _, c) in obs})
    per = {
        c: unitizing_category(length, [[(s, e) for (s, e, k) in obs if k == c] for obs in observers])
        for c in categories
    }
    total_o = sum(d[0] for d in per.values())
    total_e = sum(d[1] for d in per.values())
    return per, (1 - total_o / total_e if total_e else None)


# Krippendorff (2004, p. 254): continuum 150..450; D_o(c) = .0144, D_e(c) = .0532, alpha(c) = .7286,
# alpha(k) = 1. (The book's overall .8591 is 1 - .0144/(.0532 + .0490) from the rounded figures.)
book = [
    [(225 - 150, 295 - 150, "c"), (370 - 150, 400 - 150, "c"), (180 - 150, 240 - 150, "k"), (300 - 150, 350 - 150, "k")],
    [(220 - 150, 300 - 150, "c"), (355 - 150, 375 - 150, "c"), (400 - 150, 420 - 150, "c"),
     (180 - 150, 240 - 150, "k"), (300 - 150, 350 - 150, "k")],
]
per, alpha = unitizing(300, book)
assert round(per["c"][0], 4) == 0.0144 and round(per["c"][1], 4) == 0.0532, per
assert round(1 - per["c"][0] / per["c"][1], 4) == 0.7286 and per["k"][0] == 0
assert round(per["k"][1], 4) == 0.0490
print(f"// book example: alpha_u = {alpha!r}, c = {per['c']!r}, k = {per['k']!r}")

# --- Generic fixtures --------------------------------------------------------------------------

print(f"// krippendorff {krippendorff.__version__ if hasattr(krippendorff, '__version__') else '0.9.0'}, "
      f"scikit-learn {sklearn.__version__}, statsmodels {statsmodels.__version__}, numpy {np.__version__}")

COHEN_A = "PER PER O O GPE ORG O PER GPE GPE O O ORG ORG PER O GPE O PER O ORG O O GPE PER PER O ORG GPE O".split()
COHEN_B = "PER ORG O O GPE ORG O PER GPE O O PER ORG GPE PER O GPE O PER O ORG ORG O GPE PER O O ORG LOC O".split()
print(f"const COHEN_EXPECTED: f64 = {num(cohen_kappa_score(COHEN_A, COHEN_B))};")

# Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal example, '.' = missing.
K = [
    "1 2 3 3 2 1 4 1 2 . . .",
    "1 2 3 3 2 2 4 1 2 5 . 3",
    ". 3 3 3 2 3 4 2 2 5 1 .",
    "1 2 3 3 2 4 4 1 2 5 1 .",
]
data = np.array([[np.nan if v == "." else float(v) for v in row.split()] for row in K])
print(f"const KRIPPENDORFF_EXPECTED: f64 = {num(krippendorff.alpha(reliability_data=data, level_of_measurement='nominal'))};")

# Fleiss (1971) as on Wikipedia: 10 subjects, 14 raters, counts per category 1..5.
FLEISS = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
          [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
print(f"const FLEISS_EXPECTED: f64 = {num(fleiss_kappa(np.array(FLEISS), method='fleiss'))};")

UNITIZING = [
    [(0, 5, "PER"), (10, 15, "PER"), (20, 28, "GPE"), (40, 46, "ORG")],
    [(0, 5, "PER"), (9, 15, "ORG"), (20, 28, "GPE"), (33, 37, "PER")],
    [(1, 5, "PER"), (10, 15, "PER"), (20, 26, "GPE"), (40, 46, "ORG"), (47, 50, "GPE")],
]
per, alpha = unitizing(50, UNITIZING)
print(f"const UNITIZING_EXPECTED: f64 = {alpha!r};")
for c, (o, e) in per.items():
    print(f"// {c}: D_o = {o!r}, D_e = {e!r}, alpha = {1 - o / e!r}")

# --- The project fixture -----------------------------------------------------------------------


def parse(markup):
    """The model's test markup: [text]{LABEL}, nesting allowed. Returns (text, [(start, end, label)])."""
    text, stack, spans, i = "", [], [], 0
    while i < len(markup):
        c = markup[i]
        if c == "[":
            stack.append(len(text))
        elif c == "]":
            close = markup.index("}", i)
            spans.append((stack.pop(), len(text), markup[i + 2 : close]))
            i = close
        else:
            text += c
        i += 1
    return text, sorted(spans)


ALICE = "[Вучић]{PERSON} met [Kurti]{PERSON} in [Brussels]{GPE} on Thursday, said [[EU]{ORG} envoy Miroslav Lajčák]{PERSON}. 🇽🇰 [Prishtinë]{GPE} objected."
BOB = "[Вучић]{PERSON} met [Kurti]{ORG} in [Brussels]{GPE} on Thursday, said [EU]{ORG} envoy [Miroslav Lajčák]{PERSON}. 🇽🇰 Prishtinë objected."
CAROL = "[Вучић]{PERSON} met [Kurti]{PERSON} in [Brussels]{LOC} on Thursday, said [EU]{ORG} envoy [Miroslav Lajčák]{PERSON}. 🇽🇰 [Prishtinë]{GPE} objected."

# Tokens: Вучић met Kurti in Brussels on Thursday , said EU envoy Miroslav Lajčák . 🇽🇰 Prishtinë objected .
# Each token's label: the longest mention sharing a char with it, else O (tests/review_agreement.rs
# checks the library gives exactly these).
TOKENS = {
    "alice": "PERSON O PERSON O GPE O O O O PERSON PERSON PERSON PERSON O O GPE O O".split(),
    "bob": "PERSON O ORG O GPE O O O O ORG O PERSON PERSON O O O O O".split(),
    "carol": "PERSON O PERSON O LOC O O O O ORG O PERSON PERSON O O GPE O O".split(),
}
LABELS = ["GPE", "LOC", "ORG", "PERSON"]


def binary(seq, label):
    return [x == label for x in seq]


def alpha_nominal(rows):
    codes = {l: i for i, l in enumerate(sorted({x for r in rows for x in r}))}
    data = np.array([[codes[x] for x in r] for r in rows], dtype=float)
    if len(codes) < 2:
        return None
    return krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")


def fleiss(rows):
    table, _ = aggregate_raters(np.array(rows).T)
    return fleiss_kappa(table, method="fleiss")


a, b, c = TOKENS["alice"], TOKENS["bob"], TOKENS["carol"]
print(f"const TWO_COHEN: f64 = {num(cohen_kappa_score(a, b))};")
print(f"const TWO_ALPHA: f64 = {num(alpha_nominal([a, b]))};")
for label in LABELS:
    ba, bb = binary(a, label), binary(b, label)
    k = cohen_kappa_score(ba, bb) if any(ba) or any(bb) else None
    print(f"// two layers, {label}: cohen {rust(k)}, alpha {rust(alpha_nominal([ba, bb]) if any(ba) or any(bb) else None)}")
print(f"const THREE_FLEISS: f64 = {num(fleiss([[LABELS.index(x) + 1 if x != 'O' else 0 for x in r] for r in (a, b, c)]))};")
print(f"const THREE_ALPHA: f64 = {num(alpha_nominal([a, b, c]))};")
for label in LABELS:
    rows = [binary(r, label) for r in (a, b, c)]
    print(f"// three layers, {label}: fleiss {rust(fleiss([[int(x) for x in r] for r in rows]))}, alpha {rust(alpha_nominal(rows))}")

texts = {name: parse(m) for name, m in (("alice", ALICE), ("bob", BOB), ("carol", CAROL))}
assert len({t for t, _ in texts.values()}) == 1
text = texts["alice"][0]
per, alpha = unitizing(len(text), [texts["alice"][1], texts["bob"][1]])
print(f"const TWO_UNITIZING: f64 = {alpha!r};")
for c_, (o, e) in per.items():
    print(f"// two layers unitizing {c_}: {rust(1 - o / e if e else None)}")
per, alpha = unitizing(len(text), [texts[n][1] for n in ("alice", "bob", "carol")])
print(f"const THREE_UNITIZING: f64 = {alpha!r};")
for c_, (o, e) in per.items():
    print(f"// three layers unitizing {c_}: {rust(1 - o / e if e else None)}")
