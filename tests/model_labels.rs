//! Interned labels (`model::Label`) shared by threads: the loader interns on every core. Here rather
//! than beside the code, since the model itself starts no threads (tests/architecture.rs).

use gloss::model::Label;

#[test]
fn labels_interned_on_many_threads_agree() {
    let names: Vec<String> = (0..500).map(|i| format!("threads-label-{i}")).collect();
    let runs: Vec<Vec<Label>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| names.iter().map(|n| Label::new(n)).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    assert_eq!(runs.len(), 4);
    for run in &runs {
        assert_eq!(run, &runs[0]);
    }
    for (label, name) in runs[0].iter().zip(&names) {
        assert_eq!(label.as_str(), name);
    }
}

#[test]
fn more_labels_than_the_first_slots_hold_keep_their_strings() {
    let labels: Vec<(Label, String)> = (0..5_000)
        .map(|i| {
            let name = format!("many-label-{i}");
            (Label::new(&name), name)
        })
        .collect();
    for (label, name) in &labels {
        assert_eq!(label.as_str(), name);
        assert_eq!(Label::new(name), *label);
    }
}
