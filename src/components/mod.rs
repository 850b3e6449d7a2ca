//! Shared UI pieces.

pub mod chrome;
pub mod dialog;
pub mod drawn_time;
pub mod format;
pub mod i18n;
pub mod states;
// ---- Streams (STR) and token refresh (OAUTH): issue 8
pub mod icons;
pub mod refresh;
pub mod resume;
pub mod show_all;
// ---- Expiry notifications (issue 5: NOT-2, NOT-4)
#[cfg(target_arch = "wasm32")]
pub mod notifications;
// ---- Rights requests (issue 7: RR-1..8)
pub mod counter;
#[cfg(target_arch = "wasm32")]
pub mod rights;
// ---- Embedding in the Livefyre console (issue 11: EMB-1, EMB-2)
pub mod embed;
