//! Articles → suggested entities: people, titles, organizations and places.
//!
//! The [`Tagger`] segments a text with jieba (its dictionary extended with the lexicons) and
//! applies the rules an editor applies: a title right before a name, lists of titles joined by
//! 、 and 兼, bylines ([`rules`]); person names from a surname list ([`persons`]); organizations
//! from an area + organ grammar and company endings ([`orgs`]); places from a gazetteer
//! ([`places`]). Each suggestion carries the id of the rule that made it, which
//! [`describe_rule`] explains to the editor. [`suggest_project`] runs it over a whole project,
//! spreads names found in one article to the others, learns from what the editor confirmed and
//! rejected, and links mentions into the registry.

mod analysis;
mod candidates;
mod foreign_names;
mod lexicons;
mod orgs;
mod persons;
mod places;
mod registry;
mod rules;
mod segmenter;
pub mod sequence;
mod suggest;
mod units;

use std::borrow::Cow;

use jieba_rs::Jieba;
use serde::Serialize;

use crate::i18n::Lang;
use crate::model::Span;

use analysis::Sentence;
use candidates::{Candidate, RoleLink, anchor_titles, priority, select};
use lexicons::Lexicons;
use sequence::{LexiconMatcher, Observation, Weights, labels};

pub use lexicons::EXTRA_LEXICONS_VAR;
pub use segmenter::CACHE_DIR_VAR;
pub use suggest::{LEXICON_CONFIRMED, suggest_project};

/// The entity tagger. Loading it (the jieba dictionary, lexicons, the model's weights) is
/// expensive: do it once per process and off the UI thread.
pub struct Tagger {
    jieba: Jieba,
    lexicons: Lexicons,
    matcher: LexiconMatcher,
    weights: ModelWeights,
    /// Rule-id prefixes (`person:`, `place:` …) whose firings the model does not see: what the
    /// trainer leaves out to measure what each family of rules adds.
    unseen_rules: Vec<String>,
}

/// The weights a tagger decodes with: the process's shipped ones, or its own.
enum ModelWeights {
    Shipped(&'static Weights),
    Own(Box<Weights>),
}

impl ModelWeights {
    fn get(&self) -> &Weights {
        match self {
            ModelWeights::Shipped(w) => w,
            ModelWeights::Own(w) => w,
        }
    }
}

/// Rule id of the sequence model's suggestions; the span's rule adds its confidence
/// (`model:0.93`).
pub const MODEL: &str = "model";

/// The rule text of a model suggestion with confidence `p`.
pub fn model_rule(p: f32) -> String {
    format!("{MODEL}:{p:.2}")
}

/// The rules whose candidates still decide: bylines, and the titles of a chain that ends at a
/// person (副组长兼办公室主任孙君甫), which link the person to each title and its organization.
fn decides_alone(rule: &str) -> bool {
    matches!(
        rule,
        rules::BYLINE_TITLE | persons::BYLINE | rules::TITLE_BEFORE_NAME
    )
}

/// What the rules found in one text, before the choice among overlapping candidates.
pub(crate) struct Analysis {
    pub candidates: Vec<Candidate>,
    pub roles: Vec<RoleLink>,
    /// `boundaries[c]`: a word of the segmenter starts (or the text ends) at char `c`.
    pub boundaries: Vec<bool>,
}

impl Tagger {
    /// Loads the tagger: jieba's default dictionary, extended with the lexicons' organizations,
    /// titles and full place names so that it keeps them whole, and the shipped model.
    pub fn new() -> Tagger {
        Tagger::build(|| ModelWeights::Shipped(sequence::shipped()))
    }

    /// A tagger that decodes with `weights` instead of the shipped ones (training, evaluation).
    pub fn with_weights(weights: Weights) -> Tagger {
        Tagger::build(|| ModelWeights::Own(Box::new(weights)))
    }

    /// Loads the parts: the segmenter on a thread of its own, the weights and the lexicon
    /// matcher meanwhile, since none needs another (the segmenter and the matcher only read the
    /// lexicons).
    fn build(weights: impl FnOnce() -> ModelWeights) -> Tagger {
        let lexicons = Lexicons::load();
        let (jieba, matcher, weights) = std::thread::scope(|scope| {
            let jieba = scope.spawn(|| segmenter::load(&lexicons));
            let weights = weights();
            let matcher = LexiconMatcher::new(&lexicons);
            let jieba = jieba.join().expect("loading the segmenter panicked");
            (jieba, matcher, weights)
        });
        Tagger {
            jieba,
            lexicons,
            matcher,
            weights,
            unseen_rules: Vec::new(),
        }
    }

    /// The same tagger with the firings of the rules whose ids start with one of `prefixes`
    /// hidden from the model (`title:` hides the title chains too). A model trained this way
    /// must also decode this way.
    pub fn without_rule_features(mut self, prefixes: &[String]) -> Tagger {
        self.unseen_rules = prefixes.to_vec();
        self
    }

    fn model_sees(&self, rule: &str) -> bool {
        !self
            .unseen_rules
            .iter()
            .any(|p| rule.starts_with(p.as_str()))
    }

    /// The model's weights.
    pub fn weights(&self) -> &Weights {
        self.weights.get()
    }

    /// The process-wide tagger, loaded on first use.
    pub fn shared() -> &'static Tagger {
        static TAGGER: std::sync::OnceLock<Tagger> = std::sync::OnceLock::new();
        TAGGER.get_or_init(Tagger::new)
    }

    /// Suggested entities for one text, sorted by start, each with `rule: Some(rule_id)`. Names
    /// found by a strong rule (a title before them) are also suggested where the text repeats
    /// them.
    pub fn tag(&self, text: &str) -> Vec<Span> {
        let analysis = self.analyse(text);
        let len = analysis.boundaries.len() - 1;
        let chars: Vec<char> = text.chars().collect();
        let mut chosen = anchor_titles(select(analysis.candidates.clone(), len, &[]), &chars);
        let names = suggest::Names::from_texts(self, [(text, chosen.as_slice())], &[]);
        let repeated = names.find(text, &analysis.boundaries);
        if !repeated.is_empty() {
            let mut candidates = analysis.candidates;
            candidates.extend(repeated);
            chosen = anchor_titles(select(candidates, len, &[]), &chars);
        }
        chosen.iter().map(Candidate::to_span).collect()
    }

    /// The words of `text` as the tagger's segmenter cuts them, with their part-of-speech tags
    /// (`高新区/nr`): what the rules start from, for diagnosing a surprising suggestion.
    pub fn segment<'a>(&'a self, text: &'a str) -> Vec<(&'a str, &'a str)> {
        self.jieba
            .tag(text, true)
            .into_iter()
            .map(|t| (t.word, t.tag))
            .collect()
    }

    /// What the model sees in `text`: its features at every char.
    pub fn observe(&self, text: &str) -> Observation {
        self.rules_and_observation(text).1
    }

    /// The candidates for `text`: the model's spans (decoded with the shipped weights plus
    /// `adapted`, the project's own layer, if any) and the bylines, with the title chains found.
    pub(crate) fn analyse(&self, text: &str) -> Analysis {
        self.analyse_adapted(text, None)
    }

    pub(crate) fn analyse_adapted(&self, text: &str, adapted: Option<&Weights>) -> Analysis {
        let (rules, obs, chars) = self.rules_and_observation(text);
        let masks = sequence::features::hard_masks(&chars);
        let layers: Vec<&Weights> = std::iter::once(self.weights()).chain(adapted).collect();
        let mut candidates: Vec<Candidate> = sequence::suggest(&layers, &obs, Some(&masks))
            .into_iter()
            .map(|s| {
                let mut c = Candidate::new(
                    s.start,
                    s.end,
                    labels::KINDS[s.kind].clone(),
                    MODEL,
                    priority::MODEL,
                );
                c.confidence = Some(s.confidence);
                c
            })
            .collect();
        candidates.extend(
            rules
                .candidates
                .into_iter()
                .filter(|c| decides_alone(c.rule)),
        );
        Analysis {
            candidates,
            roles: rules.roles,
            boundaries: rules.boundaries,
        }
    }

    /// The guessing rules' analysis of `text` and the model's observation built on it.
    fn rules_and_observation(&self, text: &str) -> (Analysis, Observation, Vec<char>) {
        let sentence = Sentence::new(text, &self.jieba, &self.lexicons);
        let rules = self.run_rules(&sentence);
        let len = rules.boundaries.len() - 1;
        // What the model is shown: every rule's firing, unless the trainer hides some families.
        let (seen, roles): (Cow<[Candidate]>, &[RoleLink]) = if self.unseen_rules.is_empty() {
            (Cow::Borrowed(&rules.candidates), &rules.roles)
        } else {
            let seen = rules
                .candidates
                .iter()
                .filter(|c| self.model_sees(c.rule))
                .cloned()
                .collect();
            let roles: &[RoleLink] = if self.model_sees(rules::TITLE_BEFORE_NAME) {
                &rules.roles
            } else {
                &[]
            };
            (Cow::Owned(seen), roles)
        };
        let chosen = select(seen.to_vec(), len, &[]);
        let obs = sequence::features::observe(
            &sentence,
            text,
            &self.lexicons,
            &self.matcher,
            &seen,
            &chosen,
            roles,
        );
        (rules, obs, sentence.chars)
    }

    /// Runs every guessing rule over a segmented text.
    fn run_rules(&self, sentence: &Sentence) -> Analysis {
        let mut candidates = Vec::new();
        let mut roles = Vec::new();
        orgs::find(sentence, &self.lexicons, &mut candidates);
        units::find(sentence, &self.lexicons, &mut candidates);
        let organizations = candidates.clone();
        rules::find(
            sentence,
            &self.lexicons,
            &organizations,
            &mut candidates,
            &mut roles,
        );
        places::find(sentence, &self.lexicons, &mut candidates);
        let boundaries = (0..=sentence.chars.len())
            .map(|c| sentence.is_boundary(c))
            .collect();
        Analysis {
            candidates,
            roles,
            boundaries,
        }
    }

    /// Whether `word` is in the segmenter's dictionary.
    pub(crate) fn is_word(&self, word: &str) -> bool {
        self.jieba.has_word(word)
    }

    pub(crate) fn lexicons(&self) -> &Lexicons {
        &self.lexicons
    }
}

impl Default for Tagger {
    fn default() -> Self {
        Tagger::new()
    }
}

/// Every rule id a suggestion can carry, for the window's filters and legends.
pub const RULES: [&str; 22] = [
    rules::TITLE_BEFORE_NAME,
    rules::TITLE_AFTER_NAME,
    rules::BYLINE_TITLE,
    persons::AFTER_TITLE,
    persons::BEFORE_TITLE,
    persons::BYLINE,
    persons::REPEATED,
    orgs::KNOWN,
    orgs::AREA_ORGAN,
    orgs::ORGAN_NAME,
    orgs::COMPANY,
    orgs::COMPANY_SHORT,
    orgs::BRACKETED_SHORT_FORM,
    orgs::BEFORE_CORPORATE_TITLE,
    orgs::SEGMENTER,
    units::TEAM,
    units::SCHOOL,
    places::GAZETTEER,
    places::TOWN,
    places::SEGMENTER,
    places::REPEATED,
    LEXICON_CONFIRMED,
];

/// One entity of [`tag_line_json`]'s output.
#[derive(Serialize)]
struct JsonEntity<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    start: usize,
    end: usize,
    text: String,
}

/// One line of [`tag_line_json`]'s output.
#[derive(Serialize)]
struct JsonLine<'a> {
    text: &'a str,
    entities: Vec<JsonEntity<'a>>,
}

/// Tags one line and writes it as `{"text": …, "entities": [{"type", "start", "end", "text"}]}`
/// with char offsets: what `jiaodui tag` prints for each input line.
pub fn tag_line_json(tagger: &Tagger, line: &str) -> String {
    let spans = tagger.tag(line);
    let chars: Vec<char> = line.chars().collect();
    let entities = spans
        .iter()
        .map(|span| JsonEntity {
            kind: span.kind.code(),
            start: span.start,
            end: span.end,
            text: chars[span.start..span.end].iter().collect(),
        })
        .collect();
    serde_json::to_string(&JsonLine {
        text: line,
        entities,
    })
    .expect("plain strings and numbers serialise")
}

/// A sentence saying why a rule suggested a span, for the window's "why" tooltip.
pub fn describe_rule(rule: &str, lang: Lang) -> String {
    if let Some(p) = rule.strip_prefix(MODEL).and_then(|r| r.strip_prefix(':')) {
        return lang
            .pick(
                &format!("模型 {p}:由标注语料训练的序列模型建议此实体,把握为 {p}。 ({rule})"),
                &format!(
                    "model {p}: the sequence model trained on annotated text suggests this entity with confidence {p}. ({rule})"
                ),
            )
            .to_string();
    }
    let (zh, en) = match rule {
        rules::TITLE_BEFORE_NAME => (
            "职务:紧接在人名之前(如“管委会主任张红军”),并列职务以“、”“兼”分开。",
            "Title: written right before a person's name (管委会主任张红军); listed titles are split at 、 and 兼.",
        ),
        rules::BYLINE_TITLE => (
            "职务:署名中的“记者”“通讯员”等,后面跟着人名。",
            "Title: a byline word such as 记者 or 通讯员 followed by a name.",
        ),
        rules::TITLE_AFTER_NAME => (
            "职务:紧跟在人名之后(如“钟南山院士”)。",
            "Title: written right after a person's name (钟南山院士).",
        ),
        persons::BEFORE_TITLE => (
            "人名:紧接在职务之前,由姓氏加一到两个字组成(如“钟南山院士”)。",
            "Person: right before a title; a surname plus one or two characters (钟南山院士).",
        ),
        persons::AFTER_TITLE => (
            "人名:紧跟在职务之后,由姓氏加一到两个字组成。",
            "Person: follows a title; a surname plus one or two characters.",
        ),
        persons::BYLINE => (
            "人名:署名中“记者”“通讯员”等之后的名字。",
            "Person: the name after 记者, 通讯员 … in a byline.",
        ),
        units::TEAM => (
            "机构:地名加队名加“队”的运动队(如“上海海港队”)。",
            "Organization: a sports team, a place and a nickname followed by 队 (上海海港队).",
        ),
        units::SCHOOL => (
            "机构:地名加序号加“中”“小”的学校(如“北京四中”)。",
            "Organization: a school, a place and a number followed by 中 or 小 (北京四中).",
        ),
        persons::REPEATED => (
            "人名:同一项目中别处已按职务或署名识别出这个名字。",
            "Person: the same name was found next to a title or in a byline elsewhere in the project.",
        ),
        places::REPEATED => (
            "地名:同一项目中别处模型已很有把握地认出这个地名。",
            "Place: the model found the same place with high confidence elsewhere in the project.",
        ),
        orgs::KNOWN => (
            "机构:机构词表中的名称(如“省委”“管委会”“国务院”)。",
            "Organization: a name in the organization lexicon (省委, 管委会, 国务院 …).",
        ),
        orgs::AREA_ORGAN => (
            "机构:地名加机关名(如“高新区党工委”“高新公安分局”),合为一个机构。",
            "Organization: an area followed by its organ (高新区党工委, 高新公安分局), tagged as one.",
        ),
        orgs::ORGAN_NAME => (
            "机构:以“局”“领导小组”“大队”“中心”等机关词结尾的名称。",
            "Organization: a name ending in an organ word (局, 领导小组, 大队, 中心 …).",
        ),
        orgs::COMPANY => (
            "机构:以“公司”“集团”“科技”等结尾的企业名称。",
            "Organization: a company name ending in 公司, 集团, 科技 ….",
        ),
        orgs::SEGMENTER => (
            "机构:分词器标为机构名。",
            "Organization: the segmenter tagged it as an organization.",
        ),
        orgs::BEFORE_CORPORATE_TITLE => (
            "机构:“董事长”“总经理”等企业职务前的名称,视为企业。",
            "Organization: the name before a company title (董事长, 总经理 …) is taken as the company.",
        ),
        orgs::COMPANY_SHORT => (
            "机构:同一项目中出现过的企业全称的简称(如“百川畅银公司”→“百川畅银”)。",
            "Organization: the short form of a company named in full elsewhere in the project (百川畅银公司 → 百川畅银).",
        ),
        orgs::BRACKETED_SHORT_FORM => (
            "机构:写在机构全称后括号里的简称(如“浙江大学医学院附属第一医院(浙大一院)”、“(IMF)”)。",
            "Organization: the short form in brackets right after an organization's full name (浙大一院, IMF).",
        ),
        places::GAZETTEER => (
            "地名:行政区划、国家或地名词表中的名称。",
            "Place: a division of China, a country or another place of the gazetteer.",
        ),
        places::TOWN => (
            "地名:名称加“镇”“乡”“村”“街道”“新区”“岛”等。",
            "Place: a name followed by 镇, 乡, 村, 街道, 新区, 岛 ….",
        ),
        places::SEGMENTER => (
            "地名:分词器标为地名。",
            "Place: the segmenter tagged it as a place.",
        ),
        LEXICON_CONFIRMED => (
            "编辑已在本项目中确认过这个名称。",
            "The editor confirmed this name elsewhere in the project.",
        ),
        _ => ("由自动规则建议。", "Suggested by an automatic rule."),
    };
    format!("{} ({rule})", lang.pick(zh, en))
}

/// Test helper: the (type, text) of every span the guessing rules would choose for `text` on
/// their own — what the model receives as their evidence.
#[cfg(test)]
pub(crate) fn tagged(text: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let tagger = Tagger::shared();
    let sentence = Sentence::new(text, &tagger.jieba, &tagger.lexicons);
    let rules = tagger.run_rules(&sentence);
    let chosen = select(rules.candidates, chars.len(), &[]);
    chosen
        .iter()
        .map(Candidate::to_span)
        .collect::<Vec<Span>>()
        .iter()
        .map(|s| {
            (
                s.kind.code().to_string(),
                chars[s.start..s.end].iter().collect(),
            )
        })
        .collect()
}

/// Test helper: whether `text` gets a suggestion of type `kind` covering exactly `name`.
#[cfg(test)]
pub(crate) fn has(text: &str, kind: &str, name: &str) -> bool {
    tagged(text).iter().any(|(k, t)| k == kind && t == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_suggestion_carries_a_rule() {
        let spans = Tagger::shared().tag("郑州市公安局局长王建国在郑州会见美国客人。");
        assert!(spans.len() >= 3);
        assert!(spans.iter().all(|s| s.rule.is_some()));
    }

    #[test]
    fn every_rule_is_explained_in_both_languages() {
        let generic_zh = describe_rule("no:such-rule", Lang::Zh);
        let generic_en = describe_rule("no:such-rule", Lang::En);
        let prefix = |text: &str| text.split(" (").next().unwrap_or("").to_string();
        for rule in RULES {
            assert_ne!(
                prefix(&describe_rule(rule, Lang::Zh)),
                prefix(&generic_zh),
                "{rule}"
            );
            assert_ne!(
                prefix(&describe_rule(rule, Lang::En)),
                prefix(&generic_en),
                "{rule}"
            );
        }
        let distinct: std::collections::HashSet<&str> = RULES.into_iter().collect();
        assert_eq!(distinct.len(), RULES.len());
    }

    #[test]
    fn unknown_rules_get_a_generic_sentence() {
        assert!(
            describe_rule("no:such-rule", Lang::En).starts_with("Suggested by an automatic rule")
        );
        assert!(describe_rule(rules::TITLE_BEFORE_NAME, Lang::Zh).contains("职务"));
    }
}
