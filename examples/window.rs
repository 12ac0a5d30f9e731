//! Opens the workbench window: `cargo run --example window [FILE]`.

#[cfg(feature = "window")]
fn main() {
    jiaodui::ui::run(std::env::args_os().nth(1).map(Into::into)).unwrap()
}

#[cfg(not(feature = "window"))]
fn main() {
    eprintln!("this example needs the `window` feature");
}
