//! The `jiaodui` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;
use jiaodui::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => {
            eprintln!("the window is not available in this build; see `jiaodui --help`");
            ExitCode::FAILURE
        }
    }
}
