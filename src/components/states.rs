//! Loading, error and placeholder states shared by every screen (SHELL-4, FAIL-1).

use leptos::prelude::*;

use super::i18n::use_i18n;
pub use super::icons::WarningIcon;
use crate::api::AppError;
use crate::config::Config;
use crate::i18n::Msg;

/// Skeleton lines that hold the place of content while it loads, so nothing jumps (SHELL-4).
#[component]
pub fn Skeleton(#[prop(default = 3)] lines: usize) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="stc-skeleton" aria-busy="true">
            <span class="stc-visually-hidden">{move || i18n.t(Msg::Loading)}</span>
            {(0..lines).map(|_| view! { <div class="stc-skeleton__line" aria-hidden="true"></div> }).collect_view()}
        </div>
    }
}

/// An error in words where the action was, with a retry when one makes sense (FAIL-1), and the
/// way to sign in again when the console session ended (FAIL-2). Always rendered inside a live
/// region that exists before it fills (A11Y-1): see [`ErrorSlot`].
#[component]
pub fn ErrorNotice(
    error: AppError,
    #[prop(optional, into)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let retry = on_retry.filter(|_| error.is_retryable());
    notice(error.message(), retry, error == AppError::SessionEnded)
}

/// The error notice's markup, for [`ErrorNotice`] and for failures that are not the API's (a
/// screen whose code could not be fetched, `pages::lazy`).
pub fn notice(msg: Msg, on_retry: Option<Callback<()>>, sign_in: bool) -> impl IntoView {
    let i18n = use_i18n();
    let retry = on_retry.map(|cb| {
        view! {
            <button type="button" class="stc-button stc-button--secondary" on:click=move |_| cb.run(())>
                {move || i18n.t(Msg::Retry)}
            </button>
        }
    });
    let sign_in = sign_in.then(|| view! { <SignInLink/> });
    view! {
        <div class="stc-notice stc-notice--error">
            <WarningIcon/>
            <p class="stc-notice__text">{move || i18n.t(&msg)}</p>
            {retry}
            {sign_in}
        </div>
    }
}

/// A live region that exists from the first render and shows an error when there is one.
#[component]
pub fn ErrorSlot(
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(optional, into)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <div class="stc-error-slot" role="alert">
            {move || error.get().map(|e| view! { <ErrorNotice error=e on_retry=on_retry.unwrap_or(Callback::new(|_| ()))/> })}
        </div>
    }
}

/// Where to sign in again, coming back to the same place afterwards (FAIL-2).
#[component]
pub fn SignInLink() -> impl IntoView {
    let i18n = use_i18n();
    let config = expect_context::<Config>();
    let href = move || {
        let base = config
            .sign_in_url
            .clone()
            .unwrap_or_else(|| "/auth/sign-in".to_string());
        let here = web_sys::window()
            .and_then(|w| {
                let l = w.location();
                Some(format!("{}{}", l.pathname().ok()?, l.search().ok()?))
            })
            .unwrap_or_else(|| "/".into());
        let sep = if base.contains('?') { '&' } else { '?' };
        format!(
            "{base}{sep}return_to={}",
            js_sys::encode_uri_component(&here)
        )
    };
    view! { <a class="stc-button stc-button--primary" rel="external" href=href>{move || i18n.t(Msg::SignIn)}</a> }
}

/// An honest placeholder for a screen that a later piece of work fills in.
#[component]
pub fn NotBuilt(title: Msg) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="stc-page" aria-labelledby="stc-page-title">
            <h2 id="stc-page-title" class="stc-page__title">{move || i18n.t(&title)}</h2>
            <div class="stc-notice stc-notice--info" role="note">
                <p class="stc-notice__text">
                    <strong>{move || i18n.t(Msg::NotBuiltYet)}</strong>" "
                    {move || i18n.t(Msg::NotBuiltYetBody)}
                </p>
            </div>
        </section>
    }
}
