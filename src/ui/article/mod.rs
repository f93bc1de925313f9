//! The article view: the centre of the window. Shows one document's text with its annotations in
//! place and turns mouse input into selections and clicks.
//!
//! It knows nothing of files, projects or the workbench. Each frame the app hands it an
//! [`ArticleInput`] (the text, the marks to draw, the current selection) and executes the
//! [`ArticleEvent`]s that [`ArticleView::show`] returns. The view keeps only view state: scroll
//! position, paragraph heights, the drag in progress.
//!
//! ```no_run
//! # use gloss::ui::article::{ArticleEvent, ArticleInput, ArticleView};
//! # fn frame(ui: &mut egui::Ui, view: &mut ArticleView, text: &gloss::model::Text) {
//! let input = ArticleInput::new(text);
//! for event in view.show(ui, &input) {
//!     match event {
//!         ArticleEvent::Select(span) => { /* set the selection */ }
//!         ArticleEvent::ClickAnnotation(id) => { /* select the annotation */ }
//!         ArticleEvent::ClickText(_) | ArticleEvent::Hover(_) => {}
//!     }
//! }
//! # }
//! ```
//!
//! # What the app provides
//! - One [`Mark`] per span: an entity mention, each content span, the cue and a plain-span speaker
//!   of a quote (all with the quote's id), an event trigger. Build the `Vec<Mark>` when the
//!   document changes, not every frame, and bump `marks_revision` with it.
//! - [`Link`]s for quote → speaker mention and event → argument filler. Only those touching the
//!   selected annotation are drawn: a curve from the source's tag to a role tag on the target.
//! - The document's tokens, for snapping and double-click.
//!
//! Tests and popups can find where text is with [`ArticleView::char_rect`],
//! [`ArticleView::span_rects`] and [`ArticleView::visible_span`], and what was drawn with
//! [`ArticleView::drawn_glyphs`]; the widget's accessible role is `Article`, labelled "Article".
//!
//! # Right-to-left text
//! A paragraph with Arabic or Hebrew is laid out in visual order by the Unicode Bidirectional
//! Algorithm, Arabic letters joined, right-aligned when it starts with a right-to-left letter
//! (`bidi`, `arabic`, `visual`). Every conversion between chars and places goes through its map, so
//! marks, selection and hit-testing agree with what is drawn; a mark across a change of direction
//! is drawn in pieces. Paragraphs without right-to-left text take the plain path, unchanged.
//!
//! # Speed
//! The text is split into paragraphs once per document. Marks are indexed by paragraph once per
//! `marks_revision`, in O(marks · log marks): about a millisecond for 30,000 marks. Each frame lays
//! out only the paragraphs in the viewport (egui's galley cache keeps those laid out while they
//! stay on screen), and annotations are painted as shapes over uncoloured text instead of being
//! baked into the text layout: adding or removing an annotation, selecting, hovering or switching
//! theme never lays out text again. Heights of paragraphs not yet seen are estimated from their
//! length and corrected when they come into view, with the scroll offset adjusted so that the
//! text being read does not move. A right-to-left paragraph is laid out once when it comes into
//! view (a few milliseconds for 2,000 chars) and kept while it stays on screen.

mod arabic;
mod bidi;
mod colors;
mod geometry;
mod input;
mod marks;
mod paint;
mod paragraphs;
mod view;
mod visual;

use std::sync::Arc;

use egui::Color32;

use crate::model::{AnnotationId, CharSpan, Text};

pub use colors::from_model as color_from_model;
pub use view::{ArticleView, Page};
pub use visual::{bidi_label, bidi_wrapped_label};

/// One span to draw: an entity mention, a part of a quote, an event trigger, a suggestion.
///
/// An annotation with several spans (a quote's content, cue and speaker span) has one mark per
/// span, all with the same `annotation`. Marks may nest and overlap freely.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Char offsets into the document, half-open. Spans outside the text are clipped or skipped.
    pub span: CharSpan,
    /// What a click on this mark selects.
    pub annotation: AnnotationId,
    pub kind: MarkKind,
    /// The schema's colour for the label (see [`color_from_model`]). The view derives tints and
    /// readable line colours from it for the current theme.
    pub color: Color32,
    /// The small label drawn above the start of the span (`PERSON`, `Meet`, `QUOTE`); empty for
    /// none. An `Arc<str>` so that the app can share one string per label across thousands of marks.
    pub tag: Arc<str>,
}

/// How a mark is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkKind {
    /// An entity mention: tinted background, coloured underline (stacked by nesting depth), tag.
    Entity,
    /// Quoted content: light tint and a bar in the left margin beside its rows.
    QuoteContent,
    /// The cue of a quote ("said"): dashed underline.
    QuoteCue,
    /// A speaker given as a plain span (not an entity mention): outlined.
    QuoteSpeaker,
    /// An event trigger: box in the event colour and the event type as tag.
    Trigger,
    /// A recommender's suggestion, not yet accepted: lighter, dashed.
    Suggestion,
}

/// A relation to draw when one of its ends is the selected annotation: a quote's speaker mention,
/// an event's argument. Drawn as a curve from the anchor of `from` to the anchor of `to`, with
/// `role` as a tag on `to`.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub from: AnnotationId,
    pub to: AnnotationId,
    /// `speaker`, or the argument's role (`Participant`, `Place`).
    pub role: Arc<str>,
}

/// Everything the view shows in one frame. Borrowed: the view copies nothing that is O(document).
#[derive(Clone, Copy, Debug)]
pub struct ArticleInput<'a> {
    pub text: &'a Text,
    /// All marks of the document, in any order.
    pub marks: &'a [Mark],
    /// Must change whenever `marks` changes (the workbench's document revision will do): the view
    /// re-indexes the marks only then. A new text is detected by itself.
    pub marks_revision: u64,
    /// Relations drawn for the selected annotation, in any order.
    pub links: &'a [Link],
    /// The selected text range, drawn in the theme's selection colour.
    pub selection: Option<CharSpan>,
    /// Drawn emphasised, with its links.
    pub selected_annotation: Option<AnnotationId>,
    /// Find-in-document hits, sorted by start.
    pub find_hits: &'a [CharSpan],
    /// The hit Enter moved to, drawn stronger.
    pub current_find_hit: Option<CharSpan>,
    /// The document's tokens, sorted (`model::tokens::tokens`). Drag selections snap to them and a
    /// double-click selects one. When empty, drags select chars and a double-click tokenises the
    /// paragraph on the spot.
    pub tokens: &'a [CharSpan],
    /// Select single chars instead of snapping to tokens.
    pub char_precision: bool,
    /// Scroll so that this char offset is in view. Pass it on the frame of the request only (after
    /// a click in the annotation list, a find); nothing moves when the offset is already visible.
    pub scroll_to: Option<usize>,
}

impl<'a> ArticleInput<'a> {
    /// The text alone: no marks, no selection, snapping off until `tokens` is set.
    pub fn new(text: &'a Text) -> Self {
        Self {
            text,
            marks: &[],
            marks_revision: 0,
            links: &[],
            selection: None,
            selected_annotation: None,
            find_hits: &[],
            current_find_hit: None,
            tokens: &[],
            char_precision: false,
            scroll_to: None,
        }
    }
}

/// What the analyst did with the mouse. Offsets are document char offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleEvent {
    /// A drag, a double-click on a word or a shift-click selected this span: snapped to tokens
    /// unless `char_precision`, never empty. Shift-click extends the current selection to the
    /// clicked token (or selects it when there is no selection).
    Select(CharSpan),
    /// A click on a mark or on its tag: the innermost (shortest) mark under the pointer.
    ClickAnnotation(AnnotationId),
    /// A click on text outside every mark, or on the empty page, at this caret offset. Apps
    /// usually clear the selection.
    ClickText(usize),
    /// The pointer moved onto a mark (`Some`) or off every mark (`None`). Sent on change only.
    Hover(Option<AnnotationId>),
}

/// How the article looks. Sizes in points unless said otherwise.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleStyle {
    /// Size of the body text.
    pub font_size: f32,
    /// Distance between rows as a multiple of `font_size`. Tags sit in the space above each row's
    /// text and stacked underlines in the space below, so this is looser than plain prose.
    pub line_spacing: f32,
    /// Space after a paragraph, as a multiple of `font_size`.
    pub paragraph_spacing: f32,
    /// Longest row, in ems of the body font. At about half an em per char, 40 em is ~80 chars,
    /// the upper end of a comfortable measure; the column is centred when the panel is wider.
    pub max_width_em: f32,
    /// Minimum space left and right of the column; quote bars are drawn in the left one.
    pub margin: f32,
    /// Draw label tags above spans.
    pub show_tags: bool,
}

impl Default for ArticleStyle {
    fn default() -> Self {
        Self {
            font_size: 16.0,
            line_spacing: 2.3,
            paragraph_spacing: 0.8,
            max_width_em: 40.0,
            margin: 28.0,
            show_tags: true,
        }
    }
}
