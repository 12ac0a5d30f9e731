//! Structure corrections the editor made, remembered by shape, and offered again elsewhere.
//!
//! When the editor marks a paragraph as a crosshead or a note, or merges back an article that
//! the import had wrongly started at a crosshead, the project keeps a [`Lesson`]: the [`Shape`]
//! of the line that was corrected and the correction. The window then offers the same
//! correction at the other places of the project with the same shape ("5 similar crossheads:
//! merge all?"), applied as one undoable step. Lessons are saved with the project, so they keep
//! working on the next session; the text of the corrected line is not stored, only its shape.
//!
//! Every correction here is built as an [`Edit`], like any other change.

use serde::{Deserialize, Serialize};

use super::edit::Edit;
use super::project::{Article, FieldSlot, Project};
use super::shape::{Length, Shape};
use super::text::ParagraphKind;
use crate::i18n::Lang;

/// Which header fields an article has besides its headline: a crosshead taken for a headline
/// comes without kicker, deck or byline, a real article usually has one of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Header {
    pub kicker: bool,
    pub deck: bool,
    pub byline: bool,
}

impl Header {
    fn of(article: &Article) -> Header {
        Header {
            kicker: !article.kicker.is_empty(),
            deck: !article.subheadline.is_empty(),
            byline: !article.byline.is_empty(),
        }
    }
}

/// What the editor corrected at a line of a given shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Fix {
    /// A paragraph of this shape is of this kind.
    Kind(ParagraphKind),
    /// An article whose headline has this shape, and whose other header fields are as given,
    /// is no article: it continues the previous one, and its headline is a crosshead.
    MergeAtCrosshead(Header),
}

/// One correction, remembered by the shape of the line it concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Lesson {
    pub shape: Shape,
    pub fix: Fix,
}

impl Lesson {
    /// Whether `other` is about the same lines (a newer correction of them replaces the older).
    fn same_lines(&self, other: &Lesson) -> bool {
        self.shape == other.shape
            && match (self.fix, other.fix) {
                (Fix::Kind(_), Fix::Kind(_)) => true,
                (Fix::MergeAtCrosshead(a), Fix::MergeAtCrosshead(b)) => a == b,
                _ => false,
            }
    }
}

/// The project's lessons with `lesson` added; one it supersedes (same lines) goes.
fn learn(project: &Project, lesson: Lesson) -> Vec<Lesson> {
    let mut lessons: Vec<Lesson> = project
        .lessons
        .iter()
        .filter(|l| !l.same_lines(&lesson))
        .copied()
        .collect();
    lessons.push(lesson);
    lessons
}

/// Sets the kind of a paragraph and remembers the correction. `None` when there is no such
/// paragraph or it already has that kind.
pub fn set_kind(
    project: &Project,
    article: usize,
    paragraph: usize,
    kind: ParagraphKind,
) -> Option<Edit> {
    let field = project.articles.get(article)?.paragraphs.get(paragraph)?;
    if field.kind == kind {
        return None;
    }
    let lesson = Lesson {
        shape: Shape::of(&field.text),
        fix: Fix::Kind(kind),
    };
    Some(Edit::Batch(vec![
        Edit::SetParagraphKind {
            article,
            paragraph,
            kind,
        },
        Edit::SetLessons(learn(project, lesson)),
    ]))
}

/// Merges article `article + 1` into `article`. When the merged article has a headline and text
/// under it, that headline was a heading inside the article — a crosshead: it is marked so, and
/// the correction is remembered. `None` when there is no next article.
pub fn merge_with_next(project: &Project, article: usize) -> Option<Edit> {
    let first = project.articles.get(article)?;
    let next = project.articles.get(article + 1)?;
    let merge = Edit::MergeWithNext { article };
    if next.headline.is_empty() || next.paragraphs.is_empty() {
        return Some(merge);
    }
    let lesson = Lesson {
        shape: Shape::of(&next.headline.text),
        fix: Fix::MergeAtCrosshead(Header::of(next)),
    };
    Some(Edit::Batch(vec![
        merge,
        mark_merged_headline(first, next, article),
        Edit::SetLessons(learn(project, lesson)),
    ]))
}

/// Marks, after `next` was merged into `first` (at index `article`), the paragraph that was
/// `next`'s headline as a crosshead. The merge puts the kicker, then the headline, after the
/// first article's paragraphs.
fn mark_merged_headline(first: &Article, next: &Article, article: usize) -> Edit {
    let paragraph = first.paragraphs.len() + usize::from(!next.kicker.is_empty());
    Edit::SetParagraphKind {
        article,
        paragraph,
        kind: ParagraphKind::Crosshead,
    }
}

/// A place a lesson applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Place {
    /// A paragraph whose kind should change.
    Paragraph { article: usize, paragraph: usize },
    /// An article to merge into the previous one.
    Article(usize),
}

/// A lesson and the other places of the project it applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    pub lesson: Lesson,
    /// In project order; never empty.
    pub places: Vec<Place>,
}

/// The places where `lesson` would change something, or `None` when there are none.
///
/// A paragraph shape is worth offering only when it singles lines out: the shape of running
/// text (more than 32 chars), or one that half the paragraphs of the project share, says
/// nothing about the lines the editor corrected, and no offer is made for it.
pub fn offer(project: &Project, lesson: Lesson) -> Option<Offer> {
    if matches!(lesson.fix, Fix::Kind(_)) && lesson.shape.length == Length::Running {
        return None;
    }
    let mut places = Vec::new();
    for (a, article) in project.articles.iter().enumerate() {
        match lesson.fix {
            Fix::Kind(kind) => {
                for (p, field) in article.paragraphs.iter().enumerate() {
                    if field.kind != kind && Shape::of(&field.text) == lesson.shape {
                        places.push(Place::Paragraph {
                            article: a,
                            paragraph: p,
                        });
                    }
                }
            }
            Fix::MergeAtCrosshead(header) => {
                let looks_alike = a > 0
                    && !article.headline.is_empty()
                    && !article.paragraphs.is_empty()
                    && Header::of(article) == header
                    && Shape::of(&article.headline.text) == lesson.shape;
                if looks_alike {
                    places.push(Place::Article(a));
                }
            }
        }
    }
    if matches!(lesson.fix, Fix::Kind(_)) {
        let same_shape = project
            .articles
            .iter()
            .flat_map(|a| &a.paragraphs)
            .filter(|p| Shape::of(&p.text) == lesson.shape)
            .count();
        if same_shape * 2 >= project.paragraph_count() {
            return None;
        }
    }
    (!places.is_empty()).then_some(Offer { lesson, places })
}

/// The offer for the lesson learnt last, if it applies anywhere else.
pub fn offer_for_latest(project: &Project) -> Option<Offer> {
    offer(project, *project.lessons.last()?)
}

impl Offer {
    /// The edit that applies the lesson at every place, as one step. Articles are merged from
    /// the last to the first, so that each merge leaves the indices of the next one valid.
    pub fn edit(&self, project: &Project) -> Edit {
        let mut edits = Vec::new();
        for place in self.places.iter().rev() {
            match (*place, self.lesson.fix) {
                (Place::Paragraph { article, paragraph }, Fix::Kind(kind)) => {
                    edits.push(Edit::SetParagraphKind {
                        article,
                        paragraph,
                        kind,
                    })
                }
                (Place::Article(a), Fix::MergeAtCrosshead(_)) => {
                    let (first, next) = (&project.articles[a - 1], &project.articles[a]);
                    edits.push(Edit::MergeWithNext { article: a - 1 });
                    edits.push(mark_merged_headline(first, next, a - 1));
                }
                _ => {}
            }
        }
        Edit::Batch(edits)
    }

    /// The question put to the editor: "还有 5 处相似的小标题：全部合并？".
    pub fn question(&self, lang: Lang) -> String {
        let n = self.places.len();
        match (self.lesson.fix, lang) {
            (Fix::MergeAtCrosshead(_), Lang::Zh) => format!("还有 {n} 处相似的小标题：全部合并？"),
            (Fix::MergeAtCrosshead(_), Lang::En) => {
                format!(
                    "{n} similar {}: merge all?",
                    plural(n, "crosshead", "crossheads")
                )
            }
            (Fix::Kind(kind), Lang::Zh) => {
                format!("还有 {n} 处相似的段落：全部设为{}？", kind.name(lang))
            }
            (Fix::Kind(kind), Lang::En) => format!(
                "{n} similar {}: mark all as {}?",
                plural(n, "paragraph", "paragraphs"),
                kind.name(lang).to_lowercase()
            ),
        }
    }

    /// The text of the button that accepts the offer.
    pub fn accept_label(&self, lang: Lang) -> &'static str {
        match self.lesson.fix {
            Fix::MergeAtCrosshead(_) => lang.pick("全部合并", "Merge all"),
            Fix::Kind(_) => lang.pick("全部设置", "Apply to all"),
        }
    }

    /// The undo label of the accepted offer.
    pub fn undo_label(&self, lang: Lang) -> String {
        let n = self.places.len();
        match (self.lesson.fix, lang) {
            (Fix::MergeAtCrosshead(_), Lang::Zh) => format!("合并 {n} 处相似的小标题"),
            (Fix::MergeAtCrosshead(_), Lang::En) => {
                format!("merge {n} similar {}", plural(n, "crosshead", "crossheads"))
            }
            (Fix::Kind(kind), Lang::Zh) => format!("{n} 处设为{}", kind.name(lang)),
            (Fix::Kind(kind), Lang::En) => format!(
                "mark {n} {} as {}",
                plural(n, "paragraph", "paragraphs"),
                kind.name(lang).to_lowercase()
            ),
        }
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// Where each place of an offer is, for a list the editor can check: the article index and the
/// line that would change.
pub fn place_text(project: &Project, place: Place) -> Option<(usize, &str)> {
    match place {
        Place::Paragraph { article, paragraph } => project
            .articles
            .get(article)?
            .field(FieldSlot::Paragraph(paragraph))
            .map(|f| (article, f.text.as_str())),
        Place::Article(a) => project
            .articles
            .get(a)
            .map(|article| (a, article.headline.text.as_str())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Source, TextField};

    /// A report cut by the import at each of its three crossheads, plus a real second article
    /// with a byline, and a note left as body text in two places.
    fn wrongly_split() -> Project {
        let mut project = Project::new(Source::default());
        let mut add = |headline: &str, byline: &str, paragraphs: &[&str]| {
            let mut article = Article::new(project.allocate_article_id());
            article.headline = TextField::plain(headline);
            article.byline = TextField::plain(byline);
            article.paragraphs = paragraphs.iter().map(|p| TextField::plain(*p)).collect();
            project.articles.push(article);
        };
        add(
            "乡村振兴的三个关键词",
            "本报记者 王某",
            &["开头一段，说明背景。", "（作者为某大学教授）"],
        );
        add("难点", "", &["难点在于人才。"]);
        add("亮点", "", &["亮点在于产业。"]);
        add("长效", "", &["长效在于机制。", "（作者为某研究院院长）"]);
        add("第二篇文章的标题", "记者 李某", &["正文一段。"]);
        add("其他", "记者 赵某", &["另一篇。"]);
        project
    }

    #[test]
    fn a_merge_at_a_crosshead_is_learnt_and_offered_for_the_others() {
        let mut project = wrongly_split();
        let before = project.clone();
        let edit = merge_with_next(&project, 0).expect("there is a next article");
        let undo = edit.apply(&mut project).unwrap();
        let first = &project.articles[0];
        assert_eq!(first.paragraphs[2].text, "难点");
        assert_eq!(first.paragraphs[2].kind, ParagraphKind::Crosshead);
        assert_eq!(project.lessons.len(), 1);

        let offer = offer_for_latest(&project).expect("two more crossheads look the same");
        // 亮点 and 长效 — not 其他: that article has a byline, as real articles do.
        assert_eq!(offer.places, vec![Place::Article(1), Place::Article(2)]);
        assert_eq!(
            offer.question(Lang::Zh),
            "还有 2 处相似的小标题：全部合并？"
        );
        let batch = offer.edit(&project);
        let undo_batch = batch.apply(&mut project).unwrap();
        assert_eq!(project.articles.len(), 3);
        let report: Vec<(&str, ParagraphKind)> = project.articles[0]
            .paragraphs
            .iter()
            .map(|p| (p.text.as_str(), p.kind))
            .collect();
        use ParagraphKind::{Body, Crosshead};
        assert_eq!(
            report,
            vec![
                ("开头一段，说明背景。", Body),
                ("（作者为某大学教授）", Body),
                ("难点", Crosshead),
                ("难点在于人才。", Body),
                ("亮点", Crosshead),
                ("亮点在于产业。", Body),
                ("长效", Crosshead),
                ("长效在于机制。", Body),
                ("（作者为某研究院院长）", Body),
            ]
        );
        assert!(
            offer_for_latest(&project).is_none(),
            "nothing left to offer"
        );

        undo_batch.apply(&mut project).unwrap();
        undo.apply(&mut project).unwrap();
        assert_eq!(project, before, "both steps undo exactly");
    }

    #[test]
    fn marking_a_note_is_learnt_and_offered_for_the_same_shape() {
        let mut project = wrongly_split();
        let edit = set_kind(&project, 0, 1, ParagraphKind::Note).unwrap();
        edit.apply(&mut project).unwrap();
        assert_eq!(project.articles[0].paragraphs[1].kind, ParagraphKind::Note);
        let offer = offer_for_latest(&project).expect("the other author note");
        assert_eq!(
            offer.places,
            vec![Place::Paragraph {
                article: 3,
                paragraph: 1
            }]
        );
        assert_eq!(
            place_text(&project, offer.places[0]),
            Some((3, "（作者为某研究院院长）"))
        );
        assert_eq!(
            offer.question(Lang::En),
            "1 similar paragraph: mark all as note?"
        );
        offer.edit(&project).apply(&mut project).unwrap();
        assert_eq!(project.articles[3].paragraphs[1].kind, ParagraphKind::Note);
        assert!(
            set_kind(&project, 3, 1, ParagraphKind::Note).is_none(),
            "already a note"
        );
    }

    #[test]
    fn a_newer_correction_of_the_same_lines_replaces_the_older() {
        let mut project = wrongly_split();
        set_kind(&project, 0, 1, ParagraphKind::Note)
            .unwrap()
            .apply(&mut project)
            .unwrap();
        set_kind(&project, 0, 1, ParagraphKind::Caption)
            .unwrap()
            .apply(&mut project)
            .unwrap();
        assert_eq!(project.lessons.len(), 1);
        assert_eq!(project.lessons[0].fix, Fix::Kind(ParagraphKind::Caption));
    }

    #[test]
    fn a_shape_that_most_paragraphs_share_is_not_offered() {
        let mut project = wrongly_split();
        // Running text marked as a box: every long paragraph looks like that.
        project.articles[0].paragraphs[0] = TextField::plain(
            "开头一段，说明背景，这一段写得很长很长，超过了三十二个字，和正文的其他段落一样长。",
        );
        project.articles[4].paragraphs[0] = TextField::plain(
            "正文一段，同样写得很长很长很长，超过了三十二个字，和上面那一段的外形完全一样。",
        );
        set_kind(&project, 0, 0, ParagraphKind::Box)
            .unwrap()
            .apply(&mut project)
            .unwrap();
        assert!(offer_for_latest(&project).is_none());
        // Short sentences that make up most of the project.
        let mut project = wrongly_split();
        set_kind(&project, 1, 0, ParagraphKind::Caption)
            .unwrap()
            .apply(&mut project)
            .unwrap();
        assert!(offer_for_latest(&project).is_none());
    }

    #[test]
    fn merging_a_lone_line_teaches_nothing() {
        let mut project = wrongly_split();
        project.articles[1].paragraphs.clear();
        let edit = merge_with_next(&project, 0).unwrap();
        assert_eq!(edit, Edit::MergeWithNext { article: 0 });
    }
}
