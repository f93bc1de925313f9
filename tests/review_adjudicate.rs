//! Comparing two annotators' layers and settling their differences into the gold layer: what
//! disagrees and how, the automatic merge of what agrees, the curator's choices, and undo.

#![allow(clippy::unwrap_used)]

mod review_support;

use gloss::model::{
    Annotation, AnnotationId, DocId, Edit, History, LayerKey, LayerName, Project, Selection,
    Source, Speaker, Timestamp,
};
use gloss::review::{
    AgreementOptions, Choice, Disagreement, DisagreementKind, agreement, auto_merge, disagreements,
    pending_disagreements, resolve,
};
use review_support::{layer, news_project, text, writer};

fn now() -> Timestamp {
    "2024-05-01T10:00:00Z".parse().unwrap()
}

/// Alice and Bob agree on Kurti, Vucic and Kurti's quote; they disagree on Brussels (GPE or LOC),
/// hence on the talks' Place; Bob missed Vucic's quote and marked "reporters" as a PERSON.
fn two_annotators() -> (Project, DocId) {
    let (mut project, doc) = news_project();
    let mut alice = writer(&mut project, &doc, "alice");
    let brussels = alice.entity("Brussels", "GPE");
    let vucic = alice.entity("Vucic", "PERSON");
    let kurti = alice.entity("Kurti", "PERSON");
    alice.quote("talks in Brussels failed", "said", kurti);
    alice.event("talks", "MEET", &[("Place", brussels)]);
    alice.quote("the meeting was useful", "told reporters", vucic);

    let mut bob = writer(&mut project, &doc, "bob");
    bob.entity("Vucic", "PERSON");
    let kurti = bob.entity("Kurti", "PERSON");
    let brussels = bob.entity("Brussels", "LOC");
    bob.quote("talks in Brussels failed", "said", kurti);
    bob.event("talks", "MEET", &[("Place", brussels)]);
    bob.entity("reporters", "PERSON");
    (project, doc)
}

/// The gold layer as a curator reads it: each annotation with its text, label and what it links to.
fn gold(project: &Project, doc: &DocId) -> Vec<String> {
    let Some(gold) = project.layer(&LayerKey::new(doc.clone(), LayerName::gold())) else {
        return Vec::new();
    };
    let name = |id: AnnotationId| {
        gold.get(id)
            .map_or("(missing)".to_owned(), |a| text(a.primary_span()))
    };
    let mut out: Vec<String> = gold
        .iter()
        .map(|annotation| match annotation {
            Annotation::Entity(e) => format!("{} {}", text(e.span), e.label),
            Annotation::Quote(q) => match &q.speaker {
                Some(Speaker::Mention(id)) => {
                    format!("quote \"{}\" by {}", text(q.content[0]), name(*id))
                }
                _ => format!("quote \"{}\"", text(q.content[0])),
            },
            Annotation::Event(e) => {
                let arguments: Vec<String> = e
                    .arguments
                    .iter()
                    .map(|a| format!("{}={}", a.role, name(a.filler)))
                    .collect();
                format!(
                    "{} {} {}",
                    text(e.trigger),
                    e.event_type,
                    arguments.join(" ")
                )
            }
        })
        .collect();
    out.sort();
    out
}

fn kinds(list: &[Disagreement]) -> Vec<(DisagreementKind, String)> {
    list.iter().map(|d| (d.kind, text(d.span))).collect()
}

#[test]
fn disagreements_name_their_kind_and_where_to_jump() {
    let (project, doc) = two_annotators();
    let list = disagreements(&project, &doc, &layer("alice"), &layer("bob"));
    assert_eq!(
        kinds(&list),
        [
            (DisagreementKind::Argument, "talks".to_owned()),
            (DisagreementKind::Label, "Brussels".to_owned()),
            (
                DisagreementKind::Missing,
                "told reporters that the meeting was useful".to_owned()
            ),
            (DisagreementKind::Extra, "reporters".to_owned()),
        ]
    );
    let label = &list[1];
    let label_of = |side: &Option<gloss::review::Version>| {
        side.as_ref().unwrap().annotation.label().to_owned()
    };
    assert_eq!(
        (label_of(&label.a), label_of(&label.b)),
        ("GPE".to_owned(), "LOC".to_owned())
    );
    assert!(list[2].b.is_none() && list[3].a.is_none());
    // The event's version carries the mention its argument points to.
    let event = list[0].a.as_ref().unwrap();
    assert_eq!(event.linked.len(), 1);
    assert_eq!(text(event.linked[0].primary_span()), "Brussels");
}

#[test]
fn boundaries_and_speakers_are_told_apart_from_labels() {
    let (mut project, doc) = news_project();
    let mut alice = writer(&mut project, &doc, "alice");
    let kurti = alice.entity("Kurti", "PERSON");
    alice.entity("Vucic", "PERSON");
    alice.quote("talks in Brussels failed", "said", kurti);
    let mut bob = writer(&mut project, &doc, "bob");
    bob.entity("Kurti", "PERSON");
    let vucic = bob.entity("Vucic told", "PERSON");
    bob.quote("talks in Brussels failed", "said", vucic);
    let list = disagreements(&project, &doc, &layer("alice"), &layer("bob"));
    let found: Vec<(DisagreementKind, Vec<DisagreementKind>)> =
        list.iter().map(|d| (d.kind, d.also.clone())).collect();
    assert_eq!(
        found,
        [
            (DisagreementKind::Speaker, vec![]),
            (DisagreementKind::Boundary, vec![])
        ],
        "the quote (said by Kurti or by 'Vucic told'), then Vucic's extent"
    );
    assert_eq!(text(list[1].span), "Vucic told");
}

#[test]
fn auto_merge_puts_what_both_agree_on_into_gold_with_links_remapped() {
    let (mut project, doc) = two_annotators();
    let layers = [layer("alice"), layer("bob")];
    let (edits, remaining) = auto_merge(&project, &doc, &layers, 2, "curator", now());
    assert_eq!(edits.len(), 3, "Kurti, Vucic and Kurti's quote");
    assert_eq!(remaining.len(), 4, "{:?}", kinds(&remaining));
    let mut history = History::new();
    history
        .apply(
            &mut project,
            edits,
            Selection::in_doc(doc.clone()),
            Selection::in_doc(doc.clone()),
        )
        .unwrap();
    assert_eq!(
        gold(&project, &doc),
        [
            "Kurti PERSON",
            "Vucic PERSON",
            "quote \"talks in Brussels failed\" by Kurti"
        ]
    );

    // Gold has its own ids: the quote's speaker points to gold's Kurti, not to Alice's id 3.
    let gold_layer = project
        .layer(&LayerKey::new(doc.clone(), LayerName::gold()))
        .unwrap();
    let quote = gold_layer.iter().find_map(Annotation::as_quote).unwrap();
    let Some(Speaker::Mention(speaker)) = quote.speaker else {
        panic!("the speaker is a mention")
    };
    assert_ne!(speaker, AnnotationId(3));
    let kurti = gold_layer.get(speaker).unwrap();
    assert_eq!(text(kurti.primary_span()), "Kurti");
    // The copy keeps what the annotator wrote and names the curator as who put it in gold.
    assert_eq!(kurti.note(), "PERSON, says alice");
    assert_eq!(kurti.provenance().annotator, "curator");
    assert_eq!(kurti.provenance().created, now());
    assert_eq!(kurti.provenance().source, Source::Manual);

    // What remains is exactly what the two still disagree on; merging again changes nothing.
    assert_eq!(pending_disagreements(&project, &doc, &layers), remaining);
    let (again, _) = auto_merge(&project, &doc, &layers, 2, "curator", now());
    assert!(again.is_empty());
    history.undo(&mut project).unwrap();
    assert!(
        gold(&project, &doc).is_empty(),
        "the merge is one undo step"
    );
}

#[test]
fn the_curator_takes_a_on_one_b_on_another_undoes_and_gold_holds_exactly_the_choices() {
    let (mut project, doc) = two_annotators();
    let layers = [layer("alice"), layer("bob")];
    let mut history = History::new();
    let selection = Selection::in_doc(doc.clone());
    let apply = |project: &mut Project, edits: Vec<Edit>, history: &mut History| {
        history
            .apply(project, edits, selection.clone(), selection.clone())
            .unwrap();
    };
    let (edits, _) = auto_merge(&project, &doc, &layers, 2, "curator", now());
    apply(&mut project, edits, &mut history);

    let find = |project: &Project, kind: DisagreementKind| {
        let pending = pending_disagreements(project, &doc, &layers);
        pending.into_iter().find(|d| d.kind == kind).unwrap()
    };
    // Brussels is a GPE, as Alice says.
    let brussels = find(&project, DisagreementKind::Label);
    let edits = resolve(&project, &doc, &brussels, Choice::TakeA, "curator", now());
    apply(&mut project, edits, &mut history);
    // "reporters" as a PERSON, as Bob says … then thought better of.
    let reporters = find(&project, DisagreementKind::Extra);
    let edits = resolve(&project, &doc, &reporters, Choice::TakeB, "curator", now());
    apply(&mut project, edits, &mut history);
    assert!(gold(&project, &doc).contains(&"reporters PERSON".to_owned()));
    history.undo(&mut project).unwrap();
    // The talks took place in Alice's Brussels: her event, linked to gold's Brussels.
    let talks = find(&project, DisagreementKind::Argument);
    let edits = resolve(&project, &doc, &talks, Choice::TakeA, "curator", now());
    assert_eq!(
        edits.len(),
        1,
        "gold already holds Brussels as a GPE: only the event is added"
    );
    apply(&mut project, edits, &mut history);
    // Vucic's quote: later.
    let quote = find(&project, DisagreementKind::Missing);
    assert!(resolve(&project, &doc, &quote, Choice::Skip, "curator", now()).is_empty());

    assert_eq!(
        gold(&project, &doc),
        [
            "Brussels GPE",
            "Kurti PERSON",
            "Vucic PERSON",
            "quote \"talks in Brussels failed\" by Kurti",
            "talks MEET Place=Brussels",
        ]
    );
    let left: Vec<DisagreementKind> = pending_disagreements(&project, &doc, &layers)
        .iter()
        .map(|d| d.kind)
        .collect();
    assert_eq!(
        left,
        [DisagreementKind::Missing, DisagreementKind::Extra],
        "progress: two remain"
    );
}

#[test]
fn taking_b_after_a_swaps_the_version_in_gold_and_both_keeps_both() {
    let (mut project, doc) = two_annotators();
    let brussels = disagreements(&project, &doc, &layer("alice"), &layer("bob"))
        .into_iter()
        .find(|d| d.kind == DisagreementKind::Label)
        .unwrap();
    for edit in resolve(&project, &doc, &brussels, Choice::TakeA, "curator", now()) {
        project.apply(&edit).unwrap();
    }
    assert_eq!(gold(&project, &doc), ["Brussels GPE"]);
    for edit in resolve(&project, &doc, &brussels, Choice::TakeB, "curator", now()) {
        project.apply(&edit).unwrap();
    }
    assert_eq!(gold(&project, &doc), ["Brussels LOC"]);
    for edit in resolve(
        &project,
        &doc,
        &brussels,
        Choice::TakeBoth,
        "curator",
        now(),
    ) {
        project.apply(&edit).unwrap();
    }
    assert_eq!(gold(&project, &doc), ["Brussels GPE", "Brussels LOC"]);
}

#[test]
fn taking_an_event_brings_the_mentions_it_links_to() {
    let (mut project, doc) = two_annotators();
    let talks = disagreements(&project, &doc, &layer("alice"), &layer("bob"))
        .into_iter()
        .find(|d| d.kind == DisagreementKind::Argument)
        .unwrap();
    for edit in resolve(&project, &doc, &talks, Choice::TakeB, "curator", now()) {
        project.apply(&edit).unwrap();
    }
    assert_eq!(
        gold(&project, &doc),
        ["Brussels LOC", "talks MEET Place=Brussels"]
    );
}

#[test]
fn k_of_n_annotators_must_agree() {
    let (mut project, doc) = two_annotators();
    let mut carol = writer(&mut project, &doc, "carol");
    carol.entity("Kurti", "PERSON");
    carol.entity("Brussels", "LOC");
    let layers = [layer("alice"), layer("bob"), layer("carol")];
    let merged = |min_agree| {
        let (edits, _) = auto_merge(&project, &doc, &layers, min_agree, "curator", now());
        let mut scratch = project.clone();
        for edit in &edits {
            scratch.apply(edit).unwrap();
        }
        gold(&scratch, &doc)
    };
    assert_eq!(merged(3), ["Kurti PERSON"]);
    // Bob and Carol agree on Brussels as a LOC; the talks' Place differs (Alice's is a GPE), so
    // neither version of the event has a second annotator behind it.
    assert_eq!(
        merged(2),
        [
            "Brussels LOC",
            "Kurti PERSON",
            "Vucic PERSON",
            "quote \"talks in Brussels failed\" by Kurti"
        ]
    );
    assert_eq!(merged(1).len(), 9, "every version of everything, once");
}

#[test]
fn identical_layers_agree_perfectly_and_leave_nothing_to_adjudicate() {
    let (mut project, doc) = news_project();
    for name in ["alice", "bob"] {
        let mut annotator = writer(&mut project, &doc, name);
        let kurti = annotator.entity("Kurti", "PERSON");
        let brussels = annotator.entity("Brussels", "GPE");
        annotator.quote("talks in Brussels failed", "said", kurti);
        annotator.event("talks", "MEET", &[("Place", brussels)]);
    }
    let report = agreement(&project, &AgreementOptions::default());
    let overall = &report.overall;
    for figure in [
        overall.span_f1_exact,
        overall.span_f1_overlap,
        overall.cohen_kappa,
        overall.krippendorff_alpha_nominal,
        overall.krippendorff_alpha_unitizing,
        report.quotes.content_f1,
        report.quotes.speaker_agreement,
        report.events.argument_f1,
    ] {
        assert_eq!(figure, Some(1.0));
    }
    let layers = [layer("alice"), layer("bob")];
    assert!(disagreements(&project, &doc, &layers[0], &layers[1]).is_empty());
    let (edits, remaining) = auto_merge(&project, &doc, &layers, 2, "curator", now());
    assert_eq!(edits.len(), 4);
    assert!(remaining.is_empty());
}
