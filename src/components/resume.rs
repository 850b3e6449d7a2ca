//! OAUTH-3 "Continue in this tab" on screens whose Refresh Token buttons live in passing places:
//! the search's token popups and the Rights options dialog (on the search and on Saved assets).
//! The authorization comes back to the screen's own address, query included, so the search the
//! person was looking at comes back with it. From a token popup, this says at the top of the
//! screen how the authorization ended and for which account; from the Rights options dialog
//! (`rights=` names the post) the dialog opens again and says it there (components::rights).
//!
//! Social Accounts and Streams show the outcome at the account's own card or stream instead.

use api_types::{AccountRef, SocialAccount};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::refresh::{Finished, RefreshFeedback, Refresher};
use super::states::ErrorSlot;
use crate::config::Config;

/// The query parameter the API adds to `return_to` after a same-tab authorization.
pub const STATE_PARAM: &str = "oauth_state";
/// The post whose Rights options dialog the authorization started from (`return_to` carries it;
/// the dialog opens again, with what was typed in it).
pub const RIGHTS_PARAM: &str = "rights";

/// Reads `?oauth_state=` once, takes it and [`RIGHTS_PARAM`] out of the address (a reload must
/// not say it again) and, unless the Rights options dialog takes it over, shows how that
/// authorization ended. `path` is the screen's in-app path. `accounts` names the account of a
/// flow that failed (a successful one carries it); a screen whose only Refresh Token is in the
/// dialog leaves it out.
#[component]
pub fn ResumedAuthorization(
    path: &'static str,
    #[prop(optional, into)] accounts: Option<Signal<Option<Vec<SocialAccount>>>>,
    #[prop(optional)] on_refreshed: Option<Callback<SocialAccount>>,
) -> impl IntoView {
    let config = expect_context::<Config>();
    let query = use_query_map();
    let outcome = RwSignal::new(None::<Finished>);
    let refresher = Refresher::new(
        config.href(path),
        Callback::new(move |done: Finished| {
            if let (Some(account), Some(cb)) = (done.account.clone(), on_refreshed) {
                cb.run(account);
            }
            outcome.set(Some(done));
        }),
    );

    // A flow from the Rights options dialog (`rights=`) is the dialog's to say.
    let from_dialog = query.with_untracked(|q| q.get(RIGHTS_PARAM).is_some());
    on_authorization_return(path, move |state| {
        if !from_dialog {
            refresher.resume(state);
        }
    });

    // The account the flow was for, as the screen knows it.
    let account = Memo::new(move |_| {
        let done = outcome.get()?;
        let known = accounts.and_then(|list| {
            list.with(|l| {
                l.as_ref()?
                    .iter()
                    .find(|a| a.id == done.key)
                    .map(account_ref)
            })
        });
        known.or_else(|| done.account.as_ref().map(account_ref))
    });
    let resume_error = Signal::derive(move || refresher.resume_error.get().map(|(e, _)| e));
    let retry = Callback::new(move |_| refresher.retry_resume());
    view! {
        <div class="stc-resumed">
            <ErrorSlot error=resume_error on_retry=retry/>
            {move || account.get().map(|account| view! { <RefreshFeedback refresher account/> })}
        </div>
    }
}

fn account_ref(a: &SocialAccount) -> AccountRef {
    AccountRef {
        id: a.id.clone(),
        network: a.network,
        handle: a.handle.clone(),
    }
}

/// Calls `resume` once with the `oauth_state` the screen at `path` was opened with (OAUTH-3),
/// and takes it and [`RIGHTS_PARAM`] out of the address, so that a reload does not say the
/// outcome again. The rest of the address (a search's query) stays.
pub fn on_authorization_return(path: &'static str, resume: impl Fn(String) + 'static) {
    let query = use_query_map();
    let navigate = use_navigate();
    let resumed = StoredValue::new(None::<String>);
    Effect::new(move |_| {
        let Some(state) = query.with(|q| q.get(STATE_PARAM)).filter(|s| !s.is_empty()) else {
            return;
        };
        if resumed.get_value().as_deref() == Some(state.as_str()) {
            return;
        }
        resumed.set_value(Some(state.clone()));
        resume(state);
        let rest = query.with_untracked(|q| {
            let mut q = q.clone();
            q.remove(STATE_PARAM);
            q.remove(RIGHTS_PARAM);
            q.to_query_string()
        });
        navigate(
            &format!("{path}{rest}"),
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    });
}
