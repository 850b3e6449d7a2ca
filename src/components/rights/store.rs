//! What the person wrote in the Rights options dialog, kept per post in the tab's session
//! storage: the chosen account, the message, the grant note, and the attempt whose answer never
//! came (its idempotency key and body, RR-5). Closing the dialog, a same-tab authorization or a
//! reload lose none of it. Storage that is full or switched off only means nothing is kept.

use api_types::CreateRightsRequest;
use serde::{Deserialize, Serialize};

use crate::domain::rights::Attempt;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(super) struct Saved {
    #[serde(default)]
    pub account: Option<String>,
    #[serde(default)]
    pub message: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub attempt_key: Option<String>,
    #[serde(default)]
    pub attempt_body: Option<CreateRightsRequest>,
}

impl Saved {
    pub fn attempt(&self) -> Option<Attempt> {
        Some(Attempt {
            key: self.attempt_key.clone()?,
            body: self.attempt_body.clone()?,
        })
    }

    pub fn set_attempt(&mut self, attempt: Option<Attempt>) {
        self.attempt_key = attempt.as_ref().map(|a| a.key.clone());
        self.attempt_body = attempt.map(|a| a.body);
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn key(post_id: &str) -> String {
    format!("stc-rights:{post_id}")
}

pub(super) fn load(post_id: &str) -> Saved {
    storage()
        .and_then(|s| s.get_item(&key(post_id)).ok().flatten())
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

pub(super) fn update(post_id: &str, change: impl FnOnce(&mut Saved)) {
    let mut saved = load(post_id);
    change(&mut saved);
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(&saved)) {
        let _ = s.set_item(&key(post_id), &json);
    }
}

/// A new idempotency key: a random UUID from the browser's cryptography, else one made from
/// the clock and `Math.random` (still unique per attempt in practice).
pub(super) fn new_key() -> String {
    if let Some(uuid) = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
    {
        return uuid;
    }
    format!(
        "stc-{:x}-{:x}",
        (js_sys::Date::now()) as u64,
        (js_sys::Math::random() * 1e15) as u64
    )
}
