//! `gloss assign`: the curator names who annotates which documents, evenly and with a fixed
//! overlap for agreement ([`crate::workbench::team::assign`]).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::emit;
use crate::workbench::team::{AssignRequest, assign};

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  gloss assign team-project --annotators amira,bruno,chen --per-doc 2 --seed 7
  gloss assign team-project --annotators amira,bruno --per-doc 1 --docs \"article-*\"
  gloss assign team-project --curators carla")]
pub struct AssignArgs {
    /// The project folder.
    pub dir: PathBuf,
    /// Who annotates, comma-separated.
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    pub annotators: Vec<String>,
    /// How many annotators each document gets: 2 or more gives the overlap agreement is measured
    /// on.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub per_doc: usize,
    /// Only documents whose id matches this glob (* and ?); the others keep their assignment.
    #[arg(long, value_name = "GLOB")]
    pub docs: Option<String>,
    /// Shuffle the documents first; the same seed gives the same assignment.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// Name the project's curators (comma-separated): who may change project.ron and gold.
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    pub curators: Option<Vec<String>>,
}

pub fn run(args: &AssignArgs) -> anyhow::Result<ExitCode> {
    let request = AssignRequest {
        annotators: args.annotators.clone(),
        per_doc: args.per_doc,
        docs: args.docs.clone(),
        seed: args.seed,
        curators: args.curators.clone(),
    };
    let assigned = assign(&args.dir, &request)?;
    let mut out = String::new();
    for (doc, names) in &assigned.assignments {
        out.push_str(&format!("{doc}: {}\n", names.join(", ")));
    }
    for (name, count) in &assigned.load {
        let noun = if *count == 1 { "document" } else { "documents" };
        out.push_str(&format!("{name}: {count} {noun}\n"));
    }
    if !assigned.curators.is_empty() {
        out.push_str(&format!("curators: {}\n", assigned.curators.join(", ")));
    }
    out.push_str(&format!(
        "saved {}\n",
        args.dir.join("project.ron").display()
    ));
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
