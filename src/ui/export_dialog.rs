//! 文件 → 导出…: the export dialog, with the options of each format and a preview of what will be
//! written, so the editor sees the result before any file is touched.
//!
//! The dialog only reads the project; writing goes through `formats::export`, which checks the
//! target before it writes and writes each file atomically.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};

use crate::formats::export::{self, ExportFormat, ExportOptions, Plan, Protected, RegistryFile};
use crate::i18n::Lang;
use crate::model::Project;

/// How many characters of the first file the preview shows: enough to judge the format without
/// laying out a whole year of bulletins every frame.
const PREVIEW_CHARS: usize = 4000;

/// How many file names the preview lists before it only counts the rest.
const LISTED_FILES: usize = 8;

/// What the preview was computed for: format, options, project revision, target and the number
/// of exports done (an export changes which files exist).
type PreviewKey = (ExportFormat, ExportOptions, u64, String, u32);

/// The rendered preview, kept until the format, the options, the target or the project change.
struct Preview {
    key: PreviewKey,
    /// What the export would write, or why it cannot.
    plan: Result<Plan, String>,
    head: String,
}

/// The state of the export dialog.
pub struct ExportDialog {
    pub open: bool,
    format: ExportFormat,
    options: ExportOptions,
    target: String,
    /// The target last used or typed for each format, so switching formats never loses it.
    remembered: HashMap<ExportFormat, String>,
    /// The project file and its raw text, which no export may replace.
    protected: Protected,
    /// The folder new targets are proposed in, until the editor picks another one.
    base: PathBuf,
    preview: Option<Preview>,
    /// Exports done, so the preview's list of existing files is redone after each.
    exports: u32,
    /// The project revision the dialog last drew.
    shown_revision: u64,
    /// An export waiting for the editor to allow replacing the files listed in it, with the
    /// revision it was planned on: an edit or another option drops it, so the files written are
    /// never older than what the editor sees.
    confirm: Option<(Plan, u64)>,
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
            remembered: HashMap::new(),
            protected: Protected::default(),
            base: PathBuf::new(),
            preview: None,
            exports: 0,
            shown_revision: 0,
            confirm: None,
            browse: None,
            outcome: None,
        }
    }
}

impl ExportDialog {
    /// Opens the dialog, proposing a target beside the project file (or beside the raw text, or
    /// in the working folder) that is never the raw text or the project itself.
    pub fn open_for(
        &mut self,
        project_path: Option<&Path>,
        source_path: Option<&Path>,
        project: &Project,
    ) {
        self.open = true;
        self.outcome = None;
        self.confirm = None;
        self.protected = Protected::for_project(project, project_path, source_path);
        let base = start_folder(project_path.or(source_path));
        if base != self.base {
            // Another project (or its first save): the targets of the last one no longer fit.
            self.base = base;
            self.remembered.clear();
            self.target.clear();
        }
        if self.target.is_empty() {
            self.target = default_target(&self.base, project, self.format, &self.options)
                .display()
                .to_string();
        }
    }

    /// The format currently chosen.
    pub fn format(&self) -> ExportFormat {
        self.format
    }

    /// The target currently proposed or typed.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// Chooses a format. Its target is the one last used for it or, the first time, its default
    /// name in the folder of the current target, so a folder the editor typed stays.
    pub fn set_format(&mut self, format: ExportFormat, project: &Project) {
        if format == self.format {
            return;
        }
        self.remembered.insert(self.format, self.target.clone());
        let folder = self.current_folder();
        self.format = format;
        self.target = match self.remembered.get(&format) {
            Some(target) => target.clone(),
            None => default_target(&folder, project, format, &self.options)
                .display()
                .to_string(),
        };
        self.confirm = None;
    }

    /// The folder the current target is in (a multi-file target's folder is itself a new
    /// folder inside it).
    fn current_folder(&self) -> PathBuf {
        Path::new(self.target.trim())
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .unwrap_or_else(|| self.base.clone())
    }

    /// Sets the target path (typed by the editor or chosen in a dialog).
    pub fn set_target(&mut self, target: impl Into<String>) {
        self.target = target.into();
        self.confirm = None;
    }

    /// Changes the options; when the format switches between one file and a folder, the target
    /// is proposed anew in the same folder.
    pub fn set_options(&mut self, options: ExportOptions, project: &Project) {
        let was_folder = self.format.writes_directory(&self.options);
        self.options = options;
        self.confirm = None;
        if self.format.writes_directory(&self.options) != was_folder {
            self.target =
                default_target(&self.current_folder(), project, self.format, &self.options)
                    .display()
                    .to_string();
        }
    }

    /// Draws the dialog; `revision` tells when the project changed so the preview is redone.
    pub fn show(&mut self, ctx: &egui::Context, project: &Project, revision: u64, lang: Lang) {
        if !self.open {
            return;
        }
        self.poll_browse();
        self.shown_revision = revision;
        if self
            .confirm
            .as_ref()
            .is_some_and(|(_, planned)| *planned != revision)
        {
            self.confirm = None;
        }
        let mut open = self.open;
        egui::Window::new(lang.pick("导出", "Export"))
            .open(&mut open)
            .default_width(720.0)
            .collapsible(false)
            .show(ctx, |ui| {
                self.format_choice(ui, project, lang);
                self.option_checkboxes(ui, project, lang);
                ui.separator();
                self.target_row(ui, lang);
                ui.separator();
                self.preview_area(ui, project, revision, lang);
                ui.separator();
                if self.confirm.is_some() {
                    self.confirm_area(ui, lang);
                } else {
                    ui.horizontal(|ui| {
                        if ui.button(lang.pick("导出", "Export")).clicked() {
                            self.outcome = Some(self.export_now(project, lang));
                        }
                        self.outcome_label(ui);
                    });
                }
            });
        self.open = open;
    }

    fn outcome_label(&self, ui: &mut egui::Ui) {
        if let Some((message, failed)) = &self.outcome {
            let color = if *failed {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().text_color()
            };
            ui.colored_label(color, message);
        }
    }

    /// The question before files are replaced: which ones, and the choice to go on or not.
    fn confirm_area(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let Some((plan, _)) = &self.confirm else {
            return;
        };
        let replaced = plan.replaced();
        ui.colored_label(
            ui.visuals().warn_fg_color,
            match lang {
                Lang::Zh => format!("以下 {} 个文件已存在,导出会替换它们:", replaced.len()),
                Lang::En => format!(
                    "{} {} already there; exporting replaces {}:",
                    replaced.len(),
                    if replaced.len() == 1 {
                        "file is"
                    } else {
                        "files are"
                    },
                    if replaced.len() == 1 { "it" } else { "them" }
                ),
            },
        );
        ui.label(list_names(&replaced, lang));
        ui.horizontal(|ui| {
            if ui
                .button(lang.pick("替换并导出", "Replace and export"))
                .clicked()
            {
                self.outcome = Some(self.confirm_replace(lang));
            }
            if ui.button(lang.pick("取消", "Cancel")).clicked() {
                self.confirm = None;
                self.outcome = Some((
                    lang.pick(
                        "已取消,没有写入任何内容。",
                        "Cancelled: nothing was written.",
                    )
                    .to_string(),
                    false,
                ));
            }
        });
    }

    fn format_choice(&mut self, ui: &mut egui::Ui, project: &Project, lang: Lang) {
        ui.horizontal_wrapped(|ui| {
            ui.label(lang.pick("格式", "Format"));
            for format in ExportFormat::all() {
                if ui
                    .selectable_label(self.format == format, format.name(lang))
                    .clicked()
                {
                    self.set_format(format, project);
                }
            }
        });
    }

    fn option_checkboxes(&mut self, ui: &mut egui::Ui, project: &Project, lang: Lang) {
        let mut options = self.options.clone();
        ui.horizontal_wrapped(|ui| {
            match self.format {
                ExportFormat::Txt | ExportFormat::Markdown | ExportFormat::Conll => {
                    ui.checkbox(
                        &mut options.per_article,
                        lang.pick("每篇文章一个文件", "One file per article"),
                    );
                }
                ExportFormat::Docx => {
                    ui.checkbox(
                        &mut options.per_article,
                        lang.pick("每篇文章一个文件", "One file per article"),
                    );
                    ui.checkbox(
                        &mut options.bold_entities,
                        lang.pick("突出显示实体", "Entities highlighted"),
                    );
                    ui.checkbox(
                        &mut options.officials_table,
                        lang.pick("文末附官员表", "Officials table at the end"),
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
        if options != self.options {
            self.set_options(options, project);
        }
    }

    fn target_row(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let several = self.format.writes_directory(&self.options);
        ui.horizontal(|ui| {
            ui.label(if several {
                lang.pick("导出到文件夹", "To folder")
            } else {
                lang.pick("导出到文件", "To file")
            });
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.target)
                    .desired_width(480.0)
                    .id_salt("export-target"),
            );
            if field.changed() {
                self.confirm = None;
            }
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
        let key = (
            self.format,
            self.options.clone(),
            revision,
            self.target.trim().to_string(),
            self.exports,
        );
        if self.preview.as_ref().is_none_or(|p| p.key != key) {
            self.preview = Some(self.render_preview(project, key, lang));
        }
        let preview = self.preview.as_ref().expect("just rendered");
        match &preview.plan {
            Ok(plan) => {
                let paths: Vec<&Path> = plan.files.iter().map(|f| f.path.as_path()).collect();
                ui.label(match lang {
                    Lang::Zh => {
                        format!("将写入 {} 个文件:{}", paths.len(), list_names(&paths, lang))
                    }
                    Lang::En => format!(
                        "Writes {} {}: {}",
                        paths.len(),
                        if paths.len() == 1 { "file" } else { "files" },
                        list_names(&paths, lang)
                    ),
                });
                let replaced = plan.replaced();
                if !replaced.is_empty() {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        format!(
                            "{} {}",
                            lang.pick("将替换已有文件:", "Replaces existing files:"),
                            list_names(&replaced, lang)
                        ),
                    );
                }
                if !plan.left.is_empty() {
                    let left: Vec<&Path> = plan.left.iter().map(PathBuf::as_path).collect();
                    ui.label(format!(
                        "{} {}",
                        lang.pick(
                            "文件夹中另有这些文件,导出后原样保留(可能是旧的导出):",
                            "Also in the folder and left as they are (perhaps from an earlier export):"
                        ),
                        list_names(&left, lang)
                    ));
                }
            }
            Err(message) => {
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
        }
        egui::ScrollArea::vertical()
            .max_height(320.0)
            .id_salt("export-preview")
            .show(ui, |ui| {
                ui.add(egui::Label::new(egui::RichText::new(&preview.head).monospace()).wrap());
            });
    }

    fn render_preview(&self, project: &Project, key: PreviewKey, lang: Lang) -> Preview {
        let target = PathBuf::from(self.target.trim());
        let plan = if target.as_os_str().is_empty() {
            Err(lang
                .pick("请填写导出位置。", "Enter where to export.")
                .to_string())
        } else {
            export::plan(
                project,
                self.format,
                &self.options,
                &target,
                &self.protected,
            )
            .map_err(|e| e.message(lang))
        };
        let head = match &plan {
            Ok(plan) => plan.files.first().map(|f| f.content.clone()),
            Err(_) => export::render(project, self.format, &self.options)
                .into_iter()
                .next()
                .map(|(_, content)| content),
        }
        .map(|content| {
            export::preview_text(self.format, &content)
                .chars()
                .take(PREVIEW_CHARS)
                .collect()
        })
        .unwrap_or_default();
        Preview { key, plan, head }
    }

    fn poll_browse(&mut self) {
        if let Some(receiver) = &self.browse
            && let Ok(choice) = receiver.try_recv()
        {
            if let Some(path) = choice {
                self.set_target(path.display().to_string());
            }
            self.browse = None;
        }
    }

    /// Exports, or — when files would be replaced — asks first and returns the question.
    /// Returns the message to show and whether it is a failure.
    pub fn export_now(&mut self, project: &Project, lang: Lang) -> (String, bool) {
        let target = PathBuf::from(self.target.trim());
        if target.as_os_str().is_empty() {
            return (
                lang.pick("请填写导出位置。", "Enter where to export.")
                    .into(),
                true,
            );
        }
        self.remembered.insert(self.format, self.target.clone());
        let plan = match export::plan(
            project,
            self.format,
            &self.options,
            &target,
            &self.protected,
        ) {
            Ok(plan) => plan,
            Err(error) => return (error.message(lang), true),
        };
        if !plan.replaced().is_empty() {
            let count = plan.replaced().len();
            self.confirm = Some((plan, self.shown_revision));
            return (
                match lang {
                    Lang::Zh => format!("有 {count} 个文件已存在,请确认是否替换。"),
                    Lang::En => format!("{count} file(s) already exist: confirm to replace."),
                },
                false,
            );
        }
        self.write(&plan, false, lang)
    }

    /// Whether the dialog is waiting for the editor to allow replacing files.
    pub fn asks_to_replace(&self) -> bool {
        self.confirm.is_some()
    }

    /// Writes the export the editor allowed to replace existing files.
    pub fn confirm_replace(&mut self, lang: Lang) -> (String, bool) {
        match self.confirm.take() {
            Some((plan, _)) => self.write(&plan, true, lang),
            None => (String::new(), false),
        }
    }

    fn write(&mut self, plan: &Plan, replace: bool, lang: Lang) -> (String, bool) {
        self.exports += 1;
        let target = self.target.trim().to_string();
        match plan.write(replace) {
            Ok(written) => (
                match lang {
                    Lang::Zh => format!("已写入 {} 个文件:{target}", written.len()),
                    Lang::En => format!(
                        "Wrote {} {}: {target}",
                        written.len(),
                        if written.len() == 1 { "file" } else { "files" }
                    ),
                },
                false,
            ),
            Err(error) => (error.message(lang), true),
        }
    }
}

/// The file names of `paths` (their folder is shown in the target field), the first few only.
fn list_names(paths: &[&Path], lang: Lang) -> String {
    let mut names: Vec<String> = paths
        .iter()
        .take(LISTED_FILES)
        .map(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string())
        })
        .collect();
    if paths.len() > LISTED_FILES {
        names.push(match lang {
            Lang::Zh => format!("…等 {} 个", paths.len()),
            Lang::En => format!("… {} in all", paths.len()),
        });
    }
    names.join(", ")
}

/// The folder exports are first proposed in: beside the project file (or the raw text); for a
/// project never saved, the folder the program was started in, written out in full so the
/// editor sees where the files will go.
fn start_folder(beside: Option<&Path>) -> PathBuf {
    beside
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default()
}

/// `folder/NAME.corrected.EXT` for a single file, `folder/NAME-export` for formats that write
/// several files: names that can never be the raw text `NAME.txt` or the project.
fn default_target(
    folder: &Path,
    project: &Project,
    format: ExportFormat,
    options: &ExportOptions,
) -> PathBuf {
    let stem = Path::new(&project.source.name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "export".into());
    if format.writes_directory(options) {
        folder.join(format!("{stem}-export"))
    } else {
        folder.join(format!("{stem}.corrected.{}", format.extension()))
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
    fn the_default_target_is_never_the_source_or_the_project() {
        let p = project();
        let options = ExportOptions::default();
        let dir = Path::new("/data");
        assert_eq!(
            default_target(dir, &p, ExportFormat::Txt, &options),
            PathBuf::from("/data/bulletin.corrected.txt")
        );
        assert_eq!(
            default_target(dir, &p, ExportFormat::Brat, &options),
            PathBuf::from("/data/bulletin-export")
        );
        let mut dialog = ExportDialog::default();
        dialog.open_for(None, None, &p);
        assert!(Path::new(dialog.target()).is_absolute());
    }

    #[test]
    fn a_typed_folder_survives_switching_formats_and_each_format_keeps_its_target() {
        let p = project();
        let mut dialog = ExportDialog::default();
        dialog.open_for(Some(Path::new("/data/b.jiaodui.ron")), None, &p);
        dialog.set_format(ExportFormat::Txt, &p);
        assert_eq!(dialog.target(), "/data/bulletin.corrected.txt");
        dialog.set_target("/elsewhere/out.txt");
        dialog.set_format(ExportFormat::Tei, &p);
        assert_eq!(dialog.target(), "/elsewhere/bulletin.corrected.xml");
        dialog.set_format(ExportFormat::Csv, &p);
        assert_eq!(dialog.target(), "/elsewhere/bulletin-export");
        dialog.set_format(ExportFormat::Txt, &p);
        assert_eq!(dialog.target(), "/elsewhere/out.txt");
        let per_article = ExportOptions {
            per_article: true,
            ..ExportOptions::default()
        };
        dialog.set_options(per_article, &p);
        assert_eq!(dialog.target(), "/elsewhere/bulletin-export");
    }

    #[test]
    fn exporting_writes_the_chosen_format_and_reports_it() {
        let p = project();
        let dir = tempfile::tempdir().unwrap();
        let mut dialog = ExportDialog::default();
        dialog.set_format(ExportFormat::Tei, &p);
        dialog.set_target(dir.path().join("out.xml").display().to_string());
        let (message, failed) = dialog.export_now(&p, Lang::Zh);
        assert!(!failed, "{message}");
        assert!(message.starts_with("已写入 1 个文件"));
        let xml = std::fs::read_to_string(dir.path().join("out.xml")).unwrap();
        assert!(xml.contains("高新区召开党工委(扩大)会议"));
    }

    #[test]
    fn an_existing_file_is_replaced_only_after_the_editor_agrees() {
        let p = project();
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.xml");
        std::fs::write(&target, "keep").unwrap();
        let mut dialog = ExportDialog::default();
        dialog.set_format(ExportFormat::Tei, &p);
        dialog.set_target(target.display().to_string());
        let (message, failed) = dialog.export_now(&p, Lang::Zh);
        assert!(!failed && dialog.asks_to_replace(), "{message}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
        let (message, failed) = dialog.confirm_replace(Lang::Zh);
        assert!(!failed, "{message}");
        assert!(std::fs::read_to_string(&target).unwrap().contains("<TEI"));
    }

    #[test]
    fn changing_an_option_drops_the_replace_question_planned_before() {
        let p = project();
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.xml");
        std::fs::write(&target, "keep").unwrap();
        let mut dialog = ExportDialog::default();
        dialog.set_format(ExportFormat::Tei, &p);
        dialog.set_target(target.display().to_string());
        dialog.export_now(&p, Lang::Zh);
        assert!(dialog.asks_to_replace());
        let mut options = dialog.options.clone();
        options.confirmed_only = !options.confirmed_only;
        dialog.set_options(options, &p);
        assert!(!dialog.asks_to_replace());
        assert!(dialog.confirm_replace(Lang::Zh).0.is_empty());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
    }

    #[test]
    fn the_raw_text_and_the_project_are_never_written() {
        let p = project();
        let dir = tempfile::tempdir().unwrap();
        let raw = dir.path().join("bulletin.txt");
        let project_file = dir.path().join("bulletin.jiaodui.ron");
        std::fs::write(&raw, "raw").unwrap();
        std::fs::write(&project_file, "project").unwrap();
        let mut dialog = ExportDialog::default();
        dialog.open_for(Some(&project_file), None, &p);
        dialog.set_format(ExportFormat::Txt, &p);
        for target in [&raw, &project_file] {
            dialog.set_target(target.display().to_string());
            let (message, failed) = dialog.export_now(&p, Lang::En);
            assert!(failed, "{message}");
            assert!(!dialog.asks_to_replace());
            assert!(dialog.confirm_replace(Lang::En).0.is_empty());
        }
        assert_eq!(std::fs::read_to_string(&raw).unwrap(), "raw");
        assert_eq!(std::fs::read_to_string(&project_file).unwrap(), "project");
    }

    #[test]
    fn a_file_where_a_folder_is_needed_is_refused_in_the_users_language() {
        let p = project();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("taken");
        std::fs::write(&file, "x").unwrap();
        let mut dialog = ExportDialog::default();
        dialog.set_format(ExportFormat::Brat, &p);
        dialog.set_target(file.display().to_string());
        let (message, failed) = dialog.export_now(&p, Lang::En);
        assert!(failed);
        assert!(!message.is_empty());
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    }
}
