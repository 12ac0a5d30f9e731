//! Decoding and structure recovery on arbitrary bytes: never panics; what it accepts keeps the
//! model's invariants and survives a project save/load.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(project) = jiaodui::pipeline::import_structure(bytes, "fuzz.txt") {
        assert!(!project.source.text.contains('\r'));
        jiaodui::formats::project::validate(&project).expect("import makes a valid project");
        let text = jiaodui::formats::project::to_ron(&project);
        assert_eq!(jiaodui::formats::project::from_ron(&text).unwrap(), project);
    }
});
