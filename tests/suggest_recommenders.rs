//! Each recommender on small texts written for the test, in English, Cyrillic and with emoji; the
//! pipeline (what the layer has, rejections, overlaps); accepting a suggestion as ordinary edits.
#![allow(clippy::unwrap_used)]

use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, History, LayerKey,
    LayerName, Project, Provenance, QuoteKind, Selection, Source, Speaker, Timestamp,
};
use gloss::suggest::{
    Recommenders, SpeakerSuggestion, Suggestion, SuggestionKind, suggest_document,
    suggestion_to_edits,
};

fn news() -> gloss::model::Schema {
    gloss::storage::presets::preset("news").unwrap()
}

/// A project with one document per text, the news schema, no annotation.
fn project(texts: &[&str]) -> Project {
    let mut project = Project::new("test", news());
    for (i, text) in texts.iter().enumerate() {
        project.add_document(Document::from_raw(
            DocId::new(format!("doc{i}")).unwrap(),
            "t",
            text,
        ));
    }
    project
}

fn layer() -> LayerName {
    LayerName::new("alice").unwrap()
}

fn doc(i: usize) -> DocId {
    DocId::new(format!("doc{i}")).unwrap()
}

fn suggest(project: &Project, i: usize, recommender: &str) -> Vec<Suggestion> {
    let recommenders = Recommenders::standard().only(recommender).unwrap();
    suggest_document(project, &doc(i), &layer(), &recommenders, &[])
}

/// (covered text, label) of every entity suggestion.
fn entities(project: &Project, i: usize, suggestions: &[Suggestion]) -> Vec<(String, String)> {
    let text = &project.documents()[i].text;
    suggestions
        .iter()
        .filter_map(|s| match &s.kind {
            SuggestionKind::Entity { span, label } => {
                Some((text.slice(*span).unwrap().to_owned(), label.clone()))
            }
            _ => None,
        })
        .collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

fn add_entity(project: &mut Project, i: usize, id: u32, start: usize, end: usize, label: &str) {
    let now = Timestamp::UNIX_EPOCH;
    project
        .apply(&Edit::Add {
            key: LayerKey::new(doc(i), layer()),
            annotation: Annotation::Entity(Entity::new(
                AnnotationId(id),
                CharSpan::new(start, end),
                label,
                Provenance::manual("alice", now),
            )),
        })
        .unwrap();
}

#[test]
fn the_baseline_reads_titles_gazetteers_and_dates() {
    let p = project(&[
        "German Chancellor Olaf Scholz met NATO officials in Vienna on Thursday. Scholz said talks would resume on Sept. 20, 2021, as agreed in 2008.",
    ]);
    assert_eq!(
        entities(&p, 0, &suggest(&p, 0, "baseline")),
        pairs(&[
            ("German", "NORP"),
            ("Olaf Scholz", "PERSON"),
            ("NATO", "ORG"),
            ("Vienna", "GPE"),
            ("Thursday", "DATE"),
            ("Scholz", "PERSON"),
            ("Sept. 20, 2021", "DATE"),
            ("2008", "DATE"),
        ])
    );
}

#[test]
fn the_baseline_counts_offsets_in_chars_through_cyrillic_and_emoji() {
    let text = "🇽🇰 👨‍👩‍👧 Премијер Аљбин Курти и Александар Вучић разговарали су у Бриселу.";
    let p = project(&[text]);
    let suggestions = suggest(&p, 0, "baseline");
    let found = entities(&p, 0, &suggestions);
    // No title list in Serbian: names are found as runs of capitalised words.
    assert!(
        found.contains(&("Александар Вучић".to_owned(), "PERSON".to_owned())),
        "{found:?}"
    );
    let span = suggestions
        .iter()
        .find(|s| s.label() == "PERSON" && s.primary_span().start > 20)
        .unwrap()
        .primary_span();
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(
        chars[span.start..span.end].iter().collect::<String>(),
        "Александар Вучић"
    );
}

#[test]
fn the_string_matcher_suggests_what_the_analyst_labelled_elsewhere() {
    let mut p = project(&[
        "Vetevendosje won the vote in Prishtina.",
        "Leaders of Vetevendosje met in Prizren; Vetevendosje Youth stayed home.",
    ]);
    // The analyst labelled "Vetevendosje" as ORG in the first document.
    add_entity(&mut p, 0, 1, 0, 12, "ORG");
    let suggestions = suggest(&p, 1, "string-matcher");
    assert_eq!(
        entities(&p, 1, &suggestions),
        pairs(&[("Vetevendosje", "ORG"), ("Vetevendosje", "ORG")])
    );
    assert!(
        suggestions
            .iter()
            .all(|s| (s.score - 1.0).abs() < 1e-6 && s.recommender == "string-matcher")
    );
    // In its own document the labelled occurrence is not suggested again.
    assert!(suggest(&p, 0, "string-matcher").is_empty());
}

#[test]
fn the_string_matcher_prefers_the_longest_form_and_scores_by_share() {
    let mut p = project(&[
        "European Union and Union.",
        "Union, Union.",
        "The European Union met the Union.",
    ]);
    add_entity(&mut p, 0, 1, 0, 14, "ORG");
    add_entity(&mut p, 0, 2, 19, 24, "ORG");
    add_entity(&mut p, 1, 1, 0, 5, "GPE");
    add_entity(&mut p, 1, 2, 7, 12, "ORG");
    let suggestions = suggest(&p, 2, "string-matcher");
    assert_eq!(
        entities(&p, 2, &suggestions),
        pairs(&[("European Union", "ORG"), ("Union", "ORG")])
    );
    // "Union" carried ORG twice and GPE once.
    let union = suggestions
        .iter()
        .find(|s| s.primary_span().start > 20)
        .unwrap();
    assert!((union.score - 2.0 / 3.0).abs() < 1e-6, "{}", union.score);
}

#[test]
fn quotes_are_paired_from_every_kind_of_quotation_mark() {
    let texts = [
        "\"We will stay,\" Kurti said.",
        "“We will stay,” Kurti said.",
        "„We will stay“, Kurti said.",
        "«We will stay», Kurti said.",
        "»We will stay«, Kurti said.",
        "‹We will stay›, Kurti said.",
        "‘We will stay,’ Kurti said.",
        "\"We will stay,'' Kurti said.",
    ];
    let p = project(&texts);
    for (i, written) in texts.iter().enumerate() {
        let suggestions = suggest(&p, i, "quotes");
        let text = &p.documents()[i].text;
        let [quote] = suggestions.as_slice() else {
            panic!("{written}: {suggestions:?}");
        };
        let SuggestionKind::Quote {
            content,
            cue,
            speaker,
            quote_kind,
        } = &quote.kind
        else {
            panic!("{quote:?}");
        };
        assert_eq!(text.slice(content[0]), Some("We will stay"), "{written}");
        assert_eq!(cue.and_then(|c| text.slice(c)), Some("said"));
        assert_eq!(
            speaker.as_ref().and_then(|s| text.slice(s.span)),
            Some("Kurti")
        );
        assert_eq!(*quote_kind, QuoteKind::Direct);
        assert_eq!(quote.rule, "direct:cue-after");
    }
}

#[test]
fn an_apostrophe_inside_a_word_does_not_close_a_quote() {
    let p = project(&["‘Kosovo’s future is European,’ Kurti said."]);
    let suggestions = suggest(&p, 0, "quotes");
    let SuggestionKind::Quote { content, .. } = &suggestions[0].kind else {
        panic!("{suggestions:?}");
    };
    assert_eq!(
        p.documents()[0].text.slice(content[0]),
        Some("Kosovo’s future is European")
    );
}

#[test]
fn a_pronoun_speaker_resolves_to_the_earlier_named_speaker() {
    let p = project(&[
        "Prime Minister Albin Kurti met Josep Borrell. \"We will not give up,\" he said.",
    ]);
    let suggestions = suggest(&p, 0, "quotes");
    let text = &p.documents()[0].text;
    let SuggestionKind::Quote {
        speaker: Some(speaker),
        ..
    } = &suggestions[0].kind
    else {
        panic!("{suggestions:?}");
    };
    assert_eq!(text.slice(speaker.span), Some("Albin Kurti"));
    assert_eq!(speaker.resolved_by, "pronoun");
    assert_eq!(speaker.pronoun.and_then(|p| text.slice(p)), Some("he"));
}

#[test]
fn indirect_and_mixed_quotes_run_from_that_to_the_end_of_the_sentence() {
    let p = project(&[
        "Josep Borrell told reporters after the meeting that both sides must show restraint. Miroslav Lajcak said in a statement that the plan was \"a real chance\".",
    ]);
    let text = &p.documents()[0].text;
    let found: Vec<(QuoteKind, &str, &str, &str)> = suggest(&p, 0, "quotes")
        .iter()
        .filter_map(|s| match &s.kind {
            SuggestionKind::Quote {
                content,
                cue: Some(cue),
                speaker: Some(speaker),
                quote_kind,
            } => Some((
                *quote_kind,
                text.slice(content[0]).unwrap(),
                text.slice(*cue).unwrap(),
                text.slice(speaker.span).unwrap(),
            )),
            _ => None,
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                QuoteKind::Indirect,
                "both sides must show restraint",
                "told reporters",
                "Josep Borrell"
            ),
            (
                QuoteKind::Mixed,
                "the plan was \"a real chance\"",
                "said in a statement",
                "Miroslav Lajcak"
            ),
        ]
    );
}

#[test]
fn quotes_in_cyrillic_with_guillemets_find_their_cue_and_speaker() {
    let p = project(&["«Нећемо прихватити независност», рекао је Александар Вучић."]);
    let text = &p.documents()[0].text;
    let suggestions = suggest(&p, 0, "quotes");
    let SuggestionKind::Quote {
        content,
        cue,
        speaker: Some(speaker),
        ..
    } = &suggestions[0].kind
    else {
        panic!("{suggestions:?}");
    };
    assert_eq!(
        text.slice(content[0]),
        Some("Нећемо прихватити независност")
    );
    assert_eq!(cue.and_then(|c| text.slice(c)), Some("рекао"));
    assert_eq!(text.slice(speaker.span), Some("Александар Вучић"));
}

#[test]
fn events_take_triggers_from_the_lexicon_and_arguments_from_the_sentence() {
    let p = project(&["Aleksandar Vucic and Albin Kurti met in Brussels on Thursday."]);
    let text = &p.documents()[0].text;
    let suggestions = suggest(&p, 0, "events");
    let [event] = suggestions.as_slice() else {
        panic!("{suggestions:?}");
    };
    let SuggestionKind::Event {
        trigger,
        event_type,
        arguments,
    } = &event.kind
    else {
        panic!("{event:?}");
    };
    assert_eq!(
        (text.slice(*trigger), event_type.as_str()),
        (Some("met"), "MEET")
    );
    let mut roles: Vec<(&str, &str)> = arguments
        .iter()
        .map(|a| (a.role.as_str(), text.slice(a.span).unwrap()))
        .collect();
    roles.sort();
    assert_eq!(
        roles,
        [
            ("Participant", "Albin Kurti"),
            ("Participant", "Aleksandar Vucic"),
            ("Place", "Brussels"),
            ("Time", "Thursday"),
        ]
    );
    assert_eq!(event.rule, "lexicon");
}

#[test]
fn events_learn_triggers_from_the_analyst() {
    let mut p = project(&["Serbia snubbed Kosovo.", "Montenegro snubbed Albania."]);
    let now = Timestamp::UNIX_EPOCH;
    p.apply(&Edit::Add {
        key: LayerKey::new(doc(0), layer()),
        annotation: Annotation::Event(Box::new(gloss::model::Event {
            id: AnnotationId(1),
            trigger: CharSpan::new(7, 14),
            event_type: "REJECT".into(),
            arguments: Vec::new(),
            attributes: Default::default(),
            note: String::new(),
            provenance: Provenance::manual("alice", now),
        })),
    })
    .unwrap();
    let suggestions = suggest(&p, 1, "events");
    let text = &p.documents()[1].text;
    let [event] = suggestions.as_slice() else {
        panic!("{suggestions:?}");
    };
    assert_eq!(event.rule, "learned-trigger");
    assert_eq!(text.slice(event.primary_span()), Some("snubbed"));
    let SuggestionKind::Event { arguments, .. } = &event.kind else {
        panic!()
    };
    assert_eq!(text.slice(arguments[0].span), Some("Montenegro"));
}

#[test]
fn what_the_layer_has_and_what_was_rejected_is_not_suggested() {
    let mut p = project(&["Olaf Scholz met Emmanuel Macron in Paris."]);
    add_entity(&mut p, 0, 1, 0, 5, "PERSON"); // "Olaf", overlapping the suggestion "Olaf Scholz"
    let all = suggest(&p, 0, "baseline");
    assert_eq!(
        entities(&p, 0, &all),
        pairs(&[("Emmanuel Macron", "PERSON"), ("Paris", "GPE")])
    );
    let rejected = [all[1].key()];
    let recommenders = Recommenders::standard().only("baseline").unwrap();
    let left = suggest_document(&p, &doc(0), &layer(), &recommenders, &rejected);
    assert_eq!(
        entities(&p, 0, &left),
        pairs(&[("Emmanuel Macron", "PERSON")])
    );
}

#[test]
fn overlapping_suggestions_keep_the_higher_score() {
    let mut p = project(&[
        "Kosovo Force patrols the border.",
        "Kosovo Force patrols the border.",
    ]);
    // The analyst once labelled "Kosovo" as GPE: the matcher (score 1) beats the gazetteer's
    // "Kosovo Force" (0.9) where both apply.
    add_entity(&mut p, 0, 1, 0, 6, "GPE");
    let recommenders = Recommenders::standard();
    let suggestions = suggest_document(&p, &doc(1), &layer(), &recommenders, &[]);
    assert_eq!(entities(&p, 1, &suggestions), pairs(&[("Kosovo", "GPE")]));
}

#[test]
fn accepting_a_quote_adds_its_speaker_mention_and_undoes_in_one_step() {
    let mut p = project(&["\"We stay,\" Kurti said."]);
    let suggestion = Suggestion {
        kind: SuggestionKind::Quote {
            content: vec![CharSpan::new(1, 8)],
            cue: Some(CharSpan::new(17, 21)),
            speaker: Some(SpeakerSuggestion {
                span: CharSpan::new(11, 16),
                label: "PERSON".to_owned(),
                resolved_by: "adjacent".to_owned(),
                pronoun: None,
            }),
            quote_kind: QuoteKind::Direct,
        },
        score: 0.9,
        recommender: "quotes".to_owned(),
        rule: "direct:cue-after".to_owned(),
    };
    let key = LayerKey::new(doc(0), layer());
    let now = Timestamp::UNIX_EPOCH;
    let edits = suggestion_to_edits(&p, &key, &suggestion, "alice", now).unwrap();
    let mut history = History::new();
    history
        .apply(&mut p, edits, Selection::default(), Selection::default())
        .unwrap();
    let layer = p.layer(&key).unwrap();
    let quote = layer.iter().find_map(Annotation::as_quote).unwrap();
    let Some(Speaker::Mention(speaker)) = quote.speaker else {
        panic!("{quote:?}");
    };
    let mention = layer.get(speaker).and_then(Annotation::as_entity).unwrap();
    assert_eq!(
        (mention.span, mention.label.as_str()),
        (CharSpan::new(11, 16), "PERSON")
    );
    assert_eq!(
        quote.provenance.source,
        Source::Suggestion {
            recommender: "quotes".into(),
            score: 0.9
        }
    );
    history.undo(&mut p).unwrap();
    assert!(p.layer(&key).is_none());
}

#[test]
fn accepting_an_entity_the_layer_already_has_adds_nothing() {
    let mut p = project(&["Paris."]);
    add_entity(&mut p, 0, 1, 0, 5, "GPE");
    let key = LayerKey::new(doc(0), layer());
    let suggestion = Suggestion::entity(
        CharSpan::new(0, 5),
        "GPE",
        0.9,
        "baseline",
        "gazetteer:capital",
    );
    assert_eq!(
        suggestion_to_edits(&p, &key, &suggestion, "alice", Timestamp::UNIX_EPOCH).unwrap(),
        Vec::new()
    );
    let outside = Suggestion::entity(CharSpan::new(0, 50), "GPE", 0.9, "external", "external");
    assert!(suggestion_to_edits(&p, &key, &outside, "alice", Timestamp::UNIX_EPOCH).is_err());
}
