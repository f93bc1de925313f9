//! The top bar: menus generated from the one command list (each entry with its keys), then the
//! project, the document, who is annotating, and whether everything is saved.

use std::path::Path;

use egui::{Button, RichText, Ui};

use crate::workbench::team::SyncView;
use crate::workbench::{self, Action, Command, SaveState, Workbench};

use super::keys;
use super::prefs::{self, Prefs, ThemeChoice};
use super::view::{Outbox, UiAction, View};

/// The menus in the order they appear; each lists the command-list entries with that `menu`.
const MENUS: [&str; 8] = [
    "File", "Edit", "Annotate", "Navigate", "Find", "Suggest", "Review", "Help",
];

/// `loading`: the project being opened, named in place of the open one until it is there.
pub fn show(
    ui: &mut Ui,
    wb: Option<&Workbench>,
    loading: Option<&Path>,
    prefs: &mut Prefs,
    view: &View,
    out: &mut Outbox,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        for menu in MENUS {
            ui.menu_button(menu, |ui| {
                for entry in workbench::shortcuts().iter().filter(|s| s.menu == menu) {
                    menu_entry(ui, entry, wb, view, out);
                    if entry.action == Action::OpenProject {
                        recent_menu(ui, prefs, out);
                    }
                    if entry.action == Action::ImportTexts
                        && ui
                            .add_enabled(wb.is_some(), Button::new("Import annotations…"))
                            .on_hover_text("Annotations from spaCy, brat, CoNLL and other tools")
                            .clicked()
                    {
                        out.action(UiAction::ImportAnnotations);
                        ui.close();
                    }
                    if entry.action == Action::ImportTexts
                        && ui
                            .add_enabled(wb.is_some(), Button::new("Import web pages…"))
                            .on_hover_text("Articles fetched from their URLs or a news feed")
                            .clicked()
                    {
                        out.action(UiAction::ImportWebPages);
                        ui.close();
                    }
                }
                if menu == "Help" {
                    ui.separator();
                    ui.label(format!("Gloss {}", env!("CARGO_PKG_VERSION")));
                }
            });
            if menu == "Find" {
                view_menu(ui, prefs, view, out);
            }
        }
        ui.separator();
        status_strip(ui, wb, loading, out);
    });
}

fn menu_entry(
    ui: &mut Ui,
    entry: &workbench::Shortcut,
    wb: Option<&Workbench>,
    view: &View,
    out: &mut Outbox,
) {
    let enabled = match entry.action {
        Action::NewProject | Action::OpenProject | Action::Quit | Action::Help => true,
        Action::Undo => wb.is_some_and(Workbench::can_undo),
        Action::Redo => wb.is_some_and(Workbench::can_redo),
        Action::FindNext | Action::FindPrevious | Action::LabelFindHit => {
            wb.is_some_and(|wb| !wb.find().hits.is_empty())
        }
        Action::NextCorpusHit | Action::PreviousCorpusHit => wb.is_some_and(|wb| {
            wb.corpus_search()
                .results
                .as_ref()
                .is_some_and(|r| !r.hits.is_empty())
        }),
        action if workbench::is_review_key(action) || action == Action::FinishAdjudication => {
            wb.is_some_and(|wb| wb.review().is_some())
        }
        _ => wb.is_some(),
    };
    let selected =
        entry.action == Action::ToggleCharPrecision && wb.is_some_and(Workbench::char_precision);
    let mut button = Button::new(entry.name).selected(selected);
    if !entry.keys.is_empty() {
        button = button.shortcut_text(entry.keys);
    }
    let response = ui
        .add_enabled(enabled, button)
        .on_hover_text(entry.description);
    if response.clicked() {
        keys::dispatch(entry.action, wb, view, out);
        ui.close();
    }
}

fn recent_menu(ui: &mut Ui, prefs: &Prefs, out: &mut Outbox) {
    ui.add_enabled_ui(!prefs.recent.is_empty(), |ui| {
        ui.menu_button("Recent projects", |ui| {
            for dir in &prefs.recent {
                if ui.button(dir.display().to_string()).clicked() {
                    out.action(UiAction::OpenProject(dir.clone()));
                    ui.close();
                }
            }
        });
    });
}

/// Side panels, theme and scale: personal, remembered in eframe storage.
fn view_menu(ui: &mut Ui, prefs: &mut Prefs, view: &View, out: &mut Outbox) {
    ui.menu_button("View", |ui| {
        let (documents, inspector) = view.panels_shown;
        for (action, shown) in [
            (Action::ToggleDocuments, documents),
            (Action::ToggleInspector, inspector),
        ] {
            let Some(entry) = workbench::shortcut(action) else {
                continue;
            };
            let mut checked = shown;
            if ui
                .add(egui::Checkbox::new(
                    &mut checked,
                    format!("{}  {}", entry.name, entry.keys),
                ))
                .on_hover_text(entry.description)
                .clicked()
            {
                super::keys::dispatch(action, None, view, out);
                ui.close();
            }
        }
        ui.separator();
        ui.label("Theme");
        for choice in ThemeChoice::ALL {
            ui.radio_value(&mut prefs.theme, choice, choice.name());
        }
        ui.separator();
        let label = ui.label("UI scale");
        ui.add(
            egui::Slider::new(&mut prefs.ui_scale, prefs::SCALE_RANGE)
                .step_by(0.05)
                .fixed_decimals(2),
        )
        .labelled_by(label.id);
        if ui.button("Reset scale").clicked() {
            prefs.ui_scale = 1.0;
        }
    });
}

/// Project · document · annotator · save state, right-aligned after the menus.
fn status_strip(ui: &mut Ui, wb: Option<&Workbench>, loading: Option<&Path>, out: &mut Outbox) {
    if let Some(dir) = loading.filter(|dir| wb.is_none_or(|wb| wb.dir() != *dir)) {
        let name = dir.file_name().map_or_else(
            || dir.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        ui.label(RichText::new(format!("Opening {name}…")).strong())
            .on_hover_text(dir.display().to_string());
        return;
    }
    let Some(wb) = wb else {
        ui.label(RichText::new("No project open").weak());
        return;
    };
    // Below this width (a small window) the strip shortens its words so nothing overlaps.
    let compact = ui.available_width() < 560.0;
    // The right-hand part first, so the project and document names get what it leaves, cut short.
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        if let Some(holder) = wb.read_only() {
            if ui
                .button(if compact { "Write" } else { "Open for writing" })
                .on_hover_text("Opens the project for writing if the other Gloss has closed it")
                .clicked()
            {
                out.action(UiAction::ReopenForWriting);
            }
            ui.label(
                RichText::new("Read-only")
                    .color(ui.visuals().warn_fg_color)
                    .strong(),
            )
            .on_hover_text(holder);
        } else {
            save_state(ui, &wb.save_state());
            if wb.is_shared() {
                sync_strip(ui, wb, compact, out);
            }
            if (wb.is_shared() || !wb.project().team.is_empty())
                && ui
                    .button("Team…")
                    .on_hover_text("Documents × annotators: assignments, progress, agreement")
                    .clicked()
            {
                out.action(UiAction::OpenTeam);
            }
        }
        ui.separator();
        layer_badge(ui, wb, compact, out);
        let annotator = if compact {
            wb.annotator().to_string()
        } else {
            format!("Annotator: {}", wb.annotator())
        };
        if ui
            .button(annotator)
            .on_hover_text("Who is annotating. Click to switch.")
            .clicked()
        {
            out.action(UiAction::ChangeAnnotator);
        }
        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
            if !compact {
                ui.label(RichText::new(&wb.project().name).strong())
                    .on_hover_text(wb.dir().display().to_string());
            }
            if let Some(doc) = wb.current_doc() {
                if !compact {
                    ui.label("›");
                }
                let title = if doc.title.trim().is_empty() {
                    doc.id.as_str()
                } else {
                    doc.title.as_str()
                };
                let shown = super::article::bidi_label(ui, title, egui::TextStyle::Body);
                ui.add(egui::Label::new(shown).truncate())
                    .on_hover_text(format!("{} › {}", wb.project().name, doc.id.as_str()));
            }
        });
    });
}

/// The layer every edit goes to, always in view: the annotator's own, or gold while the curator
/// edits it (tinted as the article's margin is, see [`layer_tint`]). A click switches between the
/// two, so gold can be edited in the main view as well as from the review.
fn layer_badge(ui: &mut Ui, wb: &Workbench, compact: bool, out: &mut Outbox) {
    let layer = wb.editing_layer();
    let text = match (layer.is_gold(), compact) {
        (true, false) => "Editing: gold layer".to_owned(),
        (true, true) => "Gold".to_owned(),
        (false, false) => format!("Editing: {layer}'s layer"),
        (false, true) => "Own layer".to_owned(),
    };
    let tint = layer_tint(ui, wb);
    ui.menu_button(RichText::new(text).color(tint).strong(), |ui| {
        let gold = wb.editing_gold();
        if ui
            .selectable_label(!gold, format!("Your own layer ({})", wb.annotator()))
            .clicked()
        {
            out.command(Command::EditGold(false));
            ui.close();
        }
        if ui
            .selectable_label(gold, "The gold layer")
            .on_hover_text("The curated layer that exports and agreement treat as the answer")
            .clicked()
        {
            out.command(Command::EditGold(true));
            ui.close();
        }
    })
    .response
    .on_hover_text(
        "Every annotation you add, change or delete goes to this layer. Click to switch.",
    );
}

/// The colour of the layer being edited: amber for gold, the selection colour for one's own.
pub fn layer_tint(ui: &Ui, wb: &Workbench) -> egui::Color32 {
    if wb.editing_gold() {
        egui::Color32::from_rgb(0xd4, 0xa0, 0x17)
    } else {
        ui.visuals().selection.bg_fill
    }
}

/// The Sync button and what the last sync did (right to left: the status, then the button).
fn sync_strip(ui: &mut Ui, wb: &Workbench, compact: bool, out: &mut Outbox) {
    if let Some(view) = wb.sync_view() {
        let summary = view.summary();
        let color = match view {
            SyncView::Failed(_) => ui.visuals().error_fg_color,
            SyncView::Synced { outcome } if outcome.report.offline.is_some() => {
                ui.visuals().warn_fg_color
            }
            _ => ui.visuals().weak_text_color(),
        };
        let details = match view {
            SyncView::Synced { outcome } => outcome.lines().join("\n"),
            other => other.summary(),
        };
        let shown = if compact && summary.len() > 24 {
            summary.split(',').next().unwrap_or("").to_owned()
        } else {
            summary
        };
        ui.label(RichText::new(shown).color(color))
            .on_hover_text(details);
    }
    let busy = wb.syncing();
    if ui
        .add_enabled(!busy, Button::new("Sync"))
        .on_hover_text(
            "Save, share your work through the project's git remote and bring in everyone else's",
        )
        .clicked()
    {
        out.command(Command::Sync);
    }
    ui.separator();
}

fn save_state(ui: &mut Ui, state: &SaveState) {
    let (text, color, hover) = match state {
        SaveState::Saved => ("Saved", ui.visuals().weak_text_color(), String::new()),
        SaveState::Unsaved => (
            "Unsaved",
            ui.visuals().warn_fg_color,
            "Saves a few seconds after the last change (Ctrl+S saves now)".to_owned(),
        ),
        SaveState::Saving => ("Saving…", ui.visuals().text_color(), String::new()),
        SaveState::Error(message) => ("Save failed", ui.visuals().error_fg_color, message.clone()),
    };
    let response = ui.label(RichText::new(text).color(color));
    if !hover.is_empty() {
        response.on_hover_text(hover);
    }
}
