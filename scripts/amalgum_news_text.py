#!/usr/bin/env python3
"""Plain text of AMALGUM's Wikinews documents, for the quote benchmark (benches/data/quotes/), in
the same form as scripts/wikinews_csv_text.py writes: the title, then one paragraph per paragraph
of the article, a blank line between.

Usage: scripts/amalgum_news_text.py AMALGUM_CHECKOUT OUT_DIR NAME=SHORT...   (SHORT like `abdelbaset`)
       scripts/amalgum_news_text.py AMALGUM_CHECKOUT --marks   (per document, in file-name order:
       dateCreated, double quotation marks, title)

Reads AMALGUM's `amalgum/news/xml/AMALGUM_news_SHORT.xml` (github.com/gucorpling/amalgum; one token
a line, `token<TAB>PTB tag<TAB>lemma`, inside GUM-style markup). The `<head>` (the title) and each
`<p>`, `<item>` and `<quote>` make a paragraph; figures, captions and sentences outside those
elements (AMALGUM repeats each caption after its figure) are dropped, as are the markup tags. The
tokens are joined by single spaces, then the spaces the tokenizer added are taken out again: none
after an opening quotation mark (PTB tag ``, or `“`) or an opening bracket or `$`, none before a
closing quotation mark (tag '', or `”`), a closing bracket, `, . ; ! ? %`, a colon, an ellipsis,
the possessive `'s`/`'` (tag POS), a lone `'` not tagged as an opening mark (`Jazzin' for`), a
clitic (`n't`, `'re`, `'ll`, `'ve`, `'m`, `'d`, with `'` or `’`) or a suffix split off a name (`-based`), or an `s` split from its apostrophe (`The Onion' s` in
the token file, `The Onion's`). Dashes
keep their spaces. AMALGUM's token files keep no record of the original spacing beyond this, so a
rare space may differ from the Wikinews page (the CoNLL-U files' `# text` lines hold it).

The texts are Wikinews articles, CC BY 2.5; AMALGUM's annotations are CC BY 4.0 (see
benches/data/quotes/README.md).
"""
import pathlib
import re
import sys

OPENERS = {"(", "[", "{", "$", "\u201c"}
CLOSERS = {")", "]", "}", ",", ".", ";", "!", "?", "%", ":", "...", "\u2026", "\u201d"}
CLITICS = {"n't", "'re", "'ll", "'ve", "'m", "'d", "'s", "'S", "N'T"}
PARAGRAPHS = ("head", "p", "item", "quote")
MARKS = re.compile("[\"\u201c\u201d]")


def detokenize(tokens: list[tuple[str, str]]) -> str:
    out = ""
    no_space_next = True
    previous = ""
    for word, tag in tokens:
        opening = tag == "``" or word in OPENERS
        closing = not opening and (
            tag == "''" or tag == "POS" or word in CLOSERS or word in CLITICS
            or word.replace("\u2019", "'") in CLITICS or word in ("'", "\u2019")
            or re.match(r"-[A-Za-z]", word) is not None
            or (word == "s" and previous in ("'", "\u2019"))
        )
        previous = word
        if out and not no_space_next and not closing:
            out += " "
        out += word
        no_space_next = opening
    return out


def read(path: pathlib.Path) -> tuple[dict[str, str], list[str], str]:
    """The header's attributes, the paragraphs, and every token of the file joined (for --marks)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = dict(re.findall(r'(\w+)="([^"]*)"', next(l for l in lines if l.startswith("<text "))))
    paragraphs: list[str] = []
    stack: list[str] = []
    current: list[tuple[str, str]] | None = None
    every: list[str] = []
    for line in lines:
        tag = re.match(r"<(/?)([a-zA-Z]+)[^>]*?(/?)>$", line)
        if tag:
            closing, name, empty = tag.groups()
            if empty:
                continue
            if not closing:
                stack.append(name)
                if name in PARAGRAPHS and not any(n in ("figure", "caption") for n in stack[:-1]):
                    if current:
                        paragraphs.append(detokenize(current))
                    current = []
            else:
                if name in stack:  # an unmatched closing tag is ignored
                    while stack.pop() != name:
                        pass
                if name in PARAGRAPHS and current is not None:
                    if current:
                        paragraphs.append(detokenize(current))
                    current = None
            continue
        if "\t" not in line:
            continue
        word, tag_ = line.split("\t")[:2]
        every.append(word)
        inside = [n for n in stack if n in PARAGRAPHS or n in ("figure", "caption")]
        if current is not None and inside and inside[-1] in PARAGRAPHS:
            current.append((word, tag_))
    return header, paragraphs, " ".join(every)


def main() -> None:
    checkout = pathlib.Path(sys.argv[1])
    folder = checkout / "amalgum" / "news" / "xml"
    if sys.argv[2] == "--marks":
        for path in sorted(folder.glob("AMALGUM_news_*.xml")):
            header, _, every = read(path)
            short = path.stem.removeprefix("AMALGUM_news_")
            print(f"{short}\t{header.get('dateCreated', '')}\t{len(MARKS.findall(every))}\t{header.get('title', '')}")
        return
    out = pathlib.Path(sys.argv[2])
    for arg in sys.argv[3:]:
        name, short = arg.split("=", 1)
        header, paragraphs, _ = read(folder / f"AMALGUM_news_{short}.xml")
        (out / f"{name}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        print(f"{name}\t{header.get('sourceURL', '')}")


if __name__ == "__main__":
    main()
