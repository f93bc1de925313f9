//! Agreement between annotators: the figures equal those of reference implementations on the same
//! data, to 1e-9.
//!
//! The reference values were computed once by `scripts/review_fixtures.py` with krippendorff 0.9.0
//! (`krippendorff.alpha(reliability_data=..., level_of_measurement="nominal")`), scikit-learn 1.9.1
//! (`sklearn.metrics.cohen_kappa_score`) and statsmodels 0.15.0
//! (`statsmodels.stats.inter_rater.fleiss_kappa(aggregate_raters(...)[0], method="fleiss")`), numpy
//! 2.4.6. No package computes Krippendorff's unitizing α; its values come from the script's own
//! brute-force implementation of the 2004 definition, which reproduces the worked example of
//! Krippendorff (2004, p. 254) first, as the test below does.
//!
//! The tokenisation rule behind the token-level measures: the tokens are
//! `gloss::model::tokens::tokens(text)` (Unicode word boundaries, whitespace dropped), and a token's
//! label in a layer is the label of the longest entity mention sharing at least one char with it
//! (nested mentions count as their outermost), or `O` when no mention touches it.

#![allow(clippy::unwrap_used)]

mod review_support;

use gloss::model::markup;
use gloss::model::tokens::tokens;
use gloss::model::{
    Annotation, AnnotationId, CharSpan, DocId, Document, Edit, Entity, LayerKey, Project,
    Provenance, Schema, Status, Timestamp,
};
use gloss::review::{
    AgreementOptions, AgreementTally, agreement, cohen_kappa, fleiss_kappa,
    krippendorff_alpha_nominal, token_labels, unitizing_alpha,
};
use review_support::{layer, news_project, writer};

// --- The data ----------------------------------------------------------------------------------

const ALICE: &str = "[Вучић]{PERSON} met [Kurti]{PERSON} in [Brussels]{GPE} on Thursday, said [[EU]{ORG} envoy Miroslav Lajčák]{PERSON}. 🇽🇰 [Prishtinë]{GPE} objected.";
const BOB: &str = "[Вучић]{PERSON} met [Kurti]{ORG} in [Brussels]{GPE} on Thursday, said [EU]{ORG} envoy [Miroslav Lajčák]{PERSON}. 🇽🇰 Prishtinë objected.";
const CAROL: &str = "[Вучић]{PERSON} met [Kurti]{PERSON} in [Brussels]{LOC} on Thursday, said [EU]{ORG} envoy [Miroslav Lajčák]{PERSON}. 🇽🇰 [Prishtinë]{GPE} objected.";

/// Tokens: `Вучић met Kurti in Brussels on Thursday , said EU envoy Miroslav Lajčák . 🇽🇰 Prishtinë
/// objected .`; the labels each layer gives them under the rule above.
const ALICE_TOKENS: &str = "PERSON O PERSON O GPE O O O O PERSON PERSON PERSON PERSON O O GPE O O";
const BOB_TOKENS: &str = "PERSON O ORG O GPE O O O O ORG O PERSON PERSON O O O O O";
const CAROL_TOKENS: &str = "PERSON O PERSON O LOC O O O O ORG O PERSON PERSON O O GPE O O";

// Two layers (alice, bob), from the token sequences above.
const TWO_COHEN: f64 = 0.6086956521739131; // cohen_kappa_score(alice, bob)
const TWO_ALPHA: f64 = 0.6100278551532035; // krippendorff.alpha([alice, bob], "nominal")
const TWO_UNITIZING: f64 = 0.6848587238724398; // the script's α_u over the chars of the markup spans
// Per label, "this label or not": (label, Cohen's κ, Krippendorff's α, α_u).
const TWO_PER_LABEL: [(&str, f64, f64, f64); 3] = [
    ("GPE", 0.64, 0.6464646464646464, 0.46725158560777413),
    ("ORG", 0.0, -0.02941176470588247, 0.14980736840067377),
    (
        "PERSON",
        0.5714285714285714,
        0.5679012345679013,
        0.7842315238144248,
    ),
];

// Three layers (alice, bob, carol).
const THREE_FLEISS: f64 = 0.6691176470588235; // fleiss_kappa(aggregate_raters(...))
const THREE_ALPHA: f64 = 0.6752450980392157;
const THREE_UNITIZING: f64 = 0.6610974310729361;
// (label, Fleiss' κ, Krippendorff's α, α_u).
const THREE_PER_LABEL: [(&str, f64, f64, f64); 4] = [
    ("GPE", 0.4599999999999988, 0.47, 0.3309605825921482),
    ("LOC", -0.018867924528304363, 0.0, -0.14146918064925318),
    (
        "ORG",
        0.29411764705882265,
        0.30718954248366015,
        0.2561492389089086,
    ),
    (
        "PERSON",
        0.696060037523452,
        0.701688555347092,
        0.8478831148865968,
    ),
];

fn close(actual: Option<f64>, expected: f64, what: &str) {
    let actual = actual.unwrap_or_else(|| panic!("{what}: expected {expected}, got None"));
    assert!(
        (actual - expected).abs() < 1e-9,
        "{what}: expected {expected}, got {actual}"
    );
}

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// A project with one document annotated by each `(layer, markup)`; every markup has the same text.
fn marked_project(layers: &[(&str, &str)]) -> (Project, DocId) {
    let text = markup::parse(layers[0].1).unwrap().text;
    let mut project = Project::new("review", Schema::default());
    let doc = project.add_document(Document::from_raw(DocId::slug("talks"), "Talks", &text));
    for (name, marked) in layers {
        add_marked(&mut project, &doc, name, marked);
    }
    (project, doc)
}

fn add_marked(project: &mut Project, doc: &DocId, name: &str, marked: &str) {
    let marked = markup::parse(marked).unwrap();
    assert_eq!(marked.text, project.document(doc).unwrap().text.as_str());
    let key = LayerKey::new(doc.clone(), layer(name));
    for (i, (span, label)) in marked.spans.into_iter().enumerate() {
        let annotation = Annotation::Entity(Entity::new(
            AnnotationId(i as u32 + 1),
            span,
            label,
            Provenance::manual(name, Timestamp::UNIX_EPOCH),
        ));
        project
            .apply(&Edit::Add {
                key: key.clone(),
                annotation,
            })
            .unwrap();
    }
}

// --- The measures against their reference implementations --------------------------------------

#[test]
fn cohen_kappa_equals_sklearn() {
    let a = words(
        "PER PER O O GPE ORG O PER GPE GPE O O ORG ORG PER O GPE O PER O ORG O O GPE PER PER O ORG GPE O",
    );
    let b = words(
        "PER ORG O O GPE ORG O PER GPE O O PER ORG GPE PER O GPE O PER O ORG ORG O GPE PER O O ORG LOC O",
    );
    close(
        cohen_kappa(&a, &b),
        0.6788990825688073,
        "cohen_kappa_score(a, b)",
    );
}

#[test]
fn krippendorff_alpha_with_missing_values_equals_the_krippendorff_package() {
    // Krippendorff (2011), "Computing Krippendorff's alpha-reliability": 4 observers, 12 units,
    // '.' where an observer coded nothing. Units are the columns.
    let rows = [
        "1 2 3 3 2 1 4 1 2 . . .",
        "1 2 3 3 2 2 4 1 2 5 . 3",
        ". 3 3 3 2 3 4 2 2 5 1 .",
        "1 2 3 3 2 4 4 1 2 5 1 .",
    ];
    let rows: Vec<Vec<&str>> = rows.iter().map(|r| words(r)).collect();
    let units: Vec<Vec<Option<&str>>> = (0..12)
        .map(|u| {
            rows.iter()
                .map(|r| Some(r[u]).filter(|v| *v != "."))
                .collect()
        })
        .collect();
    close(
        krippendorff_alpha_nominal(&units),
        0.743421052631579,
        "krippendorff.alpha(nominal)",
    );
}

#[test]
fn fleiss_kappa_equals_statsmodels_on_fleiss_1971() {
    // Ten subjects, fourteen raters, how many raters chose each of five categories.
    let table = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ];
    let items: Vec<Vec<usize>> = table
        .iter()
        .map(|counts| {
            counts
                .iter()
                .enumerate()
                .flat_map(|(c, &n)| std::iter::repeat_n(c, n))
                .collect()
        })
        .collect();
    close(
        fleiss_kappa(&items),
        0.20993070442195522,
        "fleiss_kappa(table)",
    );
}

#[test]
fn unitizing_alpha_reproduces_krippendorffs_worked_example() {
    // Krippendorff (2004, p. 254): a continuum from 150 to 450, two observers, categories c and k.
    let shift = |start: usize, len: usize, c| (CharSpan::new(start - 150, start - 150 + len), c);
    let i = vec![
        shift(225, 70, "c"),
        shift(370, 30, "c"),
        shift(180, 60, "k"),
        shift(300, 50, "k"),
    ];
    let j = vec![
        shift(220, 80, "c"),
        shift(355, 20, "c"),
        shift(400, 20, "c"),
        shift(180, 60, "k"),
        shift(300, 50, "k"),
    ];
    let alpha = unitizing_alpha(300, &[i, j]);
    let c = alpha.categories["c"];
    assert_eq!((c.observed * 1e4).round() / 1e4, 0.0144);
    assert_eq!((c.expected * 1e4).round() / 1e4, 0.0532);
    assert_eq!(
        (alpha.category_alpha("c").unwrap() * 1e4).round() / 1e4,
        0.7286
    );
    assert_eq!(alpha.category_alpha("k"), Some(1.0));
    // The book prints .8591, computed from the rounded .0144/(.0532 + .0490).
    close(
        alpha.alpha(),
        0.8586654051841702,
        "α_u of the worked example",
    );
}

#[test]
fn unitizing_alpha_equals_the_independent_script() {
    let unit = |start, end, c| (CharSpan::new(start, end), c);
    let observers = [
        vec![
            unit(0, 5, "PER"),
            unit(10, 15, "PER"),
            unit(20, 28, "GPE"),
            unit(40, 46, "ORG"),
        ],
        vec![
            unit(0, 5, "PER"),
            unit(9, 15, "ORG"),
            unit(20, 28, "GPE"),
            unit(33, 37, "PER"),
        ],
        vec![
            unit(1, 5, "PER"),
            unit(10, 15, "PER"),
            unit(20, 26, "GPE"),
            unit(40, 46, "ORG"),
            unit(47, 50, "GPE"),
        ],
    ];
    let alpha = unitizing_alpha(50, &observers);
    close(alpha.alpha(), 0.5669670435459229, "α_u");
    close(alpha.category_alpha("GPE"), 0.8874818236750288, "α_u(GPE)");
    close(alpha.category_alpha("ORG"), 0.101513622603431, "α_u(ORG)");
    close(alpha.category_alpha("PER"), 0.5697098646034816, "α_u(PER)");
}

// --- The report over a project ------------------------------------------------------------------

#[test]
fn tokens_take_the_label_of_their_longest_covering_mention_or_o() {
    for (marked, expected) in [
        (ALICE, ALICE_TOKENS),
        (BOB, BOB_TOKENS),
        (CAROL, CAROL_TOKENS),
    ] {
        let marked = markup::parse(marked).unwrap();
        let mentions = marked
            .spans
            .iter()
            .map(|(span, label)| (*span, label.as_str()));
        assert_eq!(
            token_labels(&tokens(&marked.text), mentions),
            words(expected)
        );
    }
}

#[test]
fn two_layers_give_the_reference_figures() {
    let (project, _) = marked_project(&[("alice", ALICE), ("bob", BOB)]);
    let report = agreement(&project, &AgreementOptions::default());
    assert_eq!(report.layers, ["alice", "bob"]);
    assert_eq!(report.documents, 1);
    // Alice 6 mentions, Bob 5; Вучић, Brussels and EU agree exactly, and the PERSON "EU envoy
    // Miroslav Lajčák" overlaps Bob's "Miroslav Lajčák".
    close(report.overall.span_f1_exact, 6.0 / 11.0, "span F1 exact");
    close(
        report.overall.span_f1_overlap,
        8.0 / 11.0,
        "span F1 overlap",
    );
    close(report.overall.cohen_kappa, TWO_COHEN, "Cohen's κ");
    assert_eq!(
        report.overall.fleiss_kappa, None,
        "Fleiss' κ needs three layers"
    );
    close(
        report.overall.krippendorff_alpha_nominal,
        TWO_ALPHA,
        "α nominal",
    );
    close(
        report.overall.krippendorff_alpha_unitizing,
        TWO_UNITIZING,
        "α_u",
    );
    assert_eq!(
        report.per_label.keys().collect::<Vec<_>>(),
        ["GPE", "ORG", "PERSON"]
    );
    for (label, kappa, alpha, unitizing) in TWO_PER_LABEL {
        let figures = &report.per_label[label];
        close(
            figures.cohen_kappa,
            kappa,
            &format!("Cohen's κ for {label}"),
        );
        close(
            figures.krippendorff_alpha_nominal,
            alpha,
            &format!("α for {label}"),
        );
        close(
            figures.krippendorff_alpha_unitizing,
            unitizing,
            &format!("α_u for {label}"),
        );
    }
    close(
        report.per_label["PERSON"].span_f1_exact,
        2.0 / 5.0,
        "PERSON exact",
    );
    close(
        report.per_label["PERSON"].span_f1_overlap,
        4.0 / 5.0,
        "PERSON overlap",
    );
    close(
        report.per_label["ORG"].span_f1_exact,
        2.0 / 3.0,
        "ORG exact",
    );

    let pair = &report.pairs[0];
    assert_eq!(
        (pair.a.as_str(), pair.b.as_str(), pair.documents),
        ("alice", "bob", 1)
    );
    close(
        pair.span_precision_exact,
        3.0 / 5.0,
        "precision of bob against alice",
    );
    close(
        pair.span_recall_exact,
        3.0 / 6.0,
        "recall of bob against alice",
    );
    close(pair.span_recall_overlap, 4.0 / 6.0, "overlap recall");
    assert_eq!(pair.cohen_kappa, report.overall.cohen_kappa);
    assert_eq!(
        pair.krippendorff_alpha_unitizing,
        report.overall.krippendorff_alpha_unitizing
    );
}

#[test]
fn three_layers_give_fleiss_instead_of_cohen() {
    let (project, _) = marked_project(&[("alice", ALICE), ("bob", BOB), ("carol", CAROL)]);
    let report = agreement(&project, &AgreementOptions::default());
    assert_eq!(
        report.overall.cohen_kappa, None,
        "Cohen's κ is for two layers"
    );
    close(report.overall.fleiss_kappa, THREE_FLEISS, "Fleiss' κ");
    close(
        report.overall.krippendorff_alpha_nominal,
        THREE_ALPHA,
        "α nominal",
    );
    close(
        report.overall.krippendorff_alpha_unitizing,
        THREE_UNITIZING,
        "α_u",
    );
    for (label, kappa, alpha, unitizing) in THREE_PER_LABEL {
        let figures = &report.per_label[label];
        close(
            figures.fleiss_kappa,
            kappa,
            &format!("Fleiss' κ for {label}"),
        );
        close(
            figures.krippendorff_alpha_nominal,
            alpha,
            &format!("α for {label}"),
        );
        close(
            figures.krippendorff_alpha_unitizing,
            unitizing,
            &format!("α_u for {label}"),
        );
    }
    // Exact matches per pair: alice–bob 3, alice–carol 4, bob–carol 3, over 11 + 12 + 11 mentions;
    // overlap adds "Miroslav Lajčák" inside Alice's longer PERSON for her two pairs.
    close(
        report.overall.span_f1_exact,
        20.0 / 34.0,
        "span F1 exact over the three pairs",
    );
    close(
        report.overall.span_f1_overlap,
        24.0 / 34.0,
        "span F1 overlap over the three pairs",
    );
    let pairs: Vec<(&str, &str)> = report
        .pairs
        .iter()
        .map(|p| (p.a.as_str(), p.b.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [("alice", "bob"), ("alice", "carol"), ("bob", "carol")]
    );
    close(
        report.pairs[0].cohen_kappa,
        TWO_COHEN,
        "the alice–bob pair's own Cohen's κ",
    );
}

#[test]
fn the_json_has_exactly_the_shape_of_issue_6_with_null_for_absent_measures() {
    let (project, _) = marked_project(&[("alice", ALICE), ("bob", BOB)]);
    let json = serde_json::to_value(agreement(&project, &AgreementOptions::default())).unwrap();
    let keys = |value: &serde_json::Value| -> Vec<String> {
        let mut keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(
        keys(&json),
        [
            "documents",
            "events",
            "layers",
            "overall",
            "pairs",
            "per_label",
            "quotes"
        ]
    );
    let figures = [
        "cohen_kappa",
        "fleiss_kappa",
        "krippendorff_alpha_nominal",
        "krippendorff_alpha_unitizing",
        "span_f1_exact",
        "span_f1_overlap",
    ];
    assert_eq!(keys(&json["overall"]), figures);
    assert_eq!(keys(&json["per_label"]["PERSON"]), figures);
    assert_eq!(
        keys(&json["quotes"]),
        ["content_f1", "cue_f1", "speaker_agreement"]
    );
    assert_eq!(
        keys(&json["events"]),
        ["argument_f1", "trigger_f1", "type_agreement"]
    );
    assert_eq!(json["layers"], serde_json::json!(["alice", "bob"]));
    assert_eq!(json["documents"], 1);
    assert!(json["overall"]["fleiss_kappa"].is_null());
    // Nobody marked quotes or events: nothing to compare, so nothing is claimed.
    assert!(
        json["quotes"]
            .as_object()
            .unwrap()
            .values()
            .all(serde_json::Value::is_null)
    );
    assert!(
        json["events"]
            .as_object()
            .unwrap()
            .values()
            .all(serde_json::Value::is_null)
    );
    assert_eq!(json["pairs"][0]["a"], "alice");
    assert_eq!(json["pairs"][0]["b"], "bob");
}

#[test]
fn documents_count_only_where_every_selected_layer_has_annotated() {
    let (mut project, _) = marked_project(&[("alice", ALICE), ("bob", BOB), ("carol", CAROL)]);
    let text = "Kurti left.";
    let second = project.add_document(Document::from_raw(DocId::slug("second"), "Second", text));
    add_marked(&mut project, &second, "alice", "[Kurti]{PERSON} left.");
    // Bob looked and found nothing: an empty layer that exists, with a status.
    let bob = LayerKey::new(second.clone(), layer("bob"));
    project
        .apply(&Edit::SetStatus {
            key: bob,
            before: Status::New,
            after: Status::Done,
        })
        .unwrap();

    let all = agreement(&project, &AgreementOptions::default());
    assert_eq!(all.documents, 1, "carol never opened the second document");
    assert_eq!(
        all.pairs[0].documents, 2,
        "alice and bob both annotated both documents"
    );
    assert_eq!(all.diagnostics.compared_documents, 2);

    let options = AgreementOptions {
        layers: Some(vec![layer("alice"), layer("bob")]),
        docs: Some(vec![second.clone(), DocId::slug("no-such-document")]),
    };
    let second_only = agreement(&project, &options);
    assert_eq!(second_only.documents, 1);
    assert_eq!(
        second_only.overall.span_f1_exact,
        Some(0.0),
        "alice's one mention, bob's none"
    );
    assert_eq!(second_only.per_label["PERSON"].cohen_kappa, Some(0.0));
}

/// Forty documents, three annotators who mark (or skip) words with five labels, some documents not
/// opened by one of them, and labels first used deep into the corpus: what the counting runs over.
fn varied_project() -> Project {
    const WORDS: [&str; 8] = [
        "Kurti",
        "met",
        "Vučić",
        "in",
        "Brussels",
        "with",
        "NATO",
        "officials",
    ];
    const LABELS: [&str; 5] = ["PERSON", "GPE", "ORG", "LOC", "NORP"];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: u64| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % n
    };
    let mut project = Project::new("review", Schema::default());
    for d in 0..40 {
        let words: Vec<&str> = (0..12 + next(20))
            .map(|_| WORDS[next(WORDS.len() as u64) as usize])
            .collect();
        let text = words.join(" ");
        let doc = project.add_document(Document::from_raw(
            DocId::slug(&format!("doc-{d}")),
            "Doc",
            &text,
        ));
        // Labels beyond the first two only from the tenth document on, in a different order each time.
        let labels = if d < 10 { 2 } else { LABELS.len() as u64 };
        for name in ["alice", "bob", "carol"] {
            if next(6) == 0 {
                continue; // this annotator never opened the document
            }
            let marked: Vec<String> = words
                .iter()
                .map(|w| match next(3) {
                    0 => format!("[{w}]{{{}}}", LABELS[next(labels) as usize]),
                    _ => (*w).to_owned(),
                })
                .collect();
            add_marked(&mut project, &doc, name, &marked.join(" "));
        }
    }
    project
}

#[test]
fn counting_on_every_core_gives_the_figures_of_one_document_after_another() {
    let project = varied_project();
    let layers = vec![layer("alice"), layer("bob"), layer("carol")];
    let documents: Vec<&Document> = project.documents().iter().collect();
    let tokens_of = |d: &Document| -> std::sync::Arc<[CharSpan]> { tokens(d.text.as_str()).into() };
    let json = |report| serde_json::to_string(&report).unwrap();

    let mut one_by_one = AgreementTally::new(layers.clone());
    for document in &documents {
        one_by_one.add(&project, document, &tokens_of);
    }
    let expected = json(one_by_one.report());
    assert!(expected.contains("\"NORP\""), "every label was counted");

    for batch in [1, 3, 7, 40] {
        let mut batched = AgreementTally::new(layers.clone());
        for chunk in documents.chunks(batch) {
            batched.add_all(&project, chunk, &tokens_of);
        }
        assert_eq!(
            json(batched.report()),
            expected,
            "batches of {batch}: the same figures to the last digit"
        );
    }
    assert_eq!(
        json(agreement(&project, &AgreementOptions::default())),
        expected,
        "the whole project at once"
    );
}

#[test]
fn diagnostics_count_items_and_name_thin_labels_and_confusions() {
    let (project, _) = marked_project(&[("alice", ALICE), ("bob", BOB)]);
    let diagnostics = agreement(&project, &AgreementOptions::default()).diagnostics;
    assert_eq!(diagnostics.tokens, 18);
    assert_eq!(diagnostics.mentions["PERSON"]["alice"], 3);
    assert_eq!(diagnostics.mentions["ORG"]["bob"], 2);
    assert_eq!(
        diagnostics.too_few_items,
        ["GPE", "ORG", "PERSON"],
        "a one-sentence sample proves little"
    );
    let confusions: Vec<([&str; 2], usize)> = diagnostics
        .confusions
        .iter()
        .map(|c| ([c.labels[0].as_str(), c.labels[1].as_str()], c.count))
        .collect();
    // Kurti: PERSON for alice, ORG for bob; Prishtinë: GPE for alice, nothing for bob.
    assert_eq!(confusions, [(["GPE", "O"], 1), (["ORG", "PERSON"], 1)]);
}

// --- Quotes and events ---------------------------------------------------------------------------

#[test]
fn quotes_and_events_are_compared_by_content_speaker_cue_trigger_type_and_arguments() {
    let (mut project, doc) = news_project();
    let mut alice = writer(&mut project, &doc, "alice");
    let kurti = alice.entity("Kurti", "PERSON");
    let brussels = alice.entity("Brussels", "GPE");
    let vucic = alice.entity("Vucic", "PERSON");
    alice.quote("talks in Brussels failed", "said", kurti);
    alice.quote("the meeting was useful", "told reporters", vucic);
    alice.event("talks", "MEET", &[("Place", brussels)]);
    alice.event("meeting", "MEET", &[]);

    let mut bob = writer(&mut project, &doc, "bob");
    let kurti = bob.entity("Kurti", "PERSON");
    let brussels = bob.entity("Brussels", "GPE");
    let vucic = bob.entity("Vucic", "ORG");
    bob.quote("talks in Brussels failed", "said", kurti);
    // The same quote, a shorter content and cue, and a speaker Bob labelled ORG: not the same speaker.
    bob.quote("meeting was useful", "told", vucic);
    bob.event("talks", "CONTACT", &[("Place", brussels)]);
    bob.event("failed", "END", &[]);

    let report = agreement(&project, &AgreementOptions::default());
    close(
        report.quotes.content_f1,
        1.0,
        "both quotes match by content",
    );
    close(
        report.quotes.speaker_agreement,
        0.5,
        "one of two matched quotes has the same speaker",
    );
    close(report.quotes.cue_f1, 1.0, "both cues overlap");
    close(
        report.events.trigger_f1,
        0.5,
        "one of two events on each side matches",
    );
    close(report.events.type_agreement, 0.0, "MEET against CONTACT");
    close(
        report.events.argument_f1,
        1.0,
        "Place: Brussels on both sides",
    );
    assert_eq!(report.pairs[0].quotes, report.quotes);
    assert_eq!(report.pairs[0].events, report.events);
}
