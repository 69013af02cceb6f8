import { renderLandscapeSvg, type LandscapeLayout } from '../core/render/landscape.js';

export const PRERENDER_SLOT = '<!--prerendered-map-->';

/**
 * The web app's index.html with the landscape already in it, drawn by the same pure renderer the
 * app uses: the map paints with the HTML, before any script runs, and the app adopts it on start.
 * The small classic script after it marks the first frame that shows the map.
 */
export function prerenderIndexHtml(template: string, layout: LandscapeLayout): string {
  if (!template.includes(PRERENDER_SLOT)) return template;
  const svg = renderLandscapeSvg(layout, { interactive: true });
  return template.replace(PRERENDER_SLOT, `<div class="prerendered map">${svg}</div><script src="map-painted.js"></script>`);
}
