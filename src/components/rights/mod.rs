//! The Rights options dialog (RR-1..8): Request Rights on a search result or a saved asset opens
//! it. A native `<dialog>` (showModal) labelled by its heading, with the tabs **Manually request
//! rights** and **Manually grant rights** and the post's **Activity History** below them. Focus
//! returns to the button that opened it.
//!
//! One dialog serves a whole page: the page owns a [`RightsTarget`] and each card's button sets
//! it. What the person writes is kept per post in the tab's session storage (with the
//! idempotency key of an unanswered attempt), so closing the dialog, an expired token, a
//! refresh in the same tab or a reload lose nothing and never send twice (RR-3, RR-5).

mod grant;
mod history;
mod request;
mod store;

use std::collections::HashMap;
use std::sync::Arc;

use api_types::{ActivityEntry, Post, RightsAccount, RightsRequest, RightsStatus, SocialAccount};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use leptos_router::hooks::use_query_map;
use wasm_bindgen::JsCast;

use crate::api::{server_now, Api, AppError};
use crate::components::dialog::Modal;
use crate::components::i18n::use_i18n;
use crate::components::icons::{icon, CloseIcon, Spinner};
use crate::components::refresh::{Finished, Refresher};
use crate::components::resume::{RIGHTS_PARAM, STATE_PARAM};
use crate::components::states::ErrorNotice;
use crate::domain::accounts::upsert;
use crate::domain::rights::{latest_status, picker, PickerEntry};
use crate::domain::token::TokenState;
use crate::i18n::Msg;

/// The post whose rights dialog is open (`None`: closed). A page creates one and passes it to
/// its cards and to its [`RightsDialog`].
pub type RightsTarget = RwSignal<Option<Arc<Post>>>;

/// A post's rights status changed (the page updates its card).
pub type OnStatus = Callback<(String, RightsStatus)>;

/// The post of a dialog coming back from a same-tab authorization, while it is read again.
#[derive(Clone, Debug, PartialEq)]
struct Reopen {
    post_id: String,
    /// Why the last read failed (`None` while it runs).
    error: Option<AppError>,
}

/// The dialog's body while its post is read again: that it is being read, or why it could not
/// be, with Try again. What was typed is kept either way (store.rs), so the notice says so.
#[component]
fn ReopenState(error: Option<AppError>, retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    match error {
        None => view! {
            <p class="stc-rights__reopen" role="status">
                <Spinner/>
                {move || i18n.t(Msg::RightsReopening)}
            </p>
        }
        .into_any(),
        Some(error) => view! {
            <div class="stc-rights__reopen" role="alert">
                <p>{move || i18n.t(Msg::RightsReopenFailed)}</p>
                <ErrorNotice error on_retry=retry/>
            </div>
        }
        .into_any(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tab {
    Request,
    Grant,
}

/// What the dialog knows about the open post; loaded each time it opens.
#[derive(Clone, Copy)]
struct Dialog {
    post: RightsTarget,
    rights: RwSignal<Option<Result<Vec<RightsAccount>, AppError>>>,
    socials: RwSignal<Option<Result<Vec<SocialAccount>, AppError>>>,
    activity: RwSignal<Option<Result<Vec<ActivityEntry>, AppError>>>,
    requests: RwSignal<Option<Result<Vec<RightsRequest>, AppError>>>,
    /// Social accounts the API said cannot send (expired `false`, invalidated `true`), even when
    /// the account list still called them active (RR-3).
    reported: RwSignal<HashMap<String, bool>>,
    on_status: Option<OnStatus>,
    refresher: Refresher,
}

impl Dialog {
    fn api(&self) -> Option<Api> {
        use_context::<Api>()
    }

    /// The picker, at the server's time.
    fn entries(&self) -> Vec<PickerEntry> {
        let now = server_now(use_context::<Api>().and_then(|a| a.clock.get()))
            .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
        let rights = self.rights.with(|r| match r {
            Some(Ok(r)) => r.clone(),
            _ => Vec::new(),
        });
        let socials = self.socials.with(|s| match s {
            Some(Ok(s)) => s.clone(),
            _ => Vec::new(),
        });
        let reported = self.reported.get();
        let mut entries = picker(&rights, &socials, now);
        // What the API said on send outranks what the list said (RR-3, RR-4).
        for e in &mut entries {
            let id = e.social.as_ref().map(|s| s.id.clone());
            if let Some(revoked) = id.and_then(|id| reported.get(&id).copied()) {
                e.state = Some(if revoked {
                    TokenState::NeedsReauth {
                        reason: api_types::InvalidationReason::Other,
                    }
                } else {
                    TokenState::Expired { expired_at: now }
                });
            }
        }
        entries
    }

    /// A rights account's name (tracked: the history reads again when the accounts arrive).
    fn account_name(&self, id: &str) -> Option<String> {
        self.rights.with(|r| match r {
            Some(Ok(r)) => r
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.display_name.clone()),
            _ => None,
        })
    }

    fn load(self) {
        let Some(post) = self.post.get_untracked() else {
            return;
        };
        let Some(api) = self.api() else {
            return;
        };
        self.rights.set(None);
        self.socials.set(None);
        self.reported.set(HashMap::new());
        let id = post.id.clone();
        spawn_local_scoped({
            let api = api.clone();
            async move {
                let (rights, socials) = futures_join(api.rights_accounts(), api.accounts()).await;
                self.rights.try_set(Some(rights));
                self.socials.try_set(Some(socials));
            }
        });
        self.load_history(id);
    }

    /// Reads the post's Activity History and requests (again): after opening and after each
    /// request or grant, so both attempts of an expired-token retry are there (RR-6).
    fn load_history(self, post_id: String) {
        let Some(api) = self.api() else {
            return;
        };
        spawn_local_scoped(async move {
            let (activity, requests) =
                futures_join(api.activity(&post_id), api.rights_requests(&post_id)).await;
            if self.is_open_for(&post_id) {
                self.activity.try_set(Some(activity));
                self.requests.try_set(Some(requests));
            }
        });
    }

    fn is_open_for(&self, post_id: &str) -> bool {
        self.post
            .try_with_untracked(|p| p.as_ref().is_some_and(|p| p.id == post_id))
            .unwrap_or(false)
    }

    /// A request or grant went through: tell the page, read the history again.
    fn changed(self, post_id: String, status: RightsStatus) {
        if let Some(cb) = self.on_status {
            cb.run((post_id.clone(), status));
        }
        self.load_history(post_id);
    }

    /// A refresh finished: the account is usable again (or read the list again).
    fn refreshed(self, done: Finished) {
        if !done.end.is_success() {
            return;
        }
        self.reported.update(|m| {
            m.remove(&done.key);
        });
        match done.account {
            Some(account) => self.socials.update(|s| {
                if let Some(Ok(list)) = s {
                    upsert(list, account);
                }
            }),
            None => {
                if let Some(api) = self.api() {
                    spawn_local_scoped(async move {
                        let socials = api.accounts().await;
                        self.socials.try_set(Some(socials));
                    });
                }
            }
        }
    }
}

/// Both futures at once: two requests in parallel.
async fn futures_join<A, B>(
    a: impl std::future::Future<Output = A>,
    b: impl std::future::Future<Output = B>,
) -> (A, B) {
    futures::future::join(a, b).await
}

/// The Rights options dialog for `target`'s post. `return_to` is where a same-tab
/// authorization of a Refresh Token comes back to (it follows the screen's address).
#[component]
pub fn RightsDialog(
    target: RightsTarget,
    #[prop(into)] return_to: Signal<String>,
    #[prop(optional)] on_status: Option<OnStatus>,
) -> impl IntoView {
    let i18n = use_i18n();
    let modal = Modal::new();
    let tab = RwSignal::new(Tab::Request);
    let dialog_cell = StoredValue::new(None::<Dialog>);
    let refresher = Refresher::new(
        return_to.get_untracked(),
        Callback::new(move |done: Finished| {
            if let Some(d) = dialog_cell.get_value() {
                d.refreshed(done);
            }
        }),
    );
    let dialog = Dialog {
        post: target,
        rights: RwSignal::new(None),
        socials: RwSignal::new(None),
        activity: RwSignal::new(None),
        requests: RwSignal::new(None),
        reported: RwSignal::new(HashMap::new()),
        on_status,
        refresher,
    };
    dialog_cell.set_value(Some(dialog));
    // The post of a dialog opened again after a same-tab authorization is read from the API
    // first. The dialog opens at once and says so while it is read; if it cannot be read it
    // says why, with Try again, and what was typed stays in the session's store.
    let reopen = RwSignal::new(None::<Reopen>);
    let fetch_post = move || {
        let Some(id) = reopen.with_untracked(|r| r.as_ref().map(|r| r.post_id.clone())) else {
            return;
        };
        reopen.update(|r| {
            if let Some(r) = r {
                r.error = None;
            }
        });
        let Some(api) = dialog.api() else {
            return;
        };
        spawn_local_scoped(async move {
            let result = api.post_by_id(&id).await;
            // Closed while the post was read: it stays closed.
            let still_wanted = reopen
                .try_with_untracked(|r| r.as_ref().is_some_and(|r| r.post_id == id))
                .unwrap_or(false);
            if !still_wanted {
                return;
            }
            match result {
                Ok(post) => {
                    target.try_set(Some(Arc::new(post)));
                }
                Err(e) => {
                    reopen.try_update(|r| {
                        if let Some(r) = r {
                            r.error = Some(e);
                        }
                    });
                }
            }
        });
    };
    // OAUTH-3: a same-tab authorization comes back to the screen with this dialog open again
    // for the same post; what was typed in it is kept per post (store.rs).
    Effect::new(move |_| {
        let base = return_to.get();
        let href = match target.with(|p| p.as_ref().map(|p| p.id.clone())) {
            Some(id) => {
                let sep = if base.contains('?') { '&' } else { '?' };
                let id = String::from(js_sys::encode_uri_component(&id));
                format!("{base}{sep}{RIGHTS_PARAM}={id}")
            }
            None => base,
        };
        refresher.set_return_to(href);
    });
    {
        let query = use_query_map();
        let back = query.with_untracked(|q| q.get(STATE_PARAM).zip(q.get(RIGHTS_PARAM)));
        if let Some((state, id)) = back.filter(|(s, id)| !s.is_empty() && !id.is_empty()) {
            // How it ended is said here, at the account, where the person clicked.
            refresher.resume(state);
            reopen.set(Some(Reopen {
                post_id: id,
                error: None,
            }));
            fetch_post();
        }
    }

    // Open when a post is chosen, or while one is read again; remember what had focus
    // (A11Y-1). The post's accounts and history load when the post is there.
    Effect::new(move |_| {
        let has_post = target.with(Option::is_some);
        let reopening = reopen.with(Option::is_some);
        if !has_post && !reopening {
            return;
        }
        if !modal.is_mounted() {
            return;
        }
        let opening = !modal.is_open();
        if opening {
            modal.remember_focus();
        }
        if has_post && (opening || reopening) {
            reopen.set(None);
            tab.set(Tab::Request);
            dialog.activity.set(None);
            dialog.requests.set(None);
            dialog.load();
        }
        if opening {
            modal.show();
        }
    });
    let on_close = modal.on_close(move || {
        target.set(None);
        reopen.set(None);
    });
    let close = move |_: ()| modal.close();

    let subtitle = move || {
        target
            .get()
            .map(|p| i18n.t(Msg::RightsDialogPost(p.author_handle.clone())))
    };
    let status = move || {
        let status = dialog.requests.with(|r| match r {
            Some(Ok(list)) => Some(latest_status(list)),
            _ => None,
        })?;
        Some(view! { <StatusBadge status/> })
    };

    let tab_button = move |which: Tab, id: &'static str, panel: &'static str, label: Msg| {
        let selected = move || tab.get() == which;
        view! {
            <button
                type="button"
                role="tab"
                id=id
                class="stc-tabs__tab"
                class:is-selected=selected
                aria-selected=move || if selected() { "true" } else { "false" }
                aria-controls=panel
                tabindex=move || if selected() { "0" } else { "-1" }
                on:click=move |_| tab.set(which)
                on:keydown=move |e: ev::KeyboardEvent| {
                    let next = match e.key().as_str() {
                        "ArrowRight" | "ArrowLeft" | "Home" | "End" => Some(match (e.key().as_str(), which) {
                            ("Home", _) => Tab::Request,
                            ("End", _) => Tab::Grant,
                            (_, Tab::Request) => Tab::Grant,
                            (_, Tab::Grant) => Tab::Request,
                        }),
                        _ => None,
                    };
                    if let Some(next) = next {
                        e.prevent_default();
                        tab.set(next);
                        let id = match next {
                            Tab::Request => "stc-rights-tab-request",
                            Tab::Grant => "stc-rights-tab-grant",
                        };
                        if let Some(el) = web_sys::window()
                            .and_then(|w| w.document())
                            .and_then(|d| d.get_element_by_id(id))
                            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                        {
                            let _ = el.focus();
                        }
                    }
                }
            >
                {move || i18n.t(&label)}
            </button>
        }
    };

    view! {
        <dialog
            node_ref=modal.node_ref()
            class="stc-dialog stc-rights"
            aria-labelledby="stc-rights-title"
            on:close=on_close
        >
            <div class="stc-dialog__header stc-rights__header">
                <div>
                    <h2 id="stc-rights-title" class="stc-dialog__title">{move || i18n.t(Msg::RightsDialogTitle)}</h2>
                    <p class="stc-rights__post">
                        <bdi>{subtitle}</bdi>
                        {status}
                    </p>
                </div>
                <button type="button" class="stc-icon-button stc-rights__close" on:click=move |_| close(()) aria-label=move || i18n.t(Msg::Close)>
                    <CloseIcon/>
                </button>
            </div>
            <div class="stc-dialog__body stc-rights__body">
                {move || reopen.with(|r| r.as_ref().map(|r| r.error.clone())).map(|error| view! {
                    <ReopenState error retry=Callback::new(move |_| fetch_post())/>
                })}
                {move || target.get().map(|post| {
                    view! {
                        <div class="stc-tabs" role="tablist" aria-label=move || i18n.t(Msg::RightsTabs)>
                            {tab_button(Tab::Request, "stc-rights-tab-request", "stc-rights-panel-request", Msg::RightsTabRequest)}
                            {tab_button(Tab::Grant, "stc-rights-tab-grant", "stc-rights-panel-grant", Msg::RightsTabGrant)}
                        </div>
                        <div
                            id="stc-rights-panel-request"
                            role="tabpanel"
                            class="stc-tabs__panel"
                            aria-labelledby="stc-rights-tab-request"
                            hidden=move || tab.get() != Tab::Request
                        >
                            <request::RequestTab dialog post=post.clone() close=Callback::new(move |_| close(()))/>
                        </div>
                        <div
                            id="stc-rights-panel-grant"
                            role="tabpanel"
                            class="stc-tabs__panel"
                            aria-labelledby="stc-rights-tab-grant"
                            hidden=move || tab.get() != Tab::Grant
                        >
                            <grant::GrantTab dialog post=post.clone()/>
                        </div>
                        <history::History dialog post_id=post.id.clone()/>
                    }
                })}
            </div>
        </dialog>
    }
}

/// A rights status in words with an icon (never colour alone, RR-6).
#[component]
pub fn StatusBadge(status: Option<RightsStatus>) -> impl IntoView {
    let i18n = use_i18n();
    let (class, msg) = match status {
        None => (
            "stc-rights-status stc-rights-status--none",
            Msg::RightsStatusNone,
        ),
        Some(s) => (
            match s {
                RightsStatus::Granted => "stc-rights-status stc-rights-status--granted",
                RightsStatus::Requested | RightsStatus::RequestPending => {
                    "stc-rights-status stc-rights-status--open"
                }
                RightsStatus::NeedsReview => "stc-rights-status stc-rights-status--review",
                RightsStatus::Expired | RightsStatus::RequestFailed => {
                    "stc-rights-status stc-rights-status--failed"
                }
            },
            Msg::RightsStatusLabel(s),
        ),
    };
    let shape = match status {
        Some(RightsStatus::Granted) => "stc-icon stc-icon--tick",
        Some(RightsStatus::Expired | RightsStatus::RequestFailed) => "stc-icon stc-icon--alert",
        Some(RightsStatus::NeedsReview) => "stc-icon stc-icon--question",
        Some(RightsStatus::Requested | RightsStatus::RequestPending) => "stc-icon stc-icon--clock",
        None => "stc-icon stc-icon--dash",
    };
    view! {
        <span class=class>
            {icon(shape)}
            <span class="stc-visually-hidden">{move || i18n.t(Msg::RightsStatusHeading)}": "</span>
            {move || i18n.t(&msg)}
        </span>
    }
}
