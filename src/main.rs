//! The `gloss` binary: a thin host wiring the two faces of one application together. The command
//! line (`gloss::cli`) runs a command, or asks for the window (`gloss::ui`), which this file opens.

use std::process::ExitCode;

use gloss::cli::{self, Launch};

/// See `Cargo.toml`: small allocations made on loading threads and freed on another are most of
/// what glibc's allocator costs a large project's reading.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // See `Cargo.toml`: no transparent huge pages for this process. Nothing depends on it working.
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    match cli::main() {
        Launch::Exit(code) => code,
        Launch::Window(window) => {
            let keys: Result<Vec<gloss::ui::Chord>, String> = window
                .keys
                .as_deref()
                .unwrap_or_default()
                .split_whitespace()
                .map(gloss::ui::Chord::parse)
                .collect();
            let keys = match keys {
                Ok(keys) => keys,
                Err(message) => return cli::report_error(&anyhow::anyhow!("--keys {message}")),
            };
            let screenshot = window.screenshot.map(|path| gloss::ui::Screenshot {
                path,
                frames: window.frames,
                keys,
                annotator: window.annotator.clone(),
            });
            match gloss::ui::run(window.project, window.annotator, window.size, screenshot) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => cli::report_error(&err),
            }
        }
    }
}
