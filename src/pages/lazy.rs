//! Screens whose code the browser fetches the first time one is opened (issue 9).
//!
//! Most people open the console on Social Accounts and many never leave it, yet every screen's
//! code used to arrive with the first page: about a third of the wasm. The release build
//! (`bin/build-wasm`, with the `split` feature) cuts the module at the functions below with
//! `wasm_split`: Instagram search, saved assets, streams and rights management each become a
//! chunk of their own (code the screens share goes to shared chunks), fetched from next to the
//! app's JS when the route first renders. While it arrives the screen shows the skeleton every
//! screen shows while its data loads; if it cannot be fetched the person reads why, in words,
//! with a button to try again (the loader does not remember a failure). Opening the screen a
//! second time costs nothing: a loaded chunk stays loaded.
//!
//! Without the `split` feature (the browser tests, `cargo check`) the same functions return the
//! screen directly, so nothing else in the app knows whether its code was split.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::components::i18n::I18n;
use crate::components::states::{notice, Skeleton};
use crate::domain::routes::{screen_of, Screen};
use crate::i18n::Msg;
use crate::split::ready_now;

/// The chunk of a screen could not be fetched or instantiated (offline, the server lost the
/// file after a deployment). The browser console has the details; the person gets words.
#[derive(Clone, Debug, PartialEq)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

pub(crate) type Loading<T> = Pin<Box<dyn Future<Output = Result<T, NotLoaded>>>>;

/// How a screen's code arrives: `fetch` makes sure its chunk is there, `build` then makes its
/// view (at once, as the chunk is loaded by then).
#[derive(Clone, Copy)]
struct Loader {
    fetch: fn() -> Loading<()>,
    build: fn() -> Loading<AnyView>,
}

/// One split point per screen: the screen's component, the chunk (`split_<chunk>.wasm`), the
/// page it draws, and the class of the box that holds its skeleton or failure (the box the page
/// itself draws, so nothing moves when it arrives). Skipped by rustfmt, which indents the
/// `wasm_split` attribute further on every run inside a macro.
#[rustfmt::skip]
macro_rules! split_screens {
    ($($screen:ident = $module:ident($view:path) in $place:literal;)*) => { $(
        mod $module {
            use super::*;

            #[cfg(feature = "split")]
            #[leptos::wasm_split::wasm_split(
                $module,
                wasm_split_path = ::leptos::wasm_split,
                preload(fetch_chunk),
                fallible
            )]
            pub fn build() -> Result<AnyView, NotLoaded> {
                Ok(view! { <$view/> }.into_any())
            }

            #[cfg(feature = "split")]
            pub fn loader() -> Loader {
                Loader {
                    fetch: || Box::pin(async { Ok(fetch_chunk().await?) }),
                    build: || Box::pin(build()),
                }
            }

            #[cfg(not(feature = "split"))]
            pub fn loader() -> Loader {
                Loader {
                    fetch: || Box::pin(async { Ok(()) }),
                    build: || Box::pin(async { Ok(view! { <$view/> }.into_any()) }),
                }
            }
        }

        #[component]
        pub fn $screen() -> impl IntoView {
            view! { <SplitScreen loader=$module::loader() place=$place/> }
        }
    )* };
}

// Search, assets and rights management sit in a layout with a padded content box (`stc-page`);
// Streams' layout draws only its band, and the screen pads itself (`stc-content`).
split_screens! {
    InstagramSearchScreen = search(crate::pages::library::InstagramSearchPage) in "stc-page";
    AssetsScreen = assets(crate::pages::library::AssetsPage) in "stc-page";
    StreamsScreen = streams(crate::pages::streams::StreamsPage) in "stc-content";
    RightsManagementScreen = rights(crate::pages::settings::RightsManagementPage) in "stc-page";
}

/// The split screen a link to `path` (without the base path) opens, by the route table.
fn loader_for(path: &str) -> Option<Loader> {
    match screen_of(path) {
        Screen::InstagramSearch => Some(search::loader()),
        Screen::Assets => Some(assets::loader()),
        Screen::Streams => Some(streams::loader()),
        Screen::RightsManagement => Some(rights::loader()),
        Screen::SocialAccounts | Screen::NotFound => None,
    }
}

/// Starts fetching the code of the screen a link leads to, when the pointer rests on the link or
/// the link gets focus: the time between that and the click is usually enough for the chunk to
/// arrive, so the screen opens without its loading skeleton. Nothing happens for the screens in
/// the main module or a chunk already there; a failure is left for the screen to say if it is
/// opened (the loader remembers no failure).
pub fn prefetch(path: &str) {
    if let Some(loader) = loader_for(path) {
        leptos::task::spawn_local(async move {
            let _ = (loader.fetch)().await;
        });
    }
}

/// Starts `fetch` for the chunk named `chunk`, once, however often it is called (on every
/// pointer move over a list, say). A failure forgets the call: the view that needs the chunk
/// says so if it is opened, and the next call asks again.
#[cfg(feature = "split")]
pub(crate) fn prefetch_once(chunk: &'static str, fetch: fn() -> Loading<()>) {
    thread_local! {
        static ASKED: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let first = ASKED.with_borrow_mut(|asked| {
        let first = !asked.contains(&chunk);
        if first {
            asked.push(chunk);
        }
        first
    });
    if first {
        leptos::task::spawn_local(async move {
            if fetch().await.is_err() {
                ASKED.with_borrow_mut(|asked| asked.retain(|c| *c != chunk));
            }
        });
    }
}

/// The skeleton while a screen's code arrives, the screen once it is there, and the reason with
/// a retry when it could not be fetched.
#[component]
fn SplitScreen(loader: Loader, place: &'static str) -> impl IntoView {
    // The screen's views read the language through a memo that goes with the screen.
    I18n::provide_scoped();
    chunk_view(
        loader.fetch,
        loader.build,
        || Msg::ScreenNotLoaded,
        4,
        Some(place),
    )
}

/// A view whose code is in a chunk (a screen here; an account's expanded card,
/// `social_accounts::panel`): built in this turn if the chunk is already there, else a skeleton
/// of `lines` while `fetch` brings it, and `not_loaded` in words with Try again if it cannot be
/// fetched. `place`, if any, is the class of the box the skeleton and the failure sit in (the
/// box the view itself draws, so nothing moves when it arrives).
pub(crate) fn chunk_view(
    fetch: fn() -> Loading<()>,
    build: impl Fn() -> Loading<AnyView> + Clone + Send + Sync + 'static,
    not_loaded: fn() -> Msg,
    lines: usize,
    place: Option<&'static str>,
) -> AnyView {
    // Once the chunk is there, `build` is ready at its first poll: the view is built here, under
    // the caller's owner, in the same turn.
    let built = {
        let build = build.clone();
        move || match ready_now(build()) {
            Some(Ok(view)) => Some(view),
            Some(Err(NotLoaded)) | None => None,
        }
    };
    if matches!(ready_now(fetch()), Some(Ok(()))) {
        if let Some(view) = built() {
            return view;
        }
    }
    let fetched = LocalResource::new(fetch);
    // Try again is replaced by what it brings (the view, or the failure said again), and the
    // focus on it would fall to the page: it goes to the box that holds this view instead (the
    // bell's panel, the card's details, the screen's content), so the keyboard keeps its place
    // and Escape still closes the bell.
    let home = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let retry = Callback::new(move |_| {
        let mut holder = document()
            .active_element()
            .and_then(|e| e.closest(".stc-error-slot").ok().flatten())
            .and_then(|slot| slot.parent_element());
        if place.is_some() {
            // Past the framing box, which goes when the view arrives.
            holder = holder.and_then(|frame| frame.parent_element());
        }
        home.set_value(holder.and_then(|e| wasm_bindgen::JsCast::dyn_into(e).ok()));
        fetched.refetch();
    });
    let refocus = move || {
        let Some(el) = home.try_update_value(Option::take).flatten() else {
            return;
        };
        request_animation_frame(move || {
            let body: Option<web_sys::Element> = document().body().map(Into::into);
            let lost = document().active_element().is_none_or(|a| Some(a) == body);
            if lost && el.is_connected() {
                if !el.has_attribute("tabindex") {
                    let _ = el.set_attribute("tabindex", "-1");
                }
                let _ = el.focus();
            }
        });
    };
    let framed = move |inner: AnyView| match place {
        Some(class) => view! { <section class=class>{inner}</section> }.into_any(),
        None => inner,
    };
    let failed = move || {
        let msg = not_loaded();
        framed(
            view! {
                <div class="stc-error-slot" role="alert">
                    {notice(msg, Some(retry), false)}
                </div>
            }
            .into_any(),
        )
    };
    (move || match fetched.get() {
        None => framed(view! { <Skeleton lines/> }.into_any()),
        Some(Err(NotLoaded)) => {
            refocus();
            failed()
        }
        Some(Ok(())) => match built() {
            Some(view) => {
                refocus();
                view
            }
            None => failed(),
        },
    })
    .into_any()
}
