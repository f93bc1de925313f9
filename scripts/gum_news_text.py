#!/usr/bin/env python3
"""Plain text of GUM's Wikinews documents, for the quote benchmark (benches/data/quotes/).

Usage: scripts/gum_news_text.py GUM_CHECKOUT OUT_DIR NAME...   (NAME like `asylum`)

Reads GUM's dep/GUM_news_NAME.conllu: each sentence's `# text =` line keeps the original spacing;
`# newpar` starts a paragraph. Paragraphs are separated by a blank line, as a pasted article is.
The texts are Wikinews articles, CC BY 2.5 (see benches/data/quotes/README.md).
"""
import pathlib
import sys


def text_of(conllu: str) -> tuple[str, str]:
    paragraphs: list[list[str]] = []
    url = ""
    for line in conllu.splitlines():
        if line.startswith("# meta::sourceURL = "):
            url = line.split("= ", 1)[1]
        elif line.startswith("# newpar") and not line.startswith("# newpar_block"):
            paragraphs.append([])
        elif line.startswith("# text = "):
            if not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append(line.split("= ", 1)[1])
    return "\n\n".join(" ".join(p) for p in paragraphs if p) + "\n", url


def main() -> None:
    checkout, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    for name in sys.argv[3:]:
        conllu = (checkout / "dep" / f"GUM_news_{name}.conllu").read_text(encoding="utf-8")
        text, url = text_of(conllu)
        (out / f"{name}.txt").write_text(text, encoding="utf-8")
        print(f"{name}\t{url}")


if __name__ == "__main__":
    main()
