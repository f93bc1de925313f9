#!/usr/bin/env python3
"""Builds the saved-web-page fixtures of tests/data/web from the sample project's real article texts.

The article text is real (projects/kosovo-talks/documents; Wikinews, CC BY 2.5, and TRT World's seed
article); the page around it (navigation, cookie banner, share buttons, related links, scripts,
JSON-LD, Open Graph) is written here after the shapes of real news sites, since the pages cannot be
downloaded where Gloss is built. Each page gets `<name>.expected.txt`: the article body as a reader
sees it, the reference for scoring main-text extraction (in tests/data/web-expected).

    python3 scripts/make_web_pages.py
"""
import html
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
DOCS = ROOT / "projects" / "kosovo-talks" / "documents"
OUT = ROOT / "tests" / "data" / "web"
# Beside, not inside: a folder import of tests/data/web would take them for articles.
EXPECTED = ROOT / "tests" / "data" / "web-expected"

META = {
    "north-korea-quasi-state-of-war": ("2015-08-21", "https://en.wikinews.org/wiki/North_Korea_puts_military_in_%27quasi-state_of_war%27"),
    "asylum-seekers-rescued-off-indonesia": ("2015-05-18", "https://en.wikinews.org/wiki/Over_900_asylum_seekers_rescued_off_Indonesian_coast"),
    "greek-court-ancient-deities": ("2006-03-27", "https://en.wikinews.org/wiki/Greek_court_rules_worship_of_ancient_Greek_deities_is_legal"),
    "uk-asylum-questionnaire": ("2023-02-23", "https://en.wikinews.org/wiki/Reports:_%27streamlined%27_UK_asylum_process_to_replace_interview_with_questionnaire_for_five_nationalities"),
    "new-zealand-flag-process": ("2015-05-07", "https://en.wikinews.org/wiki/New_Zealand_begins_process_to_consider_changing_national_flag_design"),
}

KOSOVO_NOISE = re.compile(r"^(Read More|A Kosovo special police officer stands.*|Standoff in northern Kosovo ends.*|Kosovo PM Kurti blames EU envoy.*|Route 6.*)$")


def article(name):
    text = (DOCS / f"{name}.txt").read_text(encoding="utf-8")
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    title = paras[0]
    body = paras[1:]
    if name == "kosovo-serbia-brussels-talks":
        body = [p for p in body if not KOSOVO_NOISE.match(p)]
    else:
        # Wikinews texts open with their dateline ("Monday, May 18, 2015"): a page shows it as a date.
        if re.match(r"^\w+day, \w+ \d+, \d{4}$", body[0]):
            body = body[1:]
    return title, body


def paras_html(body):
    out = []
    for p in body:
        if len(p) < 40 and not p.endswith("."):
            out.append(f"<h2>{html.escape(p)}</h2>")
        else:
            out.append(f"<p>{html.escape(p)}</p>")
    return "\n".join(out)


def json_ld(title, url, published, authors, outlet):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": published,
        "author": [{"@type": "Person", "name": a} for a in authors],
        "publisher": {"@type": "Organization", "name": outlet},
        "mainEntityOfPage": url,
    }
    return json.dumps(data, ensure_ascii=False)


COOKIE = """<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your experience on our site and to show you relevant advertising. By continuing to browse you agree to our use of cookies.</p><button>Accept all</button><button>Manage preferences</button></div>"""
SHARE = """<div class="share"><span>Share</span><a href="https://twitter.com/intent/tweet">Twitter</a><a href="https://www.facebook.com/sharer">Facebook</a><a href="mailto:?subject=">Email</a><a href="#">Copy link</a></div>"""
SCRIPT = """<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-XXXX');var adSlots=["top","mid","bottom"];for(var i=0;i<adSlots.length;i++){console.log("Loading advertisement slot "+adSlots[i]);}</script>"""
NEWSLETTER = """<section class="newsletter"><h3>Sign up for our newsletter</h3><p>Get the day's top stories delivered to your inbox every morning. You can unsubscribe at any time.</p><form><input type="email" placeholder="Your email"><button>Subscribe</button></form></section>"""


def related(items):
    lis = "".join(f'<li><a href="/news/{i}">{html.escape(t)}</a></li>' for i, t in enumerate(items))
    return f'<aside class="related"><h3>Related</h3><ul>{lis}</ul></aside>'


def trt(name, title, body, url, published, authors, lang="en"):
    """A TRT World-like page: standfirst, photo with caption and credit, 'Read More' boxes mid-article."""
    standfirst, rest = body[0], body[1:]
    mid = len(rest) // 2
    readmore = '<div class="readmore"><span>Read More</span><a href="/news/standoff">Standoff in northern Kosovo ends after day of deadly clashes</a></div>'
    parts = paras_html(rest[:mid]) + "\n" + readmore + "\n" + paras_html(rest[mid:])
    by = ", ".join(authors)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<title>{html.escape(title)} - TRT World</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="TRT World">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{published}">
<meta name="author" content="{html.escape(by)}">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{json_ld(title, url, published, authors, "TRT World")}</script>
{SCRIPT}
</head><body>
{COOKIE}
<header class="site-header"><a class="logo" href="/">TRT World</a><nav><ul><li><a href="/africa">Africa</a></li><li><a href="/americas">Americas</a></li><li><a href="/asia">Asia</a></li><li><a href="/europe">Europe</a></li><li><a href="/mea">Middle East</a></li><li><a href="/opinion">Opinion</a></li><li><a href="/video">Video</a></li></ul></nav></header>
<main><article class="news-article">
<h1 class="headline">{html.escape(title)}</h1>
<h2 class="standfirst">{html.escape(standfirst)}</h2>
<div class="meta"><span class="byline">{html.escape(by)}</span> <time datetime="{published}">{published[:10]}</time></div>
{SHARE}
<figure><img src="/images/photo.jpg" alt="photo"><figcaption>A Kosovo special police officer stands on the road near the northern Kosovo border crossing of Jarinje, Monday, Sept. 20, 2021. / Photo: AP</figcaption></figure>
<div class="article-body">
{parts}
</div>
{SHARE}
</article>
{related(["Kosovo PM Kurti blames EU envoy for failure of recent talks with Serbia", "Route 6: the road that divides", "EU warns Belgrade and Pristina over escalation"])}
</main>
{NEWSLETTER}
<footer><p>&copy; TRT World 2023. All rights reserved.</p><ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>
</body></html>
"""


def wikinews(name, title, body, url, published, authors, lang="en"):
    """A MediaWiki (Wikinews) page: sidebar, date line, sources list, categories, licence footer."""
    sources = "".join(f'<li><span class="citation">"{html.escape(title[:40])}" &mdash; <i>Agency {i}</i>, {published}</span></li>' for i in range(1, 4))
    return f"""<!DOCTYPE html>
<html class="client-nojs" lang="{lang}" dir="ltr"><head>
<meta charset="UTF-8">
<title>{html.escape(title)} - Wikinews, the free news source</title>
<script>document.documentElement.className="client-js";RLCONF={{"wgPageName":"{name}","wgNamespaceNumber":0}};RLSTATE={{"site.styles":"ready"}};</script>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="Wikinews">
<meta property="og:type" content="article">
<link rel="canonical" href="{url}">
</head><body class="mediawiki ltr skin-vector">
<div id="mw-page-base"></div>
<div id="content" class="mw-body" role="main">
<h1 id="firstHeading" class="firstHeading">{html.escape(title)}</h1>
<div id="bodyContent" class="vector-body">
<div id="siteSub">From Wikinews, the free news source you can write!</div>
<div id="mw-content-text" class="mw-body-content"><div class="mw-parser-output">
<div class="noprint" style="float:right"><table class="infobox"><tr><td>Related news</td></tr><tr><td><ul><li><a href="/wiki/a">Earlier coverage of this story</a></li><li><a href="/wiki/b">Another related article</a></li></ul></td></tr></table></div>
<p><strong class="published"><span id="publishDate" class="published" title="{published}">{published}</span></strong></p>
{paras_html(body)}
<h2><span class="mw-headline" id="Sources">Sources</span></h2>
<ul>{sources}</ul>
<div class="licence"><p>This text is licensed under the Creative Commons Attribution 2.5 License.</p></div>
</div></div>
<div id="catlinks" class="catlinks"><div id="mw-normal-catlinks"><a href="/wiki/Special:Categories">Categories</a>: <ul><li><a href="/wiki/Category:Published">Published</a></li><li><a href="/wiki/Category:Archived">Archived</a></li><li><a href="/wiki/Category:World">World</a></li></ul></div></div>
</div></div>
<div id="mw-navigation"><h2>Navigation menu</h2><div id="mw-head"><ul><li><a href="/wiki/Special:UserLogin">Log in</a></li><li><a href="/wiki/Talk">Discussion</a></li><li><a href="/w/index.php?action=history">View history</a></li></ul></div>
<div id="mw-panel"><ul><li><a href="/wiki/Main_Page">Main page</a></li><li><a href="/wiki/Wikinews:Write_an_article">Write an article</a></li><li><a href="/wiki/Special:Random">Random article</a></li><li><a href="/wiki/Wikinews:Water_cooler">Water cooler</a></li><li><a href="/wiki/Help:Contents">Help</a></li><li><a href="/wiki/Wikinews:Donate">Donate</a></li></ul></div></div>
<div id="footer" role="contentinfo"><ul id="footer-info"><li id="footer-info-lastmod">This page was last edited on 1 January 2024, at 00:00.</li><li id="footer-info-copyright">All text created after September 25, 2005 available under the terms of the Creative Commons Attribution 2.5 License, unless otherwise noted.</li></ul><ul id="footer-places"><li><a href="/wiki/Privacy">Privacy policy</a></li><li><a href="/wiki/About">About Wikinews</a></li><li><a href="/wiki/Disclaimers">Disclaimers</a></li></ul></div>
<script>(RLQ=window.RLQ||[]).push(function(){{mw.config.set({{"wgBackendResponseTime":123}});}});</script>
</body></html>
"""


def blog(name, title, body, url, published, authors, lang="en", charset="utf-8"):
    """A WordPress-like regional outlet: byline glued above the body, lists, a block quote, comments."""
    by = " and ".join(authors)
    # One paragraph with a quotation becomes a block quote, as such sites style it.
    quote_at = next((i for i, p in enumerate(body) if p.startswith('"') or p.startswith("“")), None)
    parts = []
    for i, p in enumerate(body):
        if i == quote_at:
            parts.append(f"<blockquote><p>{html.escape(p)}</p></blockquote>")
        else:
            parts.append(paras_html([p]))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{html.escape(title)} | The Balkan Ledger</title>
<meta name="description" content="{html.escape(body[0][:150])}">
<meta property="og:site_name" content="The Balkan Ledger">
<link rel="canonical" href="{html.escape(url)}">
<meta property="og:title" content="{html.escape(title)}">
<meta property="article:published_time" content="{published}">
<meta name="author" content="{html.escape(by)}">
<style>.entry-content p{{margin:0 0 1em}} .sidebar{{float:right}}</style>
{SCRIPT}
</head><body class="post-template-default single single-post">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead"><div class="site-branding"><p class="site-title"><a href="/">The Balkan Ledger</a></p><p class="site-description">Independent news from the region</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu"><li><a href="/politics">Politics</a></li><li><a href="/economy">Economy</a></li><li><a href="/society">Society</a></li><li><a href="/culture">Culture</a></li><li><a href="/contact">Contact</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-1234" class="post-1234 post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{html.escape(title)}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="{published}">{published[:10]}</time></span> <span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/x">{html.escape(by)}</a></span></span></div></header>
<div class="entry-content">
{chr(10).join(parts)}
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/politics">Politics</a></span><span class="tags-links">Tagged <a href="/tag/eu">EU</a>, <a href="/tag/diplomacy">diplomacy</a></span></footer>
</article>
<nav class="navigation post-navigation"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links"><div class="nav-previous"><a href="/prev">Previous post: Parliament passes budget after marathon session</a></div><div class="nav-next"><a href="/next">Next post: Farmers protest rising fuel prices</a></div></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">2 thoughts on this article</h2><ol class="comment-list"><li class="comment"><p>Great reporting, thank you.</p></li><li class="comment"><p>I disagree with the framing of this piece.</p></li></ol></div>
</main></div>
<aside id="secondary" class="widget-area sidebar">{related(["Parliament passes budget after marathon session", "Farmers protest rising fuel prices", "Interview: the mayor on the new bridge"])}{NEWSLETTER}</aside>
</div>
<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by WordPress | Theme: Newsup</div></footer>
</div></body></html>
"""


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    names = ["kosovo-serbia-brussels-talks"] + list(META)
    pages = []
    for name in names:
        title, body = article(name)
        if name == "kosovo-serbia-brussels-talks":
            published, url = "2023-05-02T18:21:00+03:00", "https://www.trtworld.com/europe/stalemate-persists-kosovo-and-serbia-s-talks-in-brussels-bore-no-fruit-12345"
            authors = ["TRT World", "Agencies"]
        else:
            published, url = META[name]
            authors = ["Wikinews contributors"]
        for site, make in (("trt", trt), ("wikinews", wikinews), ("ledger", blog)):
            pub = published if "T" in published else published + "T09:00:00Z"
            # Each site publishes the story at its own address.
            site_url = {
                "trt": url if "trtworld" in url else f"https://www.trtworld.com/news/{name}",
                "wikinews": url,
                "ledger": f"https://balkanledger.example/news/{name}",
            }[site]
            page = make(name, title, body, site_url, pub, authors)
            pages.append((f"{site}-{name}", page, title, body, "utf-8"))
    # A page saved in a legacy charset, declared in its <meta>.
    title, body = article("greek-court-ancient-deities")
    page = blog("greek-court-ancient-deities", title, body, "https://balkanledger.example/news/greek-court-ancient-deities?charset=latin", "2006-03-27T09:00:00Z", ["Wikinews contributors"], charset="windows-1252")
    pages.append(("ledger-cp1252-greek-court", page, title, body, "windows-1252"))
    for stem, page, title, body, charset in pages:
        (OUT / f"{stem}.html").write_bytes(page.encode(charset, errors="xmlcharrefreplace"))
        EXPECTED.mkdir(parents=True, exist_ok=True)
        (EXPECTED / f"{stem}.expected.txt").write_text(title + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    (OUT / "no-article.html").write_text(
        "<!DOCTYPE html><html><head><title>Page not found</title></head><body><nav><a href='/'>Home</a></nav><h1>404</h1><p>Sorry.</p></body></html>\n",
        encoding="utf-8",
    )
    (OUT / "broken-markup.html").write_text(
        "<html><head><title>Broken</title><body><div><p>Serbia and Kosovo failed to make progress on normalising relations in talks Thursday in Brussels.<p>Serbian President Aleksandar Vucic and Kosovo’s Prime Minister Albin Kurti met separately with European leaders in the Belgian capital.</div></span><p>Vucic told reporters after his meeting that Serbia wants all agreements with Kosovo to be implemented\n",
        encoding="utf-8",
    )
    print(f"{len(pages)} pages in {OUT}")


if __name__ == "__main__":
    main()
