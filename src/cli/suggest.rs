//! `gloss suggest`: the recommenders' suggestions for a project's documents, as JSON lines, or
//! written into a layer as accepted suggestions (`--apply`).

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;

use super::progress::ProgressShown;
use super::{emit, plural};
use crate::model::Document;
use crate::workbench::tasks::suggest::{SuggestRequest, apply, suggest};
use crate::workbench::{Hooks, Suggestion, SuggestionKind};

/// The output formats of `gloss suggest`.
const FORMATS: &[&str] = &["jsonl"];

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  gloss suggest projects/kosovo-talks
  gloss suggest projects/kosovo-talks --doc kosovo-serbia-brussels-talks --recommender quotes
  gloss suggest my-project --apply --layer pre-annotation
  gloss suggest my-project --trust-recommender --recommender external")]
pub struct SuggestArgs {
    /// The project folder.
    pub dir: PathBuf,

    /// Only this document (its id, as `gloss stats` lists them).
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,

    /// Only this recommender: baseline, string-matcher, tagger, quotes, events, external.
    #[arg(long, value_name = "NAME")]
    pub recommender: Option<String>,

    /// The output format. Available: jsonl (one JSON object per suggestion, code-point offsets).
    #[arg(long, value_name = "FORMAT", default_value = "jsonl")]
    pub format: String,

    /// The layer to suggest for: what it already has is not suggested again, and the string matcher
    /// and tagger learn from it (default: learn from gold, leave nothing out).
    #[arg(long, value_name = "NAME")]
    pub layer: Option<String>,

    /// Write the suggestions into --layer as accepted suggestions instead of printing them.
    #[arg(long, requires = "layer")]
    pub apply: bool,

    /// Leave out suggestions scoring below this (0 to 1).
    #[arg(long, value_name = "SCORE", default_value_t = 0.0)]
    pub min_score: f32,

    /// Trust the external recommender that project.ron names (recommender_url) for this project:
    /// send it the documents' text, now and from now on (remembered in trust.ron in your user
    /// settings folder, as the window's "Allow for this project" is). Until you trust it, it is
    /// skipped with a warning: a project folder from someone else must not make Gloss send your
    /// files to their server.
    #[arg(long)]
    pub trust_recommender: bool,
}

pub fn run(args: &SuggestArgs) -> anyhow::Result<ExitCode> {
    if !FORMATS.contains(&args.format.as_str()) {
        anyhow::bail!(
            "unknown suggestion format {:?}: expected one of {}",
            args.format,
            FORMATS.join(", ")
        );
    }
    let request = SuggestRequest {
        doc: args.doc.clone(),
        recommender: args.recommender.clone(),
        layer: args.layer.clone(),
        min_score: args.min_score,
        allow_external: args.trust_recommender,
    };
    if args.apply {
        let bar = ProgressShown::new("{bar:30} {pos}/{len} documents  {msg}", 2);
        let applied = apply(&args.dir, &request, bar.hooks());
        bar.finish();
        let applied = applied?;
        for warning in &applied.warnings {
            eprintln!("warning: {warning}");
        }
        emit(&format!(
            "added {} annotation{} from suggestions to layer {} in {} of {} document{}\n",
            applied.added,
            plural(applied.added),
            applied.layer,
            applied.touched,
            applied.documents,
            plural(applied.documents)
        ))?;
        return Ok(ExitCode::SUCCESS);
    }
    let suggested = suggest(&args.dir, &request, Hooks::none())?;
    for warning in &suggested.warnings {
        eprintln!("warning: {warning}");
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (doc, suggestions) in &suggested.documents {
        if let Some(document) = suggested.project.document(doc) {
            for suggestion in suggestions {
                let line = serde_json::to_string(&line_of(document, suggestion))?;
                writeln!(out, "{line}")?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `{"start", "end", "text"}`.
#[derive(Debug, Serialize)]
struct SpanText {
    start: usize,
    end: usize,
    text: String,
}

#[derive(Debug, Serialize)]
struct SpeakerLine {
    start: usize,
    end: usize,
    text: String,
    resolved_by: String,
    pronoun: Option<SpanText>,
}

#[derive(Debug, Serialize)]
struct ArgumentLine {
    role: String,
    start: usize,
    end: usize,
    text: String,
}

/// One line of `gloss suggest` output, in the shapes the issue specifies.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Line {
    Entity {
        doc: String,
        kind: &'static str,
        start: usize,
        end: usize,
        text: String,
        label: String,
        score: f32,
        recommender: String,
        rule: String,
    },
    Quote {
        doc: String,
        kind: &'static str,
        start: usize,
        end: usize,
        text: String,
        cue: Option<SpanText>,
        speaker: Option<SpeakerLine>,
        quote_kind: &'static str,
        score: f32,
        recommender: String,
        rule: String,
    },
    Event {
        doc: String,
        kind: &'static str,
        start: usize,
        end: usize,
        text: String,
        label: String,
        arguments: Vec<ArgumentLine>,
        score: f32,
        recommender: String,
        rule: String,
    },
}

fn line_of(document: &Document, suggestion: &Suggestion) -> Line {
    let text =
        |span: crate::model::CharSpan| document.text.slice(span).unwrap_or_default().to_owned();
    let span_text = |span: crate::model::CharSpan| SpanText {
        start: span.start,
        end: span.end,
        text: text(span),
    };
    let doc = document.id.to_string();
    let recommender = suggestion.recommender.clone();
    let score = suggestion.score;
    let rule = suggestion.rule.clone();
    match &suggestion.kind {
        SuggestionKind::Entity { span, label } => Line::Entity {
            doc,
            kind: "entity",
            start: span.start,
            end: span.end,
            text: text(*span),
            label: label.clone(),
            score,
            recommender,
            rule,
        },
        SuggestionKind::Quote {
            cue,
            speaker,
            quote_kind,
            ..
        } => {
            // The content's extent: a quote split by "he said" is one quote.
            let extent = suggestion.extent();
            Line::Quote {
                doc,
                kind: "quote",
                start: extent.start,
                end: extent.end,
                text: text(extent),
                cue: cue.map(span_text),
                speaker: speaker.as_ref().map(|s| SpeakerLine {
                    start: s.span.start,
                    end: s.span.end,
                    text: text(s.span),
                    resolved_by: s.resolved_by.clone(),
                    pronoun: s.pronoun.map(span_text),
                }),
                quote_kind: quote_kind.name(),
                score,
                recommender,
                rule,
            }
        }
        SuggestionKind::Event {
            trigger,
            event_type,
            arguments,
        } => Line::Event {
            doc,
            kind: "event",
            start: trigger.start,
            end: trigger.end,
            text: text(*trigger),
            label: event_type.clone(),
            arguments: arguments
                .iter()
                .map(|a| ArgumentLine {
                    role: a.role.clone(),
                    start: a.span.start,
                    end: a.span.end,
                    text: text(a.span),
                })
                .collect(),
            score,
            recommender,
            rule,
        },
    }
}
