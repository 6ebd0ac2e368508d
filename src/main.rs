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
                Err(err) => {
                    #[expect(
                        clippy::print_stderr,
                        reason = "main is where errors are printed, once"
                    )]
                    {
                        eprintln!("dpia-register: {err}");
                    }
                    ExitCode::from(2)
                }
            }
        }
    }
}
