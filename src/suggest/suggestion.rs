//! What a recommender proposes: an entity, a quote or an event that is not in the layer yet.
//!
//! Suggestions are derived data: never saved, never in the history. Accepting one turns it into
//! ordinary annotations (see [`super::accept`]).

use crate::model::{Annotation, AnnotationKind, CharSpan, Layer, QuoteKind, Rejection, Speaker};

/// One proposal of one recommender. Every span is in char offsets of the document's text, half-open.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub kind: SuggestionKind,
    /// How sure the recommender is, in `[0, 1]`; comparable within one recommender, roughly across.
    pub score: f32,
    /// The recommender's name (`baseline`, `string-matcher`, `tagger`, `quotes`, `events`, `external`).
    pub recommender: String,
    /// Which rule fired, for the analyst's hover text and for debugging (`title+name`,
    /// `gazetteer:country`, `direct:cue-after`, `lexicon`, …).
    pub rule: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SuggestionKind {
    Entity {
        span: CharSpan,
        label: String,
    },
    Quote {
        /// Sorted by start, non-empty.
        content: Vec<CharSpan>,
        cue: Option<CharSpan>,
        speaker: Option<SpeakerSuggestion>,
        quote_kind: QuoteKind,
    },
    Event {
        trigger: CharSpan,
        event_type: String,
        arguments: Vec<ArgumentSuggestion>,
    },
}

/// Who said a suggested quote: a named mention (for "he said", the earlier "Kurti" the pronoun
/// refers to).
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerSuggestion {
    /// The named mention.
    pub span: CharSpan,
    /// The mention's entity label (`PERSON`, `ORG`, …).
    pub label: String,
    /// How the speaker was found. From the quote rules (`suggest::quotes`): `adjacent` (the
    /// mention beside the cue), `appositive` ("Name, title, said"), `coordinated` (the subject of
    /// an earlier cue in the sentence), `participle` (the subject of the clause a "saying" or
    /// "adding" hangs from), `quoted-as` ("quoted Name as saying"), `possessor` ("Name's analysis
    /// concluded"), `introduction` (the sentence before a colon), `pronoun` (resolved from a
    /// pronoun beside the cue), `role-noun` ("the minister said"), `organisation` ("the ministry
    /// said"), `sentence-subject` (the person opening the sentence a quotation with no cue
    /// stands in), `name` (capitalised words in the subject's place that are no mention: the span
    /// is the name itself, which accepting the quote makes a mention). Otherwise: `layer` (an
    /// existing annotation) or an external recommender's name.
    pub resolved_by: String,
    /// The pronoun beside the cue, when the speaker was resolved from one.
    pub pronoun: Option<CharSpan>,
}

/// One role filled by an entity mention in a suggested event.
#[derive(Clone, Debug, PartialEq)]
pub struct ArgumentSuggestion {
    pub role: String,
    pub span: CharSpan,
    /// The filler mention's entity label.
    pub label: String,
}

/// What identifies a suggestion for de-duplication and for remembering rejections: its kind, its
/// primary span (mention, first content span, trigger) and its label (`QUOTE` for quotes).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SuggestionKey {
    pub kind: AnnotationKind,
    pub span: CharSpan,
    pub label: String,
}

impl SuggestionKey {
    /// How the layer remembers this suggestion once rejected.
    pub fn rejection(&self) -> Rejection {
        Rejection {
            kind: self.kind,
            span: self.span,
            label: self.label.clone(),
        }
    }
}

impl From<&Rejection> for SuggestionKey {
    fn from(r: &Rejection) -> Self {
        Self {
            kind: r.kind,
            span: r.span,
            label: r.label.clone(),
        }
    }
}

impl Suggestion {
    /// Moves every span `by` chars later: a suggestion made on a piece of a document, put back at
    /// the piece's place.
    pub fn shift(&mut self, by: usize) {
        let moved = |span: &mut CharSpan| *span = CharSpan::new(span.start + by, span.end + by);
        match &mut self.kind {
            SuggestionKind::Entity { span, .. } => moved(span),
            SuggestionKind::Quote {
                content,
                cue,
                speaker,
                ..
            } => {
                content.iter_mut().for_each(moved);
                cue.iter_mut().for_each(moved);
                if let Some(speaker) = speaker {
                    moved(&mut speaker.span);
                    speaker.pronoun.iter_mut().for_each(moved);
                }
            }
            SuggestionKind::Event {
                trigger, arguments, ..
            } => {
                moved(trigger);
                for argument in arguments {
                    moved(&mut argument.span);
                }
            }
        }
    }

    /// An entity suggestion.
    pub fn entity(span: CharSpan, label: &str, score: f32, recommender: &str, rule: &str) -> Self {
        Self {
            kind: SuggestionKind::Entity {
                span,
                label: label.to_owned(),
            },
            score,
            recommender: recommender.to_owned(),
            rule: rule.to_owned(),
        }
    }

    pub fn annotation_kind(&self) -> AnnotationKind {
        match self.kind {
            SuggestionKind::Entity { .. } => AnnotationKind::Entity,
            SuggestionKind::Quote { .. } => AnnotationKind::Quote,
            SuggestionKind::Event { .. } => AnnotationKind::Event,
        }
    }

    /// The entity label, the event type, or `QUOTE`.
    pub fn label(&self) -> &str {
        match &self.kind {
            SuggestionKind::Entity { label, .. } => label,
            SuggestionKind::Quote { .. } => "QUOTE",
            SuggestionKind::Event { event_type, .. } => event_type,
        }
    }

    /// The span that locates the suggestion: the mention, the first content span, or the trigger.
    pub fn primary_span(&self) -> CharSpan {
        match &self.kind {
            SuggestionKind::Entity { span, .. } => *span,
            SuggestionKind::Quote { content, .. } => content.first().copied().unwrap_or_default(),
            SuggestionKind::Event { trigger, .. } => *trigger,
        }
    }

    /// The span from the first to the last char the suggestion marks (content, cue and speaker for
    /// a quote; trigger only for an event).
    pub fn extent(&self) -> CharSpan {
        match &self.kind {
            SuggestionKind::Entity { span, .. } => *span,
            SuggestionKind::Quote { content, .. } => {
                let first = content.first().copied().unwrap_or_default();
                content.iter().fold(first, |all, span| all.union(*span))
            }
            SuggestionKind::Event { trigger, .. } => *trigger,
        }
    }

    pub fn key(&self) -> SuggestionKey {
        SuggestionKey {
            kind: self.annotation_kind(),
            span: self.primary_span(),
            label: self.label().to_owned(),
        }
    }

    /// Every span the suggestion covers, for drawing: mention; content, cue, speaker and pronoun;
    /// trigger and argument mentions.
    pub fn spans(&self) -> Vec<CharSpan> {
        match &self.kind {
            SuggestionKind::Entity { span, .. } => vec![*span],
            SuggestionKind::Quote {
                content,
                cue,
                speaker,
                ..
            } => {
                let mut spans = content.clone();
                spans.extend(*cue);
                if let Some(speaker) = speaker {
                    spans.push(speaker.span);
                    spans.extend(speaker.pronoun);
                }
                spans
            }
            SuggestionKind::Event {
                trigger, arguments, ..
            } => {
                let mut spans = vec![*trigger];
                spans.extend(arguments.iter().map(|a| a.span));
                spans
            }
        }
    }

    /// The annotation of a layer as a suggestion would state it, so that layers and recommenders can
    /// be scored the same way (`gloss eval --layer`). Links are resolved through `layer`; a link to a
    /// missing annotation is left out.
    pub fn from_annotation(layer: &Layer, annotation: &Annotation, source: &str) -> Self {
        let entity_of = |id| {
            layer
                .get(id)
                .and_then(Annotation::as_entity)
                .map(|e| (e.span, e.label.to_string()))
        };
        let kind = match annotation {
            Annotation::Entity(e) => SuggestionKind::Entity {
                span: e.span,
                label: e.label.to_string(),
            },
            Annotation::Quote(q) => SuggestionKind::Quote {
                content: q.content.clone(),
                cue: q.cue,
                speaker: match q.speaker {
                    Some(Speaker::Mention(id)) => {
                        entity_of(id).map(|(span, label)| SpeakerSuggestion {
                            span,
                            label,
                            resolved_by: "layer".to_owned(),
                            pronoun: None,
                        })
                    }
                    Some(Speaker::Span(span)) => Some(SpeakerSuggestion {
                        span,
                        label: String::new(),
                        resolved_by: "layer".to_owned(),
                        pronoun: None,
                    }),
                    None => None,
                },
                quote_kind: q.kind,
            },
            Annotation::Event(e) => SuggestionKind::Event {
                trigger: e.trigger,
                event_type: e.event_type.to_string(),
                arguments: e
                    .arguments
                    .iter()
                    .filter_map(|a| {
                        entity_of(a.filler).map(|(span, label)| ArgumentSuggestion {
                            role: a.role.to_string(),
                            span,
                            label,
                        })
                    })
                    .collect(),
            },
        };
        Self {
            kind,
            score: 1.0,
            recommender: source.to_owned(),
            rule: "layer".to_owned(),
        }
    }
}
