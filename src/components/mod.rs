//! Shared UI pieces.

pub mod chrome;
pub mod i18n;
pub mod states;

// ---- Instagram search (issue 6)
pub mod format;
pub mod refresh;
