//! Word in and out: a `.docx` imports like a text (paragraphs in document order, tables cell by
//! cell, row by row), a damaged one is refused with a message and no project, and the Word
//! export, unzipped and parsed here on its own, holds the text with the styles an office expects.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::process::{Command, Output};

use jiaodui::formats::export::{ExportFormat, ExportOptions, export, render};
use jiaodui::i18n::Lang;
use jiaodui::model::{
    Article, ArticleId, EntityId, EntityKind, LineRange, ParagraphKind, Project, Role, Source,
    Span, SpanStatus, TextField,
};
use jiaodui::pipeline::{ImportError, import_structure};
use quick_xml::events::Event;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

// ---------------------------------------------------------------------------------------------
// Word documents built here, as Word and WPS write them.

/// A zip package with the given parts.
fn zip(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for (name, content) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A Word document whose body is `body` (WordprocessingML with the `w:` prefix).
fn word(body: &str) -> Vec<u8> {
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"{W}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
         <w:body>{body}<w:sectPr/></w:body></w:document>"
    );
    zip(&[
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        ),
        ("_rels/.rels", "<Relationships/>"),
        ("word/document.xml", &document),
    ])
}

/// A paragraph whose text is split over two runs, as Word splits text where formatting or
/// spell checking changed.
fn p(text: &str) -> String {
    let split = text.char_indices().nth(2).map_or(text.len(), |(i, _)| i);
    let escape = |s: &str| quick_xml::escape::escape(s).into_owned();
    format!(
        "<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr><w:r><w:t>{}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        escape(&text[..split]),
        escape(&text[split..])
    )
}

fn table(rows: &[&[&[&str]]]) -> String {
    let mut xml = String::from("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>");
    for row in rows {
        xml.push_str("<w:tr>");
        for cell in *row {
            xml.push_str("<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>");
            for text in *cell {
                xml.push_str(&p(text));
            }
            xml.push_str("</w:tc>");
        }
        xml.push_str("</w:tr>");
    }
    xml.push_str("</w:tbl>");
    xml
}

// ---------------------------------------------------------------------------------------------
// Word in.

#[test]
fn paragraphs_come_in_document_order_and_tables_cell_by_cell_row_by_row() {
    let body = [
        p("高新区召开党工委会议"),
        "<w:p/>".to_string(),
        p("本报讯 会议由张红军主持。"),
        table(&[
            &[&["姓名"], &["职务"]],
            &[&["张红军"], &["党工委副书记", "管委会主任"]],
        ]),
        p("会议强调，要抓重点。"),
    ]
    .concat();
    let project = import_structure(&word(&body), "gaoxin.docx").unwrap();
    assert_eq!(
        project.source.text,
        "高新区召开党工委会议\n\n本报讯 会议由张红军主持。\n姓名\n职务\n张红军\n党工委副书记\n管委会主任\n会议强调，要抓重点。"
    );
    assert_eq!(project.source.encoding, "Word (.docx)");
    assert_eq!(project.source.name, "gaoxin.docx");
    assert!(!project.articles.is_empty());
}

#[test]
fn the_sample_as_a_word_document_imports_like_the_text() {
    let body: String = jiaodui::SAMPLE_BULLETIN
        .lines()
        .map(|line| {
            if line.is_empty() {
                "<w:p/>".to_string()
            } else {
                p(line)
            }
        })
        .collect();
    let from_word = import_structure(&word(&body), "sample.docx").unwrap();
    let from_text = import_structure(jiaodui::SAMPLE_BULLETIN.as_bytes(), "sample.txt").unwrap();
    assert_eq!(
        from_word.source.text.trim_end(),
        from_text.source.text.trim_end()
    );
    let texts = |project: &Project| -> Vec<Vec<String>> {
        project
            .articles
            .iter()
            .map(|a| a.fields().map(|(_, f)| f.text.clone()).collect())
            .collect()
    };
    assert_eq!(texts(&from_word), texts(&from_text));
    assert!(from_word.articles.len() >= 3);
}

/// The import is refused with a message in each language, different from each other.
fn refused(bytes: &[u8], name: &str) -> ImportError {
    let error = import_structure(bytes, name).expect_err("must be refused");
    let (zh, en) = (error.message(Lang::Zh), error.message(Lang::En));
    assert!(
        zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{zh}"
    );
    assert!(en.chars().filter(|c| !c.is_ascii()).count() < 10, "{en}");
    assert_ne!(zh, en);
    error
}

#[test]
fn damaged_and_non_word_packages_are_refused_each_with_its_reason() {
    let good = word(&p("高新区召开党工委会议"));
    let cut = refused(&good[..good.len() / 2], "cut.docx");
    let not_zip = refused("高新区召开党工委会议".as_bytes(), "renamed.docx");
    assert_eq!(cut.message(Lang::En), not_zip.message(Lang::En));
    assert!(
        cut.message(Lang::En).contains("damaged"),
        "{}",
        cut.message(Lang::En)
    );
    assert!(
        cut.message(Lang::Zh).contains("损坏"),
        "{}",
        cut.message(Lang::Zh)
    );

    let other_zip = refused(&zip(&[("data/table.csv", "a,b\n")]), "archive.zip");
    assert!(other_zip.message(Lang::En).contains("not a Word document"));
    assert_ne!(other_zip.message(Lang::Zh), cut.message(Lang::Zh));

    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.extend((0u8..=255).cycle().take(4096));
    let old = refused(&doc, "old.doc");
    assert!(
        old.message(Lang::Zh).contains(".doc"),
        "{}",
        old.message(Lang::Zh)
    );

    let unclosed = format!("<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>文</w:t></w:r>");
    let broken_xml = zip(&[("word/document.xml", &unclosed)]);
    assert_eq!(
        refused(&broken_xml, "broken.docx").message(Lang::En),
        cut.message(Lang::En)
    );
    refused(&word("<w:p/><w:p/>"), "blank.docx");
}

// ---------------------------------------------------------------------------------------------
// Word out.

fn tag(field: &mut TextField, needle: &str, kind: EntityKind, entity: Option<EntityId>) {
    let byte = field.text.find(needle).unwrap();
    let start = field.text[..byte].chars().count();
    field.insert_span(Span {
        start,
        end: start + needle.chars().count(),
        kind,
        status: SpanStatus::Confirmed,
        rule: None,
        entity,
    });
}

fn lines(text: &str, line: usize) -> TextField {
    TextField::from_lines(text, vec![LineRange::single(line)])
}

/// Two articles with every field and paragraph kind; the second's byline closes it.
fn bulletin() -> Project {
    let mut project = Project::new(Source {
        name: "gaoxin.txt".into(),
        sha256: String::new(),
        encoding: "UTF-8".into(),
        text: String::new(),
    });
    let zhang = project.registry.add(EntityKind::Person, "张红军");
    project.registry.get_mut(zhang).unwrap().roles = vec![
        Role {
            title: "副书记".into(),
            org: "高新区党工委".into(),
        },
        Role {
            title: "主任".into(),
            org: "管委会".into(),
        },
    ];
    let li = project.registry.add(EntityKind::Person, "李明");
    project.registry.get_mut(li).unwrap().roles = vec![Role {
        title: "局长".into(),
        org: "财政局".into(),
    }];

    let mut first = Article::new(ArticleId(0));
    first.kicker = lines("传达学习省委会议精神", 1);
    first.headline = lines("高新区召开党工委（扩大）会议", 2);
    first.subheadline = lines("研究部署贯彻落实意见", 3);
    first.byline = lines("记者 孙庆辉", 4);
    let mut body = lines(
        "本报讯 管委会主任张红军主持会议。\n会议强调<要抓&落实>。",
        5,
    );
    tag(&mut body, "张红军", EntityKind::Person, Some(zhang));
    tag(&mut body, "管委会", EntityKind::Org, None);
    first.paragraphs.push(body);
    let mut crosshead = lines("一、要学明白", 6);
    crosshead.kind = ParagraphKind::Crosshead;
    first.paragraphs.push(crosshead);
    first.paragraphs.push(lines("全体干部参加学习。", 7));
    let mut caption = lines("图为会议现场", 8);
    caption.kind = ParagraphKind::Caption;
    first.paragraphs.push(caption);
    for text in ["【点评】", "抓落实是关键。"] {
        let mut boxed = lines(text, 9);
        boxed.kind = ParagraphKind::Box;
        first.paragraphs.push(boxed);
    }
    let mut note = lines("（本文有删节）", 10);
    note.kind = ParagraphKind::Note;
    first.paragraphs.push(note);

    let mut second = Article::new(ArticleId(1));
    second.headline = lines("财政局部署预算工作", 12);
    let mut body = lines("财政局局长李明出席。", 13);
    tag(&mut body, "李明", EntityKind::Person, Some(li));
    second.paragraphs.push(body);
    second.byline = lines("（通讯员 王芳）", 14);
    project.articles = vec![first, second];
    project
}

/// What the test reads out of a package: its parts by name.
fn unzip(package: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(package)).unwrap();
    let mut parts = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        parts.insert(file.name().unwrap().into_owned(), text);
    }
    parts
}

/// One paragraph of `word/document.xml` as this test reads it.
#[derive(Debug, Default, Clone, PartialEq)]
struct Para {
    style: String,
    align: Option<String>,
    text: String,
    /// The text of runs with the entity character style, each with its shading.
    highlighted: Vec<(String, String)>,
    in_table: bool,
}

fn attr(e: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name).unwrap().map(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .unwrap()
            .into_owned()
    })
}

/// Parses `word/document.xml` into paragraphs (tables' cells included, marked).
fn paragraphs(xml: &str) -> Vec<Para> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut para: Option<Para> = None;
    let mut in_t = false;
    let mut run_style: Option<String> = None;
    let mut run_fill: Option<String> = None;
    let mut run_text = String::new();
    let mut tables = 0;
    loop {
        let event = reader.read_event().unwrap();
        match event {
            Event::Eof => break,
            Event::Start(e) => match e.name().as_ref() {
                "w:p" => {
                    para = Some(Para {
                        in_table: tables > 0,
                        ..Para::default()
                    })
                }
                "w:t" => in_t = true,
                "w:r" => {
                    run_style = None;
                    run_fill = None;
                    run_text.clear();
                }
                "w:tbl" => tables += 1,
                _ => {}
            },
            Event::Empty(e) => {
                let p = para.as_mut();
                match (e.name().as_ref(), p) {
                    ("w:pStyle", Some(p)) => p.style = attr(&e, "w:val").unwrap(),
                    ("w:jc", Some(p)) => p.align = attr(&e, "w:val"),
                    ("w:rStyle", _) => run_style = attr(&e, "w:val"),
                    ("w:shd", _) => run_fill = attr(&e, "w:fill"),
                    ("w:br", Some(p)) => {
                        p.text.push('\n');
                        run_text.push('\n');
                    }
                    ("w:tab", Some(p)) => p.text.push('\t'),
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "w:p" => out.push(para.take().unwrap()),
                "w:t" => in_t = false,
                "w:tbl" => tables -= 1,
                "w:r" if run_style.as_deref() == Some("Entity") => {
                    para.as_mut()
                        .unwrap()
                        .highlighted
                        .push((run_text.clone(), run_fill.clone().unwrap_or_default()));
                }
                _ => {}
            },
            Event::Text(t) if in_t => {
                let text = t.xml10_content();
                para.as_mut().unwrap().text.push_str(&text);
                run_text.push_str(&text);
            }
            Event::GeneralRef(r) if in_t => {
                let c = quick_xml::escape::resolve_predefined_entity(&r.xml10_content())
                    .unwrap()
                    .to_string();
                para.as_mut().unwrap().text.push_str(&c);
                run_text.push_str(&c);
            }
            _ => {}
        }
    }
    out
}

fn docx(project: &Project, options: &ExportOptions) -> Vec<(String, Vec<u8>)> {
    render(project, ExportFormat::Docx, options)
}

#[test]
fn the_export_holds_every_field_with_its_style_in_reading_order() {
    let files = docx(&bulletin(), &ExportOptions::default());
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "articles.docx");
    let parts = unzip(&files[0].1);
    assert_eq!(
        parts.keys().map(String::as_str).collect::<Vec<_>>(),
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/_rels/document.xml.rels",
            "word/document.xml",
            "word/styles.xml"
        ]
    );
    let got: Vec<(String, String, Option<String>)> = paragraphs(&parts["word/document.xml"])
        .into_iter()
        .map(|p| (p.style, p.text, p.align))
        .collect();
    let expected = [
        ("Kicker", "传达学习省委会议精神", None),
        ("Heading1", "高新区召开党工委（扩大）会议", None),
        ("Subtitle", "研究部署贯彻落实意见", None),
        ("Byline", "记者 孙庆辉", None),
        (
            "BodyText",
            "本报讯 管委会主任张红军主持会议。\n会议强调<要抓&落实>。",
            None,
        ),
        ("Heading2", "一、要学明白", None),
        ("BodyText", "全体干部参加学习。", None),
        ("Caption", "图为会议现场", None),
        ("Box", "【点评】", None),
        ("Box", "抓落实是关键。", None),
        ("Note", "（本文有删节）", None),
        ("Heading1", "财政局部署预算工作", None),
        ("BodyText", "财政局局长李明出席。", None),
        ("Byline", "（通讯员 王芳）", Some("right")),
    ];
    let expected: Vec<(String, String, Option<String>)> = expected
        .iter()
        .map(|(s, t, a)| (s.to_string(), t.to_string(), a.map(String::from)))
        .collect();
    assert_eq!(got, expected);
    assert!(parts["word/document.xml"].contains("<w:sectPr><w:pgSz w:w=\"11906\""));
}

/// The `w:style` element with the given id, as text.
fn style_xml<'a>(styles: &'a str, id: &str) -> &'a str {
    let start = styles
        .find(&format!("w:styleId=\"{id}\""))
        .unwrap_or_else(|| panic!("style {id} is not defined"));
    let end = start + styles[start..].find("</w:style>").unwrap();
    &styles[start..end]
}

#[test]
fn styles_define_the_indent_and_the_chinese_fonts() {
    let parts = unzip(&docx(&bulletin(), &ExportOptions::default())[0].1);
    let styles = &parts["word/styles.xml"];
    assert!(style_xml(styles, "BodyText").contains("w:firstLineChars=\"200\""));
    assert!(
        styles.contains("w:eastAsia=\"宋体\""),
        "the default East Asian font"
    );
    for heading in ["Heading1", "Heading2"] {
        assert!(
            style_xml(styles, heading).contains("w:eastAsia=\"黑体\""),
            "{heading}"
        );
        assert!(
            style_xml(styles, heading).contains("<w:outlineLvl"),
            "{heading}"
        );
    }
    assert!(style_xml(styles, "Heading1").contains("<w:name w:val=\"heading 1\"/>"));
    assert!(style_xml(styles, "Subtitle").contains("<w:name w:val=\"Subtitle\"/>"));
    // Every style the document uses is defined.
    let used: std::collections::BTreeSet<String> = paragraphs(&parts["word/document.xml"])
        .into_iter()
        .map(|p| p.style)
        .collect();
    for style in &used {
        style_xml(styles, style);
    }
    assert!(parts["[Content_Types].xml"].contains("/word/document.xml"));
    assert!(parts["[Content_Types].xml"].contains("/word/styles.xml"));
    assert!(parts["_rels/.rels"].contains("Target=\"word/document.xml\""));
    assert!(parts["word/_rels/document.xml.rels"].contains("Target=\"styles.xml\""));
}

#[test]
fn entities_are_highlighted_only_when_asked_in_their_type_colour() {
    let plain = unzip(&docx(&bulletin(), &ExportOptions::default())[0].1);
    assert!(
        paragraphs(&plain["word/document.xml"])
            .iter()
            .all(|p| p.highlighted.is_empty())
    );
    let options = ExportOptions {
        bold_entities: true,
        ..ExportOptions::default()
    };
    let parts = unzip(&docx(&bulletin(), &options)[0].1);
    let paragraphs = paragraphs(&parts["word/document.xml"]);
    let body = &paragraphs[4];
    assert_eq!(
        body.text,
        "本报讯 管委会主任张红军主持会议。\n会议强调<要抓&落实>。"
    );
    // Person red, organization blue, as in the window (tinted for print).
    assert_eq!(
        body.highlighted,
        [
            ("管委会".to_string(), "CADEEF".to_string()),
            ("张红军".to_string(), "F5D1D0".to_string())
        ]
    );
    assert!(style_xml(&parts["word/styles.xml"], "Entity").contains("<w:b/>"));
}

#[test]
fn the_officials_table_closes_the_document_when_asked() {
    let without = unzip(&docx(&bulletin(), &ExportOptions::default())[0].1);
    assert!(!without["word/document.xml"].contains("<w:tbl>"));
    let options = ExportOptions {
        officials_table: true,
        ..ExportOptions::default()
    };
    let parts = unzip(&docx(&bulletin(), &options)[0].1);
    let all = paragraphs(&parts["word/document.xml"]);
    let heading = all.iter().position(|p| p.text == "本期官员").unwrap();
    assert_eq!(all[heading].style, "Heading1");
    let cells: Vec<&str> = all[heading + 1..]
        .iter()
        .inspect(|p| assert!(p.in_table))
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        cells,
        [
            "姓名",
            "职务",
            "单位",
            "文章", //
            "张红军",
            "副书记",
            "高新区党工委",
            "1", //
            "张红军",
            "主任",
            "管委会",
            "1", //
            "李明",
            "局长",
            "财政局",
            "2",
        ]
    );
    assert!(parts["word/document.xml"].contains("<w:tblStyle w:val=\"TableGrid\"/>"));

    // One document per article: each table lists the officials of its own article.
    let per_article = ExportOptions {
        per_article: true,
        officials_table: true,
        ..ExportOptions::default()
    };
    let files = docx(&bulletin(), &per_article);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "01-高新区召开党工委（扩大）会议.docx",
            "02-财政局部署预算工作.docx"
        ]
    );
    let second = paragraphs(&unzip(&files[1].1)["word/document.xml"]);
    assert!(second.iter().any(|p| p.text == "李明"));
    assert!(!second.iter().any(|p| p.text == "张红军"));
}

#[test]
fn a_written_document_imports_again_with_the_same_text() {
    let project = bulletin();
    let (_, package) = docx(&project, &ExportOptions::default()).remove(0);
    let again = import_structure(&package, "articles.docx").unwrap();
    let expected: Vec<String> = project
        .articles
        .iter()
        .flat_map(|a| a.fields_in_reading_order().map(|(_, f)| f.text.clone()))
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(again.source.text, expected.join("\n"));
}

#[test]
fn the_same_project_gives_the_same_bytes() {
    let options = ExportOptions::default();
    assert_eq!(docx(&bulletin(), &options), docx(&bulletin(), &options));
}

#[test]
fn export_writes_the_document_and_never_replaces_a_file_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.docx");
    let written = export(
        &bulletin(),
        ExportFormat::Docx,
        &ExportOptions::default(),
        &target,
    )
    .unwrap();
    assert_eq!(written, std::slice::from_ref(&target));
    assert_eq!(
        std::fs::read(&target).unwrap(),
        docx(&bulletin(), &ExportOptions::default())[0].1
    );
    std::fs::write(&target, "mine").unwrap();
    assert!(
        export(
            &bulletin(),
            ExportFormat::Docx,
            &ExportOptions::default(),
            &target
        )
        .is_err()
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "mine");
}

// ---------------------------------------------------------------------------------------------
// The command line.

fn jiaodui(lang: &str, args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_jiaodui"))
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", lang)
        .env("LANG", lang)
        .output()
        .expect("the binary runs")
}

#[test]
fn the_command_line_imports_and_exports_word() {
    let dir = tempfile::tempdir().unwrap();
    let body: String = jiaodui::SAMPLE_BULLETIN
        .lines()
        .map(|line| {
            if line.is_empty() {
                "<w:p/>".to_string()
            } else {
                p(line)
            }
        })
        .collect();
    std::fs::write(dir.path().join("b.docx"), word(&body)).unwrap();
    let out = jiaodui(
        "en_US.UTF-8",
        &["import", "b.docx", "--no-entities"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("encoding: Word (.docx)"), "{stdout}");
    assert!(stdout.contains("articles: 4"), "{stdout}");

    let out = jiaodui(
        "en_US.UTF-8",
        &[
            "export",
            "b.jiaodui.ron",
            "--format",
            "docx",
            "-o",
            "b.corrected.docx",
        ],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let parts = unzip(&std::fs::read(dir.path().join("b.corrected.docx")).unwrap());
    assert!(
        paragraphs(&parts["word/document.xml"])
            .iter()
            .any(|p| p.style == "Heading1")
    );

    // The raw document, an existing export and standard output are all refused.
    let before = std::fs::read(dir.path().join("b.docx")).unwrap();
    for (args, says) in [
        (vec!["-o", "b.docx"], "raw text or the project"),
        (vec!["-o", "b.corrected.docx"], "--force"),
        (vec![], "-o"),
    ] {
        let mut all = vec!["export", "b.jiaodui.ron", "--format", "docx"];
        all.extend(args);
        let out = jiaodui("en_US.UTF-8", &all, dir.path());
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{stderr}");
    }
    assert_eq!(std::fs::read(dir.path().join("b.docx")).unwrap(), before);
}

#[test]
fn a_damaged_document_on_the_command_line_writes_no_project() {
    let dir = tempfile::tempdir().unwrap();
    let good = word(&p("高新区召开党工委会议"));
    std::fs::write(dir.path().join("bad.docx"), &good[..good.len() - 40]).unwrap();
    for (lang, says) in [("zh_CN.UTF-8", "损坏"), ("en_US.UTF-8", "damaged")] {
        let out = jiaodui(lang, &["import", "bad.docx"], dir.path());
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{stderr}");
        assert!(!dir.path().join("bad.jiaodui.ron").exists());
    }
}
