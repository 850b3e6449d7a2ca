//! Refresh Token (TOK-4, OAUTH-1..4): one module every screen that offers the action can share.
//!
//! A screen creates one [`Refresher`] with where a same-tab authorization should come back to and
//! what to do when a flow ends, then renders a [`RefreshButton`] and a [`RefreshFeedback`] per
//! account (or its own views of [`Refresher::phase`]). Add Account runs the same flow through
//! [`Refresher::authorize`] under [`add_flow_key`]. When its URL carries `?oauth_state=` (the person continued in this tab) it calls
//! [`Refresher::resume`]. Each account has one state, shared by every button for it.
//!
//! The flow:
//! 1. The click opens a blank popup at once (inside the handler, so blockers allow it), then
//!    asks the API to refresh (`POST /social-accounts/{id}/refresh`).
//! 2. `refreshed`: done, the blank popup closes. `authorize`: the popup goes to the authorize URL
//!    (a path is resolved against the API's origin). No popup (blocked): say so and offer to
//!    continue in this tab.
//! 3. The provider's callback page posts a message. Only one from the API's origin, with the
//!    console's type and the state this flow started, counts (OAUTH-2); then the app asks
//!    `GET /oauth/flows/{state}` and trusts that answer. A popup closed before that is checked the
//!    same way: still pending means "Authorization was cancelled." (OAUTH-3).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::rc::Rc;
use std::time::Duration;

use api_types::{AccountRef, AuthorizationStart, SocialAccount};
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use wasm_bindgen::JsValue;

use super::i18n::use_i18n;
use super::icons::{CheckIcon, Spinner};
use super::states::{ErrorNotice, WarningIcon};
use crate::api::{Api, AppError};
pub use crate::domain::oauth::{add_flow_key, added_network};
use crate::domain::oauth::{authorize_target, flow_end, is_flow_message, RefreshEnd};
use crate::i18n::Msg;

/// How often a popup is checked for having been closed.
const POLL: Duration = Duration::from_millis(400);

/// Where one account's refresh stands.
#[derive(Clone, Debug, PartialEq)]
pub enum RefreshPhase {
    Idle,
    /// Asking the API, or waiting for the person in the provider's window (`in_popup`).
    Running {
        in_popup: bool,
    },
    /// The browser blocked the popup: continue in this tab at `url`.
    Blocked {
        url: String,
    },
    Ended(RefreshEnd),
    /// A request failed. `recheck` is the flow to look up again, when the authorization itself
    /// may have finished and only reading its outcome failed.
    Failed {
        error: AppError,
        recheck: Option<String>,
    },
}

/// How one flow ended, as the screen's `on_finished` gets it.
#[derive(Clone, Debug, PartialEq)]
pub struct Finished {
    /// The account id of a refresh, or [`add_flow_key`] of an add.
    pub key: String,
    pub end: RefreshEnd,
    /// The account as it is now, when the flow succeeded and the API's answer carried it.
    pub account: Option<SocialAccount>,
}

/// One authorization running in a popup.
struct Flow {
    account_id: String,
    state: String,
    popup: web_sys::Window,
    done: Cell<bool>,
    /// The outcome is being read after the callback's message.
    peeking: Cell<bool>,
    /// The popup closed while it was being read: that read settles the flow.
    closed_while_peeking: Cell<bool>,
    listener: RefCell<Option<WindowListenerHandle>>,
    poll: Cell<Option<IntervalHandle>>,
}

impl Flow {
    fn stop(&self) {
        if let Some(l) = self.listener.borrow_mut().take() {
            l.remove();
        }
        if let Some(p) = self.poll.take() {
            p.clear();
        }
    }
}

/// Runs refreshes for a screen. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Refresher {
    api: StoredValue<Api>,
    owner: StoredValue<Owner, LocalStorage>,
    phases: StoredValue<HashMap<String, RwSignal<RefreshPhase>>>,
    flows: StoredValue<Vec<Rc<Flow>>, LocalStorage>,
    return_to: StoredValue<String>,
    on_finished: Callback<Finished>,
    /// Reading the outcome of a same-tab authorization failed: the error and the state to retry.
    pub resume_error: RwSignal<Option<(AppError, String)>>,
}

impl Refresher {
    /// `return_to`: the in-app address (with the base path) a same-tab authorization comes back
    /// to. `on_finished` hears how every flow ended (with the account itself, when the API sent
    /// it).
    pub fn new(return_to: String, on_finished: Callback<Finished>) -> Self {
        let owner = Owner::current().unwrap_or_default();
        let this = Self {
            api: StoredValue::new(expect_context::<Api>()),
            owner: StoredValue::new_local(owner),
            phases: StoredValue::new(HashMap::new()),
            flows: StoredValue::new_local(Vec::new()),
            return_to: StoredValue::new(return_to),
            on_finished,
            resume_error: RwSignal::new(None),
        };
        // Listeners and polls end with the screen; a popup left open simply finishes unseen.
        on_cleanup(move || {
            let flows = this
                .flows
                .try_update_value(std::mem::take)
                .unwrap_or_default();
            for f in flows {
                f.stop();
            }
        });
        this
    }

    /// Where a same-tab authorization started from now on comes back to (a screen whose address
    /// changes, like a search).
    pub fn set_return_to(&self, href: String) {
        let _ = self.return_to.try_set_value(href);
    }

    /// The state of `account_id`'s refresh (created idle on first use, owned by the screen).
    pub fn phase(&self, account_id: &str) -> RwSignal<RefreshPhase> {
        if let Some(s) = self
            .phases
            .try_with_value(|m| m.get(account_id).copied())
            .flatten()
        {
            return s;
        }
        let s = self
            .owner
            .try_with_value(|o| o.with(|| RwSignal::new(RefreshPhase::Idle)))
            .unwrap_or_else(|| RwSignal::new(RefreshPhase::Idle));
        self.phases.update_value(|m| {
            m.insert(account_id.to_string(), s);
        });
        s
    }

    fn spawn(&self, fut: impl Future<Output = ()> + 'static) {
        match self.owner.try_get_value() {
            Some(o) => o.with(|| spawn_local_scoped(fut)),
            None => leptos::task::spawn_local(fut),
        }
    }

    /// Whether `key`'s flow is running (tracked).
    pub fn is_running(&self, key: &str) -> bool {
        matches!(self.phase(key).get(), RefreshPhase::Running { .. })
    }

    /// Whether any flow of this screen is running (not tracked).
    pub fn any_running(&self) -> bool {
        self.phases
            .try_with_value(|m| {
                m.values().any(|s| {
                    s.try_get_untracked()
                        .is_some_and(|p| matches!(p, RefreshPhase::Running { .. }))
                })
            })
            .unwrap_or(false)
    }

    /// Starts refreshing `account`. Call it from the click (or key) handler itself: the popup
    /// must open there (OAUTH-1). A refresh already running is not started twice (OAUTH-4).
    pub fn start(&self, account: &AccountRef) {
        let id = account.id.clone();
        let return_to = self.return_to.get_value();
        self.authorize(&account.id, move |api| async move {
            api.refresh(&id, Some(return_to)).await
        });
    }

    /// Starts any authorization under `key` (an account id for a refresh, [`add_flow_key`] for an
    /// add): `begin` is the API call that answers with an [`AuthorizationStart`]. The same rules as
    /// [`Refresher::start`]: call it from the click handler, one flow per key at a time.
    pub fn authorize<F, Fut>(&self, key: &str, begin: F)
    where
        F: FnOnce(Api) -> Fut + 'static,
        Fut: Future<Output = Result<AuthorizationStart, AppError>> + 'static,
    {
        let phase = self.phase(key);
        if matches!(phase.get_untracked(), RefreshPhase::Running { .. }) {
            return;
        }
        let popup = open_blank_popup();
        phase.set(RefreshPhase::Running { in_popup: false });
        let this = *self;
        let key = key.to_string();
        self.spawn(async move {
            let Some(api) = this.api.try_get_value() else {
                close(popup.as_ref());
                return;
            };
            let answer = begin(api).await;
            this.answered(key, answer, popup);
        });
    }

    /// Tries again after a failure: reads the flow's outcome again when only that failed, else
    /// starts over (from the retry button's click, so a popup may open).
    pub fn retry(&self, account: &AccountRef) {
        match self.phase(&account.id).get_untracked() {
            RefreshPhase::Failed {
                recheck: Some(state),
                ..
            } => {
                self.recheck(&account.id, state);
            }
            _ => self.start(account),
        }
    }

    /// Reads the outcome of `key`'s flow `state` (again): after reading it failed, or when the
    /// person came back from a same-tab authorization of a known key.
    pub fn recheck(&self, key: &str, state: String) {
        let this = *self;
        let key = key.to_string();
        self.spawn(async move { this.check(key, state).await });
    }

    /// The person came back from a same-tab authorization with `?oauth_state=` (OAUTH-3): look the
    /// flow up and show its outcome at its account.
    pub fn resume(&self, state: String) {
        let this = *self;
        self.resume_error.set(None);
        self.spawn(async move {
            let Some(api) = this.api.try_get_value() else {
                return;
            };
            match api.oauth_flow(&state).await {
                Ok(flow) => {
                    if let Some(id) = flow.account_id.clone() {
                        let end = flow_end(&flow).unwrap_or(RefreshEnd::Cancelled);
                        this.finish(&id, end, flow.account);
                    }
                }
                Err(error) => {
                    this.resume_error.try_set(Some((error, state)));
                }
            }
        });
    }

    /// Reads the outcome of a same-tab authorization again, after reading it failed.
    pub fn retry_resume(&self) {
        if let Some((_, state)) = self.resume_error.get_untracked() {
            self.resume(state);
        }
    }

    /// Whether the screen is still there: answers that arrive after it left are dropped (its
    /// signals and callback are gone).
    fn alive(&self) -> bool {
        self.api.try_with_value(|_| ()).is_some()
    }

    fn finish(&self, key: &str, end: RefreshEnd, account: Option<SocialAccount>) {
        if !self.alive() {
            return;
        }
        self.phase(key).try_set(RefreshPhase::Ended(end.clone()));
        if end.is_success() {
            // NOT-4: a refresh resolves the account's notifications; the bell (and an open Social
            // Accounts page) read again.
            #[cfg(target_arch = "wasm32")]
            super::notifications::announce_token_refreshed();
        }
        self.on_finished.run(Finished {
            key: key.to_string(),
            account: account.filter(|_| end.is_success()),
            end,
        });
    }

    fn answered(
        self,
        key: String,
        answer: Result<AuthorizationStart, AppError>,
        popup: Option<web_sys::Window>,
    ) {
        let Some(api) = self.api.try_get_value() else {
            close(popup.as_ref());
            return;
        };
        let phase = self.phase(&key);
        match answer {
            Ok(AuthorizationStart::Refreshed { account: now }) => {
                close(popup.as_ref());
                self.finish(&key, RefreshEnd::Refreshed, Some(now));
            }
            Ok(AuthorizationStart::Authorize {
                authorize_url,
                state,
            }) => {
                let Some(url) = authorize_target(&authorize_url, &api.origin().unwrap_or_default())
                else {
                    close(popup.as_ref());
                    phase.try_set(RefreshPhase::Failed {
                        error: AppError::Undecodable,
                        recheck: None,
                    });
                    return;
                };
                match popup {
                    None => {
                        phase.try_set(RefreshPhase::Blocked { url });
                    }
                    Some(p) if p.closed().unwrap_or(true) => {
                        // Closed before it could be pointed anywhere.
                        self.finish(&key, RefreshEnd::Cancelled, None);
                    }
                    Some(p) => {
                        if p.location().set_href(&url).is_err() {
                            // The window cannot be pointed there: continue in this tab instead.
                            close(Some(&p));
                            phase.try_set(RefreshPhase::Blocked { url });
                            return;
                        }
                        phase.try_set(RefreshPhase::Running { in_popup: true });
                        self.watch(key, state, p);
                    }
                }
            }
            Err(error) => {
                close(popup.as_ref());
                phase.try_set(RefreshPhase::Failed {
                    error,
                    recheck: None,
                });
            }
        }
    }

    /// Waits for the callback's message, or for the popup to close.
    fn watch(self, account_id: String, state: String, popup: web_sys::Window) {
        let api_origin = self.api.with_value(|a| a.origin().unwrap_or_default());
        let flow = Rc::new(Flow {
            account_id,
            state,
            popup,
            done: Cell::new(false),
            peeking: Cell::new(false),
            closed_while_peeking: Cell::new(false),
            listener: RefCell::new(None),
            poll: Cell::new(None),
        });
        let on_message = {
            let flow = flow.clone();
            move |e: web_sys::MessageEvent| {
                let data = e.data();
                let field = |key: &str| {
                    js_sys::Reflect::get(&data, &JsValue::from_str(key))
                        .ok()
                        .and_then(|v| v.as_string())
                };
                let ours = is_flow_message(
                    &e.origin(),
                    &api_origin,
                    field("type").as_deref(),
                    field("state").as_deref(),
                    &flow.state,
                );
                if ours {
                    self.peek(&flow);
                }
            }
        };
        *flow.listener.borrow_mut() = Some(window_event_listener(ev::message, on_message));
        let poll = {
            let flow = flow.clone();
            set_interval_with_handle(
                move || {
                    if flow.popup.closed().unwrap_or(true) {
                        self.settle(&flow);
                    }
                },
                POLL,
            )
            .ok()
        };
        flow.poll.set(poll);
        self.flows.update_value(|v| v.push(flow));
    }

    /// The callback's message arrived: read the outcome. A flow the API still calls pending (a
    /// premature or replayed message) changes nothing: keep watching (OAUTH-2).
    fn peek(self, flow: &Rc<Flow>) {
        if flow.done.get() || flow.peeking.replace(true) {
            return;
        }
        let flow = flow.clone();
        self.spawn(async move {
            let Some(api) = self.api.try_get_value() else {
                return;
            };
            let answer = api.oauth_flow(&flow.state).await;
            flow.peeking.set(false);
            let closed = flow.closed_while_peeking.replace(false);
            let outcome = match answer {
                Ok(answer) => match flow_end(&answer) {
                    Some(end) => Some((end, answer.account)),
                    // Still pending, and the popup is gone: the person closed it (OAUTH-3).
                    None if closed => Some((RefreshEnd::Cancelled, None)),
                    // Still pending (a premature or replayed message): keep watching.
                    None => None,
                },
                Err(_) => return self.settle(&flow),
            };
            if let Some((end, account)) = outcome {
                if !flow.done.replace(true) {
                    self.unwatch(&flow);
                    self.finish(&flow.account_id, end, account);
                }
            }
        });
    }

    fn unwatch(self, flow: &Rc<Flow>) {
        flow.stop();
        self.flows
            .try_update_value(|v| v.retain(|f| !Rc::ptr_eq(f, flow)));
    }

    /// The popup closed (or reading the outcome failed): stop watching and read it once more.
    fn settle(self, flow: &Rc<Flow>) {
        if flow.peeking.get() {
            // The read under way answers for this too: one request, not two.
            flow.closed_while_peeking.set(true);
            return;
        }
        if flow.done.replace(true) {
            return;
        }
        self.unwatch(flow);
        let account_id = flow.account_id.clone();
        let state = flow.state.clone();
        self.spawn(async move { self.check(account_id, state).await });
    }

    async fn check(self, account_id: String, state: String) {
        let Some(api) = self.api.try_get_value() else {
            return;
        };
        let phase = self.phase(&account_id);
        phase.try_set(RefreshPhase::Running { in_popup: false });
        match api.oauth_flow(&state).await {
            // Still pending once the popup is gone: the person closed it (OAUTH-3).
            Ok(flow) => {
                let end = flow_end(&flow).unwrap_or(RefreshEnd::Cancelled);
                self.finish(&account_id, end, flow.account);
            }
            Err(error) => {
                phase.try_set(RefreshPhase::Failed {
                    error,
                    recheck: Some(state),
                });
            }
        }
    }
}

/// `window.open("about:blank")` as a small window; `None` when the browser blocked it.
fn open_blank_popup() -> Option<web_sys::Window> {
    web_sys::window()?
        .open_with_url_and_target_and_features(
            "about:blank",
            "_blank",
            "popup,width=600,height=720",
        )
        .ok()
        .flatten()
}

fn close(popup: Option<&web_sys::Window>) {
    if let Some(p) = popup {
        let _ = p.close();
    }
}

/// The Refresh Token button of one account: shows progress and cannot be used twice while its
/// refresh runs (OAUTH-4). It stays focusable (`aria-disabled`), so keyboard focus is not lost.
#[component]
pub fn RefreshButton(
    refresher: Refresher,
    account: AccountRef,
    #[prop(optional, into)] class: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let phase = refresher.phase(&account.id);
    let running = move || matches!(phase.get(), RefreshPhase::Running { .. });
    let class = format!(
        "stc-button stc-button--primary stc-refresh-button {}",
        class.unwrap_or_default()
    );
    view! {
        <button
            type="button"
            class=class
            aria-disabled=move || running().then_some("true")
            on:click=move |_| refresher.start(&account)
        >
            {move || running().then(|| view! { <Spinner/> })}
            {move || i18n.t(if running() { Msg::Refreshing } else { Msg::RefreshToken })}
        </button>
    }
}

/// What happened to one account's refresh, where the button is: progress and success in a
/// polite live region, problems in an alert region; both exist before they fill (A11Y-1).
#[component]
pub fn RefreshFeedback(refresher: Refresher, account: AccountRef) -> impl IntoView {
    let i18n = use_i18n();
    let phase = refresher.phase(&account.id);
    let network = account.network;
    let handle = account.handle.clone();
    let status = {
        let handle = handle.clone();
        move || match phase.get() {
            RefreshPhase::Running { in_popup: true } => Some(
                view! {
                    <p class="stc-note">
                        <Spinner/>
                        <span>{i18n.t(Msg::RefreshWaiting(network))}</span>
                    </p>
                }
                .into_any(),
            ),
            RefreshPhase::Ended(end) if end.is_success() => Some(
                view! {
                    <p class="stc-note stc-note--success">
                        <CheckIcon/>
                        <span>{i18n.t(end.message(network, &handle))}</span>
                    </p>
                }
                .into_any(),
            ),
            _ => None,
        }
    };
    let alert = move || match phase.get() {
        RefreshPhase::Blocked { url } => Some(
            view! {
                <div class="stc-notice stc-notice--error">
                    <WarningIcon/>
                    <p class="stc-notice__text">{i18n.t(Msg::RefreshPopupBlocked(network))}</p>
                    <button
                        type="button"
                        class="stc-button stc-button--secondary"
                        on:click=move |_| {
                            if let Some(w) = web_sys::window() {
                                let _ = w.location().assign(&url);
                            }
                        }
                    >
                        {i18n.t(Msg::RefreshContinueHere)}
                    </button>
                </div>
            }
            .into_any(),
        ),
        RefreshPhase::Ended(end) if !end.is_success() => Some(
            view! {
                <div class="stc-notice stc-notice--error">
                    <WarningIcon/>
                    <p class="stc-notice__text">{i18n.t(end.message(network, &handle))}</p>
                </div>
            }
            .into_any(),
        ),
        RefreshPhase::Failed { error, .. } => {
            let account = account.clone();
            Some(
                view! {
                    <ErrorNotice error on_retry=Callback::new(move |_| refresher.retry(&account))/>
                }
                .into_any(),
            )
        }
        _ => None,
    };
    view! {
        <div class="stc-refresh-feedback">
            <div class="stc-live" role="status">{status}</div>
            <div class="stc-live" role="alert">{alert}</div>
        </div>
    }
}
