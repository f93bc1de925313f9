//! A small markup that makes annotation tests readable: `[Vucic]{PERSON} met [Kurti]{PERSON} in
//! [Brussels]{GPE}` is the plain text with three labelled spans. Brackets nest; `\[`, `\]`, `\{`, `\\`
//! escape.

use super::span::CharSpan;

/// Plain text and the labelled spans a markup string describes, sorted by start then end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    pub text: String,
    pub spans: Vec<(CharSpan, String)>,
}

/// Parses markup. Errors name the char position in the markup and what was expected.
pub fn parse(markup: &str) -> Result<Marked, String> {
    let chars: Vec<char> = markup.chars().collect();
    let mut text = String::new();
    let mut len = 0;
    let mut open: Vec<usize> = Vec::new();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                let Some(&escaped) = chars.get(i + 1) else {
                    return Err(format!("markup ends with a lone backslash at {i}"));
                };
                text.push(escaped);
                len += 1;
                i += 2;
                continue;
            }
            '[' => open.push(len),
            ']' => {
                let Some(start) = open.pop() else {
                    return Err(format!("']' at {i} closes nothing"));
                };
                if chars.get(i + 1) != Some(&'{') {
                    return Err(format!("expected '{{LABEL}}' after ']' at {i}"));
                }
                let Some(close) = chars[i + 2..].iter().position(|&c| c == '}') else {
                    return Err(format!("'{{' at {} is never closed", i + 1));
                };
                let label: String = chars[i + 2..i + 2 + close].iter().collect();
                spans.push((CharSpan::new(start, len), label));
                i += close + 3;
                continue;
            }
            c => {
                text.push(c);
                len += 1;
            }
        }
        i += 1;
    }
    if let Some(start) = open.pop() {
        return Err(format!("'[' opened at text offset {start} is never closed"));
    }
    spans.sort();
    Ok(Marked { text, spans })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_gives_text_and_char_spans() {
        let marked = parse("[Вучић]{PERSON} met [[Kurti]{PERSON}'s team]{ORG} 🇽🇰")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(marked.text, "Вучић met Kurti's team 🇽🇰");
        assert_eq!(
            marked.spans,
            vec![
                (CharSpan::new(0, 5), "PERSON".to_owned()),
                (CharSpan::new(10, 15), "PERSON".to_owned()),
                (CharSpan::new(10, 22), "ORG".to_owned()),
            ]
        );
    }

    #[test]
    fn unbalanced_markup_is_an_error() {
        assert!(parse("[Kurti").is_err());
        assert!(parse("Kurti]{PERSON}").is_err());
        assert!(parse("[Kurti]PERSON").is_err());
    }
}
