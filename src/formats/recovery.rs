//! Recovery files: the unsaved state of a project, written in the background while the editor
//! works, so that a crash of the program or the machine loses at most the last half minute.
//!
//! A project saved at `dir/NAME.jiaodui.ron` recovers from `dir/NAME.jiaodui.ron.recovery`; a
//! project never saved (a raw text just imported) recovers from `untitled.recovery` in the
//! program's data directory. A clean exit or a save removes the file; opening a project whose
//! recovery file exists offers to restore it, saying when it was written.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::project::{ProjectError, from_ron, sibling_with_suffix, to_ron, write_atomically};
use crate::model::Project;

/// The recovery file of a project saved at `project_path`, or of an unsaved project whose
/// recovery lives in `data_dir`.
pub fn recovery_path(project_path: Option<&Path>, data_dir: &Path) -> PathBuf {
    match project_path {
        Some(path) => sibling_with_suffix(path, ".recovery"),
        None => data_dir.join("untitled.recovery"),
    }
}

/// A recovered project and when it was written.
#[derive(Debug)]
pub struct Recovered {
    pub project: Project,
    pub written: SystemTime,
}

/// Writes the recovery file (atomically, so a crash during the write cannot damage an older
/// recovery file). Call it off the UI thread with a clone of the project.
pub fn write(path: &Path, project: &Project) -> Result<(), ProjectError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|error| ProjectError::Io {
            path: dir.to_path_buf(),
            error,
        })?;
    }
    write_atomically(path, to_ron(project).as_bytes(), false)
}

/// Reads a recovery file: `None` when there is none, an error when it exists but is unusable.
pub fn read(path: &Path) -> Option<Result<Recovered, ProjectError>> {
    let metadata = std::fs::metadata(path).ok()?;
    let written = metadata.modified().unwrap_or(SystemTime::UNIX_EPOCH);
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            return Some(Err(ProjectError::Io {
                path: path.to_path_buf(),
                error,
            }));
        }
    };
    Some(from_ron(&text).map(|project| Recovered { project, written }))
}

/// Removes the recovery file after a save or a clean exit. A missing file is fine.
pub fn remove(path: &Path) {
    let _ = std::fs::remove_file(path);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    #[test]
    fn write_read_remove() {
        let dir = tempfile::tempdir().unwrap();
        let project_path = dir.path().join("a.jiaodui.ron");
        let path = recovery_path(Some(&project_path), dir.path());
        assert_eq!(path, dir.path().join("a.jiaodui.ron.recovery"));
        assert!(read(&path).is_none());
        let mut project = Project::new(Source::default());
        project.meta.title = "未保存的修改".into();
        write(&path, &project).unwrap();
        let recovered = read(&path).unwrap().unwrap();
        assert_eq!(recovered.project, project);
        assert!(recovered.written <= SystemTime::now());
        remove(&path);
        assert!(read(&path).is_none());
    }

    #[test]
    fn an_unsaved_project_recovers_from_the_data_dir() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data/jiaodui");
        let path = recovery_path(None, &data);
        write(&path, &Project::new(Source::default())).unwrap();
        assert!(path.starts_with(&data) && path.exists());
    }

    #[test]
    fn a_damaged_recovery_file_is_reported_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.recovery");
        std::fs::write(&path, "(format: \"jiaodui-project\", version: 1, meta: (").unwrap();
        assert!(matches!(
            read(&path),
            Some(Err(ProjectError::Corrupt { .. }))
        ));
    }
}
