//! The `gloss` binary: a thin host wiring the two faces of one application together. The command
//! line (`gloss::cli`) runs a command, or asks for the window (`gloss::ui`), which this file opens.

use std::process::ExitCode;

use gloss::cli::{self, Launch};

fn main() -> ExitCode {
    match cli::main() {
        Launch::Exit(code) => code,
        Launch::Window(window) => {
            let screenshot = window.screenshot.map(|path| gloss::ui::Screenshot {
                path,
                frames: window.frames,
            });
            match gloss::ui::run(window.project, window.annotator, screenshot) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => cli::report_error(&err),
            }
        }
    }
}
