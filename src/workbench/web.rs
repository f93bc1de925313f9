//! Documents in: plain-text files, saved web pages (`.html`, `.htm`, `.mhtml`), web pages fetched by
//! URL and the articles of news feeds, with what is known of each (outlet, URL, title, authors,
//! published, language, retrieved), cleaned of scraped noise ([`formats::noise`]) unless the
//! analyst keeps it, and checked against the project for duplicates (the same URL, the same text).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::formats::{self, html::WebArticle};
use crate::model::near_duplicate::{NEAR_DUPLICATE_JACCARD, NearDuplicateIndex};
use crate::model::{DocId, Document, DocumentMeta, Project, Timestamp};

use super::fetch::{self, FetchLimits};
use super::files;
use super::import::{Contents, Duplicates, ImportRequest, ImportSummary, ReadImport, plural};
use super::jobs::JobContext;

/// A document found, before cleaning.
struct Found {
    /// The file or URL it came from, as messages name it.
    origin: String,
    document: Document,
    /// A saved or fetched web page: checked for duplicates. Plain-text files are not, since
    /// importing the same text twice on purpose has always made a second document.
    web: bool,
}

pub(super) fn read_texts(
    project: &Project,
    request: &ImportRequest,
    read: Vec<(String, Vec<u8>)>,
    split_lines: bool,
    now: Timestamp,
    job: Option<&JobContext>,
) -> Result<ReadImport, String> {
    let mut sources = read.len();
    let mut found: Vec<Found> = Vec::new();
    let mut warnings = Vec::new();
    for (path, bytes) in read {
        let file_name = Path::new(&path)
            .file_name()
            .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
        if formats::html::is_web_page(&file_name) {
            match formats::html::article_from_page(&bytes, None, None) {
                Ok(article) => {
                    let stem = Path::new(&file_name)
                        .file_stem()
                        .map_or_else(|| file_name.clone(), |s| s.to_string_lossy().into_owned());
                    found.push(Found {
                        document: web_document(&stem, article, None),
                        origin: path,
                        web: true,
                    });
                }
                Err(message) => warnings.push(format!("{path}: {message}, skipped")),
            }
            continue;
        }
        let text = String::from_utf8(bytes).map_err(|err| {
            format!(
                "{path}: not valid UTF-8 at byte {}: expected UTF-8 text (convert it first, e.g. \
                 with `iconv -f WINDOWS-1252 -t UTF-8`); nothing was imported",
                err.utf8_error().valid_up_to()
            )
        })?;
        let documents = formats::txt::documents_from_text(&file_name, &text, split_lines);
        if documents.is_empty() {
            warnings.push(format!("{path}: no text, skipped"));
        }
        found.extend(documents.into_iter().map(|document| Found {
            origin: path.clone(),
            document,
            web: false,
        }));
    }
    if !request.urls.is_empty() || !request.feeds.is_empty() {
        sources += request.urls.len() + request.feeds.len();
        found.extend(fetch_documents(request, now, job, &mut warnings)?);
    }

    let mut removed_noise = Vec::new();
    if !request.keep_noise && !split_lines {
        // An outlet's boilerplate is what its distinct articles share: a page that repeats another
        // (the same page saved twice, a story republished) would make its whole text look like
        // boilerplate, so each repeat is left out of the count.
        let repeats = repeats_before_cleaning(project, &found);
        let shared = Boilerplate::new(
            project,
            found
                .iter()
                .zip(&repeats)
                .filter(|(_, repeat)| !**repeat)
                .map(|(f, _)| &f.document),
        );
        for f in &mut found {
            let outlet = f.document.meta.outlet.clone();
            let lookup = |paragraph: &str| shared.others(outlet.as_deref(), paragraph);
            let (text, removals) = formats::noise::clean(f.document.text.as_str(), 1, &lookup);
            if removals.is_empty() {
                continue;
            }
            for removal in &removals {
                removed_noise.push(format!(
                    "{}:{}: \"{}\": {}",
                    f.origin, removal.line, removal.text, removal.why
                ));
            }
            let crlf = f.document.crlf_normalized;
            let title = std::mem::take(&mut f.document.title);
            let meta = std::mem::take(&mut f.document.meta);
            // The report above and the record the document keeps come from the same removals.
            f.document = Document {
                meta,
                crlf_normalized: crlf,
                removed: removals
                    .iter()
                    .map(formats::noise::Removal::record)
                    .collect(),
                ..Document::from_raw(f.document.id.clone(), title, &text)
            };
        }
    }

    let documents = without_duplicates(project, found, request.duplicates, &mut warnings);
    let noun = if request.urls.is_empty() && request.feeds.is_empty() {
        "file"
    } else {
        "source"
    };
    files::check_document_sizes(&documents)?;
    if documents.is_empty() {
        return Err(match warnings.first() {
            Some(first) => format!(
                "nothing to import: the {sources} {noun}{} given hold no new text ({} warning{}, \
                 the first: {first})",
                plural(sources),
                warnings.len(),
                plural(warnings.len())
            ),
            None => format!(
                "nothing to import: the {sources} file{} given hold no text",
                plural(sources)
            ),
        });
    }
    let summary = ImportSummary {
        what: format!(
            "{} document{} from {sources} {noun}{}",
            documents.len(),
            plural(documents.len()),
            plural(sources)
        ),
        schema_additions: Vec::new(),
        warnings,
        removed_noise,
    };
    Ok(ReadImport {
        format: request.format,
        files: sources,
        annotator: request.annotator.clone(),
        contents: Contents::Texts(documents),
        summary,
    })
}

/// The document of a web article: its text the headline then the body, its id the slug of `name`.
fn web_document(name: &str, article: WebArticle, retrieved: Option<Timestamp>) -> Document {
    let text = article.text();
    let mut meta = article.meta.clone();
    meta.retrieved = retrieved.map(|t| t.to_string());
    if meta.outlet.is_none() {
        meta.outlet = meta.url.as_deref().map(outlet_from_url);
    }
    Document {
        meta,
        ..Document::from_raw(DocId::slug(name), article.title, &text)
    }
}

/// `www.trtworld.com` for `https://www.trtworld.com/europe/…`: the outlet when a page names none.
fn outlet_from_url(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#', ':'])
        .next()
        .unwrap_or(rest)
        .to_owned()
}

/// Fetches the request's feeds, then their articles and the request's URLs. A feed or page that
/// fails is a warning; the others are still read.
fn fetch_documents(
    request: &ImportRequest,
    now: Timestamp,
    job: Option<&JobContext>,
    warnings: &mut Vec<String>,
) -> Result<Vec<Found>, String> {
    let limits = FetchLimits {
        pause: request.pause,
        ..FetchLimits::default()
    };
    let clock = fetch::SystemClock::default();
    let politeness = fetch::Politeness::new(limits.pause, &clock);
    let mut urls: Vec<String> = request.urls.clone();
    // What a feed says of an article, for pages that do not say it themselves.
    let mut from_feed: HashMap<String, fetch::FeedItem> = HashMap::new();
    for (feed, result) in request.feeds.iter().zip(fetch::fetch_all_politely(
        &request.feeds,
        &limits,
        &politeness,
        job,
    )) {
        match result.and_then(|page| fetch::feed_items(feed, &page.body)) {
            Ok((_, items)) if items.is_empty() => {
                warnings.push(format!("{feed}: the feed links to no articles"));
            }
            Ok((_, items)) => {
                for item in items {
                    if !urls.contains(&item.link) {
                        urls.push(item.link.clone());
                    }
                    from_feed.insert(item.link.clone(), item);
                }
            }
            Err(message) => warnings.push(message),
        }
    }
    if let Some(job) = job
        && job.cancelled()
    {
        return Err("import cancelled; nothing was imported".to_owned());
    }
    let mut found = Vec::new();
    for (url, result) in
        urls.iter()
            .zip(fetch::fetch_all_politely(&urls, &limits, &politeness, job))
    {
        let page = match result {
            Ok(page) => page,
            Err(message) => {
                warnings.push(message);
                continue;
            }
        };
        match formats::html::article_from_page(
            &page.body,
            page.content_type.as_deref(),
            Some(&page.final_url),
        ) {
            Ok(mut article) => {
                if let Some(item) = from_feed.get(url) {
                    fill_from_feed(&mut article.meta, item);
                }
                let name = if article.title.is_empty() {
                    url.rsplit('/')
                        .find(|s| !s.is_empty())
                        .unwrap_or(url)
                        .to_owned()
                } else {
                    article.title.clone()
                };
                found.push(Found {
                    document: web_document(&name, article, Some(now)),
                    origin: url.clone(),
                    web: true,
                });
            }
            Err(message) => warnings.push(format!("{url}: {message}, skipped")),
        }
    }
    if let Some(job) = job
        && job.cancelled()
    {
        return Err("import cancelled; nothing was imported".to_owned());
    }
    Ok(found)
}

fn fill_from_feed(meta: &mut DocumentMeta, item: &fetch::FeedItem) {
    if meta.published.is_none() {
        meta.published = item.published.clone();
    }
    if meta.author.is_none() {
        meta.author = item.author.clone();
    }
}

/// Paragraphs and the documents of each outlet they appear in: an outlet's boilerplate is what
/// many of its articles share.
struct Boilerplate {
    /// (outlet, paragraph) → documents holding it.
    counts: HashMap<(String, String), usize>,
}

impl Boilerplate {
    fn new<'a>(project: &'a Project, new: impl Iterator<Item = &'a Document>) -> Self {
        let mut counts: HashMap<(String, String), usize> = HashMap::new();
        let originals = project
            .documents()
            .iter()
            .filter(|d| d.meta.duplicate_of.is_none());
        for document in originals.chain(new) {
            let Some(outlet) = &document.meta.outlet else {
                continue;
            };
            let paragraphs: HashSet<&str> = document
                .text
                .as_str()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            for paragraph in paragraphs {
                *counts
                    .entry((outlet.clone(), paragraph.to_owned()))
                    .or_default() += 1;
            }
        }
        Self { counts }
    }

    /// In how many other documents of `outlet` the paragraph appears.
    fn others(&self, outlet: Option<&str>, paragraph: &str) -> Option<(usize, String)> {
        let outlet = outlet?;
        let n = self
            .counts
            .get(&(outlet.to_owned(), paragraph.to_owned()))?;
        Some((n.saturating_sub(1), outlet.to_owned()))
    }
}

/// The documents of the import, with what `policy` does to each web page that repeats a document
/// already in the project or earlier in the import: the same URL, the same text, or a
/// near-duplicate (the same story republished: shingle Jaccard at or above
/// [`NEAR_DUPLICATE_JACCARD`]). Each repeat is a warning naming the document it repeats and, for a
/// near-duplicate, how alike they are.
fn without_duplicates(
    project: &Project,
    found: Vec<Found>,
    policy: Duplicates,
    warnings: &mut Vec<String>,
) -> Vec<Document> {
    let mut urls: HashMap<String, DocId> = HashMap::new();
    let mut texts: HashMap<String, DocId> = HashMap::new();
    let mut near = NearDuplicateIndex::new(NEAR_DUPLICATE_JACCARD);
    let any_web = found.iter().any(|f| f.web);
    for document in project.documents() {
        if let Some(url) = &document.meta.url {
            urls.insert(url.clone(), document.id.clone());
        }
        texts.insert(document.text.as_str().to_owned(), document.id.clone());
        // Shingling the project costs time: only when a web page is imported.
        if any_web {
            near.insert(document.id.clone(), document.text.as_str());
        }
    }
    // Ids made unique here, as the project would make them, so that a `duplicate_of` names the
    // id the document it repeats will have.
    let mut taken: HashSet<DocId> = project.documents().iter().map(|d| d.id.clone()).collect();
    let mut documents = Vec::new();
    for mut f in found {
        f.document.id = unique_id(&f.document.id, &mut taken);
        if !f.web {
            documents.push(f.document);
            continue;
        }
        let exact = f
            .document
            .meta
            .url
            .as_ref()
            .and_then(|url| {
                urls.get(url)
                    .map(|id| (id.clone(), "the same URL as".to_owned()))
            })
            .or_else(|| {
                texts
                    .get(f.document.text.as_str())
                    .map(|id| (id.clone(), "the same text as".to_owned()))
            });
        let repeats = exact.or_else(|| {
            near.most_similar(f.document.text.as_str()).map(|n| {
                (
                    n.of,
                    format!(
                        "a near-duplicate (word 5-gram Jaccard {:.2}) of",
                        n.similarity
                    ),
                )
            })
        });
        if let Some((id, what)) = &repeats {
            let done = match policy {
                Duplicates::Skip => "skipped as a duplicate (--duplicates link or keep imports it)",
                Duplicates::Link => "imported as a duplicate linked to it",
                Duplicates::Keep => "imported anyway (--duplicates keep)",
            };
            warnings.push(format!("{}: {what} document {id}, {done}", f.origin));
            match policy {
                Duplicates::Skip => continue,
                Duplicates::Link => f.document.meta.duplicate_of = Some(id.clone()),
                Duplicates::Keep => {}
            }
        }
        if let Some(url) = &f.document.meta.url {
            urls.entry(url.clone())
                .or_insert_with(|| f.document.id.clone());
        }
        texts
            .entry(f.document.text.as_str().to_owned())
            .or_insert_with(|| f.document.id.clone());
        near.insert(f.document.id.clone(), f.document.text.as_str());
        documents.push(f.document);
    }
    documents
}

/// For each document found, whether its text (before cleaning) repeats one of the same outlet's,
/// in the project or earlier in the import: the same text or a near-duplicate.
fn repeats_before_cleaning(project: &Project, found: &[Found]) -> Vec<bool> {
    if !found.iter().any(|f| f.web) {
        return vec![false; found.len()];
    }
    let mut by_outlet: HashMap<Option<&str>, NearDuplicateIndex<()>> = HashMap::new();
    for document in project.documents() {
        by_outlet
            .entry(document.meta.outlet.as_deref())
            .or_insert_with(|| NearDuplicateIndex::new(NEAR_DUPLICATE_JACCARD))
            .insert((), document.text.as_str());
    }
    found
        .iter()
        .map(|f| {
            let index = by_outlet
                .entry(f.document.meta.outlet.as_deref())
                .or_insert_with(|| NearDuplicateIndex::new(NEAR_DUPLICATE_JACCARD));
            let text = f.document.text.as_str();
            let repeat = f.web && index.most_similar(text).is_some();
            if !repeat {
                index.insert((), text);
            }
            repeat
        })
        .collect()
}

/// `id`, or `id-2`, `id-3`, … (as [`Project::add_document`] names a repeat) when it is taken.
fn unique_id(id: &DocId, taken: &mut HashSet<DocId>) -> DocId {
    let mut unique = id.clone();
    // Room for the suffix within an id's 120 chars (slugs are ASCII).
    let base = &id.as_str()[..id.as_str().len().min(100)];
    let mut n = 2;
    while taken.contains(&unique) {
        unique = DocId::new(format!("{base}-{n}")).unwrap_or_else(|| DocId::slug(base));
        n += 1;
    }
    taken.insert(unique.clone());
    unique
}
