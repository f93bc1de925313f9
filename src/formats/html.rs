//! Saved web pages in: an HTML page (or an MHTML archive of one) becomes the article a reader sees,
//! as paragraphs, with what the page says about it (outlet, title, authors, date, language, URL).
//!
//! - Bytes are decoded by the charset the server sent, else the one the page declares in its first
//!   1024 bytes (`<meta charset>`, `<meta http-equiv=Content-Type>`), else UTF-8, else
//!   windows-1252 (what browsers assume of an undeclared page that is not UTF-8).
//! - The main text is found by `dom_smoothie` (Mozilla's Readability): navigation, share buttons,
//!   cookie banners, related-article lists and scripts are left out. Paragraphs, headings, block
//!   quotes and list items each become one paragraph of the document, separated by a blank line.
//! - The headline is the document's first paragraph, on its own, then the body.
//! - Dates are kept as RFC 3339 (`2023-05-02T15:21:00Z`, or `2015-05-18` when the page gives only a
//!   day); one that cannot be read is kept as the page gives it.

use crate::model::DocumentMeta;

/// The article of a saved page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebArticle {
    /// The headline (falls back to `<title>`).
    pub title: String,
    /// Paragraphs, one per block of the page, separated by a blank line (`\n\n`); no other newlines.
    pub paragraphs: Vec<String>,
    pub meta: DocumentMeta,
}

impl WebArticle {
    /// The document text: the headline, then the body, one paragraph per block.
    pub fn text(&self) -> String {
        let mut text = String::new();
        for paragraph in std::iter::once(&self.title).chain(&self.paragraphs) {
            if paragraph.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(paragraph);
        }
        text
    }
}

/// Pages whose text is larger than this are not searched for an article: a saved page of a news
/// site is well under 5 MB; larger ones are archives or data, and the parse would take long.
pub const MAX_PAGE_BYTES: usize = 32 * 1024 * 1024;

/// Fewer chars of body text than this is not an article (a 404 page, a list of links).
const MIN_ARTICLE_CHARS: usize = 100;

/// How deep elements may nest before a page is refused. Parsing HTML costs time in proportion to
/// the depth for every element (the parser's scope checks walk the open elements), so a page of
/// 100,000 nested `<div>`s took minutes. By [`nested_too_deep`]'s count the deepest of the 130
/// real pages of Mozilla Readability's tests (tests/data/web-real) nests 34 deep; browsers stop
/// nesting at 512.
pub const MAX_NESTING: usize = 1000;

/// Whether `name` is a saved web page by its extension (`.html`, `.htm`, `.xhtml`, `.mhtml`, `.mht`).
pub fn is_web_page(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    WEB_PAGE_EXTENSIONS
        .iter()
        .any(|ext| lower.ends_with(&format!(".{ext}")))
}

/// The extensions of saved web pages.
pub const WEB_PAGE_EXTENSIONS: [&str; 5] = ["html", "htm", "xhtml", "mhtml", "mht"];

/// The article in a saved page. `content_type` is the HTTP `Content-Type` when the page was fetched
/// (its charset wins); `url` is where it came from, when known (an absolute URL). The error says
/// what was expected ("no article found": a page of links, an error page).
pub fn article_from_page(
    bytes: &[u8],
    content_type: Option<&str>,
    url: Option<&str>,
) -> Result<WebArticle, String> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(format!(
            "the page is {} bytes, more than the {MAX_PAGE_BYTES} a saved news page is expected to hold",
            bytes.len()
        ));
    }
    let (html, mhtml_url) = if looks_like_mhtml(bytes) {
        let (html, location) = super::mhtml::html_part(bytes)?;
        (html, location)
    } else {
        (decode(bytes, content_type), None)
    };
    let url = url.map(str::to_owned).or(mhtml_url);
    if let Some(at) = nested_too_deep(&html, MAX_NESTING) {
        return Err(format!(
            "elements nested more than {MAX_NESTING} deep (near byte {at}): expected a web page, \
             which nests a few dozen deep"
        ));
    }
    article_from_html(&html, url.as_deref())
}

/// Where the page's elements first nest deeper than `limit`, by a quick scan of its tags (before
/// any parsing): a start tag opens an element and an end tag closes one, except void elements
/// (`<br>`, `<img>`…), self-closing tags and elements a page usually leaves open (`<p>`, `<li>`,
/// table cells…), so that sloppy markup does not count as depth. Comments, doctypes and the
/// contents of `<script>`, `<style>` and the like are skipped.
pub fn nested_too_deep(html: &str, limit: usize) -> Option<usize> {
    const NOT_COUNTED: [&str; 32] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option",
        "optgroup", "rb", "rt", "rp", "rtc", "thead", "tbody", "tfoot", "colgroup",
    ];
    const RAW_TEXT: [&str; 7] = [
        "script", "style", "textarea", "title", "xmp", "noembed", "noframes",
    ];
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let find = |from: usize, needle: &[u8]| {
        bytes
            .get(from..)
            .and_then(|rest| {
                rest.windows(needle.len())
                    .position(|w| w.eq_ignore_ascii_case(needle))
            })
            .map_or(bytes.len(), |at| from + at + needle.len())
    };
    while let Some(offset) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        let at = i + offset;
        let rest = &bytes[at + 1..];
        if rest.starts_with(b"!--") {
            i = find(at + 4, b"-->");
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            // `<!doctype>`, `<?xml>`, or a `<` in text.
            i = at + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        // The tag's end, past quoted attribute values.
        let mut end = name_start + name_len;
        let mut quote = None;
        while let Some(&b) = bytes.get(end) {
            match (quote, b) {
                (None, b'"' | b'\'') => quote = Some(b),
                (Some(q), _) if q == b => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            end += 1;
        }
        let self_closing = end > 0 && bytes.get(end - 1) == Some(&b'/');
        i = end + 1;
        if NOT_COUNTED.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing {
            depth += 1;
            if depth > limit {
                return Some(at);
            }
            if RAW_TEXT.contains(&name.as_str()) {
                i = find(i, format!("</{name}").as_bytes());
                depth -= 1;
            }
        }
    }
    None
}

fn article_from_html(html: &str, url: Option<&str>) -> Result<WebArticle, String> {
    let absolute = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut readability = dom_smoothie::Readability::new(html, absolute, Some(config))
        .or_else(|_| {
            dom_smoothie::Readability::new(
                html,
                None,
                Some(dom_smoothie::Config {
                    text_mode: dom_smoothie::TextMode::Formatted,
                    ..Default::default()
                }),
            )
        })
        .map_err(|err| format!("cannot read the page as HTML: {err}"))?;
    let article = readability
        .parse()
        .map_err(|_| "no article found in the page (expected a news article's text)".to_owned())?;
    let title = clean_line(&article.title);
    let mut paragraphs: Vec<String> = article
        .text_content
        .lines()
        .map(clean_line)
        .filter(|line| !line.is_empty())
        .collect();
    // Some pages repeat the headline as the body's first block.
    if paragraphs.first().is_some_and(|first| *first == title) {
        paragraphs.remove(0);
    }
    // Readability always finds some block; a page of links or an error page has no article.
    let body_chars: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
    if body_chars < MIN_ARTICLE_CHARS {
        return Err("no article found in the page (expected a news article's text)".to_owned());
    }
    let published = article
        .published_time
        .as_deref()
        .map(str::to_owned)
        .or_else(|| meta_published(html))
        .or_else(|| time_datetime(html))
        .map(|date| rfc3339(&date));
    let meta = DocumentMeta {
        outlet: nonempty(article.site_name.as_deref()),
        url: nonempty(article.url.as_deref())
            .or_else(|| canonical_url(html))
            .filter(|u| u.starts_with("http"))
            .or_else(|| url.map(str::to_owned)),
        published,
        author: nonempty(article.byline.as_deref()).map(without_by),
        language: nonempty(article.lang.as_deref()),
        retrieved: None,
        duplicate_of: None,
    };
    Ok(WebArticle {
        title,
        paragraphs,
        meta,
    })
}

/// A byline without its leading "By " (`By Erin Cunningham`: the Washington Post's pages).
fn without_by(byline: String) -> String {
    match byline.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") && byline.len() > 3 => byline[3..].to_owned(),
        _ => byline,
    }
}

fn nonempty(value: Option<&str>) -> Option<String> {
    value.map(clean_line).filter(|v| !v.is_empty())
}

/// A line with its runs of whitespace (tabs, no-break spaces from `&nbsp;`) made one space.
fn clean_line(line: &str) -> String {
    line.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `date` as RFC 3339: an instant in UTC (`2023-05-02T15:21:00Z`), a day (`2015-05-18`), or as
/// given when it is neither.
pub fn rfc3339(date: &str) -> String {
    let date = date.trim();
    if let Ok(instant) = date.parse::<jiff::Timestamp>() {
        return instant.to_string();
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(date) {
        return zoned.timestamp().to_string();
    }
    if let Ok(day) = date.parse::<jiff::civil::Date>() {
        return day.to_string();
    }
    // A local time without an offset names no instant: keep its day.
    if let Ok(local) = date.parse::<jiff::civil::DateTime>() {
        return local.date().to_string();
    }
    date.to_owned()
}

/// The page's own address: `<link rel="canonical">`, else `<meta property="og:url">`.
fn canonical_url(html: &str) -> Option<String> {
    let head = &html[..html.len().min(html.find("</head>").unwrap_or(html.len()))];
    let tags = |name: &str| -> Vec<&str> {
        head.match_indices(name)
            .filter_map(|(at, _)| head[at..].find('>').map(|end| &head[at..at + end]))
            .collect()
    };
    let href = tags("<link")
        .into_iter()
        .find(|tag| attribute(tag, "rel").is_some_and(|rel| rel.eq_ignore_ascii_case("canonical")))
        .and_then(|tag| attribute(tag, "href"));
    href.or_else(|| {
        tags("<meta")
            .into_iter()
            .find(|tag| attribute(tag, "property").is_some_and(|p| p == "og:url"))
            .and_then(|tag| attribute(tag, "content"))
    })
    .map(|u| u.replace("&amp;", "&"))
}

/// `<meta itemprop="datePublished">` or `<meta property="article:published">` (the New York
/// Times' pages), which Readability does not read; before any `<time>`, which may be the date the
/// article was changed.
fn meta_published(html: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = html[from..].find("<meta") {
        let start = from + at;
        let end = html[start..].find('>').map_or(html.len(), |e| start + e);
        let tag = &html[start..end];
        let published = attribute(tag, "itemprop").is_some_and(|p| p == "datePublished")
            || attribute(tag, "property").is_some_and(|p| p == "article:published");
        if published && let Some(content) = attribute(tag, "content") {
            return Some(content);
        }
        from = end;
    }
    None
}

/// The first `<time datetime="…">` of the page, for pages without metadata.
fn time_datetime(html: &str) -> Option<String> {
    let at = html.find("<time")?;
    let rest = &html[at..];
    let end = rest.find('>')?;
    attribute(&rest[..end], "datetime")
}

/// The value of `name="…"` (or `'…'`) in a tag's text.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = &tag[at..];
    let quote = rest.chars().next()?;
    if quote == '"' || quote == '\'' {
        let value = &rest[1..];
        Some(value[..value.find(quote)?].to_owned())
    } else {
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .unwrap_or(rest.len());
        Some(rest[..end].to_owned())
    }
}

/// The page's bytes as text, by the charset of `content_type`, else of the page's own declaration,
/// else UTF-8 when they are UTF-8, else windows-1252.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let declared = content_type
        .and_then(charset_in)
        .or_else(|| declared_charset(bytes))
        .and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()));
    match declared {
        Some(encoding) => encoding.decode_without_bom_handling(bytes).0.into_owned(),
        None => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        },
    }
}

/// `charset=…` in a Content-Type value or a `<meta>` tag.
fn charset_in(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    let rest = text[at..].trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == '"' || c == '\'' || c == ';' || c == '>' || c.is_whitespace())
        .unwrap_or(rest.len());
    Some(rest[..end].to_owned()).filter(|c| !c.is_empty())
}

/// The charset a page declares in its first 1024 bytes (where the HTML standard's prescan looks).
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("<meta") {
        let start = from + at;
        let end = lower[start..].find('>').map_or(lower.len(), |e| start + e);
        if let Some(charset) = charset_in(&head[start..end]) {
            return Some(charset);
        }
        from = end;
    }
    None
}

fn looks_like_mhtml(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    head.contains("mime-version:") && head.contains("multipart/related")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_published_meta_comes_before_a_time_of_change() {
        let page = r#"<html><head><meta property="article:published" itemprop="datePublished" content="2017-01-13T00:00:04-05:00" /></head>
            <body><time datetime="2017-01-13T03:38:38-05:00" itemprop="dateModified">JAN. 13</time></body></html>"#;
        assert_eq!(
            meta_published(page).map(|d| rfc3339(&d)).as_deref(),
            Some("2017-01-13T05:00:04Z")
        );
    }

    #[test]
    fn a_byline_loses_its_by() {
        assert_eq!(
            without_by("By Erin Cunningham".to_owned()),
            "Erin Cunningham"
        );
        assert_eq!(without_by("Byron Smith".to_owned()), "Byron Smith");
        assert_eq!(without_by("by ".to_owned()), "by ");
    }

    #[test]
    fn dates_become_rfc3339() {
        assert_eq!(rfc3339("2023-05-02T18:21:00+03:00"), "2023-05-02T15:21:00Z");
        assert_eq!(
            rfc3339("Tue, 02 May 2023 15:21:00 GMT"),
            "2023-05-02T15:21:00Z"
        );
        assert_eq!(rfc3339("2015-05-18"), "2015-05-18");
        assert_eq!(rfc3339("2015-05-18T09:00:00"), "2015-05-18");
        assert_eq!(rfc3339("last Tuesday"), "last Tuesday");
    }

    #[test]
    fn the_declared_charset_decodes_the_page() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>Pe\xf1a</body></html>";
        assert!(decode(page, None).contains("Peña"));
        let page = b"<html><body>Pe\xc3\xb1a</body></html>";
        assert!(decode(page, Some("text/html; charset=utf-8")).contains("Peña"));
        // Undeclared and not UTF-8: what browsers assume.
        assert!(decode(b"<p>Pe\xf1a</p>", None).contains("Peña"));
    }

    #[test]
    fn a_page_without_an_article_says_so() {
        let page = b"<html><head><title>404</title></head><body><nav><a href='/'>Home</a></nav></body></html>";
        let err = article_from_page(page, None, None).unwrap_err();
        assert!(err.contains("no article found"), "{err}");
    }
}
