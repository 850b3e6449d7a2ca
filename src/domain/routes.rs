//! The console's addresses and what each one shows (SHELL-1..3): the route table, as data.
//!
//! `pages::routes` draws the screen this table names for the browser's address. Kept apart from
//! the view so the table is tested natively.

/// Settings › Network Settings › Social Accounts, where the console opens.
pub const SOCIAL_ACCOUNTS: &str = "/settings/network/social-accounts";
pub const RIGHTS_MANAGEMENT: &str = "/settings/network/rights-management";
pub const INSTAGRAM_SEARCH: &str = "/library/social-search/instagram";
pub const ASSETS: &str = "/library/assets";
pub const STREAMS: &str = "/streams";

/// Social Accounts' query parameter naming the account whose card is open: links from the bell,
/// the return from a refresh in this tab, a reload.
pub const ACCOUNT_PARAM: &str = "account";

/// The query that opens `account_id`'s card on Social Accounts (`account=...`).
pub fn account_query(account_id: &str) -> String {
    format!(
        "{ACCOUNT_PARAM}={}",
        crate::domain::search::encode_component(account_id)
    )
}

/// Social Accounts with `account_id`'s card open.
pub fn account_path(account_id: &str) -> String {
    format!("{SOCIAL_ACCOUNTS}?{}", account_query(account_id))
}

/// A screen of the console.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    SocialAccounts,
    RightsManagement,
    InstagramSearch,
    Assets,
    Streams,
    NotFound,
}

/// The band and navigation a screen is drawn under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Settings,
    Library,
    Streams,
    /// The not-found page has no section.
    None,
}

impl Screen {
    pub fn section(self) -> Section {
        match self {
            Screen::SocialAccounts | Screen::RightsManagement => Section::Settings,
            Screen::InstagramSearch | Screen::Assets => Section::Library,
            Screen::Streams => Section::Streams,
            Screen::NotFound => Section::None,
        }
    }
}

/// What an address leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Screen(Screen),
    /// An address that names a section or the console itself: its first screen, in place of the
    /// address in the history, so Back does not lead to it again.
    Redirect(&'static str),
}

/// The place of a path below the app's base path (`/settings/network/social-accounts`). A
/// trailing slash is ignored, as the router ignored it.
pub fn place(path: &str) -> Place {
    let trimmed = path.trim_end_matches('/');
    let screen = match trimmed {
        "" | "/settings" | "/settings/network" => return Place::Redirect(SOCIAL_ACCOUNTS),
        "/library" | "/library/social-search" => return Place::Redirect(INSTAGRAM_SEARCH),
        SOCIAL_ACCOUNTS => Screen::SocialAccounts,
        RIGHTS_MANAGEMENT => Screen::RightsManagement,
        INSTAGRAM_SEARCH => Screen::InstagramSearch,
        ASSETS => Screen::Assets,
        STREAMS => Screen::Streams,
        _ => Screen::NotFound,
    };
    Place::Screen(screen)
}

/// The screen a link to `path` (below the base path) ends on, a redirect followed.
pub fn screen_of(path: &str) -> Screen {
    match place(path) {
        Place::Screen(screen) => screen,
        Place::Redirect(to) => match place(to) {
            Place::Screen(screen) => screen,
            Place::Redirect(_) => Screen::NotFound,
        },
    }
}

/// The place of the browser's path (which includes the base path, EMB-1). A path outside the
/// base is not the console's.
pub fn place_under(base: &str, pathname: &str) -> Place {
    match pathname.strip_prefix(base) {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => place(rest),
        _ => Place::Screen(Screen::NotFound),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_2_every_screen_has_its_address_and_section() {
        let table = [
            (SOCIAL_ACCOUNTS, Screen::SocialAccounts, Section::Settings),
            (
                RIGHTS_MANAGEMENT,
                Screen::RightsManagement,
                Section::Settings,
            ),
            (INSTAGRAM_SEARCH, Screen::InstagramSearch, Section::Library),
            (ASSETS, Screen::Assets, Section::Library),
            (STREAMS, Screen::Streams, Section::Streams),
        ];
        for (path, screen, section) in table {
            assert_eq!(place(path), Place::Screen(screen), "{path}");
            assert_eq!(place(&format!("{path}/")), Place::Screen(screen), "{path}/");
            assert_eq!(screen.section(), section, "{path}");
        }
    }

    #[test]
    fn shell_3_an_account_link_opens_social_accounts_on_that_account() {
        let link = account_path("ig/brand 1&x=é");
        assert_eq!(
            link,
            "/settings/network/social-accounts?account=ig%2Fbrand%201%26x%3D%C3%A9"
        );
        let (path, query) = link.split_once('?').unwrap_or_default();
        assert_eq!(screen_of(path), Screen::SocialAccounts);
        assert!(query.starts_with(&format!("{ACCOUNT_PARAM}=")));
        assert_eq!(
            query.matches('=').count(),
            1,
            "the id cannot add a parameter"
        );
    }

    #[test]
    fn shell_2_a_section_leads_to_its_first_screen() {
        for path in ["", "/", "/settings", "/settings/", "/settings/network"] {
            assert_eq!(place(path), Place::Redirect(SOCIAL_ACCOUNTS), "{path:?}");
        }
        for path in [
            "/library",
            "/library/social-search",
            "/library/social-search/",
        ] {
            assert_eq!(place(path), Place::Redirect(INSTAGRAM_SEARCH), "{path:?}");
        }
    }

    #[test]
    fn a_link_ends_on_the_screen_its_redirect_leads_to() {
        assert_eq!(screen_of("/library"), Screen::InstagramSearch);
        assert_eq!(screen_of("/library/social-search"), Screen::InstagramSearch);
        assert_eq!(screen_of("/settings/network"), Screen::SocialAccounts);
        assert_eq!(screen_of(ASSETS), Screen::Assets);
        assert_eq!(screen_of("/nowhere"), Screen::NotFound);
    }

    /// `public/boot.js` asks for the accounts as the page starts (issue 9, `api::early`) on the
    /// addresses whose screen asks for them as it opens, and on no other: a missing address
    /// would cost the head start, an extra one a request nobody takes.
    #[test]
    fn perf_boot_asks_for_the_accounts_where_the_screen_will() {
        let boot = include_str!("../../public/boot.js");
        let line = boot
            .lines()
            .find(|l| l.starts_with("const ACCOUNT_SCREENS = ["))
            .unwrap_or_default();
        let listed: Vec<&str> = line.split('\'').skip(1).step_by(2).collect();
        assert!(
            !listed.is_empty(),
            "boot.js should list ACCOUNT_SCREENS on one line"
        );
        // Their pages ask `Api::accounts` as they open.
        let asks = |screen| {
            matches!(
                screen,
                Screen::SocialAccounts
                    | Screen::RightsManagement
                    | Screen::InstagramSearch
                    | Screen::Streams
            )
        };
        let addresses = [
            "",
            "/settings",
            "/settings/network",
            "/library",
            "/library/social-search",
            SOCIAL_ACCOUNTS,
            RIGHTS_MANAGEMENT,
            INSTAGRAM_SEARCH,
            ASSETS,
            STREAMS,
        ];
        for address in addresses {
            let screen = screen_of(address);
            assert_eq!(
                listed.contains(&address),
                asks(screen),
                "{address:?}: {screen:?}"
            );
        }
        for address in &listed {
            assert!(
                addresses.contains(address),
                "{address:?} is no address of the console"
            );
        }
    }

    #[test]
    fn shell_3_anything_else_is_not_found() {
        for path in [
            "/settings/no-such-screen",
            "/settings/network/social-accounts/extra",
            "/Settings/network/social-accounts",
            "/streams/1",
            "/library/social-search/twitter",
            "/settingsx",
        ] {
            assert_eq!(place(path), Place::Screen(Screen::NotFound), "{path}");
        }
        assert_eq!(Screen::NotFound.section(), Section::None);
    }

    #[test]
    fn emb_1_the_base_path_is_taken_off_first() {
        let base = "/console/social";
        assert_eq!(
            place_under(base, "/console/social/streams"),
            Place::Screen(Screen::Streams)
        );
        assert_eq!(
            place_under(base, "/console/social"),
            Place::Redirect(SOCIAL_ACCOUNTS)
        );
        assert_eq!(
            place_under(base, "/console/social/"),
            Place::Redirect(SOCIAL_ACCOUNTS)
        );
        assert_eq!(
            place_under(base, "/console/socialite/streams"),
            Place::Screen(Screen::NotFound)
        );
        assert_eq!(
            place_under(base, "/streams"),
            Place::Screen(Screen::NotFound)
        );
        assert_eq!(place_under("", "/streams"), Place::Screen(Screen::Streams));
        assert_eq!(place_under("", "/"), Place::Redirect(SOCIAL_ACCOUNTS));
    }
}
