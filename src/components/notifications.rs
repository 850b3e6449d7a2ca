//! The notification bell and its panel (NOT-2, NOT-4, FAIL-1).
//!
//! The bell polls `GET /notifications` (every minute, doubling after failures up to ten minutes),
//! not while the tab is hidden, once as soon as it is visible again, and whenever the panel
//! opens. A failing endpoint only changes the bell's words: the page keeps working (FAIL-1).
//! The panel is a disclosure: the bell button has `aria-expanded`, Escape closes the panel and
//! puts focus back on the bell. Refresh Token runs right in the panel (shared `Refresher`).
//!
//! The panel's code arrives when it is first wanted (issue 9): in the cut build it is a chunk of
//! its own, `split_bell_panel.wasm`: 8.2 KB gzip less on every first load.
//! Pointing at the bell or focusing it starts the fetch, so by the click it is usually there;
//! until it is the panel shows a skeleton, and if it cannot be fetched it says so in words with
//! Try again, while the bell's count keeps working.

use std::time::Duration;

use api_types::{Notification, NotificationList};
use leptos::html;
use leptos::leptos_dom::helpers::{
    set_timeout_with_handle, window_event_listener_untyped, TimeoutHandle,
};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::format;
use super::i18n::{use_i18n, I18n};
use super::icons::{BellIcon, WarningIcon};
use super::refresh::{RefreshButton, RefreshFeedback, Refresher};
use super::states::ErrorNotice;
use crate::api::{Api, AppError, Polled};
use crate::app::use_session;
use crate::config::Config;
use crate::domain::notifications::{impact, open_notifications, poll_delay_secs};
use crate::domain::routes::account_path;
use crate::i18n::Msg;
use crate::pages::social_accounts::prefetch_account_details;

/// Sent on `window` when a token was refreshed anywhere in the app, so other views read their
/// data again (the bell its notifications, Social Accounts its accounts and banner).
pub const TOKEN_REFRESHED_EVENT: &str = "stc-token-refreshed";

/// Tells the rest of the app that a token was refreshed.
pub fn announce_token_refreshed() {
    if let Some(w) = web_sys::window() {
        if let Ok(ev) = web_sys::Event::new(TOKEN_REFRESHED_EVENT) {
            let _ = w.dispatch_event(&ev);
        }
    }
}

fn tab_visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .map(|d| !d.hidden())
        .unwrap_or(true)
}

/// The bell's state: the last answer and the polling timer. Cheap to copy.
#[derive(Clone, Copy)]
struct Poll {
    api: StoredValue<Api>,
    list: RwSignal<Option<Result<NotificationList, AppError>>>,
    /// The server's validator of the last list it sent, to ask with next time (`None` after a
    /// failure, so that the next answer is a list and not a `304` for a list no longer shown).
    etag: StoredValue<Option<String>>,
    failures: StoredValue<u32>,
    generation: StoredValue<u64>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Poll {
    fn clear_timer(&self) {
        if let Some(Some(t)) = self.timer.try_get_value() {
            t.clear();
        }
        self.timer.try_set_value(None);
    }

    /// Reads the notifications now; afterwards waits and reads again (only while visible).
    fn load(self) {
        self.clear_timer();
        let Some(generation) = self.generation.try_update_value(|g| {
            *g += 1;
            *g
        }) else {
            return;
        };
        let Some(api) = self.api.try_get_value() else {
            return;
        };
        let known = self.etag.try_get_value().flatten();
        spawn_local(async move {
            let result = api.notifications(known.as_deref()).await;
            if self.generation.try_get_value() != Some(generation) {
                return; // A newer read started meanwhile.
            }
            match result {
                // Nothing new: the list stays as it is, nothing is drawn again.
                Ok(Polled::Unchanged) => self.failures.set_value(0),
                Ok(Polled::Changed(list, etag)) => {
                    self.failures.set_value(0);
                    self.etag.set_value(etag);
                    self.list.try_set(Some(Ok(list)));
                }
                // A failed poll keeps the last good list visible; the bell says it could not
                // load, and the next poll asks for the whole list.
                Err(e) => {
                    self.failures.update_value(|f| *f = f.saturating_add(1));
                    self.etag.set_value(None);
                    self.list.try_set(Some(Err(e)));
                }
            }
            self.schedule();
        });
    }

    fn schedule(self) {
        self.clear_timer();
        if !tab_visible() {
            return; // Hidden tabs do not poll; becoming visible polls once.
        }
        let secs = poll_delay_secs(self.failures.get_value());
        let handle =
            set_timeout_with_handle(move || self.load(), Duration::from_secs(u64::from(secs))).ok();
        self.timer.try_set_value(handle);
    }
}

#[component]
pub fn Bell() -> impl IntoView {
    let i18n = use_i18n();
    let api = expect_context::<Api>();
    let poll = Poll {
        api: StoredValue::new(api.clone()),
        list: RwSignal::new(None),
        etag: StoredValue::new(None),
        failures: StoredValue::new(0),
        generation: StoredValue::new(0),
        timer: StoredValue::new(None),
    };
    poll.load();
    let visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if tab_visible() {
            poll.load();
        } else {
            poll.clear_timer();
        }
    });
    let refreshed = window_event_listener_untyped(TOKEN_REFRESHED_EVENT, move |_| poll.load());
    on_cleanup(move || {
        visibility.remove();
        refreshed.remove();
        poll.clear_timer();
    });

    // The last list that loaded, kept through a failed poll.
    let last_good = RwSignal::new(None::<NotificationList>);
    Effect::new(move |_| {
        if let Some(Ok(l)) = poll.list.get() {
            last_good.set(Some(l));
        }
    });
    let failed = move || matches!(poll.list.get(), Some(Err(_)));
    let unread = move || last_good.with(|l| l.as_ref().map(|l| l.unread_count).unwrap_or(0));
    let label = move || {
        if failed() && last_good.with(Option::is_none) {
            i18n.t(Msg::NotBellFailed)
        } else {
            i18n.t(Msg::NotificationsUnread(unread()))
        }
    };

    let open = RwSignal::new(false);
    let button: NodeRef<html::Button> = NodeRef::new();
    let close = move || {
        open.set(false);
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.prevent_default();
            close();
        }
    };
    // What a mark-read or dismiss did, announced politely.
    let status = RwSignal::new(None::<Msg>);

    view! {
        <div class="stc-bell" on:keydown=on_keydown>
            <button
                type="button"
                class="stc-bell__button"
                node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-controls="stc-bell-panel"
                aria-label=label
                on:pointerenter=move |_| prefetch_panel()
                on:focus=move |_| prefetch_panel()
                on:click=move |_| {
                    let now_open = !open.get_untracked();
                    open.set(now_open);
                    if now_open {
                        poll.load();
                    }
                }
            >
                <BellIcon/>
                <span class="stc-bell__count" aria-hidden="true" hidden=move || unread() == 0>{unread}</span>
                <span class="stc-bell__failed" aria-hidden="true" hidden=move || !failed()>"!"</span>
            </button>
            <div class="stc-visually-hidden" role="status">{move || status.with(|s| s.as_ref().map(|m| i18n.t(m)))}</div>
            <div
                id="stc-bell-panel"
                class="stc-bell__panel"
                role="region"
                aria-labelledby="stc-bell-title"
                hidden=move || !open.get()
            >
                <h2 id="stc-bell-title" class="stc-bell__title">{move || i18n.t(Msg::NotPanelTitle)}</h2>
                {move || open.get().then(|| panel(poll, last_good, status))}
            </div>
        </div>
    }
}

#[cfg(feature = "split")]
mod chunk {
    use api_types::NotificationList;
    use leptos::prelude::*;

    use super::{Panel, Poll};
    use crate::i18n::Msg;
    use crate::pages::lazy::NotLoaded;

    #[leptos::wasm_split::wasm_split(
        bell_panel,
        wasm_split_path = ::leptos::wasm_split,
        preload(fetch),
        fallible
    )]
    pub fn build(
        poll: Poll,
        last_good: RwSignal<Option<NotificationList>>,
        status: RwSignal<Option<Msg>>,
    ) -> Result<AnyView, NotLoaded> {
        Ok(view! { <Panel poll last_good status/> }.into_any())
    }
}

/// Brings the panel's chunk.
#[cfg(feature = "split")]
fn fetch_panel() -> crate::pages::lazy::Loading<()> {
    Box::pin(async { Ok(chunk::fetch().await?) })
}

/// Starts fetching the panel's code, once.
fn prefetch_panel() {
    #[cfg(feature = "split")]
    crate::pages::lazy::prefetch_once("bell_panel", fetch_panel);
}

/// The open panel: at once when its code is here, else after it arrives (`lazy::chunk_view`).
fn panel(
    poll: Poll,
    last_good: RwSignal<Option<NotificationList>>,
    status: RwSignal<Option<Msg>>,
) -> AnyView {
    #[cfg(not(feature = "split"))]
    {
        view! { <Panel poll last_good status/> }.into_any()
    }
    #[cfg(feature = "split")]
    {
        crate::pages::lazy::chunk_view(
            fetch_panel,
            move || Box::pin(chunk::build(poll, last_good, status)),
            || Msg::NotPanelNotLoaded,
            3,
            None,
        )
    }
}

#[component]
fn Panel(
    poll: Poll,
    last_good: RwSignal<Option<NotificationList>>,
    status: RwSignal<Option<Msg>>,
) -> impl IntoView {
    // Its items, drawn again on every poll, read the language through a memo that goes when the
    // panel closes (`I18n::scoped`).
    let i18n = I18n::provide_scoped();
    let config = expect_context::<Config>();
    let session = use_session();
    let can_refresh = move || {
        session
            .get()
            .and_then(|r| r.ok())
            .is_some_and(|s| s.permissions.refresh_tokens)
    };
    let here = web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.pathname().ok()?, l.search().ok()?))
        })
        .unwrap_or_else(|| config.href("/"));
    let refresher = Refresher::new(
        here,
        // `Refresher` itself announces the refresh; the bell reads its notifications again.
        Callback::new(move |_done: crate::components::refresh::Finished| {}),
    );
    let action_error = RwSignal::new(None::<AppError>);
    let error = move || match poll.list.get() {
        Some(Err(e)) => {
            Some(view! { <ErrorNotice error=e on_retry=Callback::new(move |_| poll.load())/> })
        }
        _ => None,
    };
    let list = move || {
        let Some(l) = last_good.get() else {
            return (!matches!(poll.list.get(), Some(Err(_))))
                .then(|| view! { <p class="stc-note">{i18n.t(Msg::NotLoading)}</p> }.into_any());
        };
        let items = open_notifications(&l.notifications);
        if items.is_empty() {
            return Some(view! { <p class="stc-note">{i18n.t(Msg::NotEmpty)}</p> }.into_any());
        }
        let mark_all = (l.unread_count > 0).then(|| {
            view! {
                <button
                    type="button"
                    class="stc-button stc-button--secondary stc-bell__all"
                    on:click=move |_| {
                        let api = poll.api.get_value();
                        spawn_local(async move {
                            match api.mark_all_notifications_read().await {
                                Ok(l) => {
                                    action_error.try_set(None);
                                    status.try_set(Some(Msg::NotMarkedRead));
                                    poll.list.try_set(Some(Ok(l)));
                                }
                                Err(e) => {
                                    action_error.try_set(Some(e));
                                }
                            }
                        });
                    }
                >
                    {i18n.t(Msg::NotMarkAllRead)}
                </button>
            }
        });
        let rows = items
            .into_iter()
            .map(|n| view! { <Item n poll status action_error can_refresh=Signal::derive(can_refresh) refresher/> })
            .collect_view();
        Some(
            view! {
                {mark_all}
                <ul class="stc-bell__list">{rows}</ul>
            }
            .into_any(),
        )
    };
    view! {
        <div class="stc-live" role="alert">
            {error}
            {move || action_error.get().map(|e| view! { <ErrorNotice error=e/> })}
        </div>
        {list}
    }
}

#[component]
fn Item(
    n: Notification,
    poll: Poll,
    status: RwSignal<Option<Msg>>,
    action_error: RwSignal<Option<AppError>>,
    can_refresh: Signal<bool>,
    refresher: Refresher,
) -> impl IntoView {
    let i18n = use_i18n();
    let config = expect_context::<Config>();
    let account = n.account.clone();
    let handle = format!("@{}", account.handle);
    let network = account.network;
    let milestone = n.milestone;
    let imp = impact(n.milestone, &n.impact);
    let created = n.created_at;
    let read = n.read;
    let id = n.id.clone();
    let open_href = config.href(&account_path(&account.id));
    let act = move |dismiss: bool, id: String| {
        let api = poll.api.get_value();
        spawn_local(async move {
            let r = if dismiss {
                api.dismiss_notification(&id).await
            } else {
                api.mark_notification_read(&id).await
            };
            match r {
                Ok(_) => {
                    action_error.try_set(None);
                    status.try_set(Some(if dismiss {
                        Msg::NotDismissed
                    } else {
                        Msg::NotMarkedRead
                    }));
                    poll.load();
                }
                Err(e) => {
                    action_error.try_set(Some(e));
                }
            }
        });
    };
    let mark = (!read).then(|| {
        let id = id.clone();
        view! {
            <button type="button" class="stc-button stc-button--secondary" on:click=move |_| act(false, id.clone())>
                {move || i18n.t(Msg::NotMarkRead)}
            </button>
        }
    });
    let refresh = {
        let account = account.clone();
        move || {
            can_refresh
                .get()
                .then(|| view! { <RefreshButton refresher account=account.clone()/> })
        }
    };
    view! {
        <li class="stc-notif" class:stc-notif--unread=!read>
            <p class="stc-notif__head">
                <WarningIcon/>
                <strong class="stc-notif__handle">{handle}</strong>
                <span aria-hidden="true">"·"</span>
                <span class="stc-notif__network">{move || i18n.t(Msg::NetworkName(network))}</span>
                <span aria-hidden="true">"·"</span>
                <span class="stc-notif__milestone">{move || i18n.t(Msg::NotMilestone(milestone))}</span>
                {(!read).then(|| view! { <span class="stc-notif__unread">{move || i18n.t(Msg::NotUnread)}</span> })}
            </p>
            <p class="stc-notif__impact">{move || i18n.t(Msg::NotImpact(imp.clone()))}</p>
            <p class="stc-notif__time">{move || i18n.t(Msg::NotSent(format::date_time(created, i18n.lang())))}</p>
            <div class="stc-notif__actions">
                {refresh}
                <a
                    class="stc-button stc-button--secondary"
                    href=open_href
                    on:pointerenter=move |_| prefetch_account_details()
                    on:focus=move |_| prefetch_account_details()
                >
                    {move || i18n.t(Msg::NotOpenAccount)}
                </a>
                {mark}
                <button type="button" class="stc-button stc-button--secondary" on:click=move |_| act(true, id.clone())>
                    {move || i18n.t(Msg::NotDismiss)}
                </button>
            </div>
            <RefreshFeedback refresher account/>
        </li>
    }
}
