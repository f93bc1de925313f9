#!/usr/bin/env python3
"""Gloss's tagger against python-crfsuite on the same documents, split and features.

Runs `cargo run --release --example tagger_compare`, which generates the benchmark corpus
(benches/support/corpus.rs, about 62,500 tokens), trains Gloss's averaged perceptron on four fifths
of the documents, scores the held-out fifth and writes every sentence's features and tags as JSON.
This script then trains CRFsuite on exactly those features (L-BFGS, the usual setting, and CRFsuite's
own averaged perceptron), tags the held-out sentences, and prints training time and entity-level F1
(exact spans, micro-averaged, computed here by one function for both tools) in one table.

Needs: pip install python-crfsuite
Run:   python3 benches/crfsuite_compare.py [TOKENS]
"""

import json
import os
import subprocess
import sys
import tempfile
import time

try:
    import pycrfsuite
except ImportError:
    sys.exit("error: python-crfsuite is not installed (pip install python-crfsuite)")


def spans(tags):
    """Entity spans (start, end, label) of a BILOU tag sequence; token indices, half-open."""
    out, start = set(), None
    for i, tag in enumerate(tags):
        if tag == "O":
            start = None
            continue
        part, label = tag.split("-", 1)
        if part in ("B", "U"):
            start = i
        if part in ("L", "U") and start is not None:
            out.add((start, i + 1, label))
            start = None
    return out


def f1(gold_sentences, predicted_sentences):
    tp = fp = fn = 0
    for gold, predicted in zip(gold_sentences, predicted_sentences):
        g, p = spans(gold), spans(predicted)
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def crfsuite(train, test, algorithm, params):
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=False)
    for sentence in train:
        trainer.append(sentence["features"], sentence["tags"])
    trainer.set_params(params)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "model.crfsuite")
        started = time.perf_counter()
        trainer.train(path)
        seconds = time.perf_counter() - started
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        predicted = [tagger.tag(sentence["features"]) for sentence in test]
    return seconds, f1([s["tags"] for s in test], predicted)


def main():
    # About 62,500 tokens, so that the four fifths trained on hold about 50,000.
    tokens = sys.argv[1] if len(sys.argv) > 1 else "62500"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "compare.json")
        subprocess.run(
            ["cargo", "run", "--quiet", "--release", "--example", "tagger_compare", "--", out, tokens],
            cwd=root,
            check=True,
        )
        with open(out, encoding="utf-8") as file:
            data = json.load(file)
    train, test, gloss = data["train"], data["test"], data["gloss"]
    rows = [
        (
            "gloss",
            gloss["algorithm"],
            gloss["train_seconds"],
            f1([s["tags"] for s in test], gloss["predicted_tags"]),
        )
    ]
    seconds, score = crfsuite(
        train, test, "lbfgs",
        {"c1": 0.1, "c2": 0.01, "max_iterations": 100, "feature.possible_transitions": True},
    )
    rows.append(("python-crfsuite", "lbfgs, c1 0.1, c2 0.01, 100 iterations", seconds, score))
    seconds, score = crfsuite(train, test, "ap", {"max_iterations": 8})
    rows.append(("python-crfsuite", "averaged perceptron, 8 epochs", seconds, score))

    print(
        f"\n{gloss['train_tokens']} training tokens ({gloss['train_documents']} documents), "
        f"{sum(len(s['tags']) for s in test)} held-out tokens ({gloss['test_documents']} documents), "
        f"same features and split for every row\n"
    )
    print(f"{'tool':<16}  {'algorithm':<40}  {'train s':>8}  {'held-out F1':>11}")
    for tool, algorithm, seconds, score in rows:
        print(f"{tool:<16}  {algorithm:<40}  {seconds:>8.3f}  {score:>11.4f}")


if __name__ == "__main__":
    main()
