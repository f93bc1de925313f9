//! Calibrated entity scores: a monotone map from the baseline's raw score to the share of such
//! suggestions that were right on annotated text the model was not trained on.
//!
//! The shipped news model's table (`assets/models/news.calibration.tsv`) is fitted on GUM dev by
//! `cargo run --release --example entity_calibration` (isotonic regression, pool-adjacent-violators,
//! one curve per group of suggestions), which also prints the reliability table on the held-out GUM
//! test split; both are in `assets/models/MODEL-CARD.md`. A project's own model (`ner_model`) has no
//! table: its scores stay the model's confidences.
//!
//! The table is text, one step a line: `group <TAB> raw score from <TAB> probability`, where a group
//! is `LABEL` or `LABEL/RULE-FAMILY` (the rule's name up to its first `:` or `+`), or `*` for what no
//! other group covers; `#` starts a comment. A raw score takes the probability of the last step of
//! its group whose bound it reaches (the first step's below every bound).

use std::sync::OnceLock;

/// The labels the calibration data judges (the news model's); other labels (the rules' DATE and
/// NORP) keep their raw scores.
pub const CALIBRATED_LABELS: [&str; 4] = ["PERSON", "ORG", "GPE", "LOC"];

/// One group's steps, sorted by raw score.
#[derive(Clone, Debug, PartialEq)]
struct Curve {
    group: String,
    /// `(raw score from, probability)`, bounds increasing, probabilities not decreasing.
    steps: Vec<(f32, f32)>,
}

/// A calibration table: curves per group of suggestions.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Calibration {
    curves: Vec<Curve>,
}

/// What goes wrong reading a table: the line (1-based) and what was expected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("calibration table, line {line}: {expected}")]
pub struct CalibrationError {
    pub line: usize,
    pub expected: String,
}

/// The rule family of a rule name: up to its first `:` or `+` (`news-model:lone-word` →
/// `news-model`, `title+name` → `title`).
pub fn rule_family(rule: &str) -> &str {
    rule.split([':', '+']).next().unwrap_or(rule)
}

impl Calibration {
    /// Reads a table (see the module's documentation for the format).
    pub fn parse(text: &str) -> Result<Self, CalibrationError> {
        let mut curves: Vec<Curve> = Vec::new();
        for (i, raw_line) in text.lines().enumerate() {
            let line = raw_line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            let error = |expected: &str| CalibrationError {
                line: i + 1,
                expected: expected.to_owned(),
            };
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [group, from, probability] = fields[..] else {
                return Err(error(
                    "three tab-separated fields: group, raw score from, probability",
                ));
            };
            let number = |field: &str, what: &str| -> Result<f32, CalibrationError> {
                field
                    .parse::<f32>()
                    .ok()
                    .filter(|v| (0.0..=1.0).contains(v))
                    .ok_or_else(|| error(&format!("{what} between 0 and 1, found {field:?}")))
            };
            let from = number(from, "a raw score")?;
            let probability = number(probability, "a probability")?;
            let curve = match curves.iter_mut().find(|c| c.group == group) {
                Some(curve) => curve,
                None => {
                    curves.push(Curve {
                        group: group.to_owned(),
                        steps: Vec::new(),
                    });
                    let last = curves.len() - 1;
                    &mut curves[last]
                }
            };
            if let Some(&(last_from, last_probability)) = curve.steps.last() {
                if from <= last_from {
                    return Err(error("raw score bounds increasing within a group"));
                }
                if probability < last_probability {
                    return Err(error(
                        "probabilities that do not decrease as the raw score rises",
                    ));
                }
            }
            curve.steps.push((from, probability));
        }
        Ok(Self { curves })
    }

    /// Writes the table back in the format [`Calibration::parse`] reads.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for curve in &self.curves {
            for (from, probability) in &curve.steps {
                out.push_str(&format!("{}\t{from:.4}\t{probability:.4}\n", curve.group));
            }
        }
        out
    }

    /// A table from fitted curves: `(group, steps)`.
    pub fn from_curves(curves: Vec<(String, Vec<(f32, f32)>)>) -> Self {
        Self {
            curves: curves
                .into_iter()
                .map(|(group, steps)| Curve { group, steps })
                .collect(),
        }
    }

    /// The probability that a suggestion of `label` found by `rule` with raw score `raw` is right;
    /// `None` when no group covers it or the label is not one of [`CALIBRATED_LABELS`] (the raw
    /// score then stands).
    pub fn probability(&self, label: &str, rule: &str, raw: f32) -> Option<f32> {
        if !CALIBRATED_LABELS.contains(&label) {
            return None;
        }
        let specific = format!("{label}/{}", rule_family(rule));
        let curve = [specific.as_str(), label, "*"]
            .into_iter()
            .find_map(|group| self.curves.iter().find(|c| c.group == group))?;
        let first = curve.steps.first()?.1;
        Some(
            curve
                .steps
                .iter()
                .take_while(|(from, _)| *from <= raw)
                .last()
                .map_or(first, |(_, p)| *p),
        )
    }

    /// Whether the table has no curve at all.
    pub fn is_empty(&self) -> bool {
        self.curves.is_empty()
    }
}

/// Fits a monotone step curve to `(raw score, right)` observations: isotonic regression by
/// pool-adjacent-violators on the observed shares, then each block's probability add-one smoothed,
/// `(right + 1) / (n + 2)`, so that a small block is not read as certainty, and blocks pooled again
/// wherever the smoothing broke the order. Returns `(raw score from, probability)` steps.
pub fn fit_isotonic(observations: &[(f32, bool)]) -> Vec<(f32, f32)> {
    /// (first raw score, n, right)
    type Block = (f32, f64, f64);
    fn pool(blocks: Vec<Block>, share: impl Fn(Block) -> f64) -> Vec<Block> {
        let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
        for block in blocks {
            out.push(block);
            while out.len() >= 2 {
                let n = out.len();
                let (a, b) = (out[n - 2], out[n - 1]);
                if share(a) < share(b) {
                    break;
                }
                out[n - 2] = (a.0, a.1 + b.1, a.2 + b.2);
                out.pop();
            }
        }
        out
    }
    let mut sorted: Vec<(f32, bool)> = observations.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    // Equal raw scores always share a block.
    let mut blocks: Vec<Block> = Vec::new();
    for (raw, right) in sorted {
        let hit = f64::from(u8::from(right));
        match blocks.last_mut() {
            Some(last) if last.0 == raw => {
                last.1 += 1.0;
                last.2 += hit;
            }
            _ => blocks.push((raw, 1.0, hit)),
        }
    }
    let observed = pool(blocks, |(_, n, right)| right / n);
    let smoothed = pool(observed, |(_, n, right)| (right + 1.0) / (n + 2.0));
    smoothed
        .into_iter()
        .map(|(from, n, right)| (from, ((right + 1.0) / (n + 2.0)) as f32))
        .collect()
}

/// The shipped news model's table; empty when the asset is unreadable (a unit test keeps it
/// readable).
pub fn news_calibration() -> &'static Calibration {
    static TABLE: OnceLock<Calibration> = OnceLock::new();
    TABLE.get_or_init(|| {
        Calibration::parse(include_str!("../../assets/models/news.calibration.tsv"))
            .unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_reads_and_covers_the_news_model_labels() {
        let table = Calibration::parse(include_str!("../../assets/models/news.calibration.tsv"))
            .expect("the shipped calibration table reads");
        for label in ["PERSON", "ORG", "GPE", "LOC"] {
            assert!(
                table.probability(label, "news-model", 0.9).is_some(),
                "{label} has no curve"
            );
        }
    }

    #[test]
    fn a_higher_raw_score_never_gets_a_lower_probability() {
        let table = news_calibration();
        for label in ["PERSON", "ORG", "GPE", "LOC"] {
            for rule in [
                "news-model",
                "news-model:lone-word",
                "gazetteer:country",
                "title+name",
            ] {
                let mut last = 0.0;
                for step in 0..=100 {
                    let p = table
                        .probability(label, rule, step as f32 / 100.0)
                        .unwrap_or(last);
                    assert!(p >= last, "{label} {rule}: {p} after {last}");
                    last = p;
                }
            }
        }
    }

    #[test]
    fn a_raw_score_takes_its_steps_probability_and_below_every_step_the_first() {
        let table = Calibration::parse("ORG\t0.5\t0.4\nORG\t0.8\t0.7\n*\t0\t0.2\n").unwrap();
        assert_eq!(table.probability("ORG", "news-model", 0.3), Some(0.4));
        assert_eq!(table.probability("ORG", "news-model", 0.5), Some(0.4));
        assert_eq!(table.probability("ORG", "news-model", 0.79), Some(0.4));
        assert_eq!(table.probability("ORG", "news-model", 0.95), Some(0.7));
        assert_eq!(table.probability("GPE", "news-model", 0.95), Some(0.2));
        assert_eq!(
            table.probability("DATE", "date", 0.95),
            None,
            "DATE is not judged"
        );
    }

    #[test]
    fn a_group_for_the_rule_family_comes_before_the_label_and_the_label_before_the_rest() {
        let table =
            Calibration::parse("PERSON/title\t0\t0.9\nPERSON\t0\t0.6\n*\t0\t0.1\n# a comment\n\n")
                .unwrap();
        assert_eq!(table.probability("PERSON", "title+name", 0.5), Some(0.9));
        assert_eq!(table.probability("PERSON", "news-model", 0.5), Some(0.6));
        assert_eq!(table.probability("LOC", "news-model", 0.5), Some(0.1));
        assert_eq!(
            Calibration::default().probability("LOC", "news-model", 0.5),
            None
        );
    }

    #[test]
    fn a_bad_table_is_refused_naming_the_line_and_what_was_expected() {
        let error = Calibration::parse("ORG\t0.5\t0.4\nORG\t0.4\t0.7\n").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(error.expected.contains("increasing"), "{error}");
        let error = Calibration::parse("ORG\t0.5\t0.8\nORG\t0.6\t0.7\n").unwrap_err();
        assert!(error.expected.contains("do not decrease"), "{error}");
        let error = Calibration::parse("ORG 0.5 0.8\n").unwrap_err();
        assert!(error.expected.contains("three tab-separated"), "{error}");
        let error = Calibration::parse("ORG\t0.5\t1.8\n").unwrap_err();
        assert!(error.to_string().contains("line 1"), "{error}");
        assert!(
            error.expected.contains("probability between 0 and 1"),
            "{error}"
        );
    }

    #[test]
    fn isotonic_fit_pools_violators_and_smooths_each_block() {
        // 0.2: 1 of 2 right, 0.5: 0 of 2 (violates, pooled with 0.2), 0.9: 3 of 3.
        let observations = [
            (0.2, true),
            (0.2, false),
            (0.5, false),
            (0.5, false),
            (0.9, true),
            (0.9, true),
            (0.9, true),
        ];
        let steps = fit_isotonic(&observations);
        assert_eq!(steps.len(), 2, "{steps:?}");
        assert_eq!(steps[0].0, 0.2);
        assert!((steps[0].1 - 2.0 / 6.0).abs() < 1e-6, "{steps:?}");
        assert_eq!(steps[1].0, 0.9);
        assert!((steps[1].1 - 4.0 / 5.0).abs() < 1e-6, "{steps:?}");
        let table = Calibration::from_curves(vec![("*".to_owned(), steps)]);
        let text = table.to_text();
        assert_eq!(Calibration::parse(&text).unwrap().to_text(), text);
    }
}
