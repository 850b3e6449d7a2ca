//! Streams (STR).

use leptos::prelude::*;

use super::SectionHeader;
use crate::components::states::NotBuilt;
use crate::i18n::Msg;

#[component]
pub fn StreamsPage() -> impl IntoView {
    view! {
        <SectionHeader title=Msg::TabStreams>{()}</SectionHeader>
        <div class="stc-content">
            <NotBuilt title=Msg::TabStreams/>
        </div>
    }
}
