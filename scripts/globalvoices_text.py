#!/usr/bin/env python3
"""Plain text of Global Voices posts, for the quote benchmark (benches/data/quotes/), in the same
form as scripts/wikinews_csv_text.py writes: the title, then one paragraph per paragraph of the
post, a blank line between.

Usage: scripts/globalvoices_text.py ITEM_FILE OUT_FILE   (writes the post's text)
       scripts/globalvoices_text.py --marks ITEM_FILE...   (per file: status, post type, date,
       characters of text, double quotation marks in the text, title)

An ITEM_FILE holds one `<item>` of a WordPress export (WXR) of globalvoices.org, as in
https://github.com/OpenGenderTracking/globalvoices (`data/full/globalvoicesonline.wordpress.*.xml`),
copied from `<item>` to `</item>` or at least through `</content:encoded>`. Only the `<title>`,
`<wp:status>`, `<wp:post_type>`, `<wp:post_date>` and `<content:encoded>` elements are read;
comments and other metadata are ignored.

The post's HTML becomes paragraphs: `<p>`, `<div>`, `<blockquote>`, `<li>`, headings and table
rows end a paragraph, as does a blank line (WordPress turns blank lines into paragraphs); within a
paragraph a line break (`<br>` or a single newline) is a space. Images, embedded media, scripts,
`[caption]…[/caption]` (image captions), `[embed]…[/embed]` and media shortcodes (`[youtube …]`)
are dropped, as are all remaining tags; every other square bracket is the post's text and stays
(`[sic]`, `[the government]`, the language marks `[es]`, `[pdf]` after links). Entities are
decoded once. A blockquote's text is kept as its own paragraph without adding quotation marks, so
only the quotation marks the post itself prints count as quotes. Runs of spaces become one.

The texts are Global Voices posts, CC BY 3.0 (see benches/data/quotes/README.md).
"""
import html
import re
import sys


def element(item, name):
    match = re.search(r"<%s>(.*?)</%s>" % (re.escape(name), re.escape(name)), item, re.S)
    if not match:
        return None
    value = match.group(1)
    cdata = re.fullmatch(r"\s*<!\[CDATA\[(.*)\]\]>\s*", value, re.S)
    return cdata.group(1) if cdata else html.unescape(value)


BLOCK = re.compile(
    r"</?(p|div|blockquote|li|ul|ol|h[1-6]|tr|table|pre|figure|figcaption|hr)\b[^>]*>", re.I
)
DROP = re.compile(
    r"<(script|style|iframe|object|embed|video|audio|figcaption)\b.*?</\1\s*>", re.I | re.S
)


MEDIA_SHORTCODES = (
    "youtube", "vimeo", "gallery", "audio", "soundcloud", "googlemaps", "dailymotion", "scribd",
    "slideshare", "flickr", "kml_flashembed",
)


def paragraphs(content):
    text = re.sub(r"\[(caption|embed)\b[^\]]*\].*?\[/\1\]", "", content, flags=re.S)
    # Media shortcodes, which the page shows as players. Every other bracket is the post's own
    # text and stays: editorial insertions in quotations ("[the government]", "[sic]") and
    # Global Voices' marks of a link's language ("[es]", "[pdf]").
    text = re.sub(r"\[/?(%s)\b[^\]]*\]" % "|".join(MEDIA_SHORTCODES), "", text)
    text = DROP.sub("", text)
    text = re.sub(r"<img\b[^>]*>", "", text, flags=re.I)
    text = text.replace("\r\n", "\n")
    text = BLOCK.sub("\n\n", text)
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text)
    out = []
    for block in re.split(r"\n\s*\n", text):
        para = re.sub(r"\s+", " ", block.replace("\u00a0", " ")).strip()
        if para:
            out.append(para)
    return out


def post_text(item):
    title = re.sub(r"\s+", " ", element(item, "title") or "").strip()
    content = element(item, "content:encoded")
    if content is None:
        raise SystemExit("no <content:encoded> element: copy the item through </content:encoded>")
    return [title] + paragraphs(content)


def marks(paths):
    for path in paths:
        item = open(path, encoding="utf-8").read()
        paras = post_text(item)
        body = "\n\n".join(paras[1:])
        doubles = sum(body.count(c) for c in '"\u201c\u201d')
        print(
            "\t".join(
                [
                    path,
                    element(item, "wp:status") or "?",
                    element(item, "wp:post_type") or "?",
                    (element(item, "wp:post_date") or "?")[:10],
                    str(len(body)),
                    str(doubles),
                    paras[0],
                ]
            )
        )


def main(argv):
    if len(argv) >= 2 and argv[0] == "--marks":
        marks(argv[1:])
    elif len(argv) == 2:
        item = open(argv[0], encoding="utf-8").read()
        with open(argv[1], "w", encoding="utf-8") as out:
            out.write("\n\n".join(post_text(item)) + "\n")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
