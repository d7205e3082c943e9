// Starts the widget. Trunk's own starter is an inline <script>, which a strict
// Content-Security-Policy (script-src 'self') forbids; this file is served from the widget's own
// origin instead. It finds the hashed module and wasm through the preload links Trunk writes.
const js = document.querySelector('link[rel="modulepreload"][href$=".js"]');
const wasm = document.querySelector('link[rel="preload"][href$=".wasm"]');
if (js && wasm) {
  import(js.href).then((m) => m.default({ module_or_path: wasm.href }));
}
