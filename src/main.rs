//! The `dpia-register` binary: parse the command line, then run the desktop app or a report command.
//!
//! Errors are printed here, once, and mapped to exit codes: 0 success, 1 problems found, 2 failure.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use dpia_register::cli::{self, Cli, Command};
use dpia_register::gui;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        // A mistyped command would otherwise open the app on a file that is not there.
        None if cli.file.as_ref().is_some_and(|file| !file.exists()) => {
            let file = cli.file.unwrap_or_default();
            fail(&format!(
                "{}: no such file, and not a command (see dpia-register --help)",
                file.display()
            ))
        }
        None => gui::run(cli.file.as_deref()),
        Some(Command::Open { file }) => gui::run(Some(&file)),
        Some(command) => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            let result = cli::run(command, &mut out);
            out.flush().ok();
            match result {
                Ok(code) => code,
                // The reader has all it wants (`rank … | head`): nothing went wrong.
                Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
                Err(err) => fail(&err.to_string()),
            }
        }
    }
}

/// Prints the error, once, and gives the failure exit code.
fn fail(message: &str) -> ExitCode {
    #[expect(
        clippy::print_stderr,
        reason = "main is where errors are printed, once"
    )]
    {
        eprintln!("dpia-register: {}", cli::terminal::sanitise(message));
    }
    ExitCode::from(2)
}
