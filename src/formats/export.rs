//! Exports of the corrected articles: one entry point for every format.
//!
//! [`render`] turns a project into named files held in memory; the window's preview, the
//! command line (a single-file format written to stdout) and [`export`] all use it, so what the
//! editor previews is byte for byte what lands on disk (for a Word document, which is a zip
//! package, the preview reads its paragraphs back out of those bytes: [`preview_text`]). Offsets in every format are counted in
//! chars (Unicode scalar values), like the model's, so a span exported anywhere still points at
//! exactly the text it covers.
//!
//! Every format writes `\n` line ends: all current Windows editors and spreadsheet programs read
//! them, and they keep the files identical on every platform.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::formats::project::{ProjectError, io_reason, write_atomically};
use crate::i18n::Lang;
use crate::model::{Article, EntityId, EntityKind, Project, Span, SpanStatus, TextField};

/// The formats the corrected articles can be exported in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ExportFormat {
    /// Plain UTF-8 text for reading and for other programs that only want the words.
    Txt,
    /// Markdown, for publishing or pasting into documents.
    Markdown,
    /// One JSON object per article, for scripts and other annotation tools.
    Jsonl,
    /// TEI P5 XML, the archival standard for edited texts.
    Tei,
    /// Two spreadsheets: the officials and an index of every entity.
    Csv,
    /// Character-level BIO tags, for training NER models.
    Conll,
    /// brat standoff (`.txt` + `.ann` per article), for brat and INCEpTION.
    Brat,
    /// A Word document (`.docx`), as offices expect corrected articles back.
    Docx,
}

impl ExportFormat {
    /// Every format, in the order the export dialog lists them.
    pub fn all() -> [ExportFormat; 8] {
        [
            ExportFormat::Txt,
            ExportFormat::Docx,
            ExportFormat::Markdown,
            ExportFormat::Jsonl,
            ExportFormat::Tei,
            ExportFormat::Csv,
            ExportFormat::Conll,
            ExportFormat::Brat,
        ]
    }

    /// The short code used on the command line (`--format md`) and in settings.
    pub fn code(self) -> &'static str {
        match self {
            ExportFormat::Txt => "txt",
            ExportFormat::Markdown => "md",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Tei => "tei",
            ExportFormat::Csv => "csv",
            ExportFormat::Conll => "conll",
            ExportFormat::Brat => "brat",
            ExportFormat::Docx => "docx",
        }
    }

    /// The format with the given code (case-insensitive; `markdown` and `xml` are accepted too).
    pub fn from_code(code: &str) -> Option<ExportFormat> {
        let code = code.trim().to_ascii_lowercase();
        match code.as_str() {
            "markdown" => Some(ExportFormat::Markdown),
            "xml" => Some(ExportFormat::Tei),
            _ => ExportFormat::all().into_iter().find(|f| f.code() == code),
        }
    }

    /// The name shown to the user.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            ExportFormat::Txt => lang.pick("纯文本 (.txt)", "Plain text (.txt)"),
            ExportFormat::Markdown => lang.pick("Markdown (.md)", "Markdown (.md)"),
            ExportFormat::Jsonl => lang.pick("JSON Lines (.jsonl)", "JSON Lines (.jsonl)"),
            ExportFormat::Tei => lang.pick("TEI P5 XML (.xml)", "TEI P5 XML (.xml)"),
            ExportFormat::Csv => lang.pick(
                "表格:官员与实体索引 (.csv)",
                "Spreadsheets: officials and entity index (.csv)",
            ),
            ExportFormat::Conll => lang.pick(
                "CoNLL 字级 BIO 标注 (.conll)",
                "CoNLL character BIO tags (.conll)",
            ),
            ExportFormat::Brat => {
                lang.pick("brat 标注 (.txt + .ann)", "brat standoff (.txt + .ann)")
            }
            ExportFormat::Docx => lang.pick("Word 文档 (.docx)", "Word document (.docx)"),
        }
    }

    /// The file name extension of the single file this format writes (`txt`, `md`, `jsonl`,
    /// `xml`, `csv`, `conll`, `ann`, `docx`), for the save dialog's default name and filter.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Txt => "txt",
            ExportFormat::Markdown => "md",
            ExportFormat::Jsonl => "jsonl",
            ExportFormat::Tei => "xml",
            ExportFormat::Csv => "csv",
            ExportFormat::Conll => "conll",
            ExportFormat::Brat => "ann",
            ExportFormat::Docx => "docx",
        }
    }

    /// Whether, with these options, the format writes several files and so takes a directory as
    /// its target rather than a file.
    pub fn writes_directory(self, options: &ExportOptions) -> bool {
        match self {
            ExportFormat::Txt
            | ExportFormat::Markdown
            | ExportFormat::Conll
            | ExportFormat::Docx => options.per_article,
            ExportFormat::Jsonl => options.registry_file != RegistryFile::None,
            ExportFormat::Tei => false,
            ExportFormat::Csv | ExportFormat::Brat => true,
        }
    }

    /// Whether the format writes text (UTF-8) rather than a binary package: only text is
    /// written to standard output or shown as it is in the preview.
    pub fn is_text(self) -> bool {
        self != ExportFormat::Docx
    }
}

/// Whether and how the JSONL export also writes the registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum RegistryFile {
    /// Articles only.
    #[default]
    None,
    /// `registry.jsonl`: one entity a line.
    Jsonl,
    /// `registry.json`: one array, indented for reading.
    Json,
}

/// Choices the editor makes in the export dialog.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ExportOptions {
    /// One file per article (txt, md, conll, docx) instead of one combined file.
    pub per_article: bool,
    /// Markdown: entity mentions in bold; Word: in bold and shaded in their type's colour.
    pub bold_entities: bool,
    /// CSV: start with a UTF-8 byte order mark, which Excel needs to recognise UTF-8.
    pub csv_bom: bool,
    /// JSONL: also write the registry as a second file.
    pub registry_file: RegistryFile,
    /// Export only the spans the editor confirmed, leaving out unreviewed suggestions.
    pub confirmed_only: bool,
    /// Word: end the document with a table of the officials its articles mention.
    #[serde(default)]
    pub officials_table: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            per_article: false,
            bold_entities: false,
            csv_bom: true,
            registry_file: RegistryFile::None,
            confirmed_only: false,
            officials_table: false,
        }
    }
}

impl ExportOptions {
    /// Whether a span is exported under these options.
    pub fn includes(&self, span: &Span) -> bool {
        !self.confirmed_only || span.status == SpanStatus::Confirmed
    }

    /// The spans of `field` that are exported, in order.
    pub fn spans<'a>(&'a self, field: &'a TextField) -> impl Iterator<Item = &'a Span> + 'a {
        field.spans.iter().filter(|span| self.includes(span))
    }
}

/// Why an export could not be written.
#[derive(Debug)]
pub enum ExportError {
    /// The project has no articles, so there is nothing to write.
    NoArticles,
    /// The format writes several files and needs a directory, but the target is a file.
    TargetIsFile { path: PathBuf },
    /// The format writes one file, but the target is a directory.
    TargetIsDirectory { path: PathBuf },
    /// The export would write over the project's raw text or the project file.
    Protected { path: PathBuf },
    /// Files already exist and replacing them was not allowed.
    WouldReplace { paths: Vec<PathBuf> },
    /// A file or directory could not be written.
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl ExportError {
    /// The message for the user, in their language, saying what to do.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ExportError::NoArticles => lang
                .pick(
                    "项目中没有文章,没有可导出的内容。",
                    "the project has no articles: there is nothing to export.",
                )
                .to_string(),
            ExportError::TargetIsFile { path } => match lang {
                Lang::Zh => format!(
                    "此格式会写出多个文件,需要选择一个文件夹;{} 是一个文件。没有写入任何内容。",
                    path.display()
                ),
                Lang::En => format!(
                    "this format writes several files and needs a folder, but {} is a file. Nothing was written.",
                    path.display()
                ),
            },
            ExportError::TargetIsDirectory { path } => match lang {
                Lang::Zh => format!(
                    "此格式写出一个文件,请给出文件名;{} 是一个文件夹。没有写入任何内容。",
                    path.display()
                ),
                Lang::En => format!(
                    "this format writes one file: give a file name, {} is a folder. Nothing was written.",
                    path.display()
                ),
            },
            ExportError::Protected { path } => match lang {
                Lang::Zh => format!(
                    "{} 是原始文本或项目文件,导出永远不会覆盖它;请换一个名字。没有写入任何内容。",
                    path.display()
                ),
                Lang::En => format!(
                    "{} is the raw text or the project file, which an export never replaces; choose another name. Nothing was written.",
                    path.display()
                ),
            },
            ExportError::WouldReplace { paths } => {
                let list = paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ");
                match lang {
                    Lang::Zh => format!(
                        "已存在 {} 个文件,未获准替换:{list}。没有写入任何内容。",
                        paths.len()
                    ),
                    Lang::En => format!(
                        "{} {} already there and may not be replaced: {list}. Nothing was written.",
                        paths.len(),
                        if paths.len() == 1 {
                            "file is"
                        } else {
                            "files are"
                        }
                    ),
                }
            }
            ExportError::Io { path, error } => match lang {
                Lang::Zh => format!("无法写入 {}:{}", path.display(), io_reason(error, lang)),
                Lang::En => format!(
                    "cannot write {}: {}",
                    path.display(),
                    io_reason(error, lang)
                ),
            },
        }
    }
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ExportError {}

/// `write_atomically` fails only with [`ProjectError::Io`]; any other variant is carried over
/// as an I/O error with its English message so that nothing is silently lost.
impl From<ProjectError> for ExportError {
    fn from(error: ProjectError) -> Self {
        match error {
            ProjectError::Io { path, error } => ExportError::Io { path, error },
            other => ExportError::Io {
                path: PathBuf::new(),
                error: std::io::Error::other(other.to_string()),
            },
        }
    }
}

/// Renders the project in `format`: the files as (name relative to the target, content).
/// A single-file format returns exactly one entry. The content of a text format is UTF-8
/// ([`ExportFormat::is_text`]).
pub fn render(
    project: &Project,
    format: ExportFormat,
    options: &ExportOptions,
) -> Vec<(String, Vec<u8>)> {
    let text = match format {
        ExportFormat::Txt => super::txt::render(project, options),
        ExportFormat::Markdown => super::markdown::render(project, options),
        ExportFormat::Jsonl => super::jsonl::render(project, options),
        ExportFormat::Tei => vec![(
            "articles.xml".to_string(),
            super::tei::render(project, options),
        )],
        ExportFormat::Csv => super::csv_tables::render(project, options),
        ExportFormat::Conll => super::conll::render(project, options),
        ExportFormat::Brat => super::brat::render(project, options),
        ExportFormat::Docx => return super::docx::write::render(project, options),
    };
    text.into_iter()
        .map(|(name, content)| (name, content.into_bytes()))
        .collect()
}

/// What the preview shows of a rendered file: a text format's text; for a Word document, its
/// paragraphs read back out of the package, each with its style (`[Heading1] 标题`).
pub fn preview_text(format: ExportFormat, content: &[u8]) -> String {
    if format.is_text() {
        return String::from_utf8_lossy(content).into_owned();
    }
    match super::docx::read::paragraphs(content, usize::MAX) {
        Ok(paragraphs) => paragraphs
            .iter()
            .map(|p| match &p.style {
                Some(style) => format!("[{style}] {}\n", p.text),
                None => format!("{}\n", p.text),
            })
            .collect(),
        Err(error) => error.message(Lang::En),
    }
}

/// The files an export must never write, whatever the editor types: the raw text the project was
/// imported from and the project file itself. Any `.jiaodui.ron` file is protected as well, so a
/// mistyped target can never replace a project.
#[derive(Clone, Debug, Default)]
pub struct Protected {
    paths: Vec<PathBuf>,
}

impl Protected {
    /// Protects `paths` (files that need not exist).
    pub fn new(paths: impl IntoIterator<Item = PathBuf>) -> Protected {
        Protected {
            paths: paths.into_iter().map(|p| comparable(&p)).collect(),
        }
    }

    /// The project file and its raw text: the text given, or else the file named like the
    /// project's source beside the project file (where `import` leaves it).
    pub fn for_project(
        project: &Project,
        project_path: Option<&Path>,
        source_path: Option<&Path>,
    ) -> Protected {
        let mut paths: Vec<PathBuf> = project_path.into_iter().map(Path::to_path_buf).collect();
        paths.extend(source_path.map(Path::to_path_buf));
        if let Some(dir) = project_path.and_then(Path::parent)
            && !project.source.name.is_empty()
        {
            paths.push(dir.join(&project.source.name));
        }
        Protected::new(paths)
    }

    /// Whether writing `path` would replace a protected file or any project file.
    pub fn covers(&self, path: &Path) -> bool {
        let is_project = path
            .to_string_lossy()
            .to_lowercase()
            .ends_with(crate::formats::project::EXTENSION);
        is_project || self.covers_file(path)
    }

    /// Whether `path` is one of the files given (however it is spelled).
    pub fn covers_file(&self, path: &Path) -> bool {
        self.paths.contains(&comparable(path))
    }
}

/// `path` made absolute and free of symbolic links as far as it exists, so that `./a.txt`,
/// `dir/../a.txt` and a link to it all compare equal.
fn comparable(path: &Path) -> PathBuf {
    if let Ok(canonical) = fs::canonicalize(path) {
        return canonical;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => fs::canonicalize(parent)
            .map(|p| p.join(name))
            .unwrap_or(absolute.clone()),
        _ => absolute,
    }
}

/// One file an export will write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedFile {
    pub path: PathBuf,
    pub content: Vec<u8>,
    /// Whether a file is already there (and would be replaced).
    pub exists: bool,
}

/// What an export will do on disk, worked out before anything is written, so the editor can see
/// which files are written, which of them replace existing ones, and which files already in the
/// target folder stay as they are (left from an earlier export, perhaps).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub files: Vec<PlannedFile>,
    /// Files already in the target folder that this export neither writes nor removes.
    pub left: Vec<PathBuf>,
}

impl Plan {
    /// The files that exist and would be replaced.
    pub fn replaced(&self) -> Vec<&Path> {
        self.files
            .iter()
            .filter(|f| f.exists)
            .map(|f| f.path.as_path())
            .collect()
    }

    /// Writes the planned files. Unless `replace` is set, an existing file is refused and
    /// nothing is written; either way files are written atomically, one after the other.
    pub fn write(&self, replace: bool) -> Result<Vec<PathBuf>, ExportError> {
        let replaced = self.replaced();
        if !replace && !replaced.is_empty() {
            return Err(ExportError::WouldReplace {
                paths: replaced.into_iter().map(Path::to_path_buf).collect(),
            });
        }
        let mut written = Vec::with_capacity(self.files.len());
        for file in &self.files {
            if let Some(parent) = file.path.parent().filter(|p| !p.as_os_str().is_empty()) {
                fs::create_dir_all(parent).map_err(|error| ExportError::Io {
                    path: parent.to_path_buf(),
                    error,
                })?;
            }
            write_atomically(&file.path, &file.content, false)?;
            written.push(file.path.clone());
        }
        Ok(written)
    }
}

/// Works out what exporting the project in `format` to `target` writes, without writing.
///
/// A format that writes several files (see [`ExportFormat::writes_directory`]) takes a folder,
/// created when missing; a single-file format writes `target` itself. A wrong kind of target, a
/// project without articles and a target that would replace a protected file are refused here,
/// so nothing is ever half-written.
pub fn plan(
    project: &Project,
    format: ExportFormat,
    options: &ExportOptions,
    target: &Path,
    protected: &Protected,
) -> Result<Plan, ExportError> {
    if project.articles.is_empty() {
        return Err(ExportError::NoArticles);
    }
    let several = format.writes_directory(options);
    if several && target.is_file() {
        return Err(ExportError::TargetIsFile {
            path: target.to_path_buf(),
        });
    }
    if !several && target.is_dir() {
        return Err(ExportError::TargetIsDirectory {
            path: target.to_path_buf(),
        });
    }
    let rendered = render(project, format, options);
    let files: Vec<PlannedFile> = if several {
        rendered
            .into_iter()
            .map(|(name, content)| (target.join(name), content))
            .map(|(path, content)| PlannedFile {
                exists: path.exists(),
                path,
                content,
            })
            .collect()
    } else {
        let (_, content) = rendered
            .into_iter()
            .next()
            .expect("a single-file format renders one file");
        vec![PlannedFile {
            path: target.to_path_buf(),
            content,
            exists: target.exists(),
        }]
    };
    if let Some(file) = files.iter().find(|f| protected.covers(&f.path)) {
        return Err(ExportError::Protected {
            path: file.path.clone(),
        });
    }
    let left = if several {
        let mut left: Vec<PathBuf> = fs::read_dir(target)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_file() && !files.iter().any(|f| &f.path == p))
                    .collect()
            })
            .unwrap_or_default();
        left.sort();
        left
    } else {
        Vec::new()
    };
    Ok(Plan { files, left })
}

/// Writes the project in `format` to `target` and returns the paths written: [`plan`] with no
/// file but projects protected, then [`Plan::write`] refusing to replace any existing file.
pub fn export(
    project: &Project,
    format: ExportFormat,
    options: &ExportOptions,
    target: &Path,
) -> Result<Vec<PathBuf>, ExportError> {
    plan(project, format, options, target, &Protected::default())?.write(false)
}

/// The files of a format that writes either one file per article or one combined file:
/// `NN-headline.EXT` each, or `articles.EXT` with the articles joined by `separator`.
pub fn per_article_or_combined(
    project: &Project,
    options: &ExportOptions,
    extension: &str,
    separator: &str,
    render_article: impl Fn(&Article) -> String,
) -> Vec<(String, String)> {
    if options.per_article {
        project
            .articles
            .iter()
            .enumerate()
            .map(|(i, article)| {
                (
                    format!("{}.{extension}", article_file_stem(project, i)),
                    render_article(article),
                )
            })
            .collect()
    } else {
        let combined = project
            .articles
            .iter()
            .map(render_article)
            .collect::<Vec<_>>()
            .join(separator);
        vec![(format!("articles.{extension}"), combined)]
    }
}

/// The name of an article's own file (without extension): its 1-based number, zero-padded so
/// files sort in article order, and its headline made safe for Windows file names.
pub fn article_file_stem(project: &Project, index: usize) -> String {
    let width = project.articles.len().to_string().len().max(2);
    let headline = project
        .articles
        .get(index)
        .map(|a| sanitise_file_name(&a.headline.text, 40))
        .unwrap_or_default();
    if headline.is_empty() {
        format!("{:0width$}", index + 1)
    } else {
        format!("{:0width$}-{headline}", index + 1)
    }
}

/// Makes `text` usable as (part of) a file name on Windows, macOS and Linux: characters Windows
/// forbids (`<>:"/\|?*`, control characters) become `_`, runs of whitespace one space, trailing
/// dots and spaces go (Windows drops them silently), and the result keeps at most `max_chars`.
pub fn sanitise_file_name(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut last_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !last_space && !out.is_empty() {
                out.push(' ');
            }
            last_space = true;
            continue;
        }
        last_space = false;
        if c.is_control() || "<>:\"/\\|?*".contains(c) {
            out.push('_');
        } else {
            out.push(c);
        }
    }
    let mut out: String = out.chars().take(max_chars).collect();
    while out.ends_with(['.', ' ']) {
        out.pop();
    }
    out
}

/// The registry entity a mention refers to: its link, or — for a mention not yet linked — the
/// entity of its type spelled like it (name or alias). Used by the tables, which count mentions.
pub fn mentioned_entity(project: &Project, field: &TextField, span: &Span) -> Option<EntityId> {
    span.entity.or_else(|| {
        project
            .registry
            .find(&span.kind, field.slice(span.start, span.end))
            .map(|e| e.id)
    })
}

/// The registry entities mentioned in the exported text (see [`mentioned_entity`]): an entity
/// with no mention left — a rejected suggestion's, one whose mentions were all deleted — is
/// not exported, as the editor no longer sees it in any article.
pub fn mentioned_entities(
    project: &Project,
    options: &ExportOptions,
) -> std::collections::HashSet<EntityId> {
    let mut mentioned = std::collections::HashSet::new();
    for article in &project.articles {
        for (_, field) in article.fields() {
            for span in options.spans(field) {
                mentioned.extend(mentioned_entity(project, field, span));
            }
        }
    }
    mentioned
}

/// The fields of an article that have text, in reading order, with their slot.
pub fn present_fields(
    article: &Article,
) -> impl Iterator<Item = (crate::model::FieldSlot, &TextField)> {
    article.fields().filter(|(_, f)| !f.is_empty())
}

/// The BIO / brat tag stem of a kind: `PER`, `TITLE`, `ORG`, `LOC`, or the custom code.
pub fn short_tag(kind: &EntityKind) -> String {
    match kind {
        EntityKind::Person => "PER".into(),
        EntityKind::Title => "TITLE".into(),
        EntityKind::Org => "ORG".into(),
        EntityKind::Place => "LOC".into(),
        EntityKind::Other(code) => code
            .chars()
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for format in ExportFormat::all() {
            assert_eq!(ExportFormat::from_code(format.code()), Some(format));
            assert!(!format.name(Lang::Zh).is_empty());
        }
        assert_eq!(
            ExportFormat::from_code("Markdown"),
            Some(ExportFormat::Markdown)
        );
        assert_eq!(ExportFormat::from_code("DOCX"), Some(ExportFormat::Docx));
        assert_eq!(ExportFormat::from_code("doc"), None);
    }

    #[test]
    fn file_names_are_safe_on_windows() {
        assert_eq!(
            sanitise_file_name("a<b>:c\"d/e\\f|g?h*", 40),
            "a_b__c_d_e_f_g_h_"
        );
        assert_eq!(sanitise_file_name("  标题  二. ", 40), "标题 二");
        assert_eq!(sanitise_file_name("一二三四五", 3), "一二三");
        assert_eq!(sanitise_file_name("行\t尾\u{7}", 10), "行 尾_");
    }
}
