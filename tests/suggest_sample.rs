//! The recommenders on the sample article as a fresh project sees it (the text, no annotation yet),
//! scored against the sample project's gold (`tests/fixtures/kosovo-talks`, layer `amira`); and the baseline
//! on a second article written for this test (`tests/data/suggest/second-article.txt`, gold in the
//! test markup), so that the rules are not tuned to one text.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use gloss::model::{DocId, Document, LayerKey, LayerName, Project, markup};
use gloss::suggest::evaluate::{Evaluation, evaluate};
use gloss::suggest::{Recommenders, Suggestion, SuggestionKind, suggest_document};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn sample() -> Project {
    gloss::storage::load(&root().join("tests/fixtures/kosovo-talks")).unwrap()
}

/// The sample's schema and documents without any annotation.
fn fresh(sample: &Project) -> Project {
    let mut project = Project::new("fresh", sample.schema.clone());
    for document in sample.documents() {
        project.add_document(document.clone());
    }
    project
}

fn amira(sample: &Project) -> Vec<Suggestion> {
    let doc = &sample.documents()[0].id;
    let layer = sample
        .layer(&LayerKey::new(
            doc.clone(),
            LayerName::new("amira").unwrap(),
        ))
        .unwrap();
    layer
        .iter()
        .map(|a| Suggestion::from_annotation(layer, a, "amira"))
        .collect()
}

fn suggestions_for(project: &Project, recommenders: &Recommenders) -> Vec<Suggestion> {
    let doc = project.documents()[0].id.clone();
    suggest_document(
        project,
        &doc,
        &LayerName::new("new").unwrap(),
        recommenders,
        &[],
    )
}

fn sample_evaluation(recommender: &str) -> (Project, Vec<Suggestion>, Evaluation) {
    let sample = sample();
    let project = fresh(&sample);
    let suggestions = suggestions_for(
        &project,
        &Recommenders::standard().only(recommender).unwrap(),
    );
    let evaluation = evaluate(&amira(&sample), &suggestions);
    (project, suggestions, evaluation)
}

#[test]
fn the_baseline_finds_the_people_places_and_organisations_of_the_first_article() {
    let (_, _, evaluation) = sample_evaluation("baseline");
    let counts = evaluation.entities_exact.over(&["PERSON", "GPE", "ORG"]);
    println!(
        "sample article, baseline, PERSON+GPE+ORG exact: P {:.3} R {:.3} F1 {:.3}",
        counts.precision(),
        counts.recall(),
        counts.f1()
    );
    assert!(counts.f1() >= 0.85, "{counts:?}");
}

#[test]
fn the_baseline_also_reads_an_article_it_was_not_written_for() {
    let sample = sample();
    let raw =
        std::fs::read_to_string(root().join("tests/data/suggest/second-article.txt")).unwrap();
    let marked = markup::parse(&raw).unwrap();
    let mut project = Project::new("second", sample.schema.clone());
    project.add_document(Document::from_raw(
        DocId::slug("second"),
        "second",
        &marked.text,
    ));
    let suggestions = suggestions_for(
        &project,
        &Recommenders::standard().only("baseline").unwrap(),
    );
    let gold: Vec<Suggestion> = marked
        .spans
        .iter()
        .map(|(span, label)| Suggestion::entity(*span, label, 1.0, "gold", "gold"))
        .collect();
    let counts = evaluate(&gold, &suggestions)
        .entities_exact
        .over(&["PERSON", "GPE", "ORG"]);
    println!(
        "second article, baseline, PERSON+GPE+ORG exact: P {:.3} R {:.3} F1 {:.3}",
        counts.precision(),
        counts.recall(),
        counts.f1()
    );
    assert!(counts.f1() >= 0.85, "{counts:?}");
}

#[test]
fn both_direct_quotes_of_the_sample_are_found_with_their_content_and_speaker() {
    let (project, suggestions, evaluation) = sample_evaluation("quotes");
    let text = &project.documents()[0].text;
    let direct: Vec<(String, String, Option<String>)> = suggestions
        .iter()
        .filter_map(|s| match &s.kind {
            SuggestionKind::Quote {
                content,
                speaker: Some(speaker),
                quote_kind: gloss::model::QuoteKind::Direct,
                ..
            } => Some((
                text.slice(content[0]).unwrap().to_owned(),
                text.slice(speaker.span).unwrap().to_owned(),
                speaker.pronoun.map(|p| text.slice(p).unwrap().to_owned()),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        direct,
        [
            (
                "We want peace in the entire region and we will continue to act responsibly in this regard"
                    .to_owned(),
                "Vucic".to_owned(),
                Some("he".to_owned())
            ),
            (
                "Accepting means signing. Only signing means accepting and guarantees implementation".to_owned(),
                "Kurti".to_owned(),
                Some("he".to_owned())
            ),
        ]
    );
    // The indirect quotes too: five quotes in the gold, each with the right speaker.
    assert_eq!(
        evaluation.quotes_exact.tp, 5,
        "{:?}",
        evaluation.quotes_exact
    );
    assert_eq!(
        (evaluation.speakers.correct, evaluation.speakers.total),
        (5, 5)
    );
}

#[test]
fn the_speaker_of_he_said_is_the_earlier_named_mention() {
    let (project, suggestions, _) = sample_evaluation("quotes");
    let text = &project.documents()[0].text;
    let second = suggestions
        .iter()
        .find_map(|s| match &s.kind {
            SuggestionKind::Quote {
                content,
                speaker: Some(speaker),
                ..
            } if text.slice(content[0]).unwrap().starts_with("Accepting") => Some(speaker.clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(second.resolved_by, "pronoun");
    // "Kurti said in a statement that Vucic refused …": he is Kurti, not the nearer Vucic.
    assert_eq!(text.slice(second.span), Some("Kurti"));
    assert_eq!(second.span.start, 1399);
}
