//! `gloss export`: annotations to files other tools read (jsonl, spacy, conll, brat, hf, csv).
//!
//! The work is [`workbench::write_export`], the same the window's Export runs: built in memory, then
//! each file written atomically, so a failed export never leaves a half-written file in place of a
//! previous one. `--out` names the file (side files such as hf's `labels.json` go beside it) or, for
//! brat and csv, the folder.

use std::process::ExitCode;

use anyhow::Context as _;

use super::args::ExportArgs;
use crate::workbench;
use crate::workbench::{ExportFormat, TagScheme};

pub fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let scheme = match args.scheme.as_deref() {
        None => TagScheme::default(),
        Some(name) => TagScheme::parse(name)
            .with_context(|| format!("--scheme {name:?}: expected iob2 or bilou"))?,
    };
    let format = ExportFormat::parse(&args.format, scheme).with_context(|| {
        format!(
            "unknown export format {:?}: expected one of {}",
            args.format,
            ExportFormat::NAMES.join(", ")
        )
    })?;
    if args.scheme.is_some() && !matches!(format, ExportFormat::Conll { .. }) {
        anyhow::bail!(
            "--scheme applies to --format conll only (hf always writes IOB2 tags), not to {}",
            format.name()
        );
    }
    workbench::check_out(&args.out, format)
        .map_err(|message| anyhow::anyhow!("--out {message}"))?;
    let layer = if args.gold {
        Some(crate::model::GOLD)
    } else {
        args.layer.as_deref()
    };
    let dirs: Vec<&std::path::Path> = args.dirs.iter().map(|d| d.as_path()).collect();
    // jsonl, spacy and csv are written a batch of documents at a time (any size of project, and
    // several projects as one corpus); the other formats load the project whole.
    let written =
        workbench::write_export_across(&dirs, format, layer, args.status.is_some(), &args.out)
            .map_err(anyhow::Error::msg)?;
    for line in &written.lines {
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}
