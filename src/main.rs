fn main() {
    #[cfg(target_arch = "wasm32")]
    social_token_console::start();
}
