//! Nederlandse catalogus. Eén arm per bericht: een ontbrekend bericht compileert niet.

use std::borrow::Cow;

use super::{Msg, Msg2};

pub fn text(msg: &Msg) -> Cow<'static, str> {
    use Msg::*;
    Cow::Borrowed(match msg {
        ProductName => "Livefyre",
        SkipToContent => "Naar de inhoud",
        MainNavigation => "Console",
        TabLibrary => "Bibliotheek",
        TabStreams => "Streams",
        TabSettings => "Instellingen",
        NetworkSettings => "Netwerkinstellingen",
        SettingsNavigation => "Onderdelen van de netwerkinstellingen",
        RightsManagement => "Rechtenbeheer",
        SocialAccounts => "Sociale accounts",
        SocialSearch => "Sociaal zoeken",
        Instagram => "Instagram",
        NotificationsUnread(0) => "Meldingen, geen ongelezen",
        NotificationsUnread(n) => return format!("Meldingen, {n} ongelezen").into(),
        SignedInAs { name, role } => {
            return format!("Aangemeld als {name} ({})", word(*role)).into()
        }
        NetworkLabel(name) => return format!("Netwerk: {name}").into(),
        Language => "Taal",
        FooterHelp => "Hulp",
        FooterTerms => "Gebruiksvoorwaarden",
        FooterPrivacy => "Privacybeleid",
        Loading => "Bezig met laden…",
        NotBuiltYet => "Nog niet gebouwd",
        NotBuiltYetBody => "Dit scherm heeft zijn plaats in de console, maar is nog niet gebouwd.",
        NotFoundTitle => "Pagina niet gevonden",
        NotFoundBody => "Op dit adres staat geen pagina. Misschien is ze verplaatst, of is de link onvolledig.",
        NotFoundBack => "Naar Sociale accounts",
        Retry => "Opnieuw proberen",
        SignIn => "Aanmelden",
        ConfigInvalidTitle => "De console kon niet starten",
        ConfigInvalidBody(detail) => {
            return format!("De configuratie ontbreekt of klopt niet: {detail}").into()
        }
        ErrOffline => "De console kon de server niet bereiken. Controleer je verbinding en probeer het opnieuw.",
        ErrTimeout => "De server deed er te lang over om te antwoorden. Probeer het zo opnieuw.",
        ErrSessionEnded => "Je bent niet aangemeld bij de console, of je sessie is verlopen. Meld je aan om verder te gaan; wat je hier typte, blijft bewaard.",
        ErrForbidden => "Je rol staat dit niet toe. Vraag het aan een netwerkbeheerder.",
        ErrNotFound => "Dit item bestaat niet meer. Misschien heeft iemand anders het verwijderd.",
        ErrConflict => "Iemand anders wijzigde dit tegelijk. Laad opnieuw om de laatste versie te zien en probeer het dan nog eens.",
        ErrValidation => "Een deel van wat is ingevoerd, is niet geldig. Controleer de gemarkeerde velden.",
        ErrRateLimited => "De limiet van het sociale netwerk is bereikt. Dit is geen verlopen token; probeer het later opnieuw.",
        ErrTokenExpired => "Het token van dit sociale account is verlopen. Vernieuw het token om het weer te gebruiken.",
        ErrTokenRevoked => "Dit sociale account moet opnieuw worden geautoriseerd. Vernieuw het token om het opnieuw te koppelen.",
        ErrIdentityMismatch => "Er is een ander account geautoriseerd dan het account dat werd vernieuwd. Er is niets gewijzigd.",
        ErrPayloadTooLarge => "Dat is te veel tekst om in één keer te versturen. Maak het korter en probeer het opnieuw.",
        ErrServer => "De server had een probleem. Dit is tijdelijk en verandert niets aan een token. Probeer het opnieuw.",
        ErrUndecodable => "De server stuurde een antwoord dat de console niet kon lezen. Probeer het opnieuw.",
        ErrUnexpected(status) => {
            return format!("De server antwoordde onverwacht (HTTP {status}). Probeer het opnieuw.").into()
        }
    })
}

pub fn word(w: Msg2) -> &'static str {
    match w {
        Msg2::RoleAdmin => "Beheerder",
        Msg2::RoleModerator => "Moderator",
        Msg2::RoleCurator => "Curator",
    }
}
