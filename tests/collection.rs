//! Collections: batch import into a folder with an index, resumable and never stopped by a bad
//! file; the editor's decisions holding in every issue; officials over time; a find across the
//! issues; an index that opens without the projects.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::AtomicBool;

use jiaodui::collection::batch::{self, BatchOptions, FileStatus};
use jiaodui::collection::find::Archive;
use jiaodui::collection::{Collection, DateSource, INDEX_FILE, IssueDate, officials};
use jiaodui::i18n::Lang;
use jiaodui::model::search::{Query, SearchOptions};
use jiaodui::model::{EntityKind, SpanStatus};
use jiaodui::pipeline::entities::Tagger;

fn jiaodui(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jiaodui"))
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "en_US.UTF-8")
        .env("LANG", "en_US.UTF-8")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The sample bulletin as another issue: its meeting on another day.
fn issue_text(month: u32, day: u32) -> String {
    jiaodui::SAMPLE_BULLETIN.replace("6月10日", &format!("{month}月{day}日"))
}

/// A folder of raw issues: `gaoxin-2021-MM-DD.txt` for each date.
fn raw_folder(dir: &Path, dates: &[(u32, u32)]) -> PathBuf {
    let raw = dir.join("raw");
    std::fs::create_dir_all(&raw).unwrap();
    for &(m, d) in dates {
        std::fs::write(
            raw.join(format!("gaoxin-2021-{m:02}-{d:02}.txt")),
            issue_text(m, d),
        )
        .unwrap();
    }
    raw
}

fn options(force: bool, with_entities: bool) -> BatchOptions {
    BatchOptions {
        force,
        with_entities,
        lang: Lang::En,
    }
}

fn import(collection: &mut Collection, raw: &Path, opts: BatchOptions) -> Vec<batch::FileOutcome> {
    let (files, refused) = batch::collect_inputs(&[raw.to_path_buf()], Lang::En);
    assert!(refused.is_empty());
    batch::import(collection, &files, opts, &|_| {}, &AtomicBool::new(false)).unwrap()
}

#[test]
fn a_folder_becomes_a_collection_and_a_second_run_skips_what_is_done() {
    let dir = tempfile::tempdir().unwrap();
    let raw = raw_folder(dir.path(), &[(6, 10), (7, 1)]);
    std::fs::write(raw.join("broken.txt"), [0u8, 159, 146, 150, 0, 0, 1, 2]).unwrap();
    std::fs::write(raw.join("notes.md"), "not a bulletin").unwrap();
    let out = dir.path().join("archive");

    let run = jiaodui(
        &["import", "raw", "--collection", "archive", "--no-entities"],
        dir.path(),
    );
    let (stdout, stderr) = (text(&run.stdout), text(&run.stderr));
    assert_eq!(
        run.status.code(),
        Some(1),
        "a refused file is reported: {stderr}"
    );
    assert!(
        stderr.contains("1 of the files could not be imported"),
        "{stderr}"
    );
    assert!(
        stdout.contains("broken.txt") && stdout.contains("refused"),
        "{stdout}"
    );
    assert!(
        stdout.contains("2 imported, 0 skipped, 1 refused"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("notes.md"),
        "only .txt and .docx are taken from a folder"
    );
    assert!(out.join("gaoxin-2021-06-10.jiaodui.ron").exists());
    assert!(out.join("gaoxin-2021-07-01.jiaodui.ron").exists());
    assert!(!out.join("broken.jiaodui.ron").exists());

    let collection = Collection::open(&out).unwrap();
    let keys: Vec<&str> = collection
        .index
        .issues
        .iter()
        .map(|i| i.key.as_str())
        .collect();
    assert_eq!(keys, ["gaoxin-2021-06-10", "gaoxin-2021-07-01"]);
    let first = &collection.index.issues[0];
    assert_eq!(first.date, IssueDate::new(2021, 6, 10));
    assert_eq!(first.date_from, DateSource::FileName);
    assert_eq!(first.counts.articles, 4);
    assert_eq!(first.counts.joins, 8);

    std::fs::remove_file(raw.join("broken.txt")).unwrap();
    let again = jiaodui(
        &["import", "raw", "--collection", "archive", "--no-entities"],
        dir.path(),
    );
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert!(
        text(&again.stdout).contains("0 imported, 2 skipped, 0 refused"),
        "{}",
        text(&again.stdout)
    );
    let forced = jiaodui(
        &[
            "import",
            "raw",
            "--collection",
            "archive",
            "--no-entities",
            "--force",
        ],
        dir.path(),
    );
    assert!(
        text(&forced.stdout).contains("2 imported"),
        "{}",
        text(&forced.stdout)
    );
    assert!(out.join("gaoxin-2021-06-10.jiaodui.ron.bak").exists());
}

#[test]
fn the_single_file_form_still_works_and_several_files_need_a_collection() {
    let dir = tempfile::tempdir().unwrap();
    let raw = raw_folder(dir.path(), &[(6, 10)]);
    let one = jiaodui(
        &["import", "raw/gaoxin-2021-06-10.txt", "--no-entities"],
        dir.path(),
    );
    assert!(one.status.success(), "{}", text(&one.stderr));
    assert!(raw.join("gaoxin-2021-06-10.jiaodui.ron").exists());
    let folder = jiaodui(&["import", "raw"], dir.path());
    assert_eq!(folder.status.code(), Some(1));
    assert!(text(&folder.stderr).contains("--collection"));
}

#[test]
fn an_interrupted_batch_takes_in_projects_already_written_and_keeps_corrected_dates() {
    let dir = tempfile::tempdir().unwrap();
    let raw = raw_folder(dir.path(), &[(6, 10), (7, 1)]);
    let out = dir.path().join("archive");
    let mut collection = Collection::open_or_new(&out).unwrap();
    import(&mut collection, &raw, options(false, false));
    // As if the batch stopped before the index was written.
    std::fs::remove_file(out.join(INDEX_FILE)).unwrap();
    let mut resumed = Collection::open_or_new(&out).unwrap();
    let outcomes = import(&mut resumed, &raw, options(false, false));
    assert!(outcomes.iter().all(|o| o.status == FileStatus::Skipped));
    assert_eq!(resumed.index.issues.len(), 2);

    resumed
        .set_date("gaoxin-2021-07-01", IssueDate::parse("2021-05-01").unwrap())
        .unwrap();
    resumed.save().unwrap();
    assert_eq!(
        resumed.index.issues[0].key, "gaoxin-2021-07-01",
        "sorted by date"
    );
    let mut forced = Collection::open(&out).unwrap();
    import(&mut forced, &raw, options(true, false));
    let entry = forced.index.issue("gaoxin-2021-07-01").unwrap();
    assert_eq!(
        entry.date,
        IssueDate::new(2021, 5, 1),
        "the editor's date stays"
    );
    assert_eq!(entry.date_from, DateSource::Editor);
}

#[test]
fn a_damaged_index_is_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    raw_folder(dir.path(), &[(6, 10)]);
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    let index = dir.path().join("archive").join(INDEX_FILE);
    std::fs::write(
        &index,
        "(format: \"jiaodui-collection\", version: 1, issues: [",
    )
    .unwrap();
    let run = jiaodui(&["import", "raw", "--collection", "archive"], dir.path());
    assert_eq!(run.status.code(), Some(1));
    assert!(
        text(&run.stderr).contains("damaged"),
        "{}",
        text(&run.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&index).unwrap(),
        "(format: \"jiaodui-collection\", version: 1, issues: ["
    );
    assert_eq!(
        std::fs::read_dir(dir.path().join("archive"))
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn the_index_opens_without_the_projects_which_load_on_demand() {
    let dir = tempfile::tempdir().unwrap();
    let raw = raw_folder(dir.path(), &[(6, 10), (7, 1)]);
    let out = dir.path().join("archive");
    let mut collection = Collection::open_or_new(&out).unwrap();
    import(&mut collection, &raw, options(false, false));
    std::fs::remove_file(out.join("gaoxin-2021-07-01.jiaodui.ron")).unwrap();
    let opened = Collection::open(&out).unwrap();
    assert_eq!(opened.index.issues.len(), 2, "listed from the index alone");
    assert_eq!(opened.index.issues[1].counts.articles, 4);
    assert!(opened.load_issue("gaoxin-2021-06-10").is_ok());
    assert!(opened.load_issue("gaoxin-2021-07-01").is_err());
    let index = std::fs::read_to_string(out.join(INDEX_FILE)).unwrap();
    assert!(
        index.starts_with("(\n  format: \"jiaodui-collection\",\n  version: 1,"),
        "{index}"
    );
    assert!(index.contains("date: Some(\"2021-06-10\")"), "{index}");
}

fn suggested(project: &jiaodui::model::Project, name: &str, kind: &EntityKind) -> usize {
    project
        .articles
        .iter()
        .flat_map(|a| a.fields())
        .flat_map(|(_, f)| {
            f.spans
                .iter()
                .filter(move |s| {
                    s.status == SpanStatus::Suggested
                        && &s.kind == kind
                        && f.slice(s.start, s.end) == name
                })
                .map(|_| ())
        })
        .count()
}

#[test]
fn decisions_hold_in_every_issue_on_import_and_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let raw = raw_folder(dir.path(), &[(6, 10)]);
    let out = dir.path().join("archive");
    let mut collection = Collection::open_or_new(&out).unwrap();
    import(&mut collection, &raw, options(false, true));
    let (project, edit) = collection
        .open_issue("gaoxin-2021-06-10", Tagger::shared())
        .unwrap();
    assert!(edit.is_none(), "nothing decided yet");
    let before = suggested(&project, "张红军", &EntityKind::Person);
    assert!(before > 0, "the sample suggests 张红军");

    // Rejected in another issue: gone when this one opens, and undoable.
    let mut other = project.clone();
    other.rejected.push(jiaodui::model::Rejection {
        text: "张红军".into(),
        kind: EntityKind::Person,
    });
    collection.index.decisions.learn_from(&other);
    let (mut opened, edit) = collection
        .open_issue("gaoxin-2021-06-10", Tagger::shared())
        .unwrap();
    let inverse = edit
        .expect("the rejection applies")
        .apply(&mut opened)
        .unwrap();
    assert_eq!(suggested(&opened, "张红军", &EntityKind::Person), 0);
    assert!(opened.is_rejected("张红军", &EntityKind::Person));
    inverse.apply(&mut opened).unwrap();
    assert_eq!(opened, project, "undo gives the issue back as it was");

    // And a new issue is imported with the rejection already applied.
    let raw2 = raw_folder(dir.path(), &[(7, 1)]);
    import(&mut collection, &raw2, options(false, true));
    let (new_issue, edit) = collection
        .open_issue("gaoxin-2021-07-01", Tagger::shared())
        .unwrap();
    assert!(edit.is_none(), "already in line");
    assert_eq!(suggested(&new_issue, "张红军", &EntityKind::Person), 0);
}

#[test]
fn a_merge_recorded_in_the_collection_joins_spellings_across_issues() {
    let dir = tempfile::tempdir().unwrap();
    let raw = dir.path().join("raw");
    std::fs::create_dir(&raw).unwrap();
    std::fs::write(raw.join("g-2021-06-10.txt"), issue_text(6, 10)).unwrap();
    std::fs::write(
        raw.join("g-2021-07-01.txt"),
        issue_text(7, 1).replace("张红军", "张宏军"),
    )
    .unwrap();
    let out = dir.path().join("archive");
    let mut collection = Collection::open_or_new(&out).unwrap();
    collection
        .index
        .decisions
        .merge(EntityKind::Person, "张红军", &["张宏军".to_string()]);
    import(&mut collection, &raw, options(false, true));
    let people: Vec<_> = collection
        .index
        .registry
        .entities
        .iter()
        .filter(|e| e.is_called("张宏军") || e.is_called("张红军"))
        .collect();
    assert_eq!(people.len(), 1, "{people:?}");
    assert_eq!(people[0].name, "张红军");
    assert_eq!(people[0].issues.len(), 2);
}

#[test]
fn officials_over_time_follow_the_issue_dates_and_export_safely() {
    let dir = tempfile::tempdir().unwrap();
    let raw = raw_folder(dir.path(), &[(6, 10), (9, 3), (7, 1)]);
    let out = dir.path().join("archive");
    let mut collection = Collection::open_or_new(&out).unwrap();
    import(&mut collection, &raw, options(false, true));
    let posts = officials::posts(&collection, Some("管委会"));
    let zhang = posts
        .iter()
        .find(|p| p.person == "张红军" && p.post == "主任")
        .unwrap_or_else(|| panic!("{posts:#?}"));
    assert_eq!(zhang.organization, "管委会");
    assert_eq!(zhang.first, IssueDate::new(2021, 6, 10));
    assert_eq!(zhang.last, IssueDate::new(2021, 9, 3));
    assert_eq!(zhang.issues, 3);
    assert!(posts.iter().all(|p| p.organization.contains("管委会")));

    let csv = jiaodui(
        &["officials", "archive", "--format", "csv", "-o", "o.csv"],
        dir.path(),
    );
    assert!(csv.status.success(), "{}", text(&csv.stderr));
    let written = std::fs::read_to_string(dir.path().join("o.csv")).unwrap();
    assert!(written.starts_with("\u{FEFF}person,post,organization,first_date,last_date,issues\n"));
    assert!(
        written.contains("张红军,主任,管委会,2021-06-10,2021-09-03,3"),
        "{written}"
    );
    let again = jiaodui(&["officials", "archive", "-o", "o.csv"], dir.path());
    assert_eq!(again.status.code(), Some(1), "no silent overwrite");
    assert!(text(&again.stderr).contains("--force"));
    let index = format!("archive/{INDEX_FILE}");
    let over_index = jiaodui(
        &["officials", "archive", "-o", &index, "--force"],
        dir.path(),
    );
    assert_eq!(over_index.status.code(), Some(1));
    assert!(Collection::open(&out).is_ok(), "the index is untouched");

    let jsonl = jiaodui(&["officials", "archive", "--format", "jsonl"], dir.path());
    assert!(jsonl.status.success(), "{}", text(&jsonl.stderr));
    let lines: Vec<serde_json::Value> = text(&jsonl.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let zhang_lines: Vec<_> = lines.iter().filter(|l| l["person"] == "张红军").collect();
    assert!(zhang_lines.len() >= 3, "{lines:?}");
    let first = zhang_lines[0];
    assert_eq!(first["date"], "2021-06-10");
    assert_eq!(first["issue"], "gaoxin-2021-06-10");
    assert_eq!(first["article"], 1);
    assert_eq!(first["headline"], "高新区召开党工委(扩大)会议");
}

#[test]
fn a_find_runs_across_every_issue() {
    let dir = tempfile::tempdir().unwrap();
    let raw = raw_folder(dir.path(), &[(6, 10), (7, 1)]);
    let out = dir.path().join("archive");
    let mut collection = Collection::open_or_new(&out).unwrap();
    import(&mut collection, &raw, options(false, false));
    let (archive, failed) = Archive::load(&collection);
    assert!(failed.is_empty());
    let query = Query::new("7月1日", SearchOptions::default()).unwrap();
    let hits = archive.find(&query, 100);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.issue == "gaoxin-2021-07-01"));
    let hit = &hits[0];
    assert_eq!(hit.context.1, "7月1日");
    assert_eq!(hit.at.article, 0);
    assert_eq!(hit.headline, "高新区召开党工委(扩大)会议");
    let everywhere = archive.find(
        &Query::new("张红军", SearchOptions::default()).unwrap(),
        1000,
    );
    let issues: std::collections::BTreeSet<&str> =
        everywhere.iter().map(|h| h.issue.as_str()).collect();
    assert_eq!(issues.len(), 2);
    assert_eq!(archive.find(&query, 0).len(), 0, "the limit holds");

    let cli = jiaodui(&["find", "archive", "张红军"], dir.path());
    assert!(cli.status.success(), "{}", text(&cli.stderr));
    assert!(text(&cli.stdout).contains("2021-07-01\tgaoxin-2021-07-01\tarticle 1\t"));
}

#[test]
fn merges_splits_and_rejections_are_recorded_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let raw = dir.path().join("raw");
    std::fs::create_dir(&raw).unwrap();
    std::fs::write(raw.join("g-2021-06-10.txt"), issue_text(6, 10)).unwrap();
    std::fs::write(
        raw.join("g-2021-07-01.txt"),
        issue_text(7, 1).replace("张红军", "张宏军"),
    )
    .unwrap();
    let out = dir.path().join("archive");
    let mut collection = Collection::open_or_new(&out).unwrap();
    import(&mut collection, &raw, options(false, true));
    let called = |c: &Collection, name: &str| {
        c.index
            .registry
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && e.is_called(name))
            .count()
    };
    assert_eq!(
        called(&collection, "张红军") + called(&collection, "张宏军"),
        2
    );

    let run = jiaodui(
        &[
            "collection",
            "archive",
            "--merge",
            "张红军=张宏军",
            "--reject",
            "org:高新区党",
        ],
        dir.path(),
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    let merged = Collection::open(&out).unwrap();
    let zhang: Vec<_> = merged
        .index
        .registry
        .entities
        .iter()
        .filter(|e| e.is_called("张宏军"))
        .collect();
    assert_eq!(zhang.len(), 1);
    assert_eq!(
        (zhang[0].name.as_str(), zhang[0].issues.len()),
        ("张红军", 2)
    );
    assert!(
        merged
            .index
            .decisions
            .merge_of(&EntityKind::Person, "张宏军")
            .is_some()
    );
    assert_eq!(merged.index.decisions.rejected[0].kind, EntityKind::Org);

    let split = jiaodui(
        &["collection", "archive", "--split", "张红军@管委会"],
        dir.path(),
    );
    assert!(split.status.success(), "{}", text(&split.stderr));
    let csv = jiaodui(&["officials", "archive", "--org", "管委会"], dir.path());
    assert!(
        text(&csv.stdout).contains("张红军(管委会),主任,管委会,2021-06-10,2021-07-01,2"),
        "{}",
        text(&csv.stdout)
    );
    let bad = jiaodui(&["collection", "archive", "--split", "张红军"], dir.path());
    assert_eq!(bad.status.code(), Some(1));
    assert!(text(&bad.stderr).contains("NAME@ORG"));
}

#[test]
fn word_documents_in_a_folder_are_imported_like_texts() {
    let dir = tempfile::tempdir().unwrap();
    let raw = dir.path().join("raw");
    std::fs::create_dir(&raw).unwrap();
    let project = jiaodui::pipeline::import_structure(
        jiaodui::SAMPLE_BULLETIN.as_bytes(),
        jiaodui::SAMPLE_NAME,
    )
    .unwrap();
    let files = jiaodui::formats::docx::write::render(&project, &Default::default());
    std::fs::write(raw.join("gaoxin-2021-06-10.docx"), &files[0].1).unwrap();
    let out = dir.path().join("archive");
    let mut collection = Collection::open_or_new(&out).unwrap();
    let outcomes = import(&mut collection, &raw, options(false, false));
    assert_eq!(outcomes[0].status, FileStatus::Imported, "{outcomes:?}");
    let entry = collection.index.issue("gaoxin-2021-06-10").unwrap();
    assert_eq!(entry.source, "gaoxin-2021-06-10.docx");
    assert_eq!(entry.date, IssueDate::new(2021, 6, 10));
    assert_eq!(entry.counts.articles, project.articles.len());
    assert!(out.join("gaoxin-2021-06-10.jiaodui.ron").exists());
}
