//! The **Manually request rights** tab (RR-2..5, RR-7): the account picker with each account's
//! token state, the message with its placeholders, the counter, the preview, Request Rights,
//! and for Instagram Copy.
//!
//! An account known to have an expired or invalidated token is marked in the picker, and
//! choosing it shows the RR-3 error at once; an account the API reports expired on send gets
//! the same error. Either way the picker stays right above it, Refresh Token works in place,
//! and the message is never touched: changing account never rewrites what is in the box (an
//! explicit "Use the default message of …" does).

use std::sync::Arc;

use api_types::{CreateRightsRequest, Post, RightsRequest, SocialNetwork};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

use super::{store, Dialog};
use crate::api::AppError;
use crate::app::use_session;
use crate::components::counter::MessageCounter;
use crate::components::i18n::use_i18n;
use crate::components::icons::{CheckIcon, InfoIcon, Spinner, TokenStateBadge};
use crate::components::refresh::{RefreshButton, RefreshFeedback};
use crate::components::states::{ErrorNotice, WarningIcon};
use crate::config::Config;
use crate::domain::accounts::{initial, safe_avatar};
use crate::domain::rights::{draft, keeps_key, key_for, token_problem, Attempt, PickerEntry};
use crate::domain::untrusted::safe_link;
use crate::i18n::Msg;
use crate::pages::settings::RIGHTS_MANAGEMENT;

/// How the last send (or copy) ended.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Sent(RightsRequest),
    Failed(AppError),
    Copied,
    CopyFailed,
}

/// Why the chosen account cannot send, as far as the app knows.
#[derive(Clone, Debug, PartialEq)]
enum Blocked {
    /// Its social account was deleted.
    Gone,
    /// Its token expired (`false`) or was invalidated (`true`).
    Token { revoked: bool },
}

fn blocked(entry: &PickerEntry, reported: Option<bool>) -> Option<Blocked> {
    if entry.social.is_none() {
        return Some(Blocked::Gone);
    }
    if let Some(revoked) = reported {
        return Some(Blocked::Token { revoked });
    }
    match entry.state {
        Some(crate::domain::token::TokenState::NeedsReauth { .. }) => {
            Some(Blocked::Token { revoked: true })
        }
        Some(s) if !s.is_usable() => Some(Blocked::Token { revoked: false }),
        _ => None,
    }
}

#[component]
pub(super) fn RequestTab(dialog: Dialog, post: Arc<Post>, close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let config = expect_context::<Config>();
    let rights_management = config.href(RIGHTS_MANAGEMENT);
    let post_id = post.id.clone();
    let saved = store::load(&post_id);
    let chosen = RwSignal::new(saved.account.clone());
    let message = RwSignal::new(saved.message.clone());
    let kept = StoredValue::new(saved.attempt());
    let sending = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    // Problems are listed once the person tried to send (or copy) a message that has some.
    let tried = RwSignal::new(false);
    let textarea = NodeRef::<html::Textarea>::new();
    let preview = NodeRef::<html::Textarea>::new();

    let entries = Memo::new(move |_| dialog.entries());
    let loaded = move || {
        dialog.rights.with(|r| matches!(r, Some(Ok(_))))
            && dialog.socials.with(|s| matches!(s, Some(Ok(_))))
    };
    // The first time the accounts are known: the saved choice if it still exists, else the
    // first (the default of Instagram); the message, if none was written, its template.
    Effect::new(move |_| {
        let list = entries.get();
        if !loaded() || list.is_empty() {
            return;
        }
        let valid = chosen
            .get_untracked()
            .is_some_and(|id| list.iter().any(|e| e.rights.id == id));
        if !valid {
            chosen.set(Some(list[0].rights.id.clone()));
        }
        if message.get_untracked().is_none() {
            let id = chosen.get_untracked();
            let template = list
                .iter()
                .find(|e| Some(&e.rights.id) == id.as_ref())
                .map(|e| e.rights.default_template.clone());
            message.set(template);
        }
    });
    // Everything written is kept for this post (RR-3: nothing typed is lost).
    {
        let post_id = post_id.clone();
        Effect::new(move |_| {
            let account = chosen.get();
            let text = message.get();
            store::update(&post_id, |s| {
                s.account = account;
                s.message = text;
            });
        });
    }

    let entry = Memo::new(move |_| {
        let id = chosen.get()?;
        entries.with(|l| l.iter().find(|e| e.rights.id == id).cloned())
    });
    let author = post.author_handle.clone();
    let current_draft = Memo::new(move |_| {
        let e = entry.get()?;
        Some(draft(
            &message.get().unwrap_or_default(),
            &author,
            &e.rights,
        ))
    });
    let block = Memo::new(move |_| {
        let e = entry.get()?;
        let reported = e
            .social
            .as_ref()
            .and_then(|s| dialog.reported.with(|m| m.get(&s.id).copied()));
        blocked(&e, reported)
    });
    let network = move || entry.with(|e| e.as_ref().map(|e| e.rights.network));
    let is_instagram = move || network().is_some_and(|n| n != SocialNetwork::Twitter);

    let send = {
        let post_id = post_id.clone();
        move || {
            if sending.get_untracked() {
                return;
            }
            let (Some(e), Some(d)) = (entry.get_untracked(), current_draft.get_untracked()) else {
                return;
            };
            if !d.problems.is_empty() {
                tried.set(true);
                if let Some(t) = textarea.get_untracked() {
                    let _ = t.focus();
                }
                return;
            }
            if block.get_untracked().is_some() {
                // Known before sending (RR-4): nothing goes out; the error is said again.
                outcome.set(None);
                request_animation_frame(move || {
                    outcome.set(Some(Outcome::Failed(AppError::TokenExpired {
                        account_id: None,
                    })))
                });
                return;
            }
            let body = CreateRightsRequest {
                post_id: post_id.clone(),
                rights_account_id: e.rights.id.clone(),
                message: d.text.clone(),
            };
            let key = key_for(kept.get_value().as_ref(), &body, store::new_key);
            let attempt = Attempt {
                key: key.clone(),
                body: body.clone(),
            };
            kept.set_value(Some(attempt.clone()));
            store::update(&post_id, |s| s.set_attempt(Some(attempt)));
            sending.set(true);
            outcome.set(None);
            let Some(api) = dialog.api() else {
                return;
            };
            let post_id = post_id.clone();
            let social_id = e.social.as_ref().map(|s| s.id.clone());
            spawn_local_scoped(async move {
                let result = api.request_rights(&key, &body).await;
                if !keeps_key(&result) {
                    kept.try_set_value(None);
                    store::update(&post_id, |s| s.set_attempt(None));
                }
                match result {
                    Ok(request) => {
                        let status = request.status;
                        outcome.try_set(Some(Outcome::Sent(request)));
                        dialog.changed(post_id, status);
                    }
                    Err(error) => {
                        if let Some((account, revoked)) = token_problem(&error) {
                            let id = account.map(str::to_string).or(social_id);
                            if let Some(id) = id {
                                dialog.reported.try_update(|m| {
                                    m.insert(id, revoked);
                                });
                            }
                            // The failed attempt is in the history now (RR-6).
                            dialog.load_history(post_id);
                        }
                        outcome.try_set(Some(Outcome::Failed(error)));
                    }
                }
                sending.try_set(false);
            });
        }
    };
    let send_again = {
        let send = send.clone();
        Callback::new(move |_| send())
    };

    let copy = move || {
        let Some(d) = current_draft.get_untracked() else {
            return;
        };
        if !d.problems.is_empty() {
            tried.set(true);
            return;
        }
        let text = d.text.clone();
        spawn_local_scoped(async move {
            let ok = match web_sys::window().map(|w| w.navigator().clipboard()) {
                Some(clipboard) => {
                    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
                        .await
                        .is_ok()
                }
                None => false,
            };
            if ok {
                outcome.try_set(Some(Outcome::Copied));
            } else {
                // Select the final text so the person can copy it themselves.
                if let Some(p) = preview.get_untracked() {
                    let _ = p.focus();
                    p.select();
                }
                outcome.try_set(Some(Outcome::CopyFailed));
            }
        });
    };

    let can_refresh = move || {
        session
            .get()
            .and_then(Result::ok)
            .map(|s| (s.permissions.refresh_tokens, s.admins))
    };

    // RR-3: the token problem of the chosen account, with what to do about it, right under the
    // picker; refreshed in place.
    let token_alert = move || {
        let b = block.get()?;
        let e = entry.get()?;
        let name = e.rights.display_name.clone();
        let view = match b {
            Blocked::Gone => view! {
                <div class="stc-notice stc-notice--error stc-rights__blocked">
                    <WarningIcon/>
                    <p class="stc-notice__text"><bdi>{move || i18n.t(Msg::RightsAccountGone(name.clone()))}</bdi></p>
                </div>
            }
            .into_any(),
            Blocked::Token { revoked } => {
                let account = e.account_ref()?;
                let handle = account.handle.clone();
                let network = account.network;
                let msg = if revoked {
                    Msg::RightsTokenRevoked { account: name, handle, network }
                } else {
                    Msg::RightsTokenExpired { account: name, handle, network }
                };
                let action = match can_refresh() {
                    Some((true, _)) => view! {
                        <RefreshButton refresher=dialog.refresher account=account.clone()/>
                    }
                    .into_any(),
                    Some((false, admins)) => {
                        let names = admins.iter().map(|p| p.name.clone()).collect::<Vec<_>>().join(", ");
                        view! { <p class="stc-rights__ask">{move || i18n.t(Msg::AskAdmin(names.clone()))}</p> }.into_any()
                    }
                    None => ().into_any(),
                };
                view! {
                    <div class="stc-notice stc-notice--error stc-rights__blocked">
                        <WarningIcon/>
                        <p class="stc-notice__text"><bdi>{move || i18n.t(&msg)}</bdi></p>
                        {action}
                    </div>
                }
                .into_any()
            }
        };
        Some(view)
    };

    let picker_view = move || {
        let list = entries.get();
        if !loaded() {
            let failed = dialog.rights.with(|r| matches!(r, Some(Err(_))))
                || dialog.socials.with(|s| matches!(s, Some(Err(_))));
            return if failed {
                let error = dialog
                    .rights
                    .with(|r| r.as_ref().and_then(|r| r.clone().err()))
                    .or_else(|| {
                        dialog
                            .socials
                            .with(|s| s.as_ref().and_then(|s| s.clone().err()))
                    })
                    .unwrap_or(AppError::Undecodable);
                view! { <ErrorNotice error on_retry=Callback::new(move |_| dialog.load())/> }
                    .into_any()
            } else {
                view! { <p class="stc-rights__loading"><Spinner/>{move || i18n.t(Msg::RightsAccountsLoading)}</p> }.into_any()
            };
        }
        if list.is_empty() {
            let href = rights_management.clone();
            return view! {
                <div class="stc-notice">
                    <InfoIcon/>
                    <p class="stc-notice__text">{move || i18n.t(Msg::RightsNoAccounts)}</p>
                    <a class="stc-button stc-button--secondary" href=href>{move || i18n.t(Msg::RightsOpenRightsManagement)}</a>
                </div>
            }
            .into_any();
        }
        let options = list
            .into_iter()
            .enumerate()
            .map(|(i, e)| {
                let id = e.rights.id.clone();
                let input_id = format!("stc-rights-account-{i}");
                let checked = {
                    let id = id.clone();
                    move || chosen.get().as_deref() == Some(id.as_str())
                };
                view! { <PickerOption entry=e input_id checked=Signal::derive(checked) on_pick=Callback::new(move |_| {
                    chosen.set(Some(id.clone()));
                    outcome.set(None);
                })/> }
            })
            .collect_view();
        view! {
            <fieldset class="stc-choices stc-rights-picker">
                <legend class="stc-rights-picker__legend">{move || i18n.t(Msg::RightsAccountLegend)}</legend>
                <div class="stc-rights-picker__options">{options}</div>
            </fieldset>
        }
        .into_any()
    };

    let left = Signal::derive(move || Some((network()?, current_draft.get()?.remaining())));
    let use_default = move || {
        let e = entry.get()?;
        let current = message.get().unwrap_or_default();
        (current != e.rights.default_template).then(|| {
            let template = e.rights.default_template.clone();
            let name = e.rights.display_name.clone();
            view! {
                <button type="button" class="stc-link-button" on:click=move |_| message.set(Some(template.clone()))>
                    <bdi>{move || i18n.t(Msg::RightsUseDefault(name.clone()))}</bdi>
                </button>
            }
        })
    };
    let problems = move || {
        let d = current_draft.get()?;
        if d.problems.is_empty() || !tried.get() {
            return None;
        }
        let items = d
            .problems
            .iter()
            .map(|p| {
                let m = p.message();
                view! { <li><bdi>{move || i18n.t(&m)}</bdi></li> }
            })
            .collect_view();
        Some(view! {
            <div class="stc-notice stc-notice--error stc-rights__problems">
                <WarningIcon/>
                <div class="stc-notice__text">
                    <p>{move || i18n.t(Msg::RightsFixBeforeSending)}</p>
                    <ul>{items}</ul>
                </div>
            </div>
        })
    };
    let permalink = safe_link(&post.permalink).map(str::to_string);
    let handle = post.author_handle.clone();
    let result = move || {
        let o = outcome.get()?;
        Some(match o {
            Outcome::Sent(r) => {
                let msg = if is_instagram() {
                    Msg::RightsRequestedInstagram(handle.clone())
                } else {
                    Msg::RightsRequestedSent(handle.clone())
                };
                let _ = r;
                view! {
                    <div class="stc-notice stc-notice--success">
                        <CheckIcon/>
                        <p class="stc-notice__text"><bdi>{move || i18n.t(&msg)}</bdi></p>
                    </div>
                }
                .into_any()
            }
            Outcome::Copied => {
                let link = permalink.clone().map(|href| view! {
                    <a href=href target="_blank" rel="noopener noreferrer">
                        {move || i18n.t(Msg::RightsCopiedOpenPost)}
                        <span class="stc-visually-hidden">" "{move || i18n.t(Msg::OpensInNewTab)}</span>
                    </a>
                });
                view! {
                    <div class="stc-notice stc-notice--success">
                        <CheckIcon/>
                        <p class="stc-notice__text">{move || i18n.t(Msg::RightsCopied)}" "{link}</p>
                    </div>
                }
                .into_any()
            }
            Outcome::CopyFailed | Outcome::Failed(_) => return None,
        })
    };
    let failure = move || {
        let o = outcome.get()?;
        Some(match o {
            Outcome::CopyFailed => view! {
                <div class="stc-notice stc-notice--error">
                    <WarningIcon/>
                    <p class="stc-notice__text">{move || i18n.t(Msg::RightsCopyFailed)}</p>
                </div>
            }
            .into_any(),
            // Token problems are said next to the picker (token_alert).
            Outcome::Failed(e) if token_problem(&e).is_some() => return None,
            Outcome::Failed(error) => view! { <ErrorNotice error on_retry=send_again/> }.into_any(),
            _ => return None,
        })
    };
    // The RR-3 alert is re-announced when a send is refused for it.
    let alert_key = move || outcome.with(|o| matches!(o, Some(Outcome::Failed(_))));

    let on_input = move |e: ev::Event| {
        message.set(Some(event_target_value(&e)));
    };
    let send_click = {
        let send = send.clone();
        move |_| send()
    };

    view! {
        <div class="stc-rights-request">
            {picker_view}
            <div class="stc-live stc-rights__token-alert" role="alert">
                {move || { let _ = alert_key(); token_alert() }}
            </div>
            // The refresh's progress and outcome stay after the alert above has gone.
            {move || entry.get().and_then(|e| e.account_ref()).map(|account| view! {
                <RefreshFeedback refresher=dialog.refresher account/>
            })}
            <div class="stc-field stc-rights__message">
                <label class="stc-field__label" for="stc-rights-message">{move || i18n.t(Msg::RightsMessageLabel)}</label>
                <p class="stc-field__hint" id="stc-rights-help">{move || i18n.t(Msg::RightsPlaceholderHelp)}</p>
                <textarea
                    id="stc-rights-message"
                    class="stc-input stc-textarea"
                    rows="4"
                    dir="auto"
                    node_ref=textarea
                    aria-describedby="stc-rights-help stc-rights-counter"
                    aria-invalid=move || (tried.get() && current_draft.with(|d| d.as_ref().is_some_and(|d| !d.problems.is_empty()))).then_some("true")
                    prop:value=move || message.get().unwrap_or_default()
                    on:input=on_input
                ></textarea>
                <MessageCounter id="stc-rights-counter".to_string() left end=true/>
                {use_default}
            </div>
            <div class="stc-field stc-rights__preview">
                <label class="stc-field__label" for="stc-rights-preview">{move || i18n.t(Msg::RightsPreviewLabel)}</label>
                <textarea
                    id="stc-rights-preview"
                    class="stc-input stc-textarea stc-textarea--readonly"
                    rows="3"
                    dir="auto"
                    readonly
                    node_ref=preview
                    prop:value=move || current_draft.with(|d| d.as_ref().map(|d| d.text.clone()).unwrap_or_default())
                ></textarea>
            </div>
            <div class="stc-live" role="alert">{problems}</div>
            {move || is_instagram().then(|| view! {
                <p class="stc-note stc-rights__instagram"><InfoIcon/><span>{move || i18n.t(Msg::RightsInstagramNote)}</span></p>
            })}
            <div class="stc-live" role="status">{result}</div>
            <div class="stc-live" role="alert">{failure}</div>
            <div class="stc-dialog__actions stc-rights__actions">
                <button type="button" class="stc-button stc-button--secondary" on:click=move |_| close.run(())>
                    {move || i18n.t(if outcome.with(|o| matches!(o, Some(Outcome::Sent(_) | Outcome::Copied))) { Msg::Close } else { Msg::AccCancel })}
                </button>
                {move || is_instagram().then(|| view! {
                    <button type="button" class="stc-button stc-button--secondary stc-rights__copy" on:click=move |_| copy()>
                        {move || i18n.t(Msg::RightsCopy)}
                    </button>
                })}
                <button
                    type="button"
                    class="stc-button stc-button--primary stc-rights__send"
                    aria-disabled=move || (sending.get() || !loaded()).then_some("true")
                    aria-busy=move || sending.get().then_some("true")
                    on:click=send_click
                >
                    {move || sending.get().then(|| view! { <Spinner/> })}
                    {move || i18n.t(if sending.get() { Msg::RightsRequesting } else { Msg::RightsRequestAction })}
                </button>
            </div>
        </div>
    }
}

/// One account in the picker: a radio button labelled by the account's name, @handle and token
/// state in words with an icon (RR-2, RR-4).
#[component]
fn PickerOption(
    entry: PickerEntry,
    input_id: String,
    checked: Signal<bool>,
    on_pick: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = entry.rights.display_name.clone();
    let is_default = entry.rights.is_default;
    let avatar = entry
        .social
        .as_ref()
        .and_then(|s| safe_avatar(s.avatar_url.as_deref()).map(str::to_string));
    let letter = entry
        .social
        .as_ref()
        .map(initial)
        .unwrap_or_else(|| "?".into());
    let avatar_failed = RwSignal::new(false);
    let handle = entry.handle().map(str::to_string);
    let network = entry.rights.network;
    let state = entry.state;
    let state_view = move || {
        match state {
        None => view! {
            <span class="stc-rights-option__state stc-rights-option__state--bad"><WarningIcon/>{move || i18n.t(Msg::RightsAccountDeleted)}</span>
        }
        .into_any(),
        Some(s) => view! { <TokenStateBadge state=s block="stc-rights-option__state"/> }.into_any(),
    }
    };
    let label_for = input_id.clone();
    view! {
        <label class="stc-choice stc-rights-option" class:is-checked=checked for=label_for>
            <input
                type="radio"
                name="stc-rights-account"
                id=input_id
                prop:checked=checked
                on:change=move |_| on_pick.run(())
            />
            // An avatar that does not load gives way to the letter.
            {move || match avatar.clone().filter(|_| !avatar_failed.get()) {
                Some(src) => view! { <img class="stc-rights-option__avatar" src=src alt="" width="32" height="32" on:error=move |_| avatar_failed.set(true)/> }.into_any(),
                None => view! { <span class="stc-rights-option__avatar stc-rights-option__avatar--letter" aria-hidden="true">{letter.clone()}</span> }.into_any(),
            }}
            <span class="stc-rights-option__text">
                <span class="stc-rights-option__name">
                    <bdi>{name}</bdi>
                    {is_default.then(|| view! { <span class="stc-rights-option__default">" · "{move || i18n.t(Msg::RightsAccountDefault)}</span> })}
                </span>
                <span class="stc-rights-option__handle">
                    {handle.map(|h| view! { <bdi>"@"{h}</bdi>" · " })}
                    {move || i18n.t(Msg::NetworkName(network))}
                </span>
                {state_view}
            </span>
        </label>
    }
}
