#!/usr/bin/env python3
"""Writes spaCy's English tokenizer special cases as the table Gloss's spaCy export checks spans with.

    spacy_exceptions.py > src/formats/spacy_en_exceptions.tsv

One special case per line: the string, then the tokens spaCy makes of it, tab-separated
(`can't<TAB>ca<TAB>n't`, `Sept.<TAB>Sept.`). Strings holding whitespace are left out: spaCy splits
at whitespace before it looks at special cases. Regenerate when spaCy's English exceptions change.
"""

import sys

import spacy
from spacy.symbols import ORTH


def main():
    rules = spacy.blank("en").tokenizer.rules
    version = spacy.__version__
    sys.stdout.write(f"# spaCy {version} English tokenizer special cases: string, then its tokens\n")
    for key in sorted(rules):
        if any(c.isspace() for c in key):
            continue
        pieces = [piece[ORTH] for piece in rules[key]]
        sys.stdout.write("\t".join([key] + pieces) + "\n")


if __name__ == "__main__":
    main()
