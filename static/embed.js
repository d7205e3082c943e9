/* Retention widget host script: sizes each <iframe data-retention-widget> to its content and
   re-dispatches its results as a "retention-widget:results" event on the iframe. No dependencies.
   Only messages whose source is one of those frames, with the expected shape, are used. */
(function () {
  var P = 'retention-widget:';
  function frames() { return document.querySelectorAll('iframe[data-retention-widget]'); }
  function hello(f) {
    // A sandboxed frame without allow-same-origin has an opaque origin, reachable only with '*';
    // the hello carries nothing but its type.
    if (f.contentWindow) f.contentWindow.postMessage({ type: P + 'hello' }, '*');
  }
  window.addEventListener('message', function (e) {
    var d = e.data, list = frames();
    if (!d || typeof d !== 'object' || typeof d.type !== 'string') return;
    for (var i = 0; i < list.length; i++) {
      var f = list[i];
      if (e.source !== f.contentWindow) continue;
      if (d.type === P + 'ready') {
        hello(f);
      } else if (d.type === P + 'height' && typeof d.height === 'number' && d.height > 0 && d.height < 1e5) {
        f.style.height = Math.ceil(d.height) + 'px';
      } else if (d.type === P + 'results' && d.metrics && typeof d.metrics === 'object') {
        f.dispatchEvent(new CustomEvent(P + 'results', { detail: d.metrics }));
      }
    }
  });
  function start() {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      list[i].addEventListener('load', function (e) { hello(e.target); });
      hello(list[i]);
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
