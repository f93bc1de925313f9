//! `gloss stats`: prints [`crate::workbench::tasks::stats`]'s figures as tables, or as JSON.

use std::process::ExitCode;

use super::args::StatsArgs;
use super::table::aligned;
use super::{emit, plural};
use crate::workbench::tasks::stats::{Stats, stats_across};

pub fn run(args: &StatsArgs) -> anyhow::Result<ExitCode> {
    let dirs: Vec<&std::path::Path> = args.dirs.iter().map(|d| d.as_path()).collect();
    let stats = stats_across(&dirs)?;
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&stats)?))?;
    } else {
        emit(&table(&stats))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A readable report: a progress table, then a table of annotations per label and layer.
fn table(stats: &Stats) -> String {
    let mut out = format!(
        "{}: {} document{}, {} layer{}\n",
        stats.project,
        stats.documents,
        plural(stats.documents),
        stats.layers.len(),
        plural(stats.layers.len())
    );
    for link in &stats.duplicates {
        out.push_str(&format!(
            "{} is a duplicate of {}\n",
            link.document, link.duplicate_of
        ));
    }
    if stats.layers.is_empty() {
        out.push_str("no annotations yet\n");
        return out;
    }
    let header = [
        "layer",
        "done",
        "in progress",
        "new",
        "entities",
        "quotes",
        "events",
    ];
    let rows: Vec<Vec<String>> = stats
        .layers
        .iter()
        .map(|l| {
            vec![
                l.layer.clone(),
                format!("{}/{}", l.done, l.total),
                l.in_progress.to_string(),
                l.new.to_string(),
                l.entities.to_string(),
                l.quotes.to_string(),
                l.events.to_string(),
            ]
        })
        .collect();
    out.push('\n');
    out.push_str(&aligned(&header, &rows, 1));

    let rows: Vec<Vec<String>> = stats
        .labels
        .iter()
        .map(|row| {
            let mut cells = vec![row.label.clone(), row.kind.to_owned()];
            cells.extend(row.counts.iter().map(ToString::to_string));
            cells
        })
        .collect();
    if !rows.is_empty() {
        let mut header = vec!["label", "kind"];
        header.extend(stats.layers.iter().map(|l| l.layer.as_str()));
        out.push('\n');
        out.push_str(&aligned(&header, &rows, 2));
    }
    out
}
