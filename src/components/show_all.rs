//! The button under a summary that lists only its most urgent few (NOT-3): the accounts' banner
//! on Social Accounts and the streams' summary on Streams.

use leptos::prelude::*;

use super::i18n::use_i18n;
use crate::i18n::Msg;

/// "Show all N" / "Show the most urgent only". Only the list it `controls` follows it, so the
/// button keeps its place and its focus.
#[component]
pub fn ShowAllToggle(
    show_all: RwSignal<bool>,
    total: u32,
    controls: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="stc-button stc-button--secondary stc-attention__more"
            aria-expanded=move || show_all.get().to_string()
            aria-controls=controls
            on:click=move |_| show_all.update(|all| *all = !*all)
        >
            {move || i18n.t(if show_all.get() {
                Msg::NotBannerShowFewer
            } else {
                Msg::NotBannerShowAll(total)
            })}
        </button>
    }
}
