//! The right panel's upper part: what is selected and everything about it. Label, attributes as the
//! schema allows, note, provenance; a quote's content, cue and speaker and an event's arguments are in
//! [`super::links`]. With only text selected, buttons that label it.

use crate::model::Label;
use egui::{Id, RichText, Ui};

use crate::model::{
    Annotation, AnnotationId, AttributeTarget, CharSpan, Document, Provenance, Source,
};
use crate::workbench::{Command, Workbench};

use super::colors;
use super::links;
use super::view::{DraftField, InspectorDraft, Outbox, View};

/// How many chars of covered text the inspector quotes before cutting with `…`.
pub const SNIPPET_CHARS: usize = 80;

pub fn show(ui: &mut Ui, wb: &Workbench, view: &mut View, out: &mut Outbox) {
    let Some(doc) = wb.current_doc() else {
        return;
    };
    super::details::cleaning(ui, wb, out);
    if let Some(pending) = wb.pending() {
        egui::Frame::new()
            .fill(ui.visuals().selection.bg_fill.gamma_multiply(0.4))
            .inner_margin(6)
            .corner_radius(4.0)
            .show(ui, |ui| {
                ui.label(RichText::new(pending.prompt()).strong());
                // The nearest candidates, numbered for keys 1 to 9.
                for (i, id) in wb.pick_candidates().into_iter().enumerate() {
                    let Some(candidate) = wb.annotation(id) else {
                        continue;
                    };
                    let line = format!(
                        "{}  {} ({})",
                        i + 1,
                        snippet(doc, candidate.primary_span()),
                        candidate.label()
                    );
                    let shown = super::article::bidi_label(ui, &line, egui::TextStyle::Button);
                    if ui.selectable_label(false, shown).clicked() {
                        out.command(Command::ClickAnnotation(id));
                    }
                }
                if ui.button("Cancel pick").on_hover_text("Esc").clicked() {
                    out.command(Command::CancelPending);
                }
            });
        ui.add_space(4.0);
    }
    match wb.selected_annotation() {
        Some(annotation) => annotation_details(ui, wb, doc, annotation, view, out),
        None => match wb.selection().span.filter(|s| !s.is_empty()) {
            Some(span) => selection_only(ui, wb, doc, span, out),
            None => nothing_selected(ui, wb),
        },
    }
}

/// The covered text of a span, cut to [`SNIPPET_CHARS`], one line.
pub fn snippet(doc: &Document, span: CharSpan) -> String {
    let Some(text) = doc.text.slice(span) else {
        return format!("(span {span} outside the text)");
    };
    let mut out: String = text
        .chars()
        .take(SNIPPET_CHARS)
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    if text.chars().nth(SNIPPET_CHARS).is_some() {
        out.push('…');
    }
    out
}

fn nothing_selected(ui: &mut Ui, wb: &Workbench) {
    ui.heading("Inspector");
    ui.label(
        "Select text in the article (drag, double-click a word, shift-click to extend), then press a \
         label key. Click an annotation to inspect it. F1 lists every key.",
    );
    ui.add_space(6.0);
    hotkey_legend(ui, wb);
}

/// The schema's hotkeys as coloured chips.
fn hotkey_legend(ui: &mut Ui, wb: &Workbench) {
    let schema = &wb.project().schema;
    ui.horizontal_wrapped(|ui| {
        for label in &schema.entity_labels {
            let text = match label.hotkey {
                Some(key) => format!("{key} {}", label.name),
                None => label.name.clone(),
            };
            colors::chip(ui, &text, colors::color32(label.color)).on_hover_text(&label.description);
        }
        if schema.quotes.enabled {
            let text = match schema.quotes.hotkey {
                Some(key) => format!("{key} QUOTE"),
                None => "QUOTE".to_owned(),
            };
            colors::chip(ui, &text, colors::color32(schema.quotes.color));
        }
        for ty in &schema.event_types {
            let text = match ty.hotkey {
                Some(key) => format!("{key} {}", ty.name),
                None => ty.name.clone(),
            };
            colors::chip(ui, &text, colors::color32(ty.color)).on_hover_text(&ty.description);
        }
    });
}

/// Text is selected but no annotation: say what, and offer every way to label it.
fn selection_only(ui: &mut Ui, wb: &Workbench, doc: &Document, span: CharSpan, out: &mut Outbox) {
    ui.heading("Selected text");
    let quoted = format!("“{}”", snippet(doc, span));
    ui.label(super::article::bidi_wrapped_label(
        ui,
        &quoted,
        egui::TextStyle::Body,
    ));
    ui.label(RichText::new(format!("chars {}–{}", span.start, span.end)).weak());
    // A focused suggestion here: what it proposes, and buttons to decide it.
    super::suggestions::inspector_card(ui, wb, out);
    ui.add_space(6.0);
    let schema = &wb.project().schema;
    ui.label("Label as");
    ui.horizontal_wrapped(|ui| {
        for label in &schema.entity_labels {
            let text = match label.hotkey {
                Some(key) => format!("{} ({key})", label.name),
                None => label.name.clone(),
            };
            if ui.button(text).on_hover_text(&label.description).clicked() {
                out.command(Command::Label(label.name.clone()));
            }
        }
    });
    if schema.quotes.enabled {
        let text = match schema.quotes.hotkey {
            Some(key) => format!("Quote ({key})"),
            None => "Quote".to_owned(),
        };
        if ui.button(text).clicked() {
            out.command(Command::CreateQuote);
        }
    }
    if !schema.event_types.is_empty() {
        ui.label("Event trigger");
        ui.horizontal_wrapped(|ui| {
            for ty in &schema.event_types {
                let text = match ty.hotkey {
                    Some(key) => format!("{} ({key})", ty.name),
                    None => ty.name.clone(),
                };
                if ui.button(text).on_hover_text(&ty.description).clicked() {
                    out.command(Command::CreateEvent(ty.name.clone()));
                }
            }
        });
    }
}

fn annotation_details(
    ui: &mut Ui,
    wb: &Workbench,
    doc: &Document,
    annotation: &Annotation,
    view: &mut View,
    out: &mut Outbox,
) {
    let id = annotation.id();
    sync_draft(ui, wb, doc, annotation, &mut view.draft);
    let schema = &wb.project().schema;
    ui.horizontal(|ui| {
        ui.heading(match annotation {
            Annotation::Entity(_) => "Entity",
            Annotation::Quote(_) => "Quote",
            Annotation::Event(_) => "Event",
        });
        colors::chip(
            ui,
            annotation.label(),
            colors::annotation_color(schema, annotation),
        );
        ui.label(RichText::new(format!("#{id}")).weak());
    });
    let span = annotation.primary_span();
    // A discontinuous mention reads as its parts joined by an ellipsis.
    let (quoted, places) = match annotation.as_entity() {
        Some(entity) if entity.is_discontinuous() => {
            let parts: Vec<String> = entity.all_spans().map(|s| snippet(doc, s)).collect();
            let places: Vec<String> = entity
                .all_spans()
                .map(|s| format!("{}–{}", s.start, s.end))
                .collect();
            (format!("“{}”", parts.join(" … ")), places.join(", "))
        }
        _ => (
            format!("“{}”", snippet(doc, span)),
            format!("{}–{}", span.start, span.end),
        ),
    };
    ui.label(super::article::bidi_wrapped_label(
        ui,
        &quoted,
        egui::TextStyle::Body,
    ));
    ui.label(RichText::new(format!("chars {places}")).weak());

    let problems = wb.problems(id);
    for problem in &problems {
        ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {problem}"));
    }
    ui.separator();

    match annotation {
        Annotation::Entity(entity) => {
            let mut label = entity.label;
            egui::ComboBox::from_label("Label")
                .selected_text(label.as_str())
                .show_ui(ui, |ui| {
                    for option in &schema.entity_labels {
                        ui.selectable_value(&mut label, Label::new(&option.name), &option.name);
                    }
                });
            if label != entity.label {
                out.command(Command::Label(label.to_string()));
            }
            links::entity_parts(ui, wb, doc, entity, out);
            norm_field(
                ui,
                id,
                entity.details().norm.as_deref(),
                &mut view.draft,
                out,
            );
            ui.separator();
            entity_link(ui, wb, id, &view.draft.candidates, out);
        }
        Annotation::Quote(quote) => links::quote(ui, wb, doc, quote, out),
        Annotation::Event(event) => links::event(ui, wb, doc, event, out),
    }
    ui.separator();
    attributes(ui, wb, annotation, &mut view.draft, out);
    note_field(ui, id, annotation.note(), &mut view.draft, out);
    ui.separator();
    provenance(ui, annotation.provenance());
}

/// Reloads the drafts from the model when another annotation is selected, and (for fields not being
/// typed in) when the model changed underneath, e.g. by undo.
fn sync_draft(
    ui: &Ui,
    wb: &Workbench,
    doc: &Document,
    annotation: &Annotation,
    draft: &mut InspectorDraft,
) {
    let owner = Some((doc.id.clone(), annotation.id()));
    let fresh = draft.owner != owner;
    if !fresh && draft.revision == wb.revision() {
        return;
    }
    if fresh {
        // Whatever was typed for the previous annotation was committed by the app already.
        draft.dirty.clear();
    }
    let focused = |name: &str| ui.memory(|m| m.has_focus(field_id(name)));
    if fresh || !focused("note") {
        draft.note = annotation.note().to_owned();
    }
    draft.candidates = match annotation {
        Annotation::Entity(e) => wb.entity_candidates(e.id),
        _ => Vec::new(),
    };
    if fresh || !focused("norm") {
        draft.norm = annotation
            .as_entity()
            .and_then(|e| e.details().norm.clone())
            .unwrap_or_default();
    }
    if fresh {
        draft.attributes.clear();
    }
    for (name, value) in annotation.attributes() {
        if fresh || !focused(&format!("attr-{name}")) {
            draft.attributes.insert(name.clone(), value.clone());
        }
    }
    draft.owner = owner;
    draft.revision = wb.revision();
}

fn field_id(name: &str) -> Id {
    Id::unique(("gloss-inspector", name))
}

fn note_field(
    ui: &mut Ui,
    id: AnnotationId,
    note: &str,
    draft: &mut InspectorDraft,
    out: &mut Outbox,
) {
    let label = ui.label("Note");
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut draft.note)
                .id(field_id("note"))
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.changed() {
        draft.dirty.insert(DraftField::Note);
    }
    if response.lost_focus() {
        draft.dirty.remove(&DraftField::Note);
        if draft.note != note {
            out.command(Command::SetNote {
                id,
                note: draft.note.clone(),
            });
        }
    }
}

fn norm_field(
    ui: &mut Ui,
    id: AnnotationId,
    norm: Option<&str>,
    draft: &mut InspectorDraft,
    out: &mut Outbox,
) {
    ui.horizontal(|ui| {
        let label = ui.label("Norm id");
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut draft.norm)
                    .id(field_id("norm"))
                    .hint_text("e.g. Wikidata Q1246"),
            )
            .labelled_by(label.id);
        if response.changed() {
            draft.dirty.insert(DraftField::Norm);
        }
        let typed = draft.norm.trim();
        if response.lost_focus() {
            draft.dirty.remove(&DraftField::Norm);
            if typed != norm.unwrap_or("") {
                out.command(Command::SetNorm {
                    id,
                    norm: (!typed.is_empty()).then(|| typed.to_owned()),
                });
            }
        }
    });
}

/// The canonical entity behind a mention: the one it links to (with unlink and split), the
/// entities offered for it (Alt+L takes the first), a new entity, and merging another entity into
/// the linked one.
fn entity_link(
    ui: &mut Ui,
    wb: &Workbench,
    id: AnnotationId,
    candidates: &[crate::workbench::EntityCandidate],
    out: &mut Outbox,
) {
    let alt_l = super::keys::keys_of(crate::workbench::Action::LinkEntity);
    let linked = wb.linked_entity(id);
    match linked {
        Some(entity) => {
            ui.horizontal_wrapped(|ui| {
                ui.label("Stands for");
                // Bold, and an Arabic or Hebrew name in reading order.
                ui.label(
                    match super::article::bidi_label(ui, &entity.name, egui::TextStyle::Body) {
                        egui::WidgetText::Text(plain) => RichText::new(plain).strong().into(),
                        reordered => reordered,
                    },
                );
                ui.label(RichText::new(format!("({}, {})", entity.label, entity.key)).weak());
                if let Some(kb) = &entity.kb {
                    ui.label(RichText::new(kb).weak());
                }
            });
            if !entity.aliases.is_empty() {
                ui.label(
                    RichText::new(format!("also: {}", entity.aliases.join(", ")))
                        .weak()
                        .small(),
                );
            }
            ui.horizontal(|ui| {
                if ui
                    .button("Unlink")
                    .on_hover_text("This mention stands for no entity")
                    .clicked()
                {
                    out.command(Command::LinkEntity { id, entity: None });
                }
                if ui
                    .button("Split off")
                    .on_hover_text(
                        "A new entity takes this mention and those of this document written the same way",
                    )
                    .clicked()
                {
                    out.command(Command::SplitEntity(id));
                }
            });
            let others: Vec<&crate::model::CanonicalEntity> = wb
                .registry()
                .live()
                .filter(|e| e.key != entity.key)
                .collect();
            if !others.is_empty() {
                let keep = entity.key.clone();
                let caption = ui.label("Merge into this one:");
                egui::ComboBox::from_id_salt("merge-entity")
                    .selected_text("another entity…")
                    .show_ui(ui, |ui| {
                        for other in others {
                            let text = format!("{} ({})", other.name, other.label);
                            let shown =
                                super::article::bidi_label(ui, &text, egui::TextStyle::Button);
                            if ui.selectable_label(false, shown).clicked() {
                                out.command(Command::MergeEntities {
                                    keep: keep.clone(),
                                    absorb: other.key.clone(),
                                });
                            }
                        }
                    })
                    .response
                    .labelled_by(caption.id);
            }
        }
        None => {
            ui.label(RichText::new("Stands for no entity yet").weak());
        }
    }
    let offered: Vec<_> = candidates
        .iter()
        .filter(|c| linked.is_none_or(|e| e.key != c.key))
        .collect();
    for (i, candidate) in offered.iter().enumerate() {
        let mut text = format!("Link to {} ({})", candidate.name, candidate.label);
        if i == 0 && linked.is_none() && !alt_l.is_empty() {
            text.push_str(&format!("  {alt_l}"));
        }
        let shown = super::article::bidi_label(ui, &text, egui::TextStyle::Button);
        if ui.button(shown).on_hover_text(&candidate.why).clicked() {
            out.command(Command::LinkEntity {
                id,
                entity: Some(candidate.key.clone()),
            });
        }
    }
    if linked.is_none() {
        let mut text = "New entity".to_owned();
        if offered.is_empty() && !alt_l.is_empty() {
            text.push_str(&format!("  {alt_l}"));
        }
        if ui
            .button(text)
            .on_hover_text("A canonical entity named as this mention says, with its label")
            .clicked()
        {
            out.command(Command::NewEntity(id));
        }
    }
}

/// The attributes the schema defines for this kind and label: a choice of allowed values, or free
/// text. Attributes the annotation has that the schema does not define can only be removed.
fn attributes(
    ui: &mut Ui,
    wb: &Workbench,
    annotation: &Annotation,
    draft: &mut InspectorDraft,
    out: &mut Outbox,
) {
    let target = match annotation {
        Annotation::Entity(_) => AttributeTarget::Entities,
        Annotation::Quote(_) => AttributeTarget::Quotes,
        Annotation::Event(_) => AttributeTarget::Events,
    };
    let label = annotation.label();
    let id = annotation.id();
    let current = annotation.attributes();
    let defs: Vec<_> = wb
        .project()
        .schema
        .attributes
        .iter()
        .filter(|d| {
            d.target == target && (d.labels.is_empty() || d.labels.iter().any(|l| l == label))
        })
        .collect();
    if defs.is_empty() && current.is_empty() {
        return;
    }
    ui.label(RichText::new("Attributes").strong());
    for def in &defs {
        let value = current.get(&def.name);
        if def.values.is_empty() {
            ui.horizontal(|ui| {
                let name_label = ui.label(&def.name).on_hover_text(&def.description);
                let text = draft.attributes.entry(def.name.clone()).or_default();
                let response = ui
                    .add(
                        egui::TextEdit::singleline(text)
                            .id(field_id(&format!("attr-{}", def.name))),
                    )
                    .labelled_by(name_label.id);
                let typed = text.trim();
                let field = DraftField::Attribute(def.name.clone());
                if response.changed() {
                    draft.dirty.insert(field.clone());
                }
                if response.lost_focus() {
                    if typed != value.map_or("", String::as_str) {
                        out.command(Command::SetAttribute {
                            id,
                            name: def.name.clone(),
                            value: (!typed.is_empty()).then(|| typed.to_owned()),
                        });
                    }
                    draft.dirty.remove(&field);
                }
            });
        } else {
            let mut chosen = value.cloned();
            egui::ComboBox::from_label(&def.name)
                .selected_text(chosen.as_deref().unwrap_or("(none)"))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut chosen, None, "(none)");
                    for allowed in &def.values {
                        ui.selectable_value(&mut chosen, Some(allowed.clone()), allowed);
                    }
                })
                .response
                .on_hover_text(&def.description);
            if chosen.as_ref() != value {
                out.command(Command::SetAttribute {
                    id,
                    name: def.name.clone(),
                    value: chosen,
                });
            }
        }
    }
    for (name, value) in current {
        if defs.iter().any(|d| &d.name == name) {
            continue;
        }
        ui.horizontal(|ui| {
            ui.label(format!("{name} = {value}"));
            ui.colored_label(ui.visuals().warn_fg_color, "not in the schema");
            if ui.small_button("Remove").clicked() {
                out.command(Command::SetAttribute {
                    id,
                    name: name.clone(),
                    value: None,
                });
            }
        });
    }
}

fn provenance(ui: &mut Ui, provenance: &Provenance) {
    let source = match &provenance.source {
        Source::Manual => "manual".to_owned(),
        Source::Suggestion { recommender, score } => {
            format!("suggestion from {recommender} (score {score:.2})")
        }
        Source::Imported { format } => format!("imported from {format}"),
    };
    let time = |t: &crate::model::Timestamp| t.strftime("%Y-%m-%d %H:%M UTC").to_string();
    egui::CollapsingHeader::new("Provenance")
        .default_open(false)
        .show(ui, |ui| {
            egui::Grid::new("provenance").num_columns(2).show(ui, |ui| {
                ui.label("Source");
                ui.label(source);
                ui.end_row();
                ui.label("Annotator");
                ui.label(provenance.annotator.as_str());
                ui.end_row();
                ui.label("Created");
                ui.label(time(&provenance.created));
                ui.end_row();
                ui.label("Modified");
                ui.label(time(&provenance.modified));
                ui.end_row();
            });
        });
}
