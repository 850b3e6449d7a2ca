//! Running a provider authorization in a popup (OAUTH-1..4, ACC-5, TOK-4).
//!
//! 1. The click handler opens a blank popup *synchronously* ([`open_blank_popup`]), so pop-up
//!    blockers see a user gesture (OAUTH-1).
//! 2. [`run`] asks the API (refresh or add). A silent refresh closes the blank popup again; an
//!    `authorize` answer points the popup at the provider (the URL resolved against the API).
//! 3. A [`Watch`] listens for the callback page's `message` — only from the API's origin, of the
//!    right type, with the state this flow started (OAUTH-2) — and polls `popup.closed` every
//!    500 ms. Either way it then asks `GET /oauth/flows/{state}` and believes that answer, never
//!    the message. A popup closed while the flow is still pending is a cancellation (OAUTH-3).

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;
use std::time::Duration;

use api_types::{AuthorizationStart, SocialAccount};
use leptos::ev;
use leptos::leptos_dom::helpers::{
    set_interval_with_handle, window_event_listener, IntervalHandle, WindowListenerHandle,
};
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;
use web_sys::{MessageEvent, Window};

use crate::api::{Api, AppError};
use crate::domain::accounts::{accept_oauth_message, flow_result, FlowResult};

/// How an authorization (or a silent refresh) ended, or that it is waiting for the person.
#[derive(Clone, Debug, PartialEq)]
pub enum End {
    /// The popup shows the provider's page; the person is deciding.
    Waiting,
    /// Refreshed without a popup (TOK-4).
    Silent(SocialAccount),
    /// Authorized: the account as the API now has it.
    Connected(SocialAccount),
    Denied,
    IdentityMismatch {
        expected: Option<String>,
        used: Option<String>,
    },
    /// The flow was not finished within 15 minutes.
    FlowExpired,
    /// The popup was closed before the flow finished.
    Cancelled,
    /// The browser did not give us a popup: offer to continue in this tab with `url`.
    Blocked {
        url: String,
    },
    /// Starting failed (the refresh or add request itself).
    Failed(AppError),
    /// The flow may have finished, but reading its outcome failed: check `state` again.
    CheckFailed {
        error: AppError,
        state: String,
    },
}

impl End {
    pub fn is_final(&self) -> bool {
        !matches!(self, End::Waiting)
    }
}

/// Opens an empty popup window. Must be called inside the click handler, before any `await`.
/// `None` when the browser blocked it.
pub fn open_blank_popup() -> Option<Window> {
    web_sys::window()?
        .open_with_url_and_target_and_features(
            "about:blank",
            "_blank",
            "popup=yes,width=640,height=760",
        )
        .ok()
        .flatten()
}

/// Leaves this page for the provider (OAUTH-3 "Continue in this tab"). The flow was started with
/// a `return_to` that brings the person back to the same account.
pub fn continue_in_this_tab(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_href(url);
    }
}

fn close(popup: &Option<Window>) {
    if let Some(w) = popup {
        if !w.closed().unwrap_or(true) {
            let _ = w.close();
        }
    }
}

/// Hears how a flow goes: `End::Waiting` once, then one final `End`.
pub type Report = Rc<dyn Fn(End)>;

/// Flows still waiting on this page, so leaving the page stops listening.
#[derive(Clone, Default)]
pub struct Watches(Rc<RefCell<Vec<Rc<Watch>>>>);

impl Watches {
    fn add(&self, w: Rc<Watch>) {
        let mut list = self.0.borrow_mut();
        list.retain(|w| w.phase.get() != Phase::Done);
        list.push(w);
    }

    /// Stops every flow that is still running (the page went away). Their popups stay, but
    /// nothing on this page reacts any more.
    pub fn stop_all(&self) {
        for w in self.0.borrow_mut().drain(..) {
            w.stop();
        }
    }
}

/// Starts an authorization: `start` is the API call (refresh or add); `popup` what
/// [`open_blank_popup`] returned in the click handler. `report` hears `End::Waiting` once the
/// provider page is open, and then exactly one final `End`.
pub fn run(
    api: Api,
    popup: Option<Window>,
    start: impl Future<Output = Result<AuthorizationStart, AppError>> + 'static,
    watches: Watches,
    report: Report,
) {
    spawn_local(async move {
        let end = match start.await {
            Err(e) => End::Failed(e),
            Ok(AuthorizationStart::Refreshed { account }) => End::Silent(account),
            Ok(AuthorizationStart::Authorize {
                authorize_url,
                state,
            }) => match api.resolve(&authorize_url) {
                None => End::Failed(AppError::Undecodable),
                Some(url) => match &popup {
                    None => End::Blocked { url },
                    Some(w) if w.closed().unwrap_or(true) => End::Cancelled,
                    Some(w) => {
                        if w.location().set_href(&url).is_err() {
                            End::Blocked { url }
                        } else {
                            let watch = Rc::new(Watch {
                                api_origin: api.origin(),
                                api,
                                state,
                                popup: w.clone(),
                                phase: Cell::new(Phase::Waiting),
                                listener: RefCell::new(None),
                                interval: RefCell::new(None),
                                report: RefCell::new(Some(report.clone())),
                            });
                            watch.listen();
                            watches.add(watch);
                            report(End::Waiting);
                            return;
                        }
                    }
                },
            },
        };
        close(&popup);
        report(end);
    });
}

/// Reads a flow's outcome (after the popup reported, or when the person came back from the
/// provider in the same tab). `Pending` is returned as `None`.
pub async fn check(api: &Api, state: &str) -> Option<End> {
    match api.oauth_flow(state).await {
        Ok(flow) => match flow_result(&flow) {
            FlowResult::Pending => None,
            FlowResult::Connected(account) => Some(End::Connected(account)),
            FlowResult::Denied => Some(End::Denied),
            FlowResult::IdentityMismatch { expected, used } => {
                Some(End::IdentityMismatch { expected, used })
            }
            FlowResult::Expired => Some(End::FlowExpired),
            FlowResult::Unreadable => Some(End::CheckFailed {
                error: AppError::Undecodable,
                state: state.to_string(),
            }),
        },
        Err(error) => Some(End::CheckFailed {
            error,
            state: state.to_string(),
        }),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Waiting for the callback's message or the popup to close.
    Waiting,
    /// Asking the API for the flow's outcome.
    Confirming,
    Done,
}

pub struct Watch {
    api: Api,
    api_origin: Option<String>,
    state: String,
    popup: Window,
    phase: Cell<Phase>,
    listener: RefCell<Option<WindowListenerHandle>>,
    interval: RefCell<Option<IntervalHandle>>,
    report: RefCell<Option<Report>>,
}

fn string_field(data: &JsValue, key: &str) -> Option<String> {
    if !data.is_object() {
        return None;
    }
    js_sys::Reflect::get(data, &JsValue::from_str(key))
        .ok()
        .and_then(|v| v.as_string())
}

impl Watch {
    fn listen(self: &Rc<Self>) {
        let me = Rc::clone(self);
        let handle = window_event_listener(ev::message, move |e: MessageEvent| me.on_message(e));
        *self.listener.borrow_mut() = Some(handle);
        let me = Rc::clone(self);
        if let Ok(h) = set_interval_with_handle(move || me.on_tick(), Duration::from_millis(500)) {
            *self.interval.borrow_mut() = Some(h);
        }
    }

    fn on_message(self: &Rc<Self>, e: MessageEvent) {
        if self.phase.get() != Phase::Waiting {
            return;
        }
        let data = e.data();
        let accepted = accept_oauth_message(
            &e.origin(),
            self.api_origin.as_deref(),
            string_field(&data, "type").as_deref(),
            string_field(&data, "state").as_deref(),
            &self.state,
        );
        if accepted {
            self.confirm(false);
        }
    }

    fn on_tick(self: &Rc<Self>) {
        if self.phase.get() == Phase::Waiting && self.popup.closed().unwrap_or(true) {
            self.confirm(true);
        }
    }

    /// Asks the API how the flow ended (OAUTH-2: trust the API, not the message).
    fn confirm(self: &Rc<Self>, popup_closed: bool) {
        self.phase.set(Phase::Confirming);
        let me = Rc::clone(self);
        spawn_local(async move {
            match check(&me.api, &me.state).await {
                Some(end) => me.finish(end),
                None if popup_closed || me.popup.closed().unwrap_or(true) => {
                    me.finish(End::Cancelled)
                }
                // The message said "done" but the API says pending: keep waiting.
                None => me.phase.set(Phase::Waiting),
            }
        });
    }

    fn stop(&self) {
        self.phase.set(Phase::Done);
        if let Some(h) = self.listener.borrow_mut().take() {
            h.remove();
        }
        if let Some(h) = self.interval.borrow_mut().take() {
            h.clear();
        }
        self.report.borrow_mut().take();
    }

    fn finish(&self, end: End) {
        let report = self.report.borrow_mut().take();
        self.stop();
        if !self.popup.closed().unwrap_or(true) {
            let _ = self.popup.close();
        }
        if let Some(report) = report {
            report(end);
        }
    }
}
