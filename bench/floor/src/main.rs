//! The smallest Yew app: the bundle-size floor against which the widget's size is read.

#[yew::function_component(Floor)]
fn floor() -> yew::Html {
    yew::html! { <p>{ "floor" }</p> }
}

fn main() {
    yew::Renderer::<Floor>::new().render();
}
