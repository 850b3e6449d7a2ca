//! The **Manually grant rights** tab (RR-8): a required note saying why, a warning that granting
//! states the brand holds the rights, and **Grant**. The note is kept like the message.

use std::sync::Arc;

use api_types::Post;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

use super::{store, Dialog};
use crate::api::AppError;
use crate::components::i18n::use_i18n;
use crate::components::icons::{CheckIcon, Spinner};
use crate::components::states::{ErrorNotice, WarningIcon};
use crate::domain::rights::note_problem;
use crate::i18n::Msg;

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Granted,
    Failed(AppError),
}

#[component]
pub(super) fn GrantTab(dialog: Dialog, post: Arc<Post>) -> impl IntoView {
    let i18n = use_i18n();
    let post_id = post.id.clone();
    let note = RwSignal::new(store::load(&post_id).note.unwrap_or_default());
    let granting = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let tried = RwSignal::new(false);
    let field = NodeRef::<html::Textarea>::new();
    {
        let post_id = post_id.clone();
        Effect::new(move |_| {
            let text = note.get();
            store::update(&post_id, |s| s.note = Some(text));
        });
    }
    let problem = Memo::new(move |_| note.with(|n| note_problem(n)));

    let grant = move || {
        if granting.get_untracked() {
            return;
        }
        if problem.with_untracked(Option::is_some) {
            tried.set(true);
            if let Some(f) = field.get_untracked() {
                let _ = f.focus();
            }
            return;
        }
        let Some(api) = dialog.api() else {
            return;
        };
        granting.set(true);
        outcome.set(None);
        let post_id = post_id.clone();
        let text = note.get_untracked();
        spawn_local_scoped(async move {
            match api.grant_rights(&post_id, &text).await {
                Ok(request) => {
                    note.try_set(String::new());
                    tried.try_set(false);
                    outcome.try_set(Some(Outcome::Granted));
                    dialog.changed(post_id, request.status);
                }
                Err(e) => {
                    outcome.try_set(Some(Outcome::Failed(e)));
                }
            }
            granting.try_set(false);
        });
    };
    let retry = {
        let grant = grant.clone();
        Callback::new(move |_| grant())
    };
    let invalid = move || tried.get() && problem.with(Option::is_some);

    view! {
        <div class="stc-rights-grant">
            <div class="stc-notice stc-notice--warning">
                <WarningIcon/>
                <p class="stc-notice__text" id="stc-rights-grant-warning">{move || i18n.t(Msg::RightsGrantWarning)}</p>
            </div>
            <div class="stc-field">
                <label class="stc-field__label" for="stc-rights-note">{move || i18n.t(Msg::RightsGrantNoteLabel)}</label>
                <p class="stc-field__hint" id="stc-rights-note-help">{move || i18n.t(Msg::RightsGrantNoteHelp)}</p>
                <textarea
                    id="stc-rights-note"
                    class="stc-input stc-textarea"
                    rows="3"
                    dir="auto"
                    required
                    node_ref=field
                    aria-describedby="stc-rights-note-help stc-rights-grant-warning stc-rights-note-error"
                    aria-invalid=move || invalid().then_some("true")
                    prop:value=move || note.get()
                    on:input=move |e: ev::Event| note.set(event_target_value(&e))
                ></textarea>
                <p class="stc-field__problem" id="stc-rights-note-error" role="alert">
                    {move || invalid().then(|| problem.with(|p| p.as_ref().map(|m| view! { <WarningIcon/>{i18n.t(m)} })))}
                </p>
            </div>
            <div class="stc-live" role="status">
                {move || match outcome.get() {
                    Some(Outcome::Granted) => Some(view! {
                        <div class="stc-notice stc-notice--success">
                            <CheckIcon/>
                            <p class="stc-notice__text">{move || i18n.t(Msg::RightsGranted)}</p>
                        </div>
                    }.into_any()),
                    _ => None,
                }}
            </div>
            <div class="stc-live" role="alert">
                {move || match outcome.get() {
                    Some(Outcome::Failed(error)) => Some(view! { <ErrorNotice error on_retry=retry/> }),
                    _ => None,
                }}
            </div>
            <div class="stc-dialog__actions">
                <button
                    type="button"
                    class="stc-button stc-button--primary stc-rights__grant"
                    aria-disabled=move || granting.get().then_some("true")
                    aria-busy=move || granting.get().then_some("true")
                    on:click=move |_| grant()
                >
                    {move || granting.get().then(|| view! { <Spinner/> })}
                    {move || i18n.t(if granting.get() { Msg::RightsGranting } else { Msg::RightsGrant })}
                </button>
            </div>
        </div>
    }
}
