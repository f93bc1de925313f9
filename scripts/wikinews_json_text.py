#!/usr/bin/env python3
"""Plain text of Wikinews records from dimitrakatseli/Wikinews, for the quote benchmark
(benches/data/quotes/, held out 28): the title, a blank line, then the body one sentence per line,
a blank line between sentences (the source keeps no paragraph breaks: each body is one run of text).

Source: https://github.com/dimitrakatseli/Wikinews, commit
06264e6a462ecc27ecd28aa0185be9a70fa0393c, `data/english.json`: a JSON list of
`{"bestTitle", "content"}` records, random English Wikinews pages fetched through the Wikinews API
(title and body only; no date, no address). The texts are Wikinews articles, © their Wikinews
contributors, CC BY 2.5 (public domain if created on or before 25 September 2005); the
repository's own LICENSE (GNU GPL v3) is for its code.

Usage:
  scripts/wikinews_json_text.py GIT_DIR INDEX NAME     writes benches/data/quotes/NAME.txt
  scripts/wikinews_json_text.py GIT_DIR --marks        prints, per record index, the count of
                                                       double quotation marks in the body and
                                                       the title (no body text)

GIT_DIR is a (bare) git directory of the repository; the file is read with
`git show COMMIT:data/english.json`. INDEX is the record's 0-based index in the list.

Sentences are split after `.`, `!` or `?` (optionally followed by a closing quotation mark) when
a space and then a capital letter or an opening quotation mark follow; not after common
abbreviations (Mr. Mrs. Dr. St. Jan. … and dotted ones like U.S.) or a single capital initial
("J."). The text is otherwise kept as stored (runs of white space made single spaces).
"""
import json
import pathlib
import re
import subprocess
import sys

COMMIT = "06264e6a462ecc27ecd28aa0185be9a70fa0393c"
PATH = "data/english.json"
OUT = pathlib.Path(__file__).resolve().parent.parent / "benches" / "data" / "quotes"

ABBREVIATIONS = {
    "Mr", "Mrs", "Ms", "Dr", "St", "Sr", "Jr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr",
    "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "Insp", "Mt", "Ft", "No", "Nos", "Vol",
    "Inc", "Ltd", "Co", "Corp", "Bros", "vs", "etc", "approx", "est", "Ave", "Rd", "Blvd",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
}

CLOSE = "\"”’'"
OPEN = "\"“‘"
BOUNDARY = re.compile(r"[.!?][" + CLOSE + r"]?(?= +[A-Z" + OPEN + r"])")


def records(git_dir: str) -> list[dict]:
    raw = subprocess.run(
        ["git", "-C", git_dir, "show", f"{COMMIT}:{PATH}"], check=True, capture_output=True
    ).stdout
    return json.loads(raw.decode("utf-8"))


def is_abbreviation(text: str, dot: int) -> bool:
    """Whether the `.` at `dot` closes an abbreviation or an initial."""
    if text[dot] != ".":
        return False
    word = re.search(r"[\w.]*$", text[:dot]).group(0)
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    if re.fullmatch(r"[A-Z]", word):  # an initial: "J."
        return True
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):  # U.S. U.K. U.N. a.m. p.m.
        return True
    return False


def sentences(body: str) -> list[str]:
    body = re.sub(r"\s+", " ", body).strip()
    out, start = [], 0
    for m in BOUNDARY.finditer(body):
        if is_abbreviation(body, m.start()):
            continue
        out.append(body[start:m.end()].strip())
        start = m.end()
    out.append(body[start:].strip())
    return [s for s in out if s]


def text_of(record: dict) -> str:
    return "\n\n".join([record["bestTitle"].strip()] + sentences(record["content"])) + "\n"


def marks(body: str) -> int:
    return sum(body.count(c) for c in "\"“”")


def main() -> None:
    git_dir = sys.argv[1]
    recs = records(git_dir)
    if sys.argv[2] == "--marks":
        for i, r in enumerate(recs):
            print(f"{i}\t{marks(r['content'])}\t{r['bestTitle'].strip()}")
        return
    index, name = int(sys.argv[2]), sys.argv[3]
    (OUT / f"{name}.txt").write_text(text_of(recs[index]), encoding="utf-8")
    print(f"{name}\t{index}\t{recs[index]['bestTitle'].strip()}")


if __name__ == "__main__":
    main()
