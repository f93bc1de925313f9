//! Entities as token tags (CoNLL and Hugging Face), and token tags back into entities.
//!
//! Writing: token tags give each token at most one entity, so overlapping and nested entities cannot
//! all be held. The longest is kept (the earlier one when two are as long) and each other one is named
//! in the export report. Tokens are [`crate::model::tokens::tokens`] further split where a kept entity
//! starts or ends inside one (`Kosovo’s` with `Kosovo` tagged gives `Kosovo`, `’s`), so every kept
//! entity is written exactly. Sentences are [`crate::model::tokens::sentences`], joined where an entity
//! runs across a sentence end (a tag sequence never starts inside an entity).
//!
//! Reading: one lenient decoder for IOB1, IOB2 and BILOU (also IOBES's `E-` and `S-`): `B-` (and
//! `U-`, `S-`) always begins an entity, `I-` continues one of the same label or begins one,
//! `L-` and `E-` end one.

use super::export::{ExportReport, Issue, Selected, TagScheme};
use crate::model::tokens::{sentences, tokens};
use crate::model::{Annotation, CharSpan};

/// An entity as token tags hold it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tagged<'a> {
    pub span: CharSpan,
    pub label: &'a str,
}

/// A sentence: its tokens, in order, each with its tag.
pub(crate) type TaggedSentence = Vec<(CharSpan, String)>;

/// The entities of a layer that token tags can hold, sorted by start: trimmed of surrounding
/// whitespace, without overlaps. Reports what is left out or changed, counts quotes and events as
/// not held, and counts the entities written.
pub(crate) fn taggable<'a>(at: &Selected<'a>, report: &mut ExportReport) -> Vec<Tagged<'a>> {
    let mut candidates: Vec<(&'a Annotation, Tagged<'a>)> = Vec::new();
    for annotation in at.layer.iter() {
        let Annotation::Entity(entity) = annotation else {
            report.not_held(annotation.kind());
            continue;
        };
        if entity.is_discontinuous() {
            report.issue(at, annotation, entity.span, Issue::discontinuous(entity));
            continue;
        }
        let trimmed = trim(at, entity.span);
        match trimmed {
            None => report.issue(at, annotation, entity.span, Issue::NoToken),
            Some(span) => {
                if span != entity.span {
                    report.issue(at, annotation, entity.span, Issue::Trimmed { to: span });
                }
                candidates.push((
                    annotation,
                    Tagged {
                        span,
                        label: &entity.label,
                    },
                ));
            }
        }
    }
    // Longest first, then earliest: the outer of nested entities wins.
    candidates.sort_by_key(|(annotation, tagged)| {
        (
            std::cmp::Reverse(tagged.span.len()),
            tagged.span.start,
            annotation.id(),
        )
    });
    // Kept entities by start; they never overlap, so only the one starting last before a candidate's
    // end can overlap it.
    let mut kept: std::collections::BTreeMap<usize, Tagged<'a>> = std::collections::BTreeMap::new();
    for (annotation, tagged) in candidates {
        let blocking = kept
            .range(..tagged.span.end)
            .next_back()
            .map(|(_, k)| *k)
            .filter(|k| k.span.overlaps(tagged.span));
        match blocking {
            Some(k) => report.issue(
                at,
                annotation,
                tagged.span,
                Issue::Overlaps {
                    kept: k.span,
                    kept_label: k.label.to_owned(),
                },
            ),
            None => {
                report.annotations += 1;
                report.extras_not_held(annotation);
                kept.insert(tagged.span.start, tagged);
            }
        }
    }
    kept.into_values().collect()
}

/// `span` without leading and trailing whitespace; `None` when nothing else is left.
fn trim(at: &Selected<'_>, span: CharSpan) -> Option<CharSpan> {
    let text = at.document.text.slice(span)?;
    let leading = text.chars().take_while(|c| c.is_whitespace()).count();
    let trailing = text.chars().rev().take_while(|c| c.is_whitespace()).count();
    (leading < span.len()).then(|| CharSpan::new(span.start + leading, span.end - trailing))
}

/// The text's sentences as tagged tokens. `entities` must be sorted by start and must not overlap, as
/// [`taggable`] returns them. `cuts` (sorted by start, overlaps allowed) are the entities of every
/// layer of the document being written: tokens are split where any of them starts or ends, and
/// sentences joined where any runs across, so that every layer of a document has the same tokens
/// and sentences (and a reader that rebuilds the text from them gets the same text for each).
pub(crate) fn tag_sentences(
    text: &str,
    entities: &[Tagged<'_>],
    cuts: &[Tagged<'_>],
    scheme: TagScheme,
) -> Vec<TaggedSentence> {
    let tokens = split_at_entity_ends(tokens(text), cuts);
    let sentences = join_sentences_entities_cross(sentences(text), cuts);
    let mut out: Vec<TaggedSentence> = Vec::with_capacity(sentences.len());
    let mut token = 0;
    let mut entity = 0;
    for (i, sentence) in sentences.iter().enumerate() {
        // Every token lies inside a sentence; a stray one joins the sentence before it.
        let last = i + 1 == sentences.len();
        let mut tagged = Vec::new();
        while token < tokens.len() && (last || tokens[token].start < sentence.end) {
            let at = tokens[token];
            while entity < entities.len() && entities[entity].span.end <= at.start {
                entity += 1;
            }
            let tag = match entities.get(entity) {
                Some(e) if e.span.contains_span(at) => {
                    let first = at.start == e.span.start;
                    let end = at.end == e.span.end;
                    let prefix = match (scheme, first, end) {
                        (TagScheme::Iob2, true, _) | (TagScheme::Bilou, true, false) => "B",
                        (TagScheme::Bilou, true, true) => "U",
                        (TagScheme::Bilou, false, true) => "L",
                        _ => "I",
                    };
                    format!("{prefix}-{}", e.label)
                }
                _ => "O".to_owned(),
            };
            tagged.push((at, tag));
            token += 1;
        }
        if !tagged.is_empty() {
            out.push(tagged);
        }
    }
    out
}

/// Tokens split wherever an entity starts or ends strictly inside one.
fn split_at_entity_ends(tokens: Vec<CharSpan>, entities: &[Tagged<'_>]) -> Vec<CharSpan> {
    let mut cuts: Vec<usize> = entities
        .iter()
        .flat_map(|e| [e.span.start, e.span.end])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(tokens.len() + cuts.len());
    for token in tokens {
        let mut start = token.start;
        let first = cuts.partition_point(|&cut| cut <= token.start);
        for &cut in cuts[first..].iter().take_while(|&&cut| cut < token.end) {
            out.push(CharSpan::new(start, cut));
            start = cut;
        }
        out.push(CharSpan::new(start, token.end));
    }
    out
}

/// Sentences, with each pair that an entity runs across joined into one. `entities` are sorted by
/// start and may overlap.
fn join_sentences_entities_cross(
    sentences: Vec<CharSpan>,
    entities: &[Tagged<'_>],
) -> Vec<CharSpan> {
    // The furthest end among the entities starting before each index.
    let mut reach = Vec::with_capacity(entities.len() + 1);
    reach.push(0);
    for entity in entities {
        let last = reach.last().copied().unwrap_or(0);
        reach.push(last.max(entity.span.end));
    }
    let mut out: Vec<CharSpan> = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        if let Some(current) = out.last_mut() {
            let before = entities.partition_point(|e| e.span.start < current.end);
            let crosses = reach.get(before).is_some_and(|&end| end > sentence.start);
            if crosses {
                *current = current.union(sentence);
                continue;
            }
        }
        out.push(sentence);
    }
    out
}

/// The tagged sentences of each chosen (document, layer), in order: the layers of one document share
/// their tokens and sentences (see [`tag_sentences`]). Reports what each layer cannot hold.
pub(crate) fn tag_layers<'a>(
    chosen: &[Selected<'a>],
    scheme: TagScheme,
    report: &mut ExportReport,
) -> Vec<(Vec<Tagged<'a>>, Vec<TaggedSentence>)> {
    let mut out = Vec::with_capacity(chosen.len());
    let mut first = 0;
    while first < chosen.len() {
        let doc = &chosen[first].document.id;
        let end = chosen[first..]
            .iter()
            .position(|at| at.document.id != *doc)
            .map_or(chosen.len(), |n| first + n);
        let layers: Vec<Vec<Tagged<'a>>> = chosen[first..end]
            .iter()
            .map(|at| taggable(at, report))
            .collect();
        let mut cuts: Vec<Tagged<'a>> = layers.iter().flatten().copied().collect();
        cuts.sort_by_key(|t| (t.span.start, t.span.end));
        for (at, entities) in chosen[first..end].iter().zip(layers) {
            let text = at.document.text.as_str();
            let sentences = tag_sentences(text, &entities, &cuts, scheme);
            out.push((entities, sentences));
        }
        first = end;
    }
    out
}

/// An entity read from tags: tokens `start..end` (token indices, half-open) and its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DecodedEntity {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// The entities a sentence's tags mark. An error gives the index of the bad tag and what was expected.
pub(crate) fn decode<S: AsRef<str>>(tags: &[S]) -> Result<Vec<DecodedEntity>, (usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<DecodedEntity> = None;
    for (i, tag) in tags.iter().enumerate() {
        let tag = tag.as_ref();
        if tag == "O" {
            out.extend(open.take());
            continue;
        }
        let parsed = tag.split_once(['-', '_']).filter(|(prefix, label)| {
            !label.is_empty() && matches!(*prefix, "B" | "I" | "L" | "U" | "E" | "S")
        });
        let Some((prefix, label)) = parsed else {
            return Err((
                i,
                format!(
                    "expected a tag such as B-PER, I-PER, L-PER, U-PER or O, found {}",
                    super::error::excerpt(tag)
                ),
            ));
        };
        let continues = open.as_ref().is_some_and(|e| e.label == label);
        match prefix {
            "I" | "L" | "E" if continues => {
                if let Some(e) = open.as_mut() {
                    e.end = i + 1;
                }
            }
            _ => {
                out.extend(open.take());
                open = Some(DecodedEntity {
                    start: i,
                    end: i + 1,
                    label: label.to_owned(),
                });
            }
        }
        if matches!(prefix, "L" | "E" | "U" | "S") {
            out.extend(open.take());
        }
    }
    out.extend(open);
    Ok(out)
}

/// The text of tokens joined by single spaces, sentences by line breaks, and each token's char span
/// in it: how token formats are rebuilt into a document.
pub(crate) fn rebuild_text<T: AsRef<[S]>, S: AsRef<str>>(
    sentences: &[T],
) -> (String, Vec<Vec<CharSpan>>) {
    let mut text = String::new();
    let mut at = 0;
    let mut spans = Vec::with_capacity(sentences.len());
    for (i, sentence) in sentences.iter().enumerate() {
        if i > 0 {
            text.push('\n');
            at += 1;
        }
        let sentence = sentence.as_ref();
        let mut sentence_spans = Vec::with_capacity(sentence.len());
        for (j, token) in sentence.iter().enumerate() {
            if j > 0 {
                text.push(' ');
                at += 1;
            }
            let token = token.as_ref();
            let len = token.chars().count();
            text.push_str(token);
            sentence_spans.push(CharSpan::new(at, at + len));
            at += len;
        }
        spans.push(sentence_spans);
    }
    (text, spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagged(
        text: &str,
        entities: &[(usize, usize, &'static str)],
        scheme: TagScheme,
    ) -> Vec<Vec<String>> {
        let entities: Vec<Tagged<'_>> = entities
            .iter()
            .map(|&(s, e, label)| Tagged {
                span: CharSpan::new(s, e),
                label,
            })
            .collect();
        let chars: Vec<char> = text.chars().collect();
        tag_sentences(text, &entities, &entities, scheme)
            .into_iter()
            .map(|sentence| {
                sentence
                    .into_iter()
                    .map(|(span, tag)| {
                        format!(
                            "{} {tag}",
                            chars[span.start..span.end].iter().collect::<String>()
                        )
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn an_entity_inside_a_token_splits_the_token() {
        let lines = tagged("Kosovo’s Prime Minister", &[(0, 6, "GPE")], TagScheme::Iob2);
        assert_eq!(lines, [["Kosovo B-GPE", "’s O", "Prime O", "Minister O"]]);
    }

    #[test]
    fn bilou_marks_single_first_inside_and_last_tokens() {
        let text = "Albin Kurti met Josep Borrell Fontelles in Brussels.";
        let lines = tagged(
            text,
            &[(0, 11, "PER"), (16, 39, "PER"), (43, 51, "GPE")],
            TagScheme::Bilou,
        );
        assert_eq!(
            lines,
            [[
                "Albin B-PER",
                "Kurti L-PER",
                "met O",
                "Josep B-PER",
                "Borrell I-PER",
                "Fontelles L-PER",
                "in O",
                "Brussels U-GPE",
                ". O"
            ]]
        );
    }

    #[test]
    fn an_entity_across_a_sentence_end_joins_the_sentences() {
        let text = "He left. Mr Big came. Then rain.";
        // "left. Mr Big" runs across the first sentence end.
        let lines = tagged(text, &[(3, 15, "X")], TagScheme::Iob2);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0][1], "left B-X");
        assert_eq!(lines[0][4], "Big I-X");
    }

    #[test]
    fn decoding_reads_iob1_iob2_and_bilou() {
        let spans = |tags: &[&str]| {
            decode(tags)
                .unwrap()
                .into_iter()
                .map(|e| (e.start, e.end, e.label))
                .collect::<Vec<_>>()
        };
        let two = vec![(0, 2, "PER".to_owned()), (2, 3, "PER".to_owned())];
        assert_eq!(spans(&["B-PER", "I-PER", "B-PER", "O"]), two, "IOB2");
        assert_eq!(spans(&["I-PER", "I-PER", "B-PER", "O"]), two, "IOB1");
        assert_eq!(spans(&["B-PER", "L-PER", "U-PER", "O"]), two, "BILOU");
        assert_eq!(spans(&["B-PER", "E-PER", "S-PER", "O"]), two, "IOBES");
        assert_eq!(
            spans(&["I-PER", "I-LOC"]),
            [(0, 1, "PER".to_owned()), (1, 2, "LOC".to_owned())]
        );
    }

    #[test]
    fn a_bad_tag_is_named_with_its_position() {
        assert_eq!(
            decode(&["O", "PER"]),
            Err((
                1,
                "expected a tag such as B-PER, I-PER, L-PER, U-PER or O, found \"PER\"".to_owned()
            ))
        );
    }

    #[test]
    fn rebuilt_text_has_single_spaces_and_one_sentence_per_line() {
        let (text, spans) = rebuild_text(&[vec!["Вучић", "met"], vec!["🇽🇰", "."]]);
        assert_eq!(text, "Вучић met\n🇽🇰 .");
        assert_eq!(spans[1], [CharSpan::new(10, 12), CharSpan::new(13, 14)]);
    }
}
