//! Entry point: mounts the widget on `<body>`. Everything else lives in the library.

fn main() {
    yew::Renderer::<retention_widget::App>::new().render();
}
