//! What the window's workbench holds for a project it has read in the background, against what
//! the loader's project holds (counted by a counting allocator, requested bytes):
//! `cargo run --release --example window_memory -- DIR`.
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::path::PathBuf;

use gloss::workbench::Workbench;
use gloss::workbench::jobs::Jobs;
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use std::alloc::System;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("a project folder"));
    let region = Region::new(GLOBAL);
    let project = gloss::storage::load(&dir).unwrap();
    let change = region.change();
    let loaded = change.bytes_allocated - change.bytes_deallocated;
    let annotations: usize = project.layers().map(|(_, l)| l.len()).sum();
    let documents = project.documents().len();
    drop(project);
    println!(
        "loader: {documents} documents, {annotations} annotations, {:.1} MB ({:.0} B per annotation)",
        loaded as f64 / 1e6,
        loaded as f64 / annotations as f64
    );
    let region = Region::new(GLOBAL);
    let mut wb = Workbench::open_reading_above(&dir, "alice", 1).unwrap();
    wb.set_jobs(Jobs::queued());
    for _ in 0..10_000 {
        if wb
            .reading()
            .is_none_or(|r| r.failure.is_some() || r.resting)
        {
            break;
        }
        wb.tick(std::time::Instant::now());
        wb.jobs().run_until_idle();
    }
    let change = region.change();
    let held = change.bytes_allocated - change.bytes_deallocated;
    println!(
        "workbench: reading {:?}, {:.1} MB ({:.0} B per annotation of the whole project)",
        wb.reading(),
        held as f64 / 1e6,
        held as f64 / annotations as f64
    );
}
