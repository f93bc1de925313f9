//! Training the recommenders that learn, and choosing whether the external one may be asked: the
//! steps `gloss suggest`, `gloss eval` and the window share.

use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::Hooks;
use crate::model::{LayerName, Project};
use crate::suggest::http::{ExternalError, HttpRecommender};
use crate::suggest::tagger::{TaggerModel, TrainingOptions};
use crate::suggest::{Recommenders, TrainingSet};
use crate::workbench::trust;

/// The errors an external recommender collected while it was asked.
pub type ExternalErrors = Arc<Mutex<Vec<ExternalError>>>;

/// Trains the tagger on the documents annotated in `learn_from`; `None` when there is too little to
/// learn from or `hooks` cancels.
pub fn train_tagger(
    project: &Project,
    learn_from: &LayerName,
    hooks: Hooks<'_>,
) -> Option<TaggerModel> {
    let set = TrainingSet::from_project(project, learn_from);
    TaggerModel::train(&set, TrainingOptions::default(), &|| hooks.cancelled())
}

/// Whether the external recommender of the project in `dir` may be sent the documents' text: the
/// user asked for it now (`asked`, the command line's `--trust-recommender`, remembered in the user's
/// trust file for next time) or trusted it before, in the window or on the command line. What cannot
/// be read or remembered is said in `warnings`, and an unreadable trust file trusts nothing.
pub fn external_allowed(
    project: &Project,
    dir: &Path,
    asked: bool,
    warnings: &mut Vec<String>,
) -> bool {
    let Some(url) = project.settings.recommender_url.as_deref() else {
        return asked;
    };
    if asked {
        if let Err(error) = trust::trust(dir, url) {
            warnings.push(format!("{url} is trusted for this run only: {error}"));
        }
        return true;
    }
    trust::is_trusted(dir, url).unwrap_or_else(|error| {
        warnings.push(format!(
            "{error}; the recommender {url} is treated as not trusted"
        ));
        false
    })
}

/// The project's external recommender (its `recommender_url`), when it names one and the user has
/// trusted it (`allow_external`). A project file is not the user: text is never sent to a URL that
/// came from it without that trust. When the project names one that is not trusted, a warning for
/// the user goes to `warnings`.
pub fn external_recommender(
    project: &Project,
    allow_external: bool,
    warnings: &mut Vec<String>,
) -> Option<(HttpRecommender, ExternalErrors)> {
    let url = project.settings.recommender_url.as_ref()?;
    if !allow_external {
        warnings.push(format!(
            "skipped the external recommender {url} that project.ron names: it is not trusted \
             (pass --trust-recommender to send it the documents' text)"
        ));
        return None;
    }
    let external = HttpRecommender::new(
        url,
        Duration::from_millis(project.settings.recommender_timeout_ms),
    );
    let errors = external.errors();
    Some((external, errors))
}

/// The standard recommenders, with the tagger trained on `learn_from` when the project has
/// annotated documents, and the external one when the project names it and it is trusted.
pub fn project_recommenders(
    project: &Project,
    learn_from: &LayerName,
    allow_external: bool,
    hooks: Hooks<'_>,
    warnings: &mut Vec<String>,
) -> (Recommenders, Option<ExternalErrors>) {
    let mut recommenders = Recommenders::standard();
    if let Some(model) = train_tagger(project, learn_from, hooks) {
        recommenders.install_tagger(Arc::new(model));
    }
    let mut errors = None;
    if let Some((external, log)) = external_recommender(project, allow_external, warnings) {
        errors = Some(log);
        recommenders.push(Box::new(external));
    }
    (recommenders, errors)
}

/// Each distinct external-recommender error once, as a warning.
pub fn external_warnings(errors: &ExternalErrors, warnings: &mut Vec<String>) {
    let Ok(errors) = errors.lock() else {
        return;
    };
    for error in errors.iter() {
        let message = error.to_string();
        if !warnings.contains(&message) {
            warnings.push(message);
        }
    }
}
