#!/usr/bin/env python3
"""Plain text of the SemEval-2015 Task 4 TimeLine articles (MEANTIME's English Wikinews articles),
for the quote benchmark's held out 26 (benches/data/quotes/).

Usage: scripts/meantime_text_ho26.py SNAPSHOT_GIT_DIR TML_PATH NAME [OUT_DIR]
       scripts/meantime_text_ho26.py SNAPSHOT_GIT_DIR TML_PATH --marks
           (prints the number of double quotation marks in the title and sentences, then the title)

Source: https://github.com/qiangning/StructTempRel-EMNLP17, commit
d6518a5a79d940d749c95ee5b72830714b132238, read from a bare git directory with `git show`;
TML_PATH is a path in that commit such as
`data/SemEval2015-Task4-TimeLine/SemEval_Task4_data/corpus_3/corpus_trackA_TimeML/NAME.tml`.
Writes OUT_DIR/NAME.txt (OUT_DIR defaults to benches/data/quotes): the title (`<EXTRAINFO>`), a
blank line, the creation date (`<DCT>`, written like "Thursday, September 4, 2008"), a blank line,
then the article's sentences (`<s>` in `<TEXT>`), one per line with a blank line between: the
source keeps no paragraph breaks, so each sentence is a paragraph. A first sentence that repeats the
title is dropped, and so is a first sentence (after it) that is only a dateline ("March 06 , 2008").

The tokens are joined again: `` becomes “ and '' becomes ”; no space before , . ; : ? ! % ) ] ”,
the clitics 's n't 're 've 'll 'm 'd and a lone ' ; ` becomes ‘; no space after ( [ “ ‘ or a
token ending in $ (`$`, `US$`); straight " marks, if
any, alternate opening and closing. Spacing the tokenizer lost otherwise is not restored.

Licence: the annotated corpus is © 2015 FBK, VUA and EHU under CC BY 3.0 (the data's README.txt;
the MEANTIME release is CC BY 4.0); the texts are English Wikinews articles, CC BY 2.5 (public
domain if created on or before 25 September 2005). See benches/data/quotes/README.md.
"""
import datetime
import pathlib
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

MONTHS = ("January February March April May June July August September October November "
          "December").split()
DATELINE = re.compile(r"^(%s) \d{1,2} , \d{4}$" % "|".join(MONTHS))

NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", "%", ")", "]", "\u201d", "'s", "'S", "n't",
                   "N'T", "'re", "'ve", "'ll", "'m", "'d", "'"}
NO_SPACE_AFTER = {"(", "[", "\u201c", "\u2018", "$"}


def read(gitdir, path):
    return subprocess.run(["git", "-C", gitdir, "show", "HEAD:" + path], check=True,
                          capture_output=True).stdout.decode("utf-8")


def detok(tokens, state):
    out = ""
    glue_next = True
    for tok in tokens:
        if tok == "``":
            tok = "\u201c"
        elif tok == "''":
            tok = "\u201d"
        elif tok == "`":
            tok = "\u2018"
        elif tok == '"':
            tok = '"'
            opening = not state["open"]
            state["open"] = opening
            if opening:
                out += ("" if glue_next else " ") + tok
                glue_next = True
            else:
                out += tok
                glue_next = False
            continue
        if glue_next or tok in NO_SPACE_BEFORE:
            out += tok
        else:
            out += " " + tok
        glue_next = tok in NO_SPACE_AFTER or tok.endswith("$")
    return out


def format_date(value, dateline):
    for fmt in ("%Y-%m-%d",):
        try:
            d = datetime.datetime.strptime(value, fmt).date()
            return f"{d:%A}, {d:%B} {d.day}, {d.year}"
        except ValueError:
            pass
    # e.g. "03-02-2009": resolve day and month with the dateline if there is one
    m = re.match(r"^(\d\d)-(\d\d)-(\d{4})$", value)
    if m and dateline:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        dm = re.match(r"^(\w+) (\d+) , (\d{4})$", dateline)
        if dm:
            mon = MONTHS.index(dm.group(1)) + 1
            day = int(dm.group(2))
            for mm, dd in ((a, b), (b, a)):
                if (mm, dd, y) == (mon, day, int(dm.group(3))):
                    d = datetime.date(y, mm, dd)
                    return f"{d:%A}, {d:%B} {d.day}, {d.year}"
    return value


def convert(gitdir, path):
    root = ET.fromstring(read(gitdir, path).encode("utf-8"))
    title = " ".join("".join(root.find("EXTRAINFO").itertext()).split())
    dct = root.find("DCT/TIMEX3").get("value")
    sents = [" ".join("".join(s.itertext()).split()) for s in root.find("TEXT").iter("s")]
    if sents and sents[0] == title:
        sents = sents[1:]
    dateline = None
    if sents and DATELINE.match(sents[0]):
        dateline = sents[0]
        sents = sents[1:]
    state = {"open": False}
    title_text = detok(title.split(), state)
    lines = [detok(s.split(), state) for s in sents]
    return title_text, format_date(dct, dateline), lines


def main():
    gitdir, path, name = sys.argv[1], sys.argv[2], sys.argv[3]
    title, date, lines = convert(gitdir, path)
    if name == "--marks":
        text = "\n".join([title] + lines)
        print(sum(text.count(c) for c in ('"', "\u201c", "\u201d")), title, sep="\t")
        return
    outdir = pathlib.Path(sys.argv[4] if len(sys.argv) > 4 else "benches/data/quotes")
    (outdir / f"{name}.txt").write_text("\n\n".join([title, date] + lines) + "\n",
                                        encoding="utf-8")


if __name__ == "__main__":
    main()
