//! The app's root: reads the configuration, provides the API client, the session and the
//! language, and draws the shell with one route per screen (SHELL-1..4).

use api_types::Session;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::api::{Api, AppError};
use crate::components::chrome::{ProgressBar, TopBar};
use crate::components::embed::EmbedBridge;
use crate::components::i18n::{initial_locale, provide_i18n};
use crate::components::states::{ErrorSlot, Skeleton};
use crate::config::{Config, ConfigError, Mode};
use crate::i18n::Msg;
use crate::pages::not_found::NotFound;
use crate::pages::routes::Screens;

/// The id of the element a host page may fill with the configuration JSON (EMB-3).
pub const CONFIG_ELEMENT_ID: &str = "social-console-config";

pub type SessionResource = LocalResource<Result<Session, AppError>>;

pub fn use_session() -> SessionResource {
    expect_context::<SessionResource>()
}

// What a page asks for as it opens usually fails together with the session check (the network
// is down, the server is slow or restarting). The shell says that once, above the page, with one
// "Try again"; these two helpers keep the page from saying it a second time, and make that one
// "Try again" bring the page back as well.

/// A page's own load error, or `None` while the shell shows the same error for the session.
pub fn unless_shell_says(error: Signal<Option<AppError>>) -> Signal<Option<AppError>> {
    let session = use_session();
    Signal::derive(move || {
        let error = error.get()?;
        let same = session.with(|s| matches!(s, Some(Err(e)) if *e == error));
        (!same).then_some(error)
    })
}

/// Runs `again` each time the session is in again after it failed: the page then asks once more
/// for whatever failed with it.
pub fn when_session_back(again: impl Fn() + 'static) {
    let session = use_session();
    Effect::new(move |was_failed: Option<bool>| {
        let (failed, back) = session.with(|s| match s {
            Some(Err(_)) => (true, false),
            Some(Ok(_)) => (false, was_failed == Some(true)),
            // Asking again: it has not come back yet.
            None => (was_failed == Some(true), false),
        });
        if back {
            again();
        }
        failed
    });
}

#[component]
pub fn Root() -> impl IntoView {
    let start = initial_locale(None);
    let i18n = provide_i18n(start);
    // The configuration and the starting language's catalogue arrive together; the app is
    // drawn once both are here, so it never shows English words first to a Dutch reader.
    let boot = LocalResource::new(move || async move {
        let (config, ()) = futures::future::join(load_config(), i18n.switch(start, false)).await;
        if let Some(locale) = config.as_ref().ok().and_then(|c| c.locale) {
            i18n.switch(locale, true).await;
        }
        config
    });
    // No <Suspense> here: it would also wait for every resource the shell reads, and hide the
    // chrome until the session and notifications arrived. Each part shows its own placeholder.
    move || match boot.get() {
        None => view! { <div class="stc-boot"><Skeleton lines=4/></div> }.into_any(),
        Some(Ok(config)) => view! { <App config/> }.into_any(),
        Some(Err(detail)) => view! {
            <main class="stc-content stc-config-error" id="stc-main">
                <h1>{move || i18n.t(Msg::ConfigInvalidTitle)}</h1>
                <p role="alert">{move || {
                    i18n.t(Msg::ConfigInvalidBody(i18n.t(Msg::ConfigProblem(detail.clone()))))
                }}</p>
            </main>
        }
        .into_any(),
    }
}

#[component]
fn App(config: Config) -> impl IntoView {
    let api = Api::new(&config);
    provide_context(config.clone());
    provide_context(api.clone());
    let session: SessionResource = LocalResource::new(move || {
        let api = api.clone();
        async move { api.session().await }
    });
    provide_context(session);
    let session_error = Signal::derive(move || session.get().and_then(|r| r.err()));
    let standalone = config.mode == Mode::Standalone;

    view! {
        <Router base=config.base_path.clone()>
            <EmbedBridge/>
            <div class="stc-app" class:stc-app--embedded=!standalone>
                {standalone.then(|| view! { <TopBar/> })}
                <ProgressBar/>
                <main id="stc-main" class="stc-main" tabindex="-1">
                    <ErrorSlot error=session_error on_retry=Callback::new(move |_| session.refetch())/>
                    // One catch-all route; `pages::routes` says which screen an address shows.
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/*any") view=Screens/>
                    </Routes>
                </main>
            </div>
        </Router>
    }
}

/// Reads the configuration: from the host page's JSON element if there is one, else from
/// `config.json` next to `index.html` (resolved against the document's base URL).
async fn load_config() -> Result<Config, ConfigError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(ConfigError::NoDocument)?;
    let base_uri = document
        .base_uri()
        .ok()
        .flatten()
        .ok_or(ConfigError::NoDocument)?;
    let base_path = web_sys::Url::new(&base_uri)
        .map(|u| u.pathname())
        .unwrap_or_else(|_| "/".into());
    if let Some(el) = document.get_element_by_id(CONFIG_ELEMENT_ID) {
        let config = Config::parse(&el.text_content().unwrap_or_default(), &base_path)?;
        // A host element the configuration names must be there (EMB-2).
        if let Some(id) = &config.host_element {
            if document.get_element_by_id(id).is_none() {
                return Err(ConfigError::HostElementMissing(id.clone()));
            }
        }
        return Ok(config);
    }
    let url = web_sys::Url::new_with_base("config.json", &base_uri)
        .map(|u| u.href())
        .map_err(|_| ConfigError::NotLoaded("config.json".into(), None))?;
    // Asked for by `boot.js` as the page started, usually (`api::early`).
    let response = match crate::api::early::take(&url) {
        Some(early) => early.answer().await.map_err(drop),
        None => gloo_net::http::Request::get(&url)
            .send()
            .await
            .map_err(drop),
    }
    .map_err(|_| ConfigError::NotLoaded(url.clone(), None))?;
    if !response.ok() {
        return Err(ConfigError::NotLoaded(url, Some(response.status())));
    }
    let text = response
        .text()
        .await
        .map_err(|_| ConfigError::NotLoaded(url.clone(), None))?;
    Config::parse(&text, &base_path)
}
