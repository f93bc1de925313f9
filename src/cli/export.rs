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
use crate::workbench::{ExportFormat, ExportSelection, TagScheme};

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
    let project = workbench::load_read_only(&args.dir)?;
    let layer_named = if args.gold {
        Some(crate::model::GOLD)
    } else {
        args.layer.as_deref()
    };
    let layer = layer_named
        .map(|name| workbench::known_layer(&project, name, &args.dir))
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let selection = ExportSelection {
        layer,
        finished_only: args.status.is_some(),
    };
    let written = workbench::write_export(&project, &args.dir, format, &selection, &args.out, None)
        .map_err(anyhow::Error::msg)?;
    for line in &written.lines {
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}
