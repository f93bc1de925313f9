#!/usr/bin/env python3
"""Plain text of Wikinews articles from the WikinewsSum English file (one JSON object a line, the
article's wikitext as a list of blocks in "text"), for the quote benchmark (benches/data/quotes/),
in the same form as scripts/wikinews_csv_text.py writes: the title, then one paragraph per
paragraph of the article, a blank line between.

Usage: scripts/wikinews_sum_text.py JSON OUT_DIR NAME=ROW...   (ROW: the article's 0-based line)
       scripts/wikinews_sum_text.py JSON --marks   (per row: damaged?, double quotation marks, title)

The JSON is `endataset.json` of github.com/airKlizz/WikinewsSum at commit
1d985031625909c908766812e8a18d0c88116ec8 (removed from the repository in later commits). Its texts
are English Wikinews articles of November 2004 to January 2005, in the public domain (see
benches/data/quotes/README.md). The wikitext is reduced to its shown text: `{{w|target|label}}`
and `[[target|label]]` to the label, `{{date|…}}` to the date, other templates, files, tables,
tags and comments dropped, bold and italic marks dropped, character entities (`&mdash;`) decoded.

A row is "damaged" when the scrape replaced its opening by a bare `{{byline|date` glued to the
clipped rest of a later paragraph; the marker is dropped and the rest is kept as it stands (so the
text begins with a clipped word). Tables the scrape clipped the same way (a bare `{| rules` or
`{| border`) and a comment that lost its `<` are dropped likewise.
"""
import html
import json
import pathlib
import re
import sys

DAMAGE = re.compile(r"\{\{byline\|date(?!=)")
MARKS = re.compile("[\"\u201c\u201d]")


def drop_nested(text: str, open_: str, close: str, keep) -> str:
    """Replace each outermost open_…close span (nesting allowed) by keep(inner) ("" to drop)."""
    out, i = [], 0
    while True:
        start = text.find(open_, i)
        if start < 0:
            out.append(text[i:])
            return "".join(out)
        out.append(text[i:start])
        depth, j = 0, start
        while j < len(text):
            if text.startswith(open_, j):
                depth, j = depth + 1, j + len(open_)
            elif text.startswith(close, j):
                depth, j = depth - 1, j + len(close)
                if depth == 0:
                    break
            else:
                j += 1
        if depth != 0:  # unclosed: keep the rest as text
            out.append(text[start:])
            return "".join(out)
        out.append(keep(text[start + len(open_) : j - len(close)]))
        i = j


def template(inner: str) -> str:
    parts = [p.strip() for p in inner.split("|")]
    name = parts[0].lower()
    if name == "w":
        return parts[-1] if len(parts) > 1 else ""
    if name == "date" and len(parts) > 1:
        return "\n" + parts[1] + "\n"
    return ""


def link(inner: str) -> str:
    target = inner.split("|", 1)[0].strip()
    prefix = target.split(":", 1)[0].lower() if ":" in target else ""
    if prefix in ("file", "image", "category") or (len(prefix) == 2 and prefix != "w"):
        return ""
    if "|" in inner:
        return inner.split("|")[-1]
    return re.sub(r"^(?:w|W|wikipedia|Wikipedia):", "", inner)


def wikitext_to_paragraphs(blocks: list[str]) -> list[str]:
    text = DAMAGE.sub("", "\n\n".join(blocks))
    text = re.sub(r"<?!--.*?-->", "", text, flags=re.S)
    text = re.sub(r"\{\|\s*(?:rules|border)(?!=)", "", text)  # a table clipped like the byline
    text = re.sub(r"<ref[^>/]*/>|<ref[^>]*>.*?</ref>", "", text, flags=re.S)
    text = re.sub(r"<br\s*/?>", "\n", text)
    text = re.sub(r"</?[a-zA-Z][^>]*>", "", text)
    text = drop_nested(text, "{|", "|}", lambda _: "")
    text = re.sub(r"(?<!\{)\{[A-Za-z ]+\}\}", "", text)  # clipped `{publish}}` and the like
    text = drop_nested(text, "{{", "}}", template)
    text = drop_nested(text, "[[", "]]", link)
    text = re.sub(r"\[(?:https?|ftp)://[^\s\]]+\s*([^\]]*)\]", r"\1", text)
    text = re.sub(r"'''''|'''|''", "", text)
    paragraphs = []
    for line in text.split("\n"):
        line = re.sub(r"^[:*#;]+", "", line)
        line = re.sub(r"\s+", " ", html.unescape(line)).strip()
        if line and not re.fullmatch(r"=+.*=+|-{3,}", line):  # headings, rules
            paragraphs.append(line)
    return paragraphs


def text_of(row: dict) -> str:
    return "\n\n".join([row["title"].strip()] + wikitext_to_paragraphs(row["text"])) + "\n"


def url_of(row: dict) -> str:
    from urllib.parse import quote

    return "https://en.wikinews.org/wiki/" + quote(row["title"].strip().replace(" ", "_"), safe="_(),.:;!-")


def main() -> None:
    source = pathlib.Path(sys.argv[1])
    rows = [json.loads(line) for line in source.open(encoding="utf-8") if line.strip()]
    if sys.argv[2] == "--marks":
        for i, row in enumerate(rows):
            raw = "\n\n".join(row["text"])
            damaged = "damaged" if DAMAGE.search(raw) else "whole"
            print(f"{i}\t{damaged}\t{len(MARKS.findall(raw))}\t{row['title'].strip()}")
        return
    out = pathlib.Path(sys.argv[2])
    for arg in sys.argv[3:]:
        name, index = arg.split("=", 1)
        row = rows[int(index)]
        (out / f"{name}.txt").write_text(text_of(row), encoding="utf-8")
        print(f"{name}\t{url_of(row)}")


if __name__ == "__main__":
    main()
