//! Library › Social Search (SHELL-2).

use leptos::prelude::*;

pub use crate::domain::routes::{ASSETS, INSTAGRAM_SEARCH};

use super::{NavLink, SectionHeader};
use crate::i18n::Msg;

// ---- Instagram search (issue 6)
pub mod instagram_search;
pub use instagram_search::InstagramSearchPage;

// ---- Saved assets and their rights (issue 7)
pub mod assets;
pub use assets::AssetsPage;

#[component]
pub fn LibraryLayout(children: Children) -> impl IntoView {
    view! {
        <SectionHeader title=Msg::TabLibrary>
            <NavLink path="/library/social-search" label=Msg::SocialSearch class="stc-subtabs__tab"/>
            <NavLink path=ASSETS label=Msg::SavedAssets class="stc-subtabs__tab"/>
        </SectionHeader>
        <div class="stc-content stc-content--wide">
            {children()}
        </div>
    }
}
