//! The popup at the bottom left (SRCH-4, SRCH-5): one per account passed over, newest on top,
//! in a polite live region that exists before it fills; it never takes focus, has a close
//! button and Refresh Token, and stays while hovered or focused (else it leaves after
//! [`LINGER`], the same facts staying in the results header). After a refresh it offers to search
//! again with the better account (SRCH-8).

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{Instead, PopupData, SearchState};
use crate::app::use_session;
use crate::components::format;
use crate::components::i18n::use_i18n;
use crate::components::icons::{CloseIcon, WarningIcon};
use crate::components::refresh::{Finished, RefreshButton, RefreshFeedback, Refresher};
use crate::domain::fallback::PassReason;
use crate::i18n::Msg;

/// How long an untouched popup stays.
const LINGER: Duration = Duration::from_secs(20);

#[component]
pub(super) fn TokenPopups(state: SearchState, return_to: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div
            class="stc-token-popups"
            role="status"
            aria-live="polite"
            aria-label=move || i18n.t(Msg::TokenPopupRegion)
        >
            <For
                each=move || state.popups.get()
                key=|p| p.key
                children=move |p| view! { <TokenPopup key=p.key state return_to/> }
            />
        </div>
    }
}

#[component]
fn TokenPopup(key: u64, state: SearchState, return_to: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let data = Memo::new(move |_| {
        state
            .popups
            .with(|ps| ps.iter().find(|p| p.key == key).cloned())
    });
    let initial: Option<PopupData> = data.get_untracked();
    let Some(initial) = initial else {
        return ().into_any();
    };
    let account = initial.account.clone();
    let handle = account.handle.clone();
    // The same account may be passed over again by a newer search: the popup then updates.
    let reason = Memo::new(move |_| data.get().map(|p| p.reason).unwrap_or(initial.reason));
    let shown_by = Memo::new(move |_| data.get().map(|p| p.gen));

    let hovered = RwSignal::new(false);
    let focused = RwSignal::new(false);
    let refreshed = RwSignal::new(false);
    let dismiss = move || state.popups.update(|ps| ps.retain(|p| p.key != key));

    // Stays while hovered or focused, or once it holds an offer to search again. Each timer
    // carries a generation, so a timer that was not cleared in time never dismisses early.
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let timer_gen = StoredValue::new(0_u64);
    Effect::new(move |_| {
        shown_by.track(); // shown again by a newer search: a fresh linger
        let hold = hovered.get() || focused.get() || refreshed.get();
        let generation = timer_gen.get_value() + 1;
        timer_gen.set_value(generation);
        if let Some(t) = timer.get_value() {
            t.clear();
        }
        timer.set_value(None);
        if !hold {
            let fire = move || {
                if timer_gen.try_get_value() == Some(generation) {
                    dismiss();
                }
            };
            timer.set_value(set_timeout_with_handle(fire, LINGER).ok());
        }
    });
    on_cleanup(move || {
        if let Some(Some(t)) = timer.try_get_value() {
            t.clear();
        }
    });

    let title = move || match reason.get() {
        PassReason::Expired => Msg::TokenPopupTitleExpired,
        PassReason::NeedsReauth => Msg::TokenPopupTitleRevoked,
        PassReason::RateLimited { .. } => Msg::TokenPopupTitleRateLimited,
    };
    let body = {
        let handle = handle.clone();
        move || match reason.get() {
            PassReason::Expired => i18n.t(Msg::TokenPopupExpired(handle.clone())),
            PassReason::NeedsReauth => i18n.t(Msg::TokenPopupRevoked(handle.clone())),
            PassReason::RateLimited { resets_at } => i18n.t(Msg::TokenPopupRateLimited {
                handle: handle.clone(),
                resets_at: resets_at.map(|t| format::time(t, i18n.lang())),
            }),
        }
    };
    let instead = move || {
        data.get().and_then(|p| match p.instead {
            Instead::Pending => None,
            Instead::Trying(h) => Some(i18n.t(Msg::TokenPopupTrying(h))),
            Instead::Used(h) => Some(i18n.t(Msg::TokenPopupUsedInstead(h))),
            Instead::NoneLeft => Some(i18n.t(Msg::TokenPopupNoneInstead)),
            Instead::Stopped => Some(i18n.t(Msg::TokenPopupStopped)),
        })
    };

    // Refresh Token where the person may (ACC-8: else who can).
    let can_refresh = move || {
        session
            .get()
            .and_then(|s| s.ok())
            .map(|s| (s.permissions.refresh_tokens, s.admins))
    };
    let offer = Memo::new(move |_| refreshed.get().then(|| state.offer()).flatten());
    let again_button = NodeRef::<leptos::html::Button>::new();
    // The Refresh Token button gives way to the offer: keep keyboard focus in the popup.
    Effect::new(move |_| {
        if offer.get().is_some() {
            if let Some(b) = again_button.get() {
                let focus_lost = web_sys::window()
                    .and_then(|w| w.document())
                    .map(|d| {
                        d.active_element().is_none_or(|e| {
                            e.dyn_ref::<web_sys::HtmlElement>()
                                .is_some_and(|h| d.body().is_some_and(|b| b == *h))
                        })
                    })
                    .unwrap_or(false);
                if focus_lost {
                    let _ = b.focus();
                }
            }
        }
    });
    // The shared Refresh Token flow (components::refresh); a same-tab authorization comes back
    // to this search (OAUTH-3), which then says how it ended (components::resume).
    let refresher = Refresher::new(
        return_to.get_untracked(),
        Callback::new(move |done: Finished| {
            if !done.end.is_success() {
                return;
            }
            if let Some(account) = done.account {
                state.refreshed(account);
            }
            refreshed.set(true);
        }),
    );
    Effect::new(move |_| refresher.set_return_to(return_to.get()));
    let actions = {
        let account = account.clone();
        move || {
            if !reason.get().is_token_problem() {
                return None;
            }
            if let Some(a) = offer.get() {
                let label = a.handle.clone();
                return Some(
                    view! {
                        <button
                            type="button"
                            class="stc-button stc-button--primary stc-token-popup__again"
                            node_ref=again_button
                            on:click=move |_| {
                                state.search_again();
                                dismiss();
                            }
                        >
                            <bdi>{move || i18n.t(Msg::SearchAgainWith(label.clone()))}</bdi>
                        </button>
                    }
                    .into_any(),
                );
            }
            match can_refresh() {
                Some((true, _)) => {
                    Some(view! { <RefreshButton refresher account=account.clone()/> }.into_any())
                }
                Some((false, admins)) => {
                    let names = admins
                        .iter()
                        .map(|p| p.name.clone())
                        .collect::<Vec<_>>()
                        .join(", ");
                    Some(view! { <p class="stc-token-popup__ask">{move || i18n.t(Msg::AskAdmin(names.clone()))}</p> }.into_any())
                }
                None => None,
            }
        }
    };
    let close_label = handle.clone();

    view! {
        <div
            class="stc-token-popup"
            class:stc-token-popup--rate=move || !reason.get().is_token_problem()
            on:mouseenter=move |_| hovered.set(true)
            on:mouseleave=move |_| hovered.set(false)
            on:focusin=move |_| focused.set(true)
            on:focusout=move |ev: web_sys::FocusEvent| {
                // Still focused when focus moves within the popup.
                let inside = ev
                    .related_target()
                    .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                    .zip(ev.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()))
                    .is_some_and(|(to, me)| me.contains(Some(&to)));
                if !inside {
                    focused.set(false);
                }
            }
        >
            <div class="stc-token-popup__head">
                <WarningIcon/>
                <strong class="stc-token-popup__title">{move || i18n.t(title())}</strong>
                <button type="button" class="stc-token-popup__close" on:click=move |_| dismiss()>
                    <CloseIcon/>
                    <span class="stc-visually-hidden"><bdi>{move || i18n.t(Msg::TokenPopupClose(close_label.clone()))}</bdi></span>
                </button>
            </div>
            <p class="stc-token-popup__text"><bdi>{body}</bdi></p>
            <p class="stc-token-popup__instead"><bdi>{instead}</bdi></p>
            <RefreshFeedback refresher account=account.clone()/>
            <div class="stc-token-popup__actions">{actions}</div>
        </div>
    }
    .into_any()
}
