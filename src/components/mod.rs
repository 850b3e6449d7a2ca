//! Shared UI pieces.

pub mod chrome;
pub mod i18n;
pub mod states;
