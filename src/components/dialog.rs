//! A modal `<dialog>` opened with `showModal()`, shared by every dialog of the console: the
//! delete confirmation, the stream's account switch, a search result's details, the Rights
//! options and the rights-management form.
//!
//! The browser fires a dialog's `close` event in a task of its own, after the dialog has closed,
//! and a keypress can come first. Escape followed at once by Enter on the button that opened it
//! (the button the browser gives focus back to) opens the dialog again before the event of its
//! closing arrives. Handled blindly, that late event emptied the dialog that was open again: a
//! delete confirmation with no title and no impact, which only Escape could leave. [`Modal`]
//! drops a `close` event that arrives while the dialog is open again, or about to open.

use leptos::ev;
use leptos::html;
use leptos::leptos_dom::helpers::request_animation_frame;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// One modal dialog: its element, whether an opening waits for the next frame, and what had
/// focus when it opened, if it is to get it back.
#[derive(Clone, Copy)]
pub struct Modal {
    node: NodeRef<html::Dialog>,
    opening: StoredValue<bool>,
    opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
}

impl Default for Modal {
    fn default() -> Self {
        Self::new()
    }
}

impl Modal {
    pub fn new() -> Self {
        Self {
            node: NodeRef::new(),
            opening: StoredValue::new(false),
            opener: StoredValue::new_local(None),
        }
    }

    /// For the `<dialog node_ref=...>`.
    pub fn node_ref(self) -> NodeRef<html::Dialog> {
        self.node
    }

    /// Whether the element is drawn (tracked, for an effect that waits for it).
    pub fn is_mounted(self) -> bool {
        self.node.get().is_some()
    }

    /// Untracked, and false once the page that held it is gone.
    pub fn is_open(self) -> bool {
        self.node
            .try_get_untracked()
            .flatten()
            .is_some_and(|d| d.open())
    }

    /// Remembers what has focus now; the dialog gives it back when it closes (A11Y-1). For a
    /// dialog opened by a button that stays where it is.
    pub fn remember_focus(self) {
        let active = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        self.opener.set_value(active);
    }

    /// Opens it now, unless it is open already.
    pub fn show(self) {
        if let Some(d) = self.node.get_untracked() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    }

    /// Opens it at the next frame, once its content is drawn (so the dialog's own focusing finds
    /// the first control), if `wanted` still says so then.
    pub fn show_next_frame(self, wanted: impl Fn() -> bool + 'static) {
        if self.is_open() {
            return;
        }
        self.opening.set_value(true);
        request_animation_frame(move || {
            if self.opening.try_set_value(false).is_some() {
                // Disposed: the dialog's page is gone.
                return;
            }
            if wanted() {
                self.show();
            }
        });
    }

    pub fn close(self) {
        self.opening.set_value(false);
        if let Some(d) = self.node.get_untracked() {
            if d.open() {
                d.close();
            }
        }
    }

    /// The `on:close` handler: `closed` runs when the dialog has closed for good, not for the late
    /// event of a closing that an opening has overtaken; then focus goes back to what
    /// [`Modal::remember_focus`] remembered, if anything.
    pub fn on_close(self, closed: impl Fn() + 'static) -> impl Fn(ev::Event) + 'static {
        move |_| {
            let reopened = self.is_open() || self.opening.try_get_value().unwrap_or(false);
            if reopened {
                return;
            }
            closed();
            if let Some(el) = self.opener.try_get_value().flatten() {
                let _ = el.focus();
            }
        }
    }
}
