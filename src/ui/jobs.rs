//! Background work: entity suggestions, which need the jieba dictionary and must never hold up
//! a frame.
//!
//! A job works on a copy of the project taken at some revision. Its result is an edit made for
//! exactly that state, so the app applies it only if the project is still at that revision, and
//! otherwise starts again on the current project.

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Instant;

use crate::i18n::Lang;
use crate::model::{Edit, Project};
use crate::pipeline::entities::{Tagger, suggest_project};

/// What a finished job hands back.
#[derive(Debug)]
pub struct Suggestions {
    /// The project revision the edit was computed for.
    pub revision: u64,
    pub edit: Edit,
}

struct Running {
    revision: u64,
    started: Instant,
    receiver: Receiver<Edit>,
}

/// The entity-suggestion job of the open project, if one runs.
#[derive(Default)]
pub struct Jobs {
    running: Option<Running>,
}

impl Jobs {
    /// Starts suggesting entities for `project` as it is at `revision`, replacing a running job
    /// (whose result will be ignored).
    pub fn start_suggestions(&mut self, project: &Project, revision: u64, ctx: &egui::Context) {
        let (sender, receiver) = mpsc::channel();
        let snapshot = project.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("jiaodui-suggest".into())
            .spawn(move || {
                let edit = suggest_project(&snapshot, Tagger::shared());
                let _ = sender.send(edit);
                ctx.request_repaint();
            });
        self.running = spawned.ok().map(|_| Running {
            revision,
            started: Instant::now(),
            receiver,
        });
    }

    /// Takes the result of a finished job, if any.
    pub fn poll(&mut self) -> Option<Suggestions> {
        let running = self.running.as_ref()?;
        match running.receiver.try_recv() {
            Ok(edit) => {
                let revision = running.revision;
                self.running = None;
                Some(Suggestions { revision, edit })
            }
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                // The worker panicked: nothing to apply, and retrying would fail the same way.
                self.running = None;
                None
            }
        }
    }

    /// Whether a job is running.
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// Forgets a running job (a new project was opened).
    pub fn cancel(&mut self) {
        self.running = None;
    }

    /// The progress line for the status bar.
    pub fn progress(&self, lang: Lang) -> Option<String> {
        let running = self.running.as_ref()?;
        let seconds = running.started.elapsed().as_secs();
        Some(match lang {
            Lang::Zh => format!("正在建议实体…({seconds} 秒)"),
            Lang::En => format!("suggesting entities… ({seconds} s)"),
        })
    }
}
