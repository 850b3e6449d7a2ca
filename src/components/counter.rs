//! How many characters a message has left, as its network counts them (RR-2): under the message
//! of a rights request and under a rights account's default message. One view for both, so the
//! two say the same thing in the same words.

use api_types::SocialNetwork;
use leptos::prelude::*;

use crate::components::format;
use crate::components::i18n::use_i18n;
use crate::components::states::WarningIcon;
use crate::i18n::Msg;

/// "2,179 characters remaining · Instagram allows 2,200.", or how many too many (with the
/// warning triangle, not colour alone). Empty, and not shown, while `left` is `None`.
#[component]
pub fn MessageCounter(
    /// The paragraph's id, for the text field's `aria-describedby`.
    id: String,
    /// The network whose limit applies, and the characters left (negative: over it).
    left: Signal<Option<(SocialNetwork, i64)>>,
    /// Aligned to the end of the field (the Rights options dialog) rather than its start.
    #[prop(optional)]
    end: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p
            id=id
            class="stc-counter"
            class:stc-counter--end=end
            class:stc-counter--over=move || left.get().is_some_and(|(_, l)| l < 0)
        >
            {move || left.get().map(|(network, l)| view! {
                {(l < 0).then(|| view! { <WarningIcon/> })}
                <span class="stc-counter__count">
                    {i18n.t(Msg::CharsLeft { left: l, shown: format::number(l.unsigned_abs(), i18n.lang()) })}
                </span>
                " "
                <span class="stc-counter__note">{i18n.t(Msg::CharsLimitNote(network))}</span>
            })}
        </p>
    }
}
