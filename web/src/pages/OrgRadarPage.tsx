import { useEffect, useMemo, useState } from 'preact/hooks';
import type { BlipState, EditionDiff } from '../../../src/core/radar/movement';
import type { Radar, WebCatalogue } from '../lib/data';
import { href } from '../lib/route';
import { ApiFailure, getJsonApi, send, useSession } from '../lib/session';
import { RadarPage } from './RadarPage';

interface RadarResponse {
  id: string;
  title: string;
  rings: Radar['rings'];
  quadrants: Radar['quadrants'];
  builtIn: boolean;
  canEdit: boolean;
  editions: Array<{ date: string; publishedAt: string; publishedBy: string; blips: BlipState[] }>;
  draft?: { blips: BlipState[] };
}

/** The options of a ring or quadrant select. */
function Options({ items }: { items: ReadonlyArray<{ id: string; name: string }> }) {
  return (
    <>
      {items.map((x) => (
        <option key={x.id} value={x.id}>
          {x.name}
        </option>
      ))}
    </>
  );
}

const strip = (b: BlipState) => ({ id: b.id, name: b.name, quadrant: b.quadrant, ring: b.ring, tool: b.tool, rationale: b.rationale, link: b.link });

/** A radar of the organisation at its own URL: its editions as a picture, and for editors the draft, an editor, publishing and the diff. */
export function OrgRadarPage({ id, cat, params, embed }: { id: string; cat: WebCatalogue | null; params: URLSearchParams; embed: boolean }) {
  const session = useSession();
  const [data, setData] = useState<RadarResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const reload = () => setTick((t) => t + 1);
  useEffect(() => {
    getJsonApi<RadarResponse>(`api/radars/${encodeURIComponent(id)}`).then(setData, (e: Error) => setError(e.message));
  }, [id, tick, session.user?.name]);
  const view = params.get('view') ?? '';
  const showDraft = view === 'edit' || view === 'draft';
  const radar = useMemo<Radar | null>(() => {
    if (!data) return null;
    const editions = data.editions.map((e) => ({ date: e.date, blips: e.blips.map(strip) }));
    if (showDraft && data.draft) editions.push({ date: 'draft', blips: data.draft.blips.map(strip) });
    return editions.length ? { title: data.title, rings: data.rings, quadrants: data.quadrants, editions } : null;
  }, [data, showDraft]);
  if (error) return <p role="alert">Could not load the radar: {error}</p>;
  if (!data) return <p aria-busy="true">Loading the radar…</p>;
  const path = `/radars/${encodeURIComponent(id)}`;
  const tabs = !embed && (
    <nav class="group tabs" aria-label="Radar views">
      <a href={href(path)} aria-current={!view ? 'page' : undefined}>
        Published
      </a>
      {data.editions.length > 0 && (
        <a href={href(path, { view: 'diff' })} aria-current={view === 'diff' ? 'page' : undefined}>
          What changed
        </a>
      )}
      {data.canEdit && (
        <a href={href(path, { view: 'edit' })} aria-current={view === 'edit' ? 'page' : undefined}>
          Edit draft
        </a>
      )}
      <a href={`embed${href(path)}`} target="_blank" rel="noopener">
        Embeddable view
      </a>
    </nav>
  );
  if (view === 'diff')
    return (
      <section aria-labelledby="radar-title">
        <h1 id="radar-title">{data.title}</h1>
        {tabs}
        <DiffView data={data} params={params} path={path} />
      </section>
    );
  return (
    <>
      {radar ? (
        <RadarPage params={params} radar={radar} path={path}>
          {tabs}
        </RadarPage>
      ) : (
        <section aria-labelledby="radar-title">
          <h1 id="radar-title">{data.title}</h1>
          {tabs}
          <p class="notice">{data.canEdit ? 'Nothing published yet: add blips to the draft, then publish an edition.' : 'Nothing published yet.'}</p>
        </section>
      )}
      {view === 'edit' && data.canEdit && data.draft && <DraftEditor data={data} cat={cat} onChange={reload} />}
      {!embed && !data.builtIn && !data.canEdit && session.user && data.editions.length > 0 && <ProposeMove data={data} />}
    </>
  );
}

/** An edition against the one before it: what entered, moved (from where, and why) and left. */
function DiffView({ data, params, path }: { data: RadarResponse; params: URLSearchParams; path: string }) {
  const to = params.get('edition') ?? data.editions[data.editions.length - 1]!.date;
  const [diff, setDiff] = useState<EditionDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getJsonApi<EditionDiff>(`api/radars/${encodeURIComponent(data.id)}/diff?to=${encodeURIComponent(to)}`).then(setDiff, (e: Error) => setError(e.message));
  }, [data.id, to]);
  const ring = new Map(data.rings.map((r) => [r.id, r.name]));
  const quadrant = new Map(data.quadrants.map((q) => [q.id, q.name]));
  if (error) return <p role="alert">{error}</p>;
  if (!diff) return <p aria-busy="true">Comparing editions…</p>;
  return (
    <div class="diff" data-edition={diff.to}>
      <label class="filter inline">
        <span>Edition</span>
        <select
          value={to}
          onChange={(e) => {
            const next = new URLSearchParams(params);
            next.set('edition', (e.currentTarget as HTMLSelectElement).value);
            location.hash = href(path, next);
          }}
        >
          {data.editions.map((e) => (
            <option key={e.date} value={e.date}>
              {e.date}
            </option>
          ))}
        </select>
      </label>
      <p class="lead">
        {diff.from ? `${diff.to} against ${diff.from}` : `${diff.to}, the first edition`}: {diff.entered.length} entered, {diff.moved.length} moved,{' '}
        {diff.left.length} left, {diff.unchanged} unchanged.
      </p>
      {diff.moved.length > 0 && (
        <section aria-labelledby="moved-h">
          <h2 id="moved-h">Moved</h2>
          <ul class="diff-list moved">
            {diff.moved.map((b) => (
              <li key={b.id} data-blip-id={b.id}>
                <strong>{b.name}</strong>: {ring.get(b.fromRing)} → {ring.get(b.ring)} ({b.movement === 'moved-in' ? 'in' : 'out'}, {quadrant.get(b.quadrant)})
                {b.rationale && <span class="muted"> — {b.rationale}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {diff.entered.length > 0 && (
        <section aria-labelledby="entered-h">
          <h2 id="entered-h">Entered</h2>
          <ul class="diff-list entered">
            {diff.entered.map((b) => (
              <li key={b.id} data-blip-id={b.id}>
                <strong>{b.name}</strong> in {ring.get(b.ring)} ({quadrant.get(b.quadrant)}){b.rationale && <span class="muted"> — {b.rationale}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {diff.left.length > 0 && (
        <section aria-labelledby="left-h">
          <h2 id="left-h">Left</h2>
          <ul class="diff-list left">
            {diff.left.map((b) => (
              <li key={b.id} data-blip-id={b.id}>
                <strong>{b.name}</strong> (was in {ring.get(b.ring)})
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

const blipId = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'blip';

/** The draft: add a catalogue tool or a free blip, change ring, quadrant and rationale (Markdown, previewed), remove, publish. */
function DraftEditor({ data, cat, onChange }: { data: RadarResponse; cat: WebCatalogue | null; onChange: () => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [preview, setPreview] = useState<string>('');
  const [rationale, setRationale] = useState('');
  const [name, setName] = useState('');
  const draft = data.draft!.blips;
  const fail = (e: unknown) => setProblem(e instanceof ApiFailure || e instanceof Error ? e.message : String(e));
  const put = (b: ReturnType<typeof strip>) =>
    send('PUT', `api/radars/${encodeURIComponent(data.id)}/blips/${b.id}`, {
      name: b.name,
      quadrant: b.quadrant,
      ring: b.ring,
      ...(b.rationale ? { rationale: b.rationale } : {}),
      ...(b.tool ? { tool: b.tool } : {}),
      ...(b.link ? { link: b.link } : {}),
    })
      .then(() => (setProblem(null), onChange()))
      .catch(fail);
  useEffect(() => {
    if (!rationale) return setPreview('');
    // The Markdown renderer (with its sanitiser) is loaded only when someone writes a rationale.
    void import('../lib/markdown').then((m) => setPreview(m.markdownToSafeHtml(rationale)));
  }, [rationale]);
  const tool = cat?.tools.find((t) => t.name.toLowerCase() === name.trim().toLowerCase() || t.id === name.trim());
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section class="draft-editor" aria-labelledby="draft-h">
      <h2 id="draft-h">Draft ({draft.length} blips)</h2>
      {problem && <p role="alert">{problem}</p>}
      <form
        class="add-blip"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget as HTMLFormElement);
          const shown = String(f.get('name') ?? '').trim();
          void put({
            id: tool?.id ?? blipId(shown),
            name: tool?.name ?? shown,
            ring: String(f.get('ring')),
            quadrant: String(f.get('quadrant')),
            tool: tool?.id,
            rationale: rationale || undefined,
            link: undefined,
          }).then(() => {
            setName('');
            setRationale('');
          });
        }}
      >
        <label class="filter">
          <span>Tool or item</span>
          <input name="name" list="radar-tools" required value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
          <span class="muted small">{name.trim() ? (tool ? `catalogue tool: ${tool.id}` : 'a free blip (not in the catalogue)') : ''}</span>
        </label>
        <datalist id="radar-tools">
          {cat?.tools.map((t) => (
            <option key={t.id} value={t.name} />
          ))}
        </datalist>
        <label class="filter">
          <span>Ring</span>
          <select name="ring">
            <Options items={data.rings} />
          </select>
        </label>
        <label class="filter">
          <span>Quadrant</span>
          <select
            name="quadrant"
            key={tool?.id ?? 'free'}
            defaultValue={data.quadrants.some((q) => q.id === tool?.quadrant) ? tool!.quadrant : data.quadrants[0]!.id}
          >
            <Options items={data.quadrants} />
          </select>
        </label>
        <label class="filter wide">
          <span>Rationale (Markdown)</span>
          <textarea name="rationale" rows={3} value={rationale} onInput={(e) => setRationale((e.currentTarget as HTMLTextAreaElement).value)} />
        </label>
        {preview && <div class="rationale preview" aria-label="Rationale preview" dangerouslySetInnerHTML={{ __html: preview }} />}
        <button type="submit">Add to draft</button>
      </form>
      <table class="catalogue draft">
        <thead>
          <tr>
            <th scope="col">Blip</th>
            <th scope="col">Ring</th>
            <th scope="col">Quadrant</th>
            <th scope="col">Since last edition</th>
            <th scope="col">Rationale</th>
            <th scope="col">
              <span class="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.map((b) => (
            <tr key={b.id} data-blip-id={b.id}>
              <th scope="row">{b.tool ? <a href={href(`/tools/${b.tool}`)}>{b.name}</a> : b.name}</th>
              <td>
                <select
                  aria-label={`Ring of ${b.name}`}
                  value={b.ring}
                  onChange={(e) => void put({ ...strip(b), ring: (e.currentTarget as HTMLSelectElement).value })}
                >
                  <Options items={data.rings} />
                </select>
              </td>
              <td>
                <select
                  aria-label={`Quadrant of ${b.name}`}
                  value={b.quadrant}
                  onChange={(e) => void put({ ...strip(b), quadrant: (e.currentTarget as HTMLSelectElement).value })}
                >
                  <Options items={data.quadrants} />
                </select>
              </td>
              <td>{data.editions.length ? b.movement : 'new'}</td>
              <td>
                <input
                  aria-label={`Rationale of ${b.name}`}
                  defaultValue={b.rationale ?? ''}
                  onChange={(e) => void put({ ...strip(b), rationale: (e.currentTarget as HTMLInputElement).value || undefined })}
                />
              </td>
              <td>
                <button
                  type="button"
                  class="link"
                  aria-label={`Remove ${b.name}`}
                  onClick={() =>
                    void send('DELETE', `api/radars/${encodeURIComponent(data.id)}/blips/${b.id}`)
                      .then(onChange)
                      .catch(fail)
                  }
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        class="publish"
        onSubmit={(e) => {
          e.preventDefault();
          const date = String(new FormData(e.currentTarget as HTMLFormElement).get('date'));
          send('POST', `api/radars/${encodeURIComponent(data.id)}/editions`, { date })
            .then(() => (setProblem(null), onChange()))
            .catch(fail);
        }}
      >
        <label class="filter inline">
          <span>Edition date</span>
          <input name="date" type="date" defaultValue={today} required />
        </label>
        <button type="submit">Publish the draft as an edition</button>
        <span class="muted small">
          {data.editions.length
            ? `last published ${data.editions[data.editions.length - 1]!.date}; editions cannot be changed afterwards`
            : 'editions cannot be changed afterwards'}
        </span>
      </form>
    </section>
  );
}

/** For signed-in viewers: propose moving a blip to another ring, with a reason; an editor reviews it. */
function ProposeMove({ data }: { data: RadarResponse }) {
  const blips = data.editions[data.editions.length - 1]!.blips;
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <section aria-labelledby="propose-move-h">
      <h2 id="propose-move-h">Propose a move</h2>
      <form
        class="propose"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget as HTMLFormElement);
          setProblem(null);
          send<{ id: number }>('POST', 'api/proposals', {
            kind: 'move-blip',
            radar: data.id,
            blip: String(f.get('blip')),
            ring: String(f.get('ring')),
            reason: String(f.get('reason') ?? ''),
          })
            .then((p) => setStatus(`Proposal #${p.id} is waiting for review.`))
            .catch((err: Error) => setProblem(err.message));
        }}
      >
        <label class="filter">
          <span>Blip</span>
          <select name="blip">
            {blips.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label class="filter">
          <span>To ring</span>
          <select name="ring">
            <Options items={data.rings} />
          </select>
        </label>
        <label class="filter wide">
          <span>Why</span>
          <input name="reason" required minLength={3} />
        </label>
        <button type="submit">Propose the move</button>
        {status && <p role="status">{status}</p>}
        {problem && <p role="alert">{problem}</p>}
      </form>
    </section>
  );
}
