//! `gloss search`: prints [`crate::workbench::tasks::search`]'s hits, one line each with its
//! context, or one JSON object per line.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::progress::ProgressShown;
use super::{emit, plural};
use crate::workbench::tasks::search::{SearchRequest, context, search_dir};

#[derive(Debug, Args)]
#[command(after_long_help = "\
Query words of the form key:value filter annotations instead of finding text: label:PERSON,
kind:entity|quote|event, attr:NAME or attr:NAME=VALUE, speaker:X (quotes whose speaker's text
contains X), event:TYPE, participant:Y (events with an argument whose text contains Y),
layer:NAME. Other words must then occur in the annotation's text. Put values with spaces in
double quotes: speaker:\"Albin Kurti\".

Examples:
  gloss search projects/kosovo-talks Vučić          (finds Vucic too: case and accents ignored)
  gloss search projects/kosovo-talks Kurti --label PERSON --layer amira
  gloss search projects/kosovo-talks \"speaker:Kurti\" --json
  gloss search projects/kosovo-talks \"event:MEET participant:Vucic\"
  gloss search projects/kosovo-talks \"Brussels|Belgrade\" --regex")]
pub struct SearchArgs {
    /// The project folder.
    pub dir: PathBuf,

    /// What to find: text (case and diacritics ignored), or with --regex a regular expression;
    /// key:value words filter annotations (see below).
    pub query: String,

    /// QUERY is a regular expression (matched ignoring case, against the text as written).
    #[arg(long)]
    pub regex: bool,

    /// Only annotations with this label (entity label, event type, or QUOTE).
    #[arg(long, value_name = "L")]
    pub label: Option<String>,

    /// Only annotations of this layer (an annotator's name, or gold).
    #[arg(long, value_name = "NAME")]
    pub layer: Option<String>,

    /// One JSON object per hit and line: {"doc","start","end","text","layer","annotation"},
    /// offsets in code points; layer and annotation are null for text hits.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let request = SearchRequest {
        query: args.query.clone(),
        regex: args.regex,
        label: args.label.clone(),
        layer: args.layer.clone(),
    };
    let progress = ProgressShown::new("{msg} [{bar:30}] {pos}/{len}", 200);
    let (project, results, warning) = search_dir(&args.dir, &request, progress.hooks())?;
    progress.finish();
    if let Some(warning) = warning {
        eprintln!("warning: {warning}");
    }
    let mut out = String::new();
    if args.json {
        for hit in &results.hits {
            out.push_str(&serde_json::to_string(&hit.json())?);
            out.push('\n');
        }
        emit(&out)?;
        return Ok(ExitCode::SUCCESS);
    }
    for hit in &results.hits {
        let Some(document) = project.document(&hit.doc) else {
            continue;
        };
        let (before, text, after) = context(&document.text, hit.span, 30);
        let _ = write!(out, "{} {}", hit.doc, hit.span);
        if let (Some(layer), Some(id), Some(label)) = (&hit.layer, hit.annotation, &hit.label) {
            let _ = write!(out, " {layer} #{id} {label}");
        }
        let _ = writeln!(
            out,
            "  {}[{}]{}",
            before.trim_start(),
            text.replace('\n', " "),
            after.trim_end()
        );
    }
    let documents = results.per_document.len();
    let _ = writeln!(
        out,
        "{} hit{} in {} document{} (of {} searched)",
        results.total,
        plural(results.total),
        documents,
        plural(documents),
        results.documents_searched
    );
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
