//! Annotated corpora as the trainer and the evaluator read them: the project's JSONL, CLUENER2020
//! and People's Daily 1998 (char-per-line BIO), each mapped to the project's four kinds.

// Each example uses part of this module.
#![allow(dead_code)]

use std::collections::BTreeSet;

use jiaodui::pipeline::entities::sequence::labels::{self, KINDS, Mask, OUTSIDE};

/// An annotated sentence: its text, its spans (kind index, start, end) and the labels allowed at
/// each char as gold (one label where the annotation decides, several where it is silent).
pub struct Annotated {
    pub text: String,
    pub spans: Vec<(usize, usize, usize)>,
    pub gold: Vec<Mask>,
}

impl Annotated {
    /// Fully annotated: every char outside the spans is outside.
    pub fn full(text: String, mut spans: Vec<(usize, usize, usize)>) -> Annotated {
        let len = text.chars().count();
        spans.sort_by_key(|&(_, s, e)| (s, std::cmp::Reverse(e)));
        let mut kept: Vec<(usize, usize, usize)> = Vec::new();
        for span in spans {
            if span.1 < span.2 && span.2 <= len && kept.last().is_none_or(|k| span.1 >= k.2) {
                kept.push(span);
            }
        }
        let gold = labels::from_spans(len, &kept)
            .into_iter()
            .map(|l| 1 << l)
            .collect();
        Annotated {
            text,
            spans: kept,
            gold,
        }
    }

    /// Lets chars that are outside in the annotation be `kind` too (a corpus that never marks
    /// that kind).
    pub fn open_outside_to(&mut self, kind: usize) {
        for mask in &mut self.gold {
            if *mask == 1 << OUTSIDE {
                *mask |= labels::kind_mask(kind);
            }
        }
    }
}

/// The kind index of a project code (PERSON, TITLE, ORG, PLACE).
pub fn kind_of(code: &str) -> Option<usize> {
    KINDS.iter().position(|k| k.code() == code)
}

/// The project's JSONL: `{"text", "entities": [{"type", "start", "end"}]}` with char offsets.
pub fn read_jsonl(content: &str) -> Vec<Annotated> {
    content
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| {
            let text = v["text"].as_str()?.to_string();
            let spans = v["entities"]
                .as_array()?
                .iter()
                .filter_map(|e| {
                    Some((
                        kind_of(e["type"].as_str()?)?,
                        e["start"].as_u64()? as usize,
                        e["end"].as_u64()? as usize,
                    ))
                })
                .collect();
            Some(Annotated::full(text, spans))
        })
        .collect()
}

/// CLUENER2020: one JSON object per line, `label` → type → name → [[start, end inclusive]].
/// name → PERSON, position → TITLE, government / organization / company → ORG, address / scene →
/// PLACE; book, game, movie are outside (the project tags no titles of works).
pub fn read_cluener(content: &str) -> Vec<Annotated> {
    // The file is a stream of JSON objects, possibly pretty-printed over several lines.
    let stream = serde_json::Deserializer::from_str(content).into_iter::<serde_json::Value>();
    stream
        .filter_map(Result::ok)
        .filter_map(|v| {
            let text = v["text"].as_str()?.to_string();
            let mut spans = Vec::new();
            for (label, names) in v["label"].as_object()? {
                let kind = match label.as_str() {
                    "name" => kind_of("PERSON"),
                    "position" => kind_of("TITLE"),
                    "government" | "organization" | "company" => kind_of("ORG"),
                    "address" | "scene" => kind_of("PLACE"),
                    _ => None,
                };
                let Some(kind) = kind else { continue };
                for ranges in names.as_object()?.values() {
                    for r in ranges.as_array()? {
                        let start = r[0].as_u64()? as usize;
                        let end = r[1].as_u64()? as usize + 1;
                        spans.push((kind, start, end));
                    }
                }
            }
            Some(Annotated::full(text, spans))
        })
        .collect()
}

/// People's Daily 1998 NER: a char and its BIO label per line, sentences separated by blank
/// lines. PER → PERSON, LOC → PLACE, ORG → ORG.
pub fn read_bio(content: &str) -> Vec<Annotated> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let mut len = 0usize;
    let mut flush = |text: &mut String,
                     spans: &mut Vec<(usize, usize, usize)>,
                     open: &mut Option<(usize, usize)>,
                     len: &mut usize| {
        if let Some((kind, start)) = open.take() {
            spans.push((kind, start, *len));
        }
        if !text.is_empty() {
            out.push(Annotated::full(std::mem::take(text), std::mem::take(spans)));
        }
        *len = 0;
    };
    for line in content.lines() {
        let line = line.trim_end_matches('\r');
        let mut parts = line.split_whitespace();
        let (Some(ch), Some(tag)) = (parts.next(), parts.next()) else {
            flush(&mut text, &mut spans, &mut open, &mut len);
            continue;
        };
        let Some(c) = ch.chars().next() else { continue };
        let kind = match tag.get(2..) {
            Some("PER") => kind_of("PERSON"),
            Some("LOC") => kind_of("PLACE"),
            Some("ORG") => kind_of("ORG"),
            _ => None,
        };
        let begins = tag.starts_with('B') || tag.starts_with('S');
        let continues = (tag.starts_with('I') || tag.starts_with('M') || tag.starts_with('E'))
            && open.is_some_and(|(k, _)| Some(k) == kind);
        if !continues {
            if let Some((k, start)) = open.take() {
                spans.push((k, start, len));
            }
            if let Some(k) = kind
                && (begins || tag.starts_with('I'))
            {
                open = Some((k, len));
            }
        }
        text.push(c);
        len += 1;
    }
    flush(&mut text, &mut spans, &mut open, &mut len);
    out
}

/// Exact-span counts per kind.
#[derive(Default, Clone)]
pub struct Score {
    pub gold: [usize; 4],
    pub found: [usize; 4],
    pub hits: [usize; 4],
}

impl Score {
    /// Adds one sentence.
    pub fn add(&mut self, gold: &[(usize, usize, usize)], found: &[(usize, usize, usize)]) {
        let g: BTreeSet<_> = gold.iter().collect();
        let f: BTreeSet<_> = found.iter().collect();
        for &&(k, _, _) in &g {
            self.gold[k] += 1;
        }
        for &&(k, _, _) in &f {
            self.found[k] += 1;
        }
        for &&(k, _, _) in g.intersection(&f) {
            self.hits[k] += 1;
        }
    }

    fn prf(gold: usize, found: usize, hits: usize) -> (f64, f64, f64) {
        let p = if found == 0 {
            0.0
        } else {
            hits as f64 / found as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            hits as f64 / gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    /// Micro (P, R, F1) over `kinds`.
    pub fn micro(&self, kinds: &[usize]) -> (f64, f64, f64) {
        let sum = |a: &[usize; 4]| kinds.iter().map(|&k| a[k]).sum::<usize>();
        Score::prf(sum(&self.gold), sum(&self.found), sum(&self.hits))
    }

    /// A table of per-kind and micro figures over `kinds`, with display names.
    pub fn table(&self, kinds: &[(usize, &str)]) -> String {
        let mut out = String::new();
        for &(k, name) in kinds {
            let (p, r, f) = Score::prf(self.gold[k], self.found[k], self.hits[k]);
            out.push_str(&format!(
                "{name:7} P {p:.3} R {r:.3} F1 {f:.3}  (gold {}, found {}, exact {})\n",
                self.gold[k], self.found[k], self.hits[k]
            ));
        }
        let ks: Vec<usize> = kinds.iter().map(|&(k, _)| k).collect();
        let (p, r, f) = self.micro(&ks);
        out.push_str(&format!("micro   P {p:.3} R {r:.3} F1 {f:.3}\n"));
        out
    }
}
