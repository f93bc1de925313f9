//! Counting what two layers of one document share: mentions (exact and overlapping), quotes,
//! cues, speakers, event triggers, types and arguments. Counts add up over documents and pairs of
//! layers into the micro-averaged figures of the report.

use rustc_hash::FxHashMap;

use crate::model::{Annotation, CharSpan, Layer};

use super::measures::grow;
use super::signature::{SpeakerSignature, speaker_signature};
use crate::model::matching::{
    SpanMatch, exact_pairs, greedy, match_labelled, match_multi_span, overlapping_pairs,
};

/// Entity labels as dense codes; code 0 is `O`, the label of text no mention covers.
#[derive(Clone, Debug)]
pub(crate) struct Labels {
    names: Vec<String>,
    index: FxHashMap<String, u32>,
}

impl Labels {
    pub(crate) fn new() -> Self {
        let mut labels = Self {
            names: Vec::new(),
            index: FxHashMap::default(),
        };
        labels.code(super::token_labels::OUTSIDE);
        labels
    }

    pub(crate) fn code(&mut self, name: &str) -> u32 {
        if let Some(code) = self.known(name) {
            return code;
        }
        let code = self.names.len() as u32;
        self.names.push(name.to_owned());
        self.index.insert(name.to_owned(), code);
        code
    }

    /// `name`'s code, if it has one yet.
    pub(crate) fn known(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    /// Gives each entity label of `layer` a code, in the order [`LayerView::new`] meets them: codes
    /// handed out before documents are counted in parallel are the codes one thread would give.
    pub(crate) fn learn(&mut self, layer: &Layer) {
        for annotation in layer.iter() {
            if let Annotation::Entity(entity) = annotation {
                self.code(&entity.label);
            }
        }
    }

    pub(crate) fn name(&self, code: u32) -> &str {
        self.names.get(code as usize).map_or("?", String::as_str)
    }

    /// Every code but `O`'s.
    pub(crate) fn entity_codes(&self) -> std::ops::Range<u32> {
        1..self.names.len() as u32
    }
}

/// One layer of one document, reduced to what agreement compares.
#[derive(Clone, Debug, Default)]
pub(crate) struct LayerView {
    pub(crate) mentions: Vec<(CharSpan, u32)>,
    pub(crate) quotes: Vec<QuoteView>,
    pub(crate) events: Vec<EventView>,
}

#[derive(Clone, Debug)]
pub(crate) struct QuoteView {
    content: Vec<CharSpan>,
    cue: Option<CharSpan>,
    speaker: Option<SpeakerSignature>,
}

#[derive(Clone, Debug)]
pub(crate) struct EventView {
    trigger: CharSpan,
    event_type: String,
    /// (role, filler span); fillers the layer lacks are left out.
    arguments: Vec<(String, CharSpan)>,
}

impl LayerView {
    /// `layer`'s view; its entity labels must have codes already ([`Labels::learn`]).
    pub(crate) fn new(layer: &Layer, labels: &Labels) -> Self {
        let lookup = |id| layer.get(id);
        let mut view = Self::default();
        for annotation in layer.iter() {
            match annotation {
                Annotation::Entity(entity) => view.mentions.push((
                    entity.span,
                    labels.known(&entity.label).unwrap_or_else(|| {
                        debug_assert!(false, "{} was not learnt", entity.label);
                        0
                    }),
                )),
                Annotation::Quote(quote) => view.quotes.push(QuoteView {
                    content: quote.content.clone(),
                    cue: quote.cue,
                    speaker: speaker_signature(quote.speaker.as_ref(), &lookup),
                }),
                Annotation::Event(event) => view.events.push(EventView {
                    trigger: event.trigger,
                    event_type: event.event_type.to_string(),
                    arguments: event
                        .arguments
                        .iter()
                        .filter_map(|a| {
                            Some((a.role.to_string(), layer.get(a.filler)?.primary_span()))
                        })
                        .collect(),
                }),
            }
        }
        view
    }
}

/// Mention counts of one label: in a, in b, matched exactly, matched by overlap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct SpanCount {
    pub(crate) a: u64,
    pub(crate) b: u64,
    pub(crate) exact: u64,
    pub(crate) overlap: u64,
}

impl SpanCount {
    fn add(&mut self, other: &SpanCount) {
        self.a += other.a;
        self.b += other.b;
        self.exact += other.exact;
        self.overlap += other.overlap;
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct QuoteCount {
    pub(crate) a: u64,
    pub(crate) b: u64,
    pub(crate) matched: u64,
    pub(crate) same_speaker: u64,
    pub(crate) cues_a: u64,
    pub(crate) cues_b: u64,
    pub(crate) cues_matched: u64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct EventCount {
    pub(crate) a: u64,
    pub(crate) b: u64,
    pub(crate) matched: u64,
    pub(crate) same_type: u64,
    /// Arguments of matched events, on both sides.
    pub(crate) arguments: u64,
    pub(crate) arguments_matched: u64,
}

/// What two layers share, summed over documents.
#[derive(Clone, Debug, Default)]
pub(crate) struct Counts {
    /// By label code.
    pub(crate) spans: Vec<SpanCount>,
    pub(crate) quotes: QuoteCount,
    pub(crate) events: EventCount,
}

impl Counts {
    pub(crate) fn add(&mut self, other: &Counts) {
        for (code, count) in other.spans.iter().enumerate() {
            grow(&mut self.spans, code as u32).add(count);
        }
        let (q, o) = (&mut self.quotes, &other.quotes);
        q.a += o.a;
        q.b += o.b;
        q.matched += o.matched;
        q.same_speaker += o.same_speaker;
        q.cues_a += o.cues_a;
        q.cues_b += o.cues_b;
        q.cues_matched += o.cues_matched;
        let (e, o) = (&mut self.events, &other.events);
        e.a += o.a;
        e.b += o.b;
        e.matched += o.matched;
        e.same_type += o.same_type;
        e.arguments += o.arguments;
        e.arguments_matched += o.arguments_matched;
    }

    /// All labels together.
    pub(crate) fn spans_total(&self) -> SpanCount {
        let mut total = SpanCount::default();
        for count in &self.spans {
            total.add(count);
        }
        total
    }
}

/// Counts what layers `a` and `b` of one document share, and pushes the label confusions of their
/// mentions (overlapping with different labels, or unmatched against `O`) onto `confusions`.
pub(crate) fn compare(a: &LayerView, b: &LayerView, confusions: &mut Vec<(u32, u32)>) -> Counts {
    let mut counts = Counts::default();
    compare_mentions(a, b, &mut counts, confusions);
    compare_quotes(a, b, &mut counts.quotes);
    compare_events(a, b, &mut counts.events);
    counts
}

fn compare_mentions(
    a: &LayerView,
    b: &LayerView,
    counts: &mut Counts,
    confusions: &mut Vec<(u32, u32)>,
) {
    for (_, code) in &a.mentions {
        grow(&mut counts.spans, *code).a += 1;
    }
    for (_, code) in &b.mentions {
        grow(&mut counts.spans, *code).b += 1;
    }
    for (i, _) in match_labelled(&a.mentions, &b.mentions, SpanMatch::Exact) {
        grow(&mut counts.spans, a.mentions[i].1).exact += 1;
    }
    let spans_a: Vec<CharSpan> = a.mentions.iter().map(|m| m.0).collect();
    let spans_b: Vec<CharSpan> = b.mentions.iter().map(|m| m.0).collect();
    let (mut taken_a, mut taken_b) = (vec![false; spans_a.len()], vec![false; spans_b.len()]);
    for (i, j) in match_labelled(&a.mentions, &b.mentions, SpanMatch::Overlap) {
        grow(&mut counts.spans, a.mentions[i].1).overlap += 1;
        taken_a[i] = true;
        taken_b[j] = true;
    }
    // What is left and overlaps is a confusion between labels.
    let pairs = overlapping_pairs(&spans_a, &spans_b);
    let other_label = pairs.iter().map(|&(i, j, shared)| (shared, i, j)).collect();
    for (i, j) in greedy(other_label, &mut taken_a, &mut taken_b) {
        confusions.push((a.mentions[i].1, b.mentions[j].1));
    }
    let outside = 0;
    confusions.extend(
        taken_a
            .iter()
            .zip(&a.mentions)
            .filter(|(t, _)| !**t)
            .map(|(_, m)| (m.1, outside)),
    );
    confusions.extend(
        taken_b
            .iter()
            .zip(&b.mentions)
            .filter(|(t, _)| !**t)
            .map(|(_, m)| (outside, m.1)),
    );
}

fn compare_quotes(a: &LayerView, b: &LayerView, counts: &mut QuoteCount) {
    counts.a = a.quotes.len() as u64;
    counts.b = b.quotes.len() as u64;
    let content = |quotes: &[QuoteView]| -> Vec<Vec<CharSpan>> {
        quotes.iter().map(|q| q.content.clone()).collect()
    };
    let pairs = match_multi_span(&content(&a.quotes), &content(&b.quotes), SpanMatch::Overlap);
    for (i, j) in pairs {
        counts.matched += 1;
        if a.quotes[i].speaker == b.quotes[j].speaker {
            counts.same_speaker += 1;
        }
    }
    let cues_a: Vec<CharSpan> = a.quotes.iter().filter_map(|q| q.cue).collect();
    let cues_b: Vec<CharSpan> = b.quotes.iter().filter_map(|q| q.cue).collect();
    counts.cues_a = cues_a.len() as u64;
    counts.cues_b = cues_b.len() as u64;
    let candidates = overlapping_pairs(&cues_a, &cues_b)
        .into_iter()
        .map(|(i, j, shared)| (shared, i, j))
        .collect();
    let (mut taken_a, mut taken_b) = (vec![false; cues_a.len()], vec![false; cues_b.len()]);
    counts.cues_matched = greedy(candidates, &mut taken_a, &mut taken_b).len() as u64;
}

fn compare_events(a: &LayerView, b: &LayerView, counts: &mut EventCount) {
    counts.a = a.events.len() as u64;
    counts.b = b.events.len() as u64;
    let triggers_a: Vec<CharSpan> = a.events.iter().map(|e| e.trigger).collect();
    let triggers_b: Vec<CharSpan> = b.events.iter().map(|e| e.trigger).collect();
    let candidates = overlapping_pairs(&triggers_a, &triggers_b)
        .into_iter()
        .map(|(i, j, shared)| {
            (
                (a.events[i].event_type == b.events[j].event_type, shared),
                i,
                j,
            )
        })
        .collect();
    let (mut taken_a, mut taken_b) = (vec![false; a.events.len()], vec![false; b.events.len()]);
    for (i, j) in greedy(candidates, &mut taken_a, &mut taken_b) {
        let (ea, eb) = (&a.events[i], &b.events[j]);
        counts.matched += 1;
        if ea.event_type == eb.event_type {
            counts.same_type += 1;
        }
        counts.arguments += (ea.arguments.len() + eb.arguments.len()) as u64;
        counts.arguments_matched += exact_pairs(&ea.arguments, &eb.arguments).len() as u64;
    }
}

pub(crate) use crate::model::matching::f1;

/// `part / whole`; `None` when `whole` is zero.
pub(crate) fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}
