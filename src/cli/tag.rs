//! `jiaodui tag [FILE]`: one line of text in, one JSON object of suggested entities out, with
//! the same tagger as the import — for scripts, evaluation and other programs.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use super::CliError;
use crate::formats::project::io_reason;
use crate::i18n::Lang;
use crate::pipeline::decode;
use crate::pipeline::entities::{Tagger, tag_line_json};

pub fn run(file: Option<&Path>, lang: Lang) -> Result<(), CliError> {
    let tagger = Tagger::shared();
    let mut out = std::io::stdout().lock();
    let mut emit = |line: &str| -> Result<(), CliError> {
        writeln!(out, "{}", tag_line_json(tagger, line)).map_err(|e| CliError(e.to_string()))
    };
    match file {
        Some(path) => {
            let bytes = std::fs::read(path)
                .map_err(|e| CliError(format!("{}: {}", path.display(), io_reason(&e, lang))))?;
            // A file goes through the same decoding as an import, so GBK or UTF-16 input works.
            let decoded = decode::decode(&bytes)
                .map_err(|e| CliError(format!("{}: {}", path.display(), e.message(lang))))?;
            for line in decoded.text.lines() {
                emit(line)?;
            }
        }
        None => {
            for line in BufReader::new(std::io::stdin().lock()).lines() {
                let line = line.map_err(|_| {
                    CliError(
                        lang.pick(
                            "标准输入不是 UTF-8 文本",
                            "standard input is not UTF-8 text",
                        )
                        .into(),
                    )
                })?;
                emit(line.trim_end_matches('\r'))?;
            }
        }
    }
    Ok(())
}
