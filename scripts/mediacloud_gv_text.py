#!/usr/bin/env python3
"""Plain text of Global Voices posts saved as whole web pages by the Media Cloud project, for the
quote benchmark (benches/data/quotes/), in the same form as scripts/globalvoices_text.py writes:
the title, then one paragraph per paragraph of the post, a blank line between.

Usage: scripts/mediacloud_gv_text.py JSON_FILE OUT_FILE   (writes the post's text)
       scripts/mediacloud_gv_text.py --marks JSON_FILE...   (per file: publish date, the post's
       address, characters of text, double quotation marks in the text, title)

A JSON_FILE is one of `t/data/crawler_stories/gv/*.json` of https://github.com/mediacloud/backend:
a JSON object whose `title` is the post's title and whose `content` is the whole saved page of
globalvoicesonline.org (2009 theme). Only `title`, `publish_date` and `content` are read;
`extracted_text` (which runs paragraphs together) and the other fields are ignored. The post's
address is the permanent link of the page's `<h2 class="post-title">` (`rel="bookmark"`).

The post body is the page's `<div class="entry" id="single">` (it ends before the page's
`<div class="postfooter">` with the author, share buttons and comments); everything outside it
(navigation, sidebars, categories, comments, related posts, footer) is left out. Within it,
`<p>`, `<div>` (so also Global Voices' `<div class="translation">` and `<div class="arabic">`
beside a blockquote, which are part of the post), `<blockquote>`, `<li>`, headings and table rows
end a paragraph; `<br>` and newlines are spaces, as the page shows them. Images, embedded media
(`<object>`, `<embed>`, `<iframe>`), scripts and image captions (`<div class="wp-caption">`, the
page's form of the export's `[caption]` shortcode) are dropped, as are all remaining tags;
square brackets are the post's text and stay. Character entities are decoded once (by
html.parser). A blockquote's text is kept as its own paragraph without adding quotation marks, so
only the quotation marks the post itself prints count as quotes. Runs of whitespace become one
space.

The texts are Global Voices posts, CC BY 3.0 (see benches/data/quotes/README.md).
"""
import json
import re
import sys
from html.parser import HTMLParser

BLOCK = {
    "p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
    "table", "pre", "figure", "hr", "dl", "dt", "dd",
}
SKIP = {"script", "style", "object", "embed", "iframe", "video", "audio", "noscript"}
VOID = {"img", "br", "hr", "param", "input", "meta", "link", "area", "base", "col", "source"}


class PostBody(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_entry = False
        self.entry_divs = 0  # depth of <div> inside the entry div
        self.done = False
        self.skip_tag = None  # tag whose subtree is being dropped
        self.skip_depth = 0
        self.paras = []
        self.current = []
        self.permalink = None
        self.in_title = False

    def end_para(self):
        para = re.sub(r"\s+", " ", "".join(self.current).replace("\u00a0", " ")).strip()
        if para:
            self.paras.append(para)
        self.current = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "h2" and "post-title" in (attrs.get("class") or ""):
            self.in_title = True
        if self.in_title and tag == "a" and self.permalink is None:
            self.permalink = attrs.get("href")
        if self.done:
            return
        if not self.in_entry:
            if tag == "div" and attrs.get("class") == "entry" and attrs.get("id") == "single":
                self.in_entry = True
                self.entry_divs = 1
            return
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth += 1
            return
        if tag in VOID:
            if tag == "br":
                self.current.append(" ")
            elif tag == "hr":
                self.end_para()
            return
        if tag == "div":
            self.entry_divs += 1
            if "wp-caption" in (attrs.get("class") or "").split():
                self.entry_divs -= 1  # its end tag is consumed by the skip
                self.skip_tag, self.skip_depth = "div", 1
                return
        if tag in SKIP:
            self.skip_tag, self.skip_depth = tag, 1
            return
        if tag in BLOCK:
            self.end_para()

    def handle_startendtag(self, tag, attrs):
        # <img ... />, <br />, <embed ... />: never open a subtree.
        if self.in_entry and not self.done and not self.skip_tag:
            if tag == "br":
                self.current.append(" ")
            elif tag in BLOCK:
                self.end_para()

    def handle_endtag(self, tag):
        if tag == "h2":
            self.in_title = False
        if self.done or not self.in_entry:
            return
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag in BLOCK:
            self.end_para()
        if tag == "div":
            self.entry_divs -= 1
            if self.entry_divs == 0:
                self.done = True

    def handle_data(self, data):
        if self.in_entry and not self.done and not self.skip_tag:
            self.current.append(data)


def read(path):
    story = json.load(open(path, encoding="utf-8"))
    parser = PostBody()
    parser.feed(story["content"])
    parser.close()
    if not parser.in_entry:
        raise SystemExit("%s: no <div class=\"entry\" id=\"single\"> (not a post page?)" % path)
    if not parser.done:
        raise SystemExit("%s: the post body's <div> does not close" % path)
    title = re.sub(r"\s+", " ", story["title"]).strip()
    return story, parser.permalink, [title] + parser.paras


def marks(paths):
    for path in paths:
        story, permalink, paras = read(path)
        body = "\n\n".join(paras[1:])
        doubles = sum(body.count(c) for c in '"\u201c\u201d')
        print(
            "\t".join(
                [
                    path,
                    (story.get("publish_date") or "?")[:10],
                    permalink or "?",
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
        _, _, paras = read(argv[0])
        with open(argv[1], "w", encoding="utf-8") as out:
            out.write("\n\n".join(paras) + "\n")
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
