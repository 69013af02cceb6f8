import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { OutputDirError, prepareOutputDir } from '../../app/output-dir.js';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Problem } from '../../core/problems.js';
import type { Blip, Radar } from '../../core/radar/schema.js';
import { resolver, slug, type ImportFrame } from './frame.js';

/**
 * AOE's technology radar: one folder per release (named by its date), one Markdown file per item
 * that is new or changed in that release, with front matter (title, ring, quadrant) and the
 * rationale as the body. Items carry over to later releases until a later file changes them.
 */
export function exportAoe(radar: Radar, dir: string, opts: { force?: boolean } = {}): number {
  // Only mlnav's own earlier export is replaced; an AOE project's other files stay (output-dir.ts).
  const out = prepareOutputDir(dir, opts);
  const written: string[] = [];
  const write = (path: string, text: string) => {
    if (!out.writable(path)) throw new OutputDirError(`${path} exists and was not written by mlnav: not overwritten`);
    writeFileSync(path, text);
    written.push(path);
  };
  const quadrantSlug = new Map(radar.quadrants.map((q) => [q.id, q.id]));
  let files = 0;
  let previous = new Map<string, Blip>();
  for (const [i, edition] of radar.editions.entries()) {
    // Numbered so that folders sort in edition order; the date itself is kept in .release.
    const folder = join(dir, `${String(i + 1).padStart(3, '0')}-${slug(edition.date)}`);
    mkdirSync(folder, { recursive: true });
    for (const b of edition.blips) {
      const before = previous.get(b.id);
      if (before && before.ring === b.ring && before.quadrant === b.quadrant && before.rationale === b.rationale && before.name === b.name) continue;
      const front = {
        title: b.name,
        ring: b.ring,
        quadrant: quadrantSlug.get(b.quadrant),
        ...(b.tool ? { tool: b.tool } : {}),
        ...(b.link ? { link: b.link } : {}),
      };
      write(join(folder, `${b.id}.md`), `---\n${stringify(front)}---\n${b.rationale ?? ''}\n`);
      files++;
    }
    write(join(folder, '.release'), `${edition.date}\n`);
    previous = new Map(edition.blips.map((b) => [b.id, b]));
  }
  out.finish(written);
  return files;
}

export function importAoe(dir: string, frame: ImportFrame): { radar?: Radar; problems: Problem[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    return { problems: [{ file: dir, field: '', message: 'an AOE radar is a folder of release folders', severity: 'error' }] };
  const ring = resolver('ring', frame),
    quadrant = resolver('quadrant', frame);
  const releases = readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory())
    .sort();
  if (!releases.length) return { problems: [{ file: dir, field: '', message: 'no release folders found', severity: 'error' }] };
  const problems: Problem[] = [];
  const editions: Radar['editions'] = [];
  let state = new Map<string, Blip>();
  for (const release of releases) {
    const folder = join(dir, release);
    const date = existsSync(join(folder, '.release')) ? readFileSync(join(folder, '.release'), 'utf8').trim() : release;
    state = new Map(state);
    for (const f of readdirSync(folder)
      .filter((x) => x.endsWith('.md'))
      .sort()) {
      const file = join(folder, f);
      const text = readFileSync(file, 'utf8');
      const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
      if (!m) {
        problems.push({ file, line: 1, field: '', message: 'no front matter (--- title, ring, quadrant ---)', severity: 'error' });
        continue;
      }
      let front: Record<string, unknown>;
      try {
        front = (parse(m[1]!) ?? {}) as Record<string, unknown>;
      } catch (e) {
        problems.push({ file, line: 2, field: '', message: `front matter: ${(e as Error).message.split('\n')[0]}`, severity: 'error' });
        continue;
      }
      const id = f.replace(/\.md$/, '');
      const prev = state.get(id);
      const r = front.ring !== undefined ? ring(String(front.ring)) : prev?.ring;
      const q = front.quadrant !== undefined ? quadrant(String(front.quadrant)) : prev?.quadrant;
      if (!r) problems.push({ file, line: 2, field: 'ring', message: `unknown ring "${String(front.ring)}"`, severity: 'error' });
      if (!q) problems.push({ file, line: 2, field: 'quadrant', message: `unknown quadrant "${String(front.quadrant)}"`, severity: 'error' });
      if (!r || !q) continue;
      const name = typeof front.title === 'string' ? front.title : (prev?.name ?? id);
      const body = m[2]!.replace(/\n$/, '');
      const tool = typeof front.tool === 'string' ? front.tool : frame.findTool?.(name);
      state.set(id, {
        id: slug(id),
        name,
        ring: r,
        quadrant: q,
        ...(tool ? { tool } : {}),
        ...(body ? { rationale: body } : {}),
        ...(typeof front.link === 'string' ? { link: front.link } : {}),
      });
    }
    editions.push({ date, blips: [...state.values()] });
  }
  return problems.length ? { problems } : { radar: { title: frame.title, rings: frame.rings, quadrants: frame.quadrants, editions }, problems: [] };
}
