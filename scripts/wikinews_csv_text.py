#!/usr/bin/env python3
"""Plain text of Wikinews articles from a scraped CSV (url,date,title,text), for the quote benchmark
(benches/data/quotes/), in the same form as scripts/gum_news_text.py writes: the title, then one
paragraph per paragraph of the article, a blank line between.

Usage: scripts/wikinews_csv_text.py CSV OUT_DIR NAME=ROW...   (ROW: the article's 0-based row)

The CSV is github.com/vanatteveldt/wikinews `data/wikinews_2020.csv` or `data/wikinews_2019.csv`
(commit 347254178); the texts are Wikinews articles, CC BY 2.5 (see benches/data/quotes/README.md).
"""
import csv
import pathlib
import re
import sys


def text_of(row: dict[str, str]) -> str:
    paragraphs = [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n", row["text"])]
    return "\n\n".join([row["title"].strip()] + [p for p in paragraphs if p]) + "\n"


def main() -> None:
    csv.field_size_limit(10**8)
    source, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    rows = list(csv.DictReader(source.open(encoding="utf-8", newline="")))
    for arg in sys.argv[3:]:
        name, index = arg.split("=", 1)
        row = rows[int(index)]
        (out / f"{name}.txt").write_text(text_of(row), encoding="utf-8")
        print(f"{name}\t{row['url'].replace('.org//wiki', '.org/wiki')}")


if __name__ == "__main__":
    main()
