/**
 * The map the server (or the static export) drew into index.html. Taken out of the page before the
 * app renders, and handed to the map view, which adopts the element instead of drawing it again.
 */
let map: SVGSVGElement | null = null;

export function takePrerenderedMap(): void {
  const holder = document.querySelector('#app .prerendered');
  map = holder?.querySelector('svg') ?? null;
  holder?.remove();
}

export function adoptPrerenderedMap(): SVGSVGElement | null {
  const m = map;
  map = null;
  return m;
}
