import { renderLandscapeSvg, type LandscapeLayout } from '../core/render/landscape.js';

export const PRERENDER_SLOT = '<!--prerendered-map-->';

/**
 * The web app's index.html with the landscape already in it, drawn by the same pure renderer the app
 * uses, in its compact form (a few paths and the labels: a fraction of the elements, so it parses and paints
 * fast). The map paints with the HTML, before any script runs; the app shows it while the catalogue loads,
 * then swaps in the interactive map. The small classic script after it marks the first frame that shows it.
 */
export function prerenderIndexHtml(template: string, layout: LandscapeLayout): string {
  if (!template.includes(PRERENDER_SLOT)) return template;
  const svg = renderLandscapeSvg(layout, { compact: true });
  return template.replace(PRERENDER_SLOT, `<div class="prerendered map">${svg}</div><script src="map-painted.js"></script>`);
}
