//! English catalog. One arm per message: the compiler rejects a missing one.

use std::borrow::Cow;

use super::{Msg, Msg2};

pub fn text(msg: &Msg) -> Cow<'static, str> {
    use Msg::*;
    Cow::Borrowed(match msg {
        ProductName => "Livefyre",
        SkipToContent => "Skip to content",
        MainNavigation => "Console",
        TabLibrary => "Library",
        TabStreams => "Streams",
        TabSettings => "Settings",
        NetworkSettings => "Network Settings",
        SettingsNavigation => "Network settings sections",
        RightsManagement => "Rights Management",
        SocialAccounts => "Social Accounts",
        SocialSearch => "Social Search",
        Instagram => "Instagram",
        NotificationsUnread(0) => "Notifications, none unread",
        NotificationsUnread(n) => return format!("Notifications, {n} unread").into(),
        SignedInAs { name, role } => {
            return format!("Signed in as {name} ({})", word(*role)).into()
        }
        NetworkLabel(name) => return format!("Network: {name}").into(),
        Language => "Language",
        FooterHelp => "Help",
        FooterTerms => "Terms of Use",
        FooterPrivacy => "Privacy Policy",
        Loading => "Loading…",
        NotBuiltYet => "Not built yet",
        NotBuiltYetBody => "This screen has its place in the console but is not built yet.",
        NotFoundTitle => "Page not found",
        NotFoundBody => "There is no page at this address. It may have moved, or the link is incomplete.",
        NotFoundBack => "Go to Social Accounts",
        Retry => "Try again",
        SignIn => "Sign in",
        ConfigInvalidTitle => "The console could not start",
        ConfigInvalidBody(detail) => {
            return format!("Its configuration is missing or wrong: {detail}").into()
        }
        ErrOffline => "The console could not reach the server. Check your connection and try again.",
        ErrTimeout => "The server took too long to answer. Try again in a moment.",
        ErrSessionEnded => "You are not signed in to the console, or your session has ended. Sign in to continue; nothing you typed here is lost.",
        ErrForbidden => "Your role does not allow this. Ask a network admin.",
        ErrNotFound => "This item no longer exists. It may have been deleted by someone else.",
        ErrConflict => "Someone changed this at the same time. Reload to see the latest, then try again.",
        ErrValidation => "Some of what was entered is not valid. Check the highlighted fields.",
        ErrRateLimited => "The social network's rate limit was reached. This is not an expired token; try again later.",
        ErrTokenExpired => "The token of this social account has expired. Refresh the token to use it again.",
        ErrTokenRevoked => "This social account needs to be authorized again. Refresh the token to reconnect it.",
        ErrIdentityMismatch => "A different account was authorized than the one being refreshed. Nothing was changed.",
        ErrPayloadTooLarge => "That is too much text to send at once. Shorten it and try again.",
        ErrServer => "The server had a problem. This is temporary and does not change any token. Try again.",
        ErrUndecodable => "The server sent an answer the console could not read. Try again.",
        ErrUnexpected(status) => {
            return format!("The server answered unexpectedly (HTTP {status}). Try again.").into()
        }
    })
}

pub fn word(w: Msg2) -> &'static str {
    match w {
        Msg2::RoleAdmin => "Admin",
        Msg2::RoleModerator => "Moderator",
        Msg2::RoleCurator => "Curator",
    }
}
