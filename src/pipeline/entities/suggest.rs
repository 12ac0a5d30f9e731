//! Suggestions for a whole project: every field tagged in parallel, names found in one article
//! spread to the others, what the editor confirmed suggested everywhere and what they rejected
//! never again, mentions linked into the registry — all as one undoable edit.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::model::{Edit, EntityKind, FieldRef, Project, Span, SpanStatus, TextField};

use super::candidates::{Candidate, RoleLink, anchor_titles, priority, select};
use super::registry::{self, LinkedField};
use super::{Analysis, Tagger, orgs, persons, places, sequence};

/// Rule id of names the editor confirmed in this project.
pub const LEXICON_CONFIRMED: &str = "lexicon:confirmed";

/// Names to look for in every text, with the candidate each match makes.
pub(crate) struct Names {
    /// Built when there are enough names for an automaton to pay off; a handful of names (one
    /// text's) are searched for one by one.
    automaton: Option<AhoCorasick>,
    patterns: Vec<String>,
    made: Vec<(EntityKind, &'static str, u8)>,
}

/// Lowest confidence of a person or place the model found for the name to be looked for
/// elsewhere.
const REPEAT_FROM: f32 = 0.9;

/// Fewest names for which [`Names`] builds an automaton.
const AUTOMATON_FROM: usize = 8;

impl Names {
    /// Names found by strong rules in `texts` (with the candidates chosen there: persons next to a
    /// title or in a byline, short forms of company names) and the names the editor taught
    /// (`learnt`, which come first).
    pub fn from_texts<'t>(
        tagger: &Tagger,
        texts: impl IntoIterator<Item = (&'t str, &'t [Candidate])>,
        learnt: &[(String, EntityKind)],
    ) -> Names {
        let mut seen = HashSet::new();
        let mut patterns = Vec::new();
        let mut made = Vec::new();
        let mut add = |text: String, kind: EntityKind, rule: &'static str, strength: u8| {
            if text.chars().count() >= 2 && seen.insert(text.clone()) {
                patterns.push(text);
                made.push((kind, rule, strength));
            }
        };
        for (text, kind) in learnt {
            add(
                text.clone(),
                kind.clone(),
                LEXICON_CONFIRMED,
                priority::LEARNT,
            );
        }
        for (text, chosen) in texts {
            let mut chars: Vec<char> = Vec::new();
            for candidate in chosen {
                let strong = matches!(
                    candidate.rule,
                    persons::AFTER_TITLE
                        | persons::BYLINE
                        | persons::BEFORE_TITLE
                        | orgs::BEFORE_CORPORATE_TITLE
                        | orgs::COMPANY
                        | super::MODEL
                );
                if !strong {
                    continue;
                }
                if chars.is_empty() {
                    chars = text.chars().collect();
                }
                let name: String = chars[candidate.start..candidate.end].iter().collect();
                match candidate.rule {
                    persons::AFTER_TITLE | persons::BYLINE | persons::BEFORE_TITLE => {
                        add(
                            name,
                            EntityKind::Person,
                            persons::REPEATED,
                            priority::REPEATED,
                        );
                    }
                    orgs::BEFORE_CORPORATE_TITLE => {
                        add(
                            name,
                            EntityKind::Org,
                            orgs::COMPANY_SHORT,
                            priority::REPEATED,
                        );
                    }
                    super::MODEL
                        if candidate.kind == EntityKind::Person
                            && candidate.confidence.is_some_and(|p| p >= REPEAT_FROM) =>
                    {
                        add(
                            name,
                            EntityKind::Person,
                            persons::REPEATED,
                            priority::REPEATED,
                        );
                    }
                    super::MODEL
                        if candidate.kind == EntityKind::Place
                            && candidate.confidence.is_some_and(|p| p >= REPEAT_FROM) =>
                    {
                        add(
                            name,
                            EntityKind::Place,
                            places::REPEATED,
                            priority::REPEATED,
                        );
                    }
                    orgs::COMPANY | super::MODEL if candidate.kind == EntityKind::Org => {
                        let short = orgs::company_short_form(&name, tagger.lexicons(), |w| {
                            tagger.is_word(w)
                        });
                        if let Some(short) = short {
                            add(
                                short,
                                EntityKind::Org,
                                orgs::COMPANY_SHORT,
                                priority::REPEATED,
                            );
                        }
                    }
                    _ => {}
                }
            }
        }
        let automaton = (patterns.len() >= AUTOMATON_FROM).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&patterns)
                .expect("plain string patterns build")
        });
        Names {
            automaton,
            patterns,
            made,
        }
    }

    /// Byte ranges and pattern indices of the names in `text`, leftmost-longest, not overlapping.
    fn matches(&self, text: &str) -> Vec<(usize, usize, usize)> {
        if let Some(automaton) = &self.automaton {
            return automaton
                .find_iter(text)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
        }
        let mut all: Vec<(usize, usize, usize)> = self
            .patterns
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                text.match_indices(p.as_str())
                    .map(move |(at, _)| (at, at + p.len(), i))
            })
            .collect();
        all.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut kept: Vec<(usize, usize, usize)> = Vec::with_capacity(all.len());
        for m in all {
            if kept.last().is_none_or(|last| m.0 >= last.1) {
                kept.push(m);
            }
        }
        kept
    }

    /// Candidates for the names in `text`. Names found by rules must start and end on word
    /// boundaries (`boundaries[c]`); names the editor confirmed count wherever they appear.
    pub fn find(&self, text: &str, boundaries: &[bool]) -> Vec<Candidate> {
        if self.patterns.is_empty() {
            return Vec::new();
        }
        let mut found = Vec::new();
        let (mut byte, mut char_at) = (0, 0);
        for (m_start, m_end, pattern) in self.matches(text) {
            char_at += text[byte..m_start].chars().count();
            let start = char_at;
            let end = start + text[m_start..m_end].chars().count();
            byte = m_start;
            let (kind, rule, strength) = &self.made[pattern];
            let starts_word = boundaries.get(start).copied().unwrap_or(false);
            let ends_word = boundaries.get(end).copied().unwrap_or(false);
            // A company's short form is distinctive enough that the segmenter may have glued the
            // next word to it (百川畅银于).
            let fits = match *rule {
                LEXICON_CONFIRMED => true,
                orgs::COMPANY_SHORT => starts_word,
                _ => starts_word && ends_word,
            };
            if fits {
                found.push(Candidate::new(start, end, kind.clone(), rule, *strength));
            }
        }
        found
    }
}

/// Runs `work` on every item, spread over the available cores; results keep the items' order.
fn parallel_map<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len());
    // Inside a rayon worker (a batch import runs one issue per core) the cores are busy already.
    if threads <= 1 || rayon::current_thread_index().is_some() {
        return items.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let parts: Vec<Vec<(usize, R)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else {
                            break;
                        };
                        done.push((i, work(item)));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a tagging thread panicked"))
            .collect()
    });
    let mut results: Vec<Option<R>> = (0..items.len()).map(|_| None).collect();
    for (i, result) in parts.into_iter().flatten() {
        results[i] = Some(result);
    }
    results
        .into_iter()
        .map(|r| r.expect("every item was processed"))
        .collect()
}

/// One field on its way through the suggestion passes.
struct FieldWork<'p> {
    at: FieldRef,
    field: &'p TextField,
    /// Char ranges of the editor's confirmed spans: no suggestion may touch them.
    confirmed: Vec<(usize, usize)>,
}

/// What the first pass found in a field.
struct FirstPass {
    analysis: Analysis,
    chosen: Vec<Candidate>,
}

/// Suggests entities for every field of the project (respecting confirmed spans, the lexicon and
/// the rejections) and links mentions into the registry, as one undoable edit.
///
/// The edit sets whole fields, so apply it to the project it was computed from, before any other
/// edit: computing it off the UI thread is fine, applying it after the editor typed is not.
pub fn suggest_project(project: &Project, tagger: &Tagger) -> Edit {
    let work: Vec<FieldWork> = project
        .articles
        .iter()
        .enumerate()
        .flat_map(|(a, article)| {
            article
                .fields()
                .map(move |(slot, field)| (FieldRef::new(a, slot), field))
        })
        .filter(|(_, field)| !field.text.is_empty())
        .map(|(at, field)| FieldWork {
            at,
            field,
            confirmed: field
                .spans
                .iter()
                .filter(|s| s.status == SpanStatus::Confirmed)
                .map(|s| (s.start, s.end))
                .collect(),
        })
        .collect();
    let rejected: HashSet<(&str, &EntityKind)> = project
        .rejected
        .iter()
        .map(|r| (r.text.as_str(), &r.kind))
        .collect();
    let allowed = |candidate: &Candidate, chars: &[char]| {
        let text: String = chars[candidate.start..candidate.end].iter().collect();
        !rejected.contains(&(text.as_str(), &candidate.kind))
    };

    // What the editor decided in this project, as a layer of weights over the shipped ones.
    let taught = sequence::taught::from_project(project);
    let adapted = sequence::adapt::learn(tagger.weights(), &taught, |t| tagger.observe(t));

    let first: Vec<FirstPass> = parallel_map(&work, |w| {
        let mut analysis = tagger.analyse_adapted(&w.field.text, adapted.as_ref());
        let len = analysis.boundaries.len() - 1;
        if !rejected.is_empty() {
            let chars: Vec<char> = w.field.text.chars().collect();
            analysis.candidates.retain(|c| allowed(c, &chars));
        }
        let chars: Vec<char> = w.field.text.chars().collect();
        let chosen = anchor_titles(
            select(analysis.candidates.clone(), len, &w.confirmed),
            &chars,
        );
        FirstPass { analysis, chosen }
    });

    let learnt = learnt_names(project);
    let names = Names::from_texts(
        tagger,
        work.iter()
            .zip(&first)
            .map(|(w, pass)| (w.field.text.as_str(), pass.chosen.as_slice())),
        &learnt,
    );

    let items: Vec<(&FieldWork, &FirstPass)> = work.iter().zip(&first).collect();
    let mut linked: Vec<LinkedField> = parallel_map(&items, |(w, pass)| {
        let len = pass.analysis.boundaries.len() - 1;
        let mut repeated = names.find(&w.field.text, &pass.analysis.boundaries);
        if !rejected.is_empty() && !repeated.is_empty() {
            let chars: Vec<char> = w.field.text.chars().collect();
            repeated.retain(|c| allowed(c, &chars));
        }
        // Most fields repeat no name found elsewhere: their first choice stands.
        let chosen = if repeated.is_empty() {
            pass.chosen.clone()
        } else {
            let mut candidates = pass.analysis.candidates.clone();
            candidates.extend(repeated);
            let chars: Vec<char> = w.field.text.chars().collect();
            anchor_titles(select(candidates, len, &w.confirmed), &chars)
        };
        let roles = kept_roles(&pass.analysis.roles, &chosen);
        let mut spans: Vec<Span> = w
            .field
            .spans
            .iter()
            .filter(|s| s.status == SpanStatus::Confirmed)
            .cloned()
            .collect();
        spans.extend(chosen.iter().map(Candidate::to_span));
        spans.sort_by_key(|s| (s.start, s.end));
        LinkedField::new(&w.field.text, spans, roles)
    });

    let mut registry = project.registry.clone();
    registry::link(&mut registry, tagger, &mut linked);

    let mut edits = Vec::new();
    for (w, field) in work.iter().zip(linked) {
        if field.spans != w.field.spans {
            let mut updated = w.field.clone();
            updated.spans = field.spans;
            edits.push(Edit::SetField {
                at: w.at,
                field: updated,
            });
        }
    }
    if registry != project.registry {
        edits.push(Edit::SetRegistry(registry));
    }
    Edit::Batch(edits)
}

/// The names the editor taught the project: its lexicon and the text of every confirmed span.
fn learnt_names(project: &Project) -> Vec<(String, EntityKind)> {
    let mut learnt: Vec<(String, EntityKind)> = project
        .lexicon
        .iter()
        .map(|entry| (entry.text.clone(), entry.kind.clone()))
        .collect();
    for article in &project.articles {
        for (_, field) in article.fields() {
            for span in field
                .spans
                .iter()
                .filter(|s| s.status == SpanStatus::Confirmed)
            {
                if matches!(
                    span.kind,
                    EntityKind::Person | EntityKind::Org | EntityKind::Place
                ) {
                    learnt.push((
                        field.slice(span.start, span.end).to_string(),
                        span.kind.clone(),
                    ));
                }
            }
        }
    }
    learnt.retain(|(text, kind)| !project.is_rejected(text, kind));
    learnt
}

/// The roles whose person and title were chosen; the organization only if it was chosen too.
fn kept_roles(roles: &[RoleLink], chosen: &[Candidate]) -> Vec<RoleLink> {
    let has = |range: (usize, usize), kind: &EntityKind| {
        chosen
            .iter()
            .any(|c| (c.start, c.end) == range && &c.kind == kind)
    };
    roles
        .iter()
        .filter(|r| has(r.person, &EntityKind::Person) && has(r.title, &EntityKind::Title))
        .map(|r| RoleLink {
            org: r.org.filter(|&o| has(o, &EntityKind::Org)),
            ..*r
        })
        .collect()
}
