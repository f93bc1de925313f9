//! The comparison tab around its article ([`super::article`]): what is compared and how far
//! adjudication has got, the pending disagreements by kind with the annotators' comments, and the
//! current disagreement with the keys that settle it.

use egui::{Button, CollapsingHeader, RichText, ScrollArea, Ui};

use crate::model::{Document, LayerKey, LayerName, Status};
use crate::workbench::{Action, Command, Review, Workbench};
use crate::workbench::{Disagreement, DisagreementKind, Version};

use super::marks::{AGREED, annotator_color, describe, summary};
use super::{Layout, ReviewPanel};
use crate::ui::colors;
use crate::ui::view::Outbox;

/// The key text of an action, e.g. `Shift+N`.
fn keys_of(action: Action) -> &'static str {
    crate::workbench::shortcut(action).map_or("", |s| s.keys)
}

/// Which layers are compared, how they are shown, progress and the document-wide actions.
pub fn header(
    ui: &mut Ui,
    panel: &mut ReviewPanel,
    wb: &Workbench,
    review: &Review,
    out: &mut Outbox,
) {
    let Some(doc) = wb.current_doc() else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label("Compare");
        let all: Vec<LayerName> = wb
            .project()
            .layer_names()
            .into_iter()
            .filter(|name| !name.is_gold())
            .collect();
        for name in &all {
            let mut on = review.layers().contains(name);
            let index = review.layers().iter().position(|l| l == name);
            let color = index.map_or(ui.visuals().weak_text_color(), annotator_color);
            let text = RichText::new(name.as_str()).color(color).strong();
            if ui.checkbox(&mut on, text).changed() {
                let mut chosen: Vec<LayerName> = review.layers().to_vec();
                if on {
                    chosen.push(name.clone());
                } else {
                    chosen.retain(|l| l != name);
                }
                out.command(Command::OpenReview(Some(chosen)));
            }
        }
        if review.chosen_layers().is_some()
            && ui
                .small_button("Every annotator")
                .on_hover_text("Compare every annotator's layer of each document")
                .clicked()
        {
            out.command(Command::OpenReview(None));
        }
        ui.separator();
        ui.selectable_value(&mut panel.layout, Layout::Merged, "Merged")
            .on_hover_text("One article: a colour per annotator, grey where all agree");
        ui.selectable_value(&mut panel.layout, Layout::SideBySide, "Side by side")
            .on_hover_text("Two annotators' layers next to each other, scrolling together");
        ui.separator();
        let mut gold = wb.editing_gold();
        if ui
            .checkbox(&mut gold, "Edit gold")
            .on_hover_text(
                "Label keys, Delete and the inspector change the gold layer (off: your own layer)",
            )
            .changed()
        {
            out.command(Command::EditGold(gold));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let total = review.total();
        let remaining = review.remaining();
        let settled = total.saturating_sub(remaining);
        let fraction = if total == 0 {
            1.0
        } else {
            settled as f32 / total as f32
        };
        let text = format!("{remaining} remaining · {settled} of {total} settled");
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_width(260.0)
                .text(text),
        )
        .on_hover_text("Disagreements in this document that gold has not settled yet");
        ui.separator();
        statuses(ui, wb, doc, review);
        ui.separator();
        let layers = review.layers().len().max(1) as u32;
        let k = panel
            .merge_k
            .get_or_insert(wb.project().settings.min_agree.clamp(1, layers));
        *k = (*k).clamp(1, layers);
        let merge = ui
            .add_enabled(layers >= 2, Button::new("Merge agreed"))
            .on_hover_text(format!(
                "Copy into gold what at least {k} of the {layers} layers agree on (one undo step)"
            ));
        ui.add(egui::DragValue::new(k).range(1..=layers).prefix("k = "))
            .on_hover_text("How many layers must agree (the project's min_agree by default)");
        if merge.clicked() {
            out.command(Command::AutoMerge(Some(*k)));
        }
        let gold_status = wb
            .project()
            .status(&LayerKey::new(doc.id.clone(), LayerName::gold()));
        if ui
            .add_enabled(
                gold_status != Status::Adjudicated,
                Button::new("Mark adjudicated"),
            )
            .on_hover_text(if remaining > 0 {
                format!("{remaining} disagreements remain; mark gold adjudicated all the same")
            } else {
                "Every disagreement is settled: mark this document's gold adjudicated".to_owned()
            })
            .clicked()
        {
            out.command(Command::FinishAdjudication);
        }
    });
}

/// A status dot per compared layer and one for gold.
fn statuses(ui: &mut Ui, wb: &Workbench, doc: &Document, review: &Review) {
    for (index, layer) in review.layers().iter().enumerate() {
        let status = wb
            .project()
            .status(&LayerKey::new(doc.id.clone(), layer.clone()));
        colors::status_dot(ui, status, layer.as_str());
        ui.label(RichText::new(layer.as_str()).color(annotator_color(index)));
    }
    let gold = LayerName::gold();
    let status = wb.project().status(&LayerKey::new(doc.id.clone(), gold));
    colors::status_dot(ui, status, "gold");
    ui.label(format!("gold: {}", status.name()));
}

/// The pending disagreements grouped by kind, each jumping to its place; then the comments.
pub fn list(
    ui: &mut Ui,
    panel: &mut ReviewPanel,
    wb: &Workbench,
    review: &Review,
    out: &mut Outbox,
) {
    let Some(doc) = wb.current_doc() else {
        return;
    };
    ScrollArea::vertical()
        .id_salt("review-list-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if review.layers().len() < 2 {
                ui.label(
                    RichText::new(
                        "Fewer than two annotators' layers of this document: nothing to compare.",
                    )
                    .weak(),
                );
            } else if review.pending().is_empty() {
                ui.label("No disagreements remain in this document.");
            }
            let current = review.current_index();
            for kind in DisagreementKind::ALL {
                let items: Vec<(usize, &Disagreement)> = review
                    .pending()
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| d.kind == kind)
                    .collect();
                if items.is_empty() {
                    continue;
                }
                CollapsingHeader::new(format!("{} ({})", kind.name(), items.len()))
                    .id_salt(("review-kind", kind))
                    .default_open(true)
                    .show(ui, |ui| {
                        for (index, disagreement) in items {
                            let text = summary(doc, disagreement);
                            // Arabic or Hebrew names in reading order, like the other lists.
                            let shown = crate::ui::article::bidi_wrapped_label(
                                ui,
                                &text,
                                egui::TextStyle::Button,
                            );
                            let response = ui.selectable_label(current == Some(index), shown);
                            if response.clicked() {
                                out.command(Command::GoToDisagreement(index));
                            }
                            if current == Some(index) && panel.reveal_in_list {
                                response.scroll_to_me(None);
                            }
                        }
                    });
            }
            panel.reveal_in_list = false;
            comments(ui, panel, review);
        });
}

/// The notes annotators left, visible to the curator and to each other.
fn comments(ui: &mut Ui, panel: &mut ReviewPanel, review: &Review) {
    let comments = &panel.comparison.comments;
    if comments.is_empty() {
        return;
    }
    ui.separator();
    let mut jump = None;
    CollapsingHeader::new(format!("Comments ({})", comments.len()))
        .id_salt("review-comments")
        .default_open(true)
        .show(ui, |ui| {
            for comment in comments {
                let who = review
                    .layers()
                    .get(comment.layer)
                    .map_or("?", LayerName::as_str);
                let response = ui
                    .horizontal_wrapped(|ui| {
                        ui.label(
                            RichText::new(who)
                                .color(annotator_color(comment.layer))
                                .strong(),
                        );
                        ui.label(RichText::new(&comment.what).weak());
                        ui.label(&comment.note);
                    })
                    .response
                    .interact(egui::Sense::click());
                if response.clicked() {
                    jump = Some(comment.span.start);
                }
            }
        });
    if let Some(offset) = jump {
        panel.scroll_to = Some(offset);
    }
}

/// The current disagreement: both versions with their notes, and the keys that settle it.
pub fn card(ui: &mut Ui, wb: &Workbench, review: &Review, out: &mut Outbox) {
    let Some(doc) = wb.current_doc() else {
        return;
    };
    let Some(disagreement) = review.current() else {
        let text = if review.pending().is_empty() {
            "Nothing left to settle here.".to_owned()
        } else {
            format!(
                "Press {} to go to the first of {} disagreements.",
                keys_of(Action::NextDisagreement),
                review.remaining()
            )
        };
        ui.label(text);
        navigation(ui, review, out);
        return;
    };
    let position = review.current_index().map_or(0, |i| i + 1);
    let kinds: Vec<&str> = disagreement.kinds().map(DisagreementKind::name).collect();
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!(
            "Disagreement {position} of {}: {}",
            review.remaining(),
            kinds.join(", ")
        ));
    });
    let index_of = |name: &LayerName| review.layers().iter().position(|l| l == name);
    version_row(
        ui,
        doc,
        "A",
        &disagreement.layer_a,
        index_of(&disagreement.layer_a),
        disagreement.a.as_ref(),
    );
    version_row(
        ui,
        doc,
        "B",
        &disagreement.layer_b,
        index_of(&disagreement.layer_b),
        disagreement.b.as_ref(),
    );
    ui.horizontal_wrapped(|ui| {
        for (action, name) in [
            (Action::TakeA, "Take A"),
            (Action::TakeB, "Take B"),
            (Action::TakeBoth, "Take both"),
            (Action::SkipDisagreement, "Skip"),
            (Action::EditInGold, "Edit in gold"),
        ] {
            let description = crate::workbench::shortcut(action).map_or("", |s| s.description);
            if ui
                .add(Button::new(name).shortcut_text(keys_of(action)))
                .on_hover_text(description)
                .clicked()
                && let Some(command) = wb.command_for(action)
            {
                out.command(command);
            }
        }
        ui.separator();
        navigation(ui, review, out);
    });
}

fn navigation(ui: &mut Ui, review: &Review, out: &mut Outbox) {
    let any = !review.pending().is_empty();
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                any,
                Button::new("Previous").shortcut_text(keys_of(Action::PreviousDisagreement)),
            )
            .clicked()
        {
            out.command(Command::PreviousDisagreement);
        }
        if ui
            .add_enabled(
                any,
                Button::new("Next").shortcut_text(keys_of(Action::NextDisagreement)),
            )
            .clicked()
        {
            out.command(Command::NextDisagreement);
        }
    });
}

/// `A amira: GPE “Belgrade”` and the annotator's note, if any.
fn version_row(
    ui: &mut Ui,
    doc: &Document,
    letter: &str,
    layer: &LayerName,
    index: Option<usize>,
    version: Option<&Version>,
) {
    let color = index.map_or(AGREED, annotator_color);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{letter} {layer}:"))
                .color(color)
                .strong(),
        );
        match version {
            Some(version) => {
                let line = describe(doc, &version.annotation, &version.linked);
                ui.label(crate::ui::article::bidi_wrapped_label(
                    ui,
                    &line,
                    egui::TextStyle::Body,
                ));
                let note = version.annotation.note().trim();
                if !note.is_empty() {
                    ui.label(RichText::new(format!("note: {note}")).italics());
                }
            }
            None => {
                ui.label(RichText::new("nothing here").weak());
            }
        }
    });
}
