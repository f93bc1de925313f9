//! The command line on generated projects of 1,000 and 10,000 news-like articles (issue 16's scale
//! benchmark): for `check`, `stats`, `export --format jsonl`, `agree`, `adjudicate --auto` and
//! `suggest --apply`, and the window's first document shown, the wall time, the CPU
//! time, the peak memory (maximum resident set size, from `/usr/bin/time`) and the growth
//! exponent fitted over the sizes (1 is linear).
//!
//! Each article is 3–5 KB of text with about 100 entity mentions in each of two layers (`alice`,
//! `bob`, which disagree on a few), as in the measurements. Projects are generated once
//! into `target/scale-projects/<n>` and reused.
//!
//! `cargo bench --bench scale_cli` (GLOSS_SCALE_ARTICLES=1000,10000,100000 for other sizes,
//! GLOSS_SCALE_OPS=check,agree for some operations; needs `/usr/bin/time`; under `xvfb-run` it also
//! opens the window).
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "support/news.rs"]
mod news;

use criterion::{Criterion, criterion_group, criterion_main};
use news::{Rng, news_project};

/// How many articles are generated at once: the generator holds one chunk, not the project.
const CHUNK: usize = 2_000;

/// Generates (or reuses) a project of `n` articles under `target/scale-projects/<n>`, a chunk of
/// articles at a time: each chunk is saved as a project of its own, its files moved into place
/// and its index entries joined into one `project.ron`.
fn project(n: usize) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/scale-projects");
    let dir = root.join(n.to_string());
    if dir.join("project.ron").exists() && dir.join("complete").exists() {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    for folder in ["documents", "annotations"] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
    }
    let mut rng = Rng(0x2545_f491_4f6c_dd1d ^ n as u64);
    let mut index: Option<gloss::storage::format_v1::ProjectFile> = None;
    for first in (0..n).step_by(CHUNK) {
        let mut project = news_project(first..(first + CHUNK).min(n), &mut rng, true);
        let part = root.join(format!("part-{n}"));
        let _ = std::fs::remove_dir_all(&part);
        gloss::storage::save(&part, &mut project).unwrap();
        for folder in ["documents", "annotations"] {
            for entry in std::fs::read_dir(part.join(folder)).unwrap() {
                let entry = entry.unwrap();
                std::fs::rename(entry.path(), dir.join(folder).join(entry.file_name())).unwrap();
            }
        }
        let file: gloss::storage::format_v1::ProjectFile =
            ron::from_str(&std::fs::read_to_string(part.join("project.ron")).unwrap()).unwrap();
        match &mut index {
            None => index = Some(file),
            Some(index) => index.documents.extend(file.documents),
        }
        std::fs::remove_dir_all(&part).unwrap();
    }
    let style = ron::ser::PrettyConfig::new()
        .depth_limit(3)
        .new_line("\n")
        .indentor("    ");
    let mut text = ron::ser::to_string_pretty(&index.unwrap(), style).unwrap();
    text.push('\n');
    std::fs::write(dir.join("project.ron"), text).unwrap();
    std::fs::write(dir.join("complete"), "").unwrap();
    dir
}

/// Runs `gloss <args>` under `/usr/bin/time`: (wall s, CPU s, peak RSS MB).
fn measure(args: &[&str]) -> (f64, f64, f64) {
    let output = Command::new("/usr/bin/time")
        .args(["-f", "%e %U %S %M"])
        .arg(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("gloss-scale-config"),
        )
        .env(
            "XDG_DATA_HOME",
            std::env::temp_dir().join("gloss-scale-data"),
        )
        .stdout(std::process::Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let last = stderr.lines().last().unwrap_or_default();
    let figures: Vec<f64> = last
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    assert!(
        figures.len() == 4,
        "gloss {args:?} gave no figures: {stderr}"
    );
    (figures[0], figures[1] + figures[2], figures[3] / 1024.0)
}

/// The growth exponent: the slope of log time against log size, least squares.
fn exponent(points: &[(f64, f64)]) -> f64 {
    let logs: Vec<(f64, f64)> = points.iter().map(|(x, y)| (x.ln(), y.ln())).collect();
    let n = logs.len() as f64;
    let mean_x = logs.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = logs.iter().map(|p| p.1).sum::<f64>() / n;
    let covariance: f64 = logs.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    let variance: f64 = logs.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    covariance / variance
}

fn scale_cli(_c: &mut Criterion) {
    let sizes: Vec<usize> = std::env::var("GLOSS_SCALE_ARTICLES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000]);
    let projects: Vec<(usize, PathBuf)> = sizes.iter().map(|&n| (n, project(n))).collect();
    let out = std::env::temp_dir().join(format!("gloss-scale-{}.jsonl", std::process::id()));
    let out = out.to_string_lossy().into_owned();
    let shot = std::env::temp_dir().join(format!("gloss-scale-{}.png", std::process::id()));
    let shot = shot.to_string_lossy().into_owned();
    let mut operations: Vec<(&str, Vec<&str>)> = vec![
        ("check", vec!["check"]),
        ("stats", vec!["stats"]),
        (
            "export --format jsonl",
            vec!["export", "--format", "jsonl", "--out", &out],
        ),
        ("agree", vec!["agree"]),
        ("adjudicate --auto", vec!["adjudicate", "--auto"]),
        (
            "suggest --apply (baseline)",
            vec![
                "suggest",
                "--apply",
                "--recommender",
                "baseline",
                "--layer",
                "carol",
            ],
        ),
    ];
    // The window: open the project and take a screenshot of the third frame with the first
    // document shown (needs a display: run the benchmark under `xvfb-run`). A project of more than
    // 1,000 articles opens from its index, so this is the wait before the analyst can work; the
    // rest of the project is still being read when the screenshot is taken.
    if std::env::var_os("DISPLAY").is_some() {
        operations.push((
            "window: first document shown",
            vec![
                "open",
                "--screenshot",
                &shot,
                "--frames",
                "3",
                "--as",
                "alice",
            ],
        ));
    }
    // GLOSS_SCALE_OPS=agree,suggest runs only the operations whose first word is listed.
    if let Ok(only) = std::env::var("GLOSS_SCALE_OPS") {
        let only: Vec<&str> = only.split(',').map(str::trim).collect();
        operations.retain(|(_, args)| only.contains(&args[0]));
    }
    for (name, args) in &operations {
        let mut wall_points = Vec::new();
        let mut cpu_points = Vec::new();
        for (n, dir) in &projects {
            // At 100,000 articles the export is 10 GB (more than the development machine's free
            // disk).
            if *n > 10_000 && args[0] == "export" {
                println!("{name}: {n} articles: not run (see the comment in benches/scale_cli.rs)");
                continue;
            }
            let dir = dir.to_string_lossy();
            let project_ron = std::fs::read(dir.as_ref().to_owned() + "/project.ron").unwrap();
            let mut full = args.clone();
            full.push(dir.as_ref());
            let (wall, cpu, rss) = measure(&full);
            if args[0] == "suggest" || args[0] == "adjudicate" {
                // Put the project back as it was for the next run (the generated projects have
                // no gold layer).
                std::fs::write(dir.as_ref().to_owned() + "/project.ron", project_ron).unwrap();
                for entry in std::fs::read_dir(dir.as_ref().to_owned() + "/annotations").unwrap() {
                    let folder = entry.unwrap().path();
                    let _ = std::fs::remove_file(folder.join("carol.ron"));
                    let _ = std::fs::remove_file(folder.join("gold.ron"));
                }
            }
            println!(
                "{name}: {n} articles: {wall:.2} s wall, {cpu:.2} s CPU, {rss:.0} MB peak RSS"
            );
            wall_points.push((*n as f64, wall.max(0.01)));
            cpu_points.push((*n as f64, cpu.max(0.01)));
        }
        if wall_points.len() >= 2 {
            println!(
                "{name}: growth exponent {:.2} (wall), {:.2} (CPU)",
                exponent(&wall_points),
                exponent(&cpu_points)
            );
        }
    }
    let _ = std::fs::remove_file(&out);
    let _ = std::fs::remove_file(&shot);
}

criterion_group!(benches, scale_cli);
criterion_main!(benches);
