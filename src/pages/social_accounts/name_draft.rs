//! The display name being typed on a card, kept per account in the tab's session storage until it
//! is saved (FAIL-1: nothing typed is lost). A reload, such as signing in again after the console
//! session ended (FAIL-2), brings it back. Storage that is full or switched off only means
//! nothing is kept.

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

const PREFIX: &str = "stc-acc-name:";

fn key(account_id: &str) -> String {
    format!("{PREFIX}{account_id}")
}

/// The name typed for `account_id` and not saved yet.
pub(super) fn load(account_id: &str) -> Option<String> {
    take(&mut load_all(), account_id)
}

/// Every name typed and not saved yet, as (account id, name): storage read once for a whole
/// list, not once per account (issue 9). Usually none, a few at most.
pub(super) fn load_all() -> Vec<(String, String)> {
    let mut drafts = Vec::new();
    let Some(s) = storage() else {
        return drafts;
    };
    for i in 0..s.length().unwrap_or(0) {
        let Some(k) = s.key(i).ok().flatten() else {
            continue;
        };
        if let Some(id) = k.strip_prefix(PREFIX) {
            if let Some(typed) = s.get_item(&k).ok().flatten() {
                drafts.push((id.to_string(), typed));
            }
        }
    }
    drafts
}

/// Takes `account_id`'s name out of what [`load_all`] read.
pub(super) fn take(drafts: &mut Vec<(String, String)>, account_id: &str) -> Option<String> {
    let at = drafts.iter().position(|(id, _)| id == account_id)?;
    Some(drafts.swap_remove(at).1)
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
