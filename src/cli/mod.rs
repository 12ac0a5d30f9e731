//! The command line: `jiaodui [FILE]` opens the window; `import`, `export`, `stats` and `tag` work
//! without one, for scripts and batch jobs.
//!
//! Each subcommand lives in its own module and returns `Result<(), CliError>`; `main.rs` only
//! parses arguments and turns the result into an exit code (0 success, 1 failure, 2 bad usage —
//! the last one is clap's own).

mod export;
mod import;
mod stats;
mod tag;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::i18n::Lang;

/// Jiaodui (校对): a workbench for correcting scanned Chinese bulletins.
///
/// Without a command, opens the window: on FILE if given (a raw OCR text is imported on the fly,
/// a .jiaodui.ron project is opened), otherwise on the last project or the embedded sample.
///
/// Messages are in Chinese when the locale (LANG, LC_ALL) is Chinese, in English otherwise.
#[derive(Debug, Parser)]
#[command(name = "jiaodui", version, about, long_about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A raw bulletin text or a project file to open in the window.
    pub file: Option<PathBuf>,
}

const EXAMPLES: &str = "Examples:
  jiaodui                                      open the window (last project, or the sample)
  jiaodui bulletin.txt                         open a raw OCR text in the window
  jiaodui import bulletin.txt                  write bulletin.jiaodui.ron next to it
  jiaodui export bulletin.jiaodui.ron --format jsonl -o articles.jsonl
  jiaodui stats bulletin.jiaodui.ron
  echo '管委会主任张红军主持会议' | jiaodui tag";

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Turn a raw OCR text into a project: decode it, split it into articles, repair paragraphs
    /// cut by the scan, set page furniture aside and suggest entities.
    ///
    /// Accepts UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK and Big5, and Word
    /// documents (.docx: the text of the paragraphs and tables in reading order); the detected
    /// encoding is printed and stored. Empty, binary, undecodable or damaged files are refused
    /// and nothing is written.
    Import {
        /// The raw text file or Word document.
        raw: PathBuf,
        /// Where to write the project [default: RAW with the ending .jiaodui.ron].
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace OUTPUT if it exists (the old file is kept as OUTPUT.bak).
        #[arg(short, long)]
        force: bool,
        /// Skip entity suggestions (structure only; no dictionary is loaded).
        #[arg(long)]
        no_entities: bool,
    },
    /// Write the corrected articles of a project in another format.
    ///
    /// Formats: txt (plain text), docx (Word: headline as Heading 1, deck as Subtitle,
    /// crossheads as Heading 2, body indented two characters), md (Markdown), jsonl (one article
    /// a line, with entity spans), tei (TEI P5 XML), csv (officials and entity index), conll
    /// (character BIO for NER training), brat (.txt + .ann per article). Formats that write
    /// several files (csv, brat, txt/md/conll/docx with --per-article, jsonl with
    /// --with-registry) take a folder as OUTPUT. Without -o a single-file text format is written
    /// to standard output (docx needs -o). Existing files are
    /// replaced only with --force; the project file and its raw text never are.
    Export {
        /// The project file.
        project: PathBuf,
        /// txt, docx, md, jsonl, tei, csv, conll or brat.
        #[arg(short, long, default_value = "jsonl")]
        format: String,
        /// The file or folder to write [default: standard output].
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// One file per article (txt, md, conll, docx).
        #[arg(long)]
        per_article: bool,
        /// Markdown: entity mentions in bold. Word: in bold, shaded in their type's colour.
        #[arg(long)]
        bold: bool,
        /// Word: end the document with a table of the officials its articles mention.
        #[arg(long)]
        officials: bool,
        /// CSV: no UTF-8 byte order mark (spreadsheets want it; other tools may not).
        #[arg(long)]
        no_bom: bool,
        /// JSONL: also write the registry as registry.jsonl (OUTPUT is then a folder).
        #[arg(long)]
        with_registry: bool,
        /// Only the entities the editor confirmed, leaving out unreviewed suggestions.
        #[arg(long)]
        confirmed_only: bool,
        /// Replace files that already exist (never the project or its raw text).
        #[arg(long)]
        force: bool,
    },
    /// Suggest entities for each line of text: one JSON object a line on standard output,
    /// `{"text", "entities": [{"type", "start", "end", "text"}]}`, offsets in characters.
    /// Reads standard input when no FILE is given.
    Tag {
        /// A text file (any encoding `import` accepts).
        file: Option<PathBuf>,
    },
    /// Print the figures of a project: articles, paragraphs, scan-break joins, furniture,
    /// entities by type and status, registry, officials.
    Stats {
        /// The project file.
        project: PathBuf,
    },
}

/// A failure to report to the user: the message is already in their language.
#[derive(Debug)]
pub struct CliError(pub String);

impl CliError {
    pub fn new(message: impl Into<String>) -> CliError {
        CliError(message.into())
    }
}

/// Runs a subcommand and returns the process exit code.
pub fn run(command: Command) -> ExitCode {
    let lang = Lang::from_system();
    let result = match command {
        Command::Import {
            raw,
            output,
            force,
            no_entities,
        } => import::run(&raw, output, force, !no_entities, lang),
        Command::Export {
            project,
            format,
            output,
            per_article,
            bold,
            officials,
            no_bom,
            with_registry,
            confirmed_only,
            force,
        } => export::run(
            export::ExportRequest {
                project: &project,
                format: &format,
                output,
                options: export::options(
                    per_article,
                    bold,
                    no_bom,
                    with_registry,
                    confirmed_only,
                    officials,
                ),
                force,
            },
            lang,
        ),
        Command::Stats { project } => stats::run(&project, lang),
        Command::Tag { file } => tag::run(file.as_deref(), lang),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError(message)) => {
            eprintln!("{}: {message}", lang.pick("错误", "error"));
            ExitCode::FAILURE
        }
    }
}

/// Loads a project for a subcommand, with the user's-language message on failure.
fn load_project(path: &std::path::Path, lang: Lang) -> Result<crate::model::Project, CliError> {
    crate::formats::project::load(path).map_err(|e| CliError(e.message(lang)))
}
