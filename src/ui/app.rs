//! The application: the open project, its history, and the frame loop that draws the panels and
//! applies what they ask for.

use std::path::{Path, PathBuf};

use egui::ViewportCommand;

use crate::formats::project as project_file;
use crate::formats::recovery::Recovered;
use crate::i18n::Lang;
use crate::model::{Edit, FieldRef, History, Project};

use super::article_pane::ArticlePane;
use super::autosave::Autosave;
use super::collection_window::{CollectionAction, CollectionWindow};
use super::entity_types::EntityTypesDialog;
use super::export_dialog::ExportDialog;
use super::files::{self, Dialogs, Opened, Purpose};
use super::find::Find;
use super::jobs::Jobs;
use super::menu::{self, MenuInput};
use super::officials::Officials;
use super::punctuation_dialog::PunctuationDialog;
use super::raw_pane::RawPane;
use super::registry_panel::RegistryPanel;
use super::review::Review;
use super::settings::Settings;
use super::state::{Command, Cursor, FileAction, Selection, SideTab, both_labels};
use super::status_bar::{self, StatusInput};
use super::structure_offer::{self, StructureOffer};
use super::tag_all::TagAll;
use super::{fonts, outline, shortcuts};
use crate::model::tagging::Occurrence;

mod keys;
mod prompts;
mod tagging;

/// Where the panes were drawn in the last frame (`None` when hidden), so tests can check that
/// the layout fits the window.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PaneRects {
    pub outline: Option<egui::Rect>,
    pub raw: Option<egui::Rect>,
    pub article: Option<egui::Rect>,
    pub side: Option<egui::Rect>,
}

/// A message shown above the panes until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The message in Chinese and in English, so it follows a change of interface language.
    pub zh: String,
    pub en: String,
    pub error: bool,
}

impl Notice {
    /// A message given in both languages.
    pub fn both(zh: impl Into<String>, en: impl Into<String>, error: bool) -> Notice {
        Notice {
            zh: zh.into(),
            en: en.into(),
            error,
        }
    }

    /// A message only available in one language (already the editor's).
    pub fn one(text: impl Into<String>, error: bool) -> Notice {
        let text = text.into();
        Notice::both(text.clone(), text, error)
    }

    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// The workbench: one open project and everything the window shows of it.
pub struct App {
    project: Project,
    history: History,
    /// The project file, once the project has one.
    path: Option<PathBuf>,
    /// The raw text the project was imported from in this window, if any.
    source_path: Option<PathBuf>,
    selection: Selection,
    cursor: Option<Cursor>,
    settings: Settings,
    /// Counts changes to the project; caches and background results are tied to it.
    revision: u64,
    find: Find,
    dialogs: Dialogs,
    jobs: Jobs,
    /// Start entity suggestions at the next frame (the context is needed to start them).
    wants_suggestions: bool,
    notice: Option<Notice>,
    /// A file action waiting for the editor to save or discard unsaved changes.
    unsaved_prompt: Option<FileAction>,
    /// A file action to perform once a "save as" completes.
    after_save: Option<FileAction>,
    close_confirmed: bool,
    raw: RawPane,
    article: ArticlePane,
    focused: Option<FieldRef>,
    show_help: bool,
    export: ExportDialog,
    punctuation: PunctuationDialog,
    title: String,
    autosave: Autosave,
    /// Where the panes were drawn in the last frame.
    pane_rects: PaneRects,
    /// Work a crash left in a recovery file, offered back to the editor.
    restore_offer: Option<Recovered>,
    side: SideTab,
    review: Review,
    tag_all: TagAll,
    registry: RegistryPanel,
    officials: Officials,
    /// The open collection of issues, if any, and its window.
    collection: CollectionWindow,
    types_dialog: EntityTypesDialog,
    /// The mention last jumped to and the revision it was found in, highlighted in the article
    /// pane until the project changes (offsets may no longer fit then).
    mark: Option<(Occurrence, u64)>,
    /// The offer to repeat the structure correction just made where lines look the same.
    structure_offer: Option<StructureOffer>,
}

impl App {
    /// The app as eframe creates it: fonts, remembered settings, and the first project.
    pub fn new(cc: &eframe::CreationContext<'_>, initial: Option<PathBuf>) -> App {
        fonts::install(&cc.egui_ctx);
        let settings = Settings::load(cc.storage);
        let lang = settings.lang;
        let mut notice = None;
        // A collection folder (or its index) opens the collection window over the last project.
        let (initial, collection) = match initial {
            Some(path) if path.is_dir() || path.ends_with(crate::collection::INDEX_FILE) => {
                (None, Some(path))
            }
            other => (other, None),
        };
        let attempt = initial.or_else(|| settings.last_project.clone().filter(|p| p.exists()));
        let opened = match attempt {
            Some(path) => files::open(&path, lang).unwrap_or_else(|message| {
                notice = Some(Notice::one(message, true));
                files::sample()
            }),
            None => files::sample(),
        };
        let mut app = App::with_opened(opened, settings);
        app.arrive();
        app.notice = notice;
        if let Some(dir) = collection {
            app.open_collection(&dir);
        }
        app.autosave = Autosave::new(eframe::storage_dir("jiaodui"));
        app.restore_offer = app
            .autosave
            .find(app.path.as_deref())
            .or_else(|| app.autosave.find(None));
        app
    }

    /// An app over `project` without eframe (tests, benchmarks): default settings, no background
    /// suggestions, nothing remembered.
    pub fn new_for_test(project: Project) -> App {
        let mut app = App::with_opened(
            Opened {
                project,
                path: None,
                source: None,
                needs_suggestions: false,
            },
            Settings::default(),
        );
        app.title = "test".into();
        app.arrive();
        app
    }

    /// An app over the project file at `path` with `settings` (tests: reopening a project).
    pub fn open_for_test(path: &Path, settings: Settings) -> Result<App, String> {
        let opened = files::open(path, settings.lang)?;
        let mut app = App::with_opened(opened, settings);
        app.title = "test".into();
        app.arrive();
        Ok(app)
    }

    /// The settings the window would store now (tests: what a restart would find).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// On opening a project: back to where the editor stopped in it last time, and the raw
    /// pane at the lines of the article shown.
    fn arrive(&mut self) {
        if let Some(position) = self.path.as_deref().and_then(|p| self.settings.position(p)) {
            let paragraph = FieldRef::new(
                position.article,
                crate::model::FieldSlot::Paragraph(position.paragraph),
            );
            self.selection = Selection::article(position.article).clamped(&self.project);
            if self.project.field(paragraph).is_some() {
                self.article.reveal(paragraph.slot);
                self.reveal_raw(Some(paragraph));
                return;
            }
        }
        self.reveal_raw(None);
    }

    fn with_opened(opened: Opened, mut settings: Settings) -> App {
        if let Some(path) = &opened.path {
            settings.remember(path);
        }
        App {
            project: opened.project,
            history: History::default(),
            path: opened.path,
            source_path: opened.source,
            selection: Selection::default(),
            cursor: None,
            settings,
            revision: 0,
            find: Find::default(),
            dialogs: Dialogs::default(),
            jobs: Jobs::default(),
            wants_suggestions: opened.needs_suggestions,
            notice: None,
            unsaved_prompt: None,
            after_save: None,
            close_confirmed: false,
            raw: RawPane::default(),
            article: ArticlePane::default(),
            focused: None,
            show_help: false,
            export: ExportDialog::default(),
            punctuation: PunctuationDialog::default(),
            title: String::new(),
            autosave: Autosave::disabled(),
            restore_offer: None,
            pane_rects: PaneRects::default(),
            side: SideTab::default(),
            review: Review::default(),
            tag_all: TagAll::default(),
            registry: RegistryPanel::default(),
            officials: Officials::default(),
            collection: CollectionWindow::default(),
            types_dialog: EntityTypesDialog::default(),
            mark: None,
            structure_offer: None,
        }
    }

    /// The open project.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// Opens the collection in `dir` (its index only) and shows the collection window.
    pub fn open_collection(&mut self, dir: &Path) -> bool {
        let lang = self.lang();
        self.collection.open_folder(dir, lang)
    }

    /// The collection window and the collection open in it.
    pub fn collection_window(&self) -> &CollectionWindow {
        &self.collection
    }

    /// The undo history of the open project.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// What is selected.
    pub fn selection(&self) -> Selection {
        self.selection
    }

    /// Where the panes were drawn in the last frame.
    pub fn pane_rects(&self) -> PaneRects {
        self.pane_rects
    }

    /// Shows or hides parts of the window, as the 视图 menu does.
    pub fn set_view(&mut self, view: super::settings::ViewSettings) {
        let raw_changed =
            (view.raw, view.wrap_raw) != (self.settings.view.raw, self.settings.view.wrap_raw);
        self.settings.view = view;
        if raw_changed {
            // The raw pane comes back (or re-flows) at the lines of what is selected.
            self.reveal_raw(self.selection.field_ref());
        }
    }

    /// The name of the step Ctrl+Z would undo, in the interface language.
    pub fn undo_label(&self) -> Option<&str> {
        self.history
            .undo_label()
            .map(|label| super::state::label_in(label, self.lang()))
    }

    /// Where the text cursor was last seen.
    pub fn cursor(&self) -> Option<Cursor> {
        self.cursor
    }

    /// The project file, if the project has been saved or opened from one.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The message shown to the user, if any.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The pending offer to repeat a structure correction elsewhere, if any.
    pub fn structure_offer(&self) -> Option<&crate::model::lessons::Offer> {
        self.structure_offer
            .as_ref()
            .filter(|o| o.revision == self.revision)
            .map(|o| &o.offer)
    }

    /// The interface language.
    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    /// Shows article `index` (as a click in the outline does).
    pub fn select_article(&mut self, index: usize) {
        self.run_command(Command::SelectArticle(index));
    }

    /// Opens a project file or imports a raw text now, without asking about unsaved changes.
    /// On failure the message is shown and the open project stays as it was.
    pub fn open_path(&mut self, path: &Path) -> bool {
        match files::open(path, self.lang()) {
            Ok(opened) => {
                self.replace_project(opened);
                if self.path.is_some() {
                    self.restore_offer = self.autosave.find(self.path.as_deref());
                }
                true
            }
            Err(message) => {
                self.show_error(message);
                false
            }
        }
    }

    /// Saves the project to `path` and makes it the project's file. On failure the message is
    /// shown and nothing changes.
    pub fn save_to(&mut self, path: &Path) -> bool {
        match project_file::save(&self.project, path) {
            Ok(()) => {
                self.autosave.discard();
                self.autosave.discard_for(Some(path));
                self.history.mark_saved();
                self.path = Some(path.to_path_buf());
                self.record_in_collection(path);
                self.settings.remember(path);
                self.notice = Some(Notice::both(
                    format!("已保存到 {}", path.display()),
                    format!("Saved to {}", path.display()),
                    false,
                ));
                true
            }
            Err(error) => {
                self.show_error(error.message(self.lang()));
                false
            }
        }
    }

    /// After saving an issue of the open collection: its counts, its place in the shared
    /// registry and its decisions go into the collection's index.
    fn record_in_collection(&mut self, path: &Path) {
        let lang = self.lang();
        let Some(collection) = self.collection.collection_mut() else {
            return;
        };
        let Some(key) = collection
            .index
            .issues
            .iter()
            .find(|i| collection.dir.join(&i.project) == path)
            .map(|i| i.key.clone())
        else {
            return;
        };
        let saved = collection
            .record_issue(&key, &self.project)
            .map_err(|e| e.message(lang))
            .and_then(|()| collection.save().map_err(|e| e.message(lang)));
        self.collection.texts_changed();
        if let Err(message) = saved {
            self.show_error(message);
        }
    }

    /// Opens an issue of the open collection: its project, then the collection's decisions
    /// applied as one undoable step, then the place asked for.
    fn open_issue(&mut self, ctx: &egui::Context, key: &str, at: Option<FieldRef>) {
        let Some(path) = self.collection.project_path(key) else {
            return;
        };
        if !self.open_path(&path) {
            return;
        }
        let decisions = self
            .collection
            .collection()
            .map(|c| c.index.decisions.clone())
            .unwrap_or_default();
        if !decisions.is_empty()
            && let Some(edit) =
                decisions.edit_for(&self.project, crate::pipeline::entities::Tagger::shared())
        {
            let label = both_labels("应用合集的决定", "Apply the collection's decisions");
            self.apply_edit(edit, &label, None);
        }
        if let Some(at) = at {
            self.run_command_with(ctx, Command::SelectArticle(at.article));
            self.run_command_with(ctx, Command::RevealField(at));
        }
    }

    fn show_error(&mut self, text: String) {
        self.notice = Some(Notice::one(text, true));
    }

    fn replace_project(&mut self, opened: Opened) {
        if let Some(path) = &opened.path {
            self.settings.remember(path);
        }
        self.project = opened.project;
        self.history = History::default();
        self.path = opened.path;
        self.source_path = opened.source;
        self.selection = Selection::default();
        self.cursor = None;
        self.focused = None;
        self.revision += 1;
        self.jobs.cancel();
        self.wants_suggestions = opened.needs_suggestions;
        self.notice = None;
        self.arrive();
    }

    /// Draws one frame and applies what the editor did in it.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let lang = self.lang();
        let mut commands = Vec::new();
        self.poll_background(&ctx);
        self.take_dropped_files(&ctx, &mut commands);
        self.take_shortcuts(&ctx, &mut commands);
        self.find.refresh(&self.project, self.revision);
        self.tag_all.refresh(&self.project, self.revision);

        let menu_input = MenuInput {
            project: &self.project,
            history: &self.history,
            selection: self.selection,
            cursor: self.cursor,
            recent: &self.settings.recent,
            view: self.settings.view,
            lang,
        };
        egui::Panel::top("menu-bar").show(ui, |ui| {
            commands.extend(menu::menu_bar(ui, &menu_input));
            commands.extend(menu::toolbar(ui, &menu_input));
        });
        egui::Panel::bottom("status-bar").show(ui, |ui| {
            status_bar::show(
                ui,
                &StatusInput {
                    project: &self.project,
                    history: &self.history,
                    path: self.path.as_deref(),
                    progress: self.jobs.progress(lang),
                    lang,
                },
            );
        });
        // The outline, the raw text and the right panel share at most half the window: the
        // article being corrected keeps the other half at any window size.
        let window = ui.available_width();
        let view = self.settings.view;
        let budget = window / 2.0;
        let mut rects = PaneRects::default();
        if view.outline {
            let max = (budget * 0.25).max(100.0);
            rects.outline = Some(
                egui::Panel::left("outline")
                    .default_size(250.0_f32.min(max))
                    .size_range(100.0_f32.min(max)..=max)
                    .show(ui, |ui| {
                        commands.extend(outline::show(ui, &self.project, self.selection, lang));
                    })
                    .response
                    .rect,
            );
        }
        if view.side {
            let max = (budget * 0.35).max(140.0);
            rects.side = Some(
                egui::Panel::right("entities")
                    .default_size(300.0_f32.min(max))
                    .size_range(140.0_f32.min(max)..=max)
                    .show(ui, |ui| {
                        commands.extend(self.side_panel(ui));
                    })
                    .response
                    .rect,
            );
        }
        let mut focused = None;
        egui::CentralPanel::default().show(ui, |ui| {
            if self.dialogs.waiting() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(lang.pick("正在等待系统文件对话框…", "Waiting for the file dialog…"));
                    if ui
                        .button(lang.pick("改为输入路径", "Type a path instead"))
                        .clicked()
                    {
                        self.dialogs.type_path_instead();
                    }
                });
            }
            if let Some(notice) = &self.notice {
                commands.extend(prompts::notice_banner(ui, notice, lang));
            }
            if let Some(offer) = self.structure_offer() {
                commands.extend(structure_offer::banner(ui, offer, &self.project, lang));
            }
            if self.find.open {
                commands.extend(self.find.bar(ui, &self.project, lang));
                ui.separator();
            }
            if view.raw {
                // Less the article's own margins, so that the article itself keeps half.
                let max = (ui.available_width() - budget - 16.0).max(120.0);
                self.raw.wrap = view.wrap_raw;
                rects.raw = Some(
                    egui::Panel::left("raw-pane")
                        .default_size((ui.available_width() / 2.0).min(max))
                        .size_range(120.0_f32.min(max)..=max)
                        .show(ui, |ui| {
                            commands.extend(self.raw.show(
                                ui,
                                &self.project,
                                self.revision,
                                self.selection,
                                self.find.active_query(),
                                lang,
                            ));
                        })
                        .response
                        .rect,
                );
            }
            rects.article = Some(ui.available_rect_before_wrap());
            egui::CentralPanel::default().show(ui, |ui| {
                let mark = self.mark();
                let out = self.article.show(
                    ui,
                    &self.project,
                    self.selection,
                    &self.find,
                    self.cursor,
                    mark,
                    lang,
                );
                commands.extend(out.commands);
                focused = out.focused;
                if let Some(at) = out.scrolled_to
                    && let Some(line) = self.project.field(at).and_then(|f| f.first_line())
                {
                    self.raw.reveal_line(line);
                }
            });
        });
        self.pane_rects = rects;
        if let Some(path) = &self.path {
            let position = super::settings::Position {
                article: self.selection.article,
                paragraph: self.article.top_paragraph().unwrap_or(0),
            };
            if self.settings.position(path) != Some(position) {
                self.settings.remember_position(path, position);
            }
        }
        if focused != self.focused {
            self.history.seal();
            self.focused = focused;
        }
        self.hovered_files_overlay(&ctx);
        commands.extend(self.unsaved_dialog(&ctx));
        if let Some((purpose, path)) = self.dialogs.show_prompt(&ctx, lang) {
            self.dialog_answered(&ctx, purpose, path);
        }
        shortcuts::show(&ctx, &mut self.show_help, &self.project, lang);
        self.export.show(&ctx, &self.project, self.revision, lang);
        if let Some(edit) = self
            .punctuation
            .show(&ctx, &self.project, self.revision, lang)
        {
            commands.push(Command::Apply {
                edit,
                label: both_labels("规范标点", "Normalise punctuation"),
                select: None,
            });
        }
        commands.extend(self.tag_all.show(&ctx, &self.project, lang));
        commands.extend(
            self.officials
                .show(&ctx, &self.project, self.revision, lang),
        );
        commands.extend(self.types_dialog.show(&ctx, &self.project, lang));
        for action in self.collection.show(&ctx, lang) {
            match action {
                CollectionAction::OpenIssue { key, at } => {
                    commands.push(Command::File(FileAction::OpenIssue { key, at }))
                }
            }
        }
        self.restore_dialog(&ctx);
        self.autosave.tick(
            &self.project,
            self.path.as_deref(),
            self.revision,
            self.history.is_dirty(),
            &ctx,
        );
        self.watch_close_request(&ctx);
        for command in commands {
            self.run_command_with(&ctx, command);
        }
        self.update_title(&ctx);
    }

    fn poll_background(&mut self, ctx: &egui::Context) {
        if self.wants_suggestions {
            self.wants_suggestions = false;
            self.jobs
                .start_suggestions(&self.project, self.revision, ctx);
        }
        if let Some(done) = self.jobs.poll() {
            if done.revision == self.revision {
                let empty = matches!(&done.edit, Edit::Batch(edits) if edits.is_empty());
                if !empty {
                    let label = both_labels("实体建议", "Entity suggestions");
                    self.apply_edit(done.edit, &label, None);
                }
            } else {
                // The project changed while the suggestions were computed: they may not fit.
                self.jobs
                    .start_suggestions(&self.project, self.revision, ctx);
            }
        }
        if let Some((purpose, path)) = self.dialogs.poll(ctx) {
            self.dialog_answered(ctx, purpose, path);
        }
    }

    fn dialog_answered(&mut self, ctx: &egui::Context, purpose: Purpose, path: PathBuf) {
        match purpose {
            Purpose::ImportRaw | Purpose::Open => {
                self.open_path(&path);
            }
            Purpose::SaveAs => {
                let path = files::with_project_extension(path);
                if self.save_to(&path)
                    && let Some(action) = self.after_save.take()
                {
                    self.perform_file_action(ctx, action);
                }
            }
        }
    }

    fn take_dropped_files(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let dropped = ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()));
        if let Some(path) = dropped {
            commands.push(Command::File(FileAction::OpenPath(path)));
        }
    }

    fn watch_close_request(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested())
            && !self.close_confirmed
            && self.history.is_dirty()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.unsaved_prompt = Some(FileAction::Quit);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let name = match &self.path {
            Some(path) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None => self.project.source.name.clone(),
        };
        let dirty = if self.history.is_dirty() { "● " } else { "" };
        let title = format!("{dirty}{name} — 校对 Jiaodui");
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Applies one command outside a frame (tests, benchmarks).
    pub fn run_command(&mut self, command: Command) {
        let ctx = egui::Context::default();
        self.run_command_with(&ctx, command);
    }

    fn run_command_with(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::SelectArticle(index) => {
                self.history.seal();
                self.selection = Selection::article(index).clamped(&self.project);
                self.reveal_raw(None);
            }
            Command::SelectField(at) => {
                self.selection = Selection::field(at).clamped(&self.project);
                self.reveal_raw(Some(at));
            }
            Command::RevealField(at) => {
                self.selection = Selection::field(at).clamped(&self.project);
                self.article.reveal(at.slot);
                self.reveal_raw(Some(at));
            }
            Command::Apply {
                edit,
                label,
                select,
            } => self.apply_edit(edit, &label, select),
            Command::Type { at, edit } => {
                let label = both_labels("输入文字", "Typing");
                match self
                    .history
                    .apply_typing(&mut self.project, at, edit, &label)
                {
                    Ok(()) => self.revision += 1,
                    Err(error) => {
                        self.notice = Some(Notice::both(
                            edit_error_message(&error, Lang::Zh),
                            edit_error_message(&error, Lang::En),
                            true,
                        ))
                    }
                }
            }
            Command::SetCursor(cursor) => self.cursor = Some(cursor),
            Command::Undo => {
                let place = self
                    .history
                    .next_undo()
                    .and_then(|e| e.place(&self.project));
                if self.history.undo(&mut self.project).is_some() {
                    self.show_restored(place);
                }
            }
            Command::Redo => {
                let place = self
                    .history
                    .next_redo()
                    .and_then(|e| e.place(&self.project));
                if self.history.redo(&mut self.project).is_some() {
                    self.show_restored(place);
                }
            }
            Command::File(action) => {
                if self.history.is_dirty() {
                    self.unsaved_prompt = Some(action);
                } else {
                    self.perform_file_action(ctx, action);
                }
            }
            Command::Save => match self.path.clone() {
                Some(path) => {
                    self.save_to(&path);
                }
                None => self.start_save_as(ctx),
            },
            Command::SaveAs => self.start_save_as(ctx),
            Command::SetLang(lang) => self.settings.lang = lang,
            Command::ShowFind => {
                self.find.open = true;
                self.find.focus_query = true;
            }
            Command::FindStep(forward) => {
                self.find.open = true;
                self.find.refresh(&self.project, self.revision);
                if let Some(found) = self.find.step(forward) {
                    self.run_command_with(ctx, Command::RevealField(found.at));
                }
            }
            Command::ShowReplace => {
                self.find.open = true;
                self.find.replacing = true;
                self.find.focus_query = true;
            }
            Command::FindGo(index) => {
                self.find.refresh(&self.project, self.revision);
                if let Some(found) = self.find.go_to(index) {
                    self.run_command_with(ctx, Command::RevealField(found.at));
                }
            }
            Command::ReplaceCurrent => {
                self.find.refresh(&self.project, self.revision);
                if let Some(command) = self.find.replace_current(&self.project) {
                    self.run_command_with(ctx, command);
                    self.find.refresh(&self.project, self.revision);
                    if let Some(next) = self.find.current().or_else(|| self.find.step(true)) {
                        self.run_command_with(ctx, Command::RevealField(next.at));
                    }
                }
            }
            Command::ReplaceAll => {
                self.find.refresh(&self.project, self.revision);
                if let Some(command) = self.find.replace_all(&self.project) {
                    self.run_command_with(ctx, command);
                }
            }
            Command::SuggestEntities => {
                self.jobs
                    .start_suggestions(&self.project, self.revision, ctx)
            }
            // F1 and the menu item open the sheet, and F1 closes it again.
            Command::ShowHelp => self.show_help = !self.show_help,
            Command::ShowExport => self.export.open_for(
                self.path.as_deref(),
                self.source_path.as_deref(),
                &self.project,
            ),
            Command::ShowPunctuation => self.punctuation.open_for(&self.project, self.revision),
            Command::DismissNotice => self.notice = None,
            Command::ShowCollection => self.collection.open = true,
            Command::SetView(view) => self.set_view(view),
            Command::AcceptStructureOffer => {
                if let Some(offer) = self.structure_offer().cloned() {
                    self.structure_offer = None;
                    let edit = offer.edit(&self.project);
                    self.apply_edit(edit, &offer.undo_label(self.lang()), None);
                }
            }
            Command::DismissStructureOffer => self.structure_offer = None,
            tagging => self.run_tagging_command(ctx, tagging),
        }
    }

    fn start_save_as(&mut self, ctx: &egui::Context) {
        let suggested = self
            .path
            .clone()
            .unwrap_or_else(|| files::suggested_project_name(&self.project));
        self.dialogs
            .start(Purpose::SaveAs, self.lang(), Some(&suggested), ctx);
    }

    fn perform_file_action(&mut self, ctx: &egui::Context, action: FileAction) {
        match action {
            FileAction::NewFromRaw => {
                self.dialogs
                    .start(Purpose::ImportRaw, self.lang(), None, ctx)
            }
            FileAction::OpenDialog => {
                self.dialogs
                    .start(Purpose::Open, self.lang(), self.path.as_deref(), ctx)
            }
            FileAction::OpenPath(path) => {
                self.open_path(&path);
            }
            FileAction::OpenIssue { key, at } => self.open_issue(ctx, &key, at),
            FileAction::Quit => {
                self.close_confirmed = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    fn apply_edit(&mut self, edit: Edit, label: &str, select: Option<Selection>) {
        self.history.seal();
        let learns = matches!(&edit, Edit::Batch(edits) if edits.iter().any(|e| matches!(e, Edit::SetLessons(_))));
        match self.history.apply(&mut self.project, edit, label) {
            Ok(()) => {
                self.after_structure_change(select);
                // A correction the project just learnt: offer it where lines look the same.
                self.structure_offer = learns
                    .then(|| crate::model::lessons::offer_for_latest(&self.project))
                    .flatten()
                    .map(|offer| StructureOffer {
                        offer,
                        revision: self.revision,
                    });
            }
            Err(error) => {
                self.notice = Some(Notice::both(
                    edit_error_message(&error, Lang::Zh),
                    edit_error_message(&error, Lang::En),
                    true,
                ))
            }
        }
    }

    fn after_structure_change(&mut self, select: Option<Selection>) {
        self.revision += 1;
        self.cursor = None;
        if let Some(selection) = select {
            self.selection = selection;
            if let Some(slot) = selection.field {
                self.article.reveal(slot);
            }
        }
        self.selection = self.selection.clamped(&self.project);
    }

    /// After undo or redo: selects and scrolls to what changed (article, field, raw lines), so
    /// the editor sees what came back.
    fn show_restored(&mut self, place: Option<(usize, Option<crate::model::FieldSlot>)>) {
        let select = place.map(|(article, field)| Selection { article, field });
        self.after_structure_change(select);
        if select.is_some() {
            self.reveal_raw(self.selection.field_ref());
        }
    }

    fn reveal_raw(&mut self, at: Option<FieldRef>) {
        let line = match at {
            Some(at) => self.project.field(at).and_then(|f| f.first_line()),
            None => None,
        }
        .or_else(|| {
            self.project
                .articles
                .get(self.selection.article)
                .and_then(|a| a.source_lines().first().map(|r| r.first))
        });
        if let Some(line) = line {
            self.raw.reveal_line(line);
        }
    }
}

/// Why an edit could not be made, in the editor's language: the model's errors speak of
/// indices, the editor of articles and paragraphs (counted from 1).
pub fn edit_error_message(error: &crate::model::EditError, lang: Lang) -> String {
    use crate::model::EditError as E;
    let reason = match (error, lang) {
        (E::NoArticle(a), Lang::Zh) => format!("没有第 {} 篇文章", a + 1),
        (E::NoArticle(a), Lang::En) => format!("there is no article {}", a + 1),
        (E::NoField(_), Lang::Zh) => "那个段落或字段已不存在".to_string(),
        (E::NoField(_), Lang::En) => "that paragraph or field no longer exists".to_string(),
        (E::OutOfRange { at, len }, Lang::Zh) => format!("位置 {at} 超出文字范围(共 {len} 字)"),
        (E::OutOfRange { at, len }, Lang::En) => {
            format!("position {at} is outside the text ({len} characters)")
        }
        (E::NoSpan(_), Lang::Zh) => "那个标注已不存在".to_string(),
        (E::NoSpan(_), Lang::En) => "that tag no longer exists".to_string(),
        (E::EmptySpan, Lang::Zh) => "标注不能为空".to_string(),
        (E::EmptySpan, Lang::En) => "a tag cannot be empty".to_string(),
        (E::NoNeighbour, Lang::Zh) => "那个方向没有相邻的文章".to_string(),
        (E::NoNeighbour, Lang::En) => "there is no article in that direction".to_string(),
        (E::NotHeader(_), Lang::Zh) => "这不是标题栏字段".to_string(),
        (E::NotHeader(_), Lang::En) => "that is not a heading field".to_string(),
        (E::WouldEmpty, Lang::Zh) => "文章至少要保留一个段落或字段".to_string(),
        (E::WouldEmpty, Lang::En) => {
            "an article must keep at least one paragraph or field".to_string()
        }
    };
    format!("{}{reason}", lang.pick("无法执行:", "Cannot do that: "))
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.settings.store(storage);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // A clean exit: the editor saved or chose not to; nothing is left to recover.
        self.autosave.discard();
    }
}
