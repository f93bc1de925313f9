#!/usr/bin/env python3
"""Plain text of a Reuters-21578 newswire story, for the quote benchmark (benches/data/quotes/):
its title on the first line, a blank line, then its body's paragraphs with a blank line between,
the dateline opening the first ("TORONTO, Oct 19 - The Canadian Auto Workers' Union said …").

Usage: scripts/reuters_text.py SNAPSHOT_GIT_DIR NEWID NAME   (writes benches/data/quotes/NAME.txt)
       scripts/reuters_text.py SNAPSHOT_GIT_DIR --marks FILE  (FILE e.g. reut2-003.sgm: per story
                                                            with a body, in the file's order: NEWID,
                                                            double quotation marks in the body,
                                                            words, title)

Reads `data/<FILE>` at HEAD of SNAPSHOT_GIT_DIR, a bare git directory of
https://github.com/sola91/reuters-21578 (commit 7008b13, which holds the collection's 22 SGML
files as distributed). A story is a `<REUTERS … NEWID="n">` element; its text is `<TITLE>`,
`<DATELINE>` and `<BODY>`. The body is wrapped at about 70 columns, and a line indented by spaces
opens a new paragraph; wrapped lines are joined with a space. The wire's closing " Reuter" and its
control characters (`&#3;` and the like) are dropped, and `&lt;` `&gt;` `&amp;` are unescaped
(tickers stay as printed: "General Motors Corp <GM>"). Straight quotation marks are kept as they
are. Nothing else is changed: no spelling, no case (titles are in capitals on the wire).

Written while reading only `reut2-021.sgm`; no held-out set takes a story from that file.

Reuters-21578, Distribution 1.0: "The copyright for the text of newswire articles and Reuters
annotations in the Reuters-21578 collection resides with Reuters Ltd. Reuters Ltd. and Carnegie
Group, Inc. have agreed to allow the free distribution of this data *for research purposes
only*." See benches/data/quotes/README.md.
"""
import html
import pathlib
import re
import subprocess
import sys

STORY = re.compile(r'<REUTERS[^>]*NEWID="(\d+)">(.*?)</REUTERS>', re.S)


def read(snapshot, name):
    data = subprocess.run(["git", "--git-dir", snapshot, "show", "HEAD:data/" + name],
                          check=True, capture_output=True).stdout
    return data.decode("latin-1")


def field(story, tag):
    m = re.search(r"<%s>(.*?)</%s>" % (tag, tag), story, re.S)
    return m.group(1) if m else None


def clean(text):
    text = re.sub(r"&#\d+;", "", text)
    return html.unescape(text)


def paragraphs(body):
    body = re.sub(r"\s*Reuter\s*(&#3;)?\s*$", "", body)
    out = []
    for line in body.split("\n"):
        if not line.strip():
            continue
        if line.startswith(" ") or not out:
            out.append(line.strip())
        else:
            out[-1] += " " + line.strip()
    return [clean(p) for p in out if clean(p).strip()]


def stories(snapshot, name):
    for newid, story in STORY.findall(read(snapshot, name)):
        body = field(story, "BODY")
        if body is None:
            continue
        title = clean(" ".join((field(story, "TITLE") or "").split()))
        dateline = clean(" ".join((field(story, "DATELINE") or "").split()))
        yield newid, title, dateline, body


def text_of(title, dateline, body):
    paras = paragraphs(body)
    if dateline and paras:
        paras[0] = dateline + " " + paras[0]
    head = [title, ""] if title else []
    return "\n".join(head + [p + "\n" for p in paras]).rstrip("\n") + "\n"


def main(argv):
    if len(argv) == 3 and argv[1] == "--marks":
        for newid, title, _dateline, body in stories(argv[0], argv[2]):
            marks = body.count('"')
            print(f"{newid}\t{marks}\t{len(body.split())}\t{title}")
        return 0
    if len(argv) == 3:
        snapshot, newid, name = argv
        number = int(newid)
        file = f"reut2-{(number - 1) // 1000:03d}.sgm"
        for found, title, dateline, body in stories(snapshot, file):
            if found == newid:
                out = pathlib.Path(__file__).resolve().parent.parent / "benches/data/quotes"
                (out / (name + ".txt")).write_text(text_of(title, dateline, body), encoding="utf-8")
                return 0
        print(f"{file}: no story with NEWID {newid} and a body", file=sys.stderr)
        return 1
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
