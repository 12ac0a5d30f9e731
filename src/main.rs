//! The `jiaodui` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;
use jiaodui::cli::{Cli, run};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => open_window(cli.file),
    }
}

/// Opens the workbench, on `file` or on the last project (the embedded sample the first time).
#[cfg(feature = "window")]
fn open_window(file: Option<std::path::PathBuf>) -> ExitCode {
    let lang = jiaodui::i18n::Lang::from_system();
    match jiaodui::ui::run(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "{}: {error}",
                lang.pick(
                    "无法打开窗口(需要图形桌面与 OpenGL,见 README 中的系统软件包)",
                    "cannot open the window (a graphical desktop with OpenGL is needed; see the system packages in the README)"
                )
            );
            ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "window"))]
fn open_window(_file: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!(
        "this build has no window (built without the `window` feature); see `jiaodui --help`"
    );
    ExitCode::FAILURE
}
