//! The `gloss` binary: a thin host over the library's command line (see `gloss::cli`).

fn main() -> std::process::ExitCode {
    gloss::cli::main()
}
