//! `gloss import`: plain-text files (and folders of them) as documents, or with `--format` annotated
//! files of other tools, into a project. The work is [`workbench::read_import`], the same the
//! window's import runs: this parses the flags, locks and loads the project, applies what was read,
//! saves and prints the summary.
//!
//! All or nothing: every file is read and parsed before the project is touched, so one bad file
//! (missing, unreadable, not UTF-8, not parseable) leaves the project exactly as it was.

use std::process::ExitCode;

use anyhow::Context as _;

use super::args::ImportArgs;
use super::plural;
use crate::model::{LayerName, Timestamp};
use crate::workbench::ImportFormat;
use crate::workbench::{self, ImportRequest, LockedProject};

pub fn run(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let request = request(args)?;
    let mut folder = LockedProject::open(&args.dir)?;
    if let Some(warning) = &folder.warning {
        eprintln!("warning: {warning}");
    }
    let read = workbench::read_import(&folder.project, &request, Timestamp::now(), None)
        .map_err(anyhow::Error::msg)?;
    let summary = read.summary().clone();
    for warning in &summary.warnings {
        eprintln!("warning: {warning}");
    }
    for removed in &summary.removed_noise {
        eprintln!("removed: {removed}");
    }
    read.apply(&mut folder.project)
        .map_err(|message| anyhow::anyhow!("{}: {message}", args.dir.display()))?;
    folder.save()?;

    if !summary.schema_additions.is_empty() {
        println!(
            "added to the schema: {}",
            summary.schema_additions.join("; ")
        );
    }
    let documents = folder.project.documents().len();
    println!(
        "imported {} into {} (now {documents} document{})",
        summary.what,
        args.dir.display(),
        plural(documents)
    );
    if !summary.removed_noise.is_empty() {
        println!(
            "{} line{} of scraped noise removed above (--keep-noise keeps them)",
            summary.removed_noise.len(),
            plural(summary.removed_noise.len())
        );
    }
    if !summary.warnings.is_empty() && !matches!(request.format, ImportFormat::Txt { .. }) {
        println!(
            "{} warning{} above: what was skipped, and why",
            summary.warnings.len(),
            plural(summary.warnings.len())
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The import the flags ask for; refuses flags that do not go together.
fn request(args: &ImportArgs) -> anyhow::Result<ImportRequest> {
    let annotator = match &args.annotator {
        None => None,
        Some(name) => Some(LayerName::new(name.as_str()).with_context(|| {
            format!(
                "--annotator {name:?}: expected a name of ASCII letters, digits, '-', '_' or '.'"
            )
        })?),
    };
    let Some(format) = ImportFormat::parse(&args.format, args.split_lines) else {
        anyhow::bail!(
            "unknown import format {:?}: expected one of {}",
            args.format,
            ImportFormat::NAMES.join(", ")
        );
    };
    let is_text = matches!(format, ImportFormat::Txt { .. });
    if is_text && args.layer.is_some() {
        anyhow::bail!(
            "--layer: plain text holds no annotations; expected --format with an annotated format \
             ({})",
            ImportFormat::NAMES[1..].join(", ")
        );
    }
    if !is_text && args.split_lines {
        anyhow::bail!(
            "--split-lines applies to --format txt only, not to {}",
            format.name()
        );
    }
    let layer = match &args.layer {
        None => None,
        Some(name) => Some(LayerName::new(name.as_str()).with_context(|| {
            format!("--layer {name:?}: expected a name of ASCII letters, digits, '-', '_' or '.'")
        })?),
    };
    let mut paths = Vec::new();
    let mut urls = Vec::new();
    for path in &args.paths {
        match path.to_str() {
            Some(url) if url.starts_with("http://") || url.starts_with("https://") => {
                urls.push(url.to_owned());
            }
            _ => paths.push(path.clone()),
        }
    }
    if let Some(file) = &args.urls {
        urls.extend(
            workbench::fetch::urls_in_file(file)
                .map_err(|message| anyhow::anyhow!("--urls {message}"))?,
        );
    }
    let web = !urls.is_empty() || !args.feed.is_empty();
    if web && !is_text {
        anyhow::bail!(
            "URLs and --feed import web pages as documents; they do not go with --format {}",
            format.name()
        );
    }
    if paths.is_empty() && !web {
        anyhow::bail!("nothing to import: give files, folders, URLs, --urls FILE or --feed URL");
    }
    if !(args.pause.is_finite() && (0.0..=3600.0).contains(&args.pause)) {
        anyhow::bail!(
            "--pause {}: expected seconds from 0 to 3600 between two requests to one host",
            args.pause
        );
    }
    let duplicates = workbench::Duplicates::parse(&args.duplicates).with_context(|| {
        format!(
            "--duplicates {:?}: expected one of {}",
            args.duplicates,
            workbench::Duplicates::NAMES.join(", ")
        )
    })?;
    Ok(ImportRequest {
        format,
        paths,
        layer,
        annotator,
        urls,
        feeds: args.feed.clone(),
        keep_noise: args.keep_noise,
        duplicates,
        pause: std::time::Duration::from_secs_f64(args.pause),
    })
}
