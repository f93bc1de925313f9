//! Property tests draw the same cases on every run, so that a run of `cargo test` passes or fails
//! the same way on every machine and every time: a case that fails is a bug found, and it is found
//! before a commit, not by chance in CI. To explore new cases, set `PROPTEST_RNG_SEED` to any number
//! (and `PROPTEST_CASES` for more of them); a failure found that way goes into the test's
//! `.proptest-regressions` file beside it, which every later run replays first.

use proptest::test_runner::{Config, RngSeed};

/// The seed every run uses unless `PROPTEST_RNG_SEED` says otherwise.
const SEED: u64 = 0x6c05_5a11;

/// A config with `cases` cases (or `PROPTEST_CASES`, when set) drawn from the fixed seed (or from
/// `PROPTEST_RNG_SEED`, when set).
pub fn config(cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    let mut config = Config {
        cases,
        ..Config::default()
    };
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        config.rng_seed = RngSeed::Fixed(SEED);
    }
    config
}
