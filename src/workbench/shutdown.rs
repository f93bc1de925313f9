//! Closing on a signal: SIGTERM (a logout, `kill`, a service manager), SIGINT (Ctrl+C in the
//! terminal that started Gloss) and SIGHUP (that terminal closing) ask the window to close as its
//! close button does, so that unsaved edits are saved and the project lock is released instead of
//! the process dying with edits not yet autosaved.
//!
//! A `gloss-signals` thread waits for the signals (the handler itself only writes to a pipe, which
//! is all a signal handler may safely do), sets a flag and wakes the window, which closes on its
//! next frame.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether a closing signal arrived. Cheap to clone.
#[derive(Clone, Debug, Default)]
pub struct ShutdownSignal {
    requested: Arc<AtomicBool>,
}

impl ShutdownSignal {
    /// Starts listening; `wake` runs (on the signal thread) when a signal arrives. On platforms
    /// without these signals it never fires.
    pub fn listen(wake: Arc<dyn Fn() + Send + Sync>) -> std::io::Result<Self> {
        let signal = Self::default();
        platform::listen(Arc::clone(&signal.requested), wake)?;
        Ok(signal)
    }

    /// Whether the window should close now.
    pub fn requested(&self) -> bool {
        self.requested.load(Ordering::Relaxed)
    }
}

#[cfg(unix)]
mod platform {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    pub fn listen(
        requested: Arc<AtomicBool>,
        wake: Arc<dyn Fn() + Send + Sync>,
    ) -> std::io::Result<()> {
        let mut signals = Signals::new([SIGTERM, SIGINT, SIGHUP])?;
        std::thread::Builder::new()
            .name("gloss-signals".to_owned())
            .spawn(move || {
                for _ in signals.forever() {
                    requested.store(true, Ordering::Relaxed);
                    wake();
                }
            })?;
        Ok(())
    }
}

#[cfg(not(unix))]
mod platform {
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;

    pub fn listen(
        _requested: Arc<AtomicBool>,
        _wake: Arc<dyn Fn() + Send + Sync>,
    ) -> std::io::Result<()> {
        Ok(())
    }
}
