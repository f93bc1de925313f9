//! The command line's grammar: every subcommand, flag and help text that `gloss --help` shows.

use std::path::PathBuf;

use clap::builder::PossibleValuesParser;
use clap::{Args, Parser, Subcommand};

use crate::workbench::PRESET_NAMES;

const EXAMPLES: &str = "\
Examples:
  gloss projects/kosovo-talks                     open the sample project in the window
  gloss new my-project --preset news              make an empty project with the news schema
  gloss import my-project articles/               add every .txt file under articles/
  gloss check my-project                          validate offsets, labels, links and ids
  gloss stats my-project                          documents, annotations and progress per layer
  gloss export my-project --format jsonl --out gold.jsonl --layer gold
  gloss agree my-project                          agreement between the annotators' layers
  gloss adjudicate my-project --auto              merge what annotators agree on into gold
  gloss search my-project Vučić                   every mention across the corpus (finds Vucic too)";

/// Gloss: annotate news articles with entities, quotes and events.
///
/// Without a subcommand, opens PROJECT (a project folder) in the annotation window. The subcommands
/// work on a project folder without a window.
#[derive(Debug, Parser)]
#[command(
    name = "gloss",
    version,
    args_conflicts_with_subcommands = true,
    after_long_help = EXAMPLES,
    after_help = "Run `gloss --help` for examples, `gloss <COMMAND> --help` for each command."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub window: WindowArgs,
}

// What opens the window: `gloss [PROJECT]` and `gloss open [PROJECT]` take the same arguments. A plain
// comment, not a doc comment: clap would make a flattened struct's doc the top-level `about`.
#[derive(Debug, Args)]
pub struct WindowArgs {
    /// The project folder to open.
    pub project: Option<PathBuf>,

    /// Open as this annotator without asking "Who is annotating?" (for scripts and desktop
    /// shortcuts); the name the window remembers is left as it was.
    #[arg(long = "as", value_name = "NAME")]
    pub annotator: Option<String>,

    /// Render the window, write a PNG of it to FILE and exit (for smoke tests and the README).
    #[arg(long, value_name = "FILE")]
    pub screenshot: Option<PathBuf>,

    /// How many frames to render before taking the screenshot.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 10,
        requires = "screenshot",
        value_parser = clap::value_parser!(u32).range(1..)
    )]
    pub frames: u32,

    /// The window's size in points, WIDTHxHEIGHT (at least 720x480).
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub size: Option<[f32; 2]>,

    /// Keys to press, one a frame, once the project has opened and before the screenshot is taken:
    /// names such as n, shift+n, ctrl+r, alt+s, F3, Enter, Escape, PageDown, separated by spaces.
    #[arg(long, value_name = "KEYS", requires = "screenshot")]
    pub keys: Option<String>,
}

/// `1400x900` as a size in points; the smallest the window lays out is 720x480.
fn parse_size(text: &str) -> Result<[f32; 2], String> {
    let expected = || format!("{text:?}: expected WIDTHxHEIGHT in points, such as 1400x900");
    let (width, height) = text.split_once(['x', 'X']).ok_or_else(expected)?;
    let width: u16 = width.trim().parse().map_err(|_| expected())?;
    let height: u16 = height.trim().parse().map_err(|_| expected())?;
    if width < 720 || height < 480 {
        return Err(format!(
            "{text:?}: the window is at least 720x480 (it lays out nothing smaller)"
        ));
    }
    Ok([f32::from(width), f32::from(height)])
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open a project in the annotation window (the same as `gloss [PROJECT]`).
    #[command(after_long_help = "\
Examples:
  gloss open projects/kosovo-talks
  gloss open --screenshot shot.png --frames 5 projects/kosovo-talks
  gloss open --screenshot review.png --as amira --keys \"ctrl+r n\" projects/kosovo-talks
  gloss open --size 720x480 projects/kosovo-talks")]
    Open(WindowArgs),

    /// Create an empty project folder with a schema preset.
    ///
    /// The folder must be new or empty, so an existing project is never overwritten.
    #[command(after_long_help = "\
Examples:
  gloss new kosovo --preset news
  gloss new conll-check --preset conll --name \"CoNLL re-annotation\"")]
    New(NewArgs),

    /// Add documents to a project: plain-text files (the default), or annotated files of another
    /// tool with --format.
    ///
    /// Each text file becomes one document (or one per non-empty line with --split-lines). Folders are
    /// searched recursively for *.txt files, imported in sorted order. Files must be UTF-8; CRLF line
    /// endings become LF. Nothing is written unless every file can be imported.
    ///
    /// With --format, every span is checked against the text it claims to cover: a span that does
    /// not fit is reported (file, line, expected and found text) and skipped. Labels the schema lacks
    /// are added to it and reported. A file that cannot be parsed leaves the project unchanged.
    #[command(after_long_help = "\
Examples:
  gloss import my-project article.txt
  gloss import my-project articles/ more/interview.txt
  gloss import my-project headlines.txt --split-lines
  gloss import my-project pages/ --duplicates link   (saved web pages; one story twice: linked)
  gloss import my-project all.jsonl --format jsonl            (Gloss's own: each line's layer)
  gloss import my-project prodigy.jsonl --format jsonl --layer alice   (spaCy/Prodigy or doccano)
  gloss import my-project brat-folder/ --format brat --layer gold
  gloss import my-project train.conll --format conll --layer conll
  gloss import my-project inception/ --format webanno-tsv3 --layer bob
  gloss import my-project export.json --format label-studio --layer carol")]
    Import(ImportArgs),

    /// Validate a project: covered text, bounds, links, schema conformance, ids.
    ///
    /// Exits 0 and prints one `ok:` line when the project is valid; otherwise exits 1 and prints one
    /// line per problem. Files an interrupted save left behind (temp files, texts and layer folders of
    /// documents the index does not list) are listed as leftovers; `--repair` removes them.
    #[command(after_long_help = "\
Examples:
  gloss check projects/kosovo-talks
  gloss check projects/kosovo-talks --repair")]
    Check(CheckArgs),

    /// Show documents, annotations per kind and label, and progress, per layer (of one project,
    /// or of several counted as one corpus).
    #[command(after_long_help = "\
Examples:
  gloss stats projects/kosovo-talks
  gloss stats projects/kosovo-talks --json
  gloss stats corpus/2024-01 corpus/2024-02 corpus/2024-03")]
    Stats(StatsArgs),

    /// Export annotations for other tools: jsonl, spacy, conll, brat, hf or csv.
    ///
    /// Offsets in the output count Unicode code points (Python `str` indices), half-open. Every
    /// annotation a format cannot hold is named in the summary (the export still succeeds).
    #[command(after_long_help = "\
Examples:
  gloss export projects/kosovo-talks --format jsonl --out all.jsonl
  gloss export projects/kosovo-talks --format jsonl --out gold.jsonl --layer gold
  gloss export projects/kosovo-talks --format spacy --out amira.jsonl --layer amira --status done
  gloss export projects/kosovo-talks --format conll --out gold.conll --gold --scheme bilou
  gloss export projects/kosovo-talks --format brat --out brat-folder/
  gloss export projects/kosovo-talks --format hf --out train.jsonl --gold   (and labels.json beside it)
  gloss export projects/kosovo-talks --format csv --out spreadsheets/   (quotes.csv, events.csv)
  gloss export corpus/2024-01 corpus/2024-02 --format jsonl --out corpus.jsonl --gold")]
    Export(ExportArgs),

    /// Print the recommenders' suggestions as JSON lines, or write them into a layer (--apply).
    ///
    /// One JSON object per suggestion: entities, quotes (with cue and speaker) and events (with
    /// arguments); offsets count Unicode code points, half-open.
    Suggest(super::suggest::SuggestArgs),

    /// Score each recommender (or another layer) against a gold layer: precision, recall and F1 per
    /// label, exact and overlap matching, speaker and argument accuracy.
    Eval(super::eval::EvalArgs),

    /// Measure how far annotators agree, for entity mentions, quotes and events.
    ///
    /// Entity mentions, overall and per label: span F1 (exact and overlap), Cohen's κ (two layers)
    /// or Fleiss' κ (more), Krippendorff's α over tokens and α_u over characters. Quotes: content
    /// F1, speaker agreement, cue F1. Events: trigger F1, type agreement, argument F1. Then each
    /// pair of layers, and diagnostics. Figures print with three decimals; `—` (JSON null) marks a
    /// measure undefined for the data.
    Agree(super::agree::AgreeArgs),

    /// Merge into the gold layer what enough annotators agree on (--auto), and report per document
    /// how many disagreements remain for the curator.
    Adjudicate(super::adjudicate::AdjudicateArgs),

    /// Train an entity tagger from a project layer, print its held-out precision, recall and F1 per
    /// label, and write the model file (which project.ron's ner_model setting can name).
    Train(super::train::TrainArgs),

    /// Search every document: text (case and diacritics ignored), a regex, or annotations by
    /// label, attribute, quote speaker, event type and participant.
    ///
    /// Prints each hit with its context and a count, or with --json one object per hit. Offsets
    /// count Unicode code points, half-open. The index lives in the project's .gloss-cache/
    /// folder (ignored by git) and is rebuilt when missing or out of date.
    Search(super::search::SearchArgs),

    /// Find where a layer disagrees with itself across the corpus: one surface form with
    /// different labels, a form labelled in one place and not in another, boundary variants
    /// ("Albin Kurti" and "Prime Minister Albin Kurti"), overlapping mentions of different labels.
    ///
    /// Case and accents are ignored when comparing forms. Exits 0 whatever it finds; the window's
    /// consistency panel fixes the first two kinds in bulk (one undo step).
    Consistency(super::consistency::ConsistencyArgs),

    /// Who said what: every quote of a layer grouped by speaker, outlet or document, with counts,
    /// the direct / indirect / mixed split, the cue words, outlets, documents and dates.
    ///
    /// A speaker mention linked to a canonical entity (entities.ron) counts as that entity, whatever
    /// it says ("Vucic", "he"); other speakers are compared ignoring case and accents. The entity
    /// column holds the entity's key, else the speaker mentions' knowledge-base ids (norm).
    Quotes(super::quotes::QuotesArgs),

    /// What happened: every event of a layer, one row per event type and participant (the
    /// canonical entity its mention links to, else the mention's text), with the roles it fills,
    /// counts, documents and dates; with --format json also a timeline of events per document date.
    Events(super::events::EventsArgs),

    /// Show a document's details (title, outlet, authors, published, language, source URL), or
    /// change them: the same check as the window's Document details, saved atomically.
    ///
    /// --published must be RFC 3339 (2022-10-27 or 2022-10-27T10:00:00Z); a value that is not
    /// valid changes nothing. An empty value clears a field.
    Meta(super::meta::MetaArgs),

    /// Share your work through the project's git remote and bring in everyone else's: commits your
    /// layer files (and, for a curator, project.ron, texts and gold) as one commit saying what you
    /// annotated, fetches, puts your commits on top, pushes; retries when someone pushed first.
    ///
    /// Uses the clone's remote and your git credentials (ssh agent, credential helpers). Without
    /// the network the commit waits for the next sync. A change you may not share (project.ron for
    /// an annotator who is not a curator) is left out with a warning; a version of a file that a
    /// newer one replaces is kept in .gloss-sync/kept/. Refused while a Gloss window has the
    /// project open (use its Sync button).
    Sync(super::sync::SyncArgs),

    /// Assign documents to annotators, evenly and with a fixed overlap for agreement: each
    /// document gets --per-doc of --annotators, every annotator about the same number, and the
    /// groups rotate so every pair shares documents. Or name the curators.
    ///
    /// Deterministic: the same --seed gives the same assignment (without one, documents go in
    /// project order). Saved in project.ron, which a curator shares with `gloss sync`.
    Assign(super::assign::AssignArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The project folder.
    pub dir: PathBuf,
    /// Remove what an interrupted save left behind (only files Gloss makes), listing each.
    #[arg(long)]
    pub repair: bool,
}

#[derive(Debug, Args)]
pub struct DirArgs {
    /// The project folder.
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The folder to create the project in.
    pub dir: PathBuf,

    /// The schema to start from: its entity labels, quote settings and event types.
    #[arg(long, value_parser = PossibleValuesParser::new(PRESET_NAMES.iter().copied()))]
    pub preset: String,

    /// The project's name (default: the folder's name).
    #[arg(long)]
    pub name: Option<String>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The project folder.
    pub dir: PathBuf,

    /// Files, or folders searched recursively for the format's files (for txt: *.txt and saved web
    /// pages, *.html, *.htm, *.mhtml), or http(s):// URLs of web pages to fetch.
    #[arg(value_name = "PATH|URL")]
    pub paths: Vec<PathBuf>,

    /// A file listing URLs of web pages to fetch, one a line (blank lines and # comments skipped).
    #[arg(long, value_name = "FILE")]
    pub urls: Option<PathBuf>,

    /// An RSS, Atom or JSON feed whose articles are fetched, each a document (may be repeated).
    #[arg(long, value_name = "URL")]
    pub feed: Vec<String>,

    /// Keep scraped noise in the text (photo captions, "Read More" lines, bylines, an outlet's
    /// boilerplate) instead of removing it; what is removed is listed line by line.
    #[arg(long)]
    pub keep_noise: bool,

    /// What to do with a web page that repeats a document (the same URL or text, or a
    /// near-duplicate: the same story republished, word 5-gram Jaccard 0.3 or more): skip
    /// it, import it linked to the document it repeats (its duplicate_of, shown by `gloss stats`),
    /// or keep it as any other document. Each one is reported with the document it repeats.
    #[arg(long, value_name = "POLICY", default_value = "skip", value_parser = PossibleValuesParser::new(["skip", "link", "keep"]))]
    pub duplicates: String,

    /// Seconds to wait between two requests to the same host (URLs and feeds; 0 for none, e.g.
    /// for a server of your own). Requests to one host never overlap.
    #[arg(long, value_name = "SECONDS", default_value = "1")]
    pub pause: f64,

    /// The input format: txt, jsonl (Gloss's, spaCy/Prodigy or doccano, told apart by their
    /// fields), spacy, doccano, brat, conll, hf, webanno-tsv3 or label-studio.
    #[arg(long, value_name = "FORMAT", default_value = "txt")]
    pub format: String,

    /// The layer imported annotations go to (default: --annotator, else "imported"; Gloss's own
    /// jsonl keeps the layers its lines name).
    #[arg(long, value_name = "NAME")]
    pub layer: Option<String>,

    /// Make one document per non-empty line instead of one per file (txt only).
    #[arg(long)]
    pub split_lines: bool,

    /// Add NAME to the project's annotators; imported annotations name NAME as their annotator.
    #[arg(long, value_name = "NAME")]
    pub annotator: Option<String>,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// The project folder, or several: a corpus split into projects (by outlet, month or story)
    /// is counted as one, layers joined by name.
    #[arg(required = true, value_name = "DIR")]
    pub dirs: Vec<PathBuf>,

    /// Print the figures as JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The project folder, or several exported as one corpus (jsonl, spacy and csv; the other
    /// formats take one project).
    #[arg(required = true, value_name = "DIR")]
    pub dirs: Vec<PathBuf>,

    /// The output format: jsonl (Gloss's own), spacy, conll, brat, hf or csv.
    #[arg(long, value_name = "FORMAT")]
    pub format: String,

    /// The file to write, or the folder for brat and csv (files are replaced atomically).
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,

    /// Export only this layer (an annotator's name, or gold); default: every layer.
    #[arg(long, value_name = "NAME")]
    pub layer: Option<String>,

    /// Export only the gold layer (the same as --layer gold).
    #[arg(long, conflicts_with = "layer")]
    pub gold: bool,

    /// Export only layers with this status: done (for gold: adjudicated).
    #[arg(long, value_name = "STATUS", value_parser = PossibleValuesParser::new(["done"]))]
    pub status: Option<String>,

    /// The tag scheme of --format conll: iob2 (default) or bilou.
    #[arg(long, value_name = "SCHEME", value_parser = PossibleValuesParser::new(["iob2", "bilou"]))]
    pub scheme: Option<String>,
}
