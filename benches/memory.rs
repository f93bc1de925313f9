//! The model's memory (issue 16: ≤ 100 bytes per annotation, ≤ 2 KB per article beyond its text):
//! a generated project of 1,000 news-like articles with about 140 entity mentions in each of two
//! layers, saved and then read back through the real loader (`storage::load`), counted by a
//! counting global allocator: what the loaded project holds is what was allocated and not freed
//! while loading it.
//!
//! - bytes per annotation: the annotated project less the same articles without layers, per
//!   annotation;
//! - bytes per article beyond its text: the project without layers less its texts' bytes, per
//!   article (the document's metadata, ids, the project's index of it, the text's char index);
//! - the whole annotated project.
//!
//! Requested bytes, as the program asks for them: the allocator's own overhead is not counted.
//!
//! `cargo bench --bench memory`

#![allow(clippy::unwrap_used)]

#[path = "support/news.rs"]
mod news;

use std::alloc::System;
use std::path::{Path, PathBuf};

use gloss::model::{Annotation, Entity, Project, Provenance};
use news::{Rng, news_project};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const ARTICLES: usize = 1_000;

/// Saves (once) the generated project under `target/memory-projects/<name>`.
fn saved(name: &str, annotated: bool) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/memory-projects")
        .join(name);
    if dir.join("complete").exists() {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    let mut project = news_project(0..ARTICLES, &mut Rng(0x2545_f491_4f6c_dd1d), annotated);
    gloss::storage::save(&dir, &mut project).unwrap();
    std::fs::write(dir.join("complete"), "").unwrap();
    dir
}

/// The project in `dir` as the loader reads it, and the bytes it holds.
fn load(dir: &Path) -> (Project, usize) {
    let region = Region::new(GLOBAL);
    let project = gloss::storage::load(dir).unwrap();
    let change = region.change();
    // stats_alloc counts a reallocation's growth as allocated and its shrinking as freed.
    (project, change.bytes_allocated - change.bytes_deallocated)
}

fn main() {
    let bare_dir = saved("bare", false);
    let annotated_dir = saved("annotated", true);
    // The loader's thread pool and other one-time set-up, outside the counts.
    drop(load(&bare_dir));

    let (bare, bare_bytes) = load(&bare_dir);
    let text_bytes: usize = bare.documents().iter().map(|d| d.text.as_str().len()).sum();
    let articles = bare.documents().len();
    drop(bare);
    let (annotated, annotated_bytes) = load(&annotated_dir);
    let annotations: usize = annotated.layers().map(|(_, layer)| layer.len()).sum();
    drop(annotated);

    let per_annotation = (annotated_bytes - bare_bytes) as f64 / annotations as f64;
    let per_article = (bare_bytes - text_bytes) as f64 / articles as f64;
    println!("{articles} articles, {annotations} annotations, {text_bytes} bytes of text");
    println!("bytes per annotation: {per_annotation:.1}");
    println!("bytes per article beyond its text: {per_article:.0}");
    println!(
        "size of Entity {} B, Annotation {} B, Provenance {} B",
        size_of::<Entity>(),
        size_of::<Annotation>(),
        size_of::<Provenance>()
    );
    println!(
        "whole project: {:.1} MB ({annotated_bytes} bytes; without annotations {bare_bytes})",
        annotated_bytes as f64 / 1e6
    );
}
