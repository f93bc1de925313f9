//! `gloss quotes`: who said what, [`crate::workbench::tasks::quotes`]'s table as CSV or JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use clap::builder::PossibleValuesParser;

use super::emit;
use crate::workbench::tasks::quotes::{QuotesBy, csv, quotes_dir};

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  gloss quotes projects/kosovo-talks
  gloss quotes projects/kosovo-talks --by outlet --format json
  gloss quotes projects/kosovo-talks --layer amira --by document")]
pub struct QuotesArgs {
    /// The project folder.
    pub dir: PathBuf,

    /// One row per speaker (the default), per outlet or per document.
    #[arg(long, value_name = "BY", default_value = "speaker",
          value_parser = PossibleValuesParser::new(QuotesBy::NAMES))]
    pub by: String,

    /// csv (a header row, then one row each; the default) or json (an array of rows).
    #[arg(long, value_name = "FORMAT", default_value = "csv",
          value_parser = PossibleValuesParser::new(["csv", "json"]))]
    pub format: String,

    /// The layer whose quotes are counted (an annotator's name, or gold).
    #[arg(long, value_name = "NAME", default_value = "gold")]
    pub layer: String,
}

pub fn run(args: &QuotesArgs) -> anyhow::Result<ExitCode> {
    let by = QuotesBy::parse(&args.by).unwrap_or(QuotesBy::Speaker);
    let rows = quotes_dir(&args.dir, &args.layer, by)?;
    if args.format == "json" {
        emit(&format!("{}\n", serde_json::to_string_pretty(&rows)?))?;
    } else {
        emit(&csv(&rows, by))?;
    }
    Ok(ExitCode::SUCCESS)
}
