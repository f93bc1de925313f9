//! `gloss sync`: shares the user's work through the project's git remote and brings in everyone
//! else's ([`crate::workbench::team::sync_project`], which the window's Sync button calls too).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::emit;
use crate::workbench::team::sync_project;

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  gloss sync team-project --as amira
  gloss sync team-project")]
pub struct SyncArgs {
    /// The project folder: the top folder of a git clone.
    pub dir: PathBuf,
    /// The annotator who syncs (their layer files are committed); default: the name that last
    /// synced this folder.
    #[arg(long = "as", value_name = "NAME")]
    pub annotator: Option<String>,
}

pub fn run(args: &SyncArgs) -> anyhow::Result<ExitCode> {
    let outcome = sync_project(&args.dir, args.annotator.as_deref())?;
    let mut out = String::new();
    for line in outcome.lines() {
        match line.strip_prefix("warning: ") {
            Some(warning) => eprintln!("warning: {warning}"),
            None => {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
