import type { Radar, Movement } from './schema.js';

/** A blip of one edition with what changed since the previous edition, and its ring history. */
export interface BlipState {
  id: string;
  name: string;
  quadrant: string;
  ring: string;
  movement: Movement;
  history: Array<{ date: string; ring: string }>;
  rationale?: string;
  tool?: string;
  link?: string;
  relatedBlips?: string[];
  inactive?: true;
}

/** Movement by comparing an edition with the one before: towards the centre is "moved in". */
export function editionState(radar: Radar, editionIndex = radar.editions.length - 1): BlipState[] {
  const ringIndex = new Map(radar.rings.map((r, i) => [r.id, i]));
  const edition = radar.editions[editionIndex]!;
  const previous = editionIndex > 0 ? new Map(radar.editions[editionIndex - 1]!.blips.map((b) => [b.id, b])) : undefined;
  // Each edition indexed once: a blip's history is then one lookup per edition, not a scan of every blip.
  const upTo = radar.editions.slice(0, editionIndex + 1).map((e) => ({ date: e.date, byId: new Map(e.blips.map((x) => [x.id, x])) }));
  return edition.blips.map((b) => {
    const before = previous?.get(b.id);
    let movement: Movement = 'no-change';
    if (previous && !before) movement = 'new';
    else if (before && before.ring !== b.ring) movement = ringIndex.get(b.ring)! < ringIndex.get(before.ring)! ? 'moved-in' : 'moved-out';
    const history = upTo.flatMap((e) => {
      const x = e.byId.get(b.id);
      return x ? [{ date: e.date, ring: x.ring }] : [];
    });
    return {
      id: b.id,
      name: b.name,
      quadrant: b.quadrant,
      ring: b.ring,
      movement,
      history,
      rationale: b.rationale,
      tool: b.tool,
      link: b.link,
      ...(b.relatedBlips ? { relatedBlips: b.relatedBlips } : {}),
      ...(b.inactive ? { inactive: b.inactive } : {}),
    };
  });
}

/** What changed from one edition to the next: what entered, moved (with the ring it came from) and left. */
export interface EditionDiff {
  from?: string;
  to: string;
  entered: BlipState[];
  moved: Array<BlipState & { fromRing: string }>;
  left: Array<{ id: string; name: string; quadrant: string; ring: string }>;
  unchanged: number;
}

/** The diff of edition `index` against the one before it (everything entered in the first edition). */
export function diffEdition(radar: Radar, index = radar.editions.length - 1): EditionDiff {
  const state = editionState(radar, index);
  const prev = index > 0 ? radar.editions[index - 1]! : undefined;
  const now = new Set(state.map((b) => b.id));
  const before = new Map((prev?.blips ?? []).map((b) => [b.id, b]));
  return {
    from: prev?.date,
    to: radar.editions[index]!.date,
    entered: state.filter((b) => !before.has(b.id)),
    moved: state.filter((b) => b.movement === 'moved-in' || b.movement === 'moved-out').map((b) => ({ ...b, fromRing: before.get(b.id)!.ring })),
    left: (prev?.blips ?? []).filter((b) => !now.has(b.id)).map((b) => ({ id: b.id, name: b.name, quadrant: b.quadrant, ring: b.ring })),
    unchanged: state.filter((b) => before.has(b.id) && before.get(b.id)!.ring === b.ring).length,
  };
}
