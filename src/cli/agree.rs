//! `gloss agree`: how far the annotators agree, as a readable report or as the JSON of issue 6.
//!
//! The figures are [`crate::workbench::tasks::agreement`]'s (the review layer's, unchanged): this file only
//! lays the report out. Figures print with three decimals; a measure that is undefined
//! for the data (or does not apply, such as Cohen's κ over three layers) prints as `—` (JSON `null`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::table::aligned;
use super::{emit, plural};
use crate::workbench::tasks::agreement::{AgreementRequest, agreement_across};
use crate::workbench::{AgreementReport, Figures, MIN_ITEMS};

/// What an absent figure prints as.
const ABSENT: &str = "—";

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  gloss agree projects/kosovo-talks
  gloss agree projects/kosovo-talks --layers amira,bruno --json
  gloss agree my-project --docs article-1,article-2
  gloss agree corpus/2024-01 corpus/2024-02 --layers amira,bruno")]
pub struct AgreeArgs {
    /// The project folder, or several: a corpus split into projects (by outlet, month or story)
    /// is measured as one, layers matched by name.
    #[arg(required = true, value_name = "DIR")]
    pub dirs: Vec<PathBuf>,

    /// The layers to compare, comma-separated (default: every layer but gold).
    #[arg(long, value_name = "NAME,...", value_delimiter = ',')]
    pub layers: Vec<String>,

    /// Only these documents, comma-separated ids (default: every document).
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
    pub docs: Vec<String>,

    /// Print the report as JSON (absent figures are null).
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &AgreeArgs) -> anyhow::Result<ExitCode> {
    let request = AgreementRequest {
        layers: args.layers.clone(),
        docs: args.docs.clone(),
    };
    let dirs: Vec<&std::path::Path> = args.dirs.iter().map(|d| d.as_path()).collect();
    let report = agreement_across(&dirs, &request)?;
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
    } else {
        emit(&readable(&report))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A figure with three decimals, or `—`.
fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| ABSENT.to_owned(), |v| format!("{v:.3}"))
}

/// The report as a terminal reads it: entity mentions overall and per label, quotes, events, every
/// pair, then what the figures rest on.
fn readable(report: &AgreementReport) -> String {
    let mut out = format!(
        "agreement of {} over {} document{} (annotated in every layer)\n",
        report.layers.join(", "),
        report.documents,
        plural(report.documents)
    );

    // Cohen's κ applies to two layers, Fleiss' κ to more: one κ column, named for the one that applies.
    let fleiss = report.layers.len() > 2;
    let kappa = |f: &Figures| {
        if fleiss {
            f.fleiss_kappa
        } else {
            f.cohen_kappa
        }
    };
    let header = [
        "entity mentions",
        "exact F1",
        "overlap F1",
        if fleiss { "Fleiss κ" } else { "Cohen κ" },
        "α",
        "α_u",
    ];
    let row = |name: &str, f: &Figures| {
        vec![
            name.to_owned(),
            figure(f.span_f1_exact),
            figure(f.span_f1_overlap),
            figure(kappa(f)),
            figure(f.krippendorff_alpha_nominal),
            figure(f.krippendorff_alpha_unitizing),
        ]
    };
    let mut rows = vec![row("overall", &report.overall)];
    rows.extend(report.per_label.iter().map(|(label, f)| row(label, f)));
    out.push('\n');
    out.push_str(&aligned(&header, &rows, 1));

    out.push('\n');
    out.push_str(&aligned(
        &["quotes", "content F1", "speaker agreement", "cue F1"],
        &[vec![
            "quotes".to_owned(),
            figure(report.quotes.content_f1),
            figure(report.quotes.speaker_agreement),
            figure(report.quotes.cue_f1),
        ]],
        1,
    ));
    out.push('\n');
    out.push_str(&aligned(
        &["events", "trigger F1", "type agreement", "argument F1"],
        &[vec![
            "events".to_owned(),
            figure(report.events.trigger_f1),
            figure(report.events.type_agreement),
            figure(report.events.argument_f1),
        ]],
        1,
    ));

    if !report.pairs.is_empty() {
        let header = [
            "pair",
            "documents",
            "exact P",
            "exact R",
            "exact F1",
            "overlap F1",
            "Cohen κ",
            "α",
            "α_u",
            "quote F1",
            "speaker",
            "trigger F1",
            "argument F1",
        ];
        let rows: Vec<Vec<String>> = report
            .pairs
            .iter()
            .map(|p| {
                vec![
                    format!("{} / {}", p.a, p.b),
                    p.documents.to_string(),
                    figure(p.span_precision_exact),
                    figure(p.span_recall_exact),
                    figure(p.span_f1_exact),
                    figure(p.span_f1_overlap),
                    figure(p.cohen_kappa),
                    figure(p.krippendorff_alpha_nominal),
                    figure(p.krippendorff_alpha_unitizing),
                    figure(p.quotes.content_f1),
                    figure(p.quotes.speaker_agreement),
                    figure(p.events.trigger_f1),
                    figure(p.events.argument_f1),
                ]
            })
            .collect();
        out.push_str("\npairs (precision and recall read the second layer against the first)\n");
        out.push_str(&aligned(&header, &rows, 1));
    }

    out.push_str(&diagnostics(report));
    out
}

/// What the figures rest on: counts per layer, thin labels, frequent confusions.
fn diagnostics(report: &AgreementReport) -> String {
    let d = &report.diagnostics;
    let mut out = format!(
        "\ndiagnostics: {} document{} compared, {} token{} in the documents every layer annotated\n",
        d.compared_documents,
        plural(d.compared_documents),
        d.tokens,
        plural(d.tokens)
    );
    let count = |map: &std::collections::BTreeMap<String, usize>, layer: &str| {
        map.get(layer).copied().unwrap_or(0).to_string()
    };
    let mut header = vec!["items"];
    header.extend(report.layers.iter().map(String::as_str));
    let mut rows: Vec<Vec<String>> = d
        .mentions
        .iter()
        .map(|(label, by_layer)| {
            let mut row = vec![label.clone()];
            row.extend(report.layers.iter().map(|l| count(by_layer, l)));
            row
        })
        .collect();
    for (name, map) in [("quotes", &d.quotes), ("events", &d.events)] {
        let mut row = vec![name.to_owned()];
        row.extend(report.layers.iter().map(|l| count(map, l)));
        rows.push(row);
    }
    out.push_str(&aligned(&header, &rows, 1));
    if d.too_few_items.is_empty() {
        out.push_str(&format!(
            "every label has at least {MIN_ITEMS} mentions in some layer\n"
        ));
    } else {
        out.push_str(&format!(
            "too few items to judge (under {MIN_ITEMS} mentions in every layer): {}\n",
            d.too_few_items.join(", ")
        ));
    }
    if d.confusions.is_empty() {
        out.push_str("no confusions between overlapping mentions\n");
    } else {
        let confusions: Vec<String> = d
            .confusions
            .iter()
            .map(|c| format!("{} ↔ {} ×{}", c.labels[0], c.labels[1], c.count))
            .collect();
        out.push_str(&format!(
            "most frequent confusions (O: no mention): {}\n",
            confusions.join(", ")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_have_three_decimals_and_absent_ones_a_dash() {
        assert_eq!(figure(Some(0.81234)), "0.812");
        assert_eq!(figure(Some(1.0)), "1.000");
        assert_eq!(figure(None), "—");
    }

    #[test]
    fn an_empty_report_prints_dashes_not_numbers() {
        let report = AgreementReport {
            layers: vec!["a".to_owned(), "b".to_owned()],
            ..AgreementReport::default()
        };
        let text = readable(&report);
        let overall = text.lines().find(|l| l.starts_with("overall")).unwrap();
        assert_eq!(
            overall.split_whitespace().skip(1).collect::<Vec<_>>(),
            ["—"; 5]
        );
        assert!(!text.contains("NaN"), "{text}");
    }
}
