//! The banner summarising the accounts that need attention (NOT-3): expired, needing
//! re-authorization, expiring within 10 days. Derived from the page's records and the server's
//! clock with `domain::notifications::needing_attention` (states from `domain::token::derive`).

use std::sync::Arc;

use leptos::leptos_dom::helpers::request_animation_frame;
use leptos::prelude::*;

use super::{element, use_page};
use crate::components::i18n::use_i18n;
use crate::components::show_all::ShowAllToggle;
use crate::components::states::WarningIcon;
use crate::domain::accounts::dom_id;
use crate::domain::notifications::{
    banner_rows, counts, needing_attention, Attention, AttentionItem,
};
use crate::i18n::Msg;

/// The id of the banner's list, which the "Show all" button controls.
const LIST_ID: &str = "stc-attention-list";

#[component]
pub(super) fn AttentionBanner(ready: Memo<bool>, pending: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let page = use_page();
    let items = Memo::new(move |_| {
        let now = page.now.get()?;
        if !ready.get() {
            return None;
        }
        let accounts: Vec<_> = page
            .sections
            .iter()
            .flat_map(|s| {
                s.entries
                    .with(|es| es.iter().map(|e| e.account.get()).collect::<Vec<_>>())
            })
            .collect();
        let items = needing_attention(&accounts, now);
        (!items.is_empty()).then_some(items)
    });
    // A long list shows its most urgent few until the person asks for all (NOT-3).
    let show_all = RwSignal::new(false);
    move || {
        // While the accounts load, a placeholder of the banner's (fixed) size, so the sections
        // below do not jump when it arrives (SHELL-4).
        if pending.get() {
            return Some(
                view! { <div class="stc-attention stc-attention--pending" aria-hidden="true"></div> }
                    .into_any(),
            );
        }
        items.get().map(|items| {
            let (expired, reauth, expiring) = counts(&items);
            let total = items.len();
            let total_u32 = u32::try_from(total).unwrap_or(u32::MAX);
            let long = banner_rows(total, false) < total;
            let items = Arc::new(items);
            // Only the list follows the toggle: the button keeps its place and its focus.
            let rows = move || {
                let n = banner_rows(total, show_all.get());
                items
                    .iter()
                    .take(n)
                    .map(|item| banner_row(item, page))
                    .collect_view()
            };
            let more = long.then(|| {
                view! { <ShowAllToggle show_all total=total_u32 controls=LIST_ID/> }
            });
            view! {
                <section
                    class="stc-attention"
                    class:stc-attention--all=move || long && show_all.get()
                    aria-labelledby="stc-attention-title"
                >
                    <h3 id="stc-attention-title" class="stc-attention__title">
                        <WarningIcon/>
                        {move || i18n.t(Msg::NotBannerTitle(total_u32))}
                    </h3>
                    <p class="stc-attention__intro">
                        {move || i18n.t(Msg::NotBannerIntro { expired, reauth, expiring })}
                    </p>
                    <ul class="stc-attention__list" id=LIST_ID>{rows}</ul>
                    {more}
                </section>
            }
            .into_any()
        })
    }
}

/// One account in the banner: its handle, network and state in words, and a button to its card.
fn banner_row(item: &AttentionItem, page: super::PageCtx) -> impl IntoView {
    let i18n = use_i18n();
    let state = match item.attention {
        Attention::Expired => Msg::NotBannerExpired,
        Attention::NeedsReauth(_) => Msg::NotBannerReauth,
        Attention::Expiring { days_left } => Msg::NotBannerExpiring(days_left),
    };
    let network = item.network;
    let handle = item.handle.clone();
    let id = item.id.clone();
    view! {
        <li class="stc-attention__item">
            <WarningIcon/>
            <span>
                <strong>"@"{item.handle.clone()}</strong>
                " · "{move || i18n.t(Msg::NetworkName(network))}
                " · "{move || i18n.t(&state)}
            </span>
            <button
                type="button"
                class="stc-button stc-button--secondary stc-attention__show"
                on:click=move |_| {
                    page.set_open(Some(id.clone()));
                    let card = dom_id("stc-acc", &id);
                    request_animation_frame(move || {
                        if let Some(el) = element(&card) {
                            el.scroll_into_view();
                        }
                    });
                }
            >
                {move || i18n.t(Msg::NotBannerShow(handle.clone()))}
            </button>
        </li>
    }
}
