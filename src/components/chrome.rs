//! The console chrome drawn in standalone mode (SHELL-1): the dark top bar with the product, the
//! tabs this app implements, the notification bell, the network and the signed-in user.

use leptos::prelude::*;

use super::i18n::use_i18n;
use super::notifications::Bell;
use super::states::WarningIcon;
use crate::api::Api;
use crate::app::{use_session, SessionResource};
use crate::domain::routes::{Place, Section, INSTAGRAM_SEARCH, SOCIAL_ACCOUNTS, STREAMS};
use crate::i18n::{Locale, Msg};
use crate::pages::lazy::prefetch;
use crate::pages::routes::current_place;

/// One top-level tab: its label, where it goes, and the section whose screens make it current.
struct Tab {
    label: Msg,
    href: &'static str,
    section: Section,
}

const TABS: [Tab; 3] = [
    Tab {
        label: Msg::TabLibrary,
        href: INSTAGRAM_SEARCH,
        section: Section::Library,
    },
    Tab {
        label: Msg::TabStreams,
        href: STREAMS,
        section: Section::Streams,
    },
    Tab {
        label: Msg::TabSettings,
        href: SOCIAL_ACCOUNTS,
        section: Section::Settings,
    },
];

/// Moves focus to the main content. Done by hand: the router handles in-page links itself and
/// the browser would not move focus.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    if let Some(main) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("stc-main"))
    {
        use wasm_bindgen::JsCast;
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            let _ = main.focus();
        }
    }
}

#[component]
pub fn TopBar() -> impl IntoView {
    let i18n = use_i18n();
    let config = expect_context::<crate::config::Config>();
    // The section of the screen the address shows (the same table that draws it): none on the
    // not-found page, and the base path taken off first (EMB-1).
    let place = current_place();
    let section = Memo::new(move |_| match place.get() {
        Place::Screen(screen) => Some(screen.section()),
        Place::Redirect(_) => None,
    });
    let tabs = TABS
        .iter()
        .map(|tab| {
            let href = config.href(tab.href);
            let to = tab.href;
            let label = &tab.label;
            let own = tab.section;
            let current = Memo::new(move |_| section.get() == Some(own));
            view! {
                <li>
                    <a
                        class="stc-topbar__tab"
                        class:stc-topbar__tab--current=current
                        aria-current=move || current.get().then_some("page")
                        href=href
                        on:pointerenter=move |_| prefetch(to)
                        on:focus=move |_| prefetch(to)
                    >
                        {move || i18n.t(label)}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <header class="stc-topbar">
            <a class="stc-skip-link" href="#stc-main" on:click=skip_to_main>{move || i18n.t(Msg::SkipToContent)}</a>
            <span class="stc-topbar__brand">
                <svg class="stc-topbar__logo" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
                    <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" stroke-width="1.5"/>
                    <circle cx="10" cy="10" r="4" fill="none" stroke="currentColor" stroke-width="1.5"/>
                </svg>
                {move || i18n.t(Msg::ProductName)}
            </span>
            <nav class="stc-topbar__nav" aria-label=move || i18n.t(Msg::MainNavigation)>
                <ul class="stc-topbar__tabs">{tabs}</ul>
            </nav>
            <div class="stc-topbar__tools">
                <Bell/>
                <SessionSummary/>
                <LanguageSwitch/>
            </div>
        </header>
    }
}

/// The network name and the signed-in user, or a placeholder of the same size while loading.
#[component]
fn SessionSummary() -> impl IntoView {
    let i18n = use_i18n();
    let session: SessionResource = use_session();
    view! {
        <div class="stc-topbar__session">
            {move || match session.get() {
                Some(Ok(s)) => {
                    let network = s.network.name.clone();
                    let user = s.user.name.clone();
                    let role = s.user.role;
                    view! {
                        <span class="stc-topbar__network" title=move || i18n.t(Msg::NetworkLabel(network.clone()))>
                            {s.network.name.clone()}
                        </span>
                        <span class="stc-topbar__user">
                            <span class="stc-visually-hidden">
                                {move || i18n.t(Msg::SignedInAs { name: user.clone(), role: role.into() })}
                            </span>
                            <span aria-hidden="true">{s.user.name.clone()}</span>
                        </span>
                    }
                        .into_any()
                }
                // Still loading: a placeholder of the same size, so nothing jumps (SHELL-4).
                None => view! { <span class="stc-topbar__network stc-topbar__network--pending" aria-hidden="true"></span> }.into_any(),
                // Failed: the main area says why (ErrorSlot); nothing here pretends to load.
                Some(Err(_)) => ().into_any(),
            }}
        </div>
    }
}

/// The language menu (I18N-1).
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(l) = Locale::from_tag(&event_target_value(&ev)) {
            i18n.set(l);
        }
    };
    // A language whose catalogue could not be fetched (i18n::on_demand): said under the menu,
    // in the language still in use, until a choice works.
    let problem = move || {
        i18n.not_loaded.get().map(|l| {
            view! {
                <p class="stc-language__problem" role="alert">
                    <WarningIcon/>
                    <span>{move || i18n.t(Msg::LanguageNotLoaded(l.native_name().to_string()))}</span>
                </p>
            }
        })
    };
    view! {
        <div class="stc-language">
            <label>
                <span class="stc-visually-hidden">{move || i18n.t(Msg::Language)}</span>
                <select class="stc-language__select" on:change=on_change prop:value=move || i18n.lang().tag()>
                    {Locale::ALL
                        .into_iter()
                        .map(|l| view! { <option value=l.tag() lang=l.tag()>{l.native_name()}</option> })
                        .collect_view()}
                </select>
            </label>
            {problem}
        </div>
    }
}

/// A thin bar at the top while any request is in flight (SHELL-4). It fades in after a short
/// delay (CSS) so quick answers do not flash.
#[component]
pub fn ProgressBar() -> impl IntoView {
    let i18n = use_i18n();
    let api = expect_context::<Api>();
    let busy = move || api.in_flight.get() > 0;
    view! {
        <div class="stc-progress" hidden=move || !busy() role="progressbar" aria-label=move || i18n.t(Msg::Loading)>
            <div class="stc-progress__bar"></div>
        </div>
    }
}
