//! The expanded card's code arrives when an account is first opened (issue 9).
//!
//! The expanded "Social Account" panel (the name form, the token's details, the fallback order,
//! what depends on the account, the token history, and the requests behind them) was about
//! 100 KB of the main module, 37 KB gzip: a tenth of the first load, for a part the person sees
//! only after a click. In the cut build (the `split` feature, `bin/build-wasm`) it is a chunk
//! of its own, `split_account_panel.wasm`. Pointing at a list of accounts or moving the
//! keyboard into it starts fetching it ([`prefetch`]), so by the click it is usually there;
//! until it is, the panel shows a skeleton, and if it cannot be fetched it says so in words
//! with Try again. Once loaded, every panel opens at once.
//!
//! Without the `split` feature (tests, `cargo check`) the panel is built directly.

use leptos::prelude::*;

#[cfg(not(feature = "split"))]
use super::card::AccountPanel;
use super::{Entry, Section};
use crate::domain::token::TokenState;

#[cfg(feature = "split")]
mod chunk {
    use leptos::prelude::*;

    use super::super::card::AccountPanel;
    use super::super::{Entry, Section};
    use crate::domain::token::TokenState;
    use crate::pages::lazy::NotLoaded;

    #[leptos::wasm_split::wasm_split(
        account_panel,
        wasm_split_path = ::leptos::wasm_split,
        preload(fetch),
        fallible
    )]
    pub fn build(
        entry: Entry,
        section: Section,
        state: Memo<Option<TokenState>>,
    ) -> Result<AnyView, NotLoaded> {
        Ok(view! { <AccountPanel entry section state/> }.into_any())
    }
}

/// Brings the panel's chunk.
#[cfg(feature = "split")]
fn fetch_panel() -> crate::pages::lazy::Loading<()> {
    Box::pin(async { Ok(chunk::fetch().await?) })
}

/// Starts fetching the panel's code, once (cheap to call on every pointer move).
pub fn prefetch() {
    #[cfg(feature = "split")]
    crate::pages::lazy::prefetch_once("account_panel", fetch_panel);
}

/// The expanded card, at once when its code is here, else after it arrives (`lazy::chunk_view`).
#[component]
pub(super) fn Panel(
    entry: Entry,
    section: Section,
    state: Memo<Option<TokenState>>,
) -> impl IntoView {
    #[cfg(not(feature = "split"))]
    {
        view! { <AccountPanel entry section state/> }
    }
    #[cfg(feature = "split")]
    {
        use crate::i18n::Msg;

        crate::pages::lazy::chunk_view(
            fetch_panel,
            move || Box::pin(chunk::build(entry, section, state)),
            || Msg::PanelNotLoaded,
            3,
            None,
        )
    }
}
