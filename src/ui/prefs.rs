//! The analyst's personal preferences: who they are, recent projects, theme, scale. Kept in eframe's
//! storage (per user, per machine), never in the project, which the team shares.
//!
//! Window size and panel widths are remembered by eframe itself (window geometry and egui's memory,
//! which holds each panel's width), so they need no field here.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The key under which the preferences live in eframe's storage.
const STORAGE_KEY: &str = "gloss.prefs";

/// How many recent projects the File menu offers.
const MAX_RECENT: usize = 8;

/// The smallest and largest UI scale (egui zoom factor) the settings allow.
pub const SCALE_RANGE: std::ops::RangeInclusive<f32> = 0.6..=2.5;

/// Which theme to draw with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the operating system's light or dark mode.
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    pub fn name(self) -> &'static str {
        match self {
            ThemeChoice::System => "Follow the system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Everything remembered between sessions. Unknown or missing fields fall back to their defaults, so
/// an older or newer build never loses the rest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// The annotator's name: names their layer in every project. Asked at first start.
    pub annotator: Option<String>,
    /// Most recent first, at most [`MAX_RECENT`].
    pub recent: Vec<PathBuf>,
    pub theme: ThemeChoice,
    /// egui's zoom factor, within [`SCALE_RANGE`].
    pub ui_scale: f32,
    /// Whether selections keep char precision instead of snapping to tokens.
    pub char_precision: bool,
    /// Whether the document list is shown (F9); a narrow window may still hide it.
    pub show_documents: bool,
    /// Whether the inspector and annotation list are shown (F10); a narrow window may still hide it.
    pub show_inspector: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            annotator: None,
            recent: Vec::new(),
            theme: ThemeChoice::System,
            ui_scale: 1.0,
            char_precision: false,
            show_documents: true,
            show_inspector: true,
        }
    }
}

impl Prefs {
    /// The stored preferences, or the defaults when there are none or they do not parse.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Self {
        let mut prefs: Prefs = storage
            .and_then(|storage| eframe::get_value(storage, STORAGE_KEY))
            .unwrap_or_default();
        prefs.ui_scale = clamp_scale(prefs.ui_scale);
        prefs.recent.truncate(MAX_RECENT);
        prefs
    }

    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self);
    }

    /// Puts a project at the front of the recent list.
    pub fn remember_project(&mut self, dir: &Path) {
        self.recent.retain(|known| known != dir);
        self.recent.insert(0, dir.to_path_buf());
        self.recent.truncate(MAX_RECENT);
    }

    pub fn forget_project(&mut self, dir: &Path) {
        self.recent.retain(|known| known != dir);
    }
}

/// A scale inside [`SCALE_RANGE`]; NaN (from a damaged store) becomes 1.
pub fn clamp_scale(scale: f32) -> f32 {
    if scale.is_finite() {
        scale.clamp(*SCALE_RANGE.start(), *SCALE_RANGE.end())
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_projects_are_most_recent_first_without_duplicates() {
        let mut prefs = Prefs::default();
        prefs.remember_project(Path::new("/a"));
        prefs.remember_project(Path::new("/b"));
        prefs.remember_project(Path::new("/a"));
        assert_eq!(prefs.recent, vec![PathBuf::from("/a"), PathBuf::from("/b")]);
        for i in 0..20 {
            prefs.remember_project(&PathBuf::from(format!("/p{i}")));
        }
        assert_eq!(prefs.recent.len(), MAX_RECENT);
    }

    #[test]
    fn a_damaged_scale_falls_back_to_one() {
        assert_eq!(clamp_scale(f32::NAN), 1.0);
        assert_eq!(clamp_scale(10.0), 2.5);
    }
}
