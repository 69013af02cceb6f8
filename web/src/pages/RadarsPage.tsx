import { useEffect, useState } from 'preact/hooks';
import { href } from '../lib/route';
import { canEdit, getJsonApi, send, useSession } from '../lib/session';

interface RadarSummary {
  id: string;
  title: string;
  editions: number;
  lastPublished?: string;
  createdBy: string;
  builtIn?: boolean;
}

/** The organisation's radars (and the catalogue's own), and for editors a form to start a new one. */
export function RadarsPage() {
  const session = useSession();
  const [radars, setRadars] = useState<RadarSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    getJsonApi<RadarSummary[]>('api/radars').then(setRadars, (e: Error) => setError(e.message));
  }, []);
  if (error) return <p role="alert">Could not load the radars: {error}</p>;
  if (!radars) return <p aria-busy="true">Loading the radars…</p>;
  return (
    <section aria-labelledby="radars-title">
      <h1 id="radars-title">Radars</h1>
      <p class="lead">Each radar is its owners’ decisions: what to adopt, trial, assess or hold, published as dated editions.</p>
      <table class="catalogue">
        <thead>
          <tr>
            <th scope="col">Radar</th>
            <th scope="col">Editions</th>
            <th scope="col">Last published</th>
            <th scope="col">Owner</th>
          </tr>
        </thead>
        <tbody>
          {radars.map((r) => (
            <tr key={r.id} data-radar-id={r.id}>
              <th scope="row">
                <a href={href(`/radars/${encodeURIComponent(r.id)}`)}>{r.title}</a>
              </th>
              <td class="num">{r.editions}</td>
              <td>{r.lastPublished ?? <span class="muted">not yet</span>}</td>
              <td>{r.builtIn ? 'the catalogue (read-only)' : r.createdBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit(session) ? (
        <form
          class="create-radar"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget as HTMLFormElement);
            setProblem(null);
            send<{ id: string }>('POST', 'api/radars', { title: String(f.get('title') ?? ''), seed: String(f.get('seed') ?? 'empty') })
              .then(({ id }) => (location.hash = href(`/radars/${encodeURIComponent(id)}`, { view: 'edit' })))
              .catch((err: Error) => setProblem(err.message));
          }}
        >
          <h2>New radar</h2>
          <label class="filter">
            <span>Title</span>
            <input name="title" required maxLength={120} placeholder="e.g. Data platform radar" />
          </label>
          <label class="filter">
            <span>Start from</span>
            <select name="seed">
              <option value="empty">nothing (an empty draft)</option>
              <option value="evidence">your saved stacks: their tools, in the rings the evidence gives, with why</option>
              <option value="catalogue">the catalogue’s radar: every tool, to prune</option>
            </select>
          </label>
          {problem && <p role="alert">{problem}</p>}
          <button type="submit">Create radar</button>
        </form>
      ) : (
        <p class="muted">
          {session.user ? 'Editors and admins can create radars.' : <a href={href('/signin', { next: '/radars' })}>Sign in</a>}
          {session.user ? '' : ' to create and edit radars.'}
        </p>
      )}
    </section>
  );
}
