//! `gloss meta`: a document's details (title, outlet, authors, published, language, source URL),
//! printed, or changed and saved: the same check and the same edit as the window's Document
//! details ([`crate::workbench::document_details`]).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::emit;
use crate::workbench::{DetailsChange, document_details};

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  gloss meta projects/kosovo-talks kosovo-serbia-brussels-talks
  gloss meta projects/kosovo-talks kosovo-serbia-brussels-talks --published 2022-10-27
  gloss meta projects/kosovo-talks kosovo-serbia-brussels-talks --authors \"Jane Doe\"
  gloss meta projects/kosovo-talks kosovo-serbia-brussels-talks --outlet \"\"   (clears it)")]
pub struct MetaArgs {
    /// The project folder.
    pub dir: PathBuf,
    /// The document's id (`gloss stats` lists them).
    pub doc: String,
    #[arg(long)]
    pub title: Option<String>,
    /// The site or paper, e.g. "TRT World".
    #[arg(long)]
    pub outlet: Option<String>,
    /// The authors, comma-separated as the source gives them.
    #[arg(long)]
    pub authors: Option<String>,
    /// RFC 3339: a date (2022-10-27) or a date and time with offset (2022-10-27T10:00:00Z).
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// A language tag such as en, sr-Latn or sq.
    #[arg(long, value_name = "TAG")]
    pub language: Option<String>,
    /// Where the article was found.
    #[arg(long)]
    pub url: Option<String>,
}

pub fn run(args: &MetaArgs) -> anyhow::Result<ExitCode> {
    let change = DetailsChange {
        title: args.title.clone(),
        outlet: args.outlet.clone(),
        authors: args.authors.clone(),
        published: args.published.clone(),
        language: args.language.clone(),
        url: args.url.clone(),
    };
    let (info, changed) = document_details(&args.dir, &args.doc, &change)?;
    let meta = &info.meta;
    let mut out = String::new();
    for (name, value) in [
        ("title", Some(&info.title)),
        ("outlet", meta.outlet.as_ref()),
        ("authors", meta.author.as_ref()),
        ("published", meta.published.as_ref()),
        ("language", meta.language.as_ref()),
        ("url", meta.url.as_ref()),
        ("retrieved", meta.retrieved.as_ref()),
    ] {
        out.push_str(&format!("{name}: {}\n", value.map_or("", String::as_str)));
    }
    if changed {
        out.push_str(&format!(
            "saved the details of {} in {}\n",
            args.doc,
            args.dir.display()
        ));
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
