//! Schema colours made readable on the current theme: translucent tints for backgrounds, "ink"
//! with enough contrast for lines, and black or white text on tag chips.

use egui::{Color32, Rgba, Visuals};

use crate::model::Color;

/// A schema colour as egui's colour (opaque).
pub fn from_model(color: Color) -> Color32 {
    Color32::from_rgb(color.r, color.g, color.b)
}

/// The colour laid over the theme background behind a span. `strength` 1.0 is an ordinary mark;
/// more for the selected one, less for quotes that cover whole sentences.
pub(crate) fn tint(color: Color32, visuals: &Visuals, strength: f32) -> Color32 {
    // Dark backgrounds need more of the colour to show, light ones less to keep text crisp.
    let alpha = if visuals.dark_mode { 0.30 } else { 0.20 };
    color.gamma_multiply((alpha * strength).clamp(0.0, 1.0))
}

/// The colour moved towards the theme's text colour until it reaches a 3:1 contrast with the
/// background (WCAG's minimum for graphics), so that a navy underline still shows on a dark panel.
pub(crate) fn ink(color: Color32, visuals: &Visuals) -> Color32 {
    let background = visuals.panel_fill;
    let toward = visuals.strong_text_color();
    let mut out = color;
    for step in 1..=6 {
        if contrast(out, background) >= 3.0 {
            break;
        }
        out = lerp(color, toward, step as f32 * 0.15);
    }
    out
}

/// The article's text colour: halfway between the theme's text and strong text colours, since
/// egui's ordinary text colour (made for labels) is too faint for reading paragraphs.
pub(crate) fn body_text(visuals: &Visuals) -> Color32 {
    lerp(visuals.text_color(), visuals.strong_text_color(), 0.5)
}

/// Black or white, whichever reads better on `fill`.
pub(crate) fn text_on(fill: Color32) -> Color32 {
    if contrast(Color32::BLACK, fill) >= contrast(Color32::WHITE, fill) {
        Color32::BLACK
    } else {
        Color32::WHITE
    }
}

fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}

/// WCAG contrast ratio between two opaque colours, 1.0 ..= 21.0.
fn contrast(a: Color32, b: Color32) -> f32 {
    let luminance = |c: Color32| {
        let linear = Rgba::from(c);
        0.2126 * linear.r() + 0.7152 * linear.g() + 0.0722 * linear.b()
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dark_label_colours_are_lightened_on_dark_panels() {
        let navy = Color32::from_rgb(0x39, 0x3b, 0x79);
        let dark = Visuals::dark();
        assert!(contrast(ink(navy, &dark), dark.panel_fill) >= 3.0);
        let light = Visuals::light();
        assert_eq!(ink(navy, &light), navy);
    }

    #[test]
    fn chip_text_is_black_on_yellow_and_white_on_navy() {
        assert_eq!(text_on(Color32::from_rgb(0xbc, 0xbd, 0x22)), Color32::BLACK);
        assert_eq!(text_on(Color32::from_rgb(0x39, 0x3b, 0x79)), Color32::WHITE);
    }
}
