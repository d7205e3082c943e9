/* Retention widget host script (README, "Embedding"): sizes iframe[data-retention-widget] to its
   content and re-dispatches its results as a DOM event. Uses only messages from those frames. */
(function(){var P='retention-widget:',S='iframe[data-retention-widget]';
function hi(f){f.contentWindow&&f.contentWindow.postMessage({type:P+'hello'},'*')}
addEventListener('message',function(e){var d=e.data,l=document.querySelectorAll(S),i,f;
if(!d||typeof d!='object'||typeof d.type!='string')return;
for(i=0;i<l.length;i++){f=l[i];if(e.source!==f.contentWindow)continue;
if(d.type==P+'ready')hi(f);
else if(d.type==P+'height'&&typeof d.height=='number'&&d.height>0&&d.height<1e5)f.style.height=Math.ceil(d.height)+'px';
else if(d.type==P+'results'&&d.metrics&&typeof d.metrics=='object')f.dispatchEvent(new CustomEvent(P+'results',{detail:d.metrics}))}});
document.querySelectorAll(S).forEach(hi)})();
