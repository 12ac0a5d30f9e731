//! The command line: `jiaodui [FILE]` opens the window; `import`, `export`, `stats`, `tag` and the
//! collection commands (`collection`, `officials`, `find`) work without one, for scripts and
//! batch jobs.
//!
//! Each subcommand lives in its own module and returns `Result<(), CliError>`; `main.rs` only
//! parses arguments and turns the result into an exit code (0 success, 1 failure, 2 bad usage —
//! the last one is clap's own).

mod batch;
mod collection;
mod export;
mod find;
mod import;
mod officials;
mod stats;
mod table;
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
  jiaodui import scans/ --collection archive   a folder of bulletins into a collection
  jiaodui collection archive                   the issues by date, with their progress
  jiaodui officials archive --format csv -o officials.csv
  jiaodui find archive 张红军                   every mention across the issues
  jiaodui export bulletin.jiaodui.ron --format jsonl -o articles.jsonl
  jiaodui stats bulletin.jiaodui.ron
  echo '管委会主任张红军主持会议' | jiaodui tag";

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Turn raw OCR texts into projects: decode, split into articles, repair paragraphs cut by
    /// the scan, set page furniture aside and suggest entities.
    ///
    /// Accepts UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK and Big5, and Word
    /// documents (.docx: the text of the paragraphs and tables in reading order); the detected
    /// encoding is printed and stored. Empty, binary, undecodable or damaged files are refused
    /// and nothing is written for them.
    ///
    /// With --collection, any number of files and folders (walked for .txt and .docx) are
    /// imported in parallel into the collection folder: one project per file, named after it
    /// (gaoxin-2021-06-10.txt → gaoxin-2021-06-10.jiaodui.ron), the issue date read from the
    /// file name or the text, and the collection's decisions applied. Files already imported
    /// are skipped (run it again to finish an interrupted batch); a bad file is reported in the
    /// summary and the others go on.
    Import {
        /// The raw text file or Word document; with --collection, files and folders.
        #[arg(required = true, value_name = "RAW")]
        inputs: Vec<PathBuf>,
        /// Where to write the project [default: RAW with the ending .jiaodui.ron].
        #[arg(short, long, conflicts_with = "collection")]
        output: Option<PathBuf>,
        /// Import into the collection in this folder (created when missing).
        #[arg(short, long, value_name = "FOLDER")]
        collection: Option<PathBuf>,
        /// Replace OUTPUT if it exists (the old file is kept as OUTPUT.bak); with
        /// --collection, import again files already in it.
        #[arg(short, long)]
        force: bool,
        /// Skip entity suggestions (structure only; no dictionary is loaded).
        #[arg(long)]
        no_entities: bool,
    },
    /// List the issues of a collection by date, with reviewed articles and status; correct an
    /// issue's date; take in what editors changed in the projects.
    Collection {
        /// The collection folder (or its index file).
        collection: PathBuf,
        /// Set the date of an issue: ISSUE=YYYY-MM-DD (repeatable). A date set this way is
        /// kept when the issue is imported again.
        #[arg(long, value_name = "ISSUE=DATE")]
        set_date: Vec<String>,
        /// Read every project again: counts, status, the shared registry, and the names
        /// confirmed and suggestions rejected in each issue (which then hold in all of them).
        #[arg(long)]
        refresh: bool,
        /// Record that other spellings are the same entity: NAME=ALIAS[,ALIAS…], a person
        /// unless prefixed with org: or place: (repeatable). Holds in every issue.
        #[arg(long, value_name = "NAME=ALIAS")]
        merge: Vec<String>,
        /// Record that a person of this name in this organization is someone else:
        /// NAME@ORGANIZATION (repeatable).
        #[arg(long, value_name = "NAME@ORG")]
        split: Vec<String>,
        /// Never suggest this text again in any issue: TEXT, a person unless prefixed with
        /// org:, place: or title: (repeatable).
        #[arg(long, value_name = "TEXT")]
        reject: Vec<String>,
    },
    /// Officials over time across a collection.
    ///
    /// csv: one row per person and post — person, post, organization, first date, last date,
    /// issues. jsonl: every appearance of an official — person, date, issue, article, headline
    /// and the post written there. Existing files are replaced only with --force.
    Officials {
        /// The collection folder (or its index file).
        collection: PathBuf,
        /// csv or jsonl.
        #[arg(short, long, default_value = "csv")]
        format: String,
        /// The file to write [default: standard output].
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Only posts in organizations whose name contains this text.
        #[arg(long)]
        org: Option<String>,
        /// CSV: no UTF-8 byte order mark.
        #[arg(long)]
        no_bom: bool,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Find a text across every issue of a collection: date, issue, article, headline and the
    /// words around each hit. Case and full-/half-width forms are ignored.
    Find {
        /// The collection folder (or its index file).
        collection: PathBuf,
        /// The text to find.
        text: String,
        /// TEXT is a regular expression.
        #[arg(long)]
        regex: bool,
        /// At most this many hits.
        #[arg(long, default_value_t = 500)]
        limit: usize,
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
            inputs,
            output,
            collection,
            force,
            no_entities,
        } => match collection {
            Some(out) => batch::run(&inputs, &out, force, !no_entities, lang),
            None => import::run_single(&inputs, output, force, !no_entities, lang),
        },
        Command::Collection {
            collection: dir,
            set_date,
            refresh,
            merge,
            split,
            reject,
        } => collection::run(
            &dir,
            &collection::Changes {
                set_dates: &set_date,
                merges: &merge,
                splits: &split,
                rejections: &reject,
            },
            refresh,
            lang,
        ),
        Command::Officials {
            collection: dir,
            format,
            output,
            org,
            no_bom,
            force,
        } => officials::run(
            officials::OfficialsRequest {
                collection: &dir,
                format: &format,
                output,
                org: org.as_deref(),
                bom: !no_bom,
                force,
            },
            lang,
        ),
        Command::Find {
            collection: dir,
            text,
            regex,
            limit,
        } => find::run(&dir, &text, regex, limit, lang),
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
