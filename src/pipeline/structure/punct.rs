//! Character classes of Chinese typesetting (GB/T 15834), in both widths: OCR output mixes
//! full-width and half-width punctuation freely, even inside Chinese sentences.

/// Marks that end a sentence (。！？ and the ellipsis; `.` only after a non-digit, see
/// [`ends_sentence`]).
pub fn is_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '…' | '．' | '｡')
}

/// Marks that may not begin a line: a line starting with one continues the line above.
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '”'
            | '’'
            | '）'
            | '》'
            | '〉'
            | '」'
            | '』'
            | '】'
            | '〕'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
    )
}

/// Marks that may not end a line: a line ending with one continues on the next line.
pub fn is_opening(c: char) -> bool {
    matches!(
        c,
        '“' | '‘' | '（' | '《' | '〈' | '「' | '『' | '【' | '〔' | '('
    )
}

/// Closing quotes and brackets that may follow the terminal mark of a sentence (`。”`, `！）`).
pub fn is_trailing_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '"' | '\'' | '）' | ')' | '》' | '〉' | '」' | '』' | '】' | '〕'
    )
}

/// Commas and semicolons: a line holding one is running prose, not a headline.
pub fn is_clause_mark(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';')
}

/// CJK ideographs (the basic block and extension A); used for the names in bylines.
pub fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// A digit in either width (`6` or `６`): OCR output mixes them.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Chinese numerals as used in list markers and page numbers.
pub fn is_cjk_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '零' | '〇'
    )
}

/// Whether the line ends a sentence: its last mark, behind any closing quotes or brackets, is
/// terminal (`。`, `！”`, `？）`), or a bracketed note such as `（记者 王某）` follows a terminal.
pub fn ends_sentence(text: &str) -> bool {
    let mut chars = text.chars().rev().peekable();
    let mut behind_closer = false;
    while let Some(&c) = chars.peek() {
        if is_trailing_closer(c) {
            behind_closer = true;
            chars.next();
        } else {
            break;
        }
    }
    match chars.next() {
        Some('.') => chars.next().is_some_and(|c| !c.is_ascii_digit()),
        Some(c) if is_terminal(c) => true,
        Some(_) if behind_closer => terminal_before_final_bracket(text),
        _ => false,
    }
}

/// `……。（记者 王某）`: the text ends with a bracket group that follows a finished sentence.
fn terminal_before_final_bracket(text: &str) -> bool {
    let Some(open) = text.rfind(['（', '(']) else {
        return false;
    };
    text[..open].chars().next_back().is_some_and(is_terminal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_ends_in_both_widths_and_behind_closers() {
        for text in [
            "会议召开。",
            "要做到“七抓”。",
            "他说：“好！”",
            "是吗?",
            "the end.",
            "……。（记者 王某）",
        ] {
            assert!(ends_sentence(text), "{text}");
        }
        for text in [
            "要学明白、",
            "诸多领",
            "增长5.",
            "(扩大)会议",
            "“七抓”",
            "高新区召开党工委(扩大)",
        ] {
            assert!(!ends_sentence(text), "{text}");
        }
    }

    #[test]
    fn closing_and_opening_marks() {
        assert!(is_closing('，') && is_closing(',') && is_closing('”') && is_closing(')'));
        assert!(!is_closing('“') && is_opening('“') && is_opening('(') && !is_opening('”'));
    }
}
