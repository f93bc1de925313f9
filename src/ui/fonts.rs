//! Fonts for every script an article may contain.
//!
//! egui 0.37's bundled fonts (Ubuntu Light, Hack, egui's icons) cover Latin with diacritics,
//! Cyrillic and basic Greek, but no emoji, CJK or Arabic. Two mechanisms fill the gaps:
//!
//! - In the window, eframe's `system_fonts` feature (on in Cargo.toml) installs
//!   `egui_system_font_provider`, and `NativeOptions::system_font_fallback` is `true` by default:
//!   when no installed font has a char, egui asks fontconfig (through `fontique`) for a system font
//!   that does, on demand. That covers CJK, Arabic, Devanagari… whatever the machine has.
//! - [`install`] adds a short list of well-known font files right after egui's fonts, when they
//!   exist: a colour emoji font, a wide-coverage text font (DejaVu Sans, Noto Sans: Arabic with its
//!   presentation forms, which the article view draws joined letters with, and Hebrew) and a CJK
//!   font (Droid Sans Fallback, Noto Sans CJK). This makes these scripts look the same in the window
//!   and in headless tests (egui_kittest has no system provider and panics on a missing glyph), and
//!   keeps the common cases from depending on fontconfig.
//!
//! Nothing here panics when fonts are missing or unreadable: a missing file is skipped and listed
//! in the returned [`FontReport`]. On Debian the files come from `fonts-noto-color-emoji`,
//! `fonts-dejavu-core` and `fonts-droid-fallback`.

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{FontData, FontFamily};
use std::path::{Path, PathBuf};

/// A fallback font: the name it gets in egui, and where it is found on common systems, in order.
struct Fallback {
    name: &'static str,
    paths: &'static [&'static str],
}

/// Tried in this order and added in this order after egui's own fonts, so that they only draw
/// what egui's fonts lack: the emoji font has glyphs for digits and `#` too (for keycaps), but the
/// text font comes first and those never show in colour.
const FALLBACKS: &[Fallback] = &[
    Fallback {
        name: "gloss-emoji",
        paths: &[
            "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
            "/usr/share/fonts/noto/NotoColorEmoji.ttf",
            "/usr/share/fonts/google-noto-color-emoji-fonts/NotoColorEmoji.ttf",
            "/usr/share/fonts/noto-emoji/NotoColorEmoji.ttf",
            "/System/Library/Fonts/Apple Color Emoji.ttc",
            "C:\\Windows\\Fonts\\seguiemj.ttf",
        ],
    },
    Fallback {
        name: "gloss-text",
        paths: &[
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/TTF/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
            "/usr/share/fonts/noto/NotoSans-Regular.ttf",
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
            "C:\\Windows\\Fonts\\segoeui.ttf",
        ],
    },
    Fallback {
        name: "gloss-cjk",
        paths: &[
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
            "/System/Library/Fonts/PingFang.ttc",
            "C:\\Windows\\Fonts\\msyh.ttc",
        ],
    },
];

/// What [`install`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FontReport {
    /// egui font name and the file it was read from.
    pub loaded: Vec<(String, PathBuf)>,
    /// egui font names for which no readable font file was found.
    pub missing: Vec<String>,
}

/// Adds the fallback fonts found on this machine after the fonts already installed, in both
/// families, keeping any fonts the app set before. Reads a few megabytes from disk; call once at
/// startup (before or after the first frame).
pub fn install(ctx: &egui::Context) -> FontReport {
    let mut report = FontReport::default();
    for fallback in FALLBACKS {
        match fallback
            .paths
            .iter()
            .find_map(|path| read_font(Path::new(path)))
        {
            Some((path, bytes)) => {
                ctx.add_font(fallback_insert(fallback.name, bytes));
                report.loaded.push((fallback.name.to_owned(), path));
            }
            None => report.missing.push(fallback.name.to_owned()),
        }
    }
    report
}

/// A font used only for chars that every font before it lacks, in both families.
fn fallback_insert(name: &str, bytes: Vec<u8>) -> FontInsert {
    let families = [FontFamily::Proportional, FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    FontInsert::new(name, FontData::from_owned(bytes), families)
}

/// The file's bytes, if it exists and starts like a TrueType/OpenType font or collection.
fn read_font(path: &Path) -> Option<(PathBuf, Vec<u8>)> {
    let bytes = std::fs::read(path).ok()?;
    let magic = bytes.get(..4)?;
    let known = [&[0x00, 0x01, 0x00, 0x00][..], b"OTTO", b"true", b"ttcf"];
    known.contains(&magic).then(|| (path.to_owned(), bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn installed_fallbacks_draw_emoji_after_the_text_font() {
        let ctx = egui::Context::default();
        let report = install(&ctx);
        let font = egui::FontId::proportional(14.0);
        let loaded = |name: &str| report.loaded.iter().any(|(n, _)| n == name);
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            ui.fonts_mut(|fonts| {
                // The text font still draws Latin, Cyrillic and Greek.
                assert!(fonts.has_glyphs(&font, "Prishtinë Вучић Ελλάδα"));
                if loaded("gloss-emoji") {
                    assert!(fonts.has_glyphs(&font, "🇽🇰👨‍👩‍👧"));
                }
                if loaded("gloss-text") {
                    // Arabic letters and the joined forms the article view draws them in
                    // (seen initial, lam-alef final, meem isolated), and Hebrew with points.
                    assert!(fonts.has_glyphs(&font, "سلام \u{FEB3}\u{FEFC}\u{FEE1} שָׁלוֹם"));
                }
                if loaded("gloss-cjk") {
                    // Chinese and Japanese; Droid Sans Fallback has no Hangul, which the window
                    // finds through the system font provider.
                    assert!(fonts.has_glyphs(&font, "北京 東京 ひらがな カタカナ"));
                }
            });
        });
        // Headless: nobody uploads the font atlas, and egui insists the delta be handled.
        output.textures_delta.clear();
    }

    #[test]
    fn a_missing_or_foreign_file_is_no_font() {
        assert!(read_font(Path::new("/nonexistent/font.ttf")).is_none());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("not-a-font.ttf");
        std::fs::write(&path, b"hello world").unwrap();
        assert!(read_font(&path).is_none());
    }
}
