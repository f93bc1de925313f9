//! `gloss adjudicate --auto`: merges into the gold layer what enough annotators agree on, and reports
//! per document what remains for the curator to settle (in the window's Review panel).
//!
//! The merge is [`review::auto_merge`]'s, per document; this file applies its edits to the project
//! under the project lock and saves once, so an error part-way leaves the files as they were.

use std::collections::BTreeMap;
use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use super::agree::{chosen_docs, chosen_layers};
use super::plural;
use crate::model::{DocId, Edit, LayerKey, LayerName, Status, Timestamp};
use crate::review::{self, DisagreementKind};
use crate::storage::{self, lock::ProjectLock};

/// Merges over at least this many documents show a progress bar (on a terminal only).
const PROGRESS_MIN_DOCUMENTS: usize = 20;

/// The curator named in merged annotations' provenance when `--curator` is not given.
const DEFAULT_CURATOR: &str = "curator";

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  gloss adjudicate projects/kosovo-talks --auto
  gloss adjudicate my-project --auto --min-agree 3 --layers alice,bob,carol --curator dana")]
pub struct AdjudicateArgs {
    /// The project folder.
    pub dir: PathBuf,

    /// Merge automatically every annotation enough layers agree on (the only mode of the command
    /// line; the window settles the rest one by one).
    #[arg(long)]
    pub auto: bool,

    /// How many layers must hold an annotation for it to be merged (default: the project's
    /// min_agree setting).
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(1..))]
    pub min_agree: Option<u32>,

    /// The annotators' layers to merge from, comma-separated (default: every layer but gold).
    #[arg(long, value_name = "NAME,...", value_delimiter = ',')]
    pub layers: Vec<String>,

    /// Only these documents, comma-separated ids (default: every document).
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
    pub docs: Vec<String>,

    /// The curator named in the merged annotations' provenance.
    #[arg(long, value_name = "NAME", default_value = DEFAULT_CURATOR)]
    pub curator: String,
}

pub fn run(args: &AdjudicateArgs) -> anyhow::Result<ExitCode> {
    if !args.auto {
        anyhow::bail!(
            "{}: nothing to do: expected --auto (the command line merges what enough annotators \
             agree on; settle the rest in the window's Review panel)",
            args.dir.display()
        );
    }
    if !storage::is_project(&args.dir) {
        anyhow::bail!(
            "{}: not a Gloss project (expected a folder with a project.ron)",
            args.dir.display()
        );
    }
    // Lock before loading, so that no other writer saves between our load and our save.
    let (_lock, warning) = ProjectLock::acquire(&args.dir)?;
    if let Some(warning) = warning {
        eprintln!("warning: {warning}");
    }
    let mut project = storage::load(&args.dir)?;
    let layers = chosen_layers(&project, &args.layers, &args.dir)?;
    if layers.iter().any(LayerName::is_gold) {
        anyhow::bail!(
            "--layers: gold is the layer adjudication writes; expected annotators' layers only"
        );
    }
    let (min_agree, from) = match args.min_agree {
        Some(k) => (k, "--min-agree"),
        None => (
            project.settings.min_agree,
            "the project's min_agree setting",
        ),
    };
    let min_agree = usize::try_from(min_agree.max(1)).unwrap_or(usize::MAX);
    if min_agree > layers.len() {
        anyhow::bail!(
            "{}: {from} is {min_agree}, but only {} layer{} are compared ({}): nothing could be merged",
            args.dir.display(),
            layers.len(),
            plural(layers.len()),
            names(&layers)
        );
    }
    let docs: Vec<DocId> = match chosen_docs(&project, &args.docs, &args.dir)? {
        Some(docs) => docs,
        None => project.documents().iter().map(|d| d.id.clone()).collect(),
    };

    println!(
        "merging into gold what at least {min_agree} of {} agree on",
        names(&layers)
    );
    let now = Timestamp::now();
    let progress = progress_bar(docs.len());
    let (mut merged_total, mut remaining_total, mut not_annotated) = (0, 0, 0);
    let mut remaining_kinds: BTreeMap<DisagreementKind, usize> = BTreeMap::new();
    for doc in &docs {
        progress.set_message(doc.to_string());
        let annotated = layers.iter().any(|l| {
            project
                .layer(&LayerKey::new(doc.clone(), l.clone()))
                .is_some()
        });
        if !annotated {
            not_annotated += 1;
            progress.inc(1);
            continue;
        }
        let (edits, remaining) =
            review::auto_merge(&project, doc, &layers, min_agree, &args.curator, now);
        let merged = edits
            .iter()
            .filter(|e| matches!(e, Edit::Add { .. }))
            .count();
        let gold = LayerKey::new(doc.clone(), LayerName::gold());
        // As in the window, a gold layer that gets its first annotations is in progress from then on.
        let start =
            (!edits.is_empty() && project.status(&gold) == Status::New).then(|| Edit::SetStatus {
                key: gold.clone(),
                before: Status::New,
                after: Status::InProgress,
            });
        for edit in edits.iter().chain(&start) {
            project
                .apply(edit)
                .with_context(|| format!("{doc}: cannot merge into gold; nothing was saved"))?;
        }
        let mut kinds: BTreeMap<DisagreementKind, usize> = BTreeMap::new();
        for disagreement in &remaining {
            *kinds.entry(disagreement.kind).or_default() += 1;
            *remaining_kinds.entry(disagreement.kind).or_default() += 1;
        }
        progress.suspend(|| {
            println!(
                "{doc}: merged {merged} annotation{}, {} disagreement{} {}{}",
                plural(merged),
                remaining.len(),
                plural(remaining.len()),
                remain(remaining.len()),
                by_kind(&kinds)
            );
        });
        merged_total += merged;
        remaining_total += remaining.len();
        progress.inc(1);
    }
    if merged_total > 0 {
        progress.set_message("saving");
        storage::save(&args.dir, &mut project)?;
    }
    progress.finish_and_clear();

    let compared = docs.len() - not_annotated;
    println!(
        "total: merged {merged_total} annotation{} into gold in {compared} document{}; {} \
         disagreement{} {}{}",
        plural(merged_total),
        plural(compared),
        remaining_total,
        plural(remaining_total),
        remain(remaining_total),
        by_kind(&remaining_kinds)
    );
    if not_annotated > 0 {
        println!(
            "skipped {not_annotated} document{} none of these layers has annotated",
            plural(not_annotated)
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn remain(n: usize) -> &'static str {
    if n == 1 { "remains" } else { "remain" }
}

/// ` (3 missing, 1 label)`, or nothing when there are no disagreements.
fn by_kind(kinds: &BTreeMap<DisagreementKind, usize>) -> String {
    if kinds.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = kinds
        .iter()
        .map(|(kind, n)| format!("{n} {}", kind.name()))
        .collect();
    format!(" ({})", parts.join(", "))
}

fn names(layers: &[LayerName]) -> String {
    layers
        .iter()
        .map(LayerName::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A bar over the documents, on stderr; hidden for short runs and when stderr is not a terminal.
fn progress_bar(documents: usize) -> ProgressBar {
    if documents < PROGRESS_MIN_DOCUMENTS || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let style =
        ProgressStyle::with_template("adjudicating [{bar:30}] {pos}/{len} documents  {wide_msg}")
            .map(|style| style.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
    ProgressBar::new(documents as u64).with_style(style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remaining_disagreements_are_listed_by_kind() {
        let mut kinds = BTreeMap::new();
        assert_eq!(by_kind(&kinds), "");
        kinds.insert(DisagreementKind::Label, 1);
        kinds.insert(DisagreementKind::Missing, 3);
        assert_eq!(by_kind(&kinds), " (3 missing, 1 label)");
    }
}
