//! The centre: the find bar when open, then the article with the current layer's annotations as marks.

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Color32, Key, Modifiers, RichText, Ui};

use crate::model::{Annotation, AnnotationId, DocId, Layer, Schema, Speaker};
use crate::workbench::{Action, Command, Workbench};

use super::article::{ArticleEvent, ArticleInput, ArticleView, Link, Mark, MarkKind};
use super::colors;
use super::keys;
use super::view::{Outbox, UiAction, View};

/// The marks of the current layer, rebuilt only when the document or the workbench revision changes.
#[derive(Default)]
pub struct MarkCache {
    key: Option<(DocId, u64)>,
    marks: Vec<Mark>,
    /// Every link of the layer (quote → speaker mention, event → argument filler); the ones touching
    /// the selected annotation are handed to the view.
    links: Vec<Link>,
    /// The links of the selected annotation, and for which annotation they were picked.
    selected: Option<AnnotationId>,
    selected_links: Vec<Link>,
    /// The suggestions' marks, appended to the layer's.
    suggestions: super::suggestions::SuggestionMarks,
}

impl MarkCache {
    /// Brings the cache up to date with the workbench. O(annotations) when something changed,
    /// O(links) when only the selection changed, else free.
    pub fn refresh(&mut self, wb: &Workbench) {
        let Some(doc) = wb.current_doc() else {
            *self = Self::default();
            return;
        };
        let key = (doc.id.clone(), wb.revision());
        let suggested = self.suggestions.refresh(wb);
        if self.key.as_ref() != Some(&key) || suggested {
            let (marks, links) = match wb.current_layer() {
                Some(layer) => build(&wb.project().schema, layer),
                None => (Vec::new(), Vec::new()),
            };
            self.marks = marks;
            self.marks.extend_from_slice(self.suggestions.marks());
            self.links = links;
            self.key = Some(key);
            self.selected = None;
            self.selected_links.clear();
        }
        let selected = wb.selection().annotation;
        if self.selected != selected || (selected.is_none() && !self.selected_links.is_empty()) {
            self.selected = selected;
            self.selected_links = match selected {
                Some(id) => self
                    .links
                    .iter()
                    .filter(|l| l.from == id || l.to == id)
                    .cloned()
                    .collect(),
                None => Vec::new(),
            };
        }
    }

    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// The revision the marks were built for, as the view's `marks_revision`.
    fn revision(&self) -> u64 {
        self.key.as_ref().map_or(0, |(_, revision)| *revision) + self.suggestions.stamp()
    }
}

/// Colour and shared tag of every label, looked up by a scan of a short list: far cheaper per mark
/// than hashing the label, which matters when a layer of 30,000 annotations is rebuilt after an edit.
struct Styles {
    entities: Vec<(String, Color32, Arc<str>)>,
    events: Vec<(String, Color32, Arc<str>)>,
    /// Tags met that the schema does not define (roles, unknown labels), made once each.
    others: HashMap<String, Arc<str>>,
}

impl Styles {
    fn new(schema: &Schema) -> Self {
        let style = |name: &str, color| (name.to_owned(), colors::color32(color), Arc::from(name));
        Self {
            entities: schema
                .entity_labels
                .iter()
                .map(|l| style(&l.name, l.color))
                .collect(),
            events: schema
                .event_types
                .iter()
                .map(|t| style(&t.name, t.color))
                .collect(),
            others: HashMap::new(),
        }
    }

    fn find(list: &[(String, Color32, Arc<str>)], name: &str) -> Option<(Color32, Arc<str>)> {
        list.iter()
            .find(|(n, _, _)| n == name)
            .map(|(_, color, tag)| (*color, Arc::clone(tag)))
    }

    fn other(&mut self, text: &str) -> Arc<str> {
        if let Some(shared) = self.others.get(text) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(text);
        self.others.insert(text.to_owned(), Arc::clone(&shared));
        shared
    }

    fn entity(&mut self, label: &str) -> (Color32, Arc<str>) {
        Self::find(&self.entities, label).unwrap_or_else(|| (Color32::GRAY, self.other(label)))
    }

    fn event(&mut self, event_type: &str) -> (Color32, Arc<str>) {
        Self::find(&self.events, event_type)
            .unwrap_or_else(|| (Color32::GRAY, self.other(event_type)))
    }
}

/// One mark per span of every annotation, and one link per speaker mention or argument.
fn build(schema: &Schema, layer: &Layer) -> (Vec<Mark>, Vec<Link>) {
    let mut styles = Styles::new(schema);
    let quote_color = colors::color32(schema.quotes.color);
    let (quote_tag, no_tag, cue_tag, speaker_tag) = (
        styles.other("QUOTE"),
        styles.other(""),
        styles.other("cue"),
        styles.other("speaker"),
    );
    let mut marks = Vec::with_capacity(layer.len() + layer.len() / 4);
    let mut links = Vec::new();
    for annotation in layer.iter() {
        let annotation_id = annotation.id();
        let mark = |span, kind, color, tag| Mark {
            span,
            annotation: annotation_id,
            kind,
            color,
            tag,
        };
        match annotation {
            Annotation::Entity(entity) => {
                let (color, tag) = styles.entity(&entity.label);
                marks.push(mark(entity.span, MarkKind::Entity, color, tag));
                // The further parts of a discontinuous mention: same colour, no second tag.
                for part in &entity.details().parts {
                    marks.push(mark(*part, MarkKind::Entity, color, Arc::clone(&no_tag)));
                }
            }
            Annotation::Quote(quote) => {
                for (i, span) in quote.content.iter().enumerate() {
                    let tag = if i == 0 { &quote_tag } else { &no_tag };
                    marks.push(mark(
                        *span,
                        MarkKind::QuoteContent,
                        quote_color,
                        Arc::clone(tag),
                    ));
                }
                if let Some(cue) = quote.cue {
                    marks.push(mark(
                        cue,
                        MarkKind::QuoteCue,
                        quote_color,
                        Arc::clone(&cue_tag),
                    ));
                }
                match &quote.speaker {
                    Some(Speaker::Span(span)) => marks.push(mark(
                        *span,
                        MarkKind::QuoteSpeaker,
                        quote_color,
                        Arc::clone(&speaker_tag),
                    )),
                    Some(Speaker::Mention(mention)) => links.push(Link {
                        from: annotation_id,
                        to: *mention,
                        role: Arc::clone(&speaker_tag),
                    }),
                    None => {}
                }
            }
            Annotation::Event(event) => {
                let (color, tag) = styles.event(&event.event_type);
                marks.push(mark(event.trigger, MarkKind::Trigger, color, tag));
                for argument in &event.arguments {
                    links.push(Link {
                        from: annotation_id,
                        to: argument.filler,
                        role: styles.other(&argument.role),
                    });
                }
            }
        }
    }
    (marks, links)
}

/// Draws the centre panel's contents.
pub fn show(
    ui: &mut Ui,
    wb: Option<&Workbench>,
    article: &mut ArticleView,
    cache: &mut MarkCache,
    view: &mut View,
    out: &mut Outbox,
) {
    let Some(wb) = wb else {
        welcome(
            ui,
            "Open a project (Ctrl+O) or create one (Ctrl+N) from the File menu.",
        );
        return;
    };
    let Some(doc) = wb.current_doc() else {
        welcome(
            ui,
            "This project has no documents yet: File > Import text files (Ctrl+I).",
        );
        return;
    };
    if !wb.is_read(&doc.id) {
        // A project opened from its index: this document is read next, then shows.
        let title = if doc.title.trim().is_empty() {
            doc.id.as_str()
        } else {
            doc.title.as_str()
        };
        welcome(ui, &format!("Reading “{title}”…"));
        return;
    }
    if view.find_open {
        find_bar(ui, wb, view, out);
        ui.separator();
    }
    cache.refresh(wb);
    let selection = wb.selection();
    let find = wb.find();
    let input = ArticleInput {
        text: &doc.text,
        marks: cache.marks(),
        marks_revision: cache.revision(),
        links: &cache.selected_links,
        selection: selection.span.filter(|s| !s.is_empty()),
        selected_annotation: selection
            .annotation
            .or_else(|| super::suggestions::focused_mark(wb)),
        find_hits: &find.hits,
        current_find_hit: find.current_hit(),
        tokens: wb.tokens(),
        char_precision: wb.char_precision(),
        scroll_to: view.scroll_to.take().map(|span| span.start),
    };
    for event in article.show(ui, &input) {
        match event {
            ArticleEvent::Select(span) => {
                out.from_article = true;
                out.command(Command::SelectSpan(span));
            }
            ArticleEvent::ClickAnnotation(id) => {
                out.from_article = true;
                // A suggestion's mark focuses it; an annotation's is the ordinary click.
                out.command(super::suggestions::click(wb, id));
            }
            ArticleEvent::ClickText(_) => {
                // A click beside the text drops the selection, but never a pick in progress.
                if wb.pending().is_none() {
                    out.from_article = true;
                    out.command(Command::ClearSelection);
                }
            }
            ArticleEvent::Hover(id) => view.hovered = id,
        }
    }
    super::suggestions::tooltip(ui, wb, view.hovered);
}

fn welcome(ui: &mut Ui, text: &str) {
    ui.centered_and_justified(|ui| {
        ui.label(RichText::new(text).size(16.0).weak());
    });
}

/// Ctrl+F: the query, the hit count, previous / next, and labelling the hit with the last label.
fn find_bar(ui: &mut Ui, wb: &Workbench, view: &mut View, out: &mut Outbox) {
    let find = wb.find();
    ui.horizontal(|ui| {
        let label = ui.label("Find");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut view.find_query)
                    .hint_text("text in this document")
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        if view.focus_find {
            view.focus_find = false;
            response.request_focus();
        }
        if response.changed() {
            out.command(Command::Find(view.find_query.clone()));
        }
        // The field keeps the keyboard while typing, so the find keys are read here.
        if response.has_focus() {
            let label_hit = ui.input_mut(|i| {
                i.consume_key(Modifiers::COMMAND, Key::Enter)
                    || i.consume_key(Modifiers::COMMAND, Key::L)
            });
            if label_hit {
                out.command(Command::LabelFindHit);
            }
        }
        if response.lost_focus() {
            let (enter, shift, escape) = ui.input(|i| {
                (
                    i.key_pressed(Key::Enter),
                    i.modifiers.shift,
                    i.key_pressed(Key::Escape),
                )
            });
            if escape {
                out.action(UiAction::CloseFind);
            } else if enter {
                out.command(if shift {
                    Command::FindPrevious
                } else {
                    Command::FindNext
                });
                response.request_focus();
            }
        }
        let count = match (find.current, find.hits.len()) {
            (_, 0) if find.query.is_empty() => String::new(),
            (_, 0) => "no hits".to_owned(),
            (Some(i), n) => format!("{} / {n}", i + 1),
            (None, n) => format!("{n} hits"),
        };
        ui.label(count);
        let has_hits = !find.hits.is_empty();
        let button = |ui: &mut Ui, text: &str, action: Action| {
            ui.add_enabled(has_hits, egui::Button::new(text))
                .on_hover_text(keys::keys_of(action))
                .clicked()
        };
        if button(ui, "Previous", Action::FindPrevious) {
            out.command(Command::FindPrevious);
        }
        if button(ui, "Next", Action::FindNext) {
            out.command(Command::FindNext);
        }
        let label_text = match wb.last_label() {
            Some(label) => format!("Label hit {label}"),
            None => "Label hit".to_owned(),
        };
        if ui
            .add_enabled(
                has_hits && wb.last_label().is_some(),
                egui::Button::new(label_text),
            )
            .on_hover_text(format!(
                "Label the hit with the last label used, then go to the next ({})",
                keys::keys_of(Action::LabelFindHit)
            ))
            .clicked()
        {
            out.command(Command::LabelFindHit);
        }
        if ui.button("Close").on_hover_text("Esc").clicked() {
            out.action(UiAction::CloseFind);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnotationId, CharSpan, Entity, Provenance, Status, Timestamp};

    #[test]
    fn a_mention_in_parts_is_one_mark_per_part_in_its_colour_with_one_tag() {
        let schema = crate::model::Schema {
            entity_labels: vec![crate::model::EntityLabel {
                name: "ORG".to_owned(),
                color: crate::model::Color::palette(1),
                hotkey: None,
                description: String::new(),
            }],
            ..Default::default()
        };
        let entity = Entity::new(
            AnnotationId(7),
            CharSpan::new(4, 11),
            "ORG",
            Provenance::manual("t", Timestamp::UNIX_EPOCH),
        )
        .with_details(crate::model::EntityDetails {
            parts: vec![CharSpan::new(23, 34)],
            ..Default::default()
        });
        let layer = Layer::from_annotations(
            Status::InProgress,
            [(AnnotationId(7), Annotation::Entity(entity))].into(),
        );
        let (marks, links) = build(&schema, &layer);
        assert!(links.is_empty());
        let shown: Vec<(CharSpan, AnnotationId, &str)> = marks
            .iter()
            .map(|m| (m.span, m.annotation, &*m.tag))
            .collect();
        assert_eq!(
            shown,
            [
                (CharSpan::new(4, 11), AnnotationId(7), "ORG"),
                (CharSpan::new(23, 34), AnnotationId(7), "")
            ]
        );
        assert!(marks.iter().all(|m| m.kind == MarkKind::Entity));
        assert_eq!(marks[0].color, marks[1].color);
    }
}
