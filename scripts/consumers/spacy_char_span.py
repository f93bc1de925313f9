#!/usr/bin/env python3
"""Feeds a Gloss spaCy export to spaCy's blank English pipeline, as a training script would.

    spacy_char_span.py EXPORT.jsonl

For every line, the text goes through `spacy.blank("en")` and every span through
`Doc.char_span(start, end, label=label, alignment_mode="strict")`, which gives None when an end falls
inside a token. Prints one JSON object on stdout:

    {"lines": 3, "spans": 40, "rejected": [{"id": "doc", "layer": "gold", "start": 3, "end": 9,
     "text": "..."}], "ents_set": 3}

`ents_set` counts the lines whose accepted, non-overlapping spans could be set as `doc.ents`.
The Rust test (tests/formats_consumers.rs) checks that every rejected span is one the export reported.
"""

import json
import sys

import spacy
from spacy.util import filter_spans


def main(path):
    nlp = spacy.blank("en")
    lines = spans = ents_set = 0
    rejected = []
    with open(path, encoding="utf-8") as f:
        for raw in f:
            if not raw.strip():
                continue
            line = json.loads(raw)
            lines += 1
            doc = nlp.make_doc(line["text"])
            accepted = []
            for span in line["spans"]:
                spans += 1
                found = doc.char_span(span["start"], span["end"], label=span["label"], alignment_mode="strict")
                if found is None:
                    rejected.append({
                        "id": line["meta"]["id"],
                        "layer": line["meta"]["layer"],
                        "start": span["start"],
                        "end": span["end"],
                        "text": line["text"][span["start"]:span["end"]],
                    })
                else:
                    assert found.text == line["text"][span["start"]:span["end"]], (found.text, span)
                    accepted.append(found)
            doc.ents = filter_spans(accepted)
            ents_set += 1
    json.dump({"lines": lines, "spans": spans, "rejected": rejected, "ents_set": ents_set}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
