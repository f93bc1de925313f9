//! Fits the shipped news model's score calibration (`assets/models/news.calibration.tsv`) on a
//! development split and reports how well calibrated the scores are on a held-out split.
//!
//! ```text
//! python3 scripts/news_model/convert.py --gum GUM_CHECKOUT --out /tmp/nerdata
//! cargo run --release --example entity_calibration -- /tmp/nerdata/gum-dev.jsonl \
//!     /tmp/nerdata/gum-test.jsonl [--write assets/models/news.calibration.tsv]
//! ```
//!
//! Both files are `convert.py` output (`{"text", "spans": [{"start", "end", "label"}]}`). Only
//! suggestions of the labels the gold has (PERSON, ORG, GPE, LOC) are judged, by exact match. The
//! grouping of the curves (one for all, one per label, or one per label and rule family) is chosen
//! on the development split alone, by leave-one-document-out Brier score; the held-out split is only
//! ever scored.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::collections::{BTreeMap, BTreeSet, HashSet};

use gloss::model::{DocId, Document};
use gloss::suggest::baseline::Baseline;
use gloss::suggest::calibration::{Calibration, fit_isotonic, rule_family};
use gloss::suggest::{Recommenders, SuggestionKind, TrainingView, suggest_with};

/// One judged suggestion.
#[derive(Clone, Debug)]
struct Judged {
    doc: usize,
    label: String,
    rule: String,
    raw: f32,
    right: bool,
}

fn judge(path: &str) -> Vec<Judged> {
    let schema = gloss::storage::presets::preset("news").expect("the news preset");
    let mut recommenders = Recommenders::new();
    recommenders.push(Box::new(Baseline::uncalibrated()));
    let training = TrainingView::default();
    let mut out = Vec::new();
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    for (i, line) in text.lines().enumerate() {
        let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        let text = value["text"].as_str().expect("a text");
        let mut gold = HashSet::new();
        let mut labels = BTreeSet::new();
        for span in value["spans"].as_array().into_iter().flatten() {
            let label = span["label"].as_str().unwrap_or_default().to_owned();
            labels.insert(label.clone());
            gold.insert((
                span["start"].as_u64().unwrap_or_default() as usize,
                span["end"].as_u64().unwrap_or_default() as usize,
                label,
            ));
        }
        let document = Document::from_raw(DocId::slug(&format!("d{i}")), "d", text);
        for suggestion in suggest_with(&document, &schema, None, &training, &recommenders, &[]) {
            let SuggestionKind::Entity { span, label } = &suggestion.kind else {
                continue;
            };
            if !["PERSON", "ORG", "GPE", "LOC"].contains(&label.as_str()) {
                continue;
            }
            out.push(Judged {
                doc: i,
                label: label.clone(),
                rule: suggestion.rule.clone(),
                raw: suggestion.score,
                right: gold.contains(&(span.start, span.end, label.clone())),
            });
        }
    }
    out
}

/// How suggestions are grouped into curves.
#[derive(Clone, Copy, Debug)]
enum Grouping {
    All,
    Label,
    LabelAndRule,
}

/// Groups with fewer development suggestions than this fall back to the label's curve.
const MIN_GROUP: usize = 40;

fn fit(judged: &[Judged], grouping: Grouping) -> Calibration {
    let mut groups: BTreeMap<String, Vec<(f32, bool)>> = BTreeMap::new();
    for j in judged {
        let observation = (j.raw, j.right);
        groups.entry("*".to_owned()).or_default().push(observation);
        if !matches!(grouping, Grouping::All) {
            groups.entry(j.label.clone()).or_default().push(observation);
        }
        if matches!(grouping, Grouping::LabelAndRule) {
            let key = format!("{}/{}", j.label, rule_family(&j.rule));
            groups.entry(key).or_default().push(observation);
        }
    }
    let curves = groups
        .into_iter()
        .filter(|(group, observations)| !group.contains('/') || observations.len() >= MIN_GROUP)
        .map(|(group, observations)| (group, fit_isotonic(&observations)))
        .collect();
    Calibration::from_curves(curves)
}

fn brier(table: &Calibration, judged: &[Judged]) -> f64 {
    let total: f64 = judged
        .iter()
        .map(|j| {
            let p = f64::from(table.probability(&j.label, &j.rule, j.raw).unwrap_or(j.raw));
            let y = f64::from(u8::from(j.right));
            (p - y) * (p - y)
        })
        .sum();
    total / judged.len().max(1) as f64
}

/// Leave one document out: fit on the others, score the one left out.
fn cross_validated_brier(judged: &[Judged], grouping: Grouping) -> f64 {
    let docs: BTreeSet<usize> = judged.iter().map(|j| j.doc).collect();
    let mut total = 0.0;
    for doc in &docs {
        let train: Vec<Judged> = judged.iter().filter(|j| j.doc != *doc).cloned().collect();
        let held: Vec<Judged> = judged.iter().filter(|j| j.doc == *doc).cloned().collect();
        total += brier(&fit(&train, grouping), &held) * held.len() as f64;
    }
    total / judged.len().max(1) as f64
}

fn reliability(name: &str, table: Option<&Calibration>, judged: &[Judged]) {
    let score = |j: &Judged| {
        table
            .and_then(|t| t.probability(&j.label, &j.rule, j.raw))
            .unwrap_or(j.raw)
    };
    println!("\n{name}: score band -> suggested, observed share right, mean score");
    println!("| score band | suggested | right | mean score |");
    println!("|---|---:|---:|---:|");
    let bands = [0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
    for pair in bands.windows(2) {
        let in_band: Vec<&Judged> = judged
            .iter()
            .filter(|j| (pair[0]..pair[1]).contains(&score(j)))
            .collect();
        if in_band.is_empty() {
            continue;
        }
        let right = in_band.iter().filter(|j| j.right).count() as f64 / in_band.len() as f64;
        let mean = in_band.iter().map(|j| f64::from(score(j))).sum::<f64>() / in_band.len() as f64;
        println!(
            "| {:.1}–{:.1} | {} | {right:.3} | {mean:.3} |",
            pair[0],
            pair[1].min(1.0),
            in_band.len()
        );
    }
    println!("\n{name}: precision and kept suggestions at each minimum score");
    println!("| min score | kept | precision |");
    println!("|---:|---:|---:|");
    for min in [0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9] {
        let kept: Vec<&Judged> = judged.iter().filter(|j| score(j) >= min).collect();
        let right = kept.iter().filter(|j| j.right).count();
        println!(
            "| {min:.1} | {} | {:.3} |",
            kept.len(),
            right as f64 / kept.len().max(1) as f64
        );
    }
    if let Some(table) = table {
        println!("{name}: Brier score {:.4}", brier(table, judged));
    } else {
        let none = Calibration::default();
        println!("{name}: Brier score {:.4}", brier(&none, judged));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dev, test, rest @ ..] = args.as_slice() else {
        eprintln!("usage: entity_calibration DEV.jsonl HELD_OUT.jsonl [--write TABLE.tsv]");
        std::process::exit(2);
    };
    let dev_judged = judge(dev);
    let test_judged = judge(test);
    println!(
        "development: {} suggestions, {} right; held out: {} suggestions, {} right",
        dev_judged.len(),
        dev_judged.iter().filter(|j| j.right).count(),
        test_judged.len(),
        test_judged.iter().filter(|j| j.right).count()
    );
    let mut best = (f64::INFINITY, Grouping::All);
    for grouping in [Grouping::All, Grouping::Label, Grouping::LabelAndRule] {
        let score = cross_validated_brier(&dev_judged, grouping);
        println!("development, leave one document out: {grouping:?} Brier {score:.4}");
        if score < best.0 {
            best = (score, grouping);
        }
    }
    println!("chosen on development: {:?}", best.1);
    let table = fit(&dev_judged, best.1);
    reliability("development, raw scores", None, &dev_judged);
    reliability("held out, raw scores", None, &test_judged);
    reliability("held out, calibrated", Some(&table), &test_judged);
    if let Some(path) = rest.iter().skip_while(|a| *a != "--write").nth(1) {
        let header = format!(
            "# Calibration of the shipped news model's entity scores (src/suggest/calibration.rs).\n\
             # Fitted on {} by `cargo run --release --example entity_calibration`: isotonic\n\
             # regression, grouping {:?} (chosen on the development split). group, raw from, probability\n",
            std::path::Path::new(dev)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            best.1
        );
        std::fs::write(path, header + &table.to_text()).expect("write the table");
        println!("wrote {path}");
    }
}
