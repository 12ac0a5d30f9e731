//! The entity tagger on arbitrary text: never panics, spans lie inside the text, ordered and
//! non-overlapping.
#![no_main]

use jiaodui::pipeline::entities::Tagger;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let len = text.chars().count();
    let spans = Tagger::shared().tag(text);
    let mut last_end = 0;
    for span in spans {
        assert!(span.start < span.end && span.end <= len);
        assert!(span.start >= last_end);
        last_end = span.end;
    }
});
