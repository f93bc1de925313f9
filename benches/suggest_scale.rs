//! How suggestions grow with a document's length (issue 16, "Linear everywhere"): the pipeline on
//! one long news-like document of 62,500, 250,000, 1,000,000 and 4,000,000 chars, in one piece (as
//! `suggest_with`; `gloss suggest` runs pieces of at most 1 Mi chars, which would hide a
//! quadratic pass below that size).
//!
//! The text is the sample article (names, quotes, dates, Cyrillic) repeated to the size. Two
//! pipelines: the baseline alone (what `gloss suggest --recommender baseline` runs) and every
//! standard recommender with the tagger trained on the sample (what the window runs), whose quote
//! and event recommenders read the baseline's mentions.
//!
//! Prints thread CPU time per size, the growth exponent fitted over the sizes (least squares on
//! log time against log size: 1 is linear, 2 quadratic) and a digest of the suggestions, so that
//! a change meant to be faster can be checked to suggest exactly the same.
//!
//! Targets: 1,000,000 chars ≤ 1 s, exponent ≤ 1.2.
//! `cargo bench --bench suggest_scale` (GLOSS_SCALE_SIZES=62500,250000 for fewer sizes; a size is
//! skipped once the one before took over 30 s).
#![allow(clippy::unwrap_used)]

use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::model::{DocId, Document, LayerName, Project};
use gloss::suggest::tagger::{TaggerModel, TrainingOptions};
use gloss::suggest::{Recommenders, TrainingSet, TrainingView, suggest_with};

#[cfg(unix)]
fn cpu_time() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

#[cfg(not(unix))]
fn cpu_time() -> Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

fn sample() -> Project {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kosovo-talks");
    gloss::storage::load(&dir).unwrap()
}

/// The sample's articles one after the other, repeated to `chars` chars.
fn long_document(sample: &Project, chars: usize) -> Document {
    let mut text = String::new();
    let mut len = 0;
    'fill: loop {
        for document in sample.documents() {
            for c in document.text.as_str().chars().chain("\n\n".chars()) {
                if len == chars {
                    break 'fill;
                }
                text.push(c);
                len += 1;
            }
        }
    }
    Document::from_raw(DocId::slug("long"), "Long", &text)
}

/// The growth exponent: the slope of log time against log size, least squares.
fn exponent(points: &[(f64, f64)]) -> f64 {
    let logs: Vec<(f64, f64)> = points.iter().map(|(x, y)| (x.ln(), y.ln())).collect();
    let n = logs.len() as f64;
    let mean_x = logs.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = logs.iter().map(|p| p.1).sum::<f64>() / n;
    let covariance: f64 = logs.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    let variance: f64 = logs.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    covariance / variance
}

fn sizes() -> Vec<usize> {
    std::env::var("GLOSS_SCALE_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![62_500, 250_000, 1_000_000, 4_000_000])
}

fn pipeline(name: &str, sample: &Project, recommenders: &Recommenders) {
    let training = TrainingView::of_layer(sample, &LayerName::new("amira").unwrap());
    let mut points = Vec::new();
    for chars in sizes() {
        if points.last().is_some_and(|&(_, secs)| secs > 30.0) {
            println!("{name}: {chars} chars skipped (the size before took over 30 s)");
            continue;
        }
        let document = long_document(sample, chars);
        let began = cpu_time();
        let suggestions = suggest_with(
            &document,
            &sample.schema,
            None,
            &training,
            recommenders,
            &[],
        );
        let secs = cpu_time().saturating_sub(began).as_secs_f64();
        let mut digest = std::hash::DefaultHasher::new();
        format!("{suggestions:?}").hash(&mut digest);
        println!(
            "{name}: {chars} chars: {:.3} s CPU, {} suggestions, digest {:016x}",
            secs,
            suggestions.len(),
            digest.finish()
        );
        points.push((chars as f64, secs));
    }
    if points.len() >= 2 {
        println!(
            "{name}: growth exponent {:.2} over {} sizes",
            exponent(&points),
            points.len()
        );
    }
}

fn suggest_scale(_c: &mut Criterion) {
    let sample = sample();
    let baseline = Recommenders::standard().only("baseline").unwrap();
    pipeline("baseline", &sample, &baseline);
    let mut all = Recommenders::standard();
    let set = TrainingSet::from_project(&sample, &LayerName::new("amira").unwrap());
    if let Some(model) = TaggerModel::train(&set, TrainingOptions::default(), &|| false) {
        all.install_tagger(Arc::new(model));
    }
    pipeline("all standard recommenders", &sample, &all);
}

criterion_group!(benches, suggest_scale);
criterion_main!(benches);
