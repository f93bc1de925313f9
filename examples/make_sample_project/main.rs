//! Writes the sample project `projects/kosovo-talks/` (six articles, amira's and bruno's layers, a
//! partly settled gold layer and `SOURCES.md`), through the same model, validation, adjudication and
//! writer as the app, so that the files are exactly what Gloss itself would save.
//!
//! ```text
//! cargo run --example make_sample_project -- projects/kosovo-talks --replace
//! cargo run --example make_sample_project -- OUT_DIR
//! ```
//!
//! The output is deterministic: the texts are compiled in (`sample/texts/`), timestamps are fixed,
//! ids follow text order. What each layer holds and the conventions it follows are in `sample/`.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use gloss::model::{AnnotationKind, Project};
use gloss::storage;

mod sample;

const USAGE: &str = "usage: make_sample_project OUT_DIR [--replace]";

fn main() -> Result<()> {
    let args = Args::parse()?;
    let project = write(&args)?;
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
    replace: bool,
}

impl Args {
    fn parse() -> Result<Self> {
        let mut out = None;
        let mut replace = false;
        for arg in std::env::args().skip(1) {
            match arg.as_str() {
                "--replace" => replace = true,
                _ if out.is_none() && !arg.starts_with('-') => out = Some(PathBuf::from(arg)),
                _ => bail!("{USAGE}"),
            }
        }
        Ok(Self {
            out: out.context(USAGE)?,
            replace,
        })
    }
}

/// Creates the project in a fresh folder beside `out`, then (with `--replace`) swaps it in, so that a
/// failure leaves the old sample as it was.
fn write(args: &Args) -> Result<Project> {
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
    let project = sample::create(fresh.path())?;
    if args.out.exists() {
        std::fs::remove_dir_all(&args.out)
            .with_context(|| format!("removing {}", args.out.display()))?;
    }
    std::fs::rename(fresh.path(), &args.out)
        .with_context(|| format!("moving the new sample to {}", args.out.display()))?;
    Ok(project)
}
