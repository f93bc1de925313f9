//! The sample project, as `examples/make_sample_project` builds it (and as `projects/` ships it; the
//! README test checks that the two are the same): what someone opening it for the first time finds.
//! Built here into a temporary folder, so that nothing depends on the copy a user may have edited.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use gloss::model::{
    Annotation, AnnotationKind, CharSpan, DocId, Layer, LayerKey, LayerName, Project, Speaker,
    Status,
};
use gloss::suggest::TrainingSet;
use gloss::suggest::tagger::TrainingOptions;
use gloss::suggest::training::held_out;
use tempfile::TempDir;

#[allow(dead_code)]
#[path = "../examples/make_sample_project/sample/mod.rs"]
mod sample;

const DOC: &str = "kosovo-serbia-brussels-talks";

/// The sample written by the generator into a fresh folder, and loaded back from disk.
fn generated() -> (TempDir, PathBuf, Project) {
    let temp = TempDir::new().unwrap();
    let dir = temp.path().join("kosovo-talks");
    sample::create(&dir).unwrap_or_else(|e| panic!("{e:#}"));
    let project = gloss::storage::load(&dir).unwrap_or_else(|e| panic!("{e}"));
    (temp, dir, project)
}

fn sample() -> Project {
    generated().2
}

fn gloss(args: &[&str], dir: &Path) -> String {
    let output = Command::cargo_bin("gloss")
        .unwrap()
        .args(args)
        .arg(dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(output.status.success(), "gloss {args:?}: {stderr}");
    String::from_utf8(output.stdout).unwrap()
}

fn layer<'a>(project: &'a Project, name: &str) -> &'a Layer {
    layer_of(project, DOC, name).unwrap()
}

fn layer_of<'a>(project: &'a Project, doc: &str, name: &str) -> Option<&'a Layer> {
    let key = LayerKey::new(DocId::new(doc).unwrap(), LayerName::new(name).unwrap());
    project.layer(&key)
}

fn count(layer: &Layer, kind: AnnotationKind) -> usize {
    layer.iter().filter(|a| a.kind() == kind).count()
}

/// The text a span covers.
fn text(project: &Project, span: CharSpan) -> &str {
    let doc = project.document(&DocId::new(DOC).unwrap()).unwrap();
    doc.text.slice(span).unwrap()
}

/// The text of the mention a quote's speaker links to.
fn speaker_of<'a>(project: &'a Project, layer: &Layer, content: &str) -> &'a str {
    let quote = layer
        .iter()
        .filter_map(Annotation::as_quote)
        .find(|q| text(project, q.content[0]).starts_with(content))
        .unwrap();
    let Some(Speaker::Mention(id)) = quote.speaker else {
        panic!("the quote {content:?} has no speaker mention");
    };
    text(project, layer.get(id).unwrap().primary_span())
}

/// Entity mentions as (text, label), in id order.
fn mentions<'a>(project: &'a Project, layer: &'a Layer) -> Vec<(&'a str, &'a str)> {
    layer
        .iter()
        .filter_map(Annotation::as_entity)
        .map(|e| (text(project, e.span), e.label.as_str()))
        .collect()
}

#[test]
fn the_sample_passes_gloss_check_and_opens_on_the_kosovo_article() {
    let (_temp, dir, project) = generated();
    let checked = gloss(&["check"], &dir);
    assert!(checked.starts_with("ok: 6 documents"), "{checked}");
    assert_eq!(project.annotators, ["amira", "bruno"]);
    let doc = &project.documents()[0];
    assert_eq!(doc.id.as_str(), DOC);
    assert_eq!(
        doc.title,
        "Stalemate persists: Kosovo and Serbia's talks in Brussels bore no fruit"
    );
    assert_eq!(doc.meta.outlet.as_deref(), Some("TRT World"));
    assert_eq!(doc.meta.language.as_deref(), Some("en"));
    // A new project's files, which a team sharing the folder through Git needs.
    for file in [".gitignore", ".gitattributes", "SOURCES.md"] {
        assert!(dir.join(file).is_file(), "{file} is missing");
    }
}

#[test]
fn every_other_article_is_openly_licensed_news_and_names_its_source() {
    let (_temp, dir, project) = generated();
    let sources = std::fs::read_to_string(dir.join("SOURCES.md")).unwrap();
    let documents = project.documents();
    assert!(documents.len() >= 5, "only {} articles", documents.len());
    for doc in &documents[1..] {
        assert_eq!(doc.meta.outlet.as_deref(), Some("Wikinews"), "{}", doc.id);
        let url = doc.meta.url.as_deref().unwrap();
        assert!(url.starts_with("https://en.wikinews.org/wiki/"), "{url}");
        let row = sources
            .lines()
            .find(|line| line.contains(&format!("`{}`", doc.id)))
            .unwrap_or_else(|| panic!("SOURCES.md does not list {}", doc.id));
        assert!(row.contains(url) && row.contains("CC BY 2.5"), "{row}");
        assert!(row.contains(&doc.title), "{row}");
    }
}

#[test]
fn the_analysts_annotated_four_articles_and_the_curator_settled_part_of_gold() {
    let project = sample();
    let annotated = |name: &str| -> Vec<String> {
        project
            .documents()
            .iter()
            .filter(|d| layer_of(&project, d.id.as_str(), name).is_some_and(|l| !l.is_empty()))
            .map(|d| d.id.to_string())
            .collect()
    };
    assert_eq!(annotated("amira").len(), 4);
    assert_eq!(annotated("bruno").len(), 3);
    assert_eq!(annotated("gold").len(), 3);
    let gold_status = |doc: &str| layer_of(&project, doc, "gold").unwrap().status;
    assert_eq!(gold_status("north-korea-quasi-state-of-war"), Status::Done);
    assert_eq!(gold_status(DOC), Status::InProgress);
    // Two articles nobody has annotated yet, for the recommenders to show what they learnt.
    assert_eq!(project.documents().len() - annotated("amira").len(), 2);
}

#[test]
fn adjudication_finds_the_disagreements_the_readme_counts() {
    let (_temp, dir, _) = generated();
    let report = gloss(&["adjudicate", "--auto"], &dir);
    // The curator has settled the Kosovo and Korea articles, not yet the asylum article, and bruno
    // has not started the Greek one.
    for line in [
        "kosovo-serbia-brussels-talks: merged 0 annotations, 0 disagreements remain",
        "north-korea-quasi-state-of-war: merged 0 annotations, 0 disagreements remain",
        "asylum-seekers-rescued-off-indonesia: merged 0 annotations, 4 disagreements remain \
         (1 missing, 1 extra, 1 boundary, 1 speaker)",
        "greek-court-ancient-deities: merged 0 annotations, 19 disagreements remain (19 missing)",
    ] {
        assert!(report.contains(line), "{line:?} is not in:\n{report}");
    }
    assert!(report.contains("; 23 disagreements remain"), "{report}");
    // Where both finished an article, amira and bruno disagree in a few places.
    let project = gloss::storage::load(&dir).unwrap();
    let (amira, bruno) = (
        LayerName::new("amira").unwrap(),
        LayerName::new("bruno").unwrap(),
    );
    for (doc, places) in [
        ("north-korea-quasi-state-of-war", 7),
        ("asylum-seekers-rescued-off-indonesia", 4),
    ] {
        let found =
            gloss::review::disagreements(&project, &DocId::new(doc).unwrap(), &amira, &bruno);
        let kinds: Vec<_> = found.iter().map(|d| d.kind).collect();
        assert_eq!(found.len(), places, "{doc}: {kinds:?}");
    }
}

#[test]
fn a_newcomer_sees_the_string_matcher_and_the_tagger_suggest_on_an_unannotated_article() {
    let (_temp, dir, project) = generated();
    // A first-time annotator's layer is empty, so both learn from gold, as `gloss suggest` does.
    for (doc, recommender, at_least) in [
        // Seven since the page's captions and date line (which held names gold has) are cleaned away.
        ("uk-asylum-questionnaire", "string-matcher", 5),
        ("uk-asylum-questionnaire", "tagger", 10),
        ("new-zealand-flag-process", "tagger", 3),
    ] {
        let lines = gloss(
            &["suggest", "--doc", doc, "--recommender", recommender],
            &dir,
        );
        let count = lines.lines().count();
        assert!(
            count >= at_least,
            "{recommender} suggests {count} on {doc}:\n{lines}"
        );
    }
    // The window hides the tagger while its held-out F1 is below this: a newcomer, who learns from
    // gold, is shown it. (bruno, learning from his unfinished Kosovo layer, is not.)
    for layer in ["gold", "newcomer"] {
        let set = TrainingSet::from_project(&project, &LayerName::new(layer).unwrap());
        let scores = held_out(&set, TrainingOptions::default(), &|| false).unwrap();
        let f1 = scores.scores.all.f1();
        println!("tagger trained for {layer}, held-out F1 {f1:.3}");
        assert!(
            f1 >= gloss::workbench::DEFAULT_TAGGER_MIN_F1,
            "{layer}: held-out F1 {f1}"
        );
    }
}

#[test]
fn the_generator_writes_the_same_bytes_every_time() {
    let (_a, first, _) = generated();
    let (_b, second, _) = generated();
    let files = |dir: &Path| -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_owned()];
        while let Some(folder) = stack.pop() {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let bytes = std::fs::read(&path).unwrap();
                    out.push((path.strip_prefix(dir).unwrap().to_owned(), bytes));
                }
            }
        }
        out.sort();
        out
    };
    assert_eq!(files(&first), files(&second));
}

#[test]
fn amira_annotated_the_whole_article() {
    let project = sample();
    let amira = layer(&project, "amira");
    assert_eq!(amira.status, Status::Done);
    assert_eq!(count(amira, AnnotationKind::Entity), 71);
    assert_eq!(count(amira, AnnotationKind::Quote), 5);
    assert_eq!(count(amira, AnnotationKind::Event), 18);
    let mentions = mentions(&project, amira);
    for expected in [
        ("Kosovo", "GPE"),
        ("Belgrade-Pristina Dialogue", "ORG"),
        ("EU", "ORG"),
        ("Monday, Sept. 20, 2021", "DATE"),
        ("Albin Kurti", "PERSON"),
        ("Türkiye", "GPE"),
        ("Belgian", "NORP"),
    ] {
        assert!(mentions.contains(&expected), "{expected:?} is missing");
    }
    // The photo caption appears twice, and so do its mentions.
    assert_eq!(
        mentions
            .iter()
            .filter(|m| **m == ("Jarinje", "GPE"))
            .count(),
        2
    );
}

#[test]
fn direct_quotes_are_linked_to_the_named_speaker_the_pronoun_stands_for() {
    let project = sample();
    let amira = layer(&project, "amira");
    assert_eq!(speaker_of(&project, amira, "We want peace"), "Vucic");
    assert_eq!(
        speaker_of(&project, amira, "Accepting means signing"),
        "Kurti"
    );
    assert_eq!(
        speaker_of(&project, amira, "Vucic refused to sign"),
        "Kurti"
    );
}

#[test]
fn bruno_disagrees_with_amira_in_four_places_for_the_review_to_find() {
    let project = sample();
    let amira = mentions(&project, layer(&project, "amira"));
    let bruno_layer = layer(&project, "bruno");
    assert_eq!(bruno_layer.status, Status::InProgress);
    let bruno = mentions(&project, bruno_layer);
    // A missed mention.
    assert!(amira.contains(&("Belgian", "NORP")) && !bruno.iter().any(|m| m.0 == "Belgian"));
    // A boundary.
    assert!(bruno.contains(&("Prime Minister Albin Kurti", "PERSON")));
    // A label: the first "Belgrade" (the government that refused) as an organisation.
    assert_eq!(amira[3], ("Belgrade", "GPE"));
    assert_eq!(bruno[3], ("Belgrade", "ORG"));
    // A speaker.
    assert_eq!(
        speaker_of(&project, bruno_layer, "Accepting means signing"),
        "Vucic"
    );
}

#[test]
fn the_samples_speakers_link_to_entities_and_who_said_what_counts_by_entity() {
    let project = sample();
    assert!(project.registry().len() >= 10);
    // Every quote of gold whose speaker is a mention of a registered name stands for the entity.
    let rows = gloss::workbench::tasks::quotes::quote_rows(
        &project,
        &gloss::model::LayerName::gold(),
        gloss::workbench::tasks::quotes::QuotesBy::Speaker,
    );
    let vucic = rows
        .iter()
        .find(|r| r.entity == "aleksandar-vucic")
        .unwrap();
    assert_eq!(
        (
            vucic.key.as_str(),
            vucic.quotes,
            vucic.direct,
            vucic.indirect
        ),
        ("Aleksandar Vučić", 3, 1, 2),
        "\"Vucic\" and \"Aleksandar Vucic\" are one speaker"
    );
    let linked = project
        .layers()
        .flat_map(|(_, layer)| layer.iter())
        .filter_map(|a| a.as_entity())
        .filter(|e| e.details().entity.is_some())
        .count();
    assert!(linked > 100, "{linked} mentions linked");
}

#[test]
fn gloss_quotes_and_events_count_the_samples_people_by_entity() {
    let (_temp, dir, _) = generated();
    let quotes = gloss(&["quotes"], &dir);
    assert!(
        quotes.contains("\r\nAleksandar Vučić,aleksandar-vucic,3,1,2,0,"),
        "{quotes}"
    );
    let events = gloss(&["events"], &dir);
    assert!(
        events.contains("\r\nMEET,Aleksandar Vučić,aleksandar-vucic,Participant,4,kosovo-serbia-brussels-talks,\r\n"),
        "{events}"
    );
}
