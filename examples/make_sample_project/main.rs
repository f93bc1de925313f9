//! Writes the sample project `projects/kosovo-talks/` from the sample article, through the same model,
//! validation and writer as the app, so that the files are exactly what Gloss itself would save.
//!
//! ```text
//! cargo run --example make_sample_project -- projects/kosovo-talks --replace
//! cargo run --example make_sample_project -- OUT_DIR [--source ARTICLE.txt]
//! ```
//!
//! The article defaults to `../shared/samples/kosovo-serbia-brussels-talks.txt` next to the repository,
//! else the copy inside `OUT_DIR` (when replacing). The output is deterministic: fixed timestamps, ids in
//! text order. What the two layers hold and the conventions they follow are in `annotations.rs`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use gloss::formats::documents_from_text;
use gloss::model::{
    AnnotationKind, CharSpan, Edit, LayerKey, LayerName, Project, Status, Text, Timestamp,
};
use gloss::storage;

mod annotations;

use annotations::DOC_ID;

fn main() -> Result<()> {
    let args = Args::parse()?;
    let raw = std::fs::read_to_string(&args.source)
        .with_context(|| format!("reading the article {}", args.source.display()))?;
    let mut project = build(&raw)?;
    let problems = gloss::model::validate::check(&project);
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        bail!("the sample does not validate:\n{}", lines.join("\n"));
    }
    write(&args, &mut project)?;
    for (key, layer) in project.layers() {
        let count = |kind| layer.iter().filter(|a| a.kind() == kind).count();
        println!(
            "{key}: {} entities, {} quotes, {} events ({})",
            count(AnnotationKind::Entity),
            count(AnnotationKind::Quote),
            count(AnnotationKind::Event),
            layer.status.name()
        );
    }
    Ok(())
}

struct Args {
    out: PathBuf,
    source: PathBuf,
    replace: bool,
}

impl Args {
    fn parse() -> Result<Self> {
        let mut out = None;
        let mut source = None;
        let mut replace = false;
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--replace" => replace = true,
                "--source" => {
                    source = Some(PathBuf::from(args.next().context("--source needs a path")?))
                }
                _ if out.is_none() && !arg.starts_with('-') => out = Some(PathBuf::from(arg)),
                _ => bail!("usage: make_sample_project OUT_DIR [--source ARTICLE.txt] [--replace]"),
            }
        }
        let out =
            out.context("usage: make_sample_project OUT_DIR [--source ARTICLE.txt] [--replace]")?;
        let source = source.unwrap_or_else(|| {
            let shared = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../shared/samples")
                .join(format!("{DOC_ID}.txt"));
            if shared.exists() {
                shared
            } else {
                out.join("documents").join(format!("{DOC_ID}.txt"))
            }
        });
        Ok(Self {
            out,
            source,
            replace,
        })
    }
}

/// Creates the project in a fresh folder beside `out`, then (with `--replace`) swaps it in, so that a
/// failure leaves the old sample as it was.
fn write(args: &Args, project: &mut Project) -> Result<()> {
    if storage::is_project(&args.out) && !args.replace {
        bail!(
            "{} already holds a project; pass --replace to regenerate it",
            args.out.display()
        );
    }
    let parent = match args.out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
    let fresh = tempfile::Builder::new()
        .prefix(".sample-")
        .tempdir_in(&parent)
        .with_context(|| format!("making a folder in {}", parent.display()))?;
    storage::create(fresh.path(), project)?;
    if args.out.exists() {
        std::fs::remove_dir_all(&args.out)
            .with_context(|| format!("removing {}", args.out.display()))?;
    }
    std::fs::rename(fresh.path(), &args.out)
        .with_context(|| format!("moving the new sample to {}", args.out.display()))?;
    Ok(())
}

/// The project: the news preset, the article, amira's and bruno's layers.
fn build(raw: &str) -> Result<Project> {
    let schema = storage::presets::preset("news").context("the news preset is missing")?;
    let mut project = Project::new("Kosovo talks", schema);
    for annotator in ["amira", "bruno"] {
        project.add_annotator(annotator);
    }
    let mut documents = documents_from_text(&format!("{DOC_ID}.txt"), raw, false);
    let mut document = documents.pop().context("the article is empty")?;
    document.meta.outlet = Some("TRT World".to_owned());
    document.meta.language = Some("en".to_owned());
    let article = Article::new(document.text.as_str());
    let doc = project.add_document(document);

    let amira = annotations::amira(&article)?;
    let bruno = annotations::bruno(&article, &amira)?;
    for (name, layer, status, start) in [
        ("amira", &amira, Status::Done, "2024-03-04T09:00:00Z"),
        ("bruno", &bruno, Status::InProgress, "2024-03-05T14:00:00Z"),
    ] {
        let key = LayerKey::new(doc.clone(), LayerName::new(name).context("layer name")?);
        let start: Timestamp = start.parse()?;
        for annotation in layer.annotations(name, start)? {
            project.apply(&Edit::Add {
                key: key.clone(),
                annotation,
            })?;
        }
        project.apply(&Edit::SetStatus {
            key,
            before: Status::New,
            after: status,
        })?;
    }
    Ok(project)
}

/// The article, searched by whole words and addressed by char offsets.
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
