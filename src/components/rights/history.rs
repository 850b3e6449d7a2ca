//! The post's **Activity History** (RR-6): requests, replies, status changes, grants, notes and
//! errors, oldest first, with who and when; "There is no past activity to display" when empty.
//! Replies and messages are untrusted text.

use leptos::prelude::*;

use super::Dialog;
use crate::components::format;
use crate::components::i18n::use_i18n;
use crate::components::states::{ErrorNotice, Skeleton};
use crate::domain::rights::activity_msg;
use crate::i18n::Msg;

#[component]
pub(super) fn History(dialog: Dialog, post_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let list = move || {
        let result = dialog.activity.get();
        Some(match result {
            None => view! { <Skeleton lines=2/> }.into_any(),
            Some(Err(error)) => {
                let post_id = post_id.clone();
                view! { <ErrorNotice error on_retry=Callback::new(move |_| dialog.load_history(post_id.clone()))/> }.into_any()
            }
            Some(Ok(entries)) if entries.is_empty() => {
                view! { <p class="stc-activity__empty">{move || i18n.t(Msg::ActivityEmpty)}</p> }
                    .into_any()
            }
            Some(Ok(entries)) => {
                let items = entries
                    .into_iter()
                    .map(|entry| {
                        let what = activity_msg(&entry, |id| dialog.account_name(id));
                        let who = match entry.actor.as_ref() {
                            Some(p) => Msg::ActivityBy(p.name.clone()),
                            None => Msg::ActivityBySystem,
                        };
                        let at = entry.at;
                        let text = entry.text.clone().filter(|t| !t.trim().is_empty());
                        view! {
                            <li class="stc-activity__item">
                                <p class="stc-activity__line">
                                    <strong><bdi>{move || i18n.t(&what)}</bdi></strong>
                                    " "
                                    <span class="stc-activity__who"><bdi>{move || i18n.t(&who)}</bdi></span>
                                    " · "
                                    <time datetime=format::iso(at)>{move || format::date_time(at, i18n.lang())}</time>
                                </p>
                                {text.map(|t| view! { <p class="stc-activity__text" dir="auto">{t}</p> })}
                            </li>
                        }
                    })
                    .collect_view();
                view! { <ol class="stc-activity__list">{items}</ol> }.into_any()
            }
        })
    };
    view! {
        <section class="stc-activity" aria-labelledby="stc-activity-title">
            <h3 id="stc-activity-title" class="stc-activity__title">{move || i18n.t(Msg::ActivityHeading)}</h3>
            <div aria-live="polite">{list}</div>
        </section>
    }
}
