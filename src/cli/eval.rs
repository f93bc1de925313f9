//! `gloss eval`: precision, recall and F1 per label of each recommender (or of another layer) against
//! a gold layer, with exact and overlap matching, speaker accuracy for quotes and argument accuracy
//! for events.
//!
//! The scoring (cross-validation for the recommenders that learn, the matching `gloss agree` uses)
//! is [`crate::workbench::tasks::evaluate`]'s; this file prints it.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::emit;
use super::table::aligned_by;
use crate::model::matching::Counts;
use crate::workbench::Hooks;
use crate::workbench::tasks::evaluate::{EvalReport, EvalRequest, evaluate_project};

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  gloss eval projects/kosovo-talks --gold amira
  gloss eval projects/kosovo-talks --gold amira --layer bruno
  gloss eval projects/kosovo-talks --gold amira --json")]
pub struct EvalArgs {
    /// The project folder.
    pub dir: PathBuf,

    /// The layer holding the reference annotations (an annotator's name, or gold).
    #[arg(long, value_name = "LAYER")]
    pub gold: String,

    /// Score this layer instead of the recommenders.
    #[arg(long, value_name = "OTHER")]
    pub layer: Option<String>,

    /// Only this document.
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,

    /// Print the figures as JSON instead of tables.
    #[arg(long)]
    pub json: bool,

    /// Trust the external recommender that project.ron names (recommender_url) for this project,
    /// as `gloss suggest --trust-recommender` does (remembered), and score it too, sending it the
    /// documents' text. Until you trust it, it is skipped with a warning.
    #[arg(long)]
    pub trust_recommender: bool,
}

pub fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let request = EvalRequest {
        gold: args.gold.clone(),
        layer: args.layer.clone(),
        doc: args.doc.clone(),
        allow_external: args.trust_recommender,
    };
    let report = evaluate_project(&args.dir, &request, Hooks::none())?;
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
    } else {
        emit(&table(&report))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Tables: entities per label, quotes, events per type; exact and overlap side by side.
fn table(report: &EvalReport) -> String {
    let mut out = format!(
        "against layer {} on {} document{}\n",
        report.gold,
        report.documents,
        super::plural(report.documents)
    );
    let cells = |c: Option<&Counts>| match c {
        Some(c) => [
            format!("{:.3}", c.precision()),
            format!("{:.3}", c.recall()),
            format!("{:.3}", c.f1()),
        ],
        None => [String::new(), String::new(), String::new()],
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for scored in &report.results {
        let e = &scored.evaluation;
        // A recommender is shown for the kinds it suggests; a layer for every kind.
        let layer = scored.is_layer();
        let suggested = |c: &Counts| layer || c.tp + c.fp > 0;
        let mut row = |what: String,
                       gold: usize,
                       exact: Option<&Counts>,
                       overlap: Option<&Counts>,
                       extra: String| {
            let mut cells_row = vec![scored.source.clone(), what, gold.to_string()];
            cells_row.extend(cells(exact));
            cells_row.extend(cells(overlap));
            cells_row.push(extra);
            rows.push(cells_row);
        };
        if suggested(&e.entities_exact.all) {
            for (label, exact) in &e.entities_exact.labels {
                let overlap = e
                    .entities_overlap
                    .labels
                    .get(label)
                    .copied()
                    .unwrap_or_default();
                row(
                    format!("entity {label}"),
                    exact.gold(),
                    Some(exact),
                    Some(&overlap),
                    String::new(),
                );
            }
        }
        if suggested(&e.quotes_exact) {
            let speakers = format!("speaker {}/{}", e.speakers.correct, e.speakers.total);
            row(
                "quote".to_owned(),
                e.quotes_exact.gold(),
                Some(&e.quotes_exact),
                Some(&e.quotes_overlap),
                speakers,
            );
        }
        if suggested(&e.events_exact.all) {
            for (label, exact) in &e.events_exact.labels {
                let overlap = e
                    .events_overlap
                    .labels
                    .get(label)
                    .copied()
                    .unwrap_or_default();
                row(
                    format!("event {label}"),
                    exact.gold(),
                    Some(exact),
                    Some(&overlap),
                    String::new(),
                );
            }
            if e.arguments.total > 0 {
                let accuracy = format!("argument {}/{}", e.arguments.correct, e.arguments.total);
                row(
                    "event arguments".to_owned(),
                    e.arguments.total,
                    None,
                    None,
                    accuracy,
                );
            }
        }
        let shown = e.entities_exact.all.tp
            + e.entities_exact.all.fp
            + e.quotes_exact.tp
            + e.quotes_exact.fp
            + e.events_exact.all.tp
            + e.events_exact.all.fp;
        if !layer && shown == 0 {
            row("nothing suggested".to_owned(), 0, None, None, String::new());
        }
    }
    let header = [
        "source",
        "what",
        "gold",
        "exact P",
        "R",
        "F1",
        "overlap P",
        "R",
        "F1",
        "accuracy",
    ];
    // Names (source, what) and the accuracy note read left to right; figures are right-aligned.
    let last = header.len() - 1;
    out.push('\n');
    out.push_str(&aligned_by(&header, &rows, |i| i < 2 || i == last));
    out
}
