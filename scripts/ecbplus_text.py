#!/usr/bin/env python3
"""Plain text of an ECB+ news document, for the quote benchmark (benches/data/quotes/): its
sentences one per line with a blank line between (ECB+ keeps no paragraph breaks, no title and no
date, so each sentence is a paragraph; the first sentence is often the headline).

Usage: scripts/ecbplus_text.py SNAPSHOT_GIT_DIR DOC NAME   (DOC e.g. 12_3ecbplus; writes
                                                             benches/data/quotes/NAME.txt)
       scripts/ecbplus_text.py SNAPSHOT_GIT_DIR --marks TOPIC   (per document of the topic in
                                                             numeric order: double quotation
                                                             marks, tokens, source address)

Reads `ECB+_LREC2014/ECB+/<topic>/<DOC>.xml` at HEAD of SNAPSHOT_GIT_DIR, a bare git directory of
https://github.com/tommasoc80/EventStoryLine (commit 46edefe, which holds the ECB+ corpus's files
unzipped; the corpus itself is https://github.com/cltl/ecbPlus, `ECB+_LREC2014/ECB+.zip`). The
text is the `<token>` elements in order, grouped by their `sentence` attribute. In an `ecbplus`
document sentence 0 is the address of the page the text was found on: it is dropped from the
text and printed by --marks. Straight " marks become curly: one glued to the start of a token opens, one glued to its end
closes (ECB+'s tokeniser leaves an opening mark on its word), a lone one closes when a quotation
is open and opens otherwise, over the whole document. Then detokenised as
scripts/meantime_text.py does (its `detok`: `` and '' curly, no space before , . ; : ? ! % ) and a
closing mark or clitic, none after ( and an opening mark), and ECB+'s splits inside words and
numbers undone: "first - degree", "3: 47pm", "$10, 000", "a. m." and "U. S." are written
"first-degree", "3:47pm", "$10,000", "a.m." and "U.S.".

ECB+ (Cybulska and Vossen, LREC 2014) is CC BY 3.0 (LICENSEDATA.TXT); its README.txt says "The
textual news documents annotated in this corpus are not copyrighted. Only the annotated content
is subject to copyright." See benches/data/quotes/README.md.
"""
import html
import pathlib
import re
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from meantime_text import detok  # noqa: E402

TOKEN = re.compile(r'<token t_id="(\d+)" sentence="(\d+)" number="(\d+)">(.*?)</token>', re.S)
ROOT = "ECB+_LREC2014/ECB+/"


def read(snapshot, path):
    return subprocess.run(["git", "--git-dir", snapshot, "show", "HEAD:" + path], check=True,
                          capture_output=True).stdout.decode("utf-8")


def sentences(xml):
    """(address or None, the sentences as space-joined tokens)."""
    sents = {}
    for t_id, sent, _num, word in TOKEN.findall(xml):
        sents.setdefault(int(sent), []).append((int(t_id), html.unescape(word).strip()))
    lines = [" ".join(w for _, w in sorted(toks) if w) for _, toks in sorted(sents.items())]
    address = None
    if lines and lines[0].replace(" ", "").startswith("http"):
        address = lines[0].replace(" ", "")
        lines = lines[1:]
    return address, [line for line in lines if line]


def curly(lines):
    """Curly marks for straight ones. A mark glued to the start of a token opens, one glued to
    its end closes (ECB+'s own tokeniser leaves an opening mark on its word); a lone mark closes
    when a quotation is open and opens otherwise, over the whole document."""
    opened, out = False, []
    for line in lines:
        toks = line.split(" ")
        for i, w in enumerate(toks):
            if w == '"':
                toks[i] = "\u201d" if opened else "\u201c"
                opened = not opened
            elif len(w) > 1 and w.startswith('"'):
                toks[i] = "\u201c" + w[1:]
                opened = not w.endswith('"')
                if w.endswith('"'):
                    toks[i] = toks[i][:-1] + "\u201d"
            elif len(w) > 1 and w.endswith('"'):
                toks[i] = w[:-1] + "\u201d"
                opened = False
        out.append(" ".join(toks))
    return out


def tidy(s):
    """Undo ECB+'s splits inside words and numbers: "first - degree", "3: 47pm", "$10, 000",
    "a. m.", "U. S."."""
    s = re.sub(r"(?<=\w) - (?=\w)", "-", s)
    s = re.sub(r"(?<=\d): (?=\d\d)", ":", s)
    s = re.sub(r"(?<=\d), (?=\d{3}\b)", ",", s)
    s = re.sub(r"\b([A-Za-z])\. (?=[A-Za-z]\.)", r"\1.", s)
    return s


def marks(lines):
    """Double quotation marks: straight ones, alone or glued to a word, and `` and ''."""
    return sum(line.count('"') + line.count("``") + line.count("''") for line in lines)


def docs(snapshot, topic):
    names = subprocess.run(["git", "--git-dir", snapshot, "ls-tree", "--name-only", "HEAD",
                            ROOT + topic + "/"], check=True, capture_output=True,
                           text=True).stdout.split()
    found = [n.rsplit("/", 1)[1][:-4] for n in names if n.endswith(".xml")]

    def key(doc):
        m = re.match(r"(\d+)_(\d+)(ecb(?:plus)?)$", doc)
        return (m.group(3), int(m.group(2)))
    return sorted(found, key=key)


def main(argv):
    snapshot = argv[1]
    if argv[2] == "--marks":
        for doc in docs(snapshot, argv[3]):
            address, lines = sentences(read(snapshot, ROOT + argv[3] + "/" + doc + ".xml"))
            tokens = sum(len(line.split(" ")) for line in lines)
            print("%s\t%d\t%d\t%s" % (doc, marks(lines), tokens, address or "-"))
        return
    doc = argv[2]
    _, lines = sentences(read(snapshot, ROOT + doc.split("_")[0] + "/" + doc + ".xml"))
    out = [tidy(detok(line)) for line in curly(lines)]
    root = pathlib.Path(__file__).resolve().parent.parent
    (root / "benches/data/quotes" / (argv[3] + ".txt")).write_text("\n\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv)
