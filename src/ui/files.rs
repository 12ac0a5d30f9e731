//! Files: native dialogs off the UI thread, a typed path when no dialog can be shown, and turning
//! a file on disk into an open project.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crate::formats::project::{self, EXTENSION};
use crate::i18n::Lang;
use crate::model::Project;
use crate::pipeline;

/// What a chosen path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A raw text to import as a new project.
    ImportRaw,
    /// A project (or raw text) to open.
    Open,
    /// Where to save the project.
    SaveAs,
}

impl Purpose {
    /// The button that confirms a typed path.
    fn confirm(self, lang: Lang) -> &'static str {
        match self {
            Purpose::ImportRaw => lang.pick("导入", "Import"),
            Purpose::Open => lang.pick("打开", "Open"),
            Purpose::SaveAs => lang.pick("保存", "Save"),
        }
    }

    fn title(self, lang: Lang) -> &'static str {
        match self {
            Purpose::ImportRaw => lang.pick("从原始文本新建项目", "New project from a raw text"),
            Purpose::Open => lang.pick("打开", "Open"),
            Purpose::SaveAs => lang.pick("另存为", "Save as"),
        }
    }
}

/// The endings of the files the window imports: OCR texts and Word documents.
const RAW_EXTENSIONS: &[&str] = &["txt", "docx"];

/// A dialog answering faster than this had no window to show (no portal, no zenity): nobody
/// cancels a file dialog within a fraction of a second.
const INSTANT_ANSWER: Duration = Duration::from_millis(400);

struct PendingDialog {
    purpose: Purpose,
    started: Instant,
    receiver: Receiver<Option<PathBuf>>,
    /// What the typed-path field starts with, should it be needed.
    suggested: String,
}

/// The path field offered instead of a native dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathPrompt {
    pub purpose: Purpose,
    pub text: String,
    /// Whether it is shown because no native dialog could be opened.
    pub no_dialog: bool,
    /// Whether the field has been given keyboard focus (once, so Tab can move on from it).
    focused: bool,
}

/// File dialogs of the window.
#[derive(Default)]
pub struct Dialogs {
    pending: Option<PendingDialog>,
    /// The typed-path fallback, when shown.
    pub prompt: Option<PathPrompt>,
}

impl Dialogs {
    /// Opens a native dialog on its own thread; the answer arrives through [`Dialogs::poll`].
    pub fn start(
        &mut self,
        purpose: Purpose,
        lang: Lang,
        suggested: Option<&Path>,
        ctx: &egui::Context,
    ) {
        if self.pending.is_some() {
            return;
        }
        let suggested_text = prefill(purpose, suggested);
        let (sender, receiver) = mpsc::channel();
        let title = purpose.title(lang).to_string();
        let project_filter = lang.pick("校对项目", "Jiaodui project").to_string();
        let text_filter = lang
            .pick("原始文本或 Word 文档", "Raw text or Word document")
            .to_string();
        let directory = suggested.and_then(Path::parent).map(Path::to_path_buf);
        let file_name = suggested
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned());
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("jiaodui-dialog".into())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new().set_title(&title);
                if let Some(directory) = directory.filter(|d| d.is_dir()) {
                    dialog = dialog.set_directory(directory);
                }
                let chosen = match purpose {
                    Purpose::SaveAs => {
                        if let Some(name) = file_name {
                            dialog = dialog.set_file_name(name);
                        }
                        dialog.add_filter(&project_filter, &["ron"]).save_file()
                    }
                    Purpose::Open => dialog
                        .add_filter(&project_filter, &["ron"])
                        .add_filter(&text_filter, RAW_EXTENSIONS)
                        .pick_file(),
                    Purpose::ImportRaw => {
                        dialog.add_filter(&text_filter, RAW_EXTENSIONS).pick_file()
                    }
                };
                let _ = sender.send(chosen);
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.pending = Some(PendingDialog {
                    purpose,
                    started: Instant::now(),
                    receiver,
                    suggested: suggested_text,
                })
            }
            Err(_) => self.offer_prompt(purpose, suggested_text, true),
        }
    }

    /// Shows the typed-path field for `purpose`, filled with `text` (a suggested folder and
    /// name, see [`prefill`]).
    pub fn offer_prompt(&mut self, purpose: Purpose, text: String, no_dialog: bool) {
        self.prompt = Some(PathPrompt {
            purpose,
            text,
            no_dialog,
            focused: false,
        });
    }

    /// Whether a native dialog is open.
    pub fn waiting(&self) -> bool {
        self.pending.is_some()
    }

    /// Stops waiting for the native dialog and offers the typed-path field instead (a dialog
    /// service that never answers must not leave the editor stuck). A late answer is ignored.
    pub fn type_path_instead(&mut self) {
        if let Some(pending) = self.pending.take() {
            self.offer_prompt(pending.purpose, pending.suggested, false);
        }
    }

    /// The path the user chose in a native dialog, once it has answered. An instant empty answer
    /// means no dialog could be shown, and the typed-path field is offered instead.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<(Purpose, PathBuf)> {
        let pending = self.pending.as_ref()?;
        let answer = match pending.receiver.try_recv() {
            Ok(answer) => answer,
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(Duration::from_millis(200));
                return None;
            }
            Err(TryRecvError::Disconnected) => {
                let pending = self.pending.take()?;
                self.offer_prompt(pending.purpose, pending.suggested, true);
                return None;
            }
        };
        let PendingDialog {
            purpose,
            started,
            suggested,
            ..
        } = self.pending.take()?;
        match answer {
            Some(path) => Some((purpose, path)),
            None if started.elapsed() < INSTANT_ANSWER => {
                self.offer_prompt(purpose, suggested, true);
                None
            }
            None => None,
        }
    }

    /// Draws the typed-path window; returns the path once confirmed. The field starts with a
    /// suggestion and holds the keyboard focus; Enter confirms, Esc cancels.
    pub fn show_prompt(&mut self, ctx: &egui::Context, lang: Lang) -> Option<(Purpose, PathBuf)> {
        let prompt = self.prompt.as_mut()?;
        let mut chosen = None;
        let mut close = false;
        egui::Modal::new(egui::Id::unique("jiaodui-path-prompt")).show(ctx, |ui| {
            ui.heading(prompt.purpose.title(lang));
            if prompt.no_dialog {
                ui.label(lang.pick(
                    "无法打开系统文件对话框,请输入文件路径:",
                    "No file dialog is available here; type the file's path:",
                ));
            }
            let label = ui.label(lang.pick("路径", "Path"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut prompt.text)
                        .desired_width(480.0)
                        .id_salt("path-prompt-field"),
                )
                .labelled_by(label.id);
            if !prompt.focused {
                field.request_focus();
                // The cursor at the end, after the suggested name, ready to change it.
                let end = prompt.text.chars().count();
                if let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), field.id) {
                    state
                        .cursor
                        .set_char_range(Some(egui::text::CCursorRange::one(
                            egui::text::CCursor::new(end),
                        )));
                    state.store(ui.ctx(), field.id);
                }
                prompt.focused = true;
            }
            let entered = (field.has_focus() || field.lost_focus())
                && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let escaped = ui.input(|i| i.key_pressed(egui::Key::Escape));
            ui.horizontal(|ui| {
                if (ui.button(prompt.purpose.confirm(lang)).clicked() || entered)
                    && !prompt.text.trim().is_empty()
                {
                    chosen = Some((prompt.purpose, PathBuf::from(prompt.text.trim())));
                }
                if ui.button(lang.pick("取消", "Cancel")).clicked() || escaped {
                    close = true;
                }
            });
        });
        if chosen.is_some() || close {
            self.prompt = None;
        }
        chosen
    }
}

/// What the typed-path field starts with: the suggested file in full, or the folder of the
/// suggestion (the working folder when there is none) ending in a separator, ready for a name.
pub fn prefill(purpose: Purpose, suggested: Option<&Path>) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let absolute = |p: &Path| {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            cwd.join(p)
        }
    };
    let folder_of = |p: &Path| {
        let mut text = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map(absolute)
            .unwrap_or_else(|| cwd.clone())
            .display()
            .to_string();
        if !text.ends_with(std::path::MAIN_SEPARATOR) {
            text.push(std::path::MAIN_SEPARATOR);
        }
        text
    };
    match (purpose, suggested) {
        (Purpose::SaveAs, Some(path)) => absolute(path).display().to_string(),
        (_, Some(path)) => folder_of(path),
        (_, None) => folder_of(&cwd.join("x")),
    }
}

/// A file turned into a project.
pub struct Opened {
    pub project: Project,
    /// The project file, when the file was one (raw texts have none until saved).
    pub path: Option<PathBuf>,
    /// The raw text, when a raw text was opened: exports must never write over it.
    pub source: Option<PathBuf>,
    /// Whether entity suggestions still have to be computed (fresh import).
    pub needs_suggestions: bool,
}

/// Whether `path` names a project file (by its ending).
pub fn is_project_path(path: &Path) -> bool {
    path.to_string_lossy().to_lowercase().ends_with(EXTENSION)
}

/// Opens a project file, or imports a raw text (structure only; suggestions come later, in the
/// background). The error is a message in the user's language.
pub fn open(path: &Path, lang: Lang) -> Result<Opened, String> {
    if is_project_path(path) {
        let project = project::load(path).map_err(|e| e.message(lang))?;
        return Ok(Opened {
            project,
            path: Some(path.to_path_buf()),
            source: None,
            needs_suggestions: false,
        });
    }
    let bytes = std::fs::read(path).map_err(|error| {
        project::ProjectError::Io {
            path: path.to_path_buf(),
            error,
        }
        .message(lang)
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let project = pipeline::import_structure(&bytes, &name).map_err(|e| e.message(lang))?;
    Ok(Opened {
        project,
        path: None,
        source: Some(path.to_path_buf()),
        needs_suggestions: true,
    })
}

/// The embedded sample bulletin as a fresh import.
pub fn sample() -> Opened {
    let project = pipeline::import_structure(crate::SAMPLE_BULLETIN.as_bytes(), crate::SAMPLE_NAME)
        .expect("the embedded sample is valid UTF-8 text");
    Opened {
        project,
        path: None,
        source: None,
        needs_suggestions: true,
    }
}

/// `path` with the project ending added if it lacks it.
pub fn with_project_extension(path: PathBuf) -> PathBuf {
    if is_project_path(&path) {
        return path;
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    let trimmed = Path::new(&name)
        .file_stem()
        .filter(|_| {
            path.extension()
                .is_some_and(|e| e == "ron" || RAW_EXTENSIONS.iter().any(|raw| e == *raw))
        })
        .map(|s| s.to_os_string());
    if let Some(stem) = trimmed {
        name = stem;
    }
    name.push(".");
    name.push(EXTENSION);
    path.with_file_name(name)
}

/// The name a new project is first saved under: the raw file's name with the project ending.
pub fn suggested_project_name(project: &Project) -> PathBuf {
    let stem = Path::new(&project.source.name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "project".to_string());
    PathBuf::from(format!("{stem}.{EXTENSION}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_extension_is_added_once() {
        assert_eq!(
            with_project_extension(PathBuf::from("/tmp/a.txt")),
            PathBuf::from("/tmp/a.jiaodui.ron")
        );
        assert_eq!(
            with_project_extension(PathBuf::from("/tmp/a.jiaodui.ron")),
            PathBuf::from("/tmp/a.jiaodui.ron")
        );
        assert_eq!(
            with_project_extension(PathBuf::from("/tmp/a.docx")),
            PathBuf::from("/tmp/a.jiaodui.ron")
        );
        assert_eq!(
            with_project_extension(PathBuf::from("b")),
            PathBuf::from("b.jiaodui.ron")
        );
    }
}
