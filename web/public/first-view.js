// Runs in <head>, before the body is parsed (no module, no build step). It tells the stylesheet which view the
// URL asks for, so the map drawn into the page only shows on the map view, and starts the request for that
// view's data so it travels while the page is parsed; the app picks the promise up (web/src/lib/data.ts).
(function () {
  var path = location.hash.replace(/^#/, '').split('?')[0] || '/';
  var view = path === '/' ? 'map' : path === '/radar' ? 'radar' : 'other';
  document.documentElement.setAttribute('data-first-view', view);
  var meta = document.querySelector('meta[name="mlnav-data"]');
  var api = !meta || meta.getAttribute('content') !== 'static';
  var url = view === 'radar' ? (api ? 'api/radar' : 'data/radar.json') : api ? 'api/catalogue' : 'data/catalogue.json';
  var request = fetch(url, { headers: { Accept: 'application/json' } });
  // An unread failure must not surface as an unhandled rejection; the app reports it when it asks.
  request.catch(function () {});
  // The radar's data is small: read and parse it as soon as it arrives, so the radar can be drawn in the task
  // that first renders the page. (The catalogue is parsed later: on the map view, after the page's own picture.)
  var json =
    view === 'radar'
      ? request.then(function (r) {
          return r.ok ? r.json() : null;
        })
      : undefined;
  if (json) json.catch(function () {});
  window.mlnavFirstRequest = { url: url, response: request, json: json };
})();
