// A page's first Intl.NumberFormat loads the browser's locale data: 20–60 ms of main-thread time
// measured in headless Chromium. The widget's first render used to pay it; this classic async
// script pays it earlier, while the wasm and the stylesheet are still in flight, so the first
// result shows sooner (docs/BENCHMARKS.md). Later formatters, in any locale, cost ~0.1 ms.
try {
  new Intl.NumberFormat(navigator.language, { maximumFractionDigits: 0 }).format(0);
  new Intl.PluralRules(navigator.language).select(1);
} catch {
  // Without Intl the widget still runs; it shows plain JavaScript numbers.
}
