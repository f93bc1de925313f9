//! The sample project, built in memory through the same model, validation and adjudication as the app:
//! six news articles, two analysts' layers on three of them and amira's alone on a fourth, and a gold
//! layer the curator has partly settled. Deterministic: texts are compiled in, timestamps are fixed,
//! ids follow text order.
//!
//! The example `make_sample_project` writes it to `projects/kosovo-talks/`; the tests build it to
//! check what a first-time user finds, and run the README's examples on a fresh copy.

use std::path::Path;

use anyhow::{Context, Result, bail};
use gloss::formats::documents_from_text;
use gloss::model::{CharSpan, DocId, Edit, LayerKey, LayerName, Project, Status, Text, Timestamp};
use gloss::review::{Choice, auto_merge, resolve};
use gloss::storage;

mod asylum;
mod draft;
mod korea;
mod kosovo;
mod worship;

use draft::{Change, LayerDraft, Spec};

/// One article of the sample and where it comes from.
pub struct Source {
    pub id: &'static str,
    pub text: &'static str,
    pub outlet: &'static str,
    pub url: Option<&'static str>,
    pub published: Option<&'static str>,
    pub licence: &'static str,
}

const WIKINEWS: &str =
    "CC BY 2.5 (Wikinews); the text as in the GUM corpus (github.com/amir-zeldes/gum)";

/// The articles in project order: the window opens on the first.
pub const ARTICLES: &[Source] = &[
    Source {
        id: kosovo::DOC_ID,
        text: include_str!("texts/kosovo-serbia-brussels-talks.txt"),
        outlet: "TRT World",
        url: None,
        published: None,
        licence: "The seed article Gloss was specified with; TRT World holds its rights",
    },
    Source {
        id: korea::DOC_ID,
        text: include_str!("texts/north-korea-quasi-state-of-war.txt"),
        outlet: "Wikinews",
        url: Some(
            "https://en.wikinews.org/wiki/North_Korea_puts_military_in_%27quasi-state_of_war%27",
        ),
        published: Some("2015-08-21"),
        licence: WIKINEWS,
    },
    Source {
        id: asylum::DOC_ID,
        text: include_str!("texts/asylum-seekers-rescued-off-indonesia.txt"),
        outlet: "Wikinews",
        url: Some(
            "https://en.wikinews.org/wiki/Over_900_asylum_seekers_rescued_off_Indonesian_coast",
        ),
        published: Some("2015-05-18"),
        licence: WIKINEWS,
    },
    Source {
        id: worship::DOC_ID,
        text: include_str!("texts/greek-court-ancient-deities.txt"),
        outlet: "Wikinews",
        url: Some(
            "https://en.wikinews.org/wiki/Greek_court_rules_worship_of_ancient_Greek_deities_is_legal",
        ),
        published: Some("2006-03-27"),
        licence: WIKINEWS,
    },
    Source {
        id: "uk-asylum-questionnaire",
        text: include_str!("texts/uk-asylum-questionnaire.txt"),
        outlet: "Wikinews",
        url: Some(
            "https://en.wikinews.org/wiki/Reports:_%27streamlined%27_UK_asylum_process_to_replace_interview_with_questionnaire_for_five_nationalities",
        ),
        published: Some("2023-02-23"),
        licence: WIKINEWS,
    },
    Source {
        id: "new-zealand-flag-process",
        text: include_str!("texts/new-zealand-flag-process.txt"),
        outlet: "Wikinews",
        url: Some(
            "https://en.wikinews.org/wiki/New_Zealand_begins_process_to_consider_changing_national_flag_design",
        ),
        published: Some("2015-05-07"),
        licence: WIKINEWS,
    },
];

/// Who annotated what: (document, annotator, the layer, its status, when they started).
struct Work {
    doc: &'static str,
    annotator: &'static str,
    spec: &'static Spec,
    changes: Option<&'static [Change]>,
    status: Status,
    start: &'static str,
}

const WORK: &[Work] = &[
    Work {
        doc: kosovo::DOC_ID,
        annotator: "amira",
        spec: &kosovo::AMIRA,
        changes: None,
        status: Status::Done,
        start: "2024-03-04T09:00:00Z",
    },
    Work {
        doc: kosovo::DOC_ID,
        annotator: "bruno",
        spec: &kosovo::AMIRA,
        changes: Some(kosovo::BRUNO),
        status: Status::InProgress,
        start: "2024-03-05T14:00:00Z",
    },
    Work {
        doc: korea::DOC_ID,
        annotator: "amira",
        spec: &korea::AMIRA,
        changes: None,
        status: Status::Done,
        start: "2024-03-06T09:00:00Z",
    },
    Work {
        doc: korea::DOC_ID,
        annotator: "bruno",
        spec: &korea::AMIRA,
        changes: Some(korea::BRUNO),
        status: Status::Done,
        start: "2024-03-06T14:00:00Z",
    },
    Work {
        doc: asylum::DOC_ID,
        annotator: "amira",
        spec: &asylum::AMIRA,
        changes: None,
        status: Status::Done,
        start: "2024-03-07T09:00:00Z",
    },
    Work {
        doc: asylum::DOC_ID,
        annotator: "bruno",
        spec: &asylum::AMIRA,
        changes: Some(asylum::BRUNO),
        status: Status::Done,
        start: "2024-03-07T14:00:00Z",
    },
    Work {
        doc: worship::DOC_ID,
        annotator: "amira",
        spec: &worship::AMIRA,
        changes: None,
        status: Status::Done,
        start: "2024-03-08T09:00:00Z",
    },
];

/// How far the curator got: (document, what gold settles beyond what both agree on, status).
const CURATION: &[(&str, Settle, Status)] = &[
    // bruno has not finished this one; the curator took amira's version where he has nothing yet.
    (kosovo::DOC_ID, Settle::Everything, Status::InProgress),
    (korea::DOC_ID, Settle::Everything, Status::Done),
    (asylum::DOC_ID, Settle::Nothing, Status::InProgress),
];

/// The disagreements the curator settled, each by taking amira's version.
#[derive(Clone, Copy)]
enum Settle {
    /// Every one.
    Everything,
    /// None yet: gold holds only what both agree on.
    Nothing,
}

/// The curator named in gold's provenance, and when they worked.
const CURATOR: &str = "curator";
const CURATED_AT: &str = "2024-03-11T10:00:00Z";

/// The articles that come in as saved web pages (their Wikinews page in tests/data/web), through the
/// same import as `gloss import`: title, outlet, language and URL read from the page, and the page's
/// scraped noise removed and kept, so that a newcomer sees both in the window (the document list,
/// Details…, "Cleaned at import"). They have no annotations, so their text can still be restored.
/// The others are plain text: their layers were written against that text.
pub const FROM_PAGES: [&str; 2] = ["uk-asylum-questionnaire", "new-zealand-flag-process"];

fn import_pages(project: &mut Project) -> Result<()> {
    use gloss::formats::ImportFormat;
    use gloss::workbench::{Duplicates, ImportRequest, read_import};
    let pages = tempfile::tempdir().context("making a folder for the pages")?;
    let mut paths = Vec::new();
    for id in FROM_PAGES {
        let page = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/web")
            .join(format!("wikinews-{id}.html"));
        // Named by the sample's document id, which the import takes from the file name.
        let named = pages.path().join(format!("{id}.html"));
        std::fs::copy(&page, &named).with_context(|| format!("reading {}", page.display()))?;
        paths.push(named);
    }
    let request = ImportRequest {
        format: ImportFormat::Txt { split_lines: false },
        paths,
        layer: None,
        annotator: None,
        urls: Vec::new(),
        feeds: Vec::new(),
        keep_noise: false,
        duplicates: Duplicates::Skip,
        pause: std::time::Duration::ZERO,
    };
    let now: Timestamp = "2024-03-01T09:00:00Z".parse()?;
    let read = read_import(project, &request, now, None).map_err(anyhow::Error::msg)?;
    read.apply(project).map_err(anyhow::Error::msg)?;
    for id in FROM_PAGES {
        let doc = DocId::new(id).context("document id")?;
        let source = ARTICLES
            .iter()
            .find(|s| s.id == id)
            .context("a page without its source")?;
        let before = project
            .document(&doc)
            .with_context(|| format!("the page of {id} did not import as {id}"))?
            .info();
        // Wikinews shows the date only as text; the list of sources has it.
        let mut after = before.clone();
        after.meta.published = after.meta.published.or(source.published.map(str::to_owned));
        project.apply(&Edit::SetDocumentInfo {
            doc,
            before: Box::new(before),
            after: Box::new(after),
        })?;
    }
    Ok(())
}

/// Builds the sample and writes it into `dir`, a folder that holds no project yet, with
/// `SOURCES.md`; fails if the sample does not validate.
pub fn create(dir: &Path) -> Result<Project> {
    let mut project = build()?;
    let problems = gloss::model::validate::check(&project);
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        bail!("the sample does not validate:\n{}", lines.join("\n"));
    }
    storage::create(dir, &mut project)?;
    storage::write_atomic(&dir.join("SOURCES.md"), sources_markdown().as_bytes())
        .context("writing SOURCES.md")?;
    Ok(project)
}

/// The whole project: the news preset, the articles, the layers, gold.
pub fn build() -> Result<Project> {
    let schema = storage::presets::preset("news").context("the news preset is missing")?;
    let mut project = Project::new("Kosovo talks", schema);
    for annotator in ["amira", "bruno"] {
        project.add_annotator(annotator);
    }
    for source in ARTICLES {
        if FROM_PAGES.contains(&source.id) {
            continue;
        }
        let mut documents = documents_from_text(&format!("{}.txt", source.id), source.text, false);
        let mut document = documents.pop().context("an article is empty")?;
        document.meta.outlet = Some(source.outlet.to_owned());
        document.meta.url = source.url.map(str::to_owned);
        document.meta.published = source.published.map(str::to_owned);
        document.meta.language = Some("en".to_owned());
        project.add_document(document);
    }
    import_pages(&mut project)?;
    for work in WORK {
        let doc = DocId::new(work.doc).context("document id")?;
        let article = Article::new(
            project
                .document(&doc)
                .context("no such article")?
                .text
                .as_str(),
        );
        let first = LayerDraft::first(&article, work.spec)
            .with_context(|| format!("{}: {}'s layer", work.doc, work.annotator))?;
        let layer = match work.changes {
            Some(changes) => first.varied(&article, changes),
            None => Ok(first),
        }
        .with_context(|| format!("{}: {}'s layer", work.doc, work.annotator))?;
        let key = LayerKey::new(doc, LayerName::new(work.annotator).context("layer name")?);
        let start: Timestamp = work.start.parse()?;
        for annotation in layer.annotations(work.annotator, start)? {
            project.apply(&Edit::Add {
                key: key.clone(),
                annotation,
            })?;
        }
        set_status(&mut project, key, work.status)?;
    }
    for &(doc, settle, status) in CURATION {
        curate(
            &mut project,
            &DocId::new(doc).context("document id")?,
            settle,
        )?;
        let key = LayerKey::new(DocId::new(doc).context("document id")?, LayerName::gold());
        set_status(&mut project, key, status)?;
    }
    link_entities(&mut project)?;
    Ok(project)
}

/// The people and organisations the sample's articles quote and name most, as an analyst would
/// register them: (name, label, aliases, Wikidata id where the sample states one).
const ENTITIES: &[(&str, &str, &[&str], Option<&str>)] = &[
    (
        "Aleksandar Vučić",
        "PERSON",
        &["Aleksandar Vucic", "Vucic"],
        None,
    ),
    (
        "Albin Kurti",
        "PERSON",
        &["Kurti", "Prime Minister Albin Kurti"],
        None,
    ),
    (
        "Miroslav Lajčák",
        "PERSON",
        &["Miroslav Lajcak", "Lajcak"],
        None,
    ),
    ("Josep Borrell", "PERSON", &["Borrell"], None),
    ("Jeff Rathke", "PERSON", &["Rathke"], None),
    ("Fuad Basya", "PERSON", &["Basya"], None),
    ("Kim Jong-un", "PERSON", &[], Some("Q56226")),
    ("Emmanuel Macron", "PERSON", &["Macron"], Some("Q3052772")),
    ("Olaf Scholz", "PERSON", &["Scholz"], Some("Q61053")),
    ("European Union", "ORG", &["EU"], Some("Q458")),
    ("United Nations", "ORG", &["UN"], Some("Q1065")),
    ("Korean People's Army", "ORG", &["KPA"], None),
    ("Korean Central News Agency", "ORG", &["KCNA"], None),
    ("US State Department", "ORG", &["State Department"], None),
];

/// The registry, and every mention in every layer written as an entity's name or alias (with its
/// label) linked to it: "Vucic" and "Aleksandar Vucic" are one person across the corpus.
fn link_entities(project: &mut Project) -> Result<()> {
    let mut registered = Vec::new();
    for &(name, label, aliases, kb) in ENTITIES {
        let key = project.registry().fresh_key(name);
        let mut entity = gloss::model::CanonicalEntity::new(key.clone(), name, label);
        for alias in aliases {
            entity.add_alias(alias);
        }
        entity.kb = kb.map(str::to_owned);
        project.apply(&Edit::SetEntity {
            key,
            before: None,
            after: Some(Box::new(entity.clone())),
        })?;
        registered.push(entity);
    }
    let mut edits = Vec::new();
    for (key, layer) in project.layers() {
        let text = &project
            .document(&key.doc)
            .context("a layer's document")?
            .text;
        for mention in layer.iter().filter_map(gloss::model::Annotation::as_entity) {
            let surface = text.slice(mention.span).unwrap_or_default();
            let Some(entity) = registered
                .iter()
                .find(|e| e.label == mention.label && e.is_called(surface))
            else {
                continue;
            };
            let mut linked = mention.clone();
            linked.details_mut().entity = Some(entity.key.clone());
            edits.push(Edit::Replace {
                key: key.clone(),
                before: gloss::model::Annotation::Entity(mention.clone()),
                after: gloss::model::Annotation::Entity(linked),
            });
        }
    }
    for edit in &edits {
        project.apply(edit)?;
    }
    Ok(())
}

fn set_status(project: &mut Project, key: LayerKey, status: Status) -> Result<()> {
    project.apply(&Edit::SetStatus {
        key,
        before: Status::New,
        after: status,
    })?;
    Ok(())
}

/// Gold for `doc` as the curator built it: first what amira and bruno agree on (what
/// `gloss adjudicate --auto` merges), then the disagreements `settle` names, each taking amira's.
fn curate(project: &mut Project, doc: &DocId, settle: Settle) -> Result<()> {
    let now: Timestamp = CURATED_AT.parse()?;
    let layers = [
        LayerName::new("amira").context("layer name")?,
        LayerName::new("bruno").context("layer name")?,
    ];
    let (edits, remaining) = auto_merge(project, doc, &layers, 2, CURATOR, now);
    for edit in &edits {
        project.apply(edit)?;
    }
    if let Settle::Everything = settle {
        for disagreement in remaining {
            // Each decision sees the gold the previous ones built.
            for edit in resolve(project, doc, &disagreement, Choice::TakeA, CURATOR, now) {
                project.apply(&edit)?;
            }
        }
    }
    Ok(())
}

/// Where the articles come from, for `SOURCES.md` in the project folder (CC BY asks for attribution).
pub fn sources_markdown() -> String {
    let mut out = String::from(
        "# Sources of the sample articles\n\n\
         Generated by `cargo run --example make_sample_project -- projects/kosovo-talks --replace`; \
         the annotations are the sample's own, written for Gloss. The articles marked † were \
         imported as saved web pages (`tests/data/web/wikinews-<document>.html`: the article's text \
         in a page written after Wikinews' shape by `scripts/make_web_pages.py`), with their \
         scraped noise removed and kept for review.\n\n\
         | Document | Title | Outlet | Published | Source | Licence |\n|---|---|---|---|---|---|\n",
    );
    for source in ARTICLES {
        let title = source.text.lines().next().unwrap_or("").trim();
        out.push_str(&format!(
            "| `{}`{} | {} | {} | {} | {} | {} |\n",
            source.id,
            if FROM_PAGES.contains(&source.id) {
                " †"
            } else {
                ""
            },
            title.replace('|', "\\|"),
            source.outlet,
            source.published.unwrap_or("—"),
            source
                .url
                .map_or_else(|| "—".to_owned(), |url| format!("<{url}>")),
            source.licence,
        ));
    }
    out
}

/// An article, searched by whole words and addressed by char offsets.
pub struct Article {
    text: Text,
}

impl Article {
    fn new(text: &str) -> Self {
        Self {
            text: Text::new(text.to_owned()),
        }
    }

    pub fn slice(&self, span: CharSpan) -> Option<&str> {
        self.text.slice(span)
    }

    /// The char span of the first occurrence of `needle` at or after char offset `from`, standing as a
    /// whole word when `whole_word` (no letter, digit or `_` on either side).
    pub fn search(&self, needle: &str, from: usize, whole_word: bool) -> Option<CharSpan> {
        let text = self.text.as_str();
        let from_byte = self.text.byte_offset(from)?;
        let is_word = |c: char| c.is_alphanumeric() || c == '_';
        let byte = text[from_byte..]
            .match_indices(needle)
            .map(|(b, _)| from_byte + b)
            .find(|&b| {
                let before = text[..b].chars().next_back();
                let after = text[b + needle.len()..].chars().next();
                !whole_word || !(before.is_some_and(is_word) || after.is_some_and(is_word))
            })?;
        let start = self.text.char_offset(byte)?;
        Some(CharSpan::new(start, start + needle.chars().count()))
    }

    pub fn find(&self, needle: &str, from: usize, whole_word: bool) -> Result<CharSpan> {
        self.search(needle, from, whole_word)
            .with_context(|| format!("{needle:?} not found after char {from}"))
    }
}
