//! Refresh Token inside the search popup (SRCH-5, SRCH-8). Known debt: this predates the shared
//! `components::refresh` (used by Streams) and should move onto it; see docs/decisions.md.
//!
//!
//! 1. In the click handler, synchronously, an empty authorization window is opened
//!    (`about:blank`), so pop-up blockers allow it (OAUTH-1).
//! 2. `POST /social-accounts/{id}/refresh`. `refreshed`: done, the empty window is closed.
//!    `authorize`: the window is pointed at the authorize URL, resolved against the API's origin.
//! 3. The provider's callback page posts `{type: "social-console-oauth", state, status}` to this
//!    window. Only messages from the API's origin, of that type and with the state this flow
//!    started are taken (OAUTH-2), and even then only as "look now": the outcome is read from
//!    `GET /oauth/flows/{state}`.
//! 4. A window closed before an answer is "Authorization was cancelled."; denied and identity
//!    mismatch are said in words; a blocked window is said too (OAUTH-3). Continuing in this tab
//!    when the window is blocked is not offered yet.
//! 5. While it runs the button shows progress and ignores clicks (OAUTH-4); it stays focusable
//!    (`aria-disabled`), so keyboard focus is not lost.

use std::time::Duration;

use api_types::{AuthorizationStart, OAuthFlowStatus, SocialAccount, OAUTH_MESSAGE_TYPE};
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::MessageEvent;

use crate::api::{Api, AppError};
use crate::components::i18n::use_i18n;
use crate::i18n::Msg;

/// How often a running authorization checks whether its window was closed.
const CLOSED_POLL: Duration = Duration::from_millis(400);

#[derive(Clone, Debug, PartialEq)]
pub enum RefreshState {
    Idle,
    /// Asking the API; `authorizing` once the person is in the authorization window.
    Running {
        authorizing: bool,
    },
    Done(SocialAccount),
    Failed(RefreshFailure),
}

#[derive(Clone, Debug, PartialEq)]
pub enum RefreshFailure {
    PopupBlocked,
    Cancelled,
    Denied,
    IdentityMismatch {
        expected: String,
        authorized: String,
    },
    FlowExpired,
    Api(AppError),
}

impl RefreshFailure {
    pub fn message(&self) -> Msg {
        match self {
            RefreshFailure::PopupBlocked => Msg::SrchRefreshPopupBlocked,
            RefreshFailure::Cancelled => Msg::SrchRefreshCancelled,
            RefreshFailure::Denied => Msg::SrchRefreshDenied,
            RefreshFailure::IdentityMismatch {
                expected,
                authorized,
            } => Msg::SrchRefreshIdentityMismatch {
                expected: expected.clone(),
                authorized: authorized.clone(),
            },
            RefreshFailure::FlowExpired => Msg::SrchRefreshFlowExpired,
            RefreshFailure::Api(e) => e.message(),
        }
    }
}

/// What a running authorization holds: released (listener removed, poll stopped) when it ends.
struct Flow {
    window: Option<web_sys::Window>,
    state: Option<String>,
    listener: Option<Closure<dyn FnMut(MessageEvent)>>,
    poll: Option<IntervalHandle>,
}

impl Flow {
    fn stop_listening(&mut self) {
        if let Some(listener) = self.listener.take() {
            if let Some(w) = web_sys::window() {
                let _ = w.remove_event_listener_with_callback(
                    "message",
                    listener.as_ref().unchecked_ref(),
                );
            }
            // This may run inside the listener itself: drop it only after it has returned.
            set_timeout(move || drop(listener), Duration::ZERO);
        }
        if let Some(poll) = self.poll.take() {
            poll.clear();
        }
    }

    fn close_window(&mut self) {
        if let Some(w) = self.window.take() {
            if !w.closed().unwrap_or(true) {
                let _ = w.close();
            }
        }
    }
}

/// One account's refresh. Create it in a component (it belongs to that component's owner:
/// leaving the component stops listening); call [`Refresher::start`] from a click handler.
#[derive(Clone, Copy)]
pub struct Refresher {
    pub state: RwSignal<RefreshState>,
    flow: StoredValue<Option<Flow>, LocalStorage>,
    owner: StoredValue<Option<Owner>>,
    on_done: StoredValue<Option<Callback<SocialAccount>>>,
}

impl Refresher {
    pub fn new(on_done: Option<Callback<SocialAccount>>) -> Self {
        let me = Self {
            state: RwSignal::new(RefreshState::Idle),
            flow: StoredValue::new_local(None),
            owner: StoredValue::new(Owner::current()),
            on_done: StoredValue::new(on_done),
        };
        let flow = me.flow;
        on_cleanup(move || {
            flow.try_update_value(|f| {
                if let Some(mut f) = f.take() {
                    f.stop_listening();
                }
            });
        });
        me
    }

    pub fn is_running(&self) -> bool {
        matches!(self.state.get_untracked(), RefreshState::Running { .. })
    }

    /// Starts the refresh. Must run synchronously inside the click handler (OAUTH-1).
    pub fn start(self, api: Api, account_id: String) {
        if self.is_running() {
            return; // OAUTH-4: never twice
        }
        // Opened now, while the click still counts as the person's gesture.
        let window = web_sys::window().and_then(|w| {
            w.open_with_url_and_target_and_features(
                "about:blank",
                "_blank",
                "popup,width=600,height=720",
            )
            .ok()
            .flatten()
        });
        self.flow.set_value(Some(Flow {
            window,
            state: None,
            listener: None,
            poll: None,
        }));
        self.state.set(RefreshState::Running { authorizing: false });
        self.spawn(async move {
            let answer = api.refresh(&account_id, None).await;
            match answer {
                Ok(AuthorizationStart::Refreshed { account }) => self.finish(Ok(account)),
                Ok(AuthorizationStart::Authorize {
                    authorize_url,
                    state,
                }) => self.authorize(&api, &authorize_url, state),
                Err(e) => self.finish(Err(RefreshFailure::Api(e))),
            }
        });
    }

    fn spawn(self, fut: impl std::future::Future<Output = ()> + 'static) {
        match self.owner.try_get_value().flatten() {
            Some(owner) => owner.with(|| spawn_local_scoped_with_cancellation(fut)),
            None => spawn_local_scoped_with_cancellation(fut),
        }
    }

    fn authorize(self, api: &Api, authorize_url: &str, state: String) {
        let has_window = self
            .flow
            .with_value(|f| f.as_ref().is_some_and(|f| f.window.is_some()));
        if !has_window {
            return self.finish(Err(RefreshFailure::PopupBlocked));
        }
        let (Some(url), Some(origin)) = (api.resolve(authorize_url), api.origin()) else {
            return self.finish(Err(RefreshFailure::Api(AppError::Undecodable)));
        };
        let pointed = self.flow.with_value(|f| {
            f.as_ref()
                .and_then(|f| f.window.as_ref())
                .is_some_and(|w| w.location().set_href(&url).is_ok())
        });
        if !pointed {
            return self.finish(Err(RefreshFailure::Cancelled));
        }
        self.state.set(RefreshState::Running { authorizing: true });

        // OAUTH-2: only the API's origin, our message type and the state we started.
        let expected_state = state.clone();
        let api_for_message = api.clone();
        let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
            if ev.origin() != origin {
                return;
            }
            let data = ev.data();
            let field = |name: &str| {
                js_sys::Reflect::get(&data, &JsValue::from_str(name))
                    .ok()
                    .and_then(|v| v.as_string())
            };
            if field("type").as_deref() != Some(OAUTH_MESSAGE_TYPE)
                || field("state").as_deref() != Some(expected_state.as_str())
            {
                return;
            }
            self.check(api_for_message.clone(), false);
        });
        if let Some(w) = web_sys::window() {
            let _ =
                w.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
        }
        let api_for_poll = api.clone();
        let poll = set_interval_with_handle(
            move || {
                let closed = self.flow.try_with_value(|f| {
                    f.as_ref()
                        .and_then(|f| f.window.as_ref())
                        .is_none_or(|w| w.closed().unwrap_or(true))
                });
                if closed == Some(true) {
                    self.check(api_for_poll.clone(), true);
                }
            },
            CLOSED_POLL,
        )
        .ok();
        self.flow.update_value(|f| {
            if let Some(f) = f {
                f.state = Some(state);
                f.listener = Some(listener);
                f.poll = poll;
            }
        });
    }

    /// Reads the flow's outcome from the API (it trusts that, not the message).
    fn check(self, api: Api, window_closed: bool) {
        let Some(Some(state)) = self.flow.try_update_value(|f| {
            f.as_mut().and_then(|f| {
                f.stop_listening();
                f.state.clone()
            })
        }) else {
            return;
        };
        self.spawn(async move {
            match api.oauth_flow(&state).await {
                Ok(flow) => match flow.status {
                    OAuthFlowStatus::Connected => match flow.account {
                        Some(account) => self.finish(Ok(account)),
                        None => self.finish(Err(RefreshFailure::Api(AppError::Undecodable))),
                    },
                    OAuthFlowStatus::Denied => self.finish(Err(RefreshFailure::Denied)),
                    OAuthFlowStatus::IdentityMismatch => {
                        self.finish(Err(RefreshFailure::IdentityMismatch {
                            expected: flow.expected_handle.unwrap_or_default(),
                            authorized: flow.authorized_handle.unwrap_or_default(),
                        }))
                    }
                    OAuthFlowStatus::Expired => self.finish(Err(RefreshFailure::FlowExpired)),
                    OAuthFlowStatus::Pending if window_closed => {
                        self.finish(Err(RefreshFailure::Cancelled))
                    }
                    OAuthFlowStatus::Pending => self.rearm(api),
                },
                Err(e) => self.finish(Err(RefreshFailure::Api(e))),
            }
        });
    }

    /// A message arrived but the flow is still pending: keep watching the window.
    fn rearm(self, api: Api) {
        let poll = set_interval_with_handle(
            move || {
                let closed = self.flow.try_with_value(|f| {
                    f.as_ref()
                        .and_then(|f| f.window.as_ref())
                        .is_none_or(|w| w.closed().unwrap_or(true))
                });
                if closed == Some(true) {
                    self.check(api.clone(), true);
                }
            },
            CLOSED_POLL,
        )
        .ok();
        self.flow.try_update_value(|f| {
            if let Some(f) = f {
                f.poll = poll;
            }
        });
    }

    fn finish(self, result: Result<SocialAccount, RefreshFailure>) {
        self.flow.try_update_value(|f| {
            if let Some(mut f) = f.take() {
                f.stop_listening();
                f.close_window();
            }
        });
        match result {
            Ok(account) => {
                self.state.try_set(RefreshState::Done(account.clone()));
                if let Some(cb) = self.on_done.try_get_value().flatten() {
                    cb.run(account);
                }
            }
            Err(failure) => {
                self.state.try_set(RefreshState::Failed(failure));
            }
        }
    }
}

/// The **Refresh Token** button with its progress and outcome in words. `on_refreshed` gets the
/// account as it is after the refresh.
#[component]
pub fn RefreshTokenButton(
    account_id: String,
    #[prop(into)] handle: String,
    #[prop(optional, into)] on_refreshed: Option<Callback<SocialAccount>>,
    /// Put the outcome in its own live region (off when the caller's region already is one).
    #[prop(default = true)]
    live: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = expect_context::<Api>();
    let refresher = Refresher::new(on_refreshed);
    let running = move || matches!(refresher.state.get(), RefreshState::Running { .. });
    let status = move || match refresher.state.get() {
        RefreshState::Idle => None,
        RefreshState::Running { authorizing: false } => None,
        RefreshState::Running { authorizing: true } => {
            Some((false, i18n.t(Msg::SrchRefreshWaiting)))
        }
        RefreshState::Done(_) => Some((false, i18n.t(Msg::SrchRefreshDone(handle.clone())))),
        RefreshState::Failed(f) => Some((true, i18n.t(f.message()))),
    };
    let on_click = move |_| refresher.start(api.clone(), account_id.clone());
    view! {
        <span class="stc-refresh">
            <button
                type="button"
                class="stc-button stc-button--secondary stc-refresh__button"
                aria-disabled=move || running().then_some("true")
                aria-busy=move || running().then_some("true")
                on:click=on_click
            >
                <svg class="stc-icon stc-refresh__icon" class:is-spinning=running viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
                    <path d="M13.5 8a5.5 5.5 0 1 1-1.6-3.9M13.5 2v3.5H10" fill="none" stroke="currentColor" stroke-width="1.6"/>
                </svg>
                {move || i18n.t(if running() { Msg::SrchRefreshRunning } else { Msg::SrchRefreshToken })}
            </button>
            <span class="stc-refresh__status" role=live.then_some("status")>
                {move || status().map(|(failed, text)| view! {
                    <span class:stc-refresh__status--failed=failed>
                        {failed.then(|| view! { <crate::components::states::WarningIcon/> })}
                        {text}
                    </span>
                })}
            </span>
        </span>
    }
}
