//! Shared UI pieces.

pub mod chrome;
pub mod format;
pub mod i18n;
pub mod states;
// ---- Streams (STR) and token refresh (OAUTH): issue 8
pub mod icons;
pub mod refresh;
