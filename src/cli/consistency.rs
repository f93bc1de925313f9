//! `gloss consistency`: prints [`crate::workbench::tasks::consistency`]'s findings, each with its
//! places, or one JSON object per finding.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::{emit, plural};
use crate::workbench::tasks::consistency::consistency_dir;

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  gloss consistency projects/kosovo-talks
  gloss consistency projects/kosovo-talks --layer amira --json")]
pub struct ConsistencyArgs {
    /// The project folder.
    pub dir: PathBuf,

    /// Check only this layer (an annotator's name, or gold); default: every layer.
    #[arg(long, value_name = "NAME")]
    pub layer: Option<String>,

    /// One JSON object per finding and line: {"kind","layer","form","message","places","fix"},
    /// places with code-point offsets.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &ConsistencyArgs) -> anyhow::Result<ExitCode> {
    let report = consistency_dir(&args.dir, args.layer.as_deref())?;
    let mut out = String::new();
    if args.json {
        for finding in &report.findings {
            out.push_str(&serde_json::to_string(finding)?);
            out.push('\n');
        }
        emit(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    for finding in &report.findings {
        let _ = writeln!(
            out,
            "{} [{}]: {}",
            finding.kind.name(),
            finding.layer,
            finding.message
        );
        for place in &finding.places {
            let _ = write!(out, "  {} {}", place.doc, place.span());
            if let (Some(id), Some(label)) = (place.annotation, &place.label) {
                let _ = write!(out, " #{id} {label}");
            } else {
                out.push_str(" unlabelled");
            }
            let _ = writeln!(out, " {:?}", place.text);
        }
    }
    let n = report.findings.len();
    let _ = writeln!(
        out,
        "{n} finding{} in {} layer{} ({} mention{}, {} document{})",
        plural(n),
        report.layers.len(),
        plural(report.layers.len()),
        report.mentions,
        plural(report.mentions),
        report.documents,
        plural(report.documents)
    );
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
