#!/usr/bin/env python3
"""Reads a Gloss Hugging Face export as a token-classification script does.

    hf_labels.py EXPORT.jsonl LABELS.json

`labels.json` becomes `id2label` (string keys, as in a model config); each line's `ner_tags` must be
ids it names, one per token, and read back as IOB2 tags that seqeval accepts in strict mode. Every line
must have the same columns, each of one JSON type (or null) throughout, as `datasets` needs to build
one schema. Prints {"examples", "tokens", "labels", "entities": {label: n}, "columns": {name: type}}.
"""

import json
import sys
from collections import Counter

from seqeval.metrics import classification_report
from seqeval.scheme import IOB2, Entities


def main(path, labels_path):
    with open(labels_path, encoding="utf-8") as f:
        id2label = {int(k): v for k, v in json.load(f).items()}
    assert id2label[0] == "O", id2label
    y = []
    columns = None
    types = {}
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = json.loads(raw)
            if columns is None:
                columns = sorted(line)
            assert sorted(line) == columns, (line["id"], sorted(line), columns)
            for name, value in line.items():
                if value is not None:
                    kind = type(value).__name__
                    assert types.setdefault(name, kind) == kind, (line["id"], name, kind)
            assert isinstance(line["id"], str), line["id"]
            assert len(line["tokens"]) == len(line["ner_tags"]), line["id"]
            y.append([id2label[t] for t in line["ner_tags"]])
    classification_report(y, y, mode="strict", scheme=IOB2, output_dict=True, zero_division=0)
    entities = Counter(e.tag for sentence in Entities(y, IOB2).entities for e in sentence)
    json.dump({"examples": len(y), "tokens": sum(map(len, y)), "labels": len(id2label),
               "entities": dict(entities), "columns": types}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
