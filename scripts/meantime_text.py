#!/usr/bin/env python3
"""Plain text of a MEANTIME / SemEval-2015 Task 4 TimeLine Wikinews article, for the quote
benchmark (benches/data/quotes/): the title, a blank line, the date ("Wednesday, January 9,
2008"), a blank line, then the article's sentences one per line with a blank line between (the
source keeps no paragraph breaks, so each sentence is a paragraph).

Usage: scripts/meantime_text.py SNAPSHOT_GIT_DIR TML_PATH NAME
       scripts/meantime_text.py SNAPSHOT_GIT_DIR --marks FOLDER   (per .tml in file-name order:
       double quotation marks in title and sentences, title)

Reads TML_PATH at HEAD of SNAPSHOT_GIT_DIR, a bare git directory of
https://github.com/qiangning/StructTempRel-EMNLP17 (commit
d6518a5a79d940d749c95ee5b72830714b132238; `data/SemEval2015-Task4-TimeLine/`, the trial folder
`Corpus-trial-data_task4_TimeML/` and `SemEval_Task4_data/corpus_{1,2,3}/corpus_trackA_TimeML/`),
and writes benches/data/quotes/NAME.txt. The date is the `<DCT>` TIMEX3 value, the title the
`<EXTRAINFO>`, the sentences the `<s>` elements of `<TEXT>` with their markup dropped; a first
sentence that only repeats the title is dropped, then one that is only a dateline ("January 09 ,
2008"). Detokenised: `` and '' become curly marks; straight " marks (the trial folder's) become
curly by alternation within the article when their number is even and no opening mark ends a
sentence and no closing mark starts one, else they stay straight; no space before , . ; : ? ! % ) ]
and a closing mark, a clitic ('s n't 're 've 'll 'd 'm) or a lone ', none after ( [ an opening mark
$ £ and €; `' s`, `' ll` (and the other clitics) after a word are joined, `O 'Reilly` and `O '
Leary` O'Reilly and O'Leary, and a lone ` and the next lone ' in the sentence single curly marks.

The annotated corpus is (c) 2015 FBK, VUA, EHU, CC BY 3.0 (SemEval_Task4_data/README.txt; the
MEANTIME release is CC BY 4.0); the texts are English Wikinews articles, CC BY 2.5 (public domain
if created on or before 25 September 2005). See benches/data/quotes/README.md.
"""
import datetime
import html
import pathlib
import re
import subprocess
import sys

MONTHS = ("January February March April May June July August September October November "
          "December").split()
DATELINE = re.compile(r"^(%s) \d{1,2} , \d{4}$" % "|".join(MONTHS))


def read(snapshot, path):
    return subprocess.run(["git", "-C", snapshot, "show", "HEAD:" + path], check=True,
                          capture_output=True).stdout.decode("utf-8")


def plain(fragment):
    return html.unescape(re.sub(r"<[^>]*>", "", fragment)).strip()


def parse(tml):
    date = re.search(r'<DCT>.*?value="([0-9-]+)"', tml, re.S).group(1)
    title = plain(re.search(r"<EXTRAINFO>(.*?)</EXTRAINFO>", tml, re.S).group(1))
    text = re.search(r"<TEXT>(.*?)</TEXT>", tml, re.S).group(1)
    sents = [plain(s) for s in re.findall(r"<s\b[^>]*>(.*?)</s>", text, re.S)]
    return date, title, [s for s in sents if s]


def marks(s):
    return s.count('"') + s.count("``") + s.count("''")


def straight_quotes(lines):
    """Curly marks for straight ones by alternation, if that is safe; else the lines unchanged."""
    toks = [line.split(" ") for line in lines]
    where = [(i, j) for i, t in enumerate(toks) for j, w in enumerate(t) if w == '"']
    if len(where) % 2:
        return lines
    for k, (i, j) in enumerate(where):
        if (k % 2 == 0 and j == len(toks[i]) - 1) or (k % 2 == 1 and j == 0):
            return lines
    for k, (i, j) in enumerate(where):
        toks[i][j] = "\u201c" if k % 2 == 0 else "\u201d"
    return [" ".join(t) for t in toks]


def detok(s):
    s = s.replace("``", "\u201c").replace("''", "\u201d")
    toks, opening = s.split(" "), None
    for i, w in enumerate(toks):
        if w == "`":
            opening = i
        elif w == "'" and opening is not None:
            toks[opening], toks[i], opening = "\u2018", "\u2019", None
    s = " ".join(toks)
    s = re.sub(r" ([,.;:?!%)\]\u201d\u2019]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|'(?= |$))", r"\1", s)
    s = re.sub(r"([(\[\u201c\u2018$£€]) ", r"\1", s)
    s = re.sub(r"(\w)' (s|ll|re|ve|d|m)\b", r"\1'\2", s)
    s = re.sub(r"\bO ?' ?(?=[A-Z])", "O'", s)
    return s


def main(argv):
    snapshot = argv[1]
    if argv[2] == "--marks":
        folder = argv[3].rstrip("/") + "/"
        names = subprocess.run(["git", "-C", snapshot, "ls-tree", "--name-only", "HEAD", folder],
                               check=True, capture_output=True, text=True).stdout.split("\n")
        for path in sorted(n for n in names if n.endswith(".tml")):
            _, title, sents = parse(read(snapshot, path))
            print("%d\t%s\t%s" % (marks(" ".join([title] + sents)), path.rsplit("/", 1)[1], title))
        return
    date, title, sents = parse(read(snapshot, argv[2]))
    if sents and sents[0] == title:
        sents = sents[1:]
    if sents and DATELINE.match(sents[0]):
        sents = sents[1:]
    lines = straight_quotes([title] + sents)
    day = datetime.date.fromisoformat(date)
    date_line = "%s, %s %d, %d" % (day.strftime("%A"), MONTHS[day.month - 1], day.day, day.year)
    out = [detok(lines[0]), date_line] + [detok(s) for s in lines[1:]]
    root = pathlib.Path(__file__).resolve().parent.parent
    (root / "benches/data/quotes" / (argv[3] + ".txt")).write_text("\n\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv)
