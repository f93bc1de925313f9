//! The real window's smoke test: `gloss --screenshot` on the sample project.

use super::{gloss, run, sample_copy, skipped};

/// The real window, under a display (`.ci/run` provides one with `xvfb-run`): it renders the sample
/// project, writes a PNG and exits 0; the PNG is not blank.
#[test]
fn the_window_renders_the_sample_project_to_a_png() {
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        skipped(
            "the_window_renders_the_sample_project_to_a_png",
            "no DISPLAY or WAYLAND_DISPLAY (run the tests under `xvfb-run -a`, as .ci/run does)",
        );
        return;
    }
    let (temp, dir) = sample_copy();
    let png = temp.path().join("window.png");

    let shot = run(gloss()
        .arg("--screenshot")
        .arg(&png)
        .args(["--frames", "5"])
        .arg(&dir)
        // Fresh preferences, so the run neither reads nor changes the user's own.
        .env("XDG_DATA_HOME", temp.path().join("data"))
        .env("XDG_CONFIG_HOME", temp.path().join("config"))
        // A safety net against a window that never closes, not a speed check.
        .timeout(std::time::Duration::from_secs(300)));

    assert!(shot.success, "gloss --screenshot failed:\n{}", shot.stderr);
    let image = image::open(&png).unwrap().to_luma8();
    assert!(
        image.width() >= 200 && image.height() >= 200,
        "{}x{}",
        image.width(),
        image.height()
    );
    let pixels: Vec<f64> = image.pixels().map(|p| f64::from(p.0[0])).collect();
    let mean = pixels.iter().sum::<f64>() / pixels.len() as f64;
    let variance = pixels.iter().map(|p| (p - mean).powi(2)).sum::<f64>() / pixels.len() as f64;
    let distinct: std::collections::BTreeSet<u8> = image.pixels().map(|p| p.0[0]).collect();
    eprintln!(
        "screenshot: {}x{}, luma variance {variance:.0}, {} grey levels",
        image.width(),
        image.height(),
        distinct.len()
    );
    assert!(
        variance > 50.0,
        "the screenshot looks blank (luma variance {variance:.1})"
    );
    assert!(
        distinct.len() > 16,
        "the screenshot has only {} grey levels",
        distinct.len()
    );
}
