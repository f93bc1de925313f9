//! The news model shipped with Gloss (`assets/models/news.model`, see `assets/models/MODEL-CARD.md`):
//! a tagger trained on openly licensed annotated English (UNER English-EWT, GUM) for PERSON, ORG,
//! GPE and LOC, which the baseline uses from the first article. Embedded in the binary and read once,
//! on first use.

use std::sync::{Arc, OnceLock};

use super::tagger::TaggerModel;

const NEWS_MODEL: &[u8] = include_bytes!("../../assets/models/news.model");

/// The name `--base` and the model card give the shipped model.
pub const NEWS: &str = "news";

/// The temperature the shipped model's confidences are read at: chosen on GUM dev so that a lone
/// word's chance of being a name is neither all but 0 nor all but 1 (see the model card).
pub const NEWS_TEMPERATURE: f32 = 10.0;

/// The shipped news model; `None` only in a build whose model asset is empty or unreadable (a
/// unit test keeps it readable).
pub fn news_model() -> Option<Arc<TaggerModel>> {
    static MODEL: OnceLock<Option<Arc<TaggerModel>>> = OnceLock::new();
    MODEL
        .get_or_init(|| load_news_model().map(Arc::new))
        .clone()
}

/// Reads the shipped model's bytes afresh (for the load-time benchmark).
pub fn load_news_model() -> Option<TaggerModel> {
    TaggerModel::from_bytes(NEWS_MODEL)
        .ok()
        .map(|model| model.with_temperature(NEWS_TEMPERATURE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_news_model_reads_and_knows_the_news_labels() {
        let Some(model) = news_model() else {
            panic!("assets/models/news.model should be a readable model");
        };
        for label in ["GPE", "LOC", "ORG", "PERSON"] {
            assert!(model.labels().iter().any(|l| l == label), "{label}");
        }
    }
}
