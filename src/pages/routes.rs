//! Which screen the browser's address shows (SHELL-1..3), drawn under its section's layout.
//!
//! The router (leptos_router) still owns the address: history, links, the query. Which screen an
//! address shows is decided by `domain::routes`, a `match` over the path, under one catch-all
//! route. Declared as thirteen nested `<Route>`s the same table compiled to a generic instance
//! per route and per level of nesting (issue 9, performance.md "Round 10"); one route and this
//! table are one.
//!
//! A screen's section (its band and navigation) is drawn by the section's layout and stays in
//! place while the person moves between that section's screens, so a focused link in the side
//! navigation keeps its focus. Only the screen below it is replaced.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use super::lazy::{AssetsScreen, InstagramSearchScreen, RightsManagementScreen, StreamsScreen};
use super::library::LibraryLayout;
use super::not_found::NotFound;
use super::settings::{SettingsLayout, SocialAccountsPage};
use super::streams::StreamsLayout;
use crate::config::Config;
use crate::domain::routes::{place_under, Place, Screen, Section};

/// Where the browser's address leads, by the route table (tracked): what the screens below
/// draw, and which tab the top bar marks.
pub fn current_place() -> Memo<Place> {
    let base = expect_context::<Config>().base_path;
    let location = use_location();
    Memo::new(move |_| place_under(&base, &location.pathname.get()))
}

/// The screen of the current address, inside its section's layout.
#[component]
pub fn Screens() -> impl IntoView {
    let navigate = use_navigate();
    let place = current_place();
    Effect::new(move |_| {
        if let Place::Redirect(to) = place.get() {
            let options = NavigateOptions {
                replace: true,
                ..Default::default()
            };
            // An in-app path: the router puts its base in front (EMB-1).
            navigate(to, options);
        }
    });
    // While a redirect is under way nothing is drawn: the next address is a screen.
    let screen = Memo::new(move |_| match place.get() {
        Place::Screen(screen) => Some(screen),
        Place::Redirect(_) => None,
    });
    let section = Memo::new(move |_| screen.get().map(Screen::section));
    // Each layout redraws only its screen when the person moves inside the section.
    let screen_in = move || {
        move || match screen.get() {
            Some(Screen::SocialAccounts) => view! { <SocialAccountsPage/> }.into_any(),
            Some(Screen::RightsManagement) => view! { <RightsManagementScreen/> }.into_any(),
            Some(Screen::InstagramSearch) => view! { <InstagramSearchScreen/> }.into_any(),
            Some(Screen::Assets) => view! { <AssetsScreen/> }.into_any(),
            Some(Screen::Streams) => view! { <StreamsScreen/> }.into_any(),
            // Another section's screen, for the moment before this layout goes.
            Some(Screen::NotFound) | None => ().into_any(),
        }
    };
    move || match section.get() {
        None => ().into_any(),
        Some(Section::Settings) => {
            view! { <SettingsLayout>{screen_in()}</SettingsLayout> }.into_any()
        }
        Some(Section::Library) => view! { <LibraryLayout>{screen_in()}</LibraryLayout> }.into_any(),
        Some(Section::Streams) => view! { <StreamsLayout>{screen_in()}</StreamsLayout> }.into_any(),
        Some(Section::None) => view! { <NotFound/> }.into_any(),
    }
}
