//! Settings › Network Settings, with its left navigation (SHELL-2).

use leptos::prelude::*;

pub use crate::domain::routes::{RIGHTS_MANAGEMENT, SOCIAL_ACCOUNTS};

use super::{NavLink, SectionHeader};
use crate::components::i18n::use_i18n;
use crate::i18n::Msg;

#[component]
pub fn SettingsLayout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <SectionHeader title=Msg::TabSettings>
            <NavLink path="/settings/network" label=Msg::NetworkSettings class="stc-subtabs__tab"/>
        </SectionHeader>
        <div class="stc-with-sidenav">
            <nav class="stc-sidenav" aria-label=move || i18n.t(Msg::SettingsNavigation)>
                <ul>
                    <li><NavLink path=RIGHTS_MANAGEMENT label=Msg::RightsManagement class="stc-sidenav__link"/></li>
                    <li><NavLink path=SOCIAL_ACCOUNTS label=Msg::SocialAccounts class="stc-sidenav__link"/></li>
                </ul>
            </nav>
            <div class="stc-with-sidenav__content">
                {children()}
            </div>
        </div>
    }
}

pub use super::rights_management::RightsManagementPage;
pub use super::social_accounts::SocialAccountsPage;
