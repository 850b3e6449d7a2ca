//! Social token console: the part of the Livefyre console that keeps social-network tokens alive.
//!
//! Layout: `domain/` holds the product rules (pure Rust, tested natively), `api/` the typed client
//! for the console API contract, `i18n/` the message catalogs, `components/` shared UI pieces and
//! `pages/` one module per screen. Data flows one way: page → `api` → `domain` → components.

pub mod api;
pub mod config;
pub mod domain;
pub mod i18n;
pub mod split;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod pages;

/// Entry point: mounts the app into the host page's element, or the page's body (EMB-2).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    console_error_panic_hook::set_once();
    components::embed::remove_static_placeholder();
    if let Some(target) = components::embed::mount_target() {
        leptos::mount::mount_to(target, app::Root).forget();
    }
}
