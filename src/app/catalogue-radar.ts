import type { Catalogue } from '../core/catalogue/catalogue.js';
import { defaultRadar, type RadarEvidence } from '../core/radar/default.js';
import type { Radar } from '../core/radar/schema.js';
import { ringEvidenceText } from '../wording/en.js';

/** The catalogue's radar with each ring's evidence worded as its rationale: what every face shows. */
export function catalogueRadar(cat: Catalogue, date: string, title?: string, ev: Omit<RadarEvidence, 'rationale'> = {}): Radar {
  return defaultRadar(cat, date, title, { ...ev, rationale: (e) => ringEvidenceText(e, cat.tax.taxonomy, (id) => cat.byId.get(id)?.name ?? id) });
}
