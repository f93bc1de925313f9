//! The project's external recommender and the user's trust in it (see [`crate::workbench::trust`]):
//! until the user allows the URL for this project, the workbench sends it nothing, neither the
//! shown document (`/predict`) nor the annotations (`/train`), and says that it wants to.

use super::super::trust::{TrustStore, untrusted_message};
use super::super::{Workbench, WorkbenchError};

/// Whether the project's external recommender may receive its documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecommenderTrust {
    /// The project names no recommender URL.
    NoRecommender,
    /// The user allowed this URL for this project (in this session or before).
    Trusted { url: String },
    /// Not allowed yet: nothing is sent, and the window asks ([`crate::workbench::Command::TrustRecommender`]).
    Untrusted { url: String },
    /// The user answered "Not now": nothing is sent, and the window does not ask again until the
    /// project is opened again.
    Declined { url: String },
}

impl RecommenderTrust {
    /// The URL the project names, if any.
    pub fn url(&self) -> Option<&str> {
        match self {
            Self::NoRecommender => None,
            Self::Trusted { url } | Self::Untrusted { url } | Self::Declined { url } => Some(url),
        }
    }

    /// Whether the window should ask the user now.
    pub fn asks(&self) -> bool {
        matches!(self, Self::Untrusted { .. })
    }

    /// A sentence for the user, when something is held back.
    pub fn message(&self) -> Option<String> {
        match self {
            Self::Untrusted { url } | Self::Declined { url } => Some(untrusted_message(url)),
            Self::NoRecommender | Self::Trusted { .. } => None,
        }
    }
}

impl Workbench {
    /// Whether the project's external recommender may receive documents: a pure read of what was
    /// checked when the project was opened or its URL changed.
    pub fn recommender_trust(&self) -> &RecommenderTrust {
        &self.suggestions.trust
    }

    /// Where the user's trust is kept (default: [`TrustStore::user`]); checks the project's URL
    /// against it again. Tests point it at a temp folder.
    pub fn set_trust_store(&mut self, store: TrustStore) {
        self.suggestions.trust_store = store;
        self.suggestions.trust_checked = None;
        self.check_trust();
        self.refresh_suggestions();
    }

    /// The project's recommender URL, trimmed; `None` when it names none.
    pub(super) fn recommender_url(&self) -> Option<&str> {
        self.project
            .settings
            .recommender_url
            .as_deref()
            .map(str::trim)
            .filter(|url| !url.is_empty())
    }

    /// Looks the project's URL up in the trust file when the URL is not the one last checked (at
    /// opening, or after the project's settings changed). Reads one small file, once per URL.
    pub(super) fn check_trust(&mut self) {
        let url = self.recommender_url().map(str::to_owned);
        if self.suggestions.trust_checked.as_ref() == Some(&url) {
            return;
        }
        self.suggestions.trust_checked = Some(url.clone());
        let Some(url) = url else {
            self.suggestions.trust = RecommenderTrust::NoRecommender;
            return;
        };
        self.suggestions.trust = match self.suggestions.trust_store.is_trusted(&self.dir, &url) {
            Ok(true) => RecommenderTrust::Trusted { url },
            Ok(false) => RecommenderTrust::Untrusted { url },
            Err(error) => {
                self.suggestions
                    .messages
                    .push(format!("External recommender not used: {error}"));
                RecommenderTrust::Untrusted { url }
            }
        };
    }

    /// "Allow for this project": remembers the trust outside the project and starts using the
    /// recommender. `url` must be the one the project names now (what the user was shown).
    pub(super) fn trust_recommender(&mut self, url: &str) -> Result<(), WorkbenchError> {
        self.check_trust();
        if self.recommender_url() != Some(url.trim()) {
            return Err(WorkbenchError::refused(format!(
                "this project does not name the recommender {url} (any more)"
            )));
        }
        let url = url.trim().to_owned();
        self.suggestions
            .trust_store
            .trust(&self.dir, &url)
            .map_err(|e| WorkbenchError::refused(format!("cannot remember the trust: {e}")))?;
        self.suggestions.trust = RecommenderTrust::Trusted { url };
        // Ask the recommender about the shown document and the annotations at the next tick.
        self.suggestions.external_requested = None;
        self.suggestions.tagger.requested = None;
        Ok(())
    }

    /// "Not now": sends nothing and stops asking until the project is opened again.
    pub(super) fn decline_recommender(&mut self) -> Result<(), WorkbenchError> {
        self.check_trust();
        match &self.suggestions.trust {
            RecommenderTrust::Untrusted { url } => {
                self.suggestions.trust = RecommenderTrust::Declined { url: url.clone() };
                Ok(())
            }
            RecommenderTrust::Declined { .. } => Ok(()),
            RecommenderTrust::NoRecommender | RecommenderTrust::Trusted { .. } => Err(
                WorkbenchError::refused("there is no untrusted recommender to turn down"),
            ),
        }
    }
}
