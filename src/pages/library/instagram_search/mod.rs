//! Library › Social Search › Instagram (SRCH-1..10).
//!
//! The URL holds the search (`type`, `q`, `media`, SRCH-3); the page reads it, checks it
//! (`domain::search`) and runs it with the accounts in their fallback order
//! (`domain::fallback`): accounts known to be unusable are skipped without a request, an account
//! the API reports expired, invalidated or rate limited is passed over, and every account passed
//! over is named in a popup at the bottom left (`popups`). The results (`results`) say which
//! account served the search.
//!
//! A newer search always wins: each run has a generation number and its own reactive owner;
//! starting another run cleans that owner up, which cancels the old task and aborts its request
//! (the API client aborts requests whose owner goes away), and an answer that still arrives for
//! an older generation is dropped.

mod popups;
mod results;
pub(crate) use results::post_image;

use std::sync::Arc;

use api_types::{AccountRef, MediaFilter, Post, SearchPage, SearchType, SocialAccount, Timestamp};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::INSTAGRAM_SEARCH;
use crate::api::{server_now, Api, AppError};
use crate::app::when_session_back;
use crate::components::i18n::use_i18n;
use crate::components::icons::{SearchIcon, WarningIcon};
use crate::domain::fallback::{
    better_account, candidates, reported_from, Fallback, PassReason, Passed, Reported, Step,
    Verdict,
};
use crate::domain::search::{append_page, validate, QueryProblem, SearchQuery, UrlSearch};
use crate::i18n::Msg;

use crate::components::resume::ResumedAuthorization;
use crate::components::rights::{RightsDialog, RightsTarget};
use crate::config::Config;
use popups::TokenPopups;
use results::{DetailsDialog, Results};

/// Where one search is.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    /// Looking for an account that can answer; `trying` is the one asked right now.
    Searching { trying: Option<AccountRef> },
    /// An account answered (SRCH-6).
    Served(AccountRef),
    /// No account left (SRCH-7). `no_candidates`: there was none to begin with.
    NoneLeft {
        no_candidates: bool,
        all_tokens: bool,
    },
    /// Stopped by a failure that is not an account's (FAIL-1, FAIL-3).
    Failed(AppError),
}

#[derive(Clone, Debug, PartialEq)]
enum More {
    Idle,
    Loading,
    Failed(AppError),
}

/// One search run, without its posts (they live in their own signal: the grid is keyed).
#[derive(Clone, Debug, PartialEq)]
struct RunMeta {
    gen: u64,
    query: SearchQuery,
    phase: Phase,
    passed: Vec<Passed>,
    next_cursor: Option<String>,
    more: More,
}

/// What a popup says about the account used instead.
#[derive(Clone, Debug, PartialEq)]
enum Instead {
    Pending,
    Trying(String),
    Used(String),
    NoneLeft,
    Stopped,
}

/// One popup: an account passed over (SRCH-4, SRCH-5).
#[derive(Clone, Debug, PartialEq)]
struct PopupData {
    key: u64,
    gen: u64,
    account: AccountRef,
    reason: PassReason,
    instead: Instead,
}

#[derive(Clone, Debug, PartialEq)]
enum Accounts {
    Loading,
    Ready(Vec<SocialAccount>),
    Failed(AppError),
}

/// The page's state; cheap to copy into closures.
#[derive(Clone, Copy)]
struct SearchState {
    api: StoredValue<Api>,
    accounts: RwSignal<Accounts>,
    /// What the API said about accounts during this visit (token errors, rate limits).
    reported: RwSignal<Vec<Reported>>,
    meta: RwSignal<Option<RunMeta>>,
    posts: RwSignal<Vec<Arc<Post>>>,
    /// The same posts as `posts`, in the pages they arrived in: the grid renders one chunk per
    /// page (one reactive owner per page, not per card), so loading more leaves the cards shown
    /// alone and a new search drops whole chunks (issue 9).
    chunks: RwSignal<Vec<results::Chunk>>,
    next_chunk: StoredValue<u64>,
    popups: RwSignal<Vec<PopupData>>,
    gen: StoredValue<u64>,
    next_popup: StoredValue<u64>,
    page_owner: StoredValue<Option<Owner>>,
    run_owner: StoredValue<Option<Owner>>,
}

impl SearchState {
    fn new(api: Api) -> Self {
        Self {
            api: StoredValue::new(api),
            accounts: RwSignal::new(Accounts::Loading),
            reported: RwSignal::new(Vec::new()),
            meta: RwSignal::new(None),
            posts: RwSignal::new(Vec::new()),
            chunks: RwSignal::new(Vec::new()),
            next_chunk: StoredValue::new(0),
            popups: RwSignal::new(Vec::new()),
            gen: StoredValue::new(0),
            next_popup: StoredValue::new(0),
            page_owner: StoredValue::new(Owner::current()),
            run_owner: StoredValue::new(None),
        }
    }

    /// The server's time now (TOK-2); never the browser's clock.
    fn now(self) -> Timestamp {
        server_now(self.api.with_value(|api| api.clock.get_untracked()))
            .unwrap_or(Timestamp::UNIX_EPOCH)
    }

    fn load_accounts(self) {
        self.accounts.set(Accounts::Loading);
        let api = self.api.get_value();
        let fut = async move {
            let loaded = match api.accounts().await {
                Ok(list) => Accounts::Ready(list),
                Err(e) => Accounts::Failed(e),
            };
            self.accounts.try_set(loaded);
        };
        match self.page_owner.get_value() {
            Some(owner) => owner.with(|| spawn_local_scoped_with_cancellation(fut)),
            None => spawn_local_scoped_with_cancellation(fut),
        }
    }

    /// Ends the current run (its task is cancelled and its request aborted) and opens the next
    /// generation.
    fn supersede(self) -> u64 {
        let g = self.gen.get_value() + 1;
        self.gen.set_value(g);
        if let Some(old) = self.run_owner.get_value() {
            old.cleanup();
        }
        let owner = match self.page_owner.get_value() {
            Some(page) => page.with(Owner::new),
            None => Owner::new(),
        };
        self.run_owner.set_value(Some(owner));
        g
    }

    fn spawn_run(self, fut: impl std::future::Future<Output = ()> + 'static) {
        match self.run_owner.get_value() {
            Some(owner) => owner.with(|| spawn_local_scoped_with_cancellation(fut)),
            None => spawn_local_scoped_with_cancellation(fut),
        }
    }

    fn clear(self) {
        self.supersede();
        self.meta.set(None);
        self.set_posts(Vec::new());
    }

    /// Replaces the posts shown (a new search), as one chunk.
    fn set_posts(self, posts: Vec<Arc<Post>>) {
        let chunk = (!posts.is_empty()).then(|| self.chunk(posts.clone()));
        self.chunks.try_set(chunk.into_iter().collect());
        self.posts.try_set(posts);
    }

    /// Appends a page of posts (those not shown yet) as a chunk of its own.
    fn append_posts(self, page: Vec<Arc<Post>>) {
        let mut added = Vec::new();
        self.posts.try_update(|shown| {
            let n = append_page(shown, page);
            added = shown[shown.len() - n..].to_vec();
        });
        if !added.is_empty() {
            let chunk = self.chunk(added);
            self.chunks.try_update(|cs| cs.push(chunk));
        }
    }

    fn chunk(self, posts: Vec<Arc<Post>>) -> results::Chunk {
        let key = self.next_chunk.get_value() + 1;
        self.next_chunk.set_value(key);
        results::Chunk {
            key,
            posts: Arc::new(posts),
        }
    }

    /// Runs a search from the top of the fallback order.
    fn start(self, query: SearchQuery) {
        let g = self.supersede();
        self.set_posts(Vec::new());
        self.meta.set(Some(RunMeta {
            gen: g,
            query: query.clone(),
            phase: Phase::Searching { trying: None },
            passed: Vec::new(),
            next_cursor: None,
            more: More::Idle,
        }));
        match self.accounts.get_untracked() {
            Accounts::Ready(list) => self.spawn_run(self.execute(g, query, list)),
            Accounts::Failed(e) => self.set_phase(g, Phase::Failed(e)),
            // The page starts the search again once the accounts are in.
            Accounts::Loading => {}
        }
    }

    /// Retries after a failure; reloads the accounts first when they were what failed.
    fn retry(self) {
        let Some(query) = self
            .meta
            .with_untracked(|m| m.as_ref().map(|m| m.query.clone()))
        else {
            return;
        };
        if matches!(self.accounts.get_untracked(), Accounts::Failed(_)) {
            self.load_accounts();
        }
        self.start(query);
    }

    async fn execute(self, g: u64, query: SearchQuery, accounts: Vec<SocialAccount>) {
        let api = self.api.get_value();
        let known = self.reported.get_untracked();
        let mut plan = Fallback::new(candidates(&accounts, query.ty, self.now(), &known));
        if !plan.has_candidates() {
            self.set_phase(
                g,
                Phase::NoneLeft {
                    no_candidates: true,
                    all_tokens: false,
                },
            );
            return;
        }
        loop {
            match plan.step() {
                Step::Skip(passed) => self.pass(g, passed),
                Step::Try(account) => {
                    self.trying(g, &account);
                    let result = api.search_instagram(&query, &account.id, None).await;
                    if self.gen.get_value() != g {
                        return; // a newer search started meanwhile
                    }
                    match (plan.answer(&result), result) {
                        (Verdict::Served(a), Ok(page)) => return self.served(g, a, page),
                        (Verdict::FellBack(passed), _) => {
                            if let Some(r) = reported_from(&passed) {
                                self.reported.update(|v| v.push(r));
                            }
                            self.pass(g, passed);
                        }
                        (Verdict::Failed(e), _) => {
                            self.set_instead(g, Instead::Stopped);
                            return self.set_phase(g, Phase::Failed(e));
                        }
                        (Verdict::Served(_), Err(e)) => {
                            return self.set_phase(g, Phase::Failed(e));
                        }
                    }
                }
                Step::Exhausted => {
                    self.set_instead(g, Instead::NoneLeft);
                    return self.set_phase(
                        g,
                        Phase::NoneLeft {
                            no_candidates: false,
                            all_tokens: plan.all_passed_for_tokens(),
                        },
                    );
                }
            }
        }
    }

    fn update_meta(self, g: u64, f: impl FnOnce(&mut RunMeta)) {
        self.meta.try_update(|m| {
            if let Some(m) = m.as_mut().filter(|m| m.gen == g) {
                f(m);
            }
        });
    }

    fn set_phase(self, g: u64, phase: Phase) {
        self.update_meta(g, |m| m.phase = phase);
    }

    fn set_instead(self, g: u64, instead: Instead) {
        self.popups.try_update(|ps| {
            for p in ps.iter_mut().filter(|p| p.gen == g) {
                p.instead = instead.clone();
            }
        });
    }

    fn trying(self, g: u64, account: &AccountRef) {
        self.set_phase(
            g,
            Phase::Searching {
                trying: Some(account.clone()),
            },
        );
        self.set_instead(g, Instead::Trying(account.handle.clone()));
    }

    /// An account was passed over: named in the results and in a popup, newest on top. A popup
    /// already shown for the same account is updated and moved to the top, so a refresh running
    /// in it carries on.
    fn pass(self, g: u64, passed: Passed) {
        self.update_meta(g, |m| m.passed.push(passed.clone()));
        self.add_popup(g, &passed, Instead::Pending);
    }

    fn add_popup(self, g: u64, passed: &Passed, instead: Instead) {
        let existing = self.popups.with_untracked(|ps| {
            ps.iter()
                .find(|p| p.account.id == passed.account.id)
                .map(|p| p.key)
        });
        let key = existing.unwrap_or_else(|| {
            let key = self.next_popup.get_value() + 1;
            self.next_popup.set_value(key);
            key
        });
        self.popups.try_update(|ps| {
            ps.retain(|p| p.key != key);
            ps.insert(
                0,
                PopupData {
                    key,
                    gen: g,
                    account: passed.account.clone(),
                    reason: passed.reason,
                    instead,
                },
            );
        });
    }

    fn served(self, g: u64, account: AccountRef, page: SearchPage) {
        self.set_posts(page.posts.into_iter().map(Arc::new).collect());
        self.set_instead(g, Instead::Used(account.handle.clone()));
        self.update_meta(g, |m| {
            m.phase = Phase::Served(account);
            m.next_cursor = page.next_cursor;
        });
    }

    /// The next page, from the account that served the search, by cursor (SRCH-2).
    fn load_more(self) {
        let Some(m) = self.meta.get_untracked() else {
            return;
        };
        let (Phase::Served(account), Some(cursor)) = (m.phase.clone(), m.next_cursor.clone())
        else {
            return;
        };
        if m.more == More::Loading {
            return;
        }
        let g = m.gen;
        self.update_meta(g, |m| m.more = More::Loading);
        let api = self.api.get_value();
        self.spawn_run(async move {
            let result = api
                .search_instagram(&m.query, &account.id, Some(&cursor))
                .await;
            if self.gen.get_value() != g {
                return;
            }
            match result {
                Ok(page) => {
                    self.append_posts(page.posts.into_iter().map(Arc::new).collect());
                    self.update_meta(g, |m| {
                        m.next_cursor = page.next_cursor;
                        m.more = More::Idle;
                    });
                }
                Err(e) => {
                    let reason = match &e {
                        AppError::TokenExpired { .. } => Some(PassReason::Expired),
                        AppError::TokenRevoked { .. } => Some(PassReason::NeedsReauth),
                        AppError::RateLimited { resets_at, .. } => Some(PassReason::RateLimited {
                            resets_at: *resets_at,
                        }),
                        _ => None,
                    };
                    if let Some(reason) = reason {
                        let passed = Passed {
                            account,
                            reason,
                            known_up_front: false,
                        };
                        if let Some(r) = reported_from(&passed) {
                            self.reported.update(|v| v.push(r));
                        }
                        self.add_popup(g, &passed, Instead::Stopped);
                    }
                    self.update_meta(g, |m| m.more = More::Failed(e));
                }
            }
        });
    }

    /// A token was refreshed from a popup: the account is usable again (SRCH-8).
    fn refreshed(self, account: SocialAccount) {
        self.reported
            .update(|v| v.retain(|r| r.account_id != account.id));
        self.accounts.update(|a| {
            if let Accounts::Ready(list) = a {
                match list.iter_mut().find(|x| x.id == account.id) {
                    Some(x) => *x = account,
                    None => list.push(account),
                }
            }
        });
    }

    /// SRCH-8: a better account than the one that served the last search, now usable.
    fn offer(self) -> Option<AccountRef> {
        let (ty, served) = self.meta.with(|m| {
            let m = m.as_ref()?;
            let served = match &m.phase {
                Phase::Served(a) => Some(a.id.clone()),
                Phase::NoneLeft {
                    no_candidates: false,
                    ..
                } => None,
                _ => return None,
            };
            Some((m.query.ty, served))
        })?;
        let reported = self.reported.get();
        self.accounts.with(|a| match a {
            Accounts::Ready(list) => better_account(
                &candidates(list, ty, self.now(), &reported),
                served.as_deref(),
            ),
            _ => None,
        })
    }

    /// Runs the last search again from the top of the fallback order.
    fn search_again(self) {
        if let Some(query) = self
            .meta
            .with_untracked(|m| m.as_ref().map(|m| m.query.clone()))
        {
            self.start(query);
        }
    }
}

fn term_label(ty: SearchType) -> Msg {
    match ty {
        SearchType::BusinessUser => Msg::SearchTermUsername,
        SearchType::TopTags | SearchType::RecentTags => Msg::SearchTermHashtag,
    }
}

fn term_hint(ty: SearchType) -> Msg {
    match ty {
        SearchType::BusinessUser => Msg::SearchHintUsername,
        SearchType::TopTags | SearchType::RecentTags => Msg::SearchHintHashtag,
    }
}

#[component]
pub fn InstagramSearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = expect_context::<Api>();
    let state = SearchState::new(api.clone());
    state.load_accounts();
    // What failed with the session (a search link opened while the network was down) is said
    // by the shell; its "Try again" runs the search again, or reloads the accounts.
    when_session_back(move || {
        let run_failed = state.meta.with_untracked(|m| {
            m.as_ref()
                .is_some_and(|m| matches!(m.phase, Phase::Failed(_)))
        });
        if run_failed {
            state.retry();
        } else if matches!(state.accounts.get_untracked(), Accounts::Failed(_)) {
            state.load_accounts();
        }
    });
    let api_origin = api.origin().unwrap_or_default();

    // SRCH-3: the URL is the source of truth for the search.
    let query_map = use_query_map();
    let url_search = Memo::new(move |_| {
        query_map
            .with(|m| UrlSearch::from_params(m.get_str("type"), m.get_str("q"), m.get_str("media")))
    });
    let navigate = use_navigate();

    // The form, filled from the URL (reload, back/forward) and by typing.
    let ty = RwSignal::new(url_search.get_untracked().ty());
    let text = RwSignal::new(url_search.get_untracked().text().to_string());
    let media = RwSignal::new(url_search.get_untracked().media());
    let filter_open = RwSignal::new(url_search.get_untracked().media() != MediaFilter::All);
    let problem = RwSignal::new(None::<QueryProblem>);

    Effect::new(move |_| {
        let url = url_search.get();
        ty.set(url.ty());
        media.set(url.media());
        if url.media() != MediaFilter::All {
            filter_open.set(true);
        }
        let typed = text.get_untracked();
        let same = match &url {
            UrlSearch::Valid(q) => validate(q.ty, &typed).ok().as_deref() == Some(q.q.as_str()),
            UrlSearch::Invalid { q, .. } => typed.trim() == q.trim(),
            UrlSearch::Empty { .. } => typed.trim().is_empty(),
        };
        if !same {
            text.set(url.text().to_string());
        }
        problem.set(match url {
            UrlSearch::Invalid { problem, .. } => Some(problem),
            _ => None,
        });
    });

    // Run what the URL says, once the accounts are known.
    let accounts_settled = Memo::new(move |_| !state.accounts.with(|a| *a == Accounts::Loading));
    Effect::new(move |_| {
        let url = url_search.get();
        if !accounts_settled.get() {
            return;
        }
        untrack(move || match url {
            UrlSearch::Valid(q) => state.start(q),
            UrlSearch::Empty { .. } | UrlSearch::Invalid { .. } => state.clear(),
        });
    });

    let go = {
        let navigate = navigate.clone();
        move |query: SearchQuery| {
            if url_search.get_untracked() == UrlSearch::Valid(query.clone()) {
                state.start(query); // the same search again: run it afresh
            } else {
                navigate(
                    &format!("{INSTAGRAM_SEARCH}?{}", query.to_url_query()),
                    NavigateOptions::default(),
                );
            }
        }
    };

    let on_submit = {
        let go = go.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            match validate(ty.get_untracked(), &text.get_untracked()) {
                Err(p) => problem.set(Some(p)),
                Ok(q) => {
                    problem.set(None);
                    go(SearchQuery {
                        ty: ty.get_untracked(),
                        q,
                        media: media.get_untracked(),
                    });
                }
            }
        }
    };

    // Changing the media filter refines the search that is shown, unless the person has
    // started typing another one (then it applies when they press Search).
    let on_media = move |m: MediaFilter| {
        media.set(m);
        if let UrlSearch::Valid(q) = url_search.get_untracked() {
            let unchanged = ty.get_untracked() == q.ty
                && validate(q.ty, &text.get_untracked()).ok().as_deref() == Some(q.q.as_str());
            if unchanged && q.media != m {
                go(SearchQuery { media: m, ..q });
            }
        }
    };

    let details = RwSignal::new(None::<Arc<Post>>);
    // RR-1: Request Rights on a result opens the Rights options dialog.
    let rights: RightsTarget = RwSignal::new(None);
    // OAUTH-3: an authorization that continues in this tab (from a popup or the rights dialog)
    // comes back to this search, not to an empty form.
    let config = expect_context::<Config>();
    let return_to = Memo::new(move |_| match url_search.get() {
        UrlSearch::Valid(q) => config.href(&format!("{INSTAGRAM_SEARCH}?{}", q.to_url_query())),
        _ => config.href(INSTAGRAM_SEARCH),
    });
    let known_accounts = Signal::derive(move || match state.accounts.get() {
        Accounts::Ready(list) => Some(list),
        _ => None,
    });

    view! {
        <section class="stc-page stc-search" aria-labelledby="stc-page-title">
            <h2 id="stc-page-title" class="stc-page__title">{move || i18n.t(Msg::Instagram)}</h2>
            <form
                class="stc-search-form"
                role="search"
                aria-label=move || i18n.t(Msg::SearchFormLabel)
                novalidate=true
                on:submit=on_submit
            >
                <div class="stc-search-form__row">
                    <label class="stc-field">
                        <span class="stc-field__label">{move || i18n.t(Msg::SearchTypeLabel)}</span>
                        <select
                            class="stc-select"
                            on:change=move |ev| {
                                if let Some(t) = SearchType::parse(&event_target_value(&ev)) {
                                    ty.set(t);
                                    problem.set(None);
                                }
                            }
                        >
                            {SearchType::ALL
                                .into_iter()
                                .map(|t| view! {
                                    <option value=t.as_str() prop:selected=move || ty.get() == t>
                                        {move || i18n.t(Msg::SearchTypeName(t))}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </label>
                    <label class="stc-field stc-field--grow">
                        <span class="stc-field__label">{move || i18n.t(term_label(ty.get()))}</span>
                        <input
                            id="stc-search-q"
                            class="stc-input"
                            type="search"
                            autocomplete="off"
                            spellcheck="false"
                            aria-describedby="stc-search-hint stc-search-problem"
                            aria-invalid=move || problem.get().is_some().then_some("true")
                            prop:value=move || text.get()
                            on:input=move |ev| {
                                text.set(event_target_value(&ev));
                            }
                        />
                    </label>
                    <button type="submit" class="stc-button stc-button--primary stc-search-form__submit">
                        <SearchIcon/>
                        {move || i18n.t(Msg::SearchButton)}
                    </button>
                    <button
                        type="button"
                        class="stc-button stc-button--link stc-search-form__filter-toggle"
                        aria-expanded=move || filter_open.get().to_string()
                        aria-controls="stc-search-filter"
                        on:click=move |_| filter_open.update(|o| *o = !*o)
                    >
                        {move || i18n.t(if filter_open.get() { Msg::HideFilter } else { Msg::ShowFilter })}
                    </button>
                </div>
                <p id="stc-search-hint" class="stc-field__hint">{move || i18n.t(term_hint(ty.get()))}</p>
                <p id="stc-search-problem" class="stc-field__problem" role="alert">
                    {move || problem.get().map(|p| view! { <WarningIcon/>{move || i18n.t(Msg::SearchInvalid(p))} })}
                </p>
                <fieldset id="stc-search-filter" class="stc-search-filter" hidden=move || !filter_open.get()>
                    <legend class="stc-search-filter__legend">{move || i18n.t(Msg::MediaFilterLabel)}</legend>
                    {MediaFilter::ALL
                        .into_iter()
                        .map(|m| {
                            let on_media = on_media.clone();
                            view! {
                                <label class="stc-search-filter__option">
                                    <input
                                        type="radio"
                                        name="stc-search-media"
                                        value=m.as_str()
                                        prop:checked=move || media.get() == m
                                        on:change=move |_| on_media(m)
                                    />
                                    {move || i18n.t(Msg::MediaFilterName(m))}
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
            </form>
            // Fixed at the bottom left, but early in the document: the keyboard reaches the
            // popups right after the form, before a hundred results.
            <ResumedAuthorization
                path=INSTAGRAM_SEARCH
                accounts=known_accounts
                on_refreshed=Callback::new(move |account| state.refreshed(account))
            />
            <TokenPopups state return_to/>
            <Results state api_origin=api_origin.clone() details rights/>
            <DetailsDialog details api_origin/>
            <RightsDialog target=rights return_to/>
        </section>
    }
}
