// Marks the first frame that shows the map drawn into the page, on the map view; `npm run bench` reads it.
if (document.documentElement.getAttribute('data-first-view') === 'map') {
  requestAnimationFrame(function () {
    setTimeout(function () {
      performance.mark('mlnav:map-painted');
    });
  });
}
