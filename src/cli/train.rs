//! `gloss train`: the training is [`crate::workbench::tasks::train_model`]'s; this file prints it.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use super::emit;
use crate::workbench::Hooks;
use crate::workbench::tasks::train_model::{TrainReport, TrainRequest, train_model};

#[derive(Debug, Args)]
#[command(after_long_help = "\
Examples:
  gloss train projects/kosovo-talks --layer gold --out projects/kosovo-talks/models/kosovo.model
  gloss train projects/kosovo-talks --layer amira --base news --out amira.model
  gloss train projects/kosovo-talks --layer gold --test my-project --out news.model

The last scores the model on my-project's gold layer instead of held-out documents of its own.
Then name the model in project.ron's settings: ner_model: Some(\"models/kosovo.model\")")]
pub struct TrainArgs {
    /// The project folder.
    pub dir: PathBuf,

    /// The layer to learn from (documents without annotations in it use gold).
    #[arg(long, value_name = "NAME")]
    pub layer: String,

    /// Continue from the model shipped with Gloss (only "news" exists).
    #[arg(long, value_name = "MODEL")]
    pub base: Option<String>,

    /// Where to write the model file.
    #[arg(long, value_name = "MODEL")]
    pub out: PathBuf,

    /// Score on this project's documents (same layer) instead of holding out every fifth document;
    /// the model then learns from every document of DIR.
    #[arg(long, value_name = "DIR")]
    pub test: Option<PathBuf>,

    /// Passes over the training sentences.
    #[arg(long, default_value_t = 8)]
    pub epochs: usize,

    /// Leave out features whose weights all stay below this (a smaller, faster model).
    #[arg(long, default_value_t = 0.0, value_name = "WEIGHT")]
    pub min_weight: f32,

    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &TrainArgs) -> anyhow::Result<ExitCode> {
    let request = TrainRequest {
        layer: args.layer.clone(),
        base: args.base.clone(),
        test: args.test.clone(),
        epochs: args.epochs,
        min_weight: args.min_weight,
    };
    let report = train_model(&args.dir, &request, &args.out, Hooks::none())?;
    if args.json {
        emit(&format!("{}\n", serde_json::to_string_pretty(&report)?))?;
    } else {
        emit(&table(&report))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn table(report: &TrainReport) -> String {
    let mut out = format!(
        "trained on {} document{} of layer {}{} in {:.1} s\n",
        report.train_documents,
        super::plural(report.train_documents),
        report.layer,
        report
            .base
            .as_deref()
            .map(|b| format!(", continuing from {b}"))
            .unwrap_or_default(),
        report.duration.as_secs_f64()
    );
    match &report.held_out {
        Some(scores) => {
            out.push_str(&format!(
                "held out: {} document{} (exact match)\n",
                report.test_documents,
                super::plural(report.test_documents)
            ));
            out.push_str(&format!(
                "{:<10} {:>9} {:>9} {:>9} {:>6}\n",
                "label", "precision", "recall", "F1", "gold"
            ));
            let rows = scores
                .labels
                .iter()
                .map(|(label, c)| (label.as_str(), c))
                .chain([("all", &scores.all)]);
            for (label, c) in rows {
                out.push_str(&format!(
                    "{label:<10} {:>9.3} {:>9.3} {:>9.3} {:>6}\n",
                    c.precision(),
                    c.recall(),
                    c.f1(),
                    c.gold()
                ));
            }
        }
        None => out.push_str("held out: none (a project of one document cannot be split)\n"),
    }
    out.push_str(&format!(
        "wrote {} ({} labels: {}; {} features; {} bytes)\n",
        report.out.display(),
        report.labels.len(),
        report.labels.join(", "),
        report.features,
        report.bytes
    ));
    out
}
