//! Project loading on arbitrary text: never panics; what loads is consistent and round-trips.
#![no_main]

use jiaodui::formats::project::{from_ron, to_ron};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(project) = from_ron(text) {
        assert_eq!(from_ron(&to_ron(&project)).unwrap(), project);
    }
});
