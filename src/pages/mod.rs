//! One module per screen of the console.

pub mod lazy;
pub mod library;
pub mod not_found;
pub mod rights_management;
pub mod routes;
pub mod settings;
pub mod social_accounts;
pub mod streams;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::i18n::use_i18n;
use crate::config::Config;
use crate::i18n::Msg;

/// Whether the address `path` is `prefix` or below it (both with the base path).
fn is_under(path: &str, prefix: &str) -> bool {
    path == prefix
        || path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// A link in a section's navigation, marked current (in words for assistive technology through
/// `aria-current`, and visibly by more than colour: weight and a bar) when its route is open.
#[component]
pub fn NavLink(
    path: &'static str,
    label: Msg,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let config = expect_context::<Config>();
    let location = use_location();
    let href = config.href(path);
    let current = Memo::new(move |_| is_under(&location.pathname.get(), &config.href(path)));
    view! {
        <a
            class=class
            class:is-current=current
            aria-current=move || current.get().then_some("page")
            href=href
            on:pointerenter=move |_| lazy::prefetch(path)
            on:focus=move |_| lazy::prefetch(path)
        >
            {move || i18n.t(&label)}
        </a>
    }
}

/// The grey title band and sub-tabs at the top of a console section (Settings, Library).
#[component]
pub fn SectionHeader(title: Msg, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="stc-section-header">
            <h1 class="stc-section-header__title">{move || i18n.t(&title)}</h1>
            <div class="stc-subtabs">{children()}</div>
        </div>
    }
}
