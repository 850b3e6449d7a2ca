//! The delete confirmation (ACC-6): a native `<dialog>` opened with `showModal()`, labelled by its
//! heading, that states the impact (streams that stop, rights requests no longer tracked, what
//! search uses instead) before anything is deleted. Closing it returns focus to the Delete
//! button; a failed delete stays in the dialog with the reason and a retry (FAIL-1).
//!
//! One dialog serves the whole page, so 1,000 cards do not carry 1,000 dialogs.

use api_types::Dependents;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{focus_later, use_page};
use crate::api::{Api, AppError};
use crate::components::dialog::Modal;
use crate::components::i18n::use_i18n;
use crate::components::states::{ErrorSlot, Skeleton};
use crate::domain::accounts::{dom_id, shown_name};
use crate::i18n::Msg;

#[component]
pub(super) fn DeleteDialog() -> impl IntoView {
    let i18n = use_i18n();
    let page = use_page();
    let api = expect_context::<Api>();
    let dialog = Modal::new();
    let impact = RwSignal::new(None::<Result<Dependents, AppError>>);
    let deleting = RwSignal::new(false);
    let error = RwSignal::new(None::<AppError>);
    let deleted = StoredValue::new(false);

    let load_impact = {
        let api = api.clone();
        move || {
            let Some(entry) = page.delete.get_untracked() else {
                return;
            };
            impact.set(None);
            let api = api.clone();
            let id = entry.id();
            spawn_local(async move {
                let result = api.dependents(&id).await;
                // Only if the dialog is still about this account.
                if page.alive()
                    && page
                        .delete
                        .try_get_untracked()
                        .flatten()
                        .is_some_and(|e| e.id() == id)
                {
                    impact.try_set(Some(result));
                }
            });
        }
    };

    {
        let load_impact = load_impact.clone();
        Effect::new(move |_| {
            if page.delete.get().is_some() {
                error.set(None);
                deleting.set(false);
                deleted.set_value(false);
                load_impact();
                if dialog.is_mounted() {
                    dialog.show();
                }
            }
        });
    }

    let close = move || dialog.close();
    let on_close = dialog.on_close(move || {
        let entry = page.delete.get_untracked();
        page.delete.set(None);
        impact.set(None);
        if let Some(entry) = entry {
            if !deleted.get_value() {
                // A11Y-1: back to the button that opened the dialog.
                focus_later(dom_id("stc-acc-delete", &entry.id()));
            }
        }
    });

    let impact_known = move || matches!(impact.get(), Some(Ok(_)));
    let confirm = {
        let api = api.clone();
        move || {
            if deleting.get_untracked() || !matches!(impact.get_untracked(), Some(Ok(_))) {
                return;
            }
            let Some(entry) = page.delete.get_untracked() else {
                return;
            };
            deleting.set(true);
            error.set(None);
            let api = api.clone();
            let id = entry.id();
            spawn_local(async move {
                let result = api.delete_account(&id).await;
                if !page.alive() {
                    return;
                }
                match result {
                    Ok(affected) => {
                        deleted.set_value(true);
                        page.remove(entry, affected.streams.len());
                        close();
                    }
                    Err(e) => {
                        error.try_set(Some(e));
                    }
                }
                deleting.try_set(false);
            });
        }
    };
    let retry_delete = {
        let confirm = confirm.clone();
        Callback::new(move |_| confirm())
    };
    let impact_error = Signal::derive(move || impact.get().and_then(|r| r.err()));
    let retry_impact = Callback::new(move |_| load_impact());

    let title = move || {
        page.delete
            .get()
            .map(|e| i18n.t(Msg::AccDeleteTitle(e.account.with(shown_name))))
            .unwrap_or_default()
    };
    let impact_view = move || match impact.get() {
        None => page
            .delete
            .get()
            .is_some()
            .then(|| view! { <Skeleton lines=3/> }.into_any()),
        Some(Err(_)) => None,
        Some(Ok(d)) => {
            let streams = Msg::AccDeleteStreams {
                count: u32::try_from(d.streams.len()).unwrap_or(u32::MAX),
                names: d
                    .streams
                    .iter()
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            };
            let rights = Msg::AccDeleteRights(d.open_rights_requests);
            let search = d
                .search_rank
                .map(|_| Msg::AccDeleteSearch(d.search_fallback.map(|f| f.handle)));
            Some(
                view! {
                    <ul class="stc-acc-impact">
                        <li>{move || i18n.t(&streams)}</li>
                        <li>{move || i18n.t(&rights)}</li>
                        {search.map(|m| view! { <li>{move || i18n.t(&m)}</li> })}
                    </ul>
                }
                .into_any(),
            )
        }
    };

    view! {
        <dialog
            node_ref=dialog.node_ref()
            class="stc-dialog stc-acc-delete-dialog"
            aria-labelledby="stc-acc-delete-title"
            aria-describedby="stc-acc-delete-impact"
            on:close=on_close
        >
            <h2 id="stc-acc-delete-title" class="stc-dialog__title">{title}</h2>
            <div id="stc-acc-delete-impact" class="stc-dialog__body">
                {impact_view}
                <ErrorSlot error=impact_error on_retry=retry_impact/>
                <p>{move || i18n.t(Msg::AccDeleteForever)}</p>
            </div>
            <ErrorSlot error=Signal::derive(move || error.get()) on_retry=retry_delete/>
            <div class="stc-dialog__actions">
                <button
                    type="button"
                    class="stc-button stc-button--danger"
                    aria-disabled=move || (deleting.get() || !impact_known()).then_some("true")
                    on:click=move |_| confirm()
                >
                    {move || deleting.get().then(|| view! { <span class="stc-spinner" aria-hidden="true"></span> })}
                    {move || i18n.t(if deleting.get() { Msg::AccDeleting } else { Msg::AccDeleteConfirm })}
                </button>
                <button
                    type="button"
                    class="stc-button stc-button--secondary"
                    autofocus
                    on:click=move |_| close()
                >
                    {move || i18n.t(Msg::AccCancel)}
                </button>
            </div>
        </dialog>
    }
}
