//! 文件 → 导出…: the export dialog, with the options of each format and a preview of what will be
//! written, so the editor sees the result before any file is touched.
//!
//! The dialog only reads the project; writing goes through `formats::export`, which checks the
//! target before it writes and writes each file atomically.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};

use crate::formats::export::{self, ExportFormat, ExportOptions, RegistryFile};
use crate::i18n::Lang;
use crate::model::Project;

/// How many characters of the first file the preview shows: enough to judge the format without
/// laying out a whole year of bulletins every frame.
const PREVIEW_CHARS: usize = 4000;

/// The rendered preview, kept until the format, the options or the project change.
struct Preview {
    key: (ExportFormat, ExportOptions, u64),
    files: Vec<String>,
    head: String,
}

/// The state of the export dialog.
pub struct ExportDialog {
    pub open: bool,
    format: ExportFormat,
    options: ExportOptions,
    target: String,
    preview: Option<Preview>,
    browse: Option<Receiver<Option<PathBuf>>>,
    /// The outcome of the last export: a message and whether it failed.
    outcome: Option<(String, bool)>,
}

impl Default for ExportDialog {
    fn default() -> Self {
        ExportDialog {
            open: false,
            format: ExportFormat::Jsonl,
            options: ExportOptions::default(),
            target: String::new(),
            preview: None,
            browse: None,
            outcome: None,
        }
    }
}

impl ExportDialog {
    /// Opens the dialog, proposing a target beside the project file (or in the working folder).
    pub fn open_for(&mut self, project_path: Option<&Path>, project: &Project) {
        self.open = true;
        self.outcome = None;
        if self.target.is_empty() {
            self.target = default_target(project_path, project, self.format, &self.options)
                .display()
                .to_string();
        }
    }

    /// The format currently chosen.
    pub fn format(&self) -> ExportFormat {
        self.format
    }

    /// Chooses a format and proposes a matching target name.
    pub fn set_format(
        &mut self,
        format: ExportFormat,
        project_path: Option<&Path>,
        project: &Project,
    ) {
        self.format = format;
        self.target = default_target(project_path, project, format, &self.options)
            .display()
            .to_string();
    }

    /// Sets the target path (typed by the editor or chosen in a dialog).
    pub fn set_target(&mut self, target: impl Into<String>) {
        self.target = target.into();
    }

    /// Draws the dialog; `revision` tells when the project changed so the preview is redone.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        project: &Project,
        project_path: Option<&Path>,
        revision: u64,
        lang: Lang,
    ) {
        if !self.open {
            return;
        }
        self.poll_browse();
        let mut open = self.open;
        egui::Window::new(lang.pick("导出", "Export"))
            .open(&mut open)
            .default_width(720.0)
            .collapsible(false)
            .show(ctx, |ui| {
                self.format_choice(ui, project, project_path, lang);
                self.option_checkboxes(ui, lang);
                ui.separator();
                self.target_row(ui, lang);
                ui.separator();
                self.preview_area(ui, project, revision, lang);
                ui.separator();
                ui.horizontal(|ui| {
                    if ui.button(lang.pick("导出", "Export")).clicked() {
                        self.outcome = Some(self.export_now(project, lang));
                    }
                    if let Some((message, failed)) = &self.outcome {
                        let color = if *failed {
                            ui.visuals().error_fg_color
                        } else {
                            ui.visuals().text_color()
                        };
                        ui.colored_label(color, message);
                    }
                });
            });
        self.open = open;
    }

    fn format_choice(
        &mut self,
        ui: &mut egui::Ui,
        project: &Project,
        project_path: Option<&Path>,
        lang: Lang,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.label(lang.pick("格式", "Format"));
            for format in ExportFormat::all() {
                if ui
                    .selectable_label(self.format == format, format.name(lang))
                    .clicked()
                    && self.format != format
                {
                    self.set_format(format, project_path, project);
                }
            }
        });
    }

    fn option_checkboxes(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let options = &mut self.options;
        ui.horizontal_wrapped(|ui| {
            match self.format {
                ExportFormat::Txt | ExportFormat::Markdown | ExportFormat::Conll => {
                    ui.checkbox(
                        &mut options.per_article,
                        lang.pick("每篇文章一个文件", "One file per article"),
                    );
                }
                ExportFormat::Jsonl => {
                    let mut with_registry = options.registry_file != RegistryFile::None;
                    if ui
                        .checkbox(
                            &mut with_registry,
                            lang.pick("另写实体登记表 registry.jsonl", "Also write registry.jsonl"),
                        )
                        .changed()
                    {
                        options.registry_file = if with_registry {
                            RegistryFile::Jsonl
                        } else {
                            RegistryFile::None
                        };
                    }
                }
                ExportFormat::Csv => {
                    ui.checkbox(
                        &mut options.csv_bom,
                        lang.pick("带 BOM(Excel 需要)", "With BOM (Excel needs it)"),
                    );
                }
                ExportFormat::Tei | ExportFormat::Brat => {}
            }
            if self.format == ExportFormat::Markdown {
                ui.checkbox(
                    &mut options.bold_entities,
                    lang.pick("实体加粗", "Entities in bold"),
                );
            }
            ui.checkbox(
                &mut options.confirmed_only,
                lang.pick("只导出已确认的实体", "Only confirmed entities"),
            );
        });
    }

    fn target_row(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let several = self.format.writes_directory(&self.options);
        ui.horizontal(|ui| {
            ui.label(if several {
                lang.pick("导出到文件夹", "To folder")
            } else {
                lang.pick("导出到文件", "To file")
            });
            ui.add(
                egui::TextEdit::singleline(&mut self.target)
                    .desired_width(480.0)
                    .id_salt("export-target"),
            );
            if ui
                .add_enabled(
                    self.browse.is_none(),
                    egui::Button::new(lang.pick("浏览…", "Browse…")),
                )
                .clicked()
            {
                self.browse = Some(browse(several, &self.target));
            }
        });
    }

    fn preview_area(&mut self, ui: &mut egui::Ui, project: &Project, revision: u64, lang: Lang) {
        let key = (self.format, self.options.clone(), revision);
        if self.preview.as_ref().is_none_or(|p| p.key != key) {
            self.preview = Some(render_preview(project, self.format, &self.options, key));
        }
        let preview = self.preview.as_ref().expect("just rendered");
        ui.label(format!(
            "{} {}: {}",
            preview.files.len(),
            lang.pick("个文件", "file(s)"),
            preview
                .files
                .iter()
                .take(6)
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
                + if preview.files.len() > 6 { ", …" } else { "" }
        ));
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .id_salt("export-preview")
            .show(ui, |ui| {
                ui.add(egui::Label::new(egui::RichText::new(&preview.head).monospace()).wrap());
            });
    }

    fn poll_browse(&mut self) {
        if let Some(receiver) = &self.browse
            && let Ok(choice) = receiver.try_recv()
        {
            if let Some(path) = choice {
                self.target = path.display().to_string();
            }
            self.browse = None;
        }
    }

    /// Writes the export and returns the message to show.
    pub fn export_now(&self, project: &Project, lang: Lang) -> (String, bool) {
        let target = PathBuf::from(self.target.trim());
        if target.as_os_str().is_empty() {
            return (
                lang.pick("请填写导出位置。", "Enter where to export.")
                    .into(),
                true,
            );
        }
        match export::export(project, self.format, &self.options, &target) {
            Ok(written) => (
                match lang {
                    Lang::Zh => format!("已写入 {} 个文件:{}", written.len(), target.display()),
                    Lang::En => format!("wrote {} file(s): {}", written.len(), target.display()),
                },
                false,
            ),
            Err(error) => (error.message(lang), true),
        }
    }
}

fn render_preview(
    project: &Project,
    format: ExportFormat,
    options: &ExportOptions,
    key: (ExportFormat, ExportOptions, u64),
) -> Preview {
    let files = export::render(project, format, options);
    let head = files
        .first()
        .map(|(_, content)| content.chars().take(PREVIEW_CHARS).collect())
        .unwrap_or_default();
    Preview {
        key,
        files: files.into_iter().map(|(name, _)| name).collect(),
        head,
    }
}

/// `dir/NAME.EXT` beside the project (or in the working folder), or `dir/NAME-FORMAT/` for
/// formats that write several files.
fn default_target(
    project_path: Option<&Path>,
    project: &Project,
    format: ExportFormat,
    options: &ExportOptions,
) -> PathBuf {
    // Beside the project; for a project not saved yet, the folder the program was started in,
    // written out in full so the editor sees where the files will go.
    let dir = project_path
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    let stem = Path::new(&project.source.name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "export".into());
    if format.writes_directory(options) {
        dir.join(format!("{stem}-{}", format.code()))
    } else {
        dir.join(format!("{stem}.{}", format.extension()))
    }
}

/// Asks for a target in a native dialog on its own thread; the answer arrives on the channel.
/// Without a dialog service the answer is `None` and the typed path stays.
fn browse(folder: bool, current: &str) -> Receiver<Option<PathBuf>> {
    let (sender, receiver) = mpsc::channel();
    let current = PathBuf::from(current);
    let spawned = std::thread::Builder::new()
        .name("jiaodui-export-dialog".into())
        .spawn(move || {
            let mut dialog = rfd::FileDialog::new();
            if let Some(dir) = current.parent().filter(|d| d.is_dir()) {
                dialog = dialog.set_directory(dir);
            }
            let choice = if folder {
                dialog.pick_folder()
            } else {
                if let Some(name) = current.file_name() {
                    dialog = dialog.set_file_name(name.to_string_lossy());
                }
                dialog.save_file()
            };
            let _ = sender.send(choice);
        });
    if spawned.is_err() {
        let (sender, receiver) = mpsc::channel();
        let _ = sender.send(None);
        return receiver;
    }
    receiver
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> Project {
        crate::pipeline::import_structure(crate::SAMPLE_BULLETIN.as_bytes(), "bulletin.txt")
            .unwrap()
    }

    #[test]
    fn the_default_target_follows_the_format() {
        let p = project();
        let options = ExportOptions::default();
        let dir = Path::new("/data/x.jiaodui.ron");
        assert_eq!(
            default_target(Some(dir), &p, ExportFormat::Jsonl, &options),
            PathBuf::from("/data/bulletin.jsonl")
        );
        assert_eq!(
            default_target(Some(dir), &p, ExportFormat::Brat, &options),
            PathBuf::from("/data/bulletin-brat")
        );
        assert!(default_target(None, &p, ExportFormat::Tei, &options).is_absolute());
    }

    #[test]
    fn exporting_writes_the_chosen_format_and_reports_it() {
        let p = project();
        let dir = tempfile::tempdir().unwrap();
        let mut dialog = ExportDialog::default();
        dialog.set_format(ExportFormat::Tei, None, &p);
        dialog.set_target(dir.path().join("out.xml").display().to_string());
        let (message, failed) = dialog.export_now(&p, Lang::Zh);
        assert!(!failed, "{message}");
        assert!(message.starts_with("已写入 1 个文件"));
        let xml = std::fs::read_to_string(dir.path().join("out.xml")).unwrap();
        assert!(xml.contains("高新区召开党工委(扩大)会议"));
    }

    #[test]
    fn a_file_where_a_folder_is_needed_is_refused_in_the_users_language() {
        let p = project();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("taken");
        std::fs::write(&file, "x").unwrap();
        let mut dialog = ExportDialog::default();
        dialog.set_format(ExportFormat::Brat, None, &p);
        dialog.set_target(file.display().to_string());
        let (message, failed) = dialog.export_now(&p, Lang::En);
        assert!(failed);
        assert!(!message.is_empty());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    }
}
