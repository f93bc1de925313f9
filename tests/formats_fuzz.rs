//! Every importer against hostile input: random bytes, and real exports of the sample project (and
//! small files in the shapes other tools write) that are truncated, have numbers replaced by huge
//! ones, invalid UTF-8 put in, lines repeated or nesting made deep.
//!
//! What must hold for every input:
//! - no panic (proptest fails the case and shrinks it);
//! - no huge allocation: every document read is at most about twice the size of the files;
//! - an error names the file it is about (or says nothing was given to import);
//! - what was read applies to the project it was read against.
//!
//! 256 cases per importer by default, so CI stays fast; `PROPTEST_CASES=100000 cargo test --test
//! formats_fuzz` runs a longer campaign.
#![allow(clippy::unwrap_used)]

mod proptest_support;
use std::path::PathBuf;
use std::sync::OnceLock;

use gloss::formats::{
    ExportFormat, ExportSelection, FormatError, ImportFormat, ImportOptions, TagScheme,
};
use gloss::model::{LayerName, Project};
use proptest::prelude::*;

fn sample() -> &'static Project {
    static SAMPLE: OnceLock<Project> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        gloss::storage::load(
            &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kosovo-talks"),
        )
        .unwrap()
    })
}

/// The first lines (about 4 KB) of a real export of the sample project in `format`, as (file name, bytes).
fn exported(format: ExportFormat) -> Vec<(String, Vec<u8>)> {
    let export = gloss::formats::export(sample(), format, &ExportSelection::default()).unwrap();
    export
        .files
        .iter()
        .filter(|f| !f.path.ends_with("visual.conf"))
        .take(6)
        .map(|f| {
            // Whole lines, the first one at least, up to about 4 KB.
            let mut bytes = f.bytes.clone();
            let first = bytes
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |n| n + 1);
            let cut = bytes[..bytes.len().min(4096)]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(first, |n| (n + 1).max(first));
            bytes.truncate(cut);
            (f.path.display().to_string(), bytes)
        })
        .collect()
}

const WEBANNO: &str = "#FORMAT=WebAnno TSV 3.3\n\
#T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value\n\
#T_SP=webanno.custom.Quote|speaker\n\n\n\
#Text=Vučić met Albin Kurti 🇽🇰 .\n\
1-1\t0-5\tVučić\t*\tPER\t_\t\n\
1-2\t6-9\tmet\t_\t_\t_\t\n\
1-3\t10-15\tAlbin\t*[1]\tPER[1]\t_\t\n\
1-4\t16-21\tKurti\t*[1]\tPER[1]\t_\t\n\
1-5\t22-26\t🇽🇰\t_\t_\t_\t\n\
1-6\t27-28\t.\t_\t_\t_\t\n\n\
#Text=Prishtinë, çështje\n\
2-1\t30-39\tPrishtinë\t*\tLOC\t_\t\n\
2-2\t39-40\t,\t_\t_\t_\t\n\
2-3\t41-48\tçështje\t_\t_\tx\t\n";

const LABEL_STUDIO: &str = r#"[{"id": 7, "data": {"text": "Vucic met Kurti 🇽🇰 in Prishtinë"},
 "annotations": [{"id": 3, "result": [
   {"id": "a", "type": "labels", "from_name": "label", "to_name": "text",
    "value": {"start": 0, "end": 5, "text": "Vucic", "labels": ["PER"]}},
   {"id": "b", "type": "labels", "value": {"start": 10, "end": 15, "text": "Kurti", "labels": ["PER"]}},
   {"id": "c", "type": "relation", "from_id": "a", "to_id": "b"}]}],
 "predictions": []},
 {"text": "Brussels", "label": [{"start": 0, "end": 8, "text": "Brussels", "labels": ["GPE"]}]}]"#;

const DOCCANO: &str = concat!(
    r#"{"id": 1, "text": "Kurti met Vucic", "label": [[0, 5, "PER"], [10, 15, "PER"]]}"#,
    "\n",
    r#"{"text": "Вучић и Курти", "labels": [[0, 5, "PER"]], "relations": [{"from_id": 1, "to_id": 2, "type": "r"}]}"#,
    "\n",
    r#"{"text": "Prishtinë", "entities": [{"id": 4, "start_offset": 0, "end_offset": 9, "label": "LOC"}], "Comments": [{"text": "c"}]}"#,
    "\n",
    r#"{"text": "a b", "spans": [{"start": 0, "end": 1, "label": "X", "text": "a"}], "answer": "accept"}"#,
    "\n"
);

const BRAT_TXT: &str = "Albin Kurti met Vučić.\nKurti said \"no deal\".";
const BRAT_ANN: &str = "T1\tPER 0 11\tAlbin Kurti\nT2\tPER 16 21\tVučić\nT3\tMEET 12 15\tmet\n\
E1\tMEET:T3 Participant:T1 Participant2:T2\nT4\tContent 34 41\tno deal\nT5\tSource 23 28\tKurti\n\
R1\tAttributed_to Arg1:T4 Arg2:T5\nA1\tPolarity E1 positive\nN1\tReference T1 Gloss:Q1246\tKurti\n\
#1\tAnnotatorNotes T2\ta note\n*\tEquiv T1 T5\n";

/// The seed files of each importer.
fn seeds(format: ImportFormat) -> Vec<(String, Vec<u8>)> {
    let text = |name: &str, text: &str| vec![(name.to_owned(), text.as_bytes().to_vec())];
    match format {
        ImportFormat::Txt { .. } => text("article.txt", "Вучић и Курти\r\n\r\n🇽🇰 👨‍👩‍👧\r\nPrishtinë"),
        ImportFormat::Jsonl => exported(ExportFormat::Jsonl),
        ImportFormat::Spacy => exported(ExportFormat::Spacy),
        ImportFormat::Doccano => text("doccano.jsonl", DOCCANO),
        ImportFormat::Brat => {
            let mut files = exported(ExportFormat::Brat);
            files.truncate(4);
            files.push(("own/doc.txt".to_owned(), BRAT_TXT.as_bytes().to_vec()));
            files.push(("own/doc.ann".to_owned(), BRAT_ANN.as_bytes().to_vec()));
            files
        }
        ImportFormat::Conll => exported(ExportFormat::Conll {
            scheme: TagScheme::Bilou,
        }),
        ImportFormat::Hf => exported(ExportFormat::Hf),
        ImportFormat::WebannoTsv3 => text("doc.tsv", WEBANNO),
        ImportFormat::LabelStudio => text("tasks.json", LABEL_STUDIO),
    }
}

/// One change to a file's bytes.
#[derive(Clone, Debug)]
enum Mutation {
    /// Keep only the first part (per mille of the length).
    Truncate(u16),
    /// Replace the n-th run of digits by a huge number.
    HugeNumber(usize, &'static str),
    /// Put a byte that is never valid UTF-8 at a position (per mille).
    InvalidUtf8(u16),
    /// Insert deep nesting at a position (per mille).
    Nesting(u16, usize),
    /// Repeat the line at a position (per mille) many times.
    RepeatLine(u16, usize),
    /// Overwrite a byte at a position (per mille).
    Byte(u16, u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let huge = prop_oneof![
        Just("4000000000"),
        Just("4294967295"),
        Just("4294967296"),
        Just("18446744073709551615"),
        Just("18446744073709551616"),
        Just("99999999999999999999999999"),
        Just("-1"),
        Just("1e308"),
        Just("0"),
    ];
    prop_oneof![
        (0..1000u16).prop_map(Mutation::Truncate),
        (0..40usize, huge).prop_map(|(n, h)| Mutation::HugeNumber(n, h)),
        (0..1000u16).prop_map(Mutation::InvalidUtf8),
        (0..1000u16, 1..3000usize).prop_map(|(at, depth)| Mutation::Nesting(at, depth)),
        (0..1000u16, 1..200usize).prop_map(|(at, n)| Mutation::RepeatLine(at, n)),
        (0..1000u16, any::<u8>()).prop_map(|(at, b)| Mutation::Byte(at, b)),
    ]
}

fn at(bytes: &[u8], per_mille: u16) -> usize {
    bytes.len() * usize::from(per_mille) / 1000
}

fn mutate(bytes: &mut Vec<u8>, mutation: &Mutation) {
    match *mutation {
        Mutation::Truncate(p) => bytes.truncate(at(bytes, p)),
        Mutation::HugeNumber(n, huge) => {
            let mut runs = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i].is_ascii_digit() {
                    let start = i;
                    while i < bytes.len() && bytes[i].is_ascii_digit() {
                        i += 1;
                    }
                    runs.push(start..i);
                } else {
                    i += 1;
                }
            }
            if !runs.is_empty() {
                let run = runs[n % runs.len()].clone();
                bytes.splice(run, huge.bytes());
            }
        }
        Mutation::InvalidUtf8(p) => {
            let i = at(bytes, p);
            bytes.insert(i, 0xFF);
        }
        Mutation::Nesting(p, depth) => {
            let i = at(bytes, p);
            let nested: Vec<u8> = std::iter::repeat_n(b'[', depth)
                .chain(std::iter::repeat_n(b']', depth))
                .collect();
            bytes.splice(i..i, nested);
        }
        Mutation::RepeatLine(p, n) => {
            let i = at(bytes, p);
            let start = bytes[..i]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |s| s + 1);
            let end = bytes[i..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |e| i + e + 1);
            let line = bytes[start..end].to_vec();
            for _ in 0..n {
                bytes.splice(end..end, line.iter().copied());
            }
        }
        Mutation::Byte(p, b) => {
            let i = at(bytes, p);
            if let Some(byte) = bytes.get_mut(i) {
                *byte = b;
            }
        }
    }
}

fn options() -> ImportOptions {
    ImportOptions {
        layer: LayerName::new("fuzz").unwrap(),
        keep_layers: true,
        annotator: "fuzz".to_owned(),
        now: "2024-05-06T07:08:09Z".parse().unwrap(),
    }
}

/// Imports `files` against the sample project and checks what must hold whatever the input.
fn check(format: ImportFormat, files: &[(String, Vec<u8>)]) -> Result<(), TestCaseError> {
    let project = sample();
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    match gloss::formats::import(project, format, files, &options()) {
        Ok(import) => {
            for document in &import.documents {
                let chars = document.text.char_len();
                prop_assert!(
                    chars <= 2 * total + 4096,
                    "{}: a document of {chars} chars from {total} bytes",
                    format.name()
                );
            }
            let mut copy = project.clone();
            let applied = import.apply(&mut copy);
            prop_assert!(applied.is_ok(), "{}: {:?}", format.name(), applied.err());
        }
        Err(FormatError::Empty(_)) => {}
        Err(err) => {
            let message = err.to_string();
            prop_assert!(
                files
                    .iter()
                    .any(|(name, _)| message.starts_with(name.as_str())),
                "{}: the error names no file: {message}",
                format.name()
            );
            prop_assert!(
                message.len() < 600,
                "{}: a message of {} bytes",
                format.name(),
                message.len()
            );
        }
    }
    Ok(())
}

/// Seeds of `format` with one to three mutations applied to one of the files.
fn mutated(format: ImportFormat) -> impl Strategy<Value = Vec<(String, Vec<u8>)>> {
    let files = seeds(format);
    let count = files.len();
    (0..count, proptest::collection::vec(mutation(), 1..4)).prop_map(move |(which, mutations)| {
        let mut files = files.clone();
        for m in &mutations {
            mutate(&mut files[which].1, m);
        }
        files
    })
}

/// Random bytes under the names the seeds have.
fn random(format: ImportFormat) -> impl Strategy<Value = Vec<(String, Vec<u8>)>> {
    let names: Vec<String> = seeds(format).into_iter().map(|(n, _)| n).collect();
    proptest::collection::vec(
        prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..512),
            "[ -~\\t\\n\\u{2028}\\u{85}\\u{feff}\\r\\[\\]{}\":,0-9]{0,512}"
                .prop_map(String::into_bytes),
        ],
        names.len(),
    )
    .prop_map(move |contents| names.iter().cloned().zip(contents).collect())
}

const FORMATS: [ImportFormat; 10] = [
    ImportFormat::Txt { split_lines: false },
    ImportFormat::Txt { split_lines: true },
    ImportFormat::Jsonl,
    ImportFormat::Spacy,
    ImportFormat::Doccano,
    ImportFormat::Brat,
    ImportFormat::Conll,
    ImportFormat::Hf,
    ImportFormat::WebannoTsv3,
    ImportFormat::LabelStudio,
];

#[test]
fn every_seed_imports_cleanly() {
    for format in FORMATS {
        let files = seeds(format);
        let import = gloss::formats::import(sample(), format, &files, &options());
        assert!(import.is_ok(), "{}: {:?}", format.name(), import.err());
        let import = import.unwrap();
        assert!(
            !import.annotations.is_empty() || matches!(format, ImportFormat::Txt { .. }),
            "{}: the seed holds no annotations",
            format.name()
        );
        check(format, &files).unwrap();
    }
}

macro_rules! fuzz {
    ($name:ident, $format:expr) => {
        proptest! {
            #![proptest_config(ProptestConfig { failure_persistence: None, ..proptest_support::config(256) })]
            #[test]
            fn $name(files in prop_oneof![3 => mutated($format), 1 => random($format)]) {
                check($format, &files)?;
            }
        }
    };
}

fuzz!(txt_never_panics, ImportFormat::Txt { split_lines: false });
fuzz!(
    txt_lines_never_panics,
    ImportFormat::Txt { split_lines: true }
);
fuzz!(gloss_jsonl_never_panics, ImportFormat::Jsonl);
fuzz!(spacy_never_panics, ImportFormat::Spacy);
fuzz!(doccano_never_panics, ImportFormat::Doccano);
fuzz!(brat_never_panics, ImportFormat::Brat);
fuzz!(conll_never_panics, ImportFormat::Conll);
fuzz!(hf_never_panics, ImportFormat::Hf);
fuzz!(webanno_never_panics, ImportFormat::WebannoTsv3);
fuzz!(label_studio_never_panics, ImportFormat::LabelStudio);
