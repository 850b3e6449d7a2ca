//! Library › Social Search (SHELL-2).

use leptos::prelude::*;
use leptos_router::components::Outlet;

use super::{NavLink, SectionHeader};
use crate::components::states::NotBuilt;
use crate::i18n::Msg;

pub const INSTAGRAM_SEARCH: &str = "/library/social-search/instagram";

#[component]
pub fn LibraryLayout() -> impl IntoView {
    view! {
        <SectionHeader title=Msg::TabLibrary>
            <NavLink path="/library/social-search" label=Msg::SocialSearch class="stc-subtabs__tab"/>
        </SectionHeader>
        <div class="stc-content">
            <Outlet/>
        </div>
    }
}

#[component]
pub fn InstagramSearchPage() -> impl IntoView {
    view! { <NotBuilt title=Msg::Instagram/> }
}
