//! Small decorative icons. Each sits next to words that say the same thing (A11Y-1: never an
//! icon or a colour alone), so they are hidden from assistive technology.
//!
//! An icon is one empty `<span>`; the stylesheet draws its shape (`.stc-icon--<name>`, a mask
//! over `currentColor`). Inline SVG cost five to seven DOM nodes an icon, built by parsing HTML
//! through Leptos's template cache, and the account and result lists show two or three icons a
//! row: drawing them in CSS made Social Accounts with 1,000 accounts render faster and the wasm
//! smaller (issue 9, numbers in docs/performance.md).

use leptos::prelude::*;

use super::format;
use super::i18n::use_i18n;
use crate::domain::accounts::{state_icon, state_msg, StateIcon};
use crate::domain::token::TokenState;

/// One icon: `class` names its shape (and size, where it is not 16 px).
pub fn icon(class: &'static str) -> impl IntoView {
    view! { <span class=class aria-hidden="true"></span> }
}

/// A check mark in a filled circle: running, done, active.
#[component]
pub fn CheckIcon() -> impl IntoView {
    icon("stc-icon stc-icon--check")
}

/// A check mark alone (a post already saved).
#[component]
pub fn TickIcon() -> impl IntoView {
    icon("stc-icon stc-icon--tick")
}

/// An "i" in a circle: a note worth reading.
#[component]
pub fn InfoIcon() -> impl IntoView {
    icon("stc-icon stc-icon--info")
}

/// A clock: a token that expires soon.
#[component]
pub fn ClockIcon() -> impl IntoView {
    icon("stc-icon stc-icon--clock")
}

/// The red warning triangle of the original console (`warningError.png`), decorative: the state
/// is always also written in words next to it.
#[component]
pub fn WarningIcon() -> impl IntoView {
    icon("stc-icon stc-icon--warning")
}

/// A chevron pointing down (it turns when its panel opens).
#[component]
pub fn ChevronIcon() -> impl IntoView {
    icon("stc-icon stc-icon--chevron")
}

/// A cross: close.
#[component]
pub fn CloseIcon() -> impl IntoView {
    icon("stc-icon stc-icon--close")
}

/// A bell: notifications.
#[component]
pub fn BellIcon() -> impl IntoView {
    icon("stc-icon stc-icon--bell")
}

/// A magnifying glass: search.
#[component]
pub fn SearchIcon() -> impl IntoView {
    icon("stc-icon stc-icon--search")
}

/// A triangle pointing right: a video.
#[component]
pub fn PlayIcon() -> impl IntoView {
    icon("stc-icon stc-icon--play")
}

/// A turning circle while something runs (still when the person prefers reduced motion).
#[component]
pub fn Spinner() -> impl IntoView {
    view! { <span class="stc-spinner" aria-hidden="true"></span> }
}

/// A token's state in words with its icon, never colour alone (ACC-2): a check when active, a
/// clock when it expires soon, the warning triangle when it needs attention. One place for the
/// account cards, Rights Management and the rights dialog's account picker.
#[component]
pub fn TokenStateBadge(
    state: TokenState,
    /// The badge's class, with `--ok`, `--soon` or `--bad` added: `stc-acc-state` on the pages,
    /// `stc-rights-option__state` in the picker.
    #[prop(default = "stc-acc-state")]
    block: &'static str,
    /// Leave the triangle out (a card's head shows it on the right, as the original console did).
    #[prop(optional)]
    no_warning_icon: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let (modifier, shape) = match state_icon(state) {
        StateIcon::Ok => ("ok", Some("stc-icon stc-icon--check")),
        StateIcon::Clock => ("soon", Some("stc-icon stc-icon--clock")),
        StateIcon::Warning => (
            "bad",
            (!no_warning_icon).then_some("stc-icon stc-icon--warning"),
        ),
    };
    view! {
        <span class=format!("{block} {block}--{modifier}")>
            {shape.map(icon)}
            <span class="stc-acc-state__text">
                {move || {
                    let locale = i18n.lang();
                    i18n.t(state_msg(state, |t| format::date(t, locale)))
                }}
            </span>
        </span>
    }
}
