//! Settings › Network Settings › Social Accounts (ACC-1..9, TOK-1..5, OAUTH-1..4).
//!
//! Data flows one way: this page asks `api::` for the accounts, keeps one reactive record per
//! account (so a change re-renders one card, not a thousand), derives each token's state with
//! `domain::token::derive` against the server's clock, and the cards render it.
//!
//! - `mod.rs` (this file): loading, the three sections, the page's shared state, the TOK-5 timer,
//!   and what refresh / add / reorder / delete do to the records.
//! - `card.rs`: one account: the collapsed card and the expanded "Social Account" panel.
//!   Refresh Token and Add Account run through the app's one authorization flow,
//!   `components::refresh` (one [`Refresher`] for the page, keyed by account id or
//!   [`add_flow_key`]); this page only says the outcome in its own words.
//! - `delete.rs`: the delete confirmation (a native `<dialog>`).

mod banner;
mod card;
mod delete;
mod name_draft;
mod panel;

/// Starts fetching an account's expanded card (for links that open one, like the bell's).
pub use panel::prefetch as prefetch_account_details;

use std::collections::HashMap;
use std::time::Duration;

use api_types::{Permissions, SocialAccount, SocialNetwork, Timestamp};
use leptos::leptos_dom::helpers::{
    request_animation_frame, set_interval_with_handle, set_timeout_with_handle,
    window_event_listener_untyped,
};
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

use crate::api::{Api, AppError, Polled};
use crate::app::{unless_shell_says, use_session, when_session_back};
use crate::components::drawn_time::hold_drawn_time;
use crate::components::i18n::{use_i18n, I18n};
use crate::components::refresh::{add_flow_key, added_network, Finished, Refresher};
use crate::components::resume::STATE_PARAM;
use crate::components::states::ErrorSlot;
use crate::config::Config;
use crate::domain::accounts::{
    add_refreshed_existing, admin_names, dom_id, first_batch, moved, sections, shown_name,
    Direction, RENDER_FIRST, RENDER_STEP,
};
use crate::domain::routes::{account_path, account_query, ACCOUNT_PARAM};
use crate::domain::token::next_change;
use crate::i18n::Msg;
use crate::pages::settings::SOCIAL_ACCOUNTS;

use banner::AttentionBanner;
use card::AccountCard;
use delete::DeleteDialog;

/// How often an open page reads the accounts again, besides when its tab becomes visible.
const RESYNC_EVERY: Duration = Duration::from_secs(120);

/// Says "(opens in a new tab)" for the documentation link, outside the sentence ACC-1 quotes.
const NEW_TAB_NOTE_ID: &str = "stc-acc-new-tab-note";

/// Where the documentation about Instagram Business Accounts lives (ACC-1).
const BUSINESS_DOCS_URL: &str = "https://help.instagram.com/502981923235522";

/// The network an Add Account started in this tab was for, when it comes back (`?adding=`).
const ADDING_PARAM: &str = "adding";

/// One account on the page: its latest record and what is happening to it. Every field is a
/// signal, so the record is `Copy` and a change re-renders only what reads it.
#[derive(Clone, Copy)]
pub(crate) struct Entry {
    pub account: RwSignal<SocialAccount>,
    /// The display name as typed, while it differs from the saved one (kept through errors).
    pub draft: RwSignal<Option<String>>,
    /// Bumped whenever the token may have changed, so details are read again.
    pub version: RwSignal<u32>,
    pub save_error: RwSignal<Option<AppError>>,
    pub order_error: RwSignal<Option<AppError>>,
}

impl Entry {
    /// `draft`: a name typed before a reload (e.g. signing in again after the session ended,
    /// FAIL-1), from `name_draft`.
    fn new(account: SocialAccount, draft: Option<String>) -> Self {
        Self {
            account: RwSignal::new(account),
            draft: RwSignal::new(draft),
            version: RwSignal::new(0),
            save_error: RwSignal::new(None),
            order_error: RwSignal::new(None),
        }
    }

    /// The account's id (it never changes for a record).
    pub fn id(&self) -> String {
        self.account.with_untracked(|a| a.id.clone())
    }

    pub fn network(&self) -> SocialNetwork {
        self.account.with_untracked(|a| a.network)
    }
}

/// One section (ACC-1): a network's accounts in fallback order.
#[derive(Clone, Copy)]
pub(crate) struct Section {
    pub network: SocialNetwork,
    pub entries: RwSignal<Vec<Entry>>,
    /// What just happened here, announced politely (deleted, moved).
    pub notice: RwSignal<Option<Msg>>,
    /// A reorder is being saved.
    pub reordering: RwSignal<bool>,
    /// How many cards are drawn so far (long sections are drawn in steps).
    pub shown: RwSignal<usize>,
}

impl Section {
    fn new(network: SocialNetwork) -> Self {
        Self {
            network,
            entries: RwSignal::new(Vec::new()),
            notice: RwSignal::new(None),
            reordering: RwSignal::new(false),
            shown: RwSignal::new(RENDER_FIRST),
        }
    }

    pub fn heading_id(&self) -> String {
        format!("stc-acc-section-{}", self.network.as_str())
    }

    fn heading(&self) -> Msg {
        match self.network {
            SocialNetwork::Twitter => Msg::AccTwitterAccounts,
            SocialNetwork::Instagram => Msg::AccInstagramAccounts,
            SocialNetwork::InstagramBusiness => Msg::AccBusinessAccounts,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Load {
    Loading,
    Failed(AppError),
    Ready,
}

/// What every card and dialog on the page shares.
#[derive(Clone, Copy)]
pub(crate) struct PageCtx {
    /// The server's time (TOK-2) the cards' states are drawn at: moved on by the TOK-5 timer and
    /// by an API answer whose reading of the clock changes some state (`states_at`), so a
    /// thousand cards are not recomputed for a reading that changes none.
    pub now: RwSignal<Option<Timestamp>>,
    /// The open account (`?account=ID`, SHELL-3).
    pub open: Memo<Option<String>>,
    pub perms: Memo<Permissions>,
    /// "NAME, NAME" of the people who can fix tokens (ACC-8).
    pub admins: Memo<String>,
    pub sections: [Section; 3],
    /// The account whose deletion is being confirmed.
    pub delete: RwSignal<Option<Entry>>,
    /// Refresh Token and Add Account (TOK-4, OAUTH-1..4, ACC-5): the app's one flow.
    pub refresher: Refresher,
    navigate: Callback<String>,
    /// This page's address with the base path, for `return_to`.
    page_href: StoredValue<String>,
    /// The page's reactive owner: records made later (after an answer arrives) belong to the
    /// page and go with it.
    owner: StoredValue<Owner>,
}

pub(crate) fn use_page() -> PageCtx {
    expect_context::<PageCtx>()
}

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Moves focus to an element by id after the next render.
pub(crate) fn focus_later(id: String) {
    request_animation_frame(move || {
        if let Some(el) = element(&id) {
            let _ = el.focus();
        }
    });
}

/// Whether focus fell back to the page body (its element went away).
fn focus_was_lost() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .map(|d| match (d.active_element(), d.body()) {
            (None, _) => true,
            (Some(a), Some(b)) => a == *b.as_ref(),
            _ => false,
        })
        .unwrap_or(false)
}

fn perf_mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

impl PageCtx {
    /// Whether the page is still there. Answers that arrive after the person left are dropped.
    pub fn alive(&self) -> bool {
        self.page_href.try_with_value(|_| ()).is_some()
    }

    fn new_entry(&self, account: SocialAccount, draft: Option<String>) -> Entry {
        match self.owner.try_get_value() {
            Some(owner) => owner.with(|| Entry::new(account, draft)),
            None => Entry::new(account, draft),
        }
    }

    pub fn section(&self, network: SocialNetwork) -> Section {
        match network {
            SocialNetwork::Twitter => self.sections[0],
            SocialNetwork::Instagram => self.sections[1],
            SocialNetwork::InstagramBusiness => self.sections[2],
        }
    }

    fn find(&self, id: &str) -> Option<Entry> {
        self.sections.iter().find_map(|s| {
            s.entries
                .with_untracked(|es| es.iter().find(|e| e.id() == id).copied())
        })
    }

    /// Opens one account's card, or closes it (`None`), in the URL (SHELL-3).
    pub fn set_open(&self, id: Option<String>) {
        let path = match id {
            Some(id) => account_path(&id),
            None => SOCIAL_ACCOUNTS.to_string(),
        };
        self.navigate.run(path);
    }

    fn return_to(&self, query: &str) -> String {
        format!("{}?{query}", self.page_href.get_value())
    }

    /// Refresh Token (TOK-4, OAUTH-1): must be called from the click handler itself. It comes
    /// back to this account after a same-tab authorization.
    pub fn refresh(&self, entry: Entry) {
        let id = entry.id();
        let key = id.clone();
        let return_to = Some(self.return_to(&account_query(&id)));
        self.refresher.authorize(
            &key,
            move |api| async move { api.refresh(&id, return_to).await },
        );
    }

    /// Whether `entry`'s refresh runs (OAUTH-4), tracked.
    pub fn refreshing(&self, entry: Entry) -> bool {
        self.refresher.is_running(&entry.id())
    }

    /// A flow of this page ended: an add, or a refresh of one record.
    fn finished(&self, done: Finished) {
        if !self.alive() {
            return;
        }
        if let Some(network) = added_network(&done.key) {
            self.apply_add(self.section(network), done);
        } else if let Some(entry) = self.find(&done.key) {
            self.apply_refresh(entry, done);
        }
    }

    /// What a refresh's end does to its record (ACC-5: the same record, never a new row).
    fn apply_refresh(&self, entry: Entry, done: Finished) {
        let id = entry.id();
        if let Some(account) = done.account {
            if account.id == id {
                entry.account.try_set(account);
            } else {
                self.put(account);
            }
        }
        entry.version.try_update(|v| *v += 1);
        // The Refresh Token button may have moved inside the card: keep the keyboard nearby.
        request_animation_frame(move || {
            if focus_was_lost() {
                if let Some(el) = element(&dom_id("stc-acc-toggle", &id)) {
                    let _ = el.focus();
                }
            }
        });
    }

    /// Puts an account the API returned into its section: replaces its record, or adds one.
    /// Returns whether it was there already.
    fn put(&self, account: SocialAccount) -> bool {
        let section = self.section(account.network);
        if let Some(entry) = self.find(&account.id) {
            entry.account.try_set(account);
            entry.version.try_update(|v| *v += 1);
            return true;
        }
        section.entries.try_update(|es| {
            let draft = name_draft::load(&account.id);
            es.push(self.new_entry(account, draft));
        });
        false
    }

    /// Add Account (ACC-5): always through the provider's authorization, the same flow as a
    /// refresh under [`add_flow_key`]. It comes back to this page after a same-tab authorization.
    pub fn add(&self, section: Section) {
        let network = section.network;
        let return_to = Some(self.return_to(&format!("{ADDING_PARAM}={}", network.as_str())));
        self.refresher
            .authorize(&add_flow_key(network), move |api| async move {
                api.add_account(network, return_to).await
            });
    }

    /// Whether `section`'s add runs, tracked.
    pub fn adding(&self, section: Section) -> bool {
        self.refresher.is_running(&add_flow_key(section.network))
    }

    fn apply_add(&self, section: Section, done: Finished) {
        if let Some(account) = done.account {
            let handle = account.handle.clone();
            let existed = add_refreshed_existing(&account);
            self.put(account);
            section.notice.try_set(Some(if existed {
                Msg::AccOauthAlreadyConnected(handle)
            } else {
                Msg::AccOauthConnected(handle)
            }));
        }
    }

    /// Move up / Move down (ACC-7): the whole new order is saved, then shown as the API has it.
    pub fn move_entry(&self, api: Api, entry: Entry, dir: Direction) {
        let section = self.section(entry.network());
        if section.reordering.get_untracked() {
            return;
        }
        let id = entry.id();
        let ids: Vec<String> = section
            .entries
            .with_untracked(|es| es.iter().map(Entry::id).collect());
        let Some(new_order) = moved(&ids, &id, dir) else {
            return;
        };
        section.reordering.set(true);
        entry.order_error.set(None);
        let page = *self;
        spawn_local_scoped(async move {
            let result = api.reorder(section.network, new_order).await;
            if !page.alive() {
                return;
            }
            match result {
                Ok(accounts) => {
                    let current = section.entries.get_untracked();
                    let mut next: Vec<Entry> = Vec::with_capacity(current.len());
                    for account in accounts {
                        if let Some(e) = current.iter().find(|e| e.id() == account.id) {
                            if e.account.with_untracked(|a| *a != account) {
                                e.account.try_set(account);
                            }
                            next.push(*e);
                        }
                    }
                    // Anything the answer did not mention stays, at the end.
                    for e in current {
                        if !next.iter().any(|n| n.id() == e.id()) {
                            next.push(e);
                        }
                    }
                    let of = next.len();
                    let place = next.iter().position(|e| e.id() == id).map(|p| p + 1);
                    section.entries.try_set(next);
                    if let Some(place) = place {
                        section.notice.try_set(Some(Msg::AccMovedTo {
                            name: entry.account.with_untracked(shown_name),
                            place: u32::try_from(place).unwrap_or(u32::MAX),
                            of: u32::try_from(of).unwrap_or(u32::MAX),
                        }));
                    }
                    // Moving a node in the DOM drops its focus: put it back on the same button.
                    let button = match dir {
                        Direction::Up => "stc-acc-up",
                        Direction::Down => "stc-acc-down",
                    };
                    focus_later(dom_id(button, &id));
                }
                Err(e) => {
                    entry.order_error.try_set(Some(e));
                }
            }
            section.reordering.try_set(false);
        });
    }

    /// Whether anything on the page is in the middle of an action (then a background re-read
    /// waits for the next round rather than reshuffle under the person's hands).
    fn busy(&self) -> bool {
        self.delete.get_untracked().is_some()
            || self.refresher.any_running()
            || self.sections.iter().any(|s| s.reordering.get_untracked())
    }

    /// Takes a fresh list from the API into the existing records: changed accounts are updated
    /// in place (what someone typed stays: it lives in the record's draft), new ones added,
    /// deleted ones dropped, and the order follows the API.
    fn merge(&self, list: Vec<SocialAccount>) {
        // Read once, and only if an account is new.
        let mut drafts = None;
        for (network, accounts) in sections(list) {
            let section = self.section(network);
            let current = section.entries.get_untracked();
            let by_id: HashMap<String, Entry> = current.iter().map(|e| (e.id(), *e)).collect();
            let next: Vec<Entry> = accounts
                .into_iter()
                .map(|a| match by_id.get(&a.id) {
                    Some(e) => {
                        if e.account.with_untracked(|x| *x != a) {
                            e.account.set(a);
                        }
                        *e
                    }
                    None => {
                        let drafts = drafts.get_or_insert_with(name_draft::load_all);
                        let draft = name_draft::take(drafts, &a.id);
                        self.new_entry(a, draft)
                    }
                })
                .collect();
            let same = next.len() == current.len()
                && next.iter().zip(&current).all(|(a, b)| a.id() == b.id());
            if !same {
                section.entries.set(next);
            }
        }
    }

    /// After a confirmed delete: the record goes, the section says what happened.
    pub fn remove(&self, entry: Entry, stopped: usize) {
        if !self.alive() {
            return;
        }
        let id = entry.id();
        let section = self.section(entry.network());
        let name = entry.account.with_untracked(shown_name);
        section.entries.try_update(|es| es.retain(|e| e.id() != id));
        section.notice.try_set(Some(Msg::AccDeleted {
            name,
            stopped: u32::try_from(stopped).unwrap_or(u32::MAX),
        }));
        if self.open.get_untracked().as_deref() == Some(id.as_str()) {
            self.set_open(None);
        }
        focus_later(section.heading_id());
    }
}

#[component]
pub fn SocialAccountsPage() -> impl IntoView {
    // The cards read the language through this page's memo (`I18n::scoped`).
    let i18n = I18n::provide_scoped();
    let api = expect_context::<Api>();
    let config = expect_context::<Config>();
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();

    let open = Memo::new(move |_| query.with(|q| q.get(ACCOUNT_PARAM)));
    let perms = Memo::new(move |_| {
        session
            .get()
            .and_then(|r| r.ok())
            .map(|s| s.permissions)
            .unwrap_or_default()
    });
    let admins = Memo::new(move |_| {
        session
            .get()
            .and_then(|r| r.ok())
            .map(|s| admin_names(&s.admins))
            .unwrap_or_default()
    });
    // One flow for the page (leaving it stops listening for popups it started); what a flow's
    // end does to the records is `PageCtx::finished`.
    let page_cell = StoredValue::new(None::<PageCtx>);
    let refresher = Refresher::new(
        config.href(SOCIAL_ACCOUNTS),
        Callback::new(move |done: Finished| {
            if let Some(page) = page_cell.try_get_value().flatten() {
                page.finished(done);
            }
        }),
    );
    let page = PageCtx {
        now: RwSignal::new(None),
        open,
        perms,
        admins,
        sections: SocialNetwork::ALL.map(Section::new),
        delete: RwSignal::new(None),
        refresher,
        navigate: Callback::new(move |path: String| {
            navigate(
                &path,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                },
            )
        }),
        page_href: StoredValue::new(config.href(SOCIAL_ACCOUNTS)),
        owner: StoredValue::new(Owner::current().unwrap_or_default()),
    };
    page_cell.set_value(Some(page));
    provide_context(page);

    // TOK-2, TOK-5: the time the cards' states are drawn at moves only when some token's state
    // changes (the soonest `next_change` of any card), and a timer wakes the page then.
    hold_drawn_time(
        api.clock,
        page.now,
        move |t| {
            page.sections
                .iter()
                .filter_map(|s| {
                    s.entries.with(|es| {
                        es.iter()
                            .filter_map(|e| e.account.with(|a| next_change(&a.token, t)))
                            .min()
                    })
                })
                .min()
        },
        |_, _| {},
    );

    // Loading (SHELL-4: skeletons of the cards' size while it runs).
    let load_state = RwSignal::new(Load::Loading);
    // The server's validator of the last list taken in whole: a re-read names it, and an
    // unchanged list comes back as a `304` with nothing to decode or merge.
    let etag = StoredValue::new(None::<String>);
    let load = {
        let api = api.clone();
        move || {
            load_state.set(Load::Loading);
            let api = api.clone();
            spawn_local_scoped(async move {
                let result = match api.accounts_if_changed(None).await {
                    Ok(Polled::Changed(list, tag)) => {
                        etag.set_value(tag);
                        Ok(list)
                    }
                    // Nothing was named, so nothing can be unchanged: not an answer to this.
                    Ok(Polled::Unchanged) => Err(AppError::Undecodable),
                    Err(e) => Err(e),
                };
                if !page.alive() {
                    return; // The person left before the answer came.
                }
                match result {
                    Ok(list) => {
                        perf_mark("stc:accounts:data");
                        let open = page.open.get_untracked();
                        let mut drafts = name_draft::load_all();
                        for (network, accounts) in sections(list) {
                            let ids: Vec<String> = accounts.iter().map(|a| a.id.clone()).collect();
                            let section = page.section(network);
                            section.shown.try_set(first_batch(&ids, open.as_deref()));
                            section.entries.try_set(
                                accounts
                                    .into_iter()
                                    .map(|a| {
                                        let draft = name_draft::take(&mut drafts, &a.id);
                                        page.new_entry(a, draft)
                                    })
                                    .collect(),
                            );
                        }
                        load_state.try_set(Load::Ready);
                        request_animation_frame(|| {
                            perf_mark("stc:accounts:rendered");
                            if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                                let _ = p.measure_with_start_mark_and_end_mark(
                                    "stc:accounts:render",
                                    "stc:accounts:data",
                                    "stc:accounts:rendered",
                                );
                            }
                        });
                        after_load(page, query);
                    }
                    Err(e) => {
                        load_state.try_set(Load::Failed(e));
                    }
                }
            });
        }
    };
    load();
    let ready = Memo::new(move |_| load_state.get() == Load::Ready && session.get().is_some());
    // Performance: when every card of every section is drawn (measured for 1,000 accounts).
    {
        let measured = StoredValue::new(false);
        Effect::new(move |_| {
            let complete = ready.get()
                && page
                    .sections
                    .iter()
                    .all(|s| s.shown.get() >= s.entries.with(Vec::len));
            if complete && !measured.get_value() {
                measured.set_value(true);
                request_animation_frame(|| {
                    perf_mark("stc:accounts:complete");
                    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
                        let _ = p.measure_with_start_mark_and_end_mark(
                            "stc:accounts:render-all",
                            "stc:accounts:data",
                            "stc:accounts:complete",
                        );
                    }
                });
            }
        });
    }
    // Read the accounts again now and then, and when the person comes back to the tab: a
    // colleague's refresh, a provider's revocation and the server's clock (TOK-2, TOK-5) reach an
    // open page without a reload. Failures here are silent (FAIL-3: nothing changes).
    {
        let api = api.clone();
        let resync = move || {
            let hidden = web_sys::window()
                .and_then(|w| w.document())
                .is_some_and(|d| d.hidden());
            if hidden || load_state.get_untracked() != Load::Ready || page.busy() {
                return;
            }
            let api = api.clone();
            let known = etag.get_value();
            spawn_local_scoped(async move {
                if let Ok(Polled::Changed(list, tag)) =
                    api.accounts_if_changed(known.as_deref()).await
                {
                    // A list not taken leaves the old tag, so the next re-read brings it whole.
                    if page.alive() && !page.busy() {
                        etag.set_value(tag);
                        page.merge(list);
                    }
                }
            });
        };
        let on_visible = resync.clone();
        let listener = window_event_listener_untyped("visibilitychange", move |_| on_visible());
        // NOT-4: a token refreshed from the bell's panel changes the cards and the banner.
        let on_refreshed = resync.clone();
        let refreshed = window_event_listener_untyped(
            crate::components::notifications::TOKEN_REFRESHED_EVENT,
            move |_| on_refreshed(),
        );
        let interval = set_interval_with_handle(resync, RESYNC_EVERY).ok();
        on_cleanup(move || {
            listener.remove();
            refreshed.remove();
            if let Some(i) = interval {
                i.clear();
            }
        });
    }
    let load_error = unless_shell_says(Signal::derive(move || match load_state.get() {
        Load::Failed(e) => Some(e),
        _ => None,
    }));
    let retry_load = {
        let load = load.clone();
        Callback::new(move |_| load())
    };
    when_session_back(move || {
        if matches!(load_state.get_untracked(), Load::Failed(_)) {
            load();
        }
    });

    let curator_note = move || {
        let p = perms.get();
        (ready.get() && !p.manage_accounts && !p.refresh_tokens).then(|| {
            view! {
                <p class="stc-notice stc-acc-permission-note" role="note">
                    <span class="stc-notice__text">{move || i18n.t(Msg::AccCuratorNote(admins.get()))}</span>
                </p>
            }
        })
    };

    view! {
        <section class="stc-page stc-acc-page" aria-labelledby="stc-page-title">
            <h2 id="stc-page-title" class="stc-page__title">{move || i18n.t(Msg::SocialAccounts)}</h2>
            <ErrorSlot error=load_error on_retry=retry_load/>
            {curator_note}
            <AttentionBanner ready pending=Signal::derive(move || load_state.get() == Load::Loading)/>
            {page.sections.map(|section| view! { <SectionView section ready/> }).into_iter().collect_view()}
            <DeleteDialog/>
            <span id=NEW_TAB_NOTE_ID hidden>{move || i18n.t(Msg::AccOpensInNewTab)}</span>
        </section>
    }
}

/// After the first load: scroll the open account into view, and finish an authorization the
/// person completed in this tab (OAUTH-3 "Continue in this tab": the address has `oauth_state`,
/// and `account` or `adding` say which flow it was).
fn after_load(page: PageCtx, query: Memo<ParamsMap>) {
    let open = page.open.get_untracked();
    if let Some(id) = &open {
        let card = dom_id("stc-acc", id);
        request_animation_frame(move || {
            if let Some(el) = element(&card) {
                el.scroll_into_view();
            }
        });
    }
    let (state, adding) = query.with_untracked(|q| (q.get(STATE_PARAM), q.get(ADDING_PARAM)));
    let Some(state) = state.filter(|s| !s.is_empty()) else {
        return;
    };
    let adding = adding.and_then(|n| SocialNetwork::parse(&n));
    let entry = open.as_deref().and_then(|id| page.find(id));
    // Take `oauth_state` out of the address: a reload must not repeat this.
    page.set_open(open.clone());
    if let Some(entry) = entry {
        page.refresher.recheck(&entry.id(), state);
    } else if let Some(network) = adding {
        page.refresher.recheck(&add_flow_key(network), state);
    }
}

#[component]
fn SectionView(section: Section, ready: Memo<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let page = use_page();
    let heading_id = section.heading_id();
    let network = section.network;
    let business_info = (network == SocialNetwork::InstagramBusiness).then(|| {
        view! {
            <p class="stc-acc-section__info">
                {move || i18n.t(Msg::AccBusinessInfoBefore)}
                <a
                    href=BUSINESS_DOCS_URL
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-describedby=NEW_TAB_NOTE_ID
                >
                    {move || i18n.t(Msg::AccBusinessInfoLink)}
                </a>
                {move || i18n.t(Msg::AccBusinessInfoAfter)}
            </p>
        }
    });
    let count = Memo::new(move |_| section.entries.with(Vec::len));
    // Long sections are drawn in steps between frames: the first screen comes at once and the
    // page answers input while the rest is drawn.
    {
        let pending = StoredValue::new(false);
        Effect::new(move |_| {
            let (shown, total) = (section.shown.get(), count.get());
            if ready.get() && shown < total && !pending.get_value() {
                pending.set_value(true);
                let _ = set_timeout_with_handle(
                    move || {
                        pending.try_set_value(false);
                        section.shown.try_update(|n| *n += RENDER_STEP);
                    },
                    Duration::ZERO,
                );
            }
        });
    }
    let list_class = move || {
        if count.get() > 50 {
            "stc-acc-list stc-acc-list--long"
        } else {
            "stc-acc-list"
        }
    };
    let cards = move || {
        if !ready.get() {
            return view! {
                <ul class="stc-acc-list" aria-hidden="true">
                    <li class="stc-acc-card stc-acc-card--skeleton"></li>
                    <li class="stc-acc-card stc-acc-card--skeleton"></li>
                </ul>
            }
            .into_any();
        }
        if count.get() == 0 {
            return view! {
                <p class="stc-acc-section__empty">{move || i18n.t(Msg::AccSectionEmpty(network))}</p>
            }
            .into_any();
        }
        let heading_id = section.heading_id();
        view! {
            <ul
                class=list_class
                aria-labelledby=heading_id
                // The expanded card's code, fetched before the click (panel.rs).
                on:pointerover=move |_| panel::prefetch()
                on:focusin=move |_| panel::prefetch()
            >
                <For
                    each=move || {
                        let n = section.shown.get();
                        section.entries.with(|es| es.iter().take(n).copied().collect::<Vec<_>>())
                    }
                    key=|e: &Entry| e.id()
                    children=move |entry: Entry| view! { <AccountCard entry section/> }
                />
            </ul>
        }
        .into_any()
    };
    let add = move || {
        if !ready.get() {
            return None;
        }
        let p = page.perms.get();
        Some(if p.manage_accounts {
            let busy = move || page.adding(section);
            view! {
                <button
                    type="button"
                    class="stc-button stc-button--primary stc-acc-add"
                    aria-disabled=move || busy().then_some("true")
                    on:click=move |_| page.add(section)
                >
                    {move || if busy() {
                        view! { <span class="stc-spinner" aria-hidden="true"></span> }.into_any()
                    } else {
                        ().into_any()
                    }}
                    {move || i18n.t(if busy() { Msg::AccAdding } else { Msg::AccAddAccount })}
                </button>
            }
            .into_any()
        } else {
            view! {
                <p class="stc-acc-ask">{move || i18n.t(Msg::AccAskAdminToManage(page.admins.get()))}</p>
            }
            .into_any()
        })
    };
    let add_key = add_flow_key(network);
    let phase = page.refresher.phase(&add_key);
    let retry_add = Callback::new(move |_| page.add(section));
    let check_add = Callback::new(move |state: String| page.refresher.recheck(&add_key, state));
    view! {
        <section class="stc-acc-section" aria-labelledby=section.heading_id()>
            <h3 id=heading_id class="stc-acc-section__title" tabindex="-1">{move || i18n.t(section.heading())}</h3>
            {business_info}
            {cards}
            <div class="stc-acc-section__live" role="status">
                // Read again when the language changes (`t` subscribes to it).
                {move || section.notice.with(|n| n.as_ref().map(|m| {
                    let text = i18n.t(m);
                    view! { <p class="stc-notice stc-notice--success"><span class="stc-notice__text">{text}</span></p> }
                }))}
                <card::OutcomeView phase network expires=None expected=Signal::derive(String::new) on_retry=retry_add on_check=check_add/>
            </div>
            {add}
        </section>
    }
}
