//! Running one fallible step over many files on a few threads, with results in input order so that
//! "the first error" does not depend on thread timing.

use std::thread;

/// Applies `step` to every item, in parallel, and returns the results in input order, or the first
/// error in input order if there is one. Work for the processors (`threads` at most
/// [`cpu_threads`]) runs on rayon's pool; more threads than that (writing, where file syncs wait on
/// the disk) are `threads` named scoped threads (fewer for few items), each taking a contiguous
/// chunk and stopping at its first error.
pub(crate) fn try_map<T, R, E>(
    name: &str,
    items: &[T],
    threads: usize,
    step: impl Fn(&T) -> Result<R, E> + Sync,
) -> Result<Vec<R>, E>
where
    T: Sync,
    R: Send,
    E: Send,
{
    if threads <= cpu_threads() {
        // Work for the processors: rayon's one pool of threads, kept for the whole run (a new
        // thread per batch made the allocator map, and the system zero, fresh pages for every
        // batch of a large project). Every item is done; the first error in input order is the
        // one returned. `name` names threads started for writing, below.
        use rayon::prelude::*;
        name_the_pool();
        let results: Vec<Result<R, E>> = items.par_iter().with_min_len(4).map(&step).collect();
        return results.into_iter().collect();
    }
    // Below a few items per thread, starting threads costs more than it saves.
    let threads = threads.min(items.len() / 4).max(1);
    if threads == 1 {
        return items.iter().map(&step).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let step = &step;
    let results: Vec<Result<Vec<R>, E>> = thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(i, part)| {
                let spawned = thread::Builder::new()
                    .name(format!("{name}-{i}"))
                    .spawn_scoped(scope, move || part.iter().map(step).collect());
                (part, spawned)
            })
            .collect();
        handles
            .into_iter()
            .map(|(part, spawned)| match spawned {
                // A panic is a bug, not bad data: pass it on as if there were no threads.
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                // The system would not start a thread: do its part on this one.
                Err(_) => part.iter().map(step).collect(),
            })
            .collect()
    });
    let mut all = Vec::with_capacity(items.len());
    for result in results {
        all.extend(result?);
    }
    Ok(all)
}

/// Names rayon's threads `gloss-worker-N` (in a profiler, a debugger, `top -H`), once, before the
/// pool first starts; a pool someone else started first keeps its names.
fn name_the_pool() {
    static NAMED: std::sync::Once = std::sync::Once::new();
    NAMED.call_once(|| {
        let _already_started = rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("gloss-worker-{i}"))
            .build_global();
    });
}

/// How many threads to parse with: the cores, at most 4.
pub(crate) fn cpu_threads() -> usize {
    thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4)
}

/// How many threads to write with: file syncs wait on the disk, and the file system commits
/// concurrent syncs together, so more threads than cores pay off.
pub(crate) const IO_THREADS: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_input_order_and_the_first_error_wins() {
        let items: Vec<u32> = (0..100).collect();
        let doubled = try_map("test", &items, 4, |&i| Ok::<_, u32>(i * 2)).unwrap();
        assert_eq!(doubled, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        let failed = try_map(
            "test",
            &items,
            4,
            |&i| if i % 30 == 29 { Err(i) } else { Ok(i) },
        );
        assert_eq!(failed, Err(29));
    }
}
