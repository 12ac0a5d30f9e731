//! Unsaved work written to a recovery file once the editor pauses for half a minute (and every two
//! minutes while they keep working), off the UI thread; removed after a save or a clean exit, and
//! offered back when a project is opened after a crash.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant, SystemTime};

use crate::formats::recovery::{self, Recovered};
use crate::i18n::Lang;
use crate::model::{Edit, Project};

/// How long the project must stay unchanged before its unsaved state is written: writing while
/// the editor pauses keeps the write off the moments they are typing.
pub const IDLE: Duration = Duration::from_secs(30);
/// The longest a stretch of unbroken work goes without a recovery write: what a crash may lose.
pub const MAX_INTERVAL: Duration = Duration::from_secs(120);

/// The recovery files of the open project.
pub struct Autosave {
    /// Whether recovery files are written (off in tests and benchmarks).
    enabled: bool,
    /// Where the recovery of a never-saved project goes (the program's data folder).
    data_dir: Option<PathBuf>,
    written_revision: Option<u64>,
    last_write: Instant,
    /// The revision seen last, and when it was first seen: the start of the current pause.
    seen_revision: Option<u64>,
    changed_at: Instant,
    running: Option<Receiver<()>>,
    /// Recovery files written in this session, removed after a save or a clean exit.
    written: Vec<PathBuf>,
}

impl Autosave {
    /// Autosave into `data_dir` (for never-saved projects) and beside saved projects.
    pub fn new(data_dir: Option<PathBuf>) -> Autosave {
        Autosave {
            enabled: true,
            data_dir,
            written_revision: None,
            last_write: Instant::now(),
            seen_revision: None,
            changed_at: Instant::now(),
            running: None,
            written: Vec::new(),
        }
    }

    /// No recovery files are written; recovery files found beside projects are still offered.
    pub fn disabled() -> Autosave {
        Autosave {
            enabled: false,
            ..Autosave::new(None)
        }
    }

    /// The recovery file of a project saved at `project_path` (or of a never-saved project).
    pub fn path_for(&self, project_path: Option<&Path>) -> Option<PathBuf> {
        match (project_path, &self.data_dir) {
            (Some(path), _) => Some(recovery::recovery_path(Some(path), Path::new(""))),
            (None, Some(dir)) => Some(recovery::recovery_path(None, dir)),
            (None, None) => None,
        }
    }

    /// Called every frame: writes the project to its recovery file when it has unsaved changes
    /// not yet written and has not changed for [`IDLE`], or the last write is [`MAX_INTERVAL`]
    /// old.
    pub fn tick(
        &mut self,
        project: &Project,
        project_path: Option<&Path>,
        revision: u64,
        dirty: bool,
        ctx: &egui::Context,
    ) {
        if let Some(receiver) = &self.running {
            match receiver.try_recv() {
                Err(TryRecvError::Empty) => return,
                _ => self.running = None,
            }
        }
        if self.seen_revision != Some(revision) {
            self.seen_revision = Some(revision);
            self.changed_at = Instant::now();
        }
        if !self.enabled || !dirty || self.written_revision == Some(revision) {
            return;
        }
        let idle = self.changed_at.elapsed();
        if idle < IDLE && self.last_write.elapsed() < MAX_INTERVAL {
            ctx.request_repaint_after(IDLE - idle);
            return;
        }
        let Some(path) = self.path_for(project_path) else {
            return;
        };
        let (sender, receiver) = mpsc::channel();
        let snapshot = project.clone();
        let target = path.clone();
        let spawned = std::thread::Builder::new()
            .name("jiaodui-autosave".into())
            .spawn(move || {
                // A failed recovery write must not disturb the editor; the next tick tries again.
                let _ = recovery::write(&target, &snapshot);
                let _ = sender.send(());
            });
        if spawned.is_ok() {
            self.running = Some(receiver);
            self.written_revision = Some(revision);
            self.last_write = Instant::now();
            if !self.written.contains(&path) {
                self.written.push(path);
            }
        }
    }

    /// Removes the recovery files: the work is saved, or the editor chose to leave it.
    pub fn discard(&mut self) {
        for path in self.written.drain(..) {
            recovery::remove(&path);
        }
        self.written_revision = None;
    }

    /// Removes the recovery file of one project (the editor declined to restore it).
    pub fn discard_for(&mut self, project_path: Option<&Path>) {
        if let Some(path) = self.path_for(project_path) {
            recovery::remove(&path);
        }
    }

    /// A recovery file left by a crash for the project at `project_path`, if there is a usable one.
    pub fn find(&self, project_path: Option<&Path>) -> Option<Recovered> {
        let path = self.path_for(project_path)?;
        recovery::read(&path)?.ok()
    }
}

/// The edit that turns `current` into `recovered` (same raw text): one undo step back to the file.
pub fn restore_edit(current: &Project, recovered: &Project) -> Edit {
    Edit::Batch(vec![
        Edit::ReplaceArticles {
            start: 0,
            remove: current.articles.len(),
            insert: recovered.articles.clone(),
        },
        Edit::SetFurniture(recovered.furniture.clone()),
        Edit::SetRegistry(recovered.registry.clone()),
        Edit::SetLearning {
            lexicon: recovered.lexicon.clone(),
            rejected: recovered.rejected.clone(),
        },
        Edit::SetEntityTypes(recovered.entity_types.clone()),
    ])
}

/// "written 5 minutes ago" for the restore question.
pub fn age_text(written: SystemTime, lang: Lang) -> String {
    let minutes = SystemTime::now()
        .duration_since(written)
        .map(|d| d.as_secs() / 60)
        .unwrap_or(0);
    match lang {
        Lang::Zh => format!("写于 {minutes} 分钟前"),
        Lang::En => format!("written {minutes} minutes ago"),
    }
}
