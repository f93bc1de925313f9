//! `gloss events`: what happened, [`crate::workbench::tasks::events`]'s table as CSV or JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use clap::builder::PossibleValuesParser;
use serde::Serialize;

use super::emit;
use crate::workbench::tasks::events::{EventRow, TimelinePoint, csv, events_dir};

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  gloss events projects/kosovo-talks
  gloss events projects/kosovo-talks --layer amira --format json")]
pub struct EventsArgs {
    /// The project folder.
    pub dir: PathBuf,

    /// csv (a header row `type,participant,entity,roles,events,documents,dates`, then one row per
    /// event type and participant; the default) or json (the rows and the timeline: events per
    /// document date and type).
    #[arg(long, value_name = "FORMAT", default_value = "csv",
          value_parser = PossibleValuesParser::new(["csv", "json"]))]
    pub format: String,

    /// The layer whose events are counted (an annotator's name, or gold).
    #[arg(long, value_name = "NAME", default_value = "gold")]
    pub layer: String,
}

#[derive(Serialize)]
struct Json<'a> {
    rows: &'a [EventRow],
    timeline: &'a [TimelinePoint],
}

pub fn run(args: &EventsArgs) -> anyhow::Result<ExitCode> {
    let (rows, timeline) = events_dir(&args.dir, &args.layer)?;
    if args.format == "json" {
        let json = Json {
            rows: &rows,
            timeline: &timeline,
        };
        emit(&format!("{}\n", serde_json::to_string_pretty(&json)?))?;
    } else {
        emit(&csv(&rows))?;
    }
    Ok(ExitCode::SUCCESS)
}
