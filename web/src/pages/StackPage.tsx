import { useEffect, useMemo, useState } from 'preact/hooks';
import { renderLandscapeSvg } from '../../../src/core/render/landscape';
import { coverageColour, layoutLifecycle, renderLifecycleSvg } from '../../../src/core/render/lifecycle';
import type { StackAnalysis } from '../../../src/core/stack/analyze';
import type { Recommendation } from '../../../src/core/recommend/recommend';
import type { WebCatalogue } from '../lib/data';
import { postJson, serverAvailable } from '../lib/api';
import { href } from '../lib/route';
import { findTool } from '../lib/find-tool';

type Persona = 'researcher' | 'engineer' | 'ml-engineer';
interface Team {
  name: string;
  persona: Persona;
  tools: string[];
}

const COLOURS = ['#d1495b', '#2f6db5', '#2e8a4a', '#b5832f', '#6b4fb3', '#00798c'];

const PERSONAS = ['researcher', 'engineer', 'ml-engineer'];

/** Teams live in the URL: `teams=Research~researcher~mlflow.optuna|Platform~engineer~kubernetes`. */
export function teamsFrom(params: URLSearchParams): Team[] {
  const raw = params.get('teams');
  if (!raw) return [{ name: 'Research', persona: 'researcher', tools: [] }, { name: 'Platform', persona: 'engineer', tools: [] }];
  return raw.split('|').map((t) => {
    const [name = 'Team', persona = 'engineer', tools = ''] = t.split('~');
    return { name, persona: (PERSONAS.includes(persona) ? persona : 'engineer') as Persona, tools: tools.split('.').filter(Boolean) };
  });
}

/** Personas in the URL that teamsFrom could not read (it shows those teams as engineers, and says so). */
function unknownPersonas(params: URLSearchParams): string[] {
  return (params.get('teams') ?? '').split('|').map((t) => t.split('~')[1] ?? '').filter((p) => p !== '' && !PERSONAS.includes(p));
}

function teamsParam(teams: Team[]): string {
  return teams.map((t) => [t.name.replace(/[~|]/g, ' '), t.persona, t.tools.join('.')].join('~')).join('|');
}

/** Build a stack team by team; see its footprint, coverage, gaps and overlaps; ask for tools to fill the gaps. */
export function StackPage({ cat, params }: { cat: WebCatalogue; params: URLSearchParams }) {
  const teams = teamsFrom(params);
  const byId = useMemo(() => new Map(cat.tools.map((t) => [t.id, t])), [cat]);
  const [analysis, setAnalysis] = useState<StackAnalysis | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rec, setRec] = useState<Recommendation | null>(null);
  const [pick, setPick] = useState<string[]>(teams.map(() => ''));
  const [notFound, setNotFound] = useState('');
  const badPersonas = unknownPersonas(params);
  const key = params.get('teams') ?? '';
  const setTeams = (next: Team[]) => (location.hash = href('/stack', { teams: teamsParam(next) }));
  const live = serverAvailable();

  useEffect(() => {
    setRec(null);
    if (!live || !teams.some((t) => t.tools.length)) return setAnalysis(null);
    postJson<StackAnalysis>('api/stacks/analyze', { name: 'My stack', teams }).then((a) => (setAnalysis(a), setError(null)), (e: Error) => setError(e.message));
  }, [key]);

  const mapSvg = useMemo(() => {
    if (!analysis) return '';
    const ids = new Set(analysis.tools.map((t) => t.id));
    const layout = { ...cat.map, marks: cat.map.marks.map((m) => ({ ...m, highlighted: ids.has(m.id) })) };
    const footprints = analysis.footprints.map((f, i) => ({ label: `${f.team} (${f.persona})`, points: f.hull, centroid: f.centroid, color: COLOURS[i % COLOURS.length]! }));
    return renderLandscapeSvg(layout, { footprints });
  }, [analysis, cat]);
  const loopsSvg = useMemo(
    () => (analysis ? renderLifecycleSvg(layoutLifecycle(cat.taxonomy, Object.fromEntries(analysis.stages.map((s) => [s.stage, s.tools.length])))) : ''),
    [analysis, cat],
  );

  const add = (i: number) => {
    const wanted = (pick[i] ?? '').trim();
    if (!wanted) return;
    const t = findTool(cat, wanted);
    if (!t) return setNotFound(wanted); // keep what was typed, so it can be corrected
    setNotFound('');
    setTeams(teams.map((team, j) => (j === i && !team.tools.includes(t.id) ? { ...team, tools: [...team.tools, t.id] } : team)));
    setPick(pick.map((p, j) => (j === i ? '' : p)));
  };
  const recommendGaps = async () => {
    if (!analysis) return;
    const needs = analysis.gaps.map((g) => g.id);
    if (!needs.length) return;
    try {
      setRec(await postJson<Recommendation>('api/recommend', { needs, keep: analysis.tools.filter((t) => !t.inHouse).map((t) => t.id) }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section class="stack-page" aria-labelledby="stack-title">
      <h1 id="stack-title">Your stack on the map</h1>
      {!live && <p class="notice">The stack builder needs the server (mlnav serve); this is a static copy of the catalogue.</p>}
      <div class="teams">
        {teams.map((team, i) => (
          <fieldset key={i} class="team" style={{ borderColor: COLOURS[i % COLOURS.length] }}>
            <legend>
              <input aria-label="Team name" value={team.name} onChange={(e) => setTeams(teams.map((t, j) => (j === i ? { ...t, name: (e.currentTarget as HTMLInputElement).value } : t)))} />
              <select aria-label={`Persona of ${team.name}`} value={team.persona} onChange={(e) => setTeams(teams.map((t, j) => (j === i ? { ...t, persona: (e.currentTarget as HTMLSelectElement).value as Persona } : t)))}>
                <option value="researcher">researcher</option>
                <option value="engineer">engineer</option>
                <option value="ml-engineer">ML engineer</option>
              </select>
              <button type="button" class="link" aria-label={`Remove team ${team.name}`} onClick={() => setTeams(teams.filter((_, j) => j !== i))}>×</button>
            </legend>
            <ul class="chips">
              {team.tools.map((id) => (
                <li key={id}>
                  <span class="chip">{byId.get(id)?.name ?? id} <button type="button" class="link" aria-label={`Remove ${byId.get(id)?.name ?? id}`} onClick={() => setTeams(teams.map((t, j) => (j === i ? { ...t, tools: t.tools.filter((x) => x !== id) } : t)))}>×</button></span>
                </li>
              ))}
            </ul>
            <form class="add" onSubmit={(e) => { e.preventDefault(); add(i); }}>
              <input list="stack-tool-names" aria-label={`Add a tool to ${team.name}`} placeholder="Add a tool…" value={pick[i] ?? ''} onInput={(e) => setPick(teams.map((_, j) => (j === i ? (e.currentTarget as HTMLInputElement).value : pick[j] ?? '')))} />
              <button type="submit">Add</button>
            </form>
          </fieldset>
        ))}
        <button type="button" onClick={() => setTeams([...teams, { name: `Team ${teams.length + 1}`, persona: 'ml-engineer', tools: [] }])}>Add a team</button>
        <datalist id="stack-tool-names">{cat.tools.map((t) => <option value={t.name} key={t.id} />)}</datalist>
      </div>
      {notFound && <p role="alert">No tool called “{notFound}” in the catalogue: pick one from the list.</p>}
      {badPersonas.length > 0 && <p role="alert">Unknown persona in the link, shown as engineer: {badPersonas.map((p) => `“${p}”`).join(', ')} (known: researcher, engineer, ml-engineer).</p>}
      {error && <p role="alert">{error}</p>}
      {analysis && (
        <div class="analysis">
          <div class="grid">
            <section aria-labelledby="st-loops">
              <h2 id="st-loops">Lifecycle coverage</h2>
              <div class="loops" dangerouslySetInnerHTML={{ __html: loopsSvg }} />
              <ul class="stages">
                {analysis.interlocks.map((i) => <li key={i.id} class={`health-${i.health}`}><strong>{i.name}</strong>: {i.health} ({i.reason})</li>)}
              </ul>
            </section>
            <section aria-labelledby="st-gaps">
              <h2 id="st-gaps">Gaps <span class="muted">({analysis.gaps.length})</span></h2>
              <ul data-testid="gaps">
                {analysis.gaps.map((g) => <li key={g.id} data-gap={g.id}><span style={{ color: coverageColour(0) }}>●</span> {g.name}: <em>{g.hint.advice}</em> <span class="muted small">{g.hint.reason}</span></li>)}
              </ul>
              {analysis.gaps.length > 0 && <button type="button" onClick={() => void recommendGaps()}>Recommend tools for the gaps</button>}
              {rec && (
                <div class="recommendation" data-testid="recommendation">
                  {rec.feasible ? (
                    <>
                      <p>Add {rec.chosen.filter((c) => !c.kept).length} tool(s){rec.optimal ? ', proven the fewest' : ''}:</p>
                      <ul>{rec.chosen.filter((c) => !c.kept).map((c) => <li key={c.id}><a href={href(`/tools/${c.id}`)}>{byId.get(c.id)?.name ?? c.id}</a>: {c.why}</li>)}</ul>
                    </>
                  ) : (
                    <ul>{rec.blocked.map((b, i) => <li key={i}>Cannot cover {b.need}: {b.reason}{b.blockedBy.length ? ` (blocked by ${b.blockedBy.join(', ')})` : ''}</li>)}</ul>
                  )}
                </div>
              )}
              <h2>Overlaps <span class="muted">({analysis.overlaps.length})</span></h2>
              <ul>{analysis.overlaps.map((o) => <li key={o.capability}>{o.name}: {o.tools.map((id) => byId.get(id)?.name ?? id).join(', ')}</li>)}</ul>
              <h2>Retired tools <span class="muted">({analysis.retired.length})</span></h2>
              <ul>{analysis.retired.map((r) => <li key={r.tool}>{byId.get(r.tool)?.name ?? r.tool} ({r.state}): consider {r.replacements.map((id) => byId.get(id)?.name ?? id).join(', ')}</li>)}</ul>
              {analysis.personaDistance !== null && (
                <p class={analysis.oppositeEnds ? 'notice' : 'note'}>Researchers and engineers are {analysis.personaDistance.toFixed(2)} apart on the map{analysis.oppositeEnds ? ': opposite ends, so integration will be hard.' : '.'}</p>
              )}
            </section>
          </div>
          <h2>Footprints</h2>
          <div class="map" dangerouslySetInnerHTML={{ __html: mapSvg }} />
        </div>
      )}
    </section>
  );
}
