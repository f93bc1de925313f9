//! `gloss train`: trains a tagger model from a project layer (optionally continuing from the
//! shipped news model), scores it on held-out documents and writes the model file that
//! `project.ron`'s `ner_model` setting can name.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use serde::Serialize;

use super::Hooks;
use crate::model::{LayerName, Project};
use crate::storage;
use crate::suggest::baseline::Baseline;
use crate::suggest::evaluate::LabelScores;
use crate::suggest::tagger::{TaggerModel, TrainingOptions};
use crate::suggest::tagger_shipped::{NEWS, news_model};
use crate::suggest::training::score_on;
use crate::suggest::{Recommenders, TrainingSet};

/// What to train, as a user names it.
#[derive(Debug, Clone, Default)]
pub struct TrainRequest {
    /// The layer to learn from (documents without it fall back to gold, as the tagger does).
    pub layer: String,
    /// Continue from a shipped model (`news`) instead of starting from nothing.
    pub base: Option<String>,
    /// Score on this project's documents (same layer) instead of holding out every fifth document;
    /// the model then learns from every document of the project.
    pub test: Option<PathBuf>,
    /// Passes over the training sentences (0: the default).
    pub epochs: usize,
    /// Feature rows whose weights all stay below this are left out of the file (smaller, faster).
    pub min_weight: f32,
}

/// What `gloss train` prints.
#[derive(Debug, Serialize)]
pub struct TrainReport {
    pub layer: String,
    pub base: Option<String>,
    pub train_documents: usize,
    pub test_documents: usize,
    /// Exact-match scores per label on the held-out documents, when there were any.
    pub held_out: Option<LabelScores>,
    pub labels: Vec<String>,
    pub features: usize,
    pub bytes: usize,
    pub out: PathBuf,
    #[serde(skip)]
    pub duration: Duration,
}

/// Trains, scores and writes the model to `out` (atomically). Nothing is written when training
/// fails or is cancelled.
pub fn train_model(
    dir: &Path,
    request: &TrainRequest,
    out: &Path,
    hooks: Hooks<'_>,
) -> anyhow::Result<TrainReport> {
    let started = Instant::now();
    let layer = LayerName::new(&request.layer).with_context(|| {
        format!(
            "--layer {:?}: expected a name of ASCII letters, digits, '-', '_' or '.'",
            request.layer
        )
    })?;
    let base = match request.base.as_deref() {
        None => None,
        Some(NEWS) => Some(news_model().context("this build of Gloss has no news model")?),
        Some(other) => anyhow::bail!("--base {other:?}: the only shipped model is \"{NEWS}\""),
    };
    let project = storage::load(dir)?;
    let set = TrainingSet::from_project(&project, &layer);
    if set.documents.is_empty() {
        anyhow::bail!(
            "{}: no document has entities in layer {layer} (or in gold) to learn from",
            dir.display()
        );
    }
    let options = TrainingOptions {
        epochs: if request.epochs == 0 {
            TrainingOptions::default().epochs
        } else {
            request.epochs
        },
        ..TrainingOptions::default()
    };
    let cancelled = || hooks.cancelled();
    let base = base.as_deref();
    let (held_out, train_documents, test_documents) = match &request.test {
        Some(test_dir) => {
            let test_project = storage::load(test_dir)?;
            let test = TrainingSet::from_project(&test_project, &layer);
            (None, set.documents.len(), Some(test))
        }
        None => match set.split() {
            Some((train, test)) => {
                hooks.report(0, 2, "training on the held-in documents");
                let model = TaggerModel::train_from(base, &train, options, &cancelled)
                    .context("training was cancelled or found no entity")?;
                let scores = score_on(&model, &test);
                (Some(scores), train.documents.len(), Some(test))
            }
            None => (None, set.documents.len(), None),
        },
    };
    hooks.report(1, 2, "training on every document");
    let model = TaggerModel::train_from(base, &set, options, &cancelled)
        .context("training was cancelled or found no entity")?;
    // Score the model as written (rounded, pruned), so the figures are the file's.
    let bytes = model.to_bytes(request.min_weight);
    let written = TaggerModel::from_bytes(&bytes).context("the model did not read back")?;
    let held_out = match (&request.test, held_out, &test_documents) {
        (Some(_), _, Some(test)) => Some(score_on(&written, test)),
        (_, scores, _) => scores,
    };
    if let Some(folder) = out.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("creating the folder {}", folder.display()))?;
    }
    storage::write_atomic(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    Ok(TrainReport {
        layer: layer.to_string(),
        base: request.base.clone(),
        train_documents: if request.test.is_some() {
            train_documents
        } else {
            set.documents.len()
        },
        test_documents: test_documents.map_or(0, |t| t.documents.len()),
        held_out,
        labels: written.labels().to_vec(),
        features: written.feature_count(),
        bytes: bytes.len(),
        out: out.to_owned(),
        duration: started.elapsed(),
    })
}

/// Reads a model file that a project names, from inside the project folder only.
/// Like every file of a project, it is read only when neither it nor a folder on its way is a
/// symbolic link (which could point anywhere), only if it is a regular file, and only up to the size
/// limit of the project's files.
pub fn read_project_model(dir: &Path, relative: &str) -> anyhow::Result<TaggerModel> {
    let path = project_model_path(dir, relative)?;
    let mut walked = dir.to_path_buf();
    for part in Path::new(relative).components() {
        walked.push(part);
        if std::fs::symlink_metadata(&walked).is_ok_and(|m| m.file_type().is_symlink()) {
            anyhow::bail!(
                "{}: this is a symbolic link; Gloss reads only real files and folders inside the \
                 project folder (replace the link with what it points to)",
                walked.display()
            );
        }
    }
    let bytes = crate::storage::read_project_file(&path, crate::storage::max_ron_bytes())?;
    TaggerModel::from_bytes(&bytes).with_context(|| format!("{}", path.display()))
}

/// The model project.ron's `ner_model` names, read from inside the project folder; `None` when it
/// names none.
pub fn project_model(project: &Project, dir: &Path) -> anyhow::Result<Option<Arc<TaggerModel>>> {
    project
        .settings
        .ner_model
        .as_deref()
        .map(|relative| read_project_model(dir, relative).map(Arc::new))
        .transpose()
}

/// `relative` under `dir`, refusing absolute paths and `..` (a project file names files inside its
/// own folder, never elsewhere on the user's disk).
pub fn project_model_path(dir: &Path, relative: &str) -> anyhow::Result<PathBuf> {
    let path = Path::new(relative);
    let inside = path
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if !inside || relative.is_empty() {
        anyhow::bail!(
            "project.ron: ner_model {relative:?}: expected a path inside the project folder, such as \"models/news.model\""
        );
    }
    Ok(dir.join(path))
}

/// Puts the model that project.ron's `ner_model` names into the baseline, in place of the shipped
/// one. An error (naming the file) when it is outside the project folder or not a model.
pub fn use_project_model(
    project: &Project,
    dir: &Path,
    recommenders: &mut Recommenders,
) -> anyhow::Result<()> {
    if let Some(relative) = project.settings.ner_model.as_deref() {
        let model = read_project_model(dir, relative)?;
        recommenders.push(Box::new(Baseline::with_model(Arc::new(model))));
    }
    Ok(())
}
