// Marks the first frame that shows the map pre-rendered into the page; `npm run bench` reads it.
requestAnimationFrame(function () {
  setTimeout(function () {
    performance.mark('mlnav:map-painted');
  });
});
