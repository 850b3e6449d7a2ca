//! The results area: which account served the search (SRCH-6), what was passed over, the grid
//! (SRCH-2), loading more by cursor, none left (SRCH-7), and the details dialog.
//!
//! Every field of a post is untrusted (SRCH-10): rendered as text (isolated with `<bdi>` /
//! `dir="auto"` so right-to-left overrides cannot spill), links only to `https:`, images only
//! from `https:` or the API's own origin (`domain::untrusted`).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use api_types::{MediaType, Post};
use leptos::prelude::*;
use leptos::task::spawn_local_scoped_with_cancellation;

use super::{More, Phase, SearchState};
use crate::api::{Api, AppError};
use crate::app::unless_shell_says;
use crate::components::dialog::Modal;
use crate::components::format;
use crate::components::i18n::{use_i18n, I18n};
use crate::components::icons::{PlayIcon, TickIcon, WarningIcon};
use crate::components::rights::RightsTarget;
use crate::components::states::{ErrorNotice, ErrorSlot};
use crate::config::Config;
use crate::domain::fallback::PassReason;
use crate::domain::untrusted::{excerpt, safe_image_src, safe_link};
use crate::i18n::{text, Msg};
use crate::pages::settings::SOCIAL_ACCOUNTS;

/// Characters of caption shown on a card.
const EXCERPT_CHARS: usize = 120;

static NEXT_ID: AtomicU64 = AtomicU64::new(0);

/// An element id of our own (post ids are data from the network; they never become ids).
fn fresh_id(prefix: &str) -> String {
    format!("{prefix}-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed))
}

#[component]
pub(super) fn Results(
    state: SearchState,
    api_origin: String,
    details: RwSignal<Option<Arc<Post>>>,
    rights: RightsTarget,
) -> impl IntoView {
    let i18n = use_i18n();
    let config = expect_context::<Config>();
    let social_accounts = config.href(SOCIAL_ACCOUNTS);
    let meta = state.meta;
    let searching =
        move || meta.with(|m| matches!(m, Some(m) if matches!(m.phase, Phase::Searching { .. })));
    let served = move || {
        meta.with(|m| match m.as_ref().map(|m| &m.phase) {
            Some(Phase::Served(a)) => Some(a.handle.clone()),
            _ => None,
        })
    };
    let count = move || state.posts.with(Vec::len);
    let offer = Memo::new(move |_| state.offer());

    // What the live region says: progress, none left, no results, a failure (FAIL-1).
    let status = move || {
        let m = meta.get()?;
        Some(match m.phase {
            Phase::Searching { .. } => view! {
                <p class="stc-results__searching">
                    <span class="stc-spinner" aria-hidden="true"></span>
                    {move || i18n.t(Msg::Searching)}
                </p>
            }
            .into_any(),
            Phase::NoneLeft {
                no_candidates,
                all_tokens,
            } => {
                let msg = match (no_candidates, all_tokens, m.query.ty) {
                    (true, _, api_types::SearchType::BusinessUser) => Msg::SearchNoAccountBusiness,
                    (true, _, _) => Msg::SearchNoAccountTags,
                    (false, true, _) => Msg::SearchAllExpired,
                    (false, false, _) => Msg::SearchNoneLeft,
                };
                let href = social_accounts.clone();
                view! {
                    <div class="stc-notice stc-notice--error stc-results__none-left">
                        <WarningIcon/>
                        <p class="stc-notice__text">{move || i18n.t(&msg)}</p>
                        <a class="stc-button stc-button--secondary" href=href>
                            {move || i18n.t(Msg::SearchOpenSocialAccounts)}
                        </a>
                    </div>
                }
                .into_any()
            }
            Phase::Served(_)
                if m.next_cursor.is_none() && state.posts.with_untracked(Vec::is_empty) =>
            {
                view! { <p class="stc-results__empty">{move || i18n.t(Msg::SearchNoResults)}</p> }
                    .into_any()
            }
            Phase::Served(_) => return None,
            // Failures are said in the alert region below.
            Phase::Failed(_) => return None,
        })
    };
    // Not twice when the session failed the same way: the shell's "Try again" runs it again.
    let failure = unless_shell_says(Signal::derive(move || {
        meta.with(|m| match m.as_ref().map(|m| &m.phase) {
            Some(Phase::Failed(e)) => Some(e.clone()),
            _ => None,
        })
    }));

    let passed_lines = move || {
        meta.with(|m| m.as_ref().map(|m| m.passed.clone()).unwrap_or_default())
            .into_iter()
            .map(|p| {
                let handle = p.account.handle.clone();
                let msg = match p.reason {
                    PassReason::Expired => Msg::SearchSkippedExpired(handle),
                    PassReason::NeedsReauth => Msg::SearchSkippedRevoked(handle),
                    PassReason::RateLimited { .. } => Msg::SearchSkippedRateLimited(handle),
                };
                view! { <li><WarningIcon/><bdi>{move || i18n.t(&msg)}</bdi></li> }
            })
            .collect_view()
    };

    let more = move || {
        let m = meta.get()?;
        if !matches!(m.phase, Phase::Served(_)) {
            return None;
        }
        Some(match m.more {
            More::Failed(error) => {
                let token_problem = matches!(
                    error,
                    AppError::TokenExpired { .. }
                        | AppError::TokenRevoked { .. }
                        | AppError::RateLimited { .. }
                );
                if token_problem {
                    view! {
                        <div class="stc-notice stc-notice--error">
                            <WarningIcon/>
                            <p class="stc-notice__text">{move || i18n.t(error.message())}</p>
                            <button type="button" class="stc-button stc-button--secondary" on:click=move |_| state.search_again()>
                                {move || i18n.t(Msg::SearchAgain)}
                            </button>
                        </div>
                    }
                    .into_any()
                } else {
                    view! { <ErrorNotice error on_retry=Callback::new(move |_| state.load_more())/> }.into_any()
                }
            }
            _ if m.next_cursor.is_none() => return None,
            More::Loading => view! {
                <button type="button" class="stc-button stc-button--secondary" aria-disabled="true" aria-busy="true">
                    <span class="stc-spinner" aria-hidden="true"></span>
                    {move || i18n.t(Msg::LoadingMore)}
                </button>
            }
            .into_any(),
            More::Idle => view! {
                <button type="button" class="stc-button stc-button--secondary stc-results__load-more" on:click=move |_| state.load_more()>
                    {move || i18n.t(Msg::LoadMore)}
                </button>
            }
            .into_any(),
        })
    };

    view! {
        <section class="stc-results" aria-labelledby="stc-results-title" aria-busy=move || searching().then_some("true")>
            <div class="stc-results__header" hidden=move || meta.with(Option::is_none)>
                <h3 id="stc-results-title" class="stc-results__title">{move || i18n.t(Msg::SearchResultsHeading)}</h3>
                {move || served().map(|h| view! {
                    <p class="stc-results__served">
                        <strong><bdi>{move || i18n.t(Msg::SearchedWith(h.clone()))}</bdi></strong>
                        <span class="stc-results__count">{move || i18n.t(Msg::SearchShowingCount(count()))}</span>
                    </p>
                })}
                <ul class="stc-results__passed">{passed_lines}</ul>
                {move || offer.get().map(|a| {
                    let handle = a.handle.clone();
                    let label = handle.clone();
                    view! {
                        <div class="stc-notice stc-results__offer">
                            <TickIcon/>
                            <p class="stc-notice__text"><bdi>{move || i18n.t(Msg::SearchRefreshedOffer(handle.clone()))}</bdi></p>
                            <button type="button" class="stc-button stc-button--primary" on:click=move |_| state.search_again()>
                                <bdi>{move || i18n.t(Msg::SearchAgainWith(label.clone()))}</bdi>
                            </button>
                        </div>
                    }
                })}
            </div>
            <div class="stc-results__status" role="status">
                {move || if meta.with(Option::is_none) {
                    Some(view! { <p class="stc-results__prompt">{move || i18n.t(Msg::SearchPrompt)}</p> }.into_any())
                } else {
                    status()
                }}
            </div>
            <ErrorSlot error=failure on_retry=Callback::new(move |_| state.retry())/>
            <ul class="stc-results__grid">
                <For
                    each=move || state.chunks.get()
                    key=|c| c.key
                    children=move |chunk: Chunk| view! { <ResultChunk posts=chunk.posts api_origin=api_origin.clone() details rights/> }
                />
            </ul>
            <div class="stc-results__more" role="status">{more}</div>
        </section>
    }
}

/// One page of results as it arrived (issue 9): the grid is keyed by chunk, not by post.
#[derive(Clone)]
pub(super) struct Chunk {
    pub(super) key: u64,
    pub(super) posts: Arc<Vec<Arc<Post>>>,
}

/// The cards of one chunk, rendered once: loading more adds a chunk and leaves these alone.
#[component]
fn ResultChunk(
    posts: Arc<Vec<Arc<Post>>>,
    api_origin: String,
    details: RwSignal<Option<Arc<Post>>>,
    rights: RightsTarget,
) -> impl IntoView {
    // The cards read the language through a memo that goes with this chunk (`I18n::scoped`):
    // a new search drops the chunk, and their subscriptions with it.
    let lang = use_i18n().scoped();
    let api = expect_context::<Api>();
    posts
        .iter()
        .map(|post| {
            result_card(
                post.clone(),
                &api_origin,
                details,
                rights,
                lang,
                api.clone(),
            )
        })
        .collect_view()
}

#[derive(Clone, Debug, PartialEq)]
enum SaveState {
    NotSaved,
    Saving,
    Saved,
    Failed(AppError),
}

/// The image of a post, or words saying why it is not shown (SRCH-10).
pub(crate) fn post_image(
    post: &Post,
    api_origin: &str,
    i18n: crate::components::i18n::I18n,
) -> AnyView {
    let alt_msg = Msg::PostImageAlt {
        video: post.media_type == MediaType::Video,
        handle: post.author_handle.clone(),
    };
    match safe_image_src(&post.image_url, api_origin) {
        Some(src) => view! {
            <img class="stc-result__image" src=src alt=move || i18n.t(&alt_msg) loading="lazy" decoding="async" width="320" height="320"/>
        }
        .into_any(),
        None => view! {
            <div class="stc-result__image stc-result__image--blocked">
                <WarningIcon/>
                <span>{move || i18n.t(Msg::PostImageNotShown)}</span>
            </div>
        }
        .into_any(),
    }
}

/// One result card. Text that only changes with the language follows the chunk's
/// [`I18n::scoped`]; the date, likes and comments are one effect together.
fn result_card(
    post: Arc<Post>,
    api_origin: &str,
    details: RwSignal<Option<Arc<Post>>>,
    rights: RightsTarget,
    lang: I18n,
    api: Api,
) -> impl IntoView {
    let author_id = fresh_id("stc-post-author");
    let video = post.media_type == MediaType::Video;
    let save = RwSignal::new(if post.saved_asset_id.is_some() {
        SaveState::Saved
    } else {
        SaveState::NotSaved
    });
    let owner = Owner::current();
    let post_id = post.id.clone();
    let on_save = move |_| {
        if matches!(save.get_untracked(), SaveState::Saving | SaveState::Saved) {
            return;
        }
        save.set(SaveState::Saving);
        let api = api.clone();
        let post_id = post_id.clone();
        let fut = async move {
            let next = match api.save_asset(&post_id).await {
                Ok(_) => SaveState::Saved,
                Err(e) => SaveState::Failed(e),
            };
            save.try_set(next);
        };
        match &owner {
            Some(o) => o.with(|| spawn_local_scoped_with_cancellation(fut)),
            None => spawn_local_scoped_with_cancellation(fut),
        }
    };
    let saved = move || save.with(|s| *s == SaveState::Saved);
    let saving = move || save.with(|s| *s == SaveState::Saving);
    let for_details = post.clone();
    let for_rights = post.clone();
    let image = card_image(&post, api_origin, lang);
    let caption = excerpt(&post.caption, EXCERPT_CHARS);
    let posted_at = post.posted_at;
    let (likes, comments) = (post.likes, post.comments);
    let labelledby = author_id.clone();
    let meta = move || {
        let l = lang.lang();
        view! {
            <time datetime=format::iso(posted_at)>{format::date(posted_at, l)}</time>
            <span>{text(l, &Msg::PostLikes(likes, format::number(likes, l))).into_owned()}</span>
            <span>{text(l, &Msg::PostComments(comments, format::number(comments, l))).into_owned()}</span>
        }
    };
    view! {
        <li class="stc-result">
            <article class="stc-result__card" aria-labelledby=labelledby>
                <div class="stc-result__media">
                    {image}
                    {video.then(|| view! {
                        <span class="stc-result__badge">
                            <PlayIcon/>
                            {move || lang.t(Msg::PostVideo)}
                        </span>
                    })}
                </div>
                <div class="stc-result__body">
                    <h4 class="stc-result__author" id=author_id><bdi>"@"{post.author_handle.clone()}</bdi></h4>
                    <p class="stc-result__caption" dir="auto">{caption}</p>
                    <p class="stc-result__meta">{meta}</p>
                    <div class="stc-result__actions">
                        <button type="button" class="stc-button stc-button--secondary stc-button--small" on:click=move |_| details.set(Some(for_details.clone()))>
                            {move || lang.t(Msg::ViewDetails)}
                        </button>
                        <button
                            type="button"
                            class=move || if saved() {
                                "stc-button stc-button--small stc-result__save stc-result__save--saved"
                            } else {
                                "stc-button stc-button--small stc-result__save stc-button--secondary"
                            }
                            aria-disabled=move || (saved() || saving()).then_some("true")
                            aria-busy=move || saving().then_some("true")
                            on:click=on_save
                        >
                            {move || {
                                let state = save.get();
                                let label = lang.t(match state {
                                    SaveState::Saved => Msg::Saved,
                                    SaveState::Saving => Msg::Saving,
                                    _ => Msg::Save,
                                });
                                ((state == SaveState::Saved).then(|| view! { <TickIcon/> }), label)
                            }}
                        </button>
                        <button type="button" class="stc-button stc-button--secondary stc-button--small stc-result__rights" on:click=move |_| rights.set(Some(for_rights.clone()))>
                            {move || lang.t(Msg::RightsRequestAction)}
                        </button>
                    </div>
                    <div class="stc-error-slot" role="alert">
                        {move || match save.get() {
                            SaveState::Failed(e) => Some(view! { <ErrorNotice error=e/> }),
                            _ => None,
                        }}
                    </div>
                </div>
            </article>
        </li>
    }
}

/// [`post_image`] for a card: its alternative text follows the chunk's language.
fn card_image(post: &Post, api_origin: &str, lang: I18n) -> AnyView {
    let alt_msg = Msg::PostImageAlt {
        video: post.media_type == MediaType::Video,
        handle: post.author_handle.clone(),
    };
    match safe_image_src(&post.image_url, api_origin) {
        Some(src) => view! {
            <img class="stc-result__image" src=src alt=move || lang.t(&alt_msg) loading="lazy" decoding="async" width="320" height="320"/>
        }
        .into_any(),
        None => view! {
            <div class="stc-result__image stc-result__image--blocked">
                <WarningIcon/>
                <span>{move || lang.t(Msg::PostImageNotShown)}</span>
            </div>
        }
        .into_any(),
    }
}

/// View Details (SRCH-2): author and content information in a native modal dialog labelled by
/// its heading; focus returns to the button that opened it (A11Y-1).
#[component]
pub(super) fn DetailsDialog(
    details: RwSignal<Option<Arc<Post>>>,
    api_origin: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = Modal::new();

    // Open when a post is chosen; remember what had focus.
    Effect::new(move |_| {
        if details.with(Option::is_some) && dialog.is_mounted() && !dialog.is_open() {
            dialog.remember_focus();
            dialog.show();
        }
    });
    let on_close = dialog.on_close(move || details.set(None));
    let close = move |_| dialog.close();

    let body = move || {
        details.get().map(|post| {
            let locale = i18n.lang();
            let avatar = post
                .author_avatar_url
                .as_deref()
                .and_then(|u| safe_image_src(u, &api_origin));
            let link = safe_link(&post.permalink).map(str::to_string);
            let video = post.media_type == MediaType::Video;
            let hashtags = post
                .hashtags
                .iter()
                .map(|h| format!("#{h}"))
                .collect::<Vec<_>>()
                .join(" ");
            let image = post_image(&post, &api_origin, i18n);
            view! {
                <div class="stc-details__media">{image}</div>
                <div class="stc-details__info">
                    <section class="stc-details__section" aria-labelledby="stc-details-author">
                        <h3 id="stc-details-author" class="stc-details__heading">{move || i18n.t(Msg::DetailsAuthor)}</h3>
                        <div class="stc-details__author">
                            {avatar.map(|src| view! { <img class="stc-details__avatar" src=src alt="" width="40" height="40"/> })}
                            <dl class="stc-details__list">
                                <dt>{move || i18n.t(Msg::DetailsName)}</dt>
                                <dd><bdi>{post.author_name.clone()}</bdi></dd>
                                <dt>{move || i18n.t(Msg::DetailsUsername)}</dt>
                                <dd><bdi>"@"{post.author_handle.clone()}</bdi></dd>
                            </dl>
                        </div>
                    </section>
                    <section class="stc-details__section" aria-labelledby="stc-details-content">
                        <h3 id="stc-details-content" class="stc-details__heading">{move || i18n.t(Msg::DetailsContent)}</h3>
                        <dl class="stc-details__list">
                            <dt>{move || i18n.t(Msg::DetailsMedia)}</dt>
                            <dd>{move || i18n.t(Msg::MediaTypeName { video })}</dd>
                            <dt>{move || i18n.t(Msg::DetailsPosted)}</dt>
                            <dd><time datetime=format::iso(post.posted_at)>{format::date_time(post.posted_at, locale)}</time></dd>
                            <dt>{move || i18n.t(Msg::DetailsLikes)}</dt>
                            <dd>{format::number(post.likes, locale)}</dd>
                            <dt>{move || i18n.t(Msg::DetailsComments)}</dt>
                            <dd>{format::number(post.comments, locale)}</dd>
                            <dt>{move || i18n.t(Msg::DetailsHashtags)}</dt>
                            <dd><bdi>{hashtags}</bdi></dd>
                        </dl>
                        <h4 class="stc-details__subheading">{move || i18n.t(Msg::DetailsCaption)}</h4>
                        <p class="stc-details__caption" dir="auto" tabindex="0">{post.caption.clone()}</p>
                        {match link {
                            Some(href) => view! {
                                <a class="stc-details__link" href=href target="_blank" rel="noopener noreferrer">
                                    {move || i18n.t(Msg::DetailsOpenOnInstagram)}
                                    <span class="stc-visually-hidden">" "{move || i18n.t(Msg::OpensInNewTab)}</span>
                                </a>
                            }
                            .into_any(),
                            None => view! { <p class="stc-details__no-link"><WarningIcon/>{move || i18n.t(Msg::DetailsLinkNotShown)}</p> }.into_any(),
                        }}
                    </section>
                </div>
            }
        })
    };

    view! {
        <dialog class="stc-dialog stc-details" node_ref=dialog.node_ref() aria-labelledby="stc-details-title" on:close=on_close>
            <div class="stc-dialog__header">
                <h2 id="stc-details-title" class="stc-dialog__title">{move || i18n.t(Msg::PostDetailsTitle)}</h2>
            </div>
            <div class="stc-dialog__body">{body}</div>
            <div class="stc-dialog__footer">
                <button type="button" class="stc-button stc-button--primary" on:click=close>{move || i18n.t(Msg::Close)}</button>
            </div>
        </dialog>
    }
}
