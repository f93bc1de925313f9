//! The line grammar of brat `.ann` files: what each line says, before it means anything.

use super::brat::NORM_DB;
use super::error::{FormatError, excerpt};

/// One parsed `.ann` line and its line number.
#[derive(Debug)]
pub(crate) enum Line {
    Text {
        id: String,
        label: String,
        fragments: Vec<(usize, usize)>,
        text: Option<String>,
    },
    Event {
        id: String,
        event_type: String,
        trigger: String,
        arguments: Vec<(String, String)>,
    },
    Relation {
        id: String,
        relation: String,
        arguments: Vec<(String, String)>,
    },
    Attribute {
        name: String,
        target: String,
        value: String,
    },
    Norm {
        target: String,
        reference: String,
    },
    Note {
        target: String,
        text: String,
    },
    Other {
        id: String,
    },
}

pub(crate) fn parse(file: &str, text: &str) -> Result<Vec<(usize, Line)>, FormatError> {
    let mut lines = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        if raw.trim().is_empty() {
            continue;
        }
        let line = parse_line(raw).map_err(|expected| {
            FormatError::parse(
                file,
                number,
                format!("expected {expected}, found {}", excerpt(raw)),
            )
        })?;
        lines.push((number, line));
    }
    Ok(lines)
}

fn parse_line(raw: &str) -> Result<Line, &'static str> {
    let mut fields = raw.splitn(3, '\t');
    let id = fields.next().unwrap_or_default().to_owned();
    let body = fields.next().unwrap_or_default();
    let text = fields.next();
    let mut words = body.split_whitespace();
    let pair = |word: &str| {
        word.split_once(':')
            .map(|(a, b)| (a.to_owned(), b.to_owned()))
    };
    match id.chars().next() {
        Some('T') => {
            const SHAPE: &str = "T<n>\\t<LABEL> <START> <END>[;<START> <END>]\\t<TEXT>";
            let (label, offsets) = body.split_once(' ').ok_or(SHAPE)?;
            let fragments = offsets
                .split(';')
                .map(|f| {
                    let mut ends = f.split_whitespace().map(str::parse::<usize>);
                    match (ends.next(), ends.next(), ends.next()) {
                        (Some(Ok(start)), Some(Ok(end)), None) => Ok((start, end)),
                        _ => Err(SHAPE),
                    }
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(Line::Text {
                id,
                label: label.to_owned(),
                fragments,
                text: text.map(str::to_owned),
            })
        }
        Some('E') => {
            const SHAPE: &str = "E<n>\\t<TYPE>:<TRIGGER> <ROLE>:<ID> …";
            let (event_type, trigger) = words.next().and_then(pair).ok_or(SHAPE)?;
            let arguments = words
                .map(|w| pair(w).ok_or(SHAPE))
                .collect::<Result<_, _>>()?;
            Ok(Line::Event {
                id,
                event_type,
                trigger,
                arguments,
            })
        }
        Some('R') => {
            const SHAPE: &str = "R<n>\\t<TYPE> Arg1:<ID> Arg2:<ID>";
            let relation = words.next().ok_or(SHAPE)?.to_owned();
            let arguments = words
                .map(|w| pair(w).ok_or(SHAPE))
                .collect::<Result<_, _>>()?;
            Ok(Line::Relation {
                id,
                relation,
                arguments,
            })
        }
        Some('A' | 'M') => {
            const SHAPE: &str = "A<n>\\t<NAME> <TARGET> [<VALUE>]";
            let name = words.next().ok_or(SHAPE)?.to_owned();
            let target = words.next().ok_or(SHAPE)?.to_owned();
            let value = words.next().unwrap_or("true").to_owned();
            Ok(Line::Attribute {
                name,
                target,
                value,
            })
        }
        Some('N') => {
            const SHAPE: &str = "N<n>\\tReference <TARGET> <DB>:<ID>\\t<TEXT>";
            let (_, target, reference) = (
                words.next().ok_or(SHAPE)?,
                words.next().ok_or(SHAPE)?,
                words.next().ok_or(SHAPE)?,
            );
            let reference = match reference.split_once(':') {
                Some((NORM_DB, id)) => id.to_owned(),
                _ => reference.to_owned(),
            };
            Ok(Line::Norm {
                target: target.to_owned(),
                reference,
            })
        }
        Some('#') => {
            const SHAPE: &str = "#<n>\\tAnnotatorNotes <TARGET>\\t<NOTE>";
            let (_, target) = (words.next().ok_or(SHAPE)?, words.next().ok_or(SHAPE)?);
            Ok(Line::Note {
                target: target.to_owned(),
                text: text.unwrap_or_default().to_owned(),
            })
        }
        Some('*') => Ok(Line::Other { id }),
        _ => Err("a line starting with T, E, R, A, M, N, # or *"),
    }
}
