//! Library › Saved assets: the posts saved from Social Search, each with its rights status in
//! words (RR-6) and **Request Rights** (RR-1), which opens the same Rights options dialog as a
//! search result.

use std::sync::Arc;

use api_types::{Asset, RightsStatus};
use leptos::prelude::*;

use super::instagram_search::post_image;
use super::ASSETS;
use crate::api::{Api, AppError};
use crate::app::{unless_shell_says, when_session_back};
use crate::components::format;
use crate::components::i18n::use_i18n;
use crate::components::resume::ResumedAuthorization;
use crate::components::rights::{RightsDialog, RightsTarget, StatusBadge};
use crate::components::states::{ErrorSlot, Skeleton};
use crate::config::Config;
use crate::domain::untrusted::excerpt;
use crate::i18n::Msg;

const EXCERPT_CHARS: usize = 120;

#[component]
pub fn AssetsPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = expect_context::<Api>();
    let api_origin = api.origin().unwrap_or_default();
    let assets = RwSignal::new(None::<Result<Vec<Asset>, AppError>>);
    let load = {
        let api = api.clone();
        move || {
            let api = api.clone();
            leptos::task::spawn_local_scoped(async move {
                let result = api.assets().await;
                assets.try_set(Some(result));
            });
        }
    };
    load();
    let rights: RightsTarget = RwSignal::new(None);
    let on_status = Callback::new(move |(post_id, status): (String, RightsStatus)| {
        assets.update(|a| {
            if let Some(Ok(list)) = a {
                for asset in list.iter_mut().filter(|a| a.post.id == post_id) {
                    asset.rights_status = Some(status);
                }
            }
        });
    });
    let error = unless_shell_says(Signal::derive(move || {
        assets.with(|a| a.as_ref().and_then(|r| r.clone().err()))
    }));
    let retry = {
        let load = load.clone();
        Callback::new(move |_| {
            assets.set(None);
            load();
        })
    };
    when_session_back(move || {
        if assets.with_untracked(|a| matches!(a, Some(Err(_)))) {
            retry.run(());
        }
    });
    let grid = move || {
        let list = assets.with(|a| match a {
            Some(Ok(list)) => Some(list.clone()),
            _ => None,
        });
        match (assets.with(Option::is_none), list) {
            (true, _) => Some(view! { <Skeleton lines=4/> }.into_any()),
            (false, Some(list)) if list.is_empty() => Some(
                view! { <p class="stc-assets__empty">{move || i18n.t(Msg::AssetsEmpty)}</p> }
                    .into_any(),
            ),
            (false, Some(list)) => {
                let count = list.len();
                let origin = api_origin.clone();
                Some(
                    view! {
                        <p class="stc-assets__count">{move || i18n.t(Msg::AssetsCount(count))}</p>
                        <ul class="stc-results__grid stc-assets__grid">
                            {list.into_iter().map(|a| view! { <AssetCard asset=a api_origin=origin.clone() rights/> }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                )
            }
            (false, None) => None,
        }
    };
    let return_to = expect_context::<Config>().href(ASSETS);
    view! {
        <section class="stc-page stc-assets" aria-labelledby="stc-page-title">
            <h2 id="stc-page-title" class="stc-page__title">{move || i18n.t(Msg::AssetsHeading)}</h2>
            <ResumedAuthorization path=ASSETS/>
            <ErrorSlot error on_retry=retry/>
            {grid}
            <RightsDialog target=rights return_to on_status/>
        </section>
    }
}

#[component]
fn AssetCard(asset: Asset, api_origin: String, rights: RightsTarget) -> impl IntoView {
    let i18n = use_i18n();
    let post = Arc::new(asset.post.clone());
    let image = post_image(&post, &api_origin, i18n);
    let caption = excerpt(&post.caption, EXCERPT_CHARS);
    let saved_at = asset.saved_at;
    let saved_by = asset.saved_by.name.clone();
    let status = asset.rights_status;
    let handle = post.author_handle.clone();
    view! {
        <li class="stc-result stc-asset">
            <article class="stc-result__card">
                <div class="stc-result__media">{image}</div>
                <div class="stc-result__body">
                    <h3 class="stc-result__author"><bdi>"@"{handle}</bdi></h3>
                    <p class="stc-result__caption" dir="auto">{caption}</p>
                    <p class="stc-result__meta">
                        <span><bdi>{move || i18n.t(Msg::AssetsSavedBy { name: saved_by.clone(), date: format::date(saved_at, i18n.lang()) })}</bdi></span>
                    </p>
                    <p class="stc-asset__status"><StatusBadge status/></p>
                    <div class="stc-result__actions">
                        <button type="button" class="stc-button stc-button--secondary stc-button--small stc-result__rights" on:click=move |_| rights.set(Some(post.clone()))>
                            {move || i18n.t(Msg::RightsRequestAction)}
                        </button>
                    </div>
                </div>
            </article>
        </li>
    }
}
