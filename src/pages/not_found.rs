//! Unknown addresses (SHELL-3): say so, and offer a way back.

use leptos::prelude::*;

use super::settings::SOCIAL_ACCOUNTS;
use crate::components::i18n::use_i18n;
use crate::config::Config;
use crate::i18n::Msg;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let config = expect_context::<Config>();
    view! {
        <section class="stc-content stc-not-found" aria-labelledby="stc-not-found-title">
            <h1 id="stc-not-found-title">{move || i18n.t(Msg::NotFoundTitle)}</h1>
            <p>{move || i18n.t(Msg::NotFoundBody)}</p>
            <a class="stc-button stc-button--primary" href=config.href(SOCIAL_ACCOUNTS)>
                {move || i18n.t(Msg::NotFoundBack)}
            </a>
        </section>
    }
}
