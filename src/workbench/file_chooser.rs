//! Whether the desktop's own file chooser can open, asked once when the window starts. On Linux and
//! the BSDs rfd shows it through the xdg-desktop-portal on the D-Bus session bus, else through
//! `zenity`; with neither, every native dialog closes at once as if cancelled, and the analyst sees
//! nothing happen. The window then uses its own file picker and says why.

/// The variable that makes the window use its own file picker whatever the desktop offers.
pub const FILE_DIALOG_VAR: &str = "GLOSS_FILE_DIALOG";

/// Why the desktop's file chooser cannot be used, for the analyst to read; `None` when it can.
/// Asks the session bus (a few milliseconds): run it off the UI thread.
pub fn native_file_chooser_unavailable() -> Option<String> {
    if std::env::var(FILE_DIALOG_VAR).is_ok_and(|v| v.trim() == "gloss") {
        return Some(format!(
            "{FILE_DIALOG_VAR}=gloss asks for Gloss's own file picker"
        ));
    }
    platform::unavailable()
}

#[cfg(all(unix, not(target_os = "macos")))]
mod platform {
    /// The portal's name on the session bus.
    const PORTAL: &str = "org.freedesktop.portal.Desktop";

    pub fn unavailable() -> Option<String> {
        let portal = portal_on_session_bus();
        if portal.as_ref().is_ok_and(|found| *found) || zenity_installed() {
            return None;
        }
        Some(match portal {
            Err(error) => format!(
                "there is no D-Bus session bus to reach the desktop's file chooser ({error}), and \
                 zenity is not installed"
            ),
            Ok(_) => format!(
                "the desktop's file chooser (xdg-desktop-portal, {PORTAL}) is not on the session \
                 bus, and zenity is not installed"
            ),
        })
    }

    /// Whether the portal runs, or the bus can start it.
    fn portal_on_session_bus() -> Result<bool, String> {
        pollster::block_on(async {
            let connection = zbus::Connection::session()
                .await
                .map_err(|e| e.to_string())?;
            let bus = zbus::fdo::DBusProxy::new(&connection)
                .await
                .map_err(|e| e.to_string())?;
            let name = zbus::names::BusName::try_from(PORTAL).map_err(|e| e.to_string())?;
            if bus.name_has_owner(name).await.map_err(|e| e.to_string())? {
                return Ok(true);
            }
            let activatable = bus
                .list_activatable_names()
                .await
                .map_err(|e| e.to_string())?;
            Ok(activatable.iter().any(|n| n.as_str() == PORTAL))
        })
    }

    /// Whether `zenity`, rfd's fallback, is on the `PATH`.
    fn zenity_installed() -> bool {
        std::env::var_os("PATH").is_some_and(|path| {
            std::env::split_paths(&path).any(|dir| dir.join("zenity").is_file())
        })
    }
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
mod platform {
    /// Windows and macOS always have their own file dialogs.
    pub fn unavailable() -> Option<String> {
        None
    }
}
