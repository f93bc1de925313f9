//! Two CSV files for spreadsheets: `quotes.csv` and `events.csv`.
//!
//! - `quotes.csv`: `document, layer, published, speaker, speaker_label, speaker_entity,
//!   speaker_entity_name, cue, quote, kind, attributes, note`, one row per quote in text order.
//!   `speaker` is the speaker mention's text (and `speaker_label` its entity label) or the plain
//!   speaker span's text; `speaker_entity` and `speaker_entity_name` are the key and name of the
//!   canonical entity the speaker mention links to (after merges), if any; `quote` joins the content
//!   spans with ` … `.
//! - `events.csv`: `document, layer, type, trigger`, then one column per role (every role of the
//!   schema's event types in schema order, then roles used but not in the schema, sorted), then
//!   `attributes, note`. A role's cell holds its fillers' texts joined by ` | ` (an event filling a
//!   role shows its trigger text).
//! - `attributes` is `name=value; name=value`, sorted by name.
//! - RFC 4180: comma-separated, CRLF after every record, a field holding a comma, a quote or a line
//!   break is quoted and its quotes doubled. UTF-8 without a byte-order mark.
//! - Entity mentions appear only as speakers and fillers; they are counted as not held.
//!
//! Written by hand rather than with the `csv` crate: writing is a dozen lines, and nothing here reads
//! CSV.

use super::error::FormatError;
use super::export::{ExportReport, Issue, Selected};
use crate::model::annotation::Attributes;
use crate::model::{Annotation, AnnotationKind, Project, Speaker};

pub(crate) fn export(
    project: &Project,
    chosen: &[Selected<'_>],
    report: &mut ExportReport,
) -> Result<(Vec<u8>, Vec<u8>), FormatError> {
    let roles = role_columns(project, chosen);
    let mut quotes = Vec::new();
    record(
        &mut quotes,
        [
            "document",
            "layer",
            "published",
            "speaker",
            "speaker_label",
            "speaker_entity",
            "speaker_entity_name",
            "cue",
            "quote",
            "kind",
            "attributes",
            "note",
        ],
    );
    let mut events = Vec::new();
    let header = ["document", "layer", "type", "trigger"]
        .into_iter()
        .chain(roles.iter().map(String::as_str))
        .chain(["attributes", "note"]);
    record(&mut events, header);

    for at in chosen {
        let doc = at.document.id.as_str();
        let layer = at.layer_name.as_str();
        let mut quote_rows: Vec<(usize, Vec<String>)> = Vec::new();
        for annotation in at.layer.iter() {
            match annotation {
                Annotation::Entity(_) => report.not_held(AnnotationKind::Entity),
                Annotation::Quote(quote) => {
                    let content = quote
                        .content
                        .iter()
                        .map(|&span| at.covered(quote.id, span))
                        .collect::<Result<Vec<_>, _>>()?;
                    let cue = quote.cue.map(|cue| at.covered(quote.id, cue)).transpose()?;
                    let mut canonical = ("", "");
                    let (speaker, speaker_label) = match &quote.speaker {
                        None => ("", ""),
                        Some(Speaker::Span(span)) => (at.covered(quote.id, *span)?, ""),
                        Some(Speaker::Mention(id)) => match at.layer.get(*id) {
                            Some(Annotation::Entity(entity)) => {
                                if let Some(link) = &entity.details().entity {
                                    canonical = project
                                        .registry()
                                        .resolve(link)
                                        .map_or((link.as_str(), ""), |e| {
                                            (e.key.as_str(), e.name.as_str())
                                        });
                                }
                                (at.covered(entity.id, entity.span)?, entity.label.as_str())
                            }
                            _ => {
                                missing(
                                    report,
                                    at,
                                    annotation,
                                    format!(
                                        "speaker {id}, which is not an entity mention of the layer"
                                    ),
                                );
                                ("", "")
                            }
                        },
                    };
                    report.annotations += 1;
                    let start = quote.content.first().map_or(0, |span| span.start);
                    quote_rows.push((
                        start,
                        vec![
                            doc.to_owned(),
                            layer.to_owned(),
                            at.document.meta.published.clone().unwrap_or_default(),
                            speaker.to_owned(),
                            speaker_label.to_owned(),
                            canonical.0.to_owned(),
                            canonical.1.to_owned(),
                            cue.unwrap_or_default().to_owned(),
                            content.join(" … "),
                            quote.kind.name().to_owned(),
                            attributes(&quote.attributes),
                            quote.note.clone(),
                        ],
                    ));
                }
                Annotation::Event(event) => {
                    let trigger = at.covered(event.id, event.trigger)?;
                    let mut cells = vec![Vec::new(); roles.len()];
                    for argument in &event.arguments {
                        let filler = match at.layer.get(argument.filler) {
                            Some(Annotation::Entity(entity)) => {
                                Some(at.covered(entity.id, entity.span)?)
                            }
                            Some(Annotation::Event(filler)) => {
                                Some(at.covered(filler.id, filler.trigger)?)
                            }
                            _ => None,
                        };
                        let column = roles.iter().position(|role| *role == argument.role);
                        match (filler, column) {
                            (Some(text), Some(column)) => cells[column].push(text),
                            _ => missing(
                                report,
                                at,
                                annotation,
                                format!(
                                    "argument {} → {}, which is not an entity mention or event of the layer",
                                    argument.role, argument.filler
                                ),
                            ),
                        }
                    }
                    report.annotations += 1;
                    let row = [doc, layer, event.event_type.as_str(), trigger]
                        .into_iter()
                        .map(str::to_owned)
                        .chain(cells.into_iter().map(|texts| texts.join(" | ")))
                        .chain([attributes(&event.attributes), event.note.clone()]);
                    record(&mut events, row);
                }
            }
        }
        quote_rows.sort_by_key(|(start, _)| *start);
        for (_, row) in quote_rows {
            record(&mut quotes, row);
        }
    }
    Ok((quotes, events))
}

fn missing(report: &mut ExportReport, at: &Selected<'_>, annotation: &Annotation, what: String) {
    report.issue(
        at,
        annotation,
        annotation.primary_span(),
        Issue::Partly { missing: what },
    );
}

/// Every role of the schema's event types in schema order, then roles used but not in the schema.
fn role_columns(project: &Project, chosen: &[Selected<'_>]) -> Vec<String> {
    let mut roles: Vec<String> = Vec::new();
    for role in project.schema.event_types.iter().flat_map(|ty| &ty.roles) {
        if !roles.contains(&role.name) {
            roles.push(role.name.clone());
        }
    }
    let mut extra: Vec<String> = chosen
        .iter()
        .flat_map(|at| at.layer.iter())
        .filter_map(Annotation::as_event)
        .flat_map(|event| &event.arguments)
        .map(|argument| argument.role.to_string())
        .filter(|role| !roles.contains(role))
        .collect();
    extra.sort();
    extra.dedup();
    roles.extend(extra);
    roles
}

fn attributes(attributes: &Attributes) -> String {
    attributes
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Appends one RFC 4180 record (CRLF line end); also the who-said-what table of `gloss quotes`.
pub(crate) fn record<S: AsRef<str>>(out: &mut Vec<u8>, fields: impl IntoIterator<Item = S>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let field = field.as_ref();
        if field.contains([',', '"', '\r', '\n']) {
            out.push(b'"');
            out.extend_from_slice(field.replace('"', "\"\"").as_bytes());
            out.push(b'"');
        } else {
            out.extend_from_slice(field.as_bytes());
        }
    }
    out.extend_from_slice(b"\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_quotes_or_line_breaks_are_quoted() {
        let mut out = Vec::new();
        record(
            &mut out,
            ["plain", "a,b", "say \"no\"", "two\nlines", "Вучић"],
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "plain,\"a,b\",\"say \"\"no\"\"\",\"two\nlines\",Вучић\r\n"
        );
    }
}
