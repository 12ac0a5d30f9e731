//! Saving survives being killed at any moment: a child process saves a project over an older
//! one and is killed (SIGKILL) at a random instant, 200 times. After every kill the project file
//! loads and is either the old or the new version, and a `.bak`, if present, is the old one.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use jiaodui::formats::project::{backup_path, load, save};
use jiaodui::model::{Article, ArticleId, Project, Source, TextField};

const CHILD_DIR: &str = "JIAODUI_CRASH_CHILD_DIR";

/// A project big enough that saving takes a while (about 2 MB of RON), `version` in its title.
fn project(version: &str) -> Project {
    let text = vec![jiaodui::SAMPLE_BULLETIN; 60].join("\n");
    let mut p = Project::new(Source {
        name: "big.txt".into(),
        sha256: String::new(),
        encoding: "UTF-8".into(),
        text: text.clone(),
    });
    p.meta.title = version.to_string();
    for (i, chunk) in text.split("\n\n").enumerate().take(2000) {
        let mut a = Article::new(ArticleId(i as u32));
        a.headline = TextField::plain(format!("{version}-{i}"));
        a.paragraphs.push(TextField::plain(chunk));
        p.articles.push(a);
    }
    p
}

/// Runs in the child: saves the "new" project over the file and exits.
#[test]
#[ignore = "run by crash_during_save_never_corrupts as a child process"]
fn crash_child_saves() {
    let Ok(dir) = std::env::var(CHILD_DIR) else {
        return;
    };
    save(&project("new"), &Path::new(&dir).join("p.jiaodui.ron")).unwrap();
}

fn spawn_child(dir: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "crash_child_saves",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DIR, dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// A small deterministic generator, so a failing run can be repeated.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn crash_during_save_never_corrupts() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("p.jiaodui.ron");
    let old = project("old");
    let new = project("new");

    // How long one uninterrupted child run takes: kills are spread over that window.
    save(&old, &path).unwrap();
    let start = Instant::now();
    assert!(spawn_child(dir.path()).wait().unwrap().success());
    let window = start.elapsed();
    assert_eq!(load(&path).unwrap().meta.title, "new");

    let mut rng = Lcg(0x5eed);
    let (mut saw_old, mut saw_new) = (0, 0);
    for round in 0..200 {
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            std::fs::remove_file(entry.unwrap().path()).unwrap();
        }
        save(&old, &path).unwrap();
        let mut child = spawn_child(dir.path());
        let delay = window.mul_f64((rng.next() % 1000) as f64 / 1000.0);
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();

        let loaded = load(&path).unwrap_or_else(|e| panic!("round {round}: {e}"));
        if loaded == old {
            saw_old += 1;
        } else {
            assert!(loaded == new, "round {round}: neither old nor new");
            saw_new += 1;
            assert!(
                load(&backup_path(&path)).unwrap() == old,
                "round {round}: .bak is not the previous version"
            );
        }
        if backup_path(&path).exists() {
            assert!(
                load(&backup_path(&path)).unwrap() == old,
                "round {round}: a partial .bak"
            );
        }
    }
    println!(
        "killed 200 saves over a {window:?} window: {saw_old} left the old file, {saw_new} the new one"
    );
    assert!(saw_old > 0, "no kill landed before the save finished");
}
