#!/usr/bin/env python3
"""Reads a Gloss CoNLL export the way evaluation scripts do, with seqeval and spaCy's converter.

    seqeval_conll.py EXPORT.conll iob2|bilou

- Every line has the four columns of the `-DOCSTART- -X- O O` line (token, two placeholders, tag).
- seqeval: the tags of each sentence, scored against themselves with
  `classification_report(y, y, mode="strict", scheme=IOB2 or BILOU)`; strict mode rejects any tag
  sequence the scheme does not allow. Entities are counted per label with `seqeval.scheme.Entities`.
- spaCy: `spacy.training.converters.conll_ner_to_docs` (what `spacy convert --converter ner` runs)
  splits documents on `-DOCSTART- -X- O O` and sets `doc.ents` from the tags.

Prints one JSON object: {"documents", "sentences", "tokens", "entities": {label: n}, "f1",
"spacy_docs", "spacy_ents"}.
"""

import json
import sys
from collections import Counter

from seqeval.metrics import classification_report, f1_score
from seqeval.scheme import BILOU, IOB2, Entities


def read(path):
    documents, sentences, current = 0, [], []
    # Every line has as many columns as the -DOCSTART- line: readers that check this must not fail.
    columns = 4
    with open(path, encoding="utf-8") as f:
        for raw in f:
            fields = raw.split()
            if not fields:
                if current:
                    sentences.append(current)
                current = []
            elif fields[0] == "-DOCSTART-":
                documents += 1
            else:
                if len(fields) != columns:
                    raise SystemExit(f"expected {columns} columns as on the -DOCSTART- line, found {raw!r}")
                current.append(fields[-1])
    if current:
        sentences.append(current)
    return documents, sentences


def main(path, scheme_name):
    scheme = {"iob2": IOB2, "bilou": BILOU}[scheme_name]
    documents, y = read(path)
    classification_report(y, y, mode="strict", scheme=scheme, output_dict=True, zero_division=0)
    entities = Counter(e.tag for sentence in Entities(y, scheme).entities for e in sentence)
    result = {
        "documents": documents,
        "sentences": len(y),
        "tokens": sum(len(s) for s in y),
        "entities": dict(entities),
        "f1": f1_score(y, y, mode="strict", scheme=scheme) if entities else 1.0,
    }
    try:
        from spacy.training.converters import conll_ner_to_docs
    except ImportError:
        pass
    else:
        with open(path, encoding="utf-8") as f:
            docs = list(conll_ner_to_docs(f.read(), n_sents=0, no_print=True))
        result["spacy_docs"] = len(docs)
        result["spacy_ents"] = sum(len(doc.ents) for doc in docs)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
