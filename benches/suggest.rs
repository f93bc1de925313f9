//! The trained tagger's speed: training on 50,000 annotated tokens, and suggesting for a 1,000-word
//! article (the tagger alone, and every standard recommender together); loading the shipped news
//! model.
//!
//! Targets on a 2-core machine: training ≤ 5 s; suggesting for a 1,000-word article ≤ 20 ms.
//! Run: `cargo bench --bench suggest -- --warm-up-time 1 --measurement-time 5`
// Setup failures in a benchmark should stop it loudly; there is no user data here.
#![allow(clippy::unwrap_used)]

#[path = "support/corpus.rs"]
mod corpus;

use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::model::{DocId, Document};
use gloss::suggest::tagger::{TaggerModel, TrainingOptions};
use gloss::suggest::{
    Recommender, Recommenders, SuggestContext, TaggerRecommender, TrainingView, suggest_with,
};

fn tagger(c: &mut Criterion) {
    let set = corpus::corpus(50_000, 7);
    let mut group = c.benchmark_group("tagger");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("train on 50,000 tokens", |b| {
        b.iter(|| TaggerModel::train(&set, TrainingOptions::default(), &|| false).unwrap())
    });
    group.finish();

    let model = Arc::new(TaggerModel::train(&set, TrainingOptions::default(), &|| false).unwrap());
    let mut rng = corpus::Rng::new(99);
    let article = corpus::article(&mut rng, 1_000);
    let document = Document::from_raw(DocId::slug("bench"), "bench", &article.text);
    let schema = news_schema();
    let training = TrainingView::default();
    let recommender = TaggerRecommender::new(Arc::clone(&model));
    let mut group = c.benchmark_group("suggest for a 1,000-word article");
    group.bench_function("tagger", |b| {
        b.iter(|| {
            let ctx = SuggestContext::new(&document, &schema, None, &training);
            recommender.suggest(&ctx)
        })
    });
    let mut all = Recommenders::standard();
    all.install_tagger(model);
    group.bench_function("all standard recommenders", |b| {
        b.iter(|| suggest_with(&document, &schema, None, &training, &all, &[]))
    });
    group.finish();
}

/// The news preset's schema, whose labels the corpus uses.
fn news_schema() -> gloss::model::Schema {
    gloss::storage::presets::preset("news").unwrap()
}

/// Reading the shipped news model (assets/models/news.model, embedded in the binary) into a
/// tagger: what the first suggestion of a session waits for. Target: ≤ 200 ms.
fn news_model_load(c: &mut Criterion) {
    let mut group = c.benchmark_group("news model");
    group.sample_size(10);
    group.bench_function("load the shipped model", |b| {
        b.iter(|| gloss::suggest::tagger_shipped::load_news_model().unwrap())
    });
    group.finish();
}

criterion_group!(benches, tagger, news_model_load);
criterion_main!(benches);
