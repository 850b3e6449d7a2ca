//! Small decorative icons. Each sits next to words that say the same thing (A11Y-1: never an
//! icon or a colour alone), so they are hidden from assistive technology.

use leptos::prelude::*;

/// A check mark: running, done.
#[component]
pub fn CheckIcon() -> impl IntoView {
    view! {
        <svg class="stc-icon stc-icon--check" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="7.3" fill="currentColor"/>
            <path d="M4.4 8.3 7 10.8l4.7-5.3" fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>
        </svg>
    }
}

/// An "i" in a circle: a note worth reading.
#[component]
pub fn InfoIcon() -> impl IntoView {
    view! {
        <svg class="stc-icon stc-icon--info" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="7.3" fill="currentColor"/>
            <path d="M7.1 6.8h1.8v5.4H7.1zM7.1 3.6h1.8v1.8H7.1z" fill="#fff"/>
        </svg>
    }
}

/// A turning circle while something runs (still when the person prefers reduced motion).
#[component]
pub fn Spinner() -> impl IntoView {
    view! { <span class="stc-spinner" aria-hidden="true"></span> }
}

/// A clock: a token expiring soon.
#[component]
pub fn ClockIcon() -> impl IntoView {
    view! {
        <svg class="stc-icon stc-icon--clock" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="6.3" fill="none" stroke="currentColor" stroke-width="1.8"/>
            <path d="M8 4.3V8l2.6 1.7" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>
        </svg>
    }
}
