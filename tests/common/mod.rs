//! What the window tests share: the app in a headless harness, as a user sees it.

#![allow(dead_code)] // each test file uses its own part

use egui_kittest::Harness;
use jiaodui::ui::App;

/// The workbench over the sample bulletin (structure only: tests need no dictionary).
pub fn sample_app() -> App {
    let project = jiaodui::pipeline::import_structure(
        jiaodui::SAMPLE_BULLETIN.as_bytes(),
        jiaodui::SAMPLE_NAME,
    )
    .expect("the sample imports");
    App::new_for_test(project)
}

/// `app` in a 1400×900 headless window with the bundled font, two frames drawn.
pub fn harness(app: App) -> Harness<'static, App> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_context_setup(jiaodui::ui::fonts::install)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    harness.run_steps(2);
    harness
}
