//! What the window remembers between sessions: the interface language, the recent files and the
//! project to reopen. Kept in eframe's storage, so it lives in the platform's app-data folder.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// Key of the settings in eframe's storage.
pub const STORAGE_KEY: &str = "jiaodui-settings";
/// How many recent files the File menu lists.
pub const RECENT_LIMIT: usize = 10;

/// The remembered preferences of the user.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Interface language; Chinese unless the user switched.
    pub lang: Lang,
    /// Most recent first, project files only.
    pub recent: Vec<PathBuf>,
    /// The project open when the window was last closed, reopened at the next start.
    pub last_project: Option<PathBuf>,
    /// Which panels the window shows.
    pub view: ViewSettings,
    /// Where the editor stopped in each recent project, to go back there when it is reopened.
    pub positions: Vec<(PathBuf, Position)>,
}

/// The panels of the window and how the raw text is shown (视图 menu).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewSettings {
    pub outline: bool,
    pub raw: bool,
    pub side: bool,
    /// Long raw lines wrap instead of running off the pane.
    pub wrap_raw: bool,
}

impl Default for ViewSettings {
    fn default() -> Self {
        ViewSettings {
            outline: true,
            raw: true,
            side: true,
            wrap_raw: true,
        }
    }
}

/// A place in a project: the article shown and the paragraph at the top of the view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Position {
    pub article: usize,
    pub paragraph: usize,
}

impl Settings {
    /// Reads the settings from eframe's storage; defaults when there are none or they are unreadable.
    pub fn load(storage: Option<&dyn eframe::Storage>) -> Settings {
        storage
            .and_then(|storage| eframe::get_value(storage, STORAGE_KEY))
            .unwrap_or_default()
    }

    /// Writes the settings to eframe's storage.
    pub fn store(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self);
    }

    /// Puts `path` first in the recent files (once) and makes it the project to reopen.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(RECENT_LIMIT);
        self.last_project = Some(path.to_path_buf());
    }

    /// Remembers where the editor is in the project at `path` (recent projects only).
    pub fn remember_position(&mut self, path: &Path, position: Position) {
        self.positions
            .retain(|(p, _)| p != path && self.recent.contains(p));
        self.positions.insert(0, (path.to_path_buf(), position));
        self.positions.truncate(RECENT_LIMIT);
    }

    /// Where the editor stopped in the project at `path`, if it was remembered.
    pub fn position(&self, path: &Path) -> Option<Position> {
        self.positions
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, position)| *position)
    }

    /// Drops a file that could not be opened from the recent list.
    pub fn forget(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        if self.last_project.as_deref() == Some(path) {
            self.last_project = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembering_moves_a_file_to_the_front_once() {
        let mut settings = Settings::default();
        settings.remember(Path::new("a.jiaodui.ron"));
        settings.remember(Path::new("b.jiaodui.ron"));
        settings.remember(Path::new("a.jiaodui.ron"));
        assert_eq!(
            settings.recent,
            vec![
                PathBuf::from("a.jiaodui.ron"),
                PathBuf::from("b.jiaodui.ron")
            ]
        );
        settings.forget(Path::new("a.jiaodui.ron"));
        assert_eq!(settings.last_project, None);
        assert_eq!(settings.recent.len(), 1);
    }
}
