//! Opens the workbench window: `cargo run --example window [FILE]`.
fn main() {
    jiaodui::ui::run(std::env::args_os().nth(1).map(Into::into)).unwrap()
}
