//! Structure recovery: the gold bulletin exactly, and bulletins in other common shapes.

use jiaodui::i18n::Lang;
use jiaodui::model::{Article, FieldSlot, ParagraphKind, TextField};
use jiaodui::pipeline::structure::{RULE_IDS, Structure, describe_rule, recover};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/structure/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The article's first and last raw line.
fn span(article: &Article) -> (usize, usize) {
    let lines = article.source_lines();
    (lines[0].first, lines.last().unwrap().last)
}

/// (upper, lower) raw line pairs of every join in the article.
fn joins(article: &Article) -> Vec<(usize, usize)> {
    article
        .fields()
        .flat_map(|(_, f)| f.joins.iter().map(|j| (j.upper_line, j.lower_line)))
        .collect()
}

fn rules_of(article: &Article) -> Vec<&str> {
    article.decisions.iter().map(|d| d.rule.as_str()).collect()
}

/// Every rule recorded anywhere in the structure is documented and described.
fn assert_rules_known(structure: &Structure) {
    let mut recorded: Vec<&str> = structure
        .furniture
        .iter()
        .map(|f| f.rule.as_str())
        .collect();
    for article in &structure.articles {
        recorded.extend(rules_of(article));
        recorded.extend(
            article
                .fields()
                .flat_map(|(_, f)| f.joins.iter().map(|j| j.rule.as_str())),
        );
    }
    for rule in recorded {
        assert!(RULE_IDS.contains(&rule), "undocumented rule {rule}");
    }
}

/// The lossless property: per article, the non-empty fields in raw-line order concatenate to the
/// article's non-blank, non-furniture raw lines (trimmed); furniture lines are kept verbatim.
fn assert_lossless(text: &str, structure: &Structure) {
    let normalised = text.replace("\r\n", "\n");
    let raw: Vec<&str> = normalised.split(['\n', '\r', '\u{0C}']).collect();
    let is_furniture = |n: usize| structure.furniture.iter().any(|f| f.line == n);
    for f in &structure.furniture {
        assert_eq!(f.text, raw[f.line - 1].trim(), "furniture line {}", f.line);
    }
    let mut covered = 0;
    for article in &structure.articles {
        let mut fields: Vec<(usize, usize, &TextField)> = article
            .fields()
            .filter(|(_, f)| !f.is_empty())
            .map(|(slot, f)| {
                let order = match slot {
                    FieldSlot::Kicker => 0,
                    FieldSlot::Headline => 1,
                    FieldSlot::Subheadline => 2,
                    FieldSlot::Paragraph(i) => 4 + i,
                    FieldSlot::Byline => usize::MAX,
                };
                (
                    f.first_line().expect("every field has source lines"),
                    order,
                    f,
                )
            })
            .collect();
        fields.sort_by_key(|&(line, order, _)| (line, order));
        let joined: String = fields.iter().map(|(_, _, f)| f.text.as_str()).collect();
        let (first, last) = span(article);
        let expected: String = (first..=last)
            .filter(|&n| !is_furniture(n))
            .map(|n| raw[n - 1].trim())
            .collect();
        assert_eq!(
            joined, expected,
            "article {:?} (lines {first}-{last}) is not lossless",
            article.id
        );
        covered += (first..=last)
            .filter(|&n| !is_furniture(n) && !raw[n - 1].trim().is_empty())
            .count();
    }
    let content = (1..=raw.len())
        .filter(|&n| !is_furniture(n) && !raw[n - 1].trim().is_empty())
        .count();
    assert_eq!(
        covered, content,
        "some content lines belong to no article (or to two)"
    );
}

fn recover_checked(text: &str) -> Structure {
    let structure = recover(text);
    assert_lossless(text, &structure);
    assert_rules_known(&structure);
    structure
}

// ---------------------------------------------------------------------------------------------
// The gold bulletin

#[derive(serde::Deserialize)]
struct Gold {
    articles: Vec<GoldArticle>,
}

#[derive(serde::Deserialize)]
struct GoldArticle {
    lines: [usize; 2],
    headline: String,
    subheadline: Option<String>,
    byline: String,
    paragraphs: Vec<String>,
    joins: Vec<[usize; 2]>,
}

#[test]
fn the_sample_bulletin_matches_the_gold_exactly() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/gaoxin-bulletin-2021-06.gold.json"
    );
    let gold: Gold = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let structure = recover_checked(jiaodui::SAMPLE_BULLETIN);
    assert_eq!(
        structure.articles.len(),
        gold.articles.len(),
        "article count"
    );
    assert!(
        structure.furniture.is_empty(),
        "furniture: {:?}",
        structure.furniture
    );
    for (i, (got, want)) in structure.articles.iter().zip(&gold.articles).enumerate() {
        let n = i + 1;
        assert_eq!(
            span(got),
            (want.lines[0], want.lines[1]),
            "article {n}: lines"
        );
        assert_eq!(got.headline.text, want.headline, "article {n}: headline");
        assert_eq!(
            got.subheadline.text,
            want.subheadline.clone().unwrap_or_default(),
            "article {n}: subheadline"
        );
        assert_eq!(got.kicker.text, "", "article {n}: kicker");
        assert_eq!(got.byline.text, want.byline, "article {n}: byline");
        assert_eq!(
            got.paragraphs.len(),
            want.paragraphs.len(),
            "article {n}: paragraph count"
        );
        for (p, (got_p, want_p)) in got.paragraphs.iter().zip(&want.paragraphs).enumerate() {
            assert_eq!(&got_p.text, want_p, "article {n}, paragraph {p}");
        }
        let want_joins: Vec<(usize, usize)> = want.joins.iter().map(|j| (j[0], j[1])).collect();
        assert_eq!(joins(got), want_joins, "article {n}: joins");
    }
    let paragraphs: usize = structure.articles.iter().map(|a| a.paragraphs.len()).sum();
    assert_eq!(paragraphs, 27);
}

#[test]
fn sample_decisions_name_their_rules() {
    let structure = recover(jiaodui::SAMPLE_BULLETIN);
    let first = &structure.articles[0];
    let rules = rules_of(first);
    for rule in [
        "article:starts-at-headline",
        "headline:short-unpunctuated",
        "subheadline:below-headline",
        "lead:news-marker",
        "byline:reporter-line",
    ] {
        assert!(rules.contains(&rule), "missing {rule} in {rules:?}");
    }
    let lead = first
        .decisions
        .iter()
        .find(|d| d.rule == "lead:news-marker")
        .unwrap();
    assert_eq!((lead.lines.first, lead.note.as_str()), (7, "本报讯"));
    let join_rules: Vec<&str> = first
        .paragraphs
        .iter()
        .flat_map(|p| p.joins.iter().map(|j| j.rule.as_str()))
        .collect();
    assert_eq!(join_rules, vec!["join:no-sentence-end"; 4]);
    let join = &first.paragraphs[1].joins[0];
    assert_eq!(first.paragraphs[1].slice(join.at, join.at + 3), "弄清楚");
}

#[test]
fn the_sample_repeated_a_hundred_times_gives_four_hundred_articles() {
    let text = jiaodui::SAMPLE_BULLETIN.repeat(100);
    let structure = recover(&text);
    assert_eq!(structure.articles.len(), 400);
    assert!(structure.furniture.is_empty());
    let joined: usize = structure.articles.iter().map(|a| joins(a).len()).sum();
    assert_eq!(joined, 800);
}

#[test]
fn every_rule_is_described_in_both_languages() {
    for rule in RULE_IDS {
        let zh = describe_rule(rule, Lang::Zh);
        let en = describe_rule(rule, Lang::En);
        assert!(
            !zh.contains(rule) && !en.contains(rule),
            "{rule} has no sentence"
        );
        assert_ne!(zh, en);
    }
    assert!(describe_rule("custom:mine", Lang::En).contains("custom:mine"));
}

// ---------------------------------------------------------------------------------------------
// Bulletins in other shapes (tests/fixtures/structure)

/// The 1-based number of the only raw line containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    let found: Vec<usize> = text
        .split('\n')
        .enumerate()
        .filter(|(_, line)| line.contains(needle))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(found.len(), 1, "{needle:?} should be on exactly one line");
    found[0]
}

/// (rule, upper, lower) of every join in the article.
fn join_rules(article: &Article) -> Vec<(String, usize, usize)> {
    article
        .fields()
        .flat_map(|(_, f)| {
            f.joins
                .iter()
                .map(|j| (j.rule.clone(), j.upper_line, j.lower_line))
        })
        .collect()
}

fn headlines(structure: &Structure) -> Vec<&str> {
    structure
        .articles
        .iter()
        .map(|a| a.headline.text.as_str())
        .collect()
}

#[test]
fn headline_stack_bylines_and_datelines() {
    let text = fixture("headline-stacks.txt");
    let s = recover_checked(&text);
    assert_eq!(
        headlines(&s),
        [
            "我市全力做好汛期安全防范工作",
            "老旧小区改造惠及三万户居民",
            "国务院部署加强基层医疗卫生服务"
        ]
    );

    let first = &s.articles[0];
    assert_eq!(first.kicker.text, "坚持人民至上 守护万家灯火");
    assert_eq!(first.subheadline.text, "——访市应急管理局局长刘建国");
    assert_eq!(first.byline.text, "本报记者 王晓明 通讯员 李红");
    assert!(
        first.paragraphs[0]
            .text
            .starts_with("本报讯（记者 王晓明）入汛以来")
    );
    assert_eq!(first.paragraphs.len(), 3);
    for rule in [
        "kicker:above-headline",
        "subheadline:dash",
        "byline:reporter-line",
        "lead:news-marker",
    ] {
        assert!(
            rules_of(first).contains(&rule),
            "{rule} missing: {:?}",
            rules_of(first)
        );
    }
    let upper = line_of(&text, "力争在主汛期");
    assert_eq!(
        join_rules(first),
        [(
            "join:line-starts-with-closing-punct".to_string(),
            upper,
            line_of(&text, "，不留死角")
        )]
    );
    assert!(
        first.paragraphs[1]
            .text
            .ends_with("全部整改到位，不留死角。")
    );

    let second = &s.articles[1];
    assert_eq!(second.byline.text, "记者 张伟 文/图");
    assert_eq!(second.subheadline.text, "");
    assert_eq!(second.paragraphs.len(), 2);
    assert!(join_rules(second).is_empty());

    let third = &s.articles[2];
    assert!(
        third.paragraphs[0]
            .text
            .starts_with("新华社北京6月10日电 国务院常务会议")
    );
    assert!(rules_of(third).contains(&"lead:dateline"));
    assert_eq!(
        join_rules(third),
        [(
            "join:line-ends-with-opening-punct".to_string(),
            line_of(&text, "享受到“"),
            line_of(&text, "优质高效”")
        )]
    );
    assert_eq!(third.byline.text, "（记者 李娜）");
    assert_eq!(
        third.paragraphs.last().unwrap().text,
        "会议要求，各地要抓好政策落实，确保各项措施早见实效。"
    );
    let closing = third
        .decisions
        .iter()
        .find(|d| d.rule == "byline:closing-parenthesis")
        .unwrap();
    assert_eq!(closing.lines.first, line_of(&text, "（记者 李娜）"));
    assert_eq!(third.byline.source_lines[0].first, closing.lines.first);
}

#[test]
fn indented_paragraphs_without_blank_lines() {
    let text = fixture("indented-paragraphs.txt");
    let s = recover_checked(&text);
    assert_eq!(
        headlines(&s),
        ["高新区全面启动“清零”行动", "我区举办科技成果对接会"]
    );
    assert_eq!(s.furniture.len(), 1);
    assert_eq!(
        (s.furniture[0].text.as_str(), s.furniture[0].rule.as_str()),
        ("G02", "furniture:page-number")
    );

    let first = &s.articles[0];
    assert_eq!(first.byline.text, "记者 陈静 通讯员 赵磊");
    assert!(
        first.paragraphs[0]
            .text
            .starts_with("本报讯（记者 陈静）6月9日")
    );
    // The unindented line after a finished sentence (`对群众反映强烈…`) is read as a paragraph
    // of its own: the line model has seen few pages that wrap after a full stop.
    assert_eq!(
        join_rules(first)[0],
        (
            "join:no-sentence-end".to_string(),
            line_of(&text, "对进展缓慢的问题"),
            line_of(&text, "要挂牌督办")
        )
    );
    assert!(
        first.paragraphs[0].text.chars().all(|c| c != '\u{3000}'),
        "indentation is trimmed"
    );

    let second = &s.articles[1];
    assert!(
        second.paragraphs[0]
            .text
            .starts_with("新华社郑州6月10日电 10日")
    );
    assert_eq!(second.byline.text, "（记者 孙伟 通讯员 钱芳）");
    assert!(second.paragraphs[1].text.ends_with("加快转型升级。"));
}

/// A title-like line is never glued to running text: it is a headline, or a paragraph of its
/// own that is not body text (a crosshead).
fn assert_stays_whole(s: &Structure, title: &str) {
    let whole = s.articles.iter().any(|a| {
        a.headline.text == title
            || a.paragraphs
                .iter()
                .any(|p| p.text == title && p.kind == ParagraphKind::Crosshead)
    });
    assert!(whole, "{title} was merged or mislabelled");
}

#[test]
fn a_bulletin_without_bylines_keeps_titles_whole_and_list_items_apart() {
    let text = fixture("no-bylines.txt");
    let s = recover_checked(&text);
    // Without leads or bylines, a short line between two paragraphs may be a crosshead as well
    // as a new headline; the line model reads the second and third titles as crossheads.
    assert_eq!(headlines(&s)[0], "区政府召开第十二次常务会议");
    assert_stays_whole(&s, "高新区开展安全生产大检查");
    assert_stays_whole(&s, "我区新增三家省级研发中心");
    assert!(s.articles.iter().all(|a| a.byline.is_empty()));
    let first = &s.articles[0];
    let texts: Vec<&str> = first.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts[1..6],
        [
            "会议议程如下：",
            "一、听取上半年经济运行情况汇报",
            "二、审议《高新区促进科技创新若干措施》",
            "三、研究部署防汛工作",
            "会议强调，各部门要对照年度目标任务，查漏补缺、加压奋进，确保完成全年目标任务。",
        ]
    );
    assert!(rules_of(first).contains(&"lead:first-paragraph"));
    let all_joins: Vec<(String, usize, usize)> = s.articles.iter().flat_map(join_rules).collect();
    assert!(all_joins.contains(&(
        "join:no-sentence-end".to_string(),
        line_of(&text, "检查结果将"),
        line_of(&text, "在全区通报")
    )));
    for (_, upper, _) in &all_joins {
        let list_item = ["一、", "二、", "三、"]
            .iter()
            .any(|m| text.split('\n').nth(upper - 1).unwrap().starts_with(m));
        assert!(!list_item, "a list item was joined to the next line");
    }
}

#[test]
fn page_furniture_is_set_aside_and_sentences_join_across_it() {
    let text = fixture("furniture.txt");
    let s = recover_checked(&text);
    assert_eq!(headlines(&s)[0], "我区召开一季度经济形势分析会");
    assert_stays_whole(&s, "高新区举办人才招聘会");
    let furniture: Vec<(&str, &str)> = s
        .furniture
        .iter()
        .map(|f| (f.text.as_str(), f.rule.as_str()))
        .collect();
    assert_eq!(
        furniture,
        [
            ("高新区工作简报", "furniture:running-head"),
            ("2021年第6期", "furniture:page-number"),
            ("2021年6月10日 星期四", "furniture:date-line"),
            ("-1-", "furniture:page-number"),
            ("高新区工作简报 第6期", "furniture:running-head"),
            ("＊＊＊", "furniture:separator"),
            ("第2版", "furniture:page-number"),
            ("高新区工作简报 第6期", "furniture:running-head"),
            ("-2-", "furniture:page-number"),
        ]
    );
    let all_joins: Vec<(String, usize, usize)> = s.articles.iter().flat_map(join_rules).collect();
    assert_eq!(
        all_joins,
        [
            (
                "join:no-sentence-end".to_string(),
                line_of(&text, "要进一步加强"),
                line_of(&text, "组织领导")
            ),
            (
                "join:no-sentence-end".to_string(),
                line_of(&text, "招聘会为企业和"),
                line_of(&text, "求职者搭建")
            )
        ]
    );
    assert!(
        s.articles[0].paragraphs[1]
            .text
            .ends_with("要进一步加强组织领导，细化工作措施，确保完成全年目标任务。")
    );
}

#[test]
fn cr_only_text_reads_like_lf_text() {
    let text = fixture("headline-stacks.txt");
    let lf = recover(&text);
    let cr = recover_checked(&text.replace('\n', "\r"));
    let crlf = recover(&text.replace('\n', "\r\n"));
    assert_eq!(cr.articles, lf.articles);
    assert_eq!(crlf.articles, lf.articles);
}

#[test]
fn blank_text_gives_no_articles() {
    for text in ["", "\n\n\n", " \n\u{3000}\u{3000}\n\t\r\n"] {
        let s = recover(text);
        assert!(s.articles.is_empty() && s.furniture.is_empty(), "{text:?}");
    }
}

#[test]
fn a_million_character_line_is_one_paragraph() {
    let line = "会议强调，要重统筹、善谋划。".repeat(1_000_000 / 14 + 1);
    let s = recover_checked(&line);
    assert_eq!(s.articles.len(), 1);
    assert_eq!(s.articles[0].paragraphs.len(), 1);
    assert_eq!(s.articles[0].paragraphs[0].text, line);

    let unpunctuated = "高新区".repeat(400_000);
    let s = recover_checked(&format!("标题\n{unpunctuated}\n{unpunctuated}"));
    assert_eq!(s.articles.len(), 1);
    let body: String = s.articles[0]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(body, unpunctuated.repeat(2));
}

#[test]
fn bodies_before_any_headline_form_an_untitled_article() {
    let text = "要进一步加强组织领导，确保完成任务。\n\n记者 王某\n\n高新区召开会议\n\n本报讯 近日，高新区召开会议。";
    let s = recover_checked(text);
    assert_eq!(headlines(&s), ["", "高新区召开会议"]);
    assert!(rules_of(&s.articles[0]).contains(&"article:no-headline"));
    assert_eq!(s.articles[0].byline.text, "记者 王某");
}

#[test]
fn a_dateline_alone_on_its_line_joins_its_paragraph() {
    let text = "国务院召开常务会议\n新华社北京6月10日电\n　　国务院总理主持召开国务院常务会议，部署相关工作。\n　　会议指出，要抓好落实。";
    let s = recover_checked(text);
    assert_eq!(s.articles.len(), 1);
    let lead = &s.articles[0].paragraphs[0];
    assert_eq!(
        lead.text,
        "新华社北京6月10日电国务院总理主持召开国务院常务会议，部署相关工作。"
    );
    assert_eq!(lead.joins[0].rule, "join:lead-marker-alone");
}

#[test]
fn comma_headlines_jump_lines_boxed_bylines_and_full_width_digits() {
    let text = fixture("commas-jumps-and-boxes.txt");
    let s = recover_checked(&text);
    assert_eq!(
        headlines(&s),
        ["稳字当头，进中求好", "国务院部署稳就业工作"]
    );
    let first = &s.articles[0];
    assert!(rules_of(first).contains(&"headline:before-lead"));
    assert_eq!(first.paragraphs.len(), 1);
    assert_eq!(
        join_rules(first),
        [(
            "join:no-sentence-end".to_string(),
            line_of(&text, "打下了坚实"),
            line_of(&text, "基础。")
        )]
    );
    assert_eq!(first.byline.text, "□本报记者 王晓明");
    let furniture: Vec<&str> = s.furniture.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(furniture, ["furniture:jump-line", "furniture:jump-line"]);
    assert!(rules_of(&s.articles[1]).contains(&"lead:dateline"));
}

#[test]
fn consecutive_byline_lines_extend_the_byline_and_later_ones_stay_in_raw_order() {
    let text = "高新区召开会议\n\n本报讯 近日，高新区召开会议。\n\n记者 李某\n通讯员 赵某\n\n第二篇文章的标题\n\n本报记者 王某\n\n本报讯 近日，我区举办活动。\n\n记者 钱某";
    let s = recover_checked(text);
    assert_eq!(headlines(&s), ["高新区召开会议", "第二篇文章的标题"]);
    assert_eq!(s.articles[0].byline.text, "记者 李某通讯员 赵某");
    let decision = s.articles[0]
        .decisions
        .iter()
        .find(|d| d.rule == "byline:reporter-line")
        .unwrap();
    assert_eq!((decision.lines.first, decision.lines.last), (5, 6));
    let second = &s.articles[1];
    assert_eq!(second.byline.text, "本报记者 王某");
    assert_eq!(second.paragraphs.last().unwrap().text, "记者 钱某");
}

#[test]
fn captions_stay_in_the_article_and_a_uniform_margin_is_not_an_indent() {
    let text = "高新区召开安全生产会议\n本报讯 近日，高新区召开安全生产工作会议，部署汛期安全\n生产工作。\n图为会议现场 记者 王某 摄\n会议要求，各单位要压实责任。\n（完）\n";
    let margin: String = text.lines().map(|l| format!("    {l}\n")).collect();
    for text in [text.to_string(), margin] {
        let s = recover_checked(&text);
        assert_eq!(headlines(&s), ["高新区召开安全生产会议"], "{text}");
        let paragraphs: Vec<&str> = s.articles[0]
            .paragraphs
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(
            paragraphs,
            [
                "本报讯 近日，高新区召开安全生产工作会议，部署汛期安全生产工作。",
                "图为会议现场 记者 王某 摄",
                "会议要求，各单位要压实责任。",
                "（完）"
            ]
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Any text: no panic, nothing invented or lost

/// Lines of every kind the rules look at, to be shuffled into random bulletins.
const LINE_POOL: &[&str] = &[
    "高新区召开党工委会议",
    "坚持人民至上，守护万家灯火",
    "——访市应急管理局局长",
    "记者 孙庆辉",
    "（记者 王某）",
    "本报记者 王某 通讯员 李某",
    "本报讯 6月10日，高新区召开会议，研究部署工作。",
    "本报讯（记者 王某）近日，",
    "新华社北京6月10日电",
    "会议强调，作为领导干部，关",
    "键少数，要带头学。",
    "，不留死角。",
    "让群众享受到“",
    "一、听取工作报告",
    "会议要求，各地要抓好落实。（记者 李娜）",
    "图为会议现场",
    "-2-",
    "第3版",
    "高新区工作简报 第6期",
    "＊＊＊",
    "（下转第2版）",
    "2021年6月10日 星期四",
    "",
    "   ",
    "\u{3000}\u{3000}会议指出，要学明白、悟清楚。",
    "(",
    "。",
    "）",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    #[test]
    fn random_bulletins_are_recovered_losslessly(
        picks in proptest::collection::vec(0..LINE_POOL.len(), 0..60),
        ending in 0..3usize,
    ) {
        let end = ["\n", "\r\n", "\r"][ending];
        let text: String = picks.iter().map(|&i| LINE_POOL[i]).collect::<Vec<_>>().join(end);
        recover_checked(&text);
    }

    #[test]
    fn arbitrary_text_is_recovered_losslessly(text in "(\\PC{0,20}[\\n\\r\\x0C]?){0,30}") {
        recover_checked(&text);
    }
}

#[test]
fn a_question_line_above_a_lead_is_not_joined_to_it() {
    let text = "本报讯 近日，我区召开会议。\n\n垃圾分类，你做对了吗？\n\n本报讯 6月起，我区全面推行垃圾分类。\n\n市民纷纷表示支持？";
    let s = recover_checked(text);
    let fields: Vec<&str> = s
        .articles
        .iter()
        .flat_map(|a| a.fields().map(|(_, f)| f.text.as_str()))
        .collect();
    assert!(fields.contains(&"垃圾分类，你做对了吗？"), "{fields:?}");
    assert!(
        fields.contains(&"本报讯 6月起，我区全面推行垃圾分类。"),
        "{fields:?}"
    );
}

#[test]
fn crossheads_stay_inside_articles_with_their_kind_and_reason() {
    let text = fixture("crossheads.txt");
    let s = recover_checked(&text);
    assert_eq!(
        headlines(&s),
        [
            "高新区召开党工委会议",
            "我区推进安全生产专项整治",
            "我区举办人才招聘会"
        ]
    );
    let second = &s.articles[1];
    let paragraphs: Vec<&str> = second.paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(paragraphs[1], "压实责任链条");
    assert_eq!(paragraphs[3], "强化隐患排查");
    let crossheads = second
        .decisions
        .iter()
        .filter(|d| d.rule == "paragraph:crosshead")
        .count();
    assert_eq!(crossheads, 2);
    assert!(
        second
            .paragraphs
            .iter()
            .filter(|p| p.text.len() < 20)
            .all(|p| p.kind == ParagraphKind::Crosshead)
    );
    let reason = &second
        .decisions
        .iter()
        .find(|d| d.rule == "paragraph:crosshead")
        .unwrap()
        .note;
    assert!(
        reason.starts_with("小标题：") && reason.contains(" / crosshead: "),
        "{reason}"
    );
}

/// A newspaper page in both layouts an editor receives: crossheads stay inside their article,
/// the author note and the credit close theirs, and the box label and its text are a box.
#[test]
fn a_newspaper_page_keeps_crossheads_notes_and_boxes_in_their_articles() {
    let clean = fixture("newspaper-page.txt");
    let scanned: String = clean
        .lines()
        .map(|l| format!("{}\n\n", l.trim().replace('，', ",")))
        .collect();
    for text in [clean, scanned] {
        let s = recover_checked(&text);
        assert_eq!(
            headlines(&s),
            ["坚持问题导向 推动高质量发展", "全市新建口袋公园一百座"],
            "{text}"
        );
        assert_eq!(s.articles[0].subheadline.text, "——论做好今年经济工作");
        let kinds =
            |a: &Article| -> Vec<ParagraphKind> { a.paragraphs.iter().map(|p| p.kind).collect() };
        use ParagraphKind::*;
        assert_eq!(
            kinds(&s.articles[0]),
            [Body, Crosshead, Body, Crosshead, Body, Note],
            "{text}"
        );
        assert_eq!(
            kinds(&s.articles[1]),
            [Box, Box, Body, Body, Note],
            "{text}"
        );
        assert!(s.articles.iter().all(|a| joins(a).is_empty()));
        for (article, rule) in [
            (0, "paragraph:note"),
            (1, "paragraph:box"),
            (1, "paragraph:note"),
        ] {
            let decision = s.articles[article]
                .decisions
                .iter()
                .find(|d| d.rule == rule)
                .unwrap_or_else(|| panic!("{rule} not recorded"));
            assert!(decision.note.contains(" / "), "a reason in both languages");
        }
    }
}
