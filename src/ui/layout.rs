//! Laying out a field's text with its entity spans and find matches, cached per field.
//!
//! Suggested spans get a light tint (and, from the article pane, a dashed underline) in their
//! type's colour; confirmed spans a solid background, so the two are told apart at a glance.
//! Layout is the expensive part of drawing text, so galleys are kept keyed by a hash of
//! everything that shapes them.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use egui::text::{LayoutJob, LayoutSection, TextFormat};
use egui::{Color32, FontId, Galley};

use crate::model::{EntityKind, Project, SpanStatus, TextField};

/// A find match to highlight, in chars of the field; `current` is the one find moved to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
    pub current: bool,
}

/// Background of find matches.
pub fn match_color(current: bool, dark: bool) -> Color32 {
    match (current, dark) {
        (true, _) => Color32::from_rgb(255, 150, 30),
        (false, false) => Color32::from_rgb(255, 235, 120),
        (false, true) => Color32::from_rgb(120, 100, 20),
    }
}

/// The colour of an entity type from the project's type table.
pub fn kind_color(project: &Project, kind: &EntityKind) -> Color32 {
    let [r, g, b] = project.entity_type(kind).color;
    Color32::from_rgb(r, g, b)
}

/// Everything that decides how a field looks, used to build its [`LayoutJob`].
pub struct FieldLook<'a> {
    pub field: &'a TextField,
    pub project: &'a Project,
    pub highlights: &'a [Highlight],
    pub font: FontId,
    pub color: Color32,
    pub dark: bool,
    pub wrap_width: f32,
    /// Set in italics (captions).
    pub italics: bool,
}

impl FieldLook<'_> {
    fn key(&self) -> u64 {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.field.text.hash(&mut hasher);
        self.field.spans.hash(&mut hasher);
        self.highlights.hash(&mut hasher);
        self.font.hash(&mut hasher);
        self.color.hash(&mut hasher);
        self.dark.hash(&mut hasher);
        self.wrap_width.to_bits().hash(&mut hasher);
        self.italics.hash(&mut hasher);
        hasher.finish()
    }

    /// The layout job: one section per stretch of uniform look.
    pub fn job(&self) -> LayoutJob {
        let text = &self.field.text;
        let byte_of: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let len = byte_of.len() - 1;
        let mut cuts = vec![0, len];
        for span in &self.field.spans {
            cuts.extend([span.start.min(len), span.end.min(len)]);
        }
        for h in self.highlights {
            cuts.extend([h.start.min(len), h.end.min(len)]);
        }
        cuts.sort_unstable();
        cuts.dedup();
        let mut job = LayoutJob {
            text: text.clone(),
            ..Default::default()
        };
        job.wrap.max_width = self.wrap_width;
        for pair in cuts.windows(2) {
            let (start, end) = (pair[0], pair[1]);
            if start == end {
                continue;
            }
            job.sections.push(LayoutSection {
                leading_space: 0.0,
                byte_range: egui::text::ByteIndex(byte_of[start])
                    ..egui::text::ByteIndex(byte_of[end]),
                format: self.format_at(start),
            });
        }
        job
    }

    fn format_at(&self, pos: usize) -> TextFormat {
        let mut format = TextFormat {
            font_id: self.font.clone(),
            color: self.color,
            italics: self.italics,
            ..Default::default()
        };
        if let Some(span) = self
            .field
            .spans
            .iter()
            .find(|s| s.start <= pos && pos < s.end)
        {
            let color = kind_color(self.project, &span.kind);
            match span.status {
                SpanStatus::Confirmed => {
                    format.background = color.gamma_multiply(if self.dark { 0.75 } else { 0.45 });
                }
                SpanStatus::Suggested => {
                    // The dashed underline is painted over the laid-out text by the article pane.
                    format.background = color.gamma_multiply(0.12);
                }
            }
        }
        if let Some(h) = self
            .highlights
            .iter()
            .find(|h| h.start <= pos && pos < h.end)
        {
            format.background = match_color(h.current, self.dark);
        }
        format
    }
}

/// Galleys of recently drawn fields, keyed by [`FieldLook`].
#[derive(Default)]
pub struct GalleyCache {
    galleys: HashMap<u64, (u64, Arc<Galley>)>,
    frame: u64,
}

impl GalleyCache {
    /// Entries unused for this many frames are dropped.
    const KEEP_FRAMES: u64 = 120;

    /// The galley of `look`, laid out now only if it is not cached.
    pub fn galley(&mut self, ctx: &egui::Context, look: &FieldLook<'_>) -> Arc<Galley> {
        let key = look.key();
        let frame = self.frame;
        let entry = self
            .galleys
            .entry(key)
            .or_insert_with(|| (frame, ctx.fonts_mut(|f| f.layout_job(look.job()))));
        entry.0 = frame;
        entry.1.clone()
    }

    /// Called once per frame: forgets galleys not used lately.
    pub fn end_frame(&mut self) {
        self.frame += 1;
        if self.frame.is_multiple_of(60) {
            let frame = self.frame;
            self.galleys
                .retain(|_, (used, _)| frame - *used <= Self::KEEP_FRAMES);
        }
    }
}
