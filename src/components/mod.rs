//! Shared UI pieces.

pub mod chrome;
pub mod format;
pub mod i18n;
pub mod states;
