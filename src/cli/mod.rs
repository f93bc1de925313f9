//! The `gloss` command line: parses the arguments, then opens the window or runs one command on a
//! project folder.
//!
//! Conventions every command keeps: results go to stdout; an error is ONE line on stderr
//! (`error: …`, naming the file, the place and what was expected) with a non-zero exit status and no
//! backtrace; warnings are `warning: …` lines on stderr. A closed stdout (`gloss suggest … | head`)
//! ends the command quietly with status 0, as ripgrep and git do: the reader has what it wanted.
//!
//! Each command parses its arguments, calls one service of [`crate::workbench::tasks`] and prints
//! what it returns; this module never loads, locks or saves a project itself.

mod adjudicate;
mod agree;
mod args;
mod assign;
mod check;
mod consistency;
mod create;
mod eval;
mod events;
mod export;
mod import;
mod meta;
mod progress;
mod quotes;
mod search;
mod stats;
mod suggest;
mod sync;
mod table;
mod train;

use std::process::ExitCode;

use clap::Parser;

pub use args::{Cli, Command, WindowArgs};

/// The subcommands, for messages about a word that is neither a command nor a folder.
const COMMANDS: &[&str] = &[
    "open",
    "new",
    "import",
    "check",
    "stats",
    "export",
    "suggest",
    "eval",
    "agree",
    "adjudicate",
    "train",
    "search",
    "consistency",
    "quotes",
    "events",
    "meta",
    "sync",
    "assign",
];

/// What the command line asks of the process: an exit status, or the window (which `main.rs`, the
/// host of both faces, opens: the command line never draws).
#[derive(Debug)]
pub enum Launch {
    Exit(ExitCode),
    /// Open the window on this project (already checked to be one), maybe for a screenshot.
    Window(WindowArgs),
}

/// Runs `gloss` with the process's arguments. A command's exit status: 0 on success, 1 when a
/// command fails or `gloss check` finds problems, 2 for a malformed command line.
pub fn main() -> Launch {
    quiet_on_closed_stdout();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let first = std::env::args_os().nth(1);
            return Launch::Exit(report_usage_error(&err, first.as_deref()));
        }
    };
    match run(cli) {
        Ok(launch) => launch,
        Err(err) => Launch::Exit(report_error(&err)),
    }
}

/// Prints a failed command's error as one `error:` line (nothing for a closed stdout) and gives
/// its exit status.
pub fn report_error(err: &anyhow::Error) -> ExitCode {
    if is_broken_pipe(err) {
        return ExitCode::SUCCESS;
    }
    eprintln!("error: {}", one_line(&format!("{err:#}")));
    ExitCode::FAILURE
}

/// Runs a parsed command line. `Ok` carries the exit status of a command that ran to the end
/// (`gloss check` finishing with problems is not an error of the command line), or the window.
pub fn run(cli: Cli) -> anyhow::Result<Launch> {
    let code = match cli.command {
        None => return open(cli.window),
        Some(Command::Open(window)) => return open(window),
        Some(Command::New(args)) => create::run(&args),
        Some(Command::Import(args)) => import::run(&args),
        Some(Command::Check(args)) => check::run(&args.dir, args.repair),
        Some(Command::Stats(args)) => stats::run(&args),
        Some(Command::Export(args)) => export::run(&args),
        Some(Command::Suggest(args)) => suggest::run(&args),
        Some(Command::Eval(args)) => eval::run(&args),
        Some(Command::Agree(args)) => agree::run(&args),
        Some(Command::Adjudicate(args)) => adjudicate::run(&args),
        Some(Command::Train(args)) => train::run(&args),
        Some(Command::Search(args)) => search::run(&args),
        Some(Command::Consistency(args)) => consistency::run(&args),
        Some(Command::Quotes(args)) => quotes::run(&args),
        Some(Command::Events(args)) => events::run(&args),
        Some(Command::Meta(args)) => meta::run(&args),
        Some(Command::Sync(args)) => sync::run(&args),
        Some(Command::Assign(args)) => assign::run(&args),
    }?;
    Ok(Launch::Exit(code))
}

/// Opens the window, after checking from here that the folder is a project, so that a typo gives a
/// one-line error instead of a window.
fn open(window: WindowArgs) -> anyhow::Result<Launch> {
    // The same rule as the window's "Who is annotating?": the name names the annotator's layer file.
    if let Some(name) = &window.annotator
        && crate::model::LayerName::new(name).is_none()
    {
        anyhow::bail!(
            "--as {name:?}: expected a name of ASCII letters, digits, '-', '_' and '.' (it names \
             the annotator's layer file)"
        );
    }
    if let Some(dir) = &window.project
        && !dir.exists()
    {
        // Most likely a mistyped command rather than a missing project.
        anyhow::bail!(
            "{}: no such project folder, nor a command (commands: {}; see `gloss --help`)",
            dir.display(),
            COMMANDS.join(", ")
        );
    }
    if let Some(dir) = &window.project
        && !crate::workbench::tasks::is_project(dir)
    {
        anyhow::bail!(
            "{}: not a Gloss project (expected a folder with a project.ron); \
             make one with `gloss new {} --preset news`",
            dir.display(),
            dir.display()
        );
    }
    Ok(Launch::Window(window))
}

/// Prints help and version as clap formats them; squeezes a usage error into one line. `first` is
/// the first argument, to explain `gloss chekc DIR` (a mistyped command read as a project folder).
fn report_usage_error(err: &clap::Error, first: Option<&std::ffi::OsStr>) -> ExitCode {
    let code = u8::try_from(err.exit_code()).unwrap_or(2);
    if !err.use_stderr() {
        // `--help` and `--version`: not errors, printed in full to stdout.
        let _ = err.print();
        return ExitCode::from(code);
    }
    if err.kind() == clap::error::ErrorKind::ArgumentConflict
        && let Some(word) = first.and_then(std::ffi::OsStr::to_str)
        && !word.starts_with('-')
        && !COMMANDS.contains(&word)
        && !std::path::Path::new(word).exists()
    {
        eprintln!(
            "error: {word:?} is not a command (commands: {}; see `gloss --help`)",
            COMMANDS.join(", ")
        );
        return ExitCode::from(code);
    }
    let rendered = err.render().to_string();
    let message = join_clap_lines(&rendered);
    let message = message.strip_prefix("error: ").unwrap_or(&message);
    eprintln!("error: {message}");
    ExitCode::from(code)
}

/// clap's multi-line error as one line: a line ending in `:` runs on into the next; other lines
/// are separated by `; `. The closing "For more information" hint is dropped.
fn join_clap_lines(rendered: &str) -> String {
    let mut message = String::new();
    for line in rendered.lines().map(str::trim) {
        if line.is_empty() || line.starts_with("For more information") {
            continue;
        }
        if !message.is_empty() {
            message.push_str(if message.ends_with(':') { " " } else { "; " });
        }
        message.push_str(line);
    }
    message
}

/// Writes `text` to stdout. A reader that closed the pipe early gives an error of kind
/// `BrokenPipe`, which [`main`] turns into a quiet exit.
fn emit(text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Whether a command failed only because stdout was closed (`| head`).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// `println!` panics when stdout is a closed pipe ("failed printing to stdout: Broken pipe"); for
/// the commands that still print that way, such a panic ends the process quietly with status 0
/// instead. Every other panic keeps the default report.
fn quiet_on_closed_stdout() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

/// The plural ending for a count in a message: "1 document", "2 documents".
fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Joins a possibly multi-line message (a RON parser's, an OS error's) into one line.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_bare_project_path_opens_the_window() {
        let cli = Cli::try_parse_from(["gloss", "projects/kosovo-talks"]).unwrap();
        assert!(cli.command.is_none());
        assert_eq!(
            cli.window.project.as_deref(),
            Some(std::path::Path::new("projects/kosovo-talks"))
        );
    }

    #[test]
    fn screenshot_flags_come_before_or_after_the_project() {
        let cli =
            Cli::try_parse_from(["gloss", "--screenshot", "a.png", "--frames", "5", "p"]).unwrap();
        assert_eq!(cli.window.frames, 5);
        let cli = Cli::try_parse_from(["gloss", "p", "--screenshot", "a.png"]).unwrap();
        assert_eq!(cli.window.frames, 10);
        assert!(Cli::try_parse_from(["gloss", "--frames", "0", "--screenshot", "a.png"]).is_err());
    }

    #[test]
    fn subcommands_still_parse_next_to_the_bare_project() {
        let cli = Cli::try_parse_from(["gloss", "check", "p"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Check(_))));
        let cli = Cli::try_parse_from(["gloss", "open", "--screenshot", "a.png", "p"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Open(_))));
    }

    #[test]
    fn clap_errors_become_one_readable_line() {
        let err = Cli::try_parse_from(["gloss", "new", "x"]).unwrap_err();
        let line = join_clap_lines(&err.render().to_string());
        assert!(!line.contains('\n'), "{line}");
        assert!(line.contains("not provided: --preset <PRESET>"), "{line}");
        assert!(line.contains("Usage: gloss new"), "{line}");
    }

    #[test]
    fn the_command_list_matches_the_subcommands() {
        let names: Vec<String> = Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_owned())
            .filter(|name| name != "help")
            .collect();
        assert_eq!(names, COMMANDS);
    }

    #[test]
    fn multi_line_messages_become_one_line() {
        assert_eq!(one_line("a\n  b\n\nc"), "a b c");
    }
}
