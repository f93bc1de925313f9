//! Frame time of the article view, headless (no GPU): egui's full pass plus tessellation, on a
//! fixed 1280×800 screen.
//!
//! Issue 3's targets: CPU time per frame p50 ≤ 4 ms and p99 ≤ 12 ms on a generated 1 MB article
//! (~170k words, ~8,000 paragraphs) with 30,000 annotations scrolled to the middle, and on the
//! sample article; adding an annotation and drawing the next frame ≤ 8 ms.
//!
//! Criterion reports means; percentiles matter more for frames, so each scenario also times a run
//! of frames itself and prints p50 / p99 / max.
//!
//! `cargo bench --bench frame`

#![allow(clippy::unwrap_used)]

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{
    Color32, Event, MouseWheelSource, MouseWheelUnit, Pos2, RawInput, Rect, TouchPhase, vec2,
};
use gloss::model::tokens::tokens;
use gloss::model::{AnnotationId, CharSpan, Color, Text};
use gloss::ui::article::{ArticleInput, ArticleView, Link, Mark, MarkKind, color_from_model};
use gloss::ui::fonts;

const SCREEN: Rect = Rect::from_min_max(Pos2::ZERO, Pos2::new(1280.0, 800.0));
const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/kosovo-talks/documents/kosovo-serbia-brussels-talks.txt"
);
/// Frames timed per scenario for the percentiles.
const FRAMES: usize = 600;

/// A document as the app would hand it to the view.
struct Doc {
    text: Text,
    marks: Vec<Mark>,
    links: Vec<Link>,
    tokens: Vec<CharSpan>,
    revision: u64,
}

/// A deterministic pseudo-random generator (xorshift), so every run measures the same article.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "the",
    "talks",
    "in",
    "Brussels",
    "Kosovo",
    "Serbia",
    "said",
    "on",
    "Thursday",
    "and",
    "agreement",
    "European",
    "leaders",
    "President",
    "Vucic",
    "Kurti",
    "Prime",
    "Minister",
    "of",
    "to",
    "normalising",
    "relations",
    "police",
    "border",
    "crossing",
    "Prishtinë",
    "çështje",
    "Вучић",
    "Курти",
    "refused",
    "recognise",
    "independent",
    "state",
    "peace",
    "region",
    "a",
    "statement",
    "reporters",
    "meeting",
    "community",
    "international",
    "trust",
    "we",
    "will",
];

/// About 1 MB of news-like prose: ~8,000 paragraphs of 5 to 38 words in sentences.
fn generated_text(rng: &mut Rng) -> String {
    let mut text = String::with_capacity(1_100_000);
    while text.len() < 1_000_000 {
        let words = 5 + rng.below(34);
        for i in 0..words {
            let word = WORDS[rng.below(WORDS.len())];
            if i == 0 {
                let mut chars = word.chars();
                text.extend(chars.next().map(|c| c.to_uppercase().collect::<String>()));
                text.push_str(chars.as_str());
            } else {
                text.push_str(word);
            }
            text.push(if i + 1 == words { '.' } else { ' ' });
            if i + 1 < words && rng.below(12) == 0 {
                text.push_str(". ");
            }
        }
        text.push_str("\n\n");
    }
    text
}

/// 30,000 marks over the tokens: mentions of one to three tokens, a tenth of them nested in a
/// longer mention, quotes over whole paragraphs with a cue and a speaker link, event triggers
/// with two arguments.
fn generated_marks(newlines: &[usize], toks: &[CharSpan], rng: &mut Rng) -> (Vec<Mark>, Vec<Link>) {
    let labels: Vec<(Arc<str>, Color32)> = ["PERSON", "GPE", "ORG", "DATE", "NORP", "EVENT"]
        .iter()
        .enumerate()
        .map(|(i, l)| (Arc::from(*l), color_from_model(Color::palette(i))))
        .collect();
    let quote: (Arc<str>, Color32) = (
        Arc::from("QUOTE"),
        color_from_model(Color::rgb(0x6a, 0x3d, 0x9a)),
    );
    let event: (Arc<str>, Color32) = (Arc::from("Meet"), color_from_model(Color::palette(7)));
    let mut marks = Vec::with_capacity(30_000);
    let mut links = Vec::new();
    let mut id = 0u32;
    let mut next_id = || {
        id += 1;
        AnnotationId(id)
    };
    let mark =
        |marks: &mut Vec<Mark>, span, annotation, kind, (tag, color): &(Arc<str>, Color32)| {
            marks.push(Mark {
                span,
                annotation,
                kind,
                color: *color,
                tag: tag.clone(),
            });
        };
    while marks.len() < 30_000 {
        let t = rng.below(toks.len() - 4);
        let roll = rng.below(100);
        if roll < 84 {
            let len = 1 + rng.below(3);
            let span = CharSpan::new(toks[t].start, toks[t + len - 1].end);
            mark(
                &mut marks,
                span,
                next_id(),
                MarkKind::Entity,
                &labels[rng.below(labels.len())],
            );
            if roll < 10 {
                let outer = CharSpan::new(toks[t.saturating_sub(2)].start, span.end);
                mark(&mut marks, outer, next_id(), MarkKind::Entity, &labels[0]);
            }
        } else if roll < 90 {
            // A quote over the rest of the paragraph, its speaker the mention just before.
            let start = toks[t].start;
            let line_end = newlines[newlines
                .partition_point(|&n| n <= start)
                .min(newlines.len() - 1)];
            let end = line_end.clamp(start + 1, start + 400);
            let q = next_id();
            mark(
                &mut marks,
                CharSpan::new(start, end),
                q,
                MarkKind::QuoteContent,
                &quote,
            );
            let speaker = next_id();
            mark(
                &mut marks,
                toks[t.saturating_sub(2)],
                speaker,
                MarkKind::Entity,
                &labels[0],
            );
            mark(
                &mut marks,
                toks[t.saturating_sub(1)],
                q,
                MarkKind::QuoteCue,
                &(Arc::from("cue"), quote.1),
            );
            links.push(Link {
                from: q,
                to: speaker,
                role: Arc::from("speaker"),
            });
        } else {
            let e = next_id();
            mark(&mut marks, toks[t + 1], e, MarkKind::Trigger, &event);
            for (role, offset) in [("Participant", 0), ("Place", 3)] {
                let filler = next_id();
                mark(
                    &mut marks,
                    toks[t + offset],
                    filler,
                    MarkKind::Entity,
                    &labels[1],
                );
                links.push(Link {
                    from: e,
                    to: filler,
                    role: Arc::from(role),
                });
            }
        }
    }
    (marks, links)
}

fn generated() -> Doc {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let string = generated_text(&mut rng);
    let tokens = tokens(&string);
    let newlines: Vec<usize> = string
        .chars()
        .enumerate()
        .filter(|(_, c)| *c == '\n')
        .map(|(i, _)| i)
        .collect();
    let text = Text::new(string);
    let (marks, links) = generated_marks(&newlines, &tokens, &mut rng);
    Doc {
        text,
        marks,
        links,
        tokens,
        revision: 1,
    }
}

fn sample() -> Doc {
    let string = std::fs::read_to_string(SAMPLE).unwrap_or_else(|_| {
        "Serbian President Aleksandar Vucic and Kosovo’s Prime Minister Albin Kurti met separately \
         with European leaders in the Belgian capital.\n\n"
            .repeat(12)
    });
    let tokens = tokens(&string);
    let text = Text::new(string);
    let color = color_from_model(Color::palette(0));
    let marks = tokens
        .iter()
        .step_by(4)
        .enumerate()
        .map(|(i, t)| Mark {
            span: *t,
            annotation: AnnotationId(i as u32),
            kind: MarkKind::Entity,
            color,
            tag: Arc::from("PERSON"),
        })
        .collect();
    Doc {
        text,
        marks,
        links: Vec::new(),
        tokens,
        revision: 1,
    }
}

/// An egui context and the view, driven one frame at a time like the window drives them.
struct Screen {
    ctx: egui::Context,
    view: ArticleView,
    selected: Option<AnnotationId>,
    frame: u64,
    /// Shapes painted and vertices tessellated in the last frame.
    last_counts: (usize, usize),
}

impl Screen {
    fn new() -> Self {
        let ctx = egui::Context::default();
        fonts::install(&ctx);
        Self {
            ctx,
            view: ArticleView::default(),
            selected: None,
            frame: 0,
            last_counts: (0, 0),
        }
    }

    /// One full frame: the egui pass showing the article, then tessellation.
    fn frame(&mut self, doc: &Doc, events: Vec<Event>, scroll_to: Option<usize>) {
        self.frame += 1;
        let raw = RawInput {
            screen_rect: Some(SCREEN),
            time: Some(self.frame as f64 / 60.0),
            predicted_dt: 1.0 / 60.0,
            events,
            ..Default::default()
        };
        let input = ArticleInput {
            marks: &doc.marks,
            marks_revision: doc.revision,
            links: &doc.links,
            selected_annotation: self.selected,
            tokens: &doc.tokens,
            scroll_to,
            ..ArticleInput::new(&doc.text)
        };
        let view = &mut self.view;
        let mut output = self.ctx.run_ui(raw, |ui| {
            black_box(view.show(ui, &input));
        });
        output.textures_delta.clear();
        let shapes = output.shapes.len();
        let primitives = black_box(self.ctx.tessellate(output.shapes, output.pixels_per_point));
        self.last_counts = (shapes, primitives.iter().map(vertices).sum());
    }

    /// Opens the document scrolled to `offset` and lets layout settle.
    fn open_at(&mut self, doc: &Doc, offset: usize) {
        self.frame(
            doc,
            vec![Event::PointerMoved(SCREEN.center())],
            Some(offset),
        );
        for _ in 0..10 {
            self.frame(doc, Vec::new(), None);
        }
    }
}

fn wheel(dy: f32) -> Event {
    Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta: vec2(0.0, dy),
        phase: TouchPhase::Move,
        source: MouseWheelSource::Wheel,
        modifiers: Default::default(),
    }
}

/// Scrolls 60 points per frame, turning every 150 frames, so new paragraphs keep coming in.
fn scrolling_events(frame: u64) -> Vec<Event> {
    let down = (frame / 150).is_multiple_of(2);
    vec![wheel(if down { -60.0 } else { 60.0 })]
}

fn vertices(primitive: &egui::ClippedPrimitive) -> usize {
    match &primitive.primitive {
        egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
        egui::epaint::Primitive::Callback(_) => 0,
    }
}

/// CPU time of this thread, where the platform tells it; wall time elsewhere.
#[cfg(unix)]
fn cpu_time() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

#[cfg(not(unix))]
fn cpu_time() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// Per-frame CPU and wall times.
struct Times {
    cpu: Vec<Duration>,
    wall: Vec<Duration>,
}

fn percentiles(name: &str, times: Times) {
    let stats = |mut times: Vec<Duration>| {
        times.sort();
        let at =
            |q: f64| times[((times.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1e3;
        (at(0.5), at(0.99), at(1.0))
    };
    let (p50, p99, max) = stats(times.cpu);
    let (wall50, wall99, _) = stats(times.wall);
    println!(
        "{name}: CPU p50 {p50:.2} ms, p99 {p99:.2} ms, max {max:.2} ms \
         (wall p50 {wall50:.2} ms, p99 {wall99:.2} ms) over {FRAMES} frames"
    );
}

fn timed(mut frame: impl FnMut(usize)) -> Times {
    let mut times = Times {
        cpu: Vec::with_capacity(FRAMES),
        wall: Vec::with_capacity(FRAMES),
    };
    for i in 0..FRAMES {
        let (cpu, wall) = (cpu_time(), Instant::now());
        frame(i);
        times.cpu.push(cpu_time().saturating_sub(cpu));
        times.wall.push(wall.elapsed());
    }
    times
}

fn bench_frames(c: &mut Criterion) {
    let doc = generated();
    let middle = doc.text.char_len() / 2;
    println!(
        "generated article: {} bytes, {} tokens, {} marks, {} links",
        doc.text.as_str().len(),
        doc.tokens.len(),
        doc.marks.len(),
        doc.links.len()
    );

    let mut screen = Screen::new();
    let start = Instant::now();
    screen.frame(
        &doc,
        vec![Event::PointerMoved(SCREEN.center())],
        Some(middle),
    );
    println!(
        "1 MB article, first frame (split, index, estimate): {:.2} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    screen.open_at(&doc, middle);
    println!(
        "1 MB article, middle: chars {:?} on screen, {} shapes, {} vertices",
        screen.view.visible_span(),
        screen.last_counts.0,
        screen.last_counts.1
    );

    percentiles(
        "1 MB article, still, middle",
        timed(|_| screen.frame(&doc, Vec::new(), None)),
    );
    c.bench_function("1 MB article: still frame", |b| {
        b.iter(|| screen.frame(&doc, Vec::new(), None))
    });

    let mut scroll = Screen::new();
    scroll.open_at(&doc, middle);
    let mut seen = CharSpan::new(middle, middle);
    let times = timed(|i| {
        scroll.frame(&doc, scrolling_events(i as u64), None);
        seen = seen.union(scroll.view.visible_span().unwrap_or(seen));
    });
    percentiles("1 MB article, scrolling, middle", times);
    println!("  scrolled over chars {seen}");
    let mut i = 0;
    c.bench_function("1 MB article: scrolling frame", |b| {
        b.iter(|| {
            i += 1;
            scroll.frame(&doc, scrolling_events(i), None);
        })
    });

    // With an event selected, its links and role tags are drawn too.
    let mut selected = Screen::new();
    selected.open_at(&doc, middle);
    let visible = selected.view.visible_span().unwrap();
    selected.selected = doc
        .marks
        .iter()
        .find(|m| m.kind == MarkKind::Trigger && visible.contains(m.span.start))
        .map(|m| m.annotation);
    assert!(selected.selected.is_some(), "an event in view to select");
    percentiles(
        "1 MB article, event selected, middle",
        timed(|_| selected.frame(&doc, Vec::new(), None)),
    );

    let sample = sample();
    let mut small = Screen::new();
    small.open_at(&sample, 0);
    percentiles(
        "sample article, still",
        timed(|_| small.frame(&sample, Vec::new(), None)),
    );
    c.bench_function("sample article: still frame", |b| {
        b.iter(|| small.frame(&sample, Vec::new(), None))
    });
}

/// Adds one mark in view and draws the next frame: the view re-indexes the 30,000 marks and
/// repaints; no text is laid out again.
fn bench_add_mark(c: &mut Criterion) {
    let mut doc = generated();
    let middle = doc.text.char_len() / 2;
    let mut screen = Screen::new();
    screen.open_at(&doc, middle);
    let visible = screen.view.visible_span().unwrap();
    let in_view: Vec<CharSpan> = doc
        .tokens
        .iter()
        .copied()
        .filter(|t| visible.contains(t.start))
        .collect();
    let tag: Arc<str> = Arc::from("ORG");
    let add = |doc: &mut Doc, screen: &mut Screen, i: usize| {
        doc.marks.push(Mark {
            span: in_view[i % in_view.len()],
            annotation: AnnotationId(1_000_000 + i as u32),
            kind: MarkKind::Entity,
            color: Color32::from_rgb(0x2c, 0xa0, 0x2c),
            tag: tag.clone(),
        });
        doc.revision += 1;
        screen.frame(doc, Vec::new(), None);
    };
    percentiles(
        "1 MB article, add a mark + next frame",
        timed(|i| add(&mut doc, &mut screen, i)),
    );

    // An app that rebuilds its whole Vec<Mark> from the annotations on every edit pays this too.
    let rebuilt = timed(|i| {
        let marks = doc.marks.clone();
        doc.marks = black_box(marks);
        add(&mut doc, &mut screen, i);
    });
    percentiles(
        "1 MB article, rebuild all marks + add + next frame",
        rebuilt,
    );

    let mut i = 0;
    c.bench_function("1 MB article: add a mark + next frame", |b| {
        b.iter(|| {
            i += 1;
            add(&mut doc, &mut screen, i);
        })
    });
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
}

/// Issue 10, item 8: annotations stacked on one span (an import gone wrong, a recommender applied
/// ten thousand times). The sample article with 10,000 and then 100,000 marks on one word: the view
/// draws three and a count, so a frame costs about what the sample alone costs.
fn bench_stacks(c: &mut Criterion) {
    for stacked in [10_000u32, 100_000] {
        let mut doc = sample();
        let word = doc.tokens[40];
        let color = color_from_model(Color::palette(1));
        let first = doc.marks.len() as u32;
        doc.marks.extend((0..stacked).map(|i| Mark {
            span: word,
            annotation: AnnotationId(first + i),
            kind: MarkKind::Entity,
            color,
            tag: Arc::from(if i % 10 == 0 { "ORG" } else { "PERSON" }),
        }));
        doc.revision += 1;
        let mut screen = Screen::new();
        let (cpu, wall) = (cpu_time(), Instant::now());
        screen.open_at(&doc, word.start);
        println!(
            "{stacked} marks on one word: opening (11 frames) {:.2} ms CPU ({:.2} ms wall), {} shapes, {} vertices",
            cpu_time().saturating_sub(cpu).as_secs_f64() * 1e3,
            wall.elapsed().as_secs_f64() * 1e3,
            screen.last_counts.0,
            screen.last_counts.1
        );
        percentiles(
            &format!("{stacked} marks on one word, still"),
            timed(|_| screen.frame(&doc, Vec::new(), None)),
        );
        c.bench_function(&format!("{stacked} marks on one word: still frame"), |b| {
            b.iter(|| screen.frame(&doc, Vec::new(), None))
        });
    }
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_frames, bench_add_mark, bench_stacks
}
criterion_main!(benches);
