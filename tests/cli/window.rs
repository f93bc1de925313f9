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

/// `--size` and `--keys`, as `scripts/screenshots.sh` uses them: the PNG has the size asked for, and
/// Ctrl+R, pressed once the project is open, shows the review in it (the picture changes).
#[test]
fn a_screenshot_run_takes_the_size_and_presses_the_keys_it_is_given() {
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        skipped(
            "a_screenshot_run_takes_the_size_and_presses_the_keys_it_is_given",
            "no DISPLAY or WAYLAND_DISPLAY (run the tests under `xvfb-run -a`, as .ci/run does)",
        );
        return;
    }
    let (temp, dir) = sample_copy();
    let shoot = |name: &str, keys: &[&str]| {
        let png = temp.path().join(name);
        let mut command = gloss();
        command
            .arg("--screenshot")
            .arg(&png)
            .args(["--frames", "3", "--size", "800x600", "--as", "amira"])
            .args(keys)
            .arg(&dir)
            .env("XDG_DATA_HOME", temp.path().join("data"))
            .env("XDG_CONFIG_HOME", temp.path().join("config"))
            // A safety net against a window that never closes, not a speed check.
            .timeout(std::time::Duration::from_secs(300));
        let shot = run(&mut command);
        assert!(shot.success, "gloss --screenshot failed:\n{}", shot.stderr);
        image::open(&png).unwrap().to_rgba8()
    };
    let plain = shoot("plain.png", &[]);
    let review = shoot("review.png", &["--keys", "ctrl+r"]);
    assert_eq!((plain.width(), plain.height()), (800, 600));
    assert_eq!((review.width(), review.height()), (800, 600));
    let changed = plain
        .pixels()
        .zip(review.pixels())
        .filter(|(a, b)| a != b)
        .count();
    assert!(
        changed > 800 * 600 / 20,
        "Ctrl+R changed only {changed} pixels: the review did not open"
    );
}

/// A key name `--keys` does not know is refused before any window opens, saying what was expected.
#[test]
fn an_unknown_key_name_is_refused_with_what_was_expected() {
    let (temp, dir) = sample_copy();
    let shot = run(gloss()
        .arg("--screenshot")
        .arg(temp.path().join("x.png"))
        .args(["--keys", "ctrl+r hyper+q"])
        .arg(&dir));
    assert!(!shot.success);
    assert!(
        shot.stderr.contains("hyper+q") && shot.stderr.contains("expected the modifiers"),
        "{}",
        shot.stderr
    );
    assert!(!temp.path().join("x.png").exists());
}
