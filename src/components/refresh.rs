//! Refresh Token (TOK-4, OAUTH-1..4): one module every screen that offers the action can share.
//!
//! A screen creates one [`Refresher`] with where a same-tab authorization should come back to and
//! what to reload after a refresh, then renders a [`RefreshButton`] and a [`RefreshFeedback`] per
//! account. When its URL carries `?oauth_state=` (the person continued in this tab) it calls
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

/// A successful refresh, as the screen's `on_refreshed` gets it.
#[derive(Clone, Debug, PartialEq)]
pub struct Refreshed {
    pub account_id: String,
    /// The account as it is now, when the API's answer carried it.
    pub account: Option<SocialAccount>,
}

/// One authorization running in a popup.
struct Flow {
    account_id: String,
    state: String,
    popup: web_sys::Window,
    done: Cell<bool>,
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
    on_refreshed: Callback<Refreshed>,
    /// Reading the outcome of a same-tab authorization failed: the error and the state to retry.
    pub resume_error: RwSignal<Option<(AppError, String)>>,
}

impl Refresher {
    /// `return_to`: the in-app address (with the base path) a same-tab authorization comes back
    /// to. `on_refreshed` gets the account (id, and the account itself when the API sent it)
    /// after every successful refresh.
    pub fn new(return_to: String, on_refreshed: Callback<Refreshed>) -> Self {
        let owner = Owner::current().unwrap_or_default();
        let this = Self {
            api: StoredValue::new(expect_context::<Api>()),
            owner: StoredValue::new_local(owner),
            phases: StoredValue::new(HashMap::new()),
            flows: StoredValue::new_local(Vec::new()),
            return_to: StoredValue::new(return_to),
            on_refreshed,
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

    /// Starts refreshing `account`. Call it from the click (or key) handler itself: the popup
    /// must open there (OAUTH-1). A refresh already running is not started twice (OAUTH-4).
    pub fn start(&self, account: &AccountRef) {
        let phase = self.phase(&account.id);
        if matches!(phase.get_untracked(), RefreshPhase::Running { .. }) {
            return;
        }
        let popup = open_blank_popup();
        phase.set(RefreshPhase::Running { in_popup: false });
        let this = *self;
        let account = account.clone();
        self.spawn(async move { this.request(account, popup).await });
    }

    /// Tries again after a failure: reads the flow's outcome again when only that failed, else
    /// starts over (from the retry button's click, so a popup may open).
    pub fn retry(&self, account: &AccountRef) {
        match self.phase(&account.id).get_untracked() {
            RefreshPhase::Failed {
                recheck: Some(state),
                ..
            } => {
                let this = *self;
                let id = account.id.clone();
                self.spawn(async move { this.check(id, state).await });
            }
            _ => self.start(account),
        }
    }

    /// The person came back from a same-tab authorization with `?oauth_state=` (OAUTH-3): look the
    /// flow up and show its outcome at its account.
    pub fn resume(&self, state: String) {
        let this = *self;
        self.resume_error.set(None);
        self.spawn(async move {
            let api = this.api.get_value();
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

    fn finish(&self, account_id: &str, end: RefreshEnd, account: Option<SocialAccount>) {
        let success = end.is_success();
        self.phase(account_id).try_set(RefreshPhase::Ended(end));
        if success {
            self.on_refreshed.run(Refreshed {
                account_id: account_id.to_string(),
                account,
            });
        }
    }

    async fn request(self, account: AccountRef, popup: Option<web_sys::Window>) {
        let phase = self.phase(&account.id);
        let api = self.api.get_value();
        let return_to = self.return_to.get_value();
        let answer = api.refresh(&account.id, Some(return_to)).await;
        match answer {
            Ok(AuthorizationStart::Refreshed { account: now }) => {
                close(popup.as_ref());
                self.finish(&account.id, RefreshEnd::Refreshed, Some(now));
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
                        self.finish(&account.id, RefreshEnd::Cancelled, None);
                    }
                    Some(p) => {
                        if p.location().set_href(&url).is_err() {
                            close(Some(&p));
                            phase.try_set(RefreshPhase::Failed {
                                error: AppError::Unexpected { status: 0 },
                                recheck: None,
                            });
                            return;
                        }
                        phase.try_set(RefreshPhase::Running { in_popup: true });
                        self.watch(account.id, state, p);
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
        if flow.done.get() {
            return;
        }
        let flow = flow.clone();
        self.spawn(async move {
            let api = self.api.get_value();
            match api.oauth_flow(&flow.state).await {
                Ok(answer) => {
                    if let Some(end) = flow_end(&answer) {
                        if !flow.done.replace(true) {
                            self.unwatch(&flow);
                            self.finish(&flow.account_id, end, answer.account);
                        }
                    }
                }
                Err(_) => self.settle(&flow),
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
        if flow.done.replace(true) {
            return;
        }
        self.unwatch(flow);
        let account_id = flow.account_id.clone();
        let state = flow.state.clone();
        self.spawn(async move { self.check(account_id, state).await });
    }

    async fn check(self, account_id: String, state: String) {
        let phase = self.phase(&account_id);
        phase.try_set(RefreshPhase::Running { in_popup: false });
        let api = self.api.get_value();
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
