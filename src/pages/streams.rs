//! Streams (STR-1..3): every stream with its destination, its rules in short, the account it uses
//! and its status. A stopped stream says why in words and offers Refresh Token (OAUTH) and, to
//! people who may manage streams, a switch to another valid account of the same network, in one
//! step with a confirmation. People without those permissions see who can fix it. A running
//! stream whose account's token expires within 10 days says when it will stop, with Refresh
//! Token (TOK-2). A summary above the list names the streams that need attention, with a way to
//! each.

use api_types::{AccountRef, DestinationKind, Session, SocialAccount, Stream, Timestamp};
use leptos::prelude::*;

pub use crate::domain::routes::STREAMS;
use leptos::task::spawn_local_scoped;
use wasm_bindgen::JsCast;

use super::SectionHeader;
use crate::api::api_resource;
use crate::api::{Api, AppError};
use crate::app::{unless_shell_says, use_session, when_session_back};
use crate::components::dialog::Modal;
use crate::components::drawn_time::hold_drawn_time;
use crate::components::format;
use crate::components::i18n::{use_i18n, I18n};
use crate::components::icons::{icon, CheckIcon, ClockIcon, InfoIcon, Spinner};
use crate::components::refresh::{Finished, RefreshButton, RefreshFeedback, Refresher};
use crate::components::resume::on_authorization_return;
use crate::components::show_all::ShowAllToggle;
use crate::components::states::{ErrorNotice, ErrorSlot, Skeleton, WarningIcon};
use crate::config::Config;
use crate::domain::notifications::banner_rows;
use crate::domain::streams::{
    needing_attention, next_change, next_stop, rules_terms, switch_candidates, view as stream_view,
    Attention, AttentionItem, StreamView,
};
use crate::domain::token::TokenState;
use crate::i18n::Msg;

/// The Streams band, drawn by the route and not by the screen: the screen's code is fetched when
/// it is first opened (`pages::lazy`), and the band is there while it arrives, so nothing moves.
#[component]
pub fn StreamsLayout(children: Children) -> impl IntoView {
    view! {
        <SectionHeader title=Msg::TabStreams>""</SectionHeader>
        {children()}
    }
}

/// What every row needs; cheap to copy.
#[derive(Clone, Copy)]
struct Ctx {
    i18n: I18n,
    /// The server's time now (TOK-2), re-read when the clock or the timer moves.
    now: Memo<Option<Timestamp>>,
    /// The time the rows' states are drawn at: `now`, held while it would stop no stream.
    drawn_at: RwSignal<Option<Timestamp>>,
    accounts: Memo<Vec<SocialAccount>>,
    session: Memo<Option<Session>>,
    refresher: Refresher,
    /// The stream whose account is being switched (the dialog is open).
    switching: RwSignal<Option<String>>,
}

impl Ctx {
    fn date(&self, ts: Timestamp) -> String {
        format::date_long(ts, self.i18n.lang())
    }
}

/// An element id for a stream (ids are opaque: keep letters, digits, `-` and `_`).
fn dom_id(prefix: &str, id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("stc-stream-{safe}-{prefix}")
}

fn focus_by_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[component]
pub fn StreamsPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = expect_context::<Api>();
    let config = expect_context::<Config>();
    let session = use_session();

    let streams = api_resource(|api| async move { api.streams().await });
    let accounts_res = api_resource(|api| async move { api.accounts().await });

    // The last list that arrived stays on screen when a reload fails (FAIL-1).
    let list = RwSignal::new(None::<Vec<Stream>>);
    Effect::new(move |_| {
        if let Some(Ok(l)) = streams.get() {
            list.set(Some(l));
        }
    });
    // The shell already says when the session failed the same way, and its "Try again" brings
    // the list back too.
    let list_error = unless_shell_says(Signal::derive(move || streams.get().and_then(|r| r.err())));
    when_session_back(move || {
        if streams.with_untracked(|s| matches!(s, Some(Err(_)))) {
            streams.refetch();
        }
        if accounts_res.with_untracked(|a| matches!(a, Some(Err(_)))) {
            accounts_res.refetch();
        }
    });
    let accounts = Memo::new(move |_| accounts_res.get().and_then(|r| r.ok()).unwrap_or_default());
    let session_data = Memo::new(move |_| session.get().and_then(|r| r.ok()));

    // TOK-2, TOK-5: the time the rows' states are drawn at moves only when a running stream's
    // warning starts or its days left drop (`next_change`), or its account expires
    // (`next_stop`); a timer wakes the page then. At a stop the page asks the API, which stops
    // the stream at that moment too. `now`, the time as it is, is the switch dialog's: its
    // candidates' days left must be right when it opens.
    let drawn_at = RwSignal::new(None::<Timestamp>);
    type Soonest = fn(&[Stream], &[SocialAccount], Timestamp) -> Option<Timestamp>;
    let soonest = move |f: Soonest, t: Timestamp| {
        list.with(|l| accounts.with(|a| l.as_deref().and_then(|l| f(l, a, t))))
    };
    let now = hold_drawn_time(
        api.clock,
        drawn_at,
        move |t| soonest(next_change, t),
        move |held, now| {
            if soonest(next_stop, held).is_some_and(|at| at <= now) {
                streams.refetch();
            }
        },
    );

    let refresher = Refresher::new(
        config.href(STREAMS),
        Callback::new(move |done: Finished| {
            if done.end.is_success() {
                streams.refetch();
                accounts_res.refetch();
            }
        }),
    );

    // OAUTH-3: back from an authorization that continued in this tab.
    on_authorization_return(STREAMS, move |state| refresher.resume(state));
    let resume_error = Signal::derive(move || refresher.resume_error.get().map(|(e, _)| e));
    let retry_resume = Callback::new(move |_| refresher.retry_resume());

    let announce = RwSignal::new(None::<Msg>);
    let ctx = Ctx {
        i18n,
        now,
        drawn_at,
        accounts,
        session: session_data,
        refresher,
        switching: RwSignal::new(None),
    };

    let on_switched = Callback::new(move |updated: Stream| {
        announce.set(Some(Msg::StreamSwitched {
            stream: updated.name.clone(),
            handle: updated
                .account
                .as_ref()
                .map(|a| a.handle.clone())
                .unwrap_or_default(),
        }));
        list.update(|l| {
            if let Some(s) = l
                .as_mut()
                .and_then(|l| l.iter_mut().find(|s| s.id == updated.id))
            {
                *s = updated;
            }
        });
        streams.refetch();
    });

    // What the list area shows; the rows themselves update in place (keyed by stream), so focus
    // and live regions inside them survive every reload of the list.
    #[derive(Clone, Copy, PartialEq)]
    enum Shape {
        Loading,
        Failed,
        Empty,
        Streams,
    }
    let shape = Memo::new(
        move |_| match list.with(|l| l.as_ref().map(Vec::is_empty)) {
            Some(true) => Shape::Empty,
            Some(false) => Shape::Streams,
            None if streams.with(Option::is_none) => Shape::Loading,
            None => Shape::Failed,
        },
    );
    let body = move || match shape.get() {
        Shape::Loading => view! { <Skeleton lines=5/> }.into_any(),
        Shape::Failed => ().into_any(),
        Shape::Empty => {
            view! { <p class="stc-streams__empty">{move || i18n.t(Msg::StreamsEmpty)}</p> }
                .into_any()
        }
        Shape::Streams => view! {
            <StreamsAttention ctx list/>
            <ul class="stc-streams__list">
                <For
                    each=move || list.get().unwrap_or_default()
                    key=|s| s.id.clone()
                    let:stream
                >
                    <StreamRow ctx id=stream.id.clone() list/>
                </For>
            </ul>
        }
        .into_any(),
    };

    view! {
        <div class="stc-content stc-streams">
            <p class="stc-streams__intro">{move || i18n.t(Msg::StreamsIntro)}</p>
            <div class="stc-live" role="status">
                {move || announce.with(|a| a.as_ref().map(|m| view! {
                    <p class="stc-note stc-note--success"><CheckIcon/><span>{i18n.t(m)}</span></p>
                }))}
            </div>
            <ErrorSlot error=resume_error on_retry=retry_resume/>
            <ErrorSlot error=list_error on_retry=Callback::new(move |_| {
                streams.refetch();
                accounts_res.refetch();
            })/>
            {body}
            <SwitchDialog ctx list accounts_res on_switched/>
        </div>
    }
}

/// The id of the summary's list, which its "Show all" button controls.
const ATTENTION_LIST_ID: &str = "stc-streams-attention-list";

/// The streams that need attention, above the list (beyond STR-1): the stopped ones, then those
/// about to stop, each with a button that takes focus to its row. A network with hundreds of
/// streams finds its few stopped ones here. A long summary shows the most urgent few until the
/// person asks for all, as the accounts' banner does (NOT-3).
#[component]
fn StreamsAttention(ctx: Ctx, list: RwSignal<Option<Vec<Stream>>>) -> impl IntoView {
    let i18n = ctx.i18n;
    let items = Memo::new(move |_| {
        // The rows' own time, so the summary and the rows always agree.
        let now = ctx.drawn_at.get().unwrap_or(Timestamp::UNIX_EPOCH);
        let items = list.with(|l| {
            ctx.accounts
                .with(|a| l.as_deref().map(|l| needing_attention(l, a, now)))
        })?;
        (!items.is_empty()).then_some(items)
    });
    let show_all = RwSignal::new(false);
    move || {
        items.get().map(|items| {
            let total = items.len();
            let total_u32 = u32::try_from(total).unwrap_or(u32::MAX);
            let stopped = items
                .iter()
                .filter(|i| i.attention == Attention::Stopped)
                .count();
            let stopped = u32::try_from(stopped).unwrap_or(u32::MAX);
            let stopping = total_u32.saturating_sub(stopped);
            let long = banner_rows(total, false) < total;
            let items = std::sync::Arc::new(items);
            // Only the list follows the toggle: the button keeps its place and its focus.
            let rows = move || {
                items
                    .iter()
                    .take(banner_rows(total, show_all.get()))
                    .map(|item| attention_row(item, i18n))
                    .collect_view()
            };
            let more = long.then(|| {
                view! { <ShowAllToggle show_all total=total_u32 controls=ATTENTION_LIST_ID/> }
            });
            view! {
                <section
                    class="stc-attention stc-attention--all stc-streams__attention"
                    aria-labelledby="stc-streams-attention-title"
                >
                    <h2 id="stc-streams-attention-title" class="stc-attention__title">
                        <WarningIcon/>
                        {move || i18n.t(Msg::StreamsAttentionTitle(total_u32))}
                    </h2>
                    <p class="stc-attention__intro">
                        {move || i18n.t(Msg::StreamsAttentionIntro { stopped, stopping })}
                    </p>
                    <ul class="stc-attention__list" id=ATTENTION_LIST_ID>{rows}</ul>
                    {more}
                </section>
            }
        })
    }
}

/// One stream in the summary: its name, why in words, and a button to its row.
fn attention_row(item: &AttentionItem, i18n: I18n) -> impl IntoView {
    let (shape, why) = match item.attention {
        Attention::Stopped => ("stc-icon stc-icon--warning", Msg::StreamsAttentionStopped),
        Attention::Stopping { days_left } => (
            "stc-icon stc-icon--clock",
            Msg::StreamsAttentionStopping(days_left),
        ),
    };
    let id = item.id.clone();
    let name = item.name.clone();
    view! {
        <li class="stc-attention__item">
            {icon(shape)}
            <span>
                <strong>{item.name.clone()}</strong>
                " · "{move || i18n.t(&why)}
            </span>
            <button
                type="button"
                class="stc-button stc-button--secondary"
                on:click=move |_| focus_by_id(&dom_id("name", &id))
            >
                {move || i18n.t(Msg::StreamsAttentionGoTo(name.clone()))}
            </button>
        </li>
    }
}

/// One stream: name, destination, rules, account, status; the reason and the actions when it
/// stopped (STR-1), the not-filled-in note when it runs again (STR-2).
#[component]
fn StreamRow(ctx: Ctx, id: String, list: RwSignal<Option<Vec<Stream>>>) -> impl IntoView {
    let i18n = ctx.i18n;
    let stream = Memo::new({
        let id = id.clone();
        move |_| {
            list.with(|l| {
                l.as_ref()
                    .and_then(|l| l.iter().find(|s| s.id == id).cloned())
            })
        }
    });
    let status = Memo::new(move |_| {
        let s = stream.get()?;
        let now = ctx.drawn_at.get().unwrap_or(Timestamp::UNIX_EPOCH);
        Some(ctx.accounts.with(|a| stream_view(&s, a, now)))
    });
    let stopped = move || matches!(status.get(), Some(StreamView::Stopped(_)));
    let fed_by = Memo::new(move |_| stream.get().and_then(|s| s.account));
    let name_id = dom_id("name", &id);
    let labelled_by = name_id.clone();
    let text = move |f: fn(&Stream) -> Msg| move || stream.get().map(|s| i18n.t(f(&s)));

    let badge = move || {
        let icon = if stopped() {
            view! { <WarningIcon/> }.into_any()
        } else {
            view! { <CheckIcon/> }.into_any()
        };
        view! {
            <p class="stc-stream__status" class:stc-stream__status--stopped=stopped>
                <span class="stc-visually-hidden">{i18n.t(Msg::StreamStatusLabel)}": "</span>
                {icon}
                <span>{i18n.t(if stopped() { Msg::StreamStopped } else { Msg::StreamRunning })}</span>
            </p>
        }
    };

    // The reason it stopped; or, while it runs, the expiry ahead (TOK-2) and the last gap (STR-2).
    let detail = move || match status.get()? {
        StreamView::Stopped(cause) => Some(
            view! {
                <div class="stc-notice stc-notice--error stc-stream__reason">
                    <WarningIcon/>
                    <p class="stc-notice__text">{i18n.t(cause.message(|t| ctx.date(t)))}</p>
                </div>
            }
            .into_any(),
        ),
        StreamView::Running { gap, expiring } => {
            if gap.is_none() && expiring.is_none() {
                return None;
            }
            Some(
                view! {
                    {expiring.map(|e| view! {
                        <div class="stc-notice stc-notice--warning stc-stream__expiring">
                            <ClockIcon/>
                            <p class="stc-notice__text">{i18n.t(e.message(|t| ctx.date(t)))}</p>
                        </div>
                    })}
                    {gap.map(|gap| view! {
                        <p class="stc-note stc-stream__gap">
                            <InfoIcon/>
                            <span>{i18n.t(Msg::StreamGapNote { from: ctx.date(gap.from), to: ctx.date(gap.to) })}</span>
                        </p>
                    })}
                }
                .into_any(),
            )
        }
    };

    let actions = {
        let id = id.clone();
        move || {
            // A stopped stream can be refreshed (when a refresh fixes it) or switched; a running
            // one that is about to stop, refreshed ahead of time.
            let (refreshable, stopped): (Option<AccountRef>, bool) = match status.get()? {
                StreamView::Stopped(cause) => (cause.refreshable_account().cloned(), true),
                StreamView::Running {
                    expiring: Some(e), ..
                } => (Some(e.account), false),
                StreamView::Running { expiring: None, .. } => return None,
            };
            let session = ctx.session.get()?;
            let refresh = refreshable.filter(|_| session.permissions.refresh_tokens);
            let can_switch = stopped && session.permissions.manage_streams;
            if refresh.is_none() && !can_switch {
                // ACC-8: who can fix it, instead of buttons.
                let names: Vec<String> = session.admins.iter().map(|p| p.name.clone()).collect();
                return Some(
                    view! { <p class="stc-stream__ask">{i18n.t(Msg::StreamAskAdmin(names))}</p> }
                        .into_any(),
                );
            }
            let id = id.clone();
            let switch_id = dom_id("switch", &id);
            Some(
                view! {
                    <div class="stc-stream__actions">
                        {refresh.map(|account| view! { <RefreshButton refresher=ctx.refresher account/> })}
                        {can_switch.then(|| view! {
                            <button
                                type="button"
                                id=switch_id
                                class="stc-button stc-button--secondary"
                                aria-haspopup="dialog"
                                on:click=move |_| ctx.switching.set(Some(id.clone()))
                            >
                                {i18n.t(Msg::StreamSwitchAccount)}
                            </button>
                        })}
                    </div>
                }
                .into_any(),
            )
        }
    };

    view! {
        <li class="stc-stream" class:stc-stream--stopped=stopped>
            <article aria-labelledby=labelled_by>
                <div class="stc-stream__head">
                    <h2 id=name_id class="stc-stream__name" tabindex="-1">
                        {move || stream.get().map(|s| s.name)}
                    </h2>
                    {badge}
                </div>
                <dl class="stc-stream__facts">
                    <div>
                        <dt>{move || i18n.t(Msg::StreamDestination)}</dt>
                        <dd>{text(|s| match s.destination.kind {
                            DestinationKind::App => Msg::StreamDestinationApp(s.destination.name.clone()),
                            DestinationKind::Folder => Msg::StreamDestinationFolder(s.destination.name.clone()),
                        })}</dd>
                    </div>
                    <div>
                        <dt>{move || i18n.t(Msg::StreamRules)}</dt>
                        <dd>{text(|s| Msg::StreamRulesSummary { network: s.rules.network, terms: rules_terms(&s.rules) })}</dd>
                    </div>
                    <div>
                        <dt>{move || i18n.t(Msg::StreamAccount)}</dt>
                        <dd>
                            {move || match fed_by.get() {
                                Some(a) => format!("@{}", a.handle),
                                None => i18n.t(Msg::StreamAccountNone),
                            }}
                        </dd>
                    </div>
                </dl>
                {detail}
                {actions}
                {move || fed_by.get().map(|account| view! { <RefreshFeedback refresher=ctx.refresher account/> })}
            </article>
        </li>
    }
}

/// STR-3: switch a stopped stream to another account of its network with a usable token, in one
/// step: choose and confirm in a native modal dialog labelled by its heading.
#[component]
fn SwitchDialog(
    ctx: Ctx,
    list: RwSignal<Option<Vec<Stream>>>,
    accounts_res: LocalResource<Result<Vec<SocialAccount>, AppError>>,
    on_switched: Callback<Stream>,
) -> impl IntoView {
    let i18n = ctx.i18n;
    let api = expect_context::<Api>();
    let owner = StoredValue::new_local(Owner::current().unwrap_or_default());
    let dialog = Modal::new();
    let choice = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<AppError>);
    let refused = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // Where focus goes when the dialog closes (A11Y-1).
    let return_focus = StoredValue::new(None::<String>);

    let stream = Memo::new(move |_| {
        let id = ctx.switching.get()?;
        list.with(|l| l.as_ref()?.iter().find(|s| s.id == id).cloned())
    });
    let candidates = Memo::new(move |_| {
        let Some(s) = stream.get() else {
            return Vec::new();
        };
        let now = ctx.now.get().unwrap_or(Timestamp::UNIX_EPOCH);
        ctx.accounts.with(|a| switch_candidates(&s, a, now))
    });
    // Keep a valid choice: the first candidate unless the person chose another one.
    Effect::new(move |_| {
        let c = candidates.get();
        let current = choice.get_untracked();
        if !c.iter().any(|c| Some(&c.account.id) == current.as_ref()) {
            choice.set(c.first().map(|c| c.account.id.clone()));
        }
    });
    // Open and close the native dialog with the state.
    Effect::new(move |_| {
        if !dialog.is_mounted() {
            return;
        }
        match ctx.switching.get() {
            Some(id) => {
                error.set(None);
                refused.set(None);
                busy.set(false);
                return_focus.set_value(Some(dom_id("switch", &id)));
                // Once its content is drawn, so the dialog's own focusing finds the first choice.
                dialog.show_next_frame(move || ctx.switching.get_untracked().is_some());
            }
            None => dialog.close(),
        }
    });
    let on_close = dialog.on_close(move || {
        ctx.switching.set(None);
        if let Some(id) = return_focus.get_value() {
            // After the DOM has caught up (a switched stream has no switch button any more).
            request_animation_frame(move || focus_by_id(&id));
        }
    });
    let cancel = move |_| ctx.switching.set(None);
    let confirm = Callback::new(move |()| {
        if busy.get_untracked() {
            return;
        }
        let (Some(s), Some(account_id)) = (stream.get_untracked(), choice.get_untracked()) else {
            return;
        };
        let handle = candidates.with_untracked(|c| {
            c.iter()
                .find(|c| c.account.id == account_id)
                .map(|c| c.account.handle.clone())
                .unwrap_or_default()
        });
        busy.set(true);
        error.set(None);
        refused.set(None);
        let api = api.clone();
        let task = async move {
            match api.switch_stream_account(&s.id, &account_id).await {
                Ok(updated) => {
                    busy.try_set(false);
                    return_focus.try_set_value(Some(dom_id("name", &updated.id)));
                    on_switched.run(updated);
                    ctx.switching.try_set(None);
                }
                Err(AppError::Validation(fields))
                    if fields.iter().any(|f| f.field == "account_id") =>
                {
                    // The account stopped being usable meanwhile: say so, and list again.
                    busy.try_set(false);
                    refused.try_set(Some(handle));
                    accounts_res.refetch();
                }
                Err(e) => {
                    busy.try_set(false);
                    error.try_set(Some(e));
                }
            }
        };
        match owner.try_get_value() {
            Some(o) => o.with(|| spawn_local_scoped(task)),
            None => leptos::task::spawn_local(task),
        }
    });

    let choices = move || {
        let c = candidates.get();
        if c.is_empty() {
            let network = stream.get().map(|s| s.rules.network)?;
            return Some(match accounts_res.get() {
                None => view! { <Skeleton lines=2/> }.into_any(),
                Some(Err(e)) => view! {
                    <ErrorNotice error=e on_retry=Callback::new(move |_| accounts_res.refetch())/>
                }
                .into_any(),
                Some(Ok(_)) => view! {
                    <p class="stc-notice">
                        <InfoIcon/>
                        <span class="stc-notice__text">{i18n.t(Msg::StreamSwitchNone(network))}</span>
                    </p>
                }
                .into_any(),
            });
        }
        let network = stream.get().map(|s| s.rules.network)?;
        Some(
            view! {
                <fieldset class="stc-choices">
                    <legend>{i18n.t(Msg::StreamSwitchLegend(network))}</legend>
                    {c.into_iter().map(|c| {
                        let id = c.account.id.clone();
                        let checked = {
                            let id = id.clone();
                            move || choice.get().as_deref() == Some(id.as_str())
                        };
                        let state = match c.state {
                            TokenState::Active { expires_at: Some(at) } => Msg::CandidateActiveUntil(ctx.date(at)),
                            TokenState::Active { expires_at: None } => Msg::CandidateActiveNoExpiry,
                            TokenState::ExpiringSoon { days_left, .. } => Msg::CandidateExpiresIn(days_left),
                            // Not offered (switch_candidates keeps usable ones only).
                            TokenState::Expired { .. } | TokenState::NeedsReauth { .. } => Msg::CandidateActiveNoExpiry,
                        };
                        view! {
                            <label class="stc-choice">
                                <input
                                    type="radio"
                                    name="stc-switch-account"
                                    value=id.clone()
                                    prop:checked=checked
                                    on:change=move |_| choice.set(Some(id.clone()))
                                />
                                <span class="stc-choice__text">
                                    <span class="stc-choice__handle">"@"{c.account.handle.clone()}</span>
                                    {(!c.account.display_name.trim().is_empty()).then(|| view! {
                                        <span class="stc-choice__name">{c.account.display_name.clone()}</span>
                                    })}
                                    <span class="stc-choice__state">{i18n.t(state)}</span>
                                </span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            }
            .into_any(),
        )
    };

    let confirm_label = move || {
        if busy.get() {
            return i18n.t(Msg::StreamSwitching);
        }
        let handle = candidates.with(|c| {
            let id = choice.get();
            c.iter()
                .find(|c| Some(&c.account.id) == id.as_ref())
                .map(|c| c.account.handle.clone())
                .unwrap_or_default()
        });
        i18n.t(Msg::StreamSwitchConfirm(handle))
    };

    view! {
        <dialog node_ref=dialog.node_ref() class="stc-dialog" aria-labelledby="stc-switch-title" on:close=on_close>
            {move || stream.get().map(|s| {
                let network = s.rules.network;
                view! {
                    <h2 id="stc-switch-title" class="stc-dialog__title">{move || i18n.t(Msg::StreamSwitchTitle(s.name.clone()))}</h2>
                    <p>{move || i18n.t(Msg::StreamSwitchIntro(network))}</p>
                    {choices}
                    <div class="stc-live" role="alert">
                        {move || refused.get().map(|handle| view! {
                            <div class="stc-notice stc-notice--error">
                                <WarningIcon/>
                                <p class="stc-notice__text">{i18n.t(Msg::StreamSwitchRefused(handle))}</p>
                            </div>
                        })}
                        {move || error.get().map(|e| view! {
                            <ErrorNotice error=e on_retry=Callback::new(move |_| confirm.run(()))/>
                        })}
                    </div>
                    <div class="stc-dialog__actions">
                        {move || (!candidates.with(Vec::is_empty)).then(|| view! {
                            <button
                                type="button"
                                class="stc-button stc-button--primary"
                                aria-disabled=move || busy.get().then_some("true")
                                on:click=move |_| confirm.run(())
                            >
                                {move || busy.get().then(|| view! { <Spinner/> })}
                                {confirm_label}
                            </button>
                        })}
                        <button type="button" class="stc-button stc-button--secondary" on:click=cancel>
                            {move || i18n.t(Msg::Cancel)}
                        </button>
                    </div>
                }
            })}
        </dialog>
    }
}
