//! Gloss: a native desktop workbench for annotating news articles with entities, quotes and events.
//!
//! Layers, and the one direction data flows (see `../shared/HOUSE-STYLE.md`):
//! `model` ← `storage`, `formats` ← `workbench` ← `ui` ← `cli` / `main.rs`.

pub mod cli;
pub mod formats;
pub mod model;
pub mod review;
pub mod storage;
pub mod suggest;
pub mod ui;
pub mod workbench;
