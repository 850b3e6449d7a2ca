//! One social account: the collapsed card (avatar, names, token state in words and icon, Refresh
//! Token when the token needs attention, the chevron) and the expanded "Social Account" panel
//! (display name, Save Settings, Delete, token details, fallback order, what depends on it, token
//! history). ACC-2..4, ACC-7..9.

use api_types::{Dependents, HistoryEntry, SocialNetwork, Timestamp};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::panel::Panel;
use super::{use_page, Entry, Section};
use crate::api::{Api, AppError};
use crate::components::format;
use crate::components::i18n::use_i18n;
use crate::components::icons::{CheckIcon, ChevronIcon, TokenStateBadge};
use crate::components::refresh::RefreshPhase;
use crate::components::states::{ErrorNotice, ErrorSlot, Skeleton, WarningIcon};
use crate::domain::accounts::{
    dom_id, history_msg, initial, refresh_placement, safe_avatar, shown_name, state_icon,
    Direction, RefreshPlacement, StateIcon,
};
use crate::domain::oauth::RefreshEnd;
use crate::domain::token::{derive, TokenState};
use crate::i18n::Msg;

/// The longest display name the API accepts.
const DISPLAY_NAME_MAX: usize = 100;

/// The token state in words and icon (ACC-2), never colour alone. On the card head the red
/// triangle of a broken token sits on the right, next to the chevron, as in the reference
/// screenshot (`head`); the words stay under the name.
#[component]
fn StateBadge(state: Memo<Option<TokenState>>, #[prop(optional)] head: bool) -> impl IntoView {
    move || {
        state
            .get()
            .map(|s| view! { <TokenStateBadge state=s no_warning_icon=head/> })
    }
}

/// The avatar: only `https:` images (SRCH-10); a letter when there is none or it fails to load.
#[component]
fn Avatar(entry: Entry) -> impl IntoView {
    let failed = RwSignal::new(false);
    move || {
        let (url, letter) = entry.account.with(|a| {
            (
                safe_avatar(a.avatar_url.as_deref()).map(str::to_string),
                initial(a),
            )
        });
        match url.filter(|_| !failed.get()) {
            Some(src) => view! {
                <img
                    class="stc-acc-avatar"
                    src=src
                    alt=""
                    width="32"
                    height="32"
                    loading="lazy"
                    decoding="async"
                    referrerpolicy="no-referrer"
                    on:error=move |_| failed.set(true)
                />
            }
            .into_any(),
            None => view! { <span class="stc-acc-avatar stc-acc-avatar--letter" aria-hidden="true">{letter}</span> }
                .into_any(),
        }
    }
}

/// Refresh Token (ACC-3, TOK-4). While a refresh runs it says so and ignores clicks (OAUTH-4);
/// it stays focusable (`aria-disabled`), so the keyboard does not lose its place.
#[component]
fn RefreshButton(entry: Entry) -> impl IntoView {
    let i18n = use_i18n();
    let page = use_page();
    let id = entry.id();
    let busy = move || page.refreshing(entry);
    view! {
        <button
            type="button"
            id=dom_id("stc-acc-refresh", &id)
            class="stc-button stc-button--primary stc-acc-refresh"
            aria-disabled=move || busy().then_some("true")
            aria-describedby=dom_id("stc-acc-name", &id)
            on:click=move |_| page.refresh(entry)
        >
            {move || busy().then(|| view! { <span class="stc-spinner" aria-hidden="true"></span> })}
            {move || i18n.t(if busy() { Msg::Refreshing } else { Msg::RefreshToken })}
        </button>
    }
}

/// How the last refresh or add ended, in words (OAUTH-3), with what to do next.
#[component]
pub(super) fn OutcomeView(
    /// The flow's state in the page's `Refresher`.
    phase: RwSignal<RefreshPhase>,
    network: SocialNetwork,
    /// A refresh: the token's expiry as it is now, said after success. An add (`None`) says its
    /// success in the section's notice instead.
    expires: Option<Signal<Option<Timestamp>>>,
    /// The handle a refresh expected, when the API does not name it.
    expected: Signal<String>,
    on_retry: Callback<()>,
    on_check: Callback<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let notice = move |class: &'static str, msg: Msg, warning: bool| {
        view! {
            <div class=class>
                {warning.then(|| view! { <WarningIcon/> })}
                <p class="stc-notice__text">{move || i18n.t(&msg)}</p>
            </div>
        }
        .into_any()
    };
    move || {
        match phase.get() {
        RefreshPhase::Idle | RefreshPhase::Running { in_popup: false } => None,
        RefreshPhase::Running { in_popup: true } => {
            Some(notice("stc-notice", Msg::RefreshWaiting(network), false))
        }
        RefreshPhase::Ended(end) => match end {
            RefreshEnd::Refreshed => expires.map(|expires| {
                view! {
                    <div class="stc-notice stc-notice--success">
                        <CheckIcon/>
                        <p class="stc-notice__text">
                            {move || {
                                let locale = i18n.lang();
                                i18n.t(Msg::AccOauthRefreshed(expires.get().map(|t| format::date_time(t, locale))))
                            }}
                        </p>
                    </div>
                }
                .into_any()
            }),
            // In the words every screen uses for the same ending (`RefreshEnd::message`).
            RefreshEnd::Denied => Some(notice(
                "stc-notice stc-notice--warning",
                end.message(network, &expected.get_untracked()),
                true,
            )),
            RefreshEnd::IdentityMismatch { .. } => Some(notice(
                "stc-notice stc-notice--error",
                end.message(network, &expected.get_untracked()),
                true,
            )),
            RefreshEnd::Expired => Some(notice("stc-notice stc-notice--warning", Msg::AccOauthFlowExpired, true)),
            RefreshEnd::Cancelled => Some(notice("stc-notice", Msg::RefreshCancelled, false)),
        },
        RefreshPhase::Blocked { url } => Some(view! {
                <div class="stc-notice stc-notice--warning">
                    <WarningIcon/>
                    <p class="stc-notice__text">
                        {move || i18n.t(Msg::AccOauthBlocked { adding: expected.get_untracked().is_empty() })}
                    </p>
                    <button
                        type="button"
                        class="stc-button stc-button--secondary"
                        on:click=move |_| {
                            // Leaves for the provider; the flow's `return_to` brings the person back.
                            if let Some(w) = web_sys::window() {
                                let _ = w.location().assign(&url);
                            }
                        }
                    >
                        {move || i18n.t(Msg::RefreshContinueHere)}
                    </button>
                </div>
            }
            .into_any()),
            RefreshPhase::Failed { error, recheck: None } => Some(view! { <ErrorNotice error on_retry/> }.into_any()),
            RefreshPhase::Failed { error, recheck: Some(state) } => {
                let msg = error.message();
                Some(view! {
                    <div class="stc-notice stc-notice--error">
                        <WarningIcon/>
                        <p class="stc-notice__text">{move || i18n.t(&msg)}</p>
                        <button
                            type="button"
                            class="stc-button stc-button--secondary"
                            on:click=move |_| on_check.run(state.clone())
                        >
                            {move || i18n.t(Msg::AccOauthCheckAgain)}
                        </button>
                    </div>
                }
                .into_any())
            }
        }
    }
}

#[component]
pub(super) fn AccountCard(entry: Entry, section: Section) -> impl IntoView {
    let i18n = use_i18n();
    let page = use_page();
    let id = entry.id();
    let panel_id = dom_id("stc-acc-panel", &id);
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| page.open.with(|o| o.as_deref() == Some(id.as_str())))
    };
    let state = Memo::new(move |_| {
        page.now
            .get()
            .map(|now| entry.account.with(|a| derive(&a.token, now)))
    });
    let attention = Memo::new(move |_| state.get().is_some_and(|s| s.needs_attention()));
    let toggle = {
        let id = id.clone();
        move || page.set_open((!is_open.get_untracked()).then(|| id.clone()))
    };
    let on_head_click = {
        let toggle = toggle.clone();
        move |ev: leptos::ev::MouseEvent| {
            // Buttons and links in the head do their own thing.
            let inside_control = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("button, a").ok().flatten())
                .is_some();
            if !inside_control {
                toggle();
            }
        }
    };
    let on_card_action = move || {
        let p = page.perms.get();
        let on_card = state.get().map(refresh_placement) == Some(RefreshPlacement::OnCard);
        if !on_card {
            None
        } else if p.refresh_tokens {
            Some(view! { <RefreshButton entry/> }.into_any())
        } else {
            Some(
                view! { <span class="stc-acc-ask">{move || i18n.t(Msg::AccAskAdmin(page.admins.get()))}</span> }
                    .into_any(),
            )
        }
    };
    let details_label = move || {
        i18n.t(Msg::AccDetailsFor(
            entry
                .account
                .with(|a| format!("{} (@{})", shown_name(a), a.handle)),
        ))
    };
    let retry = Callback::new(move |_| page.refresh(entry));
    let check = {
        let id = id.clone();
        Callback::new(move |state: String| page.refresher.recheck(&id, state))
    };
    view! {
        <li
            id=dom_id("stc-acc", &id)
            class="stc-acc-card"
            class:is-open=is_open
            class:needs-attention=attention
            data-account=id.clone()
        >
            <div class="stc-acc-card__head" on:click=on_head_click>
                <Avatar entry/>
                <div class="stc-acc-card__who">
                    <div class="stc-acc-card__names" id=dom_id("stc-acc-name", &id)>
                        <span class="stc-acc-card__name">{move || entry.account.with(shown_name)}</span>
                        " "
                        <span class="stc-acc-card__handle">{move || entry.account.with(|a| format!("@{}", a.handle))}</span>
                    </div>
                    <StateBadge state head=true/>
                </div>
                {on_card_action}
                // The triangle's place is kept on every card, so buttons line up.
                <span class="stc-acc-card__triangle">
                    {move || (state.get().map(state_icon) == Some(StateIcon::Warning)).then(|| view! { <WarningIcon/> })}
                </span>
                <button
                    type="button"
                    id=dom_id("stc-acc-toggle", &id)
                    class="stc-acc-card__toggle"
                    aria-expanded=move || is_open.get().to_string()
                    aria-controls=panel_id.clone()
                    aria-label=details_label
                    on:click=move |_| toggle()
                >
                    <ChevronIcon/>
                </button>
            </div>
            <div class="stc-acc-card__outcome" role="status">
                <OutcomeView
                    phase=page.refresher.phase(&id)
                    network=section.network
                    expires=Some(Signal::derive(move || entry.account.with(|a| a.token.expires_at)))
                    expected=Signal::derive(move || entry.account.with(|a| a.handle.clone()))
                    on_retry=retry
                    on_check=check
                />
            </div>
            <div id=panel_id class="stc-acc-panel" hidden=move || !is_open.get()>
                {move || is_open.get().then(|| view! { <Panel entry section state/> })}
            </div>
        </li>
    }
}

/// The expanded card (ACC-4): the reference's "Social Account" form, then the token's details.
#[component]
pub(super) fn AccountPanel(
    entry: Entry,
    section: Section,
    state: Memo<Option<TokenState>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let page = use_page();
    let api = expect_context::<Api>();
    let id = entry.id();

    let manage = Memo::new(move |_| page.perms.get().manage_accounts);
    let refresh_inside = move || {
        (page.perms.get().refresh_tokens
            && state.get().map(refresh_placement) == Some(RefreshPlacement::Inside))
        .then(|| view! { <RefreshButton entry/> })
    };

    // ---- what depends on it, and its history (read again when the token changed)
    let dependents = {
        let api = api.clone();
        let id = id.clone();
        LocalResource::new(move || {
            entry.version.track();
            let api = api.clone();
            let id = id.clone();
            async move { api.dependents(&id).await }
        })
    };
    let history = {
        let api = api.clone();
        let id = id.clone();
        LocalResource::new(move || {
            entry.version.track();
            let api = api.clone();
            let id = id.clone();
            async move { api.history(&id).await }
        })
    };

    let form = move || {
        if manage.get() {
            view! { <NameForm entry/> }.into_any()
        } else {
            view! {
                <dl class="stc-acc-facts">
                    <dt>{move || i18n.t(Msg::AccDisplayName)}</dt>
                    <dd>{move || entry.account.with(shown_name)}</dd>
                </dl>
                <p class="stc-acc-ask">{move || i18n.t(Msg::AccAskAdminToManage(page.admins.get()))}</p>
            }
            .into_any()
        }
    };

    let expires = move || {
        let locale = i18n.lang();
        entry.account.with(|a| match a.token.expires_at {
            Some(t) => {
                view! { <time datetime=format::iso(t)>{format::date_time(t, locale)}</time> }
                    .into_any()
            }
            None => i18n.t(Msg::AccDoesNotExpire).into_any(),
        })
    };
    let last_refresh = move || {
        let locale = i18n.lang();
        entry.account.with(|a| match a.token.last_refreshed_at {
            Some(t) => {
                let by = a.token.last_refreshed_by.as_ref().map(|p| p.name.clone());
                view! {
                    <time datetime=format::iso(t)>
                        {i18n.t(Msg::AccLastRefreshValue { when: format::date_time(t, locale), by })}
                    </time>
                }
                .into_any()
            }
            None => i18n.t(Msg::AccNeverRefreshed).into_any(),
        })
    };
    let connected = move || {
        let locale = i18n.lang();
        entry.account.with(|a| {
            let t = a.token.connected_at;
            view! {
                <time datetime=format::iso(t)>
                    {i18n.t(Msg::AccConnectedValue { when: format::date_time(t, locale), by: None })}
                </time>
            }
        })
    };

    let deps_error = Signal::derive(move || dependents.get().and_then(|r| r.err()));
    let history_error = Signal::derive(move || history.get().and_then(|r| r.err()));

    view! {
        <h4 class="stc-acc-panel__title">{move || i18n.t(Msg::AccSocialAccount)}</h4>
        {form}
        <div class="stc-acc-panel__group">
            <h5 class="stc-acc-panel__subtitle">{move || i18n.t(Msg::AccTokenHeading)}</h5>
            <dl class="stc-acc-facts">
                <dt>{move || i18n.t(Msg::AccStateLabel)}</dt>
                <dd><StateBadge state/></dd>
                <dt>{move || i18n.t(Msg::AccExpiresAtLabel)}</dt>
                <dd>{expires}</dd>
                <dt>{move || i18n.t(Msg::AccLastRefreshLabel)}</dt>
                <dd>{last_refresh}</dd>
                <dt>{move || i18n.t(Msg::AccConnectedLabel)}</dt>
                <dd>{connected}</dd>
            </dl>
            {refresh_inside}
        </div>
        {move || manage.get().then(|| view! { <OrderControls entry section/> })}
        <div class="stc-acc-panel__group">
            <h5 class="stc-acc-panel__subtitle">{move || i18n.t(Msg::AccDependsHeading)}</h5>
            {move || match dependents.get() {
                None => view! { <Skeleton lines=3/> }.into_any(),
                Some(Ok(d)) => view! { <DependentsList d/> }.into_any(),
                Some(Err(_)) => ().into_any(),
            }}
            <ErrorSlot error=deps_error on_retry=Callback::new(move |_| dependents.refetch())/>
        </div>
        <div class="stc-acc-panel__group">
            <h5 class="stc-acc-panel__subtitle">{move || i18n.t(Msg::AccHistoryHeading)}</h5>
            {move || match history.get() {
                None => view! { <Skeleton lines=3/> }.into_any(),
                Some(Ok(entries)) => view! { <HistoryList entries/> }.into_any(),
                Some(Err(_)) => ().into_any(),
            }}
            <ErrorSlot error=history_error on_retry=Callback::new(move |_| history.refetch())/>
        </div>
    }
}

/// Display name, Save Settings and Delete, as in the reference screenshot (ACC-4). What was typed
/// stays through a failed save, a collapse or a reorder (it lives in the page's record).
#[component]
fn NameForm(entry: Entry) -> impl IntoView {
    let i18n = use_i18n();
    let page = use_page();
    let api = expect_context::<Api>();
    let id = entry.id();
    let input_id = dom_id("stc-acc-name-input", &id);
    let help_id = dom_id("stc-acc-name-help", &id);
    let field_error_id = dom_id("stc-acc-name-error", &id);
    let saving = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let value = move || {
        entry
            .draft
            .get()
            .unwrap_or_else(|| entry.account.with(|a| a.display_name.clone()))
    };
    let field_error = Memo::new(move |_| match entry.save_error.get() {
        Some(AppError::Validation(fields)) => fields
            .iter()
            .find(|f| f.field == "display_name")
            .map(|f| match f.reason.as_str() {
                "too_long" => Msg::AccDisplayNameTooLong,
                "invalid_characters" => Msg::AccDisplayNameInvalid,
                _ => Msg::ErrValidation,
            }),
        _ => None,
    });
    let save = {
        let api = api.clone();
        let id = id.clone();
        move || {
            if saving.get_untracked() {
                return;
            }
            let name = entry
                .draft
                .get_untracked()
                .unwrap_or_else(|| entry.account.with_untracked(|a| a.display_name.clone()));
            saved.set(false);
            entry.save_error.set(None);
            if name.trim().chars().count() > DISPLAY_NAME_MAX {
                entry
                    .save_error
                    .set(Some(AppError::Validation(vec![api_types::FieldError {
                        field: "display_name".into(),
                        reason: "too_long".into(),
                        detail: Some(DISPLAY_NAME_MAX.to_string()),
                    }])));
                return;
            }
            saving.set(true);
            let api = api.clone();
            let id = id.clone();
            spawn_local(async move {
                match api.update_account(&id, name).await {
                    Ok(account) => {
                        super::name_draft::clear(&account.id);
                        entry.account.try_set(account);
                        entry.draft.try_set(None);
                        saved.try_set(true);
                    }
                    Err(e) => {
                        entry.save_error.try_set(Some(e));
                    }
                }
                saving.try_set(false);
            });
        }
    };
    let on_submit = {
        let save = save.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            save();
        }
    };
    let retry = Callback::new(move |_| save());
    let general_error = Signal::derive(move || entry.save_error.get());
    let described_by = {
        let help_id = help_id.clone();
        let field_error_id = field_error_id.clone();
        move || {
            if field_error.with(Option::is_some) {
                format!("{help_id} {field_error_id}")
            } else {
                help_id.clone()
            }
        }
    };
    view! {
        <form class="stc-acc-form" on:submit=on_submit novalidate>
            <div class="stc-acc-form__row">
                <label class="stc-acc-form__label" for=input_id.clone()>{move || i18n.t(Msg::AccDisplayName)}</label>
                <div class="stc-acc-form__field">
                    <input
                        id=input_id
                        class="stc-input"
                        type="text"
                        maxlength=DISPLAY_NAME_MAX.to_string()
                        autocomplete="off"
                        prop:value=value
                        aria-describedby=described_by
                        aria-invalid=move || field_error.with(Option::is_some).then_some("true")
                        on:input=move |ev| {
                            saved.set(false);
                            let typed = event_target_value(&ev);
                            super::name_draft::keep(&entry.id(), &typed);
                            entry.draft.set(Some(typed));
                        }
                    />
                    <p id=help_id class="stc-acc-form__help">{move || i18n.t(Msg::AccDisplayNameHelp)}</p>
                    <p id=field_error_id class="stc-acc-form__field-error">
                        {move || field_error.with(|e| e.as_ref().map(|m| i18n.t(m)))}
                    </p>
                </div>
            </div>
            <ErrorSlot error=general_error on_retry=retry/>
            <div class="stc-acc-form__actions">
                <button
                    type="submit"
                    class="stc-button stc-button--save"
                    aria-disabled=move || saving.get().then_some("true")
                >
                    {move || saving.get().then(|| view! { <span class="stc-spinner" aria-hidden="true"></span> })}
                    {move || i18n.t(if saving.get() { Msg::AccSaving } else { Msg::AccSaveSettings })}
                </button>
                <span class="stc-acc-form__status" role="status">
                    {move || saved.get().then(|| view! { <CheckIcon/> " " {move || i18n.t(Msg::AccSaved)} })}
                </span>
                <button
                    type="button"
                    id=dom_id("stc-acc-delete", &id)
                    class="stc-link-button stc-acc-form__delete"
                    on:click=move |_| page.delete.set(Some(entry))
                >
                    {move || i18n.t(Msg::AccDelete)}
                </button>
            </div>
        </form>
    }
}

/// Move up / Move down (ACC-7). Both stay focusable at the ends (`aria-disabled`), so focus never
/// jumps when an account reaches the top or bottom.
#[component]
fn OrderControls(entry: Entry, section: Section) -> impl IntoView {
    let i18n = use_i18n();
    let page = use_page();
    let api = expect_context::<Api>();
    let id = entry.id();
    let place = {
        let id = id.clone();
        Memo::new(move |_| {
            section.entries.with(|es| {
                (
                    es.iter().position(|e| e.id() == id).map_or(0, |p| p + 1),
                    es.len(),
                )
            })
        })
    };
    let last = RwSignal::new(None::<Direction>);
    let go = {
        let api = api.clone();
        move |dir: Direction| {
            last.set(Some(dir));
            page.move_entry(api.clone(), entry, dir);
        }
    };
    let busy = section.reordering;
    let up_disabled = move || busy.get() || place.get().0 <= 1;
    let down_disabled = move || busy.get() || place.get().0 >= place.get().1;
    let go_up = go.clone();
    let go_down = go.clone();
    let retry = Callback::new(move |_| {
        if let Some(dir) = last.get_untracked() {
            go(dir);
        }
    });
    let order_error = Signal::derive(move || entry.order_error.get());
    view! {
        <div class="stc-acc-panel__group stc-acc-order">
            <h5 class="stc-acc-panel__subtitle">{move || i18n.t(Msg::AccOrderHeading)}</h5>
            <p class="stc-acc-order__place">
                {move || {
                    let (p, of) = place.get();
                    i18n.t(Msg::AccOrderPlace {
                        place: u32::try_from(p).unwrap_or(0),
                        of: u32::try_from(of).unwrap_or(0),
                    })
                }}
            </p>
            <div class="stc-acc-order__buttons">
                <button
                    type="button"
                    id=dom_id("stc-acc-up", &id)
                    class="stc-button stc-button--secondary"
                    aria-disabled=move || up_disabled().then_some("true")
                    aria-describedby=dom_id("stc-acc-name", &id)
                    on:click=move |_| if !up_disabled() { go_up(Direction::Up) }
                >
                    {move || i18n.t(Msg::AccMoveUp)}
                </button>
                <button
                    type="button"
                    id=dom_id("stc-acc-down", &id)
                    class="stc-button stc-button--secondary"
                    aria-disabled=move || down_disabled().then_some("true")
                    aria-describedby=dom_id("stc-acc-name", &id)
                    on:click=move |_| if !down_disabled() { go_down(Direction::Down) }
                >
                    {move || i18n.t(Msg::AccMoveDown)}
                </button>
            </div>
            <ErrorSlot error=order_error on_retry=retry/>
        </div>
    }
}

/// What depends on the account (ACC-4): streams, search fallback rank, open rights requests.
#[component]
fn DependentsList(d: Dependents) -> impl IntoView {
    let i18n = use_i18n();
    let streams = Msg::AccDepStreams {
        count: u32::try_from(d.streams.len()).unwrap_or(u32::MAX),
        names: d
            .streams
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let search = match d.search_rank {
        Some(rank) => Msg::AccDepSearchRank(rank),
        None => Msg::AccDepNoSearch,
    };
    let fallback = d.search_rank.map(|_| match &d.search_fallback {
        Some(f) => Msg::AccDepFallback(f.handle.clone()),
        None => Msg::AccDepNoFallback,
    });
    let rights = Msg::AccDepRights(d.open_rights_requests);
    view! {
        <ul class="stc-acc-depends">
            <li>{move || i18n.t(&streams)}</li>
            <li>{move || i18n.t(&search)}</li>
            {fallback.map(|m| view! { <li>{move || i18n.t(&m)}</li> })}
            <li>{move || i18n.t(&rights)}</li>
        </ul>
    }
}

/// The token history in words (ACC-9), newest first as the API sends it.
#[component]
fn HistoryList(entries: Vec<HistoryEntry>) -> impl IntoView {
    let i18n = use_i18n();
    if entries.is_empty() {
        return view! { <p class="stc-acc-history__empty">{move || i18n.t(Msg::AccHistoryEmpty)}</p> }
            .into_any();
    }
    view! {
        <ol class="stc-acc-history">
            {entries
                .into_iter()
                .map(|e| {
                    let msg = history_msg(&e);
                    let at = e.at;
                    view! {
                        <li>
                            <time datetime=format::iso(at)>{move || format::date_time(at, i18n.lang())}</time>
                            <span>{move || i18n.t(&msg)}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
    .into_any()
}
