//! The display name being typed on a card, kept per account in the tab's session storage until it
//! is saved (FAIL-1: nothing typed is lost). A reload, such as signing in again after the console
//! session ended (FAIL-2), brings it back. Storage that is full or switched off only means
//! nothing is kept.

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn key(account_id: &str) -> String {
    format!("stc-acc-name:{account_id}")
}

/// The name typed for `account_id` and not saved yet.
pub(super) fn load(account_id: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(&key(account_id)).ok().flatten())
}

pub(super) fn keep(account_id: &str, typed: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(&key(account_id), typed);
    }
}

/// Saved: nothing left to keep.
pub(super) fn clear(account_id: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(&key(account_id));
    }
}
