//! Settings › Network Settings › Rights Management (RR-9): the rights accounts rights requests
//! are sent from, each with its linked social account (and that account's token state), whether
//! it is enabled and its network's default, the approval hashtag, the terms link and the default
//! message. Admins and Moderators edit them in a native `<dialog>` (`?edit=ID` or `?edit=new`
//! in the URL, SHELL-3); everyone else is told who can.
//!
//! Data flows one way: `api::` lists the rights accounts and social accounts, `domain::
//! rights_settings` checks the form and turns it into the request (RR-2's placeholder rules and
//! the network's count, before anything is sent), `domain::token::derive` gives each linked
//! account's state against the server clock.

use api_types::{RightsAccount, SocialAccount, SocialNetwork, Timestamp};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::api::api_resource;
use crate::api::{server_now, Api, AppError};
use crate::app::use_session;
use crate::components::counter::MessageCounter;
use crate::components::dialog::Modal;
use crate::components::format;
use crate::components::i18n::{use_i18n, I18n};
use crate::components::icons::{CheckIcon, InfoIcon, Spinner, TokenStateBadge};
use crate::components::states::{ErrorNotice, ErrorSlot, Skeleton, WarningIcon};
use crate::domain::accounts::{admin_names, dom_id, state_msg};
use crate::domain::rights_settings::{
    apply_saved, at, from_field_errors, problems, remaining, Field, Problem, RightsForm,
};
use crate::domain::token::{derive, TokenState};
use crate::domain::untrusted::safe_link;
use crate::i18n::Msg;
use crate::pages::settings::RIGHTS_MANAGEMENT;

/// The `edit` value that opens the form for a new rights account.
const NEW: &str = "new";
const ADD_BUTTON_ID: &str = "stc-rm-add";
const DIALOG_TITLE_ID: &str = "stc-rm-dialog-title";

fn focus_by_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The page. Only people with `manage_rights_settings` (Admins, Moderators) get the list and the
/// forms; a Curator reads why not and who to ask.
#[component]
pub fn RightsManagementPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // None: still loading; Some(None): the session failed (the shell says so); else the access.
    let access = Memo::new(move |_| {
        session.get().map(|r| {
            r.ok()
                .map(|s| (s.permissions.manage_rights_settings, admin_names(&s.admins)))
        })
    });
    let body = move || {
        match access.get() {
        None => view! { <Skeleton lines=4/> }.into_any(),
        Some(None) => ().into_any(),
        Some(Some((false, names))) => view! {
            <div class="stc-notice stc-notice--warning stc-rm-noaccess" role="note">
                <InfoIcon/>
                <div class="stc-notice__text">
                    <p class="stc-rm-noaccess__title"><strong>{move || i18n.t(Msg::RmNoAccessTitle)}</strong></p>
                    <p>{move || i18n.t(Msg::RmNoAccess(names.clone()))}</p>
                </div>
            </div>
        }
        .into_any(),
        Some(Some((true, _))) => view! { <Manager/> }.into_any(),
    }
    };
    view! {
        <section class="stc-page stc-rm" aria-labelledby="stc-page-title">
            <h2 id="stc-page-title" class="stc-page__title">{move || i18n.t(Msg::RightsManagement)}</h2>
            {body}
        </section>
    }
}

/// What the list and the dialog share; cheap to copy.
#[derive(Clone, Copy)]
struct Ctx {
    i18n: I18n,
    list: RwSignal<Option<Vec<RightsAccount>>>,
    accounts: Memo<Option<Vec<SocialAccount>>>,
    now: Memo<Option<Timestamp>>,
    /// The open form: an id, [`NEW`], or none (`?edit=` in the URL).
    editing: Memo<Option<String>>,
    set_editing: Callback<Option<String>>,
    /// Where focus goes when the dialog closes (A11Y-1).
    return_focus: StoredValue<Option<String>>,
    /// The form's dialog.
    dialog: Modal,
}

impl Ctx {
    fn social(&self, id: &str) -> Option<SocialAccount> {
        self.accounts
            .with(|a| a.as_ref()?.iter().find(|a| a.id == id).cloned())
    }

    fn state(&self, account: &SocialAccount) -> Option<TokenState> {
        self.now.get().map(|now| derive(&account.token, now))
    }

    fn open(&self, key: String, opener: String) {
        self.return_focus.set_value(Some(opener));
        if self.editing.get_untracked().as_deref() == Some(key.as_str()) {
            // The address still names this form: it was closed an instant ago (Escape, then Enter
            // at once on the button focus went back to) and the browser has not reported the
            // closing yet. Open it again as it is; the late report is then dropped (`Modal`).
            let editing = self.editing;
            self.dialog
                .show_next_frame(move || editing.get_untracked().is_some());
        } else {
            self.set_editing.run(Some(key));
        }
    }
}

#[component]
fn Manager() -> impl IntoView {
    let i18n = use_i18n();
    let api = expect_context::<Api>();
    let query = use_query_map();
    let navigate = use_navigate();

    let rights_res = api_resource(|api| async move { api.rights_accounts().await });
    let accounts_res = api_resource(|api| async move { api.accounts().await });
    // The last list that arrived stays on screen when a reload fails (FAIL-1).
    let list = RwSignal::new(None::<Vec<RightsAccount>>);
    Effect::new(move |_| {
        if let Some(Ok(l)) = rights_res.get() {
            list.set(Some(l));
        }
    });
    let accounts = Memo::new(move |_| accounts_res.get().and_then(|r| r.ok()));
    let now = Memo::new({
        let clock = api.clock;
        move |_| server_now(clock.get())
    });
    let list_error = Signal::derive(move || rights_res.get().and_then(|r| r.err()));
    let accounts_error = Signal::derive(move || accounts_res.get().and_then(|r| r.err()));

    let editing = Memo::new(move |_| {
        query
            .with(|q| q.get("edit"))
            .filter(|s| !s.trim().is_empty())
    });
    let set_editing = Callback::new(move |key: Option<String>| {
        let path = match key {
            Some(k) => format!(
                "{RIGHTS_MANAGEMENT}?edit={}",
                String::from(js_sys::encode_uri_component(&k))
            ),
            None => RIGHTS_MANAGEMENT.to_string(),
        };
        navigate(
            &path,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    });
    let ctx = Ctx {
        i18n,
        list,
        accounts,
        now,
        editing,
        set_editing,
        return_focus: StoredValue::new(None),
        dialog: Modal::new(),
    };
    let announce = RwSignal::new(None::<Msg>);

    let on_saved = Callback::new(move |(saved, added): (RightsAccount, bool)| {
        let name = saved.display_name.clone();
        ctx.return_focus
            .set_value(Some(dom_id("stc-rm-edit", &saved.id)));
        list.update(|l| {
            if let Some(l) = l {
                apply_saved(l, saved);
            }
        });
        announce.set(Some(if added {
            Msg::RmAdded(name)
        } else {
            Msg::RmSaved(name)
        }));
        rights_res.refetch();
    });

    #[derive(Clone, Copy, PartialEq)]
    enum Shape {
        Loading,
        Failed,
        Empty,
        Accounts,
    }
    let shape = Memo::new(
        move |_| match list.with(|l| l.as_ref().map(Vec::is_empty)) {
            Some(true) => Shape::Empty,
            Some(false) => Shape::Accounts,
            None if rights_res.with(Option::is_none) => Shape::Loading,
            None => Shape::Failed,
        },
    );
    let body = move || match shape.get() {
        Shape::Loading => view! { <Skeleton lines=5/> }.into_any(),
        Shape::Failed => ().into_any(),
        Shape::Empty => {
            view! { <p class="stc-rm__empty">{move || i18n.t(Msg::RmEmpty)}</p> }.into_any()
        }
        Shape::Accounts => view! {
            <ul class="stc-rm__list">
                <For
                    each=move || list.get().unwrap_or_default()
                    key=|a| a.id.clone()
                    let:account
                >
                    <RightsCard ctx id=account.id.clone()/>
                </For>
            </ul>
        }
        .into_any(),
    };

    view! {
        <p class="stc-rm__intro">{move || i18n.t(Msg::RmIntro)}</p>
        <div class="stc-rm__toolbar">
            <button
                type="button"
                id=ADD_BUTTON_ID
                class="stc-button stc-button--primary"
                aria-haspopup="dialog"
                on:click=move |_| ctx.open(NEW.to_string(), ADD_BUTTON_ID.to_string())
            >
                {move || i18n.t(Msg::RmAdd)}
            </button>
        </div>
        <div class="stc-live" role="status">
            {move || announce.with(|a| a.as_ref().map(|m| view! {
                <p class="stc-note stc-note--success"><CheckIcon/><span>{i18n.t(m)}</span></p>
            }))}
        </div>
        <ErrorSlot error=list_error on_retry=Callback::new(move |_| rights_res.refetch())/>
        <ErrorSlot error=accounts_error on_retry=Callback::new(move |_| accounts_res.refetch())/>
        {body}
        <EditDialog ctx on_saved accounts_res/>
    }
}

/// One rights account with all its settings (RR-9) and its Edit button.
#[component]
fn RightsCard(ctx: Ctx, id: String) -> impl IntoView {
    let i18n = ctx.i18n;
    let record = Memo::new({
        let id = id.clone();
        move |_| {
            ctx.list
                .with(|l| l.as_ref()?.iter().find(|a| a.id == id).cloned())
        }
    });
    let name_id = dom_id("stc-rm-name", &id);
    let edit_id = dom_id("stc-rm-edit", &id);
    let field = move |f: Field| move || i18n.t(Msg::RmField(f));
    let linked = move || {
        let ra = record.get()?;
        let loaded = ctx.accounts.with(Option::is_some);
        Some(match ctx.social(&ra.social_account_id) {
            Some(a) => {
                let state = ctx.state(&a);
                view! {
                    <span class="stc-rm-linked">
                        <span>{i18n.t(Msg::RmLinked { handle: a.handle.clone(), network: a.network })}</span>
                        {state.map(|state| view! {
                            <span class="stc-rm-linked__state">
                                <span class="stc-visually-hidden">{i18n.t(Msg::RmTokenLabel)}": "</span>
                                <TokenStateBadge state/>
                            </span>
                        })}
                    </span>
                }
                .into_any()
            }
            None if loaded => view! {
                <span class="stc-acc-state stc-acc-state--bad">
                    <WarningIcon/>
                    <span>{i18n.t(Msg::RmLinkedMissing)}</span>
                </span>
            }
            .into_any(),
            // The social accounts are still loading (or failed: the page says so).
            None => ().into_any(),
        })
    };
    let terms = move || {
        let url = record.get()?.terms_url;
        Some(match safe_link(&url) {
            Some(href) => {
                let href = href.to_string();
                let shown = href.clone();
                view! { <a href=href rel="noopener noreferrer">{shown}</a> }.into_any()
            }
            None => view! {
                <span class="stc-rm-card__unsafe">{url}" "{i18n.t(Msg::RmTermsNotLink)}</span>
            }
            .into_any(),
        })
    };
    let labelled_by = name_id.clone();
    let open_edit = {
        let id = id.clone();
        let edit_id = edit_id.clone();
        move |_| ctx.open(id.clone(), edit_id.clone())
    };
    view! {
        <li class="stc-rm-card" data-rights-account=id>
            <article aria-labelledby=labelled_by>
                <div class="stc-rm-card__head">
                    <h3 id=name_id class="stc-rm-card__name">{move || record.get().map(|r| r.display_name)}</h3>
                    <button
                        type="button"
                        id=edit_id
                        class="stc-button stc-button--secondary"
                        aria-haspopup="dialog"
                        on:click=open_edit
                    >
                        {move || i18n.t(Msg::RmEdit)}
                        <span class="stc-visually-hidden">" "{move || record.get().map(|r| r.display_name)}</span>
                    </button>
                </div>
                <dl class="stc-rm-facts">
                    <div>
                        <dt>{field(Field::SocialAccount)}</dt>
                        <dd>{linked}</dd>
                    </div>
                    <div>
                        <dt>{move || i18n.t(Msg::RmStatusLabel)}</dt>
                        <dd>{move || record.get().map(|r| i18n.t(if r.enabled { Msg::RmEnabledYes } else { Msg::RmEnabledNo }))}</dd>
                    </div>
                    <div>
                        <dt>{move || i18n.t(Msg::RmDefaultLabel)}</dt>
                        <dd class="stc-rm-card__default">
                            {move || record.get().map(|r| {
                                if r.is_default {
                                    view! { <span class="stc-rm-default"><CheckIcon/><span>{i18n.t(Msg::RmIsDefault(r.network))}</span></span> }.into_any()
                                } else {
                                    view! { <span>{i18n.t(Msg::RmNotDefault)}</span> }.into_any()
                                }
                            })}
                        </dd>
                    </div>
                    <div>
                        <dt>{field(Field::ApprovalHashtag)}</dt>
                        <dd>{move || record.get().map(|r| format!("#{}", r.approval_hashtag))}</dd>
                    </div>
                    <div>
                        <dt>{field(Field::TermsUrl)}</dt>
                        <dd class="stc-rm-card__terms">{terms}</dd>
                    </div>
                    <div class="stc-rm-facts__wide">
                        <dt>{field(Field::DefaultTemplate)}</dt>
                        <dd class="stc-rm-card__template">{move || record.get().map(|r| r.default_template)}</dd>
                    </div>
                </dl>
            </article>
        </li>
    }
}

/// The problems at one field, each in words with the warning icon.
#[component]
fn FieldProblems(id: String, shown: Memo<Vec<Problem>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div id=id class="stc-rm-form__problems">
            {move || shown.get().into_iter().map(|p| view! {
                <p class="stc-field__problem"><WarningIcon/><span>{i18n.t(Msg::RmProblem(p))}</span></p>
            }).collect_view()}
        </div>
    }
}

/// Add or edit a rights account (RR-9) in a native modal dialog labelled by its heading. What was
/// typed stays through every failure (FAIL-1..3): the dialog stays open with the form as it was.
#[component]
fn EditDialog(
    ctx: Ctx,
    on_saved: Callback<(RightsAccount, bool)>,
    accounts_res: LocalResource<Result<Vec<SocialAccount>, AppError>>,
) -> impl IntoView {
    let i18n = ctx.i18n;
    let api = expect_context::<Api>();
    let dialog = ctx.dialog;
    let form = RwSignal::new(RightsForm::default());
    // Which account the form holds (an id or NEW); None while closed.
    let form_for = RwSignal::new(None::<String>);
    // The API's refusals (422) of the last save.
    let server = RwSignal::new(Vec::<Problem>::new());
    // Once Save was pressed, problems follow what is typed (a fixed one goes away, a new account's
    // network changes the count); until then nobody is told off for a form they are filling in.
    let attempted = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        if !attempted.get() {
            return Vec::new();
        }
        let client = form.with(|f| {
            ctx.accounts
                .with(|a| problems(f, a.as_deref().unwrap_or_default()))
        });
        if client.is_empty() {
            server.get()
        } else {
            client
        }
    });
    let error = RwSignal::new(None::<AppError>);
    let busy = RwSignal::new(false);

    // Fill the form when a new account is opened (from a click or the URL), and open the dialog.
    Effect::new(move |_| {
        if !dialog.is_mounted() {
            return;
        }
        let Some(key) = ctx.editing.get() else {
            form_for.set(None);
            dialog.close();
            return;
        };
        if form_for.with_untracked(|f| f.as_deref() == Some(key.as_str())) {
            return;
        }
        let fresh = if key == NEW {
            let first = ctx
                .accounts
                .with(|a| a.as_ref().and_then(|a| a.first().map(|a| a.id.clone())));
            Some(RightsForm::blank(
                first.as_deref(),
                &i18n.t(Msg::RmNewTemplate),
            ))
        } else {
            match ctx.list.with(|l| {
                l.as_ref()
                    .map(|l| l.iter().find(|a| a.id == key).map(RightsForm::from_account))
            }) {
                // Not loaded yet: wait for the list.
                None => return,
                Some(Some(f)) => Some(f),
                // No such account (any more): nothing to edit.
                Some(None) => None,
            }
        };
        let Some(fresh) = fresh else {
            ctx.set_editing.run(None);
            return;
        };
        // What was typed before a reload (e.g. signing in again) wins over the saved values.
        let fresh = form_draft::load(&key).unwrap_or(fresh);
        form.set(fresh);
        server.set(Vec::new());
        attempted.set(false);
        error.set(None);
        busy.set(false);
        form_for.set(Some(key));
        if ctx.return_focus.get_value().is_none() {
            // Opened from the URL: focus goes back to the account's Edit button.
            let opener = match ctx.editing.get_untracked() {
                Some(k) if k != NEW => dom_id("stc-rm-edit", &k),
                _ => ADD_BUTTON_ID.to_string(),
            };
            ctx.return_focus.set_value(Some(opener));
        }
        dialog.show_next_frame(move || ctx.editing.get_untracked().is_some());
    });
    // A new account links the first social account once they are known.
    Effect::new(move |_| {
        let first = ctx
            .accounts
            .with(|a| a.as_ref().and_then(|a| a.first().map(|a| a.id.clone())));
        if form_for.get().as_deref() == Some(NEW)
            && form.with_untracked(|f| f.social_account_id.is_empty())
        {
            if let Some(first) = first {
                form.update(|f| f.social_account_id = first);
            }
        }
    });

    // Keep what is typed in the tab's session storage while it differs from what is saved, so a
    // reload (signing in again after the session ended) loses none of it (FAIL-1, FAIL-2).
    Effect::new(move |_| {
        let typed = form.get();
        let Some(key) = form_for.get() else { return };
        let saved = if key == NEW {
            None
        } else {
            ctx.list.with_untracked(|l| {
                l.as_ref()
                    .and_then(|l| l.iter().find(|a| a.id == key).map(RightsForm::from_account))
            })
        };
        if saved.as_ref() == Some(&typed) {
            form_draft::clear(&key);
        } else {
            form_draft::keep(&key, &typed);
        }
    });

    let on_close = dialog.on_close(move || {
        // Closed (saved, cancelled or Escape): the draft has served its purpose.
        if let Some(key) = form_for.get_untracked() {
            form_draft::clear(&key);
        }
        ctx.set_editing.run(None);
        if let Some(id) = ctx.return_focus.get_value() {
            ctx.return_focus.set_value(None);
            request_animation_frame(move || focus_by_id(&id));
        }
    });
    let cancel = move |_| dialog.close();

    let selected_id = Memo::new(move |_| form.with(|f| f.social_account_id.clone()));
    let linked = Memo::new(move |_| ctx.social(&selected_id.get()));
    let network = Memo::new(move |_| linked.with(|a| a.as_ref().map(|a| a.network)));

    let field_id = |f: Field| format!("stc-rm-{}", f.api_name().replace('_', "-"));
    let problems_id = |f: Field| format!("stc-rm-{}-problems", f.api_name().replace('_', "-"));
    let problems_at = move |f: Field| Memo::new(move |_| shown.with(|s| at(s, f)));
    let invalid = move |f: Field| {
        move || {
            shown
                .with(|s| s.iter().any(|p| p.field() == f))
                .then_some("true")
        }
    };
    let focus_first_problem = move || {
        if let Some(f) = shown.with_untracked(|s| s.first().map(Problem::field)) {
            let id = field_id(f);
            request_animation_frame(move || focus_by_id(&id));
        }
    };

    let submit = Callback::new(move |()| {
        if busy.get_untracked() {
            return;
        }
        let Some(key) = form_for.get_untracked() else {
            return;
        };
        let f = form.get_untracked();
        let client = ctx
            .accounts
            .with_untracked(|a| problems(&f, a.as_deref().unwrap_or_default()));
        error.set(None);
        if !client.is_empty() {
            // RR-2: named before anything is sent.
            server.set(Vec::new());
            attempted.set(true);
            focus_first_problem();
            return;
        }
        server.set(Vec::new());
        attempted.set(true);
        busy.set(true);
        let input = f.to_input();
        let net = network.get_untracked();
        let api = api.clone();
        spawn_local(async move {
            let added = key == NEW;
            let result = if added {
                api.create_rights_account(&input).await
            } else {
                api.update_rights_account(&key, &input).await
            };
            busy.try_set(false);
            match result {
                Ok(saved) => {
                    on_saved.run((saved, added));
                    dialog.close();
                }
                Err(AppError::Validation(fields)) => {
                    let p = from_field_errors(&fields, net);
                    if p.is_empty() {
                        error.try_set(Some(AppError::Validation(fields)));
                    } else {
                        server.try_set(p);
                        focus_first_problem();
                    }
                }
                Err(e) => {
                    error.try_set(Some(e));
                }
            }
        });
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submit.run(());
    };

    let title = move || {
        let key = form_for.get()?;
        Some(if key == NEW {
            i18n.t(Msg::RmAddTitle)
        } else {
            let name = ctx.list.with(|l| {
                l.as_ref()
                    .and_then(|l| {
                        l.iter()
                            .find(|a| a.id == key)
                            .map(|a| a.display_name.clone())
                    })
                    .unwrap_or_default()
            });
            i18n.t(Msg::RmEditTitle(name))
        })
    };

    let text_input = move |f: Field,
                           get: fn(&RightsForm) -> String,
                           set: fn(&mut RightsForm, String),
                           help: Option<Msg>,
                           extra: &'static str| {
        let id = field_id(f);
        let pid = problems_id(f);
        let hid = format!("{id}-help");
        let described = match &help {
            Some(_) => format!("{hid} {pid}"),
            None => pid.clone(),
        };
        view! {
            <div class="stc-field stc-rm-form__field">
                <label class="stc-field__label" for=id.clone()>{move || i18n.t(Msg::RmField(f))}</label>
                <input
                    id=id
                    class=format!("stc-input {extra}")
                    type="text"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || form.with(get)
                    aria-invalid=invalid(f)
                    aria-describedby=described
                    on:input=move |ev| form.update(|v| set(v, event_target_value(&ev)))
                />
                {help.map(|m| view! { <p id=hid class="stc-field__hint">{move || i18n.t(&m)}</p> })}
                <FieldProblems id=pid shown=problems_at(f)/>
            </div>
        }
    };

    let account_select = move || {
        let f = Field::SocialAccount;
        let id = field_id(f);
        let pid = problems_id(f);
        let sid = format!("{id}-state");
        view! {
            <div class="stc-field stc-rm-form__field">
                <label class="stc-field__label" for=id.clone()>{move || i18n.t(Msg::RmField(f))}</label>
                <select
                    id=id
                    class="stc-select"
                    aria-invalid=invalid(f)
                    aria-describedby=format!("{sid} {pid}")
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        form.update(|f| f.social_account_id = v);
                    }
                >
                    {move || selected_id.with(String::is_empty).then(|| view! {
                        <option value="" selected=true disabled=true>{i18n.t(Msg::RmChooseAccount)}</option>
                    })}
                    {move || {
                        let selected = selected_id.get();
                        let mut list = ctx.accounts.get().unwrap_or_default();
                        // A linked account that no longer exists stays visible as it is.
                        let missing = !selected.is_empty() && !list.iter().any(|a| a.id == selected);
                        let current = missing.then(|| view! {
                            <option value=selected.clone() selected=true>{i18n.t(Msg::RmLinkedMissing)}</option>
                        });
                        list.sort_by_key(|a| (network_order(a.network), a.position));
                        let options = list.into_iter().map(|a| {
                            let label = i18n.t(Msg::RmAccountOption {
                                handle: a.handle.clone(),
                                network: a.network,
                                state: Box::new(
                                    ctx.state(&a)
                                        .map(|s| {
                                            let locale = i18n.lang();
                                            state_msg(s, |t| format::date(t, locale))
                                        })
                                        .unwrap_or(Msg::Loading),
                                ),
                            });
                            let is = a.id == selected;
                            view! { <option value=a.id.clone() selected=is>{label}</option> }
                        }).collect_view();
                        view! { {current}{options} }
                    }}
                </select>
                <p id=sid class="stc-field__hint stc-rm-form__state">
                    {move || linked.get().and_then(|a| ctx.state(&a)).map(|state| view! {
                        <span class="stc-visually-hidden">{i18n.t(Msg::RmTokenLabel)}": "</span>
                        <TokenStateBadge state/>
                    })}
                </p>
                {move || ctx.accounts.with(Option::is_none).then(|| match accounts_res.get() {
                    Some(Err(e)) => view! {
                        <div class="stc-notice stc-notice--error">
                            <WarningIcon/>
                            <p class="stc-notice__text">{i18n.t(Msg::RmAccountsFailed)}" "{i18n.t(e.message())}</p>
                            <button type="button" class="stc-button stc-button--secondary" on:click=move |_| accounts_res.refetch()>
                                {i18n.t(Msg::Retry)}
                            </button>
                        </div>
                    }.into_any(),
                    _ => view! { <Skeleton lines=1/> }.into_any(),
                })}
                <FieldProblems id=pid shown=problems_at(f)/>
            </div>
        }
    };

    let template_field = move || {
        let f = Field::DefaultTemplate;
        let id = field_id(f);
        let pid = problems_id(f);
        let cid = format!("{id}-counter");
        let hid = format!("{id}-help");
        let left = Memo::new(move |_| {
            let n = network.get()?;
            Some((n, form.with(|f| remaining(n, &f.default_template))))
        });
        view! {
            <div class="stc-field stc-rm-form__field">
                <label class="stc-field__label" for=id.clone()>{move || i18n.t(Msg::RmField(f))}</label>
                <div id=hid.clone() class="stc-field__hint stc-rm-placeholders">
                    <p>{move || i18n.t(Msg::RmPlaceholdersIntro)}</p>
                    <ul>
                        {api_types::message::PLACEHOLDERS.into_iter().map(|p| view! {
                            <li><code>{format!("{{{p}}}")}</code>": "{move || i18n.t(Msg::RmPlaceholder(p))}</li>
                        }).collect_view()}
                    </ul>
                </div>
                <textarea
                    id=id
                    class="stc-input stc-rm-form__template"
                    rows="4"
                    spellcheck="true"
                    prop:value=move || form.with(|f| f.default_template.clone())
                    aria-invalid=invalid(f)
                    aria-describedby=format!("{hid} {cid} {pid}")
                    on:input=move |ev| form.update(|v| v.default_template = event_target_value(&ev))
                ></textarea>
                <MessageCounter id=cid left=left.into()/>
                <FieldProblems id=pid shown=problems_at(f)/>
            </div>
        }
    };

    let checkbox = move |label: Signal<String>,
                         get: fn(&RightsForm) -> bool,
                         set: fn(&mut RightsForm, bool),
                         id: &'static str| {
        view! {
            <div class="stc-rm-form__check">
                <input
                    id=id
                    type="checkbox"
                    prop:checked=move || form.with(get)
                    on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        form.update(|f| set(f, checked));
                    }
                />
                <label for=id>{move || label.get()}</label>
            </div>
        }
    };

    let summary = move || {
        let s = shown.get();
        (!s.is_empty()).then(|| {
            let n = u32::try_from(s.len()).unwrap_or(u32::MAX);
            view! {
                <div class="stc-notice stc-notice--error stc-rm-summary">
                    <WarningIcon/>
                    <div class="stc-notice__text">
                        <p>{i18n.t(Msg::RmNotSaved)}" "{i18n.t(Msg::RmSummary(n))}</p>
                        <ul>
                            {s.into_iter().map(|p| {
                                let f = p.field();
                                view! { <li>{i18n.t(Msg::RmField(f))}": "{i18n.t(Msg::RmProblem(p))}</li> }
                            }).collect_view()}
                        </ul>
                    </div>
                </div>
            }
        })
    };
    let failure = move || {
        error.get().map(|e| {
            view! {
                <div class="stc-rm-failure">
                    <p class="stc-rm-failure__kept">{i18n.t(Msg::RmNotSaved)}</p>
                    <ErrorNotice error=e on_retry=submit/>
                </div>
            }
        })
    };

    let body = move || {
        form_for.get().map(|_| {
            view! {
                <h2 id=DIALOG_TITLE_ID class="stc-dialog__title">{title}</h2>
                <form class="stc-rm-form" on:submit=on_submit novalidate>
                    {text_input(Field::DisplayName, |f| f.display_name.clone(), |f, v| f.display_name = v, None, "stc-rm-form__name")}
                    {account_select()}
                    {checkbox(Signal::derive(move || i18n.t(Msg::RmFieldEnabled)), |f| f.enabled, |f, v| f.enabled = v, "stc-rm-enabled")}
                    {text_input(Field::ApprovalHashtag, |f| f.approval_hashtag.clone(), |f, v| f.approval_hashtag = v, Some(Msg::RmHashtagHelp), "")}
                    {text_input(Field::TermsUrl, |f| f.terms_url.clone(), |f, v| f.terms_url = v, Some(Msg::RmTermsHelp), "")}
                    {template_field()}
                    {checkbox(Signal::derive(move || i18n.t(Msg::RmFieldDefault(network.get()))), |f| f.is_default, |f, v| f.is_default = v, "stc-rm-default")}
                    // Where Save is: the summary and any failure, announced as they appear.
                    <div class="stc-live" role="alert">{summary}{failure}</div>
                    <div class="stc-dialog__actions">
                        <button
                            type="submit"
                            class="stc-button stc-button--primary"
                            aria-disabled=move || busy.get().then_some("true")
                        >
                            {move || busy.get().then(|| view! { <Spinner/> })}
                            {move || i18n.t(if busy.get() { Msg::RmSaving } else { Msg::RmSave })}
                        </button>
                        <button type="button" class="stc-button stc-button--secondary" on:click=cancel>
                            {move || i18n.t(Msg::Cancel)}
                        </button>
                    </div>
                </form>
            }
        })
    };

    view! {
        <dialog node_ref=dialog.node_ref() class="stc-dialog stc-rm-dialog" aria-labelledby=DIALOG_TITLE_ID on:close=on_close>
            {body}
        </dialog>
    }
}

/// Twitter, Instagram, Instagram Business: the order of the Social Accounts page.
fn network_order(n: SocialNetwork) -> usize {
    SocialNetwork::ALL
        .iter()
        .position(|x| *x == n)
        .unwrap_or(usize::MAX)
}

/// The edit form as typed, per rights account (or `new`), in the tab's session storage. Storage
/// that is full or switched off only means nothing is kept.
mod form_draft {
    use crate::domain::rights_settings::RightsForm;

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok().flatten()
    }

    fn key(id: &str) -> String {
        format!("stc-rm-form:{id}")
    }

    pub(super) fn load(id: &str) -> Option<RightsForm> {
        storage()
            .and_then(|s| s.get_item(&key(id)).ok().flatten())
            .and_then(|json| serde_json::from_str(&json).ok())
    }

    pub(super) fn keep(id: &str, form: &RightsForm) {
        if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(form)) {
            let _ = s.set_item(&key(id), &json);
        }
    }

    pub(super) fn clear(id: &str) {
        if let Some(s) = storage() {
            let _ = s.remove_item(&key(id));
        }
    }
}
