//! `gloss adjudicate --auto`: merges into the gold layer what enough annotators agree on, and reports
//! per document what remains for the curator to settle (in the window's Review panel).
//!
//! The lock-load-merge-save is [`crate::workbench::tasks::adjudicate`]'s; this file prints what it did.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::progress::ProgressShown;
use super::{emit, plural};
use crate::model::Timestamp;
use crate::workbench::DisagreementKind;
use crate::workbench::tasks::adjudicate::{AdjudicationRequest, adjudicate, names};

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
    let request = AdjudicationRequest {
        min_agree: args.min_agree,
        layers: args.layers.clone(),
        docs: args.docs.clone(),
        curator: args.curator.clone(),
        now: Timestamp::now(),
    };
    let bar = ProgressShown::new(
        "adjudicating [{bar:30}] {pos}/{len} documents  {wide_msg}",
        PROGRESS_MIN_DOCUMENTS,
    );
    let outcome = adjudicate(&args.dir, &request, bar.hooks());
    bar.finish();
    let outcome = outcome?;
    for warning in &outcome.warnings {
        eprintln!("warning: {warning}");
    }
    let mut out = format!(
        "merging into gold what at least {} of {} agree on\n",
        outcome.min_agree,
        names(&outcome.layers)
    );
    for document in &outcome.documents {
        let remaining: usize = document.remaining.values().sum();
        out.push_str(&format!(
            "{}: merged {} annotation{}, {} disagreement{} {}{}\n",
            document.doc,
            document.merged,
            plural(document.merged),
            remaining,
            plural(remaining),
            remain(remaining),
            by_kind(&document.remaining)
        ));
    }
    let merged_total = outcome.merged();
    let remaining_kinds = outcome.remaining();
    let remaining_total: usize = remaining_kinds.values().sum();
    let compared = outcome.documents.len();
    out.push_str(&format!(
        "total: merged {merged_total} annotation{} into gold in {compared} document{}; {} \
         disagreement{} {}{}\n",
        plural(merged_total),
        plural(compared),
        remaining_total,
        plural(remaining_total),
        remain(remaining_total),
        by_kind(&remaining_kinds)
    ));
    if outcome.not_annotated > 0 {
        out.push_str(&format!(
            "skipped {} document{} none of these layers has annotated\n",
            outcome.not_annotated,
            plural(outcome.not_annotated)
        ));
    }
    emit(&out)?;
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
