//! Prints how long reading the shipped news model takes, once (the criterion bench
//! `benches/suggest.rs` measures it properly): `cargo run --example news_model_load`.

fn main() {
    let started = std::time::Instant::now();
    let model = gloss::suggest::tagger_shipped::load_news_model();
    let elapsed = started.elapsed();
    match model {
        Some(model) => println!(
            "loaded the news model ({} features, labels {}) in {:.1} ms",
            model.feature_count(),
            model.labels().join(", "),
            elapsed.as_secs_f64() * 1000.0
        ),
        None => println!("this build has no readable news model"),
    }
}
