//! Every export format, exact to the last character.
//!
//! Two projects are built by hand with the model API: a small realistic one (two articles with
//! headline stacks, bylines, spans of all four types, a registry with an official holding roles)
//! and an awkward one (quotes, `<&>`, emoji, a 4-byte CJK character at the edges of entities,
//! Markdown syntax, line ends and control characters inside fields, empty fields). Each format's
//! output is compared with files committed under `tests/fixtures/exports/` (regenerate them with
//! `JIAODUI_BLESS=1 cargo test --test exports` and read the diff), and then read back — TEI with
//! quick-xml, CoNLL and brat by their offsets and tags, JSONL and CSV by their parsers — to check
//! that no character and no entity was lost.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiaodui::formats::conll::token_char;
use jiaodui::formats::export::{
    ExportError, ExportFormat, ExportOptions, Protected, RegistryFile, export, plan,
    render as render_files, short_tag,
};
use jiaodui::i18n::Lang;
use jiaodui::model::{
    Article, ArticleId, EntityId, EntityKind, LineRange, ParagraphKind, Project, Role, Source,
    Span, SpanStatus, TextField,
};

/// The files of a text format, as text (Word documents have their own tests, in `docx.rs`).
fn render(
    project: &Project,
    format: ExportFormat,
    options: &ExportOptions,
) -> Vec<(String, String)> {
    assert!(format.is_text(), "{format:?} is not a text format");
    render_files(project, format, options)
        .into_iter()
        .map(|(name, content)| (name, String::from_utf8(content).expect("text is UTF-8")))
        .collect()
}

/// The formats that write text.
fn text_formats() -> impl Iterator<Item = ExportFormat> {
    ExportFormat::all().into_iter().filter(|f| f.is_text())
}

// ---------------------------------------------------------------------------------------------
// The projects.

/// Tags the `nth` occurrence (0-based) of `needle` in `field`.
fn tag(
    field: &mut TextField,
    needle: &str,
    nth: usize,
    kind: EntityKind,
    status: SpanStatus,
    entity: Option<EntityId>,
) {
    let (byte, _) = field
        .text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in {:?}", field.text));
    let start = field.text[..byte].chars().count();
    let end = start + needle.chars().count();
    field.insert_span(Span {
        start,
        end,
        kind,
        status,
        rule: (status == SpanStatus::Suggested).then(|| "test".to_string()),
        entity,
    });
}

fn lines(text: &str, first: usize, last: usize) -> TextField {
    TextField::from_lines(text, vec![LineRange::new(first, last)])
}

use EntityKind::{Org, Person, Place, Title};
use SpanStatus::{Confirmed, Suggested};

/// Two articles as an editor leaves them after correcting an import.
fn realistic() -> Project {
    let raw =
        "传达学习省委、市委近期重要会议精神\n高新区召开党工委（扩大）会议\n研究部署贯彻落实意见\n";
    let mut project = Project::new(Source {
        name: "gaoxin-2021-06.txt".into(),
        sha256: jiaodui::pipeline::sha256_hex(raw.as_bytes()),
        encoding: "GB18030".into(),
        text: raw.into(),
    });
    project.meta.title = "高新区工作简报 2021年第6期".into();
    let registry = &mut project.registry;
    let zhang = registry.add(Person, "张红军");
    registry.get_mut(zhang).unwrap().roles = vec![
        Role {
            title: "副书记".into(),
            org: "高新区党工委".into(),
        },
        Role {
            title: "主任".into(),
            org: "管委会".into(),
        },
    ];
    let sun = registry.add(Person, "孙庆辉");
    registry.get_mut(sun).unwrap().roles = vec![Role {
        title: "记者".into(),
        org: String::new(),
    }];
    let chen = registry.add(Person, "陈功海");
    registry.get_mut(chen).unwrap().roles = vec![Role {
        title: "董事长".into(),
        org: "百川畅银公司".into(),
    }];
    let gongwei = registry.add(Org, "高新区党工委");
    let guanwei = registry.add(Org, "管委会");
    let baichuan = registry.add(Org, "百川畅银公司");
    registry.get_mut(baichuan).unwrap().aliases = vec!["百川畅银".into()];
    let gaoxin = registry.add(Place, "高新区");
    registry.get_mut(gaoxin).unwrap().note = "郑州高新技术产业开发区".into();

    let mut first = Article::new(ArticleId(0));
    first.kicker = lines("传达学习省委、市委近期重要会议精神", 1, 1);
    tag(&mut first.kicker, "省委", 0, Org, Confirmed, None);
    tag(&mut first.kicker, "市委", 0, Org, Suggested, None);
    first.headline = lines("高新区召开党工委（扩大）会议", 3, 3);
    tag(
        &mut first.headline,
        "高新区",
        0,
        Place,
        Confirmed,
        Some(gaoxin),
    );
    tag(&mut first.headline, "党工委", 0, Org, Suggested, None);
    first.subheadline = lines("研究部署贯彻落实意见", 5, 5);
    first.byline = lines("记者 孙庆辉", 13, 13);
    tag(&mut first.byline, "记者", 0, Title, Confirmed, None);
    tag(&mut first.byline, "孙庆辉", 0, Person, Confirmed, Some(sun));
    let mut p = lines(
        "本报讯 6月10日，高新区召开党工委（扩大）会议，传达学习全省领导干部会议精神。高新区党工委副书记、管委会主任张红军主持会议并讲话。",
        7,
        7,
    );
    tag(&mut p, "高新区", 0, Place, Suggested, Some(gaoxin));
    tag(&mut p, "高新区党工委", 0, Org, Confirmed, Some(gongwei));
    tag(&mut p, "副书记", 0, Title, Confirmed, None);
    tag(&mut p, "管委会", 0, Org, Confirmed, Some(guanwei));
    tag(&mut p, "主任", 0, Title, Suggested, None);
    tag(&mut p, "张红军", 0, Person, Confirmed, Some(zhang));
    first.paragraphs.push(p);
    let mut p = lines("要学明白、悟清楚", 8, 8);
    p.kind = ParagraphKind::Crosshead;
    first.paragraphs.push(p);
    let mut p = TextField::from_lines(
        "会议强调，作为领导干部，关键少数，领导干部一定要带头学，要坚持担当作为。",
        vec![LineRange::single(9), LineRange::single(11)],
    );
    p.joins.push(jiaodui::model::Join {
        at: 14,
        upper_line: 9,
        lower_line: 11,
        rule: "join:unfinished-sentence".into(),
    });
    first.paragraphs.push(p);
    let mut p = lines("（作者单位：高新区党工委办公室）", 12, 12);
    tag(&mut p, "高新区党工委", 0, Org, Confirmed, Some(gongwei));
    p.kind = ParagraphKind::Note;
    first.paragraphs.push(p);
    first.checked = true;

    let mut second = Article::new(ArticleId(1));
    second.headline = lines("以“七抓”为着力点 推动安全生产形势持续向好", 15, 15);
    let mut p = lines("核心阅读", 16, 16);
    p.kind = ParagraphKind::Box;
    second.paragraphs.push(p);
    let mut p = lines("高新区安全生产工作要做到“七抓”。", 16, 16);
    tag(&mut p, "高新区", 0, Place, Confirmed, Some(gaoxin));
    p.kind = ParagraphKind::Box;
    second.paragraphs.push(p);
    let mut p = lines(
        "6月11日，百川畅银公司董事长陈功海一行到高新区调研，在郑州市与百川畅银负责人座谈。",
        17,
        18,
    );
    tag(
        &mut p,
        "6月11日",
        0,
        EntityKind::Other("DATE".into()),
        Confirmed,
        None,
    );
    tag(&mut p, "百川畅银公司", 0, Org, Confirmed, Some(baichuan));
    tag(&mut p, "董事长", 0, Title, Confirmed, None);
    tag(&mut p, "陈功海", 0, Person, Confirmed, Some(chen));
    tag(&mut p, "高新区", 0, Place, Suggested, Some(gaoxin));
    tag(&mut p, "郑州市", 0, Place, Suggested, None);
    tag(&mut p, "百川畅银", 1, Org, Suggested, None);
    second.paragraphs.push(p);
    let mut p = lines("图为座谈现场。记者 孙庆辉 摄", 19, 19);
    tag(&mut p, "孙庆辉", 0, Person, Confirmed, Some(sun));
    p.kind = ParagraphKind::Caption;
    second.paragraphs.push(p);
    let mut p = lines(
        "高新区党工委副书记、管委会主任张红军出席会议并讲话。",
        20,
        20,
    );
    tag(&mut p, "高新区党工委", 0, Org, Confirmed, Some(gongwei));
    tag(&mut p, "副书记", 0, Title, Confirmed, None);
    tag(&mut p, "管委会", 0, Org, Suggested, Some(guanwei));
    tag(&mut p, "主任", 0, Title, Confirmed, None);
    tag(&mut p, "张红军", 0, Person, Confirmed, Some(zhang));
    second.paragraphs.push(p);
    project.articles = vec![first, second];
    project.allocate_article_id();
    project
}

/// Everything that breaks careless exporters.
fn awkward() -> Project {
    let raw = "awkward\n";
    let mut project = Project::new(Source {
        name: "awkward <&> \"名\".txt".into(),
        sha256: jiaodui::pipeline::sha256_hex(raw.as_bytes()),
        encoding: "UTF-8".into(),
        text: raw.into(),
    });
    let registry = &mut project.registry;
    let zhang = registry.add(Person, "𠀀张三");
    {
        let person = registry.get_mut(zhang).unwrap();
        person.aliases = vec!["张三".into(), "\"三\"".into()];
        person.roles = vec![Role {
            title: "主任<&>".into(),
            org: "\"A&B\"公司".into(),
        }];
        person.note = "备注 & <注> “引” 🙂".into();
    }
    let company = registry.add(Org, "A&B公司𠀀");
    let city = registry.add(Place, "𠀀城");
    let date = registry.add(EntityKind::Other("DATE".into()), "2021年6月10日");

    let mut first = Article::new(ArticleId(7));
    first.headline = TextField::plain("“引号”与\"quotes\"及'单引号'<&>");
    tag(&mut first.headline, "\"quotes\"", 0, Org, Confirmed, None);
    tag(&mut first.headline, "'单引号'", 0, Title, Suggested, None);
    let mut p = TextField::plain("𠀀张三说：\"你好<b>&amp;\" 🙂，王𠀀五在𠀀城。A&B公司𠀀");
    tag(&mut p, "𠀀张三", 0, Person, Confirmed, Some(zhang));
    tag(&mut p, "王𠀀五", 0, Person, Suggested, None);
    tag(&mut p, "𠀀城", 0, Place, Confirmed, Some(city));
    tag(&mut p, "A&B公司𠀀", 0, Org, Confirmed, Some(company));
    first.paragraphs.push(p);
    let mut p = TextField::plain(
        "# *不是标题* [x](y) | ~ \\ ` _下划线_\n- 甲乙\n1. 第二行\t制表\u{C}换页 ",
    );
    tag(&mut p, "*不是标题*", 0, Title, Confirmed, None);
    tag(&mut p, "甲乙\n1", 0, Org, Suggested, None);
    tag(&mut p, "换页", 0, Place, Confirmed, None);
    // A crosshead that holds line ends and Markdown syntax.
    p.kind = ParagraphKind::Crosshead;
    first.paragraphs.push(p);
    first.paragraphs.push(TextField::default());
    let mut p = TextField::plain("Li Wei\u{3000}李 伟访问🙂！“好。”他说？");
    tag(&mut p, "Li Wei", 0, Person, Confirmed, None);
    tag(&mut p, "李 伟", 0, Person, Suggested, None);
    // A box that ends the article inside the crosshead's section.
    p.kind = ParagraphKind::Box;
    first.paragraphs.push(p);

    let mut second = Article::new(ArticleId(8));
    second.kicker = TextField::plain("🙂");
    second.headline = TextField::plain("𠀀");
    tag(&mut second.headline, "𠀀", 0, Person, Suggested, None);
    second.byline = TextField::plain("记者 <&>");
    let mut p = TextField::plain("2021年6月10日");
    tag(
        &mut p,
        "2021年6月10日",
        0,
        EntityKind::Other("DATE".into()),
        Confirmed,
        Some(date),
    );
    p.kind = ParagraphKind::Caption;
    second.paragraphs.push(p);
    project.articles = vec![first, second];
    project.allocate_article_id();
    project
}

fn projects() -> Vec<(&'static str, Project)> {
    vec![("realistic", realistic()), ("awkward", awkward())]
}

/// The options a user changes: per-article files, bold, no BOM, the registry, confirmed only.
fn variant_options() -> ExportOptions {
    ExportOptions {
        per_article: true,
        bold_entities: true,
        csv_bom: false,
        registry_file: RegistryFile::Jsonl,
        confirmed_only: true,
        officials_table: true,
    }
}

/// Runs `check` on both projects with both option sets.
fn for_each_case(check: fn(&Project, &ExportOptions)) {
    for (_, project) in projects() {
        for (_, options) in option_sets() {
            check(&project, &options);
        }
    }
}

fn option_sets() -> Vec<(&'static str, ExportOptions)> {
    vec![
        ("", ExportOptions::default()),
        ("-variant", variant_options()),
    ]
}

/// The spans an export with `options` contains, per article and field, as (kind, text).
fn expected_mentions(article: &Article, options: &ExportOptions) -> Vec<(EntityKind, String)> {
    article
        .fields()
        .flat_map(|(_, f)| {
            options
                .spans(f)
                .map(|s| (s.kind.clone(), f.slice(s.start, s.end).to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Expected files.

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/exports")
}

/// Compares rendered files with the committed ones, or rewrites them when blessing.
fn check_against_fixtures(dir: &Path, files: &[(String, String)]) {
    if std::env::var_os("JIAODUI_BLESS").is_some() {
        if dir.exists() {
            std::fs::remove_dir_all(dir).unwrap();
        }
        std::fs::create_dir_all(dir).unwrap();
        for (name, content) in files {
            std::fs::write(dir.join(name), content).unwrap();
        }
        return;
    }
    let mut committed: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|_| panic!("no expected files in {}: bless them", dir.display()))
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    committed.sort();
    let mut rendered: Vec<String> = files.iter().map(|(n, _)| n.clone()).collect();
    rendered.sort();
    assert_eq!(rendered, committed, "file names in {}", dir.display());
    for (name, content) in files {
        let expected = std::fs::read_to_string(dir.join(name)).unwrap();
        if *content != expected {
            let line = content
                .split('\n')
                .zip(expected.split('\n'))
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| content.lines().count().min(expected.lines().count()));
            panic!(
                "{}/{name} differs from the expected file at line {}:\n  rendered: {:?}\n  expected: {:?}\n(JIAODUI_BLESS=1 rewrites the expected files; review the diff)",
                dir.display(),
                line + 1,
                content.split('\n').nth(line),
                expected.split('\n').nth(line)
            );
        }
    }
}

#[test]
fn every_format_matches_its_expected_files() {
    for (project_name, project) in projects() {
        for format in text_formats() {
            for (suffix, options) in option_sets() {
                let files = render(&project, format, &options);
                let dir = fixtures_root()
                    .join(project_name)
                    .join(format!("{}{suffix}", format.code()));
                check_against_fixtures(&dir, &files);
            }
        }
    }
}

/// The embedded sample bulletin as the import pipeline reads it.
fn imported_sample() -> Project {
    jiaodui::pipeline::import(jiaodui::SAMPLE_BULLETIN.as_bytes(), jiaodui::SAMPLE_NAME)
        .expect("the sample imports")
}

/// The sample bulletin → import → every format. These files change whenever the import's
/// structure or entity rules change: re-bless them then and read the diff, which shows exactly
/// what the change does to a real bulletin.
#[test]
fn the_imported_sample_matches_its_expected_files() {
    let project = imported_sample();
    for format in text_formats() {
        let files = render(&project, format, &ExportOptions::default());
        check_against_fixtures(&fixtures_root().join("sample").join(format.code()), &files);
    }
    for (_, options) in option_sets() {
        check_txt_and_markdown_keep_every_character(&project, &options);
        check_jsonl_has_every_key_and_exact_offsets(&project, &options);
        check_tei_parses_back_to_the_same_text_and_entities(&project, &options);
        check_conll_tags_rebuild_every_entity_and_every_character(&project, &options);
        check_brat_offsets_point_at_the_mention_text(&project, &options);
    }
}

#[test]
fn single_file_formats_render_one_file_and_others_several() {
    let project = realistic();
    for format in ExportFormat::all() {
        for (_, options) in option_sets() {
            let files = render_files(&project, format, &options);
            assert_eq!(
                files.len() == 1,
                !format.writes_directory(&options),
                "{format:?} with {options:?}"
            );
            for (name, _) in &files {
                assert!(
                    !name.contains(['/', '\\', ':', '<', '>', '"', '|', '?', '*']),
                    "{name}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Reading the formats back.

#[test]
fn txt_and_markdown_keep_every_character() {
    for_each_case(check_txt_and_markdown_keep_every_character);
}

fn check_txt_and_markdown_keep_every_character(project: &Project, options: &ExportOptions) {
    let txt: String = render(project, ExportFormat::Txt, options)
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    let md: String = render(project, ExportFormat::Markdown, options)
        .into_iter()
        .map(|(_, c)| markdown_plain(&c))
        .collect();
    for article in &project.articles {
        for (slot, field) in article.fields() {
            assert!(
                txt.contains(&field.text),
                "txt lost {slot:?} {:?}",
                field.text
            );
            assert!(
                md.contains(&field.text),
                "md lost {slot:?} {:?}\n{md}",
                field.text
            );
        }
    }
}

/// The text a Markdown file shows: emphasis markers and `<strong>` tags dropped, backslash
/// escapes and character references resolved (every literal `*`, `<`, `&` and `\` in the text
/// is escaped, so what is left unescaped is markup).
fn markdown_plain(markdown: &str) -> String {
    let mut out = String::new();
    let mut chars = markdown.chars().peekable();
    let mut rest = markdown;
    while let Some(c) = chars.next() {
        let width = c.len_utf8();
        if c == '\\' {
            let next = chars.next().expect("an escape is followed by a char");
            out.push(next);
            rest = &rest[width + next.len_utf8()..];
            continue;
        }
        if c == '*' {
            rest = &rest[width..];
            continue;
        }
        if c == '&' {
            // An unescaped `&` is always a character reference, `&#32;`.
            let end = rest.find(';').expect("a reference ends with ;");
            let code: u32 = rest[2..end].parse().expect("a decimal reference");
            out.push(char::from_u32(code).unwrap());
            for _ in 1..=end {
                chars.next();
            }
            rest = &rest[end + 1..];
            continue;
        }
        if c == '<' {
            let tag = ["<strong>", "</strong>"]
                .into_iter()
                .find(|t| rest.starts_with(t))
                .expect("only <strong> tags are unescaped");
            for _ in 1..tag.len() {
                chars.next();
            }
            rest = &rest[tag.len()..];
            continue;
        }
        out.push(c);
        rest = &rest[width..];
    }
    out
}

#[test]
fn markdown_bold_marks_every_mention() {
    let project = realistic();
    let options = ExportOptions {
        bold_entities: true,
        ..ExportOptions::default()
    };
    let (_, md) = &render(&project, ExportFormat::Markdown, &options)[0];
    assert!(!md.contains("管委会主任张红军"));
    assert!(md.contains("<strong>管委会</strong><strong>主任</strong><strong>张红军</strong>"));
    assert!(!md.contains("百川畅银公司董事长陈功海"));
    assert!(md.contains("**郑州市**"));
    assert!(md.starts_with("*传达学习**省委**、**市委**近期重要会议精神*\n\n# **高新区**召开"));
}

#[test]
fn jsonl_has_every_key_and_exact_offsets() {
    for_each_case(check_jsonl_has_every_key_and_exact_offsets);
}

fn check_jsonl_has_every_key_and_exact_offsets(project: &Project, options: &ExportOptions) {
    let files = render(project, ExportFormat::Jsonl, options);
    let (name, articles) = &files[0];
    assert_eq!(name, "articles.jsonl");
    let lines: Vec<&str> = articles.lines().collect();
    assert_eq!(lines.len(), project.articles.len());
    for (line, article) in lines.iter().zip(&project.articles) {
        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let object = value.as_object().unwrap();
        let keys: Vec<&str> = object.keys().map(String::as_str).collect();
        let mut expected_keys = vec![
            "byline",
            "entities",
            "headline",
            "id",
            "kicker",
            "paragraphs",
            "subheadline",
        ];
        expected_keys.sort();
        assert_eq!(keys, expected_keys);
        assert!(line.starts_with("{\"id\":"), "id comes first: {line}");
        assert_eq!(value["id"], article.id.0);
        for (key, field) in [
            ("kicker", &article.kicker),
            ("headline", &article.headline),
            ("subheadline", &article.subheadline),
            ("byline", &article.byline),
        ] {
            if field.is_empty() {
                assert!(value[key].is_null(), "{key} of {line}");
            } else {
                assert_eq!(value[key], field.text.as_str());
            }
        }
        let paragraphs = value["paragraphs"].as_array().unwrap();
        assert_eq!(paragraphs.len(), article.paragraphs.len());
        for (json, field) in paragraphs.iter().zip(&article.paragraphs) {
            assert_eq!(json["text"], field.text.as_str());
            assert_eq!(json["kind"], field.kind.code());
            let ranges: Vec<[usize; 2]> =
                serde_json::from_value(json["source_lines"].clone()).unwrap();
            let model: Vec<[usize; 2]> = field
                .source_lines
                .iter()
                .map(|r| [r.first, r.last])
                .collect();
            assert_eq!(ranges, model);
        }
        let entities = value["entities"].as_array().unwrap();
        let mut seen = Vec::new();
        for entity in entities {
            let object = entity.as_object().unwrap();
            assert_eq!(object.len(), 8, "{entity}");
            let field_text = match (entity["field"].as_str().unwrap(), &entity["paragraph"]) {
                ("paragraph", index) => paragraphs[index.as_u64().unwrap() as usize]["text"]
                    .as_str()
                    .unwrap(),
                (name, serde_json::Value::Null) => value[name].as_str().unwrap(),
                other => panic!("bad field {other:?}"),
            };
            let (start, end) = (
                entity["start"].as_u64().unwrap() as usize,
                entity["end"].as_u64().unwrap() as usize,
            );
            let text: String = field_text.chars().skip(start).take(end - start).collect();
            assert_eq!(entity["text"], text.as_str());
            let status = entity["status"].as_str().unwrap();
            assert!(status == "confirmed" || (status == "suggested" && !options.confirmed_only));
            assert!(entity["entity"].is_null() || entity["entity"].is_u64());
            seen.push((
                EntityKind::from_code(entity["type"].as_str().unwrap()),
                text,
            ));
        }
        assert_eq!(seen, expected_mentions(article, options));
    }
}

#[test]
fn jsonl_registry_file_lists_every_entity() {
    let project = awkward();
    for (registry_file, name) in [
        (RegistryFile::Jsonl, "registry.jsonl"),
        (RegistryFile::Json, "registry.json"),
    ] {
        let options = ExportOptions {
            registry_file,
            ..ExportOptions::default()
        };
        let files = render(&project, ExportFormat::Jsonl, &options);
        assert_eq!(files.len(), 2);
        assert_eq!(files[1].0, name);
        let entities: Vec<serde_json::Value> = match registry_file {
            RegistryFile::Json => serde_json::from_str(&files[1].1).unwrap(),
            _ => files[1]
                .1
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect(),
        };
        assert_eq!(entities.len(), project.registry.entities.len());
        for (json, entity) in entities.iter().zip(&project.registry.entities) {
            assert_eq!(json["id"], entity.id.0);
            assert_eq!(json["type"], entity.kind.code());
            assert_eq!(json["name"], entity.name.as_str());
            assert_eq!(
                json["aliases"].as_array().unwrap().len(),
                entity.aliases.len()
            );
            assert_eq!(json["roles"].as_array().unwrap().len(), entity.roles.len());
            for (role, model) in json["roles"].as_array().unwrap().iter().zip(&entity.roles) {
                assert_eq!(role["title"], model.title.as_str());
                assert_eq!(role["org"], model.org.as_str());
            }
            if entity.note.is_empty() {
                assert!(json["note"].is_null());
            } else {
                assert_eq!(json["note"], entity.note.as_str());
            }
        }
    }
}

/// A mention read back from TEI: (element, type, ref, cert, text).
type TeiMention = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

/// What a TEI file holds, read back with quick-xml.
#[derive(Debug, Default)]
struct TeiContent {
    /// Blocks of the body: (article number, element, type attribute, text). A `<p>` inside a
    /// box has the type `box`.
    blocks: Vec<(String, String, Option<String>, String)>,
    /// For each block, whether it lies inside a section (`<div type="section">`).
    in_section: Vec<bool>,
    /// Mentions: (element, type, ref, cert, text).
    mentions: Vec<TeiMention>,
    /// `xml:id`s declared in the header.
    ids: Vec<String>,
    /// Number of `<affiliation>`s per person id.
    affiliations: BTreeMap<String, usize>,
    /// Header texts by element (`idno`, `title`, `note`, …), in order.
    header: Vec<(String, String)>,
}

fn attribute(start: &quick_xml::events::BytesStart, name: &str) -> Option<String> {
    start.try_get_attribute(name).unwrap().map(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .unwrap()
            .into_owned()
    })
}

/// Whether the open elements include a section: two `div`s, the article's and the section's.
fn section_depth(stack: &[String]) -> bool {
    stack.iter().filter(|s| *s == "div").count() >= 2
}

fn read_tei(xml: &str) -> TeiContent {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut content = TeiContent::default();
    let mut stack: Vec<String> = Vec::new();
    let mut article = String::new();
    let mut block: Option<(String, Option<String>, String)> = None;
    let mut mention: Option<TeiMention> = None;
    let mut header_text: Option<(String, String)> = None;
    let mut person = None;
    let mut box_open = false;
    let push_text = |text: &str,
                     block: &mut Option<(String, Option<String>, String)>,
                     mention: &mut Option<TeiMention>,
                     header_text: &mut Option<(String, String)>| {
        if let Some(b) = block.as_mut() {
            b.2.push_str(text);
        }
        if let Some(m) = mention.as_mut() {
            m.4.push_str(text);
        }
        if let Some(h) = header_text.as_mut() {
            h.1.push_str(text);
        }
    };
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(start) => {
                let name = start.name().as_ref().to_string();
                if stack.is_empty() {
                    assert_eq!(name, "TEI");
                    assert_eq!(
                        attribute(&start, "xmlns").as_deref(),
                        Some("http://www.tei-c.org/ns/1.0")
                    );
                }
                let in_body = stack.iter().any(|s| s == "body");
                if let Some(id) = attribute(&start, "xml:id") {
                    if name == "person" {
                        person = Some(id.clone());
                        content.affiliations.insert(id.clone(), 0);
                    }
                    content.ids.push(id);
                }
                if name == "affiliation" {
                    *content
                        .affiliations
                        .get_mut(person.as_ref().unwrap())
                        .unwrap() += 1;
                }
                let in_box = in_body && stack.last().is_some_and(|s| s == "note") && box_open;
                if in_body {
                    match name.as_str() {
                        "div" if block.is_none() => match attribute(&start, "type").as_deref() {
                            Some("article") => article = attribute(&start, "n").unwrap(),
                            Some("section") => {}
                            other => panic!("unexpected div type {other:?}"),
                        },
                        "note" if attribute(&start, "type").as_deref() == Some("box") => {
                            assert!(block.is_none() && !box_open, "a box holds paragraphs");
                            box_open = true;
                        }
                        "p" if in_box => {
                            block = Some((name.clone(), Some("box".to_string()), String::new()))
                        }
                        "head" | "byline" | "p" | "note" | "figDesc" if block.is_none() => {
                            block = Some((name.clone(), attribute(&start, "type"), String::new()))
                        }
                        "figure" if block.is_none() => {}
                        _ if block.is_some() => {
                            mention = Some((
                                name.clone(),
                                attribute(&start, "type"),
                                attribute(&start, "ref"),
                                attribute(&start, "cert"),
                                String::new(),
                            ))
                        }
                        _ => {}
                    }
                } else if stack.iter().any(|s| s == "teiHeader") {
                    header_text = Some((name.clone(), String::new()));
                }
                stack.push(name);
            }
            Event::End(end) => {
                let name = end.name().as_ref().to_string();
                assert_eq!(stack.pop().as_deref(), Some(name.as_str()));
                if header_text.as_ref().is_some_and(|(n, _)| *n == name) {
                    content.header.push(header_text.take().unwrap());
                }
                if mention.as_ref().is_some_and(|m| m.0 == name) {
                    content.mentions.push(mention.take().unwrap());
                } else if block.as_ref().is_some_and(|b| b.0 == name) {
                    let (element, kind, text) = block.take().unwrap();
                    content.blocks.push((article.clone(), element, kind, text));
                    content.in_section.push(section_depth(&stack));
                } else if name == "note" && box_open {
                    box_open = false;
                }
            }
            Event::Empty(empty) => {
                assert_eq!(empty.name().as_ref(), "g", "only <g/> is empty");
                let code = attribute(&empty, "type").unwrap();
                let c = char::from_u32(
                    u32::from_str_radix(code.strip_prefix("U+").unwrap(), 16).unwrap(),
                )
                .unwrap();
                push_text(&c.to_string(), &mut block, &mut mention, &mut header_text);
            }
            Event::Text(text) => {
                let text = text.xml10_content();
                push_text(&text, &mut block, &mut mention, &mut header_text);
            }
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => {
                        quick_xml::escape::resolve_predefined_entity(&reference.xml10_content())
                            .expect("only predefined entities")
                            .to_string()
                    }
                };
                push_text(&resolved, &mut block, &mut mention, &mut header_text);
            }
            Event::Decl(_) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(stack.is_empty());
    content
}

#[test]
fn tei_parses_back_to_the_same_text_and_entities() {
    for_each_case(check_tei_parses_back_to_the_same_text_and_entities);
}

fn check_tei_parses_back_to_the_same_text_and_entities(project: &Project, options: &ExportOptions) {
    let (_, xml) = &render(project, ExportFormat::Tei, options)[0];
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns="));
    let tei = read_tei(xml);

    let mut expected_blocks = Vec::new();
    let mut expected_sections = Vec::new();
    for (i, article) in project.articles.iter().enumerate() {
        let mut in_section = false;
        for (slot, field) in article.fields() {
            if field.is_empty() {
                continue;
            }
            let (element, kind) = match slot {
                jiaodui::model::FieldSlot::Kicker => ("head", Some("kicker")),
                jiaodui::model::FieldSlot::Headline => ("head", None),
                jiaodui::model::FieldSlot::Subheadline => ("head", Some("sub")),
                jiaodui::model::FieldSlot::Byline => ("byline", None),
                jiaodui::model::FieldSlot::Paragraph(_) => match field.kind {
                    ParagraphKind::Body => ("p", None),
                    ParagraphKind::Crosshead => ("head", Some("sub")),
                    ParagraphKind::Note => ("note", None),
                    ParagraphKind::Caption => ("figDesc", None),
                    ParagraphKind::Box => ("p", Some("box")),
                },
            };
            // A crosshead opens a section that runs to the end of the article.
            in_section |= slot.paragraph().is_some() && field.kind == ParagraphKind::Crosshead;
            expected_sections.push(in_section);
            expected_blocks.push((
                (i + 1).to_string(),
                element.to_string(),
                kind.map(String::from),
                field.text.clone(),
            ));
        }
    }
    assert_eq!(tei.blocks, expected_blocks);
    assert_eq!(tei.in_section, expected_sections);

    let expected: Vec<(EntityKind, String)> = project
        .articles
        .iter()
        .flat_map(|a| expected_mentions(a, options))
        .collect();
    assert_eq!(tei.mentions.len(), expected.len());
    let spans: Vec<&Span> = project
        .articles
        .iter()
        .flat_map(|a| {
            a.fields()
                .flat_map(|(_, f)| options.spans(f).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        })
        .collect();
    for ((mention, (kind, text)), span) in tei.mentions.iter().zip(&expected).zip(spans) {
        let element = match kind {
            Person => "persName",
            Title => "roleName",
            Org => "orgName",
            Place => "placeName",
            EntityKind::Other(_) => "name",
        };
        assert_eq!(mention.0, element);
        if let EntityKind::Other(code) = kind {
            assert_eq!(mention.1.as_deref(), Some(code.as_str()));
        }
        assert_eq!(&mention.4, text);
        assert_eq!(mention.2, span.entity.map(|id| format!("#e{}", id.0)));
        if let Some(target) = &mention.2 {
            assert!(
                tei.ids.contains(&target[1..].to_string()),
                "{target} is declared"
            );
        }
        assert_eq!(mention.3.is_some(), span.status == Suggested);
    }

    // Every entity mentioned in the exported text is declared, and no other.
    let mentioned = jiaodui::formats::export::mentioned_entities(project, options);
    let declared: Vec<String> = project
        .registry
        .entities
        .iter()
        .filter(|e| mentioned.contains(&e.id))
        .map(|e| format!("e{}", e.id.0))
        .collect();
    let mut ids = tei.ids.clone();
    ids.sort();
    let mut declared_sorted = declared.clone();
    declared_sorted.sort();
    assert_eq!(ids, declared_sorted);
    for person in project
        .registry
        .entities
        .iter()
        .filter(|e| e.kind == Person && mentioned.contains(&e.id))
    {
        assert_eq!(
            tei.affiliations[&format!("e{}", person.id.0)],
            person.roles.len()
        );
    }
    let idnos: Vec<&str> = tei
        .header
        .iter()
        .filter(|(n, _)| n == "idno")
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        idnos,
        vec![project.source.name.as_str(), project.source.sha256.as_str()]
    );
    assert!(
        tei.header
            .contains(&("note".to_string(), project.source.encoding.clone()))
    );
}

/// A CoNLL file as (token char, tag) lines, `None` for a blank line.
fn read_conll(text: &str) -> Vec<Option<(char, String)>> {
    text.lines()
        .map(|line| {
            if line.is_empty() {
                return None;
            }
            let (token, tag) = line.rsplit_once(' ').expect("two columns");
            assert!(!token.contains(' ') && !tag.is_empty(), "{line:?}");
            Some((
                token_char(token).expect("a char or an escape"),
                tag.to_string(),
            ))
        })
        .collect()
}

#[test]
fn conll_tags_rebuild_every_entity_and_every_character() {
    for_each_case(check_conll_tags_rebuild_every_entity_and_every_character);
}

fn check_conll_tags_rebuild_every_entity_and_every_character(
    project: &Project,
    options: &ExportOptions,
) {
    let files = render(project, ExportFormat::Conll, options);
    let rows: Vec<Option<(char, String)>> = files.iter().flat_map(|(_, c)| read_conll(c)).collect();
    assert!(rows.last().unwrap().is_none(), "ends with a blank line");
    let text: String = rows.iter().flatten().map(|(c, _)| *c).collect();
    let fields: Vec<&TextField> = project
        .articles
        .iter()
        .flat_map(|a| a.fields().map(|(_, f)| f).filter(|f| !f.is_empty()))
        .collect();
    let expected: String = fields.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(text, expected);

    // Every field ends a sentence.
    let mut row = 0;
    for field in &fields {
        let mut taken = 0;
        while taken < field.char_len() {
            if rows[row].is_some() {
                taken += 1;
            }
            row += 1;
        }
        assert!(rows[row].is_none(), "blank line after {:?}", field.text);
    }

    // Entities rebuilt from the tags.
    let mut rebuilt: Vec<(String, String)> = Vec::new();
    for (c, tag) in rows.iter().flatten() {
        if let Some(kind) = tag.strip_prefix("B-") {
            rebuilt.push((kind.to_string(), c.to_string()));
        } else if let Some(kind) = tag.strip_prefix("I-") {
            let last = rebuilt.last_mut().expect("I- follows B-");
            assert_eq!(last.0, kind);
            last.1.push(*c);
        } else {
            assert_eq!(tag, "O");
        }
    }
    let expected: Vec<(String, String)> = project
        .articles
        .iter()
        .flat_map(|a| expected_mentions(a, options))
        .map(|(kind, text)| (short_tag(&kind), text))
        .collect();
    assert_eq!(rebuilt, expected);
}

#[test]
fn conll_splits_sentences_after_their_closing_quote() {
    let (_, conll) = &render(&awkward(), ExportFormat::Conll, &ExportOptions::default())[0];
    assert!(
        conll.contains("！ O\n\n“ O\n好 O\n。 O\n” O\n\n他 O\n"),
        "{conll}"
    );
    assert!(conll.contains("L B-PER\ni I-PER\nU+0020 I-PER\nW I-PER\n"));
    assert!(conll.contains("U+000C O\n"));
}

#[test]
fn brat_offsets_point_at_the_mention_text() {
    for_each_case(check_brat_offsets_point_at_the_mention_text);
}

fn check_brat_offsets_point_at_the_mention_text(project: &Project, options: &ExportOptions) {
    let files: BTreeMap<String, String> = render(project, ExportFormat::Brat, options)
        .into_iter()
        .collect();
    let conf = &files["annotation.conf"];
    for (i, article) in project.articles.iter().enumerate() {
        let stem = jiaodui::formats::export::article_file_stem(project, i);
        let txt = &files[&format!("{stem}.txt")];
        let ann = &files[&format!("{stem}.ann")];
        let expected_txt: String = article
            .fields()
            .filter(|(_, f)| !f.is_empty())
            .map(|(_, f)| format!("{}\n", f.text))
            .collect();
        assert_eq!(txt, &expected_txt);
        let chars: Vec<char> = txt.chars().collect();
        let mut mentions = Vec::new();
        for line in ann.lines().filter(|l| l.starts_with('T')) {
            let mut columns = line.splitn(3, '\t');
            let (_, middle, shown) = (
                columns.next().unwrap(),
                columns.next().unwrap(),
                columns.next().unwrap(),
            );
            let (kind, ranges) = middle.split_once(' ').unwrap();
            assert!(conf.lines().any(|l| l == kind), "{kind} declared");
            let pieces: Vec<String> = ranges
                .split(';')
                .map(|range| {
                    let (start, end) = range.split_once(' ').unwrap();
                    let (start, end): (usize, usize) =
                        (start.parse().unwrap(), end.parse().unwrap());
                    chars[start..end].iter().collect()
                })
                .collect();
            assert_eq!(pieces.join(" "), shown, "{line}");
            mentions.push((kind.to_string(), pieces));
        }
        // A mention is its text cut at line ends (brat's discontinuous fragments).
        let expected: Vec<(String, Vec<String>)> = expected_mentions(article, options)
            .into_iter()
            .map(|(kind, text)| {
                let pieces = text
                    .split(['\n', '\r'])
                    .filter(|p| !p.is_empty())
                    .map(String::from)
                    .collect();
                (kind.code().to_string(), pieces)
            })
            .filter(|(_, pieces): &(String, Vec<String>)| !pieces.is_empty())
            .collect();
        assert_eq!(mentions, expected);
        let suggested = ann.lines().filter(|l| l.starts_with('A')).count();
        let expected_suggested = article
            .fields()
            .flat_map(|(_, f)| {
                options
                    .spans(f)
                    .filter(|s| {
                        s.status == Suggested
                            && f.slice(s.start, s.end)
                                .chars()
                                .any(|c| c != '\n' && c != '\r')
                    })
                    .collect::<Vec<_>>()
            })
            .count();
        assert_eq!(suggested, expected_suggested);
    }
}

/// A CSV file as rows of cells, the BOM checked and removed.
fn read_csv(text: &str, bom: bool) -> Vec<Vec<String>> {
    assert_eq!(text.starts_with('\u{FEFF}'), bom);
    let text = text.trim_start_matches('\u{FEFF}');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn csv_lists_officials_per_article_and_indexes_every_entity() {
    let project = realistic();
    let files = render(&project, ExportFormat::Csv, &ExportOptions::default());
    assert_eq!(files[0].0, "officials.csv");
    assert_eq!(files[1].0, "entities.csv");
    let officials = read_csv(&files[0].1, true);
    assert_eq!(
        officials[0],
        [
            "name",
            "title",
            "organization",
            "article",
            "headline",
            "count"
        ]
    );
    let zhang: Vec<&Vec<String>> = officials.iter().filter(|r| r[0] == "张红军").collect();
    assert_eq!(zhang.len(), 4, "two roles in two articles");
    assert_eq!(
        zhang[0],
        &[
            "张红军",
            "副书记",
            "高新区党工委",
            "1",
            "高新区召开党工委（扩大）会议",
            "1"
        ]
    );
    assert_eq!(zhang[3][..4], ["张红军", "主任", "管委会", "2"]);

    let index = read_csv(&files[1].1, true);
    assert_eq!(
        index[0],
        ["id", "entity", "type", "aliases", "mentions", "articles"]
    );
    let row = |name: &str| index.iter().find(|r| r[1] == name).unwrap().clone();
    assert_eq!(
        row("百川畅银公司"),
        ["5", "百川畅银公司", "ORG", "百川畅银", "2", "2"]
    );
    assert_eq!(row("高新区"), ["6", "高新区", "PLACE", "", "4", "1; 2"]);
    assert_eq!(row("郑州市"), ["", "郑州市", "PLACE", "", "1", "2"]);

    let confirmed = ExportOptions {
        confirmed_only: true,
        csv_bom: false,
        ..ExportOptions::default()
    };
    let files = render(&project, ExportFormat::Csv, &confirmed);
    let index = read_csv(&files[1].1, false);
    assert!(
        index.iter().all(|r| r[1] != "郑州市"),
        "a suggestion is left out"
    );
}

#[test]
fn csv_keeps_awkward_names_intact() {
    let project = awkward();
    let files = render(&project, ExportFormat::Csv, &ExportOptions::default());
    let officials = read_csv(&files[0].1, true);
    assert_eq!(officials[1][..3], ["𠀀张三", "主任<&>", "\"A&B\"公司"]);
    let index = read_csv(&files[1].1, true);
    let names: Vec<&str> = index.iter().skip(1).map(|r| r[1].as_str()).collect();
    for (_, text) in project
        .articles
        .iter()
        .flat_map(|a| expected_mentions(a, &ExportOptions::default()))
    {
        assert!(names.contains(&text.as_str()), "{text:?} indexed");
    }
    assert!(index.iter().any(|r| r[3] == "张三; \"三\""));
}

// ---------------------------------------------------------------------------------------------
// Writing files.

#[test]
fn export_writes_what_render_shows() {
    let project = awkward();
    let dir = tempfile::tempdir().unwrap();
    for format in ExportFormat::all() {
        for (suffix, options) in option_sets() {
            let target = dir.path().join(format!("out-{}{suffix}", format.code()));
            let written = export(&project, format, &options, &target).unwrap();
            let files = render_files(&project, format, &options);
            assert_eq!(written.len(), files.len());
            for (path, (name, content)) in written.iter().zip(&files) {
                if format.writes_directory(&options) {
                    assert_eq!(path, &target.join(name));
                } else {
                    assert_eq!(path, &target);
                }
                assert_eq!(&std::fs::read(path).unwrap(), content);
            }
        }
    }
}

#[test]
fn a_wrong_target_is_refused_and_nothing_is_written() {
    let project = realistic();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("existing.txt");
    std::fs::write(&file, "keep me").unwrap();
    let error = export(
        &project,
        ExportFormat::Csv,
        &ExportOptions::default(),
        &file,
    )
    .unwrap_err();
    assert!(matches!(error, ExportError::TargetIsFile { .. }));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
    assert!(error.message(Lang::Zh).contains("文件夹"));
    assert!(error.message(Lang::En).contains("folder"));

    let error = export(
        &project,
        ExportFormat::Tei,
        &ExportOptions::default(),
        dir.path(),
    )
    .unwrap_err();
    assert!(matches!(error, ExportError::TargetIsDirectory { .. }));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

    let empty = Project::new(Source::default());
    let error = export(
        &empty,
        ExportFormat::Txt,
        &ExportOptions::default(),
        &dir.path().join("x.txt"),
    )
    .unwrap_err();
    assert!(matches!(error, ExportError::NoArticles));
    assert!(!error.message(Lang::Zh).is_empty());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn confirmed_only_leaves_out_suggestions_everywhere() {
    let project = realistic();
    let options = ExportOptions {
        confirmed_only: true,
        ..ExportOptions::default()
    };
    let (_, jsonl) = &render(&project, ExportFormat::Jsonl, &options)[0];
    assert!(!jsonl.contains("\"suggested\""));
    assert!(jsonl.contains("\"confirmed\""));
    let (_, tei) = &render(&project, ExportFormat::Tei, &options)[0];
    let mentions = read_tei(tei).mentions;
    assert!(!mentions.is_empty());
    assert!(mentions.iter().all(|m| m.3.is_none()), "no suggestion left");
    let (_, conll) = &render(&project, ExportFormat::Conll, &options)[0];
    assert!(conll.contains("郑 O\n州 O\n市 O\n"));
}

#[test]
fn a_single_file_export_creates_its_folder() {
    let project = realistic();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("new folder").join("简报.xml");
    let written = export(
        &project,
        ExportFormat::Tei,
        &ExportOptions::default(),
        &target,
    )
    .unwrap();
    assert_eq!(written, vec![target.clone()]);
    let (_, xml) = &render(&project, ExportFormat::Tei, &ExportOptions::default())[0];
    assert_eq!(&std::fs::read_to_string(&target).unwrap(), xml);
    assert_eq!(ExportFormat::Tei.extension(), "xml");
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_guarded() {
    let mut project = realistic();
    let mut field = TextField::plain("=HYPERLINK(\"x\")与+1与-2与@A1与\t制表与正常");
    for needle in ["=HYPERLINK(\"x\")", "+1", "-2", "@A1", "\t制表", "正常"] {
        tag(
            &mut field,
            needle,
            0,
            EntityKind::Person,
            SpanStatus::Confirmed,
            None,
        );
    }
    project.articles[0].paragraphs.push(field);
    let files = render(&project, ExportFormat::Csv, &ExportOptions::default());
    let index = read_csv(&files[1].1, true);
    let names: Vec<&str> = index.iter().skip(1).map(|r| r[1].as_str()).collect();
    for guarded in ["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@A1", "'\t制表"] {
        assert!(names.contains(&guarded), "{guarded:?} in {names:?}");
    }
    assert!(names.contains(&"正常"), "ordinary names are left alone");
    assert!(
        index
            .iter()
            .flatten()
            .all(|cell| !cell.starts_with(['=', '+', '-', '@', '\t', '\r'])),
        "no cell starts a formula"
    );
}

#[test]
fn an_export_never_replaces_a_file_unless_allowed() {
    let project = realistic();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("articles.txt");
    std::fs::write(&target, "keep me").unwrap();
    let error = export(
        &project,
        ExportFormat::Txt,
        &ExportOptions::default(),
        &target,
    )
    .unwrap_err();
    assert!(matches!(error, ExportError::WouldReplace { .. }));
    assert!(error.message(Lang::Zh).contains("没有写入任何内容"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");

    let plan = plan(
        &project,
        ExportFormat::Txt,
        &ExportOptions::default(),
        &target,
        &Protected::default(),
    )
    .unwrap();
    assert_eq!(plan.replaced(), vec![target.as_path()]);
    plan.write(true).unwrap();
    assert_ne!(std::fs::read_to_string(&target).unwrap(), "keep me");
}

#[test]
fn the_raw_text_and_any_project_file_are_protected() {
    let project = realistic();
    let dir = tempfile::tempdir().unwrap();
    let project_file = dir.path().join("简报.jiaodui.ron");
    let raw = dir.path().join(&project.source.name);
    std::fs::write(&raw, "raw").unwrap();
    let protected = Protected::for_project(&project, Some(&project_file), None);
    // The raw text spelled another way, the project, and any other project file.
    let spelled_otherwise = dir.path().join(".").join(&project.source.name);
    for target in [
        spelled_otherwise,
        project_file.clone(),
        dir.path().join("other.JIAODUI.RON"),
    ] {
        let error = plan(
            &project,
            ExportFormat::Txt,
            &ExportOptions::default(),
            &target,
            &protected,
        )
        .unwrap_err();
        assert!(matches!(error, ExportError::Protected { .. }), "{target:?}");
        assert!(error.message(Lang::En).contains("never replaces"));
    }
    assert_eq!(std::fs::read_to_string(&raw).unwrap(), "raw");
    assert!(!project_file.exists());
}

#[test]
fn a_folder_export_lists_what_it_replaces_and_what_it_leaves() {
    let project = realistic();
    let dir = tempfile::tempdir().unwrap();
    let options = ExportOptions {
        per_article: true,
        ..ExportOptions::default()
    };
    let written = export(&project, ExportFormat::Markdown, &options, dir.path()).unwrap();
    let stale = dir.path().join("09-an article since merged.md");
    std::fs::write(&stale, "old").unwrap();
    let plan = plan(
        &project,
        ExportFormat::Markdown,
        &options,
        dir.path(),
        &Protected::default(),
    )
    .unwrap();
    let replaced: Vec<PathBuf> = plan.replaced().iter().map(|p| p.to_path_buf()).collect();
    assert_eq!(replaced, written);
    assert_eq!(plan.left, vec![stale]);
}

// ---------------------------------------------------------------------------------------------
// Any text, any spans.

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A field of awkward characters with flat spans on it.
    fn field() -> impl Strategy<Value = TextField> {
        let alphabet: Vec<char> = "张三中𠀀🙂 \t\n\r\u{C}<>&\"'“”。！？*_#-1.\\`[]"
            .chars()
            .collect();
        let text = proptest::collection::vec(proptest::sample::select(alphabet), 0..24);
        let spans =
            proptest::collection::vec((0usize..24, 1usize..6, 0usize..5, any::<bool>()), 0..5);
        (text, spans).prop_map(|(chars, raw)| {
            let mut field = TextField::plain(chars.iter().collect::<String>());
            let mut taken_until = 0;
            let mut raw = raw;
            raw.sort();
            for (start, len, kind, confirmed) in raw {
                let end = (start + len).min(chars.len());
                if start < taken_until || start >= end {
                    continue;
                }
                let kind = match kind {
                    0 => Person,
                    1 => Title,
                    2 => Org,
                    3 => Place,
                    _ => EntityKind::Other("DATE".into()),
                };
                let status = if confirmed { Confirmed } else { Suggested };
                field.insert_span(Span {
                    start,
                    end,
                    kind,
                    status,
                    rule: None,
                    entity: None,
                });
                taken_until = end;
            }
            field
        })
    }

    fn article() -> impl Strategy<Value = Article> {
        (
            field(),
            field(),
            field(),
            field(),
            proptest::collection::vec((field(), 0usize..5), 0..4),
        )
            .prop_map(|(kicker, headline, subheadline, byline, paragraphs)| {
                let mut article = Article::new(ArticleId(0));
                article.kicker = kicker;
                article.headline = headline;
                article.subheadline = subheadline;
                article.byline = byline;
                article.paragraphs = paragraphs
                    .into_iter()
                    .map(|(mut field, kind)| {
                        field.kind = ParagraphKind::ALL[kind];
                        field
                    })
                    .collect();
                article
            })
    }

    fn project() -> impl Strategy<Value = Project> {
        proptest::collection::vec(article(), 1..3).prop_map(|articles| {
            let mut project = Project::new(Source::default());
            project.articles = articles;
            for (i, article) in project.articles.iter_mut().enumerate() {
                article.id = ArticleId(i as u32);
            }
            project
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn every_format_reads_back_exactly(project in project()) {
            for (_, options) in option_sets() {
                check_txt_and_markdown_keep_every_character(&project, &options);
                check_jsonl_has_every_key_and_exact_offsets(&project, &options);
                check_tei_parses_back_to_the_same_text_and_entities(&project, &options);
                check_conll_tags_rebuild_every_entity_and_every_character(&project, &options);
                check_brat_offsets_point_at_the_mention_text(&project, &options);
            }
        }
    }
}
