/**
 * The picture of the map the server (or the static export) drew into index.html, just after the app's root, so
 * the map paints with the HTML before any script runs. It is a compact, non-interactive drawing. It stays
 * where it is (moving it would lay its hundreds of labels out again) while the app starts and the catalogue
 * loads; the interactive map then takes its place.
 */
const holder = () => document.querySelector<HTMLElement>('body > .prerendered');

/** Whether the page's picture of the map is on screen (it is hidden when the first view is not the map). */
export function prerenderedMapShown(): boolean {
  return holder() !== null && document.documentElement.getAttribute('data-first-view') === 'map';
}

/** The interactive map is up: the picture goes. */
export function removePrerenderedMap(): void {
  holder()?.remove();
}
