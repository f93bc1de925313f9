#!/usr/bin/env python3
"""Plain text of a BBC News article of the BBC dataset (Greene and Cunningham, ICML 2006), for the
quote benchmark (benches/data/quotes/): its title on the first line, a blank line, then its
paragraphs with a blank line between, as the dataset's file has them.

Usage: scripts/bbc_text.py SNAPSHOT_GIT_DIR CATEGORY/NNN.txt NAME  (writes benches/data/quotes/NAME.txt)
       scripts/bbc_text.py SNAPSHOT_GIT_DIR --marks CATEGORY       (CATEGORY e.g. politics: per
                                                                  article, in file-name order:
                                                                  file, double quotation marks in
                                                                  the body, words, title)

Reads `data/bbc/<CATEGORY>/<NNN>.txt` at HEAD of SNAPSHOT_GIT_DIR, a bare git directory of
https://github.com/DokahlSoZoor/DieNeueKrone (commit 4abe2d2ac2, which holds the dataset's 2,225
articles as `bbc-fulltext.zip` distributes them: business, entertainment, politics, sport, tech).
A file is the title, a blank line, then paragraphs separated by blank lines; the dataset already
joined some of the site's paragraphs into one. Carriage returns and trailing spaces are dropped
and runs of blank lines become one; nothing else is changed (the dataset writes "pounds" for the
pound sign and keeps straight quotation marks).

Written while reading only `politics/001.txt`; no held-out set takes that article.

The dataset's README: "All rights, including copyright, in the content of the original articles
are owned by the BBC." Its page (mlg.ucd.ie/datasets/bbc.html) makes it available "for
non-commercial and research purposes only". See benches/data/quotes/README.md.
"""
import pathlib
import subprocess
import sys


def read(snapshot, path):
    data = subprocess.run(["git", "--git-dir", snapshot, "show", "HEAD:data/bbc/" + path],
                          check=True, capture_output=True).stdout
    return data.decode("utf-8")


def files(snapshot, category):
    out = subprocess.run(["git", "--git-dir", snapshot, "ls-tree", "--name-only",
                          "HEAD", "data/bbc/%s/" % category],
                         check=True, capture_output=True, text=True).stdout
    return sorted(line.rsplit("/", 1)[1] for line in out.split() if line.endswith(".txt"))


def paragraphs(raw):
    paras, cur = [], []
    for line in raw.replace("\r", "").split("\n"):
        line = line.rstrip()
        if line:
            cur.append(line)
        elif cur:
            paras.append(" ".join(cur))
            cur = []
    if cur:
        paras.append(" ".join(cur))
    return paras


def text_of(raw):
    return "\n\n".join(paragraphs(raw)) + "\n"


def main(argv):
    if len(argv) == 3 and argv[1] == "--marks":
        snapshot, category = argv[0], argv[2]
        for name in files(snapshot, category):
            paras = paragraphs(read(snapshot, "%s/%s" % (category, name)))
            title, body = (paras[0] if paras else ""), " ".join(paras[1:])
            print("%s/%s\t%d\t%d\t%s" % (category, name, body.count('"'), len(body.split()), title))
        return 0
    if len(argv) == 3:
        snapshot, path, name = argv
        out = pathlib.Path("benches/data/quotes") / (name + ".txt")
        out.write_text(text_of(read(snapshot, path)), encoding="utf-8")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
