//! Computing the agreement report over a project: one pass over the documents, counting per pair of
//! layers and over all layers, then reading every figure off the counts.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::model::tokens::tokens;
use crate::model::{CharSpan, Document, LayerKey, LayerName, Project};

use super::compare::{Counts, Labels, LayerView, compare, f1, share};
use super::measures::{CodingTally, Confusion as TokenConfusion, grow};
use super::report::{
    AgreementOptions, AgreementReport, Confusion, Diagnostics, EventFigures, Figures, MIN_ITEMS,
    PairReport, QuoteFigures, TOP_CONFUSIONS,
};
use super::token_labels::label_tokens;
use super::unitizing::UnitizingTally;

/// Agreement among the selected layers of the selected documents (see [`AgreementReport`] for what
/// each figure covers and [`mod@super::token_labels`] for the tokenisation rule).
pub fn agreement(project: &Project, options: &AgreementOptions) -> AgreementReport {
    agreement_with_tokens(project, options, &|document| {
        Arc::from(tokens(document.text.as_str()))
    })
}

/// [`agreement`], with each document's tokens from `tokens_of` (the window keeps them between
/// runs: a document's text never changes, so neither do its tokens).
pub fn agreement_with_tokens(
    project: &Project,
    options: &AgreementOptions,
    tokens_of: &TokensOf<'_>,
) -> AgreementReport {
    let mut tally = AgreementTally::new(selected_layers(project, options));
    tally.add_all(project, &selected_documents(project, options), tokens_of);
    tally.report()
}

/// Where a document's tokens come from; called from several threads at once.
pub type TokensOf<'a> = dyn Fn(&Document) -> Arc<[CharSpan]> + Sync + 'a;

/// The counts of an agreement report, added to a document at a time: a project too large to hold
/// is measured a batch of documents at a time (`gloss agree` on a streamed project, or on several
/// projects as one corpus), with the same figures as [`agreement`] over the whole.
pub struct AgreementTally {
    layers: Vec<LayerName>,
    pairs: Vec<(usize, usize)>,
    labels: Labels,
    counts: Counting,
}

impl AgreementTally {
    /// Nothing counted yet, between `layers` (in this order, without repeats).
    pub fn new(layers: Vec<LayerName>) -> Self {
        let m = layers.len();
        let pairs: Vec<(usize, usize)> = (0..m)
            .flat_map(|i| (i + 1..m).map(move |j| (i, j)))
            .collect();
        Self {
            counts: Counting::new(m, pairs.len()),
            pairs,
            labels: Labels::new(),
            layers,
        }
    }

    /// Counts `document` of `project` in: its layers among the chosen ones, when two or more of
    /// them have it annotated.
    pub fn add(&mut self, project: &Project, document: &Document, tokens_of: &TokensOf<'_>) {
        self.add_all(project, &[document], tokens_of);
    }

    /// Counts `documents` of `project` in, as [`AgreementTally::add`] one after the other would,
    /// on every core: label codes are handed out first, in document order, then each thread counts
    /// a run of documents and the runs' counts (all sums) are added up in order.
    pub fn add_all(
        &mut self,
        project: &Project,
        documents: &[&Document],
        tokens_of: &TokensOf<'_>,
    ) {
        for document in documents {
            for name in &self.layers {
                if let Some(layer) =
                    project.layer(&LayerKey::new(document.id.clone(), name.clone()))
                {
                    self.labels.learn(layer);
                }
            }
        }
        let (m, pairs) = (self.layers.len(), self.pairs.len());
        let context = Context {
            layers: &self.layers,
            pairs: &self.pairs,
            labels: &self.labels,
            project,
            tokens_of,
        };
        let counted = documents
            .par_iter()
            .fold(
                || Counting::new(m, pairs),
                |mut counts, document| {
                    counts.add(&context, document);
                    counts
                },
            )
            .reduce(
                || Counting::new(m, pairs),
                |mut left, right| {
                    left.merge(right);
                    left
                },
            );
        self.counts.merge(counted);
    }

    /// The figures, read off the counts.
    pub fn report(self) -> AgreementReport {
        let Self {
            layers,
            pairs,
            labels,
            counts,
        } = self;
        let Counting {
            pair_tallies,
            overall,
            coding,
            unitizing,
            overall_documents,
            compared_documents,
            tokens,
            quotes,
            events,
            mentions,
            confusions,
        } = counts;
        let m = layers.len();
        // Sorted, so that summing over the labels happens in the same order every run (the overall α_u
        // must not change in its last digits between runs).
        let unitized: BTreeMap<u32, _> = unitizing.finish().into_iter().collect();
        let figures = |code: Option<u32>| -> Figures {
            let spans = match code {
                Some(code) => overall
                    .spans
                    .get(code as usize)
                    .copied()
                    .unwrap_or_default(),
                None => overall.spans_total(),
            };
            let first_pair = pair_tallies.first().filter(|_| m == 2);
            Figures {
                span_f1_exact: f1(spans.exact, spans.a, spans.b),
                span_f1_overlap: f1(spans.overlap, spans.a, spans.b),
                cohen_kappa: first_pair.and_then(|p| match code {
                    Some(code) => p.tokens.kappa_for(code),
                    None => p.tokens.kappa(),
                }),
                fleiss_kappa: (m >= 3)
                    .then(|| match code {
                        Some(code) => coding.fleiss_kappa_for(code),
                        None => coding.fleiss_kappa(),
                    })
                    .flatten(),
                krippendorff_alpha_nominal: match code {
                    Some(code) => coding.alpha_for(code),
                    None => coding.alpha(),
                },
                krippendorff_alpha_unitizing: match code {
                    Some(code) => unitized.get(&code).and_then(|d| d.alpha()),
                    None => alpha_over(unitized.values()),
                },
            }
        };
        let per_label: BTreeMap<String, Figures> = labels
            .entity_codes()
            .map(|code| (labels.name(code).to_owned(), figures(Some(code))))
            .collect();

        let by_layer = |counts: &[Option<usize>]| -> BTreeMap<String, usize> {
            layers
                .iter()
                .zip(counts)
                .filter_map(|(layer, n)| Some((layer.to_string(), (*n)?)))
                .collect()
        };
        let mut diagnostics = Diagnostics {
            compared_documents,
            tokens,
            quotes: by_layer(&quotes),
            events: by_layer(&events),
            ..Diagnostics::default()
        };
        diagnostics.mentions = labels
            .entity_codes()
            .map(|code| {
                let row = mentions.get(code as usize).cloned().unwrap_or_default();
                let by_layer = layers
                    .iter()
                    .enumerate()
                    .map(|(i, layer)| (layer.to_string(), row.get(i).copied().unwrap_or(0)))
                    .collect();
                (labels.name(code).to_owned(), by_layer)
            })
            .collect();
        diagnostics.too_few_items = diagnostics
            .mentions
            .iter()
            .filter(|(_, by_layer)| by_layer.values().all(|&n| n < MIN_ITEMS))
            .map(|(label, _)| label.clone())
            .collect();
        diagnostics.confusions = top_confusions(&confusions, &labels);

        AgreementReport {
            layers: layers.iter().map(ToString::to_string).collect(),
            documents: overall_documents,
            overall: figures(None),
            per_label,
            quotes: quote_figures(&overall),
            events: event_figures(&overall),
            pairs: pairs
                .iter()
                .zip(&pair_tallies)
                .map(|(&(i, j), tally)| tally.report(&layers[i], &layers[j]))
                .collect(),
            diagnostics,
        }
    }
}

/// What every thread counting documents reads and nobody changes.
struct Context<'a> {
    layers: &'a [LayerName],
    pairs: &'a [(usize, usize)],
    labels: &'a Labels,
    project: &'a Project,
    tokens_of: &'a TokensOf<'a>,
}

/// Everything an agreement report is read off, as sums by label code: counts of documents counted
/// apart add up ([`Counting::merge`]) to the counts of the documents counted one after another.
struct Counting {
    pair_tallies: Vec<PairTally>,
    overall: Counts,
    coding: CodingTally,
    unitizing: UnitizingTally,
    overall_documents: usize,
    compared_documents: usize,
    tokens: usize,
    /// By layer: quotes and events in the compared documents (`None` while the layer was in none).
    quotes: Vec<Option<usize>>,
    events: Vec<Option<usize>>,
    /// `[code][layer]`: mentions of each label in each layer.
    mentions: Vec<Vec<usize>>,
    /// How often each pair of labels was confused.
    confusions: FxHashMap<(u32, u32), usize>,
}

impl Counting {
    /// Nothing counted, between `layers` layers and their `pairs` pairs.
    fn new(layers: usize, pairs: usize) -> Self {
        Self {
            pair_tallies: (0..pairs).map(|_| PairTally::new()).collect(),
            overall: Counts::default(),
            coding: CodingTally::new(layers),
            unitizing: UnitizingTally::new(layers),
            overall_documents: 0,
            compared_documents: 0,
            tokens: 0,
            quotes: vec![None; layers],
            events: vec![None; layers],
            mentions: Vec::new(),
            confusions: FxHashMap::default(),
        }
    }

    /// Counts one document in.
    fn add(&mut self, context: &Context, document: &Document) {
        let m = context.layers.len();
        let views: Vec<Option<LayerView>> = context
            .layers
            .iter()
            .map(|name| {
                let key = LayerKey::new(document.id.clone(), name.clone());
                context
                    .project
                    .layer(&key)
                    .map(|layer| LayerView::new(layer, context.labels))
            })
            .collect();
        let present = views.iter().filter(|v| v.is_some()).count();
        if present < 2 {
            return;
        }
        self.compared_documents += 1;
        for (index, view) in views.iter().enumerate() {
            let Some(view) = view else { continue };
            for (_, code) in &view.mentions {
                let row = grow(&mut self.mentions, *code);
                row.resize(m, 0);
                row[index] += 1;
            }
            *self.quotes[index].get_or_insert(0) += view.quotes.len();
            *self.events[index].get_or_insert(0) += view.events.len();
        }

        let text_tokens = (context.tokens_of)(document);
        let token_labels: Vec<Option<Vec<u32>>> = views
            .iter()
            .map(|view| {
                view.as_ref()
                    .map(|v| label_tokens(&text_tokens, &v.mentions, 0))
            })
            .collect();
        let length = document.text.char_len();
        let everyone = present == m;
        if everyone {
            self.overall_documents += 1;
            self.tokens += text_tokens.len();
            let all: Vec<&Vec<u32>> = token_labels.iter().flatten().collect();
            let mut unit = vec![0; m];
            for t in 0..text_tokens.len() {
                for (slot, labels) in unit.iter_mut().zip(&all) {
                    *slot = labels[t];
                }
                self.coding.add_unit(&unit);
            }
            let spans: Vec<&[_]> = views
                .iter()
                .flatten()
                .map(|v| v.mentions.as_slice())
                .collect();
            self.unitizing.add_document(length, &spans);
        }
        let mut confusions = Vec::new();
        for (&(i, j), tally) in context.pairs.iter().zip(&mut self.pair_tallies) {
            let (Some(a), Some(b)) = (&views[i], &views[j]) else {
                continue;
            };
            let (Some(labels_a), Some(labels_b)) = (&token_labels[i], &token_labels[j]) else {
                continue;
            };
            let counts = compare(a, b, &mut confusions);
            if everyone {
                self.overall.add(&counts);
            }
            tally.add_document(
                &counts,
                labels_a,
                labels_b,
                length,
                [&a.mentions, &b.mentions],
            );
        }
        for pair in confusions {
            *self.confusions.entry(pair).or_default() += 1;
        }
    }

    /// Adds `other`, counted over the documents that come after these.
    fn merge(&mut self, other: Counting) {
        for (mine, theirs) in self.pair_tallies.iter_mut().zip(other.pair_tallies) {
            mine.merge(theirs);
        }
        self.overall.add(&other.overall);
        self.coding.merge(&other.coding);
        self.unitizing.merge(other.unitizing);
        self.overall_documents += other.overall_documents;
        self.compared_documents += other.compared_documents;
        self.tokens += other.tokens;
        for (mine, theirs) in self
            .quotes
            .iter_mut()
            .zip(other.quotes)
            .chain(self.events.iter_mut().zip(other.events))
        {
            if let Some(n) = theirs {
                *mine.get_or_insert(0) += n;
            }
        }
        for (code, row) in other.mentions.into_iter().enumerate() {
            let mine = grow(&mut self.mentions, code as u32);
            mine.resize(row.len().max(mine.len()), 0);
            for (sum, n) in mine.iter_mut().zip(row) {
                *sum += n;
            }
        }
        for (pair, n) in other.confusions {
            *self.confusions.entry(pair).or_default() += n;
        }
    }
}

/// The layers to compare: as asked (without repeats), or every layer but gold.
fn selected_layers(project: &Project, options: &AgreementOptions) -> Vec<LayerName> {
    match &options.layers {
        Some(asked) => {
            let mut layers: Vec<LayerName> = Vec::new();
            for layer in asked {
                if !layers.contains(layer) {
                    layers.push(layer.clone());
                }
            }
            layers
        }
        None => project
            .layer_names()
            .into_iter()
            .filter(|l| !l.is_gold())
            .collect(),
    }
}

/// The documents to compare, in project order when not asked for, else in the order asked.
fn selected_documents<'p>(project: &'p Project, options: &AgreementOptions) -> Vec<&'p Document> {
    match &options.docs {
        Some(asked) => {
            let mut documents: Vec<&Document> = Vec::new();
            for id in asked {
                if let Some(document) = project.document(id)
                    && !documents.iter().any(|d| d.id == *id)
                {
                    documents.push(document);
                }
            }
            documents
        }
        None => project.documents().iter().collect(),
    }
}

/// Counts for one pair of layers over the documents both have annotated.
struct PairTally {
    documents: usize,
    counts: Counts,
    tokens: TokenConfusion,
    coding: CodingTally,
    unitizing: UnitizingTally,
}

impl PairTally {
    fn new() -> Self {
        Self {
            documents: 0,
            counts: Counts::default(),
            tokens: TokenConfusion::default(),
            coding: CodingTally::new(2),
            unitizing: UnitizingTally::new(2),
        }
    }

    fn add_document(
        &mut self,
        counts: &Counts,
        labels_a: &[u32],
        labels_b: &[u32],
        length: usize,
        mentions: [&[(crate::model::CharSpan, u32)]; 2],
    ) {
        self.documents += 1;
        self.counts.add(counts);
        for (&x, &y) in labels_a.iter().zip(labels_b) {
            self.tokens.add(x, y);
            self.coding.add_unit(&[x, y]);
        }
        self.unitizing.add_document(length, &mentions);
    }

    /// Adds `other`, counted over the documents that come after these.
    fn merge(&mut self, other: PairTally) {
        self.documents += other.documents;
        self.counts.add(&other.counts);
        self.tokens.merge(&other.tokens);
        self.coding.merge(&other.coding);
        self.unitizing.merge(other.unitizing);
    }

    fn report(&self, a: &LayerName, b: &LayerName) -> PairReport {
        let spans = self.counts.spans_total();
        let unitized = self.unitizing.finish();
        PairReport {
            a: a.to_string(),
            b: b.to_string(),
            documents: self.documents,
            span_precision_exact: share(spans.exact, spans.b),
            span_recall_exact: share(spans.exact, spans.a),
            span_f1_exact: f1(spans.exact, spans.a, spans.b),
            span_precision_overlap: share(spans.overlap, spans.b),
            span_recall_overlap: share(spans.overlap, spans.a),
            span_f1_overlap: f1(spans.overlap, spans.a, spans.b),
            cohen_kappa: self.tokens.kappa(),
            krippendorff_alpha_nominal: self.coding.alpha(),
            krippendorff_alpha_unitizing: alpha_over(unitized.iter().map(|(_, d)| d)),
            quotes: quote_figures(&self.counts),
            events: event_figures(&self.counts),
        }
    }
}

/// `1 − Σ_c D_o(c) / Σ_c D_e(c)`.
fn alpha_over<'a>(
    categories: impl Iterator<Item = &'a super::unitizing::CategoryDisagreement>,
) -> Option<f64> {
    let (observed, expected) =
        categories.fold((0.0, 0.0), |(o, e), d| (o + d.observed, e + d.expected));
    (expected != 0.0).then(|| 1.0 - observed / expected)
}

fn quote_figures(counts: &Counts) -> QuoteFigures {
    let q = &counts.quotes;
    QuoteFigures {
        content_f1: f1(q.matched, q.a, q.b),
        speaker_agreement: share(q.same_speaker, q.matched),
        cue_f1: f1(q.cues_matched, q.cues_a, q.cues_b),
    }
}

fn event_figures(counts: &Counts) -> EventFigures {
    let e = &counts.events;
    EventFigures {
        trigger_f1: f1(e.matched, e.a, e.b),
        type_agreement: share(e.same_type, e.matched),
        // `arguments` counts both sides' arguments already.
        argument_f1: f1(e.arguments_matched, e.arguments, 0),
    }
}

/// The most frequent label confusions, labels of each sorted, most frequent first.
fn top_confusions(confusions: &FxHashMap<(u32, u32), usize>, labels: &Labels) -> Vec<Confusion> {
    let mut counts: HashMap<[&str; 2], usize> = HashMap::new();
    for (&(x, y), &n) in confusions {
        let (x, y) = (labels.name(x), labels.name(y));
        let key = if x <= y { [x, y] } else { [y, x] };
        *counts.entry(key).or_default() += n;
    }
    let mut list: Vec<Confusion> = counts
        .into_iter()
        .map(|(labels, count)| Confusion {
            labels: labels.map(str::to_owned),
            count,
        })
        .collect();
    list.sort_by(|x, y| y.count.cmp(&x.count).then(x.labels.cmp(&y.labels)));
    list.truncate(TOP_CONFUSIONS);
    list
}
