/**
 * English wording of what the core returns as codes and parameters. The CLI and the web app both use
 * it, so an answer reads the same on every face; the API returns the codes themselves. Pure.
 */
import type { Taxonomy } from '../core/taxonomy/schema.js';
import type { RingEvidence } from '../core/radar/evidence.js';
import type { PlacementReason, PlacementStep } from '../core/placement/place.js';
import type { Advice, Gap, GapReason, InterlockHealth, Maturity, StackNote, UnmetRequirement } from '../core/stack/analyze.js';
import type { Alternative, Blocked, Constraint, Why } from '../core/recommend/recommend.js';
import type { FactIssue } from '../core/catalogue/health.js';

export interface Names {
  capability(id: string): string;
  stage(id: string): string;
  tool(id: string): string;
  interlock(id: string): string;
  ring(id: string): string;
  group(id: string): string;
  quadrant(id: string): string;
  persona(id: string): string;
  maturityModel(id: string): string;
  useCase(id: string): string;
  level(model: string, level: number): string;
}

export function namesFrom(tax: Taxonomy, toolName: (id: string) => string | undefined): Names {
  const map = <T extends { id: string; name: string }>(xs: readonly T[]) => new Map(xs.map((x) => [x.id, x.name]));
  const caps = map(tax.capabilities),
    stages = map(tax.stages),
    locks = map(tax.interlocks),
    rings = map(tax.rings),
    groups = map(tax.capabilityGroups);
  const quads = map(tax.quadrants),
    personas = map(tax.personas),
    models = map(tax.maturityModels),
    jobs = map(tax.useCases ?? []);
  return {
    capability: (id) => caps.get(id) ?? id,
    stage: (id) => stages.get(id) ?? id,
    tool: (id) => toolName(id) ?? id,
    interlock: (id) => locks.get(id) ?? id,
    ring: (id) => rings.get(id) ?? id,
    group: (id) => groups.get(id) ?? id,
    quadrant: (id) => quads.get(id) ?? id,
    persona: (id) => personas.get(id) ?? id,
    maturityModel: (id) => models.get(id) ?? id,
    useCase: (id) => jobs.get(id) ?? id,
    level: (model, level) => tax.maturityModels.find((m) => m.id === model)?.levels[level]?.name ?? `level ${level}`,
  };
}

/** "a, b and c" */
export function andList(xs: readonly string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

/** Lower-cases a name's first letter for use mid-sentence, unless it starts an acronym ("LLM", "AI gateway"). */
const lower = (s: string) => (/^[A-Z]{2}/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

// ---- placement ----

/** The practitioner's reason for a placement, one sentence per reason. */
export function placementSummary(reasons: readonly PlacementReason[], n: Names): string[] {
  return reasons.map((r) => {
    switch (r.code) {
      case 'scope': {
        const parts: string[] = [];
        parts.push(
          r.core.length
            ? `${r.core.length === 1 ? 'Its core feature is' : 'Its core features are'} ${andList(r.core.map((c) => lower(n.capability(c))))}`
            : 'It has no core feature of its own',
        );
        const stages: string[] = [];
        if (r.coreStages.length) stages.push(`serving ${andList(r.coreStages.map((s) => lower(n.stage(s))))}`);
        if (r.otherStages.length)
          stages.push(`${r.coreStages.length ? 'and supporting' : 'supporting'} ${andList(r.otherStages.map((s) => lower(n.stage(s))))}`);
        if (stages.length) parts[0] += `, ${stages.join(' ')}`;
        for (const j of r.jobs ?? []) parts.push(`${andList(j.capabilities.map((c) => lower(n.capability(c))))} are one job, ${lower(n.useCase(j.useCase))}`);
        if (r.spans.length)
          parts.push(`${andList(r.spans.map((c) => lower(n.capability(c))))} ${r.spans.length === 1 ? 'runs' : 'run'} several stages as one graph`);
        if (r.via.length) {
          const through = [...new Set(r.via.map((v) => v.via))];
          parts.push(`it offers ${andList(r.via.map((v) => lower(n.capability(v.capability))))} through ${andList(through.map(n.tool))}, entries of their own`);
        }
        if (r.substrate) parts.push('it rents out the compute that every stage runs on');
        const verdict = r.side === 'all-in-one' ? 'an all-in-one platform' : 'a piecemeal tool for part of the lifecycle';
        return `${parts.join('; ')}: ${verdict}.`;
      }
      case 'artifact':
        return r.capabilities.length
          ? `What it produces is ${r.side === 'model' ? 'shaped by models' : 'software and infrastructure'}: ${andList(r.capabilities.map((c) => lower(n.capability(c))))}.`
          : `Nothing it does is specific to models, so it sits on the software side.`;
      case 'cloud-service':
        return `It is ${andList(r.of.map(n.tool))}'s own service, so infrastructure of that cloud first: moved towards the software side.`;
      case 'tie':
        return 'Its capabilities balance between software and models; a tool not clearly shaped by models counts as software.';
      case 'override':
        return `Placed by hand: ${r.reason}`;
    }
  });
}

export function placementStep(s: PlacementStep, n: Names): string {
  switch (s.code) {
    case 'x.claim':
      return `${n.capability(s.capability)} (${s.strength}, weight ${s.weight}) sits at ${signed(s.artifact)}`;
    case 'x.mean':
      return `weighted mean of the capabilities' artifact positions: ${signed(s.value)}`;
    case 'x.cloud-service':
      return `a service of ${andList(s.of.map(n.tool))}: ${signed(s.shift)}`;
    case 'y.stage':
      return `${n.stage(s.stage)}: ${n.capability(s.capability)} (${s.strength}, ${s.role}) counts ${s.amount}`;
    case 'y.substrate':
      return `${n.capability(s.capability)} runs every stage without serving one: counts ${s.amount}`;
    case 'y.capabilities': {
      const jobs = (s.jobs ?? []).map(
        (j) => `; ${andList(j.capabilities.map((c) => n.capability(c)))} count as one use-case (${n.useCase(j.useCase)}), each after the first ${j.related}`,
      );
      return `use-cases from what it does: ${[...s.core.map((c) => n.capability(c)), ...s.partial.map((c) => `${n.capability(c)} (partial)`)].join(', ') || 'nothing'}${jobs.join('')}: ${s.amount}`;
    }
    case 'y.stages':
      return `reach over the lifecycle stages ${s.reach}, weighted ${s.weight}: ${s.amount}`;
    case 'y.total':
      return `${s.useCases} use-cases against the all-in-one threshold of ${s.allInOneAt}: y ${signed(s.y)}`;
  }
}

function signed(v: number): string {
  const r = Math.round(v * 100) / 100;
  return r > 0 ? `+${r}` : `${r}`;
}
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---- stacks ----

export function adviceText(a: Advice): string {
  switch (a.code) {
    case 'build-integrator':
      return 'glue between the tools you have: build integrators and connectors, not another platform (part 3)';
    case 'buy-specialised':
      return 'model-side and well served by specialised tools: buy one and mix it into your workflow (part 3)';
    case 'buy':
      return 'buy by default unless MLOps is your core business (part 3)';
  }
}

export function gapReason(r: GapReason, n: Names): string {
  switch (r.code) {
    case 'stage':
      return `nothing serves ${lower(n.stage(r.stage))}`;
    case 'level':
      return `level ${r.level} (${n.level(r.model, r.level)}) needs it: ${r.because}`;
    case 'need':
      return 'you listed it as a need';
  }
}

export function gapText(g: Gap, n: Names): string {
  const what =
    g.severity === 'partial'
      ? `${n.capability(g.capability)} only partly (${andList(g.partialIn.map(n.tool))}, with limits)`
      : `${n.capability(g.capability)} missing`;
  const via = g.availableVia.length
    ? `; ${andList(g.availableVia.map((v) => `${n.tool(v.tool)} offers it through ${n.tool(v.via)}`))}, which the stack does not include`
    : '';
  return `${what}: ${g.because.map((b) => gapReason(b, n)).join('; ')}${via}`;
}

export function interlockText(i: InterlockHealth, n: Names): string {
  switch (i.code) {
    case 'side-unserved':
      return `nothing serves ${andList(i.stages.map((s) => lower(n.stage(s))))} as a core feature`;
    case 'bridged':
      return `carried by ${andList(i.bridges.map((c) => lower(n.capability(c))))} (${andList(i.tools.map(n.tool))})`;
    case 'no-bridge':
      return `both sides are served, but nothing carries the handoff: add ${orList(i.bridges.map((c) => lower(n.capability(c))))}`;
  }
}

function orList(xs: readonly string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;
}

export function requirementText(r: UnmetRequirement, n: Names): string {
  const what = r.interlock ? `a healthy ${lower(n.interlock(r.interlock))}` : orList((r.capabilities ?? []).map((c) => lower(n.capability(c))));
  return `${what}: ${r.because}`;
}

export function maturityText(m: Maturity, n: Names): string {
  const here = `level ${m.level} (${n.level(m.model, m.level)}) of ${n.maturityModel(m.model)}`;
  if (m.next === null) return `${capitalise(here)}, the top level.`;
  return `${capitalise(here)}; level ${m.next} (${n.level(m.model, m.next)}) needs ${m.missing.length} more thing${m.missing.length === 1 ? '' : 's'}.`;
}

export function noteText(note: StackNote, n: Names): string {
  switch (note.code) {
    case 'no-own-ml-capability':
      return `${n.tool(note.tool)} itself covers no ML capability: it offers ${andList(note.via.map((v) => `${lower(n.capability(v.capability))} through ${n.tool(v.via)}`))}. Add those services to the stack if you use them.`;
  }
}

// ---- recommendations ----

/** How a constraint is named: as the CLI flag, or in words for the web. */
export function constraintText(c: Constraint, face: 'cli' | 'web', cloud?: string): string {
  const cli: Record<Constraint, string> = {
    exclude: '--exclude',
    retired: 'retired tools are never recommended',
    'open-source': '--oss',
    'self-hosted': '--self-hosted',
    cloud: cloud ? `--cloud ${cloud} (other clouds' services)` : "a cloud's own services need --cloud naming that cloud",
    provider: cloud ? `--cloud ${cloud} (other general clouds)` : 'general clouds are only chosen when --cloud names them',
    'max-tools': '--max-tools',
  };
  const web: Record<Constraint, string> = {
    exclude: 'the excluded tools',
    retired: 'retired tools are never recommended',
    'open-source': 'open source only',
    'self-hosted': 'self-hosted only',
    cloud: cloud ? `services of clouds other than ${cloud}` : "a cloud's own services need that cloud to be named",
    provider: 'general clouds are only chosen when named as your cloud',
    'max-tools': 'the limit on the number of tools',
  };
  return (face === 'cli' ? cli : web)[c];
}

export function blockedText(b: Blocked, n: Names, face: 'cli' | 'web', cloud?: string): string {
  const by = b.blockedBy.length ? `; ruled out by ${andList(b.blockedBy.map((c) => constraintText(c, face, cloud)))}` : '';
  switch (b.code) {
    case 'no-tool':
      return `no tool in the catalogue covers ${b.need ? lower(need(b.need, n)) : 'that'}`;
    case 'ruled-out':
      return `all ${b.tools} tools covering ${b.need ? lower(need(b.need, n)) : 'it'} are ruled out${by}`;
    case 'max-tools':
      return `covering every need takes at least ${b.tools} tools (${andList((b.minimum ?? []).map(n.tool))})${by}`;
    case 'solver':
      return `the solver found no stack (${b.status ?? 'unknown status'})`;
  }
}

/** A need is a capability or a stage id. */
export function need(id: string, n: Names): string {
  const c = n.capability(id);
  return c !== id ? c : n.stage(id);
}

export function whyText(w: Why, n: Names): string {
  switch (w.code) {
    case 'kept':
      return 'kept, as asked';
    case 'covers':
      return `covers ${andList(w.needs.map((x) => lower(need(x, n))))}`;
    case 'only':
      return `the only tool in this stack for ${andList(w.needs.map((x) => lower(need(x, n))))}`;
    case 'partial':
      return `only partly for ${andList(w.needs.map((x) => lower(need(x, n))))} (no allowed tool has it as a core feature)`;
    case 'ring':
      return w.practice
        ? `${n.ring(w.ring)} ring at best for ${lower(n.group(w.practice))}, a practice too young for any tool to be proven`
        : `${n.ring(w.ring)} ring`;
    case 'maintenance':
      return 'in maintenance only';
    case 'young':
      return w.years === 0 ? 'first released this year' : `first released ${w.years} year${w.years === 1 ? '' : 's'} ago`;
    case 'closed-source':
      return 'closed source';
    case 'unused':
      return `${w.capabilities} core feature${w.capabilities === 1 ? '' : 's'} beyond what you asked for`;
    case 'overlaps-kept':
      return `duplicates ${andList(w.capabilities.map((x) => lower(n.capability(x))))} of ${andList(w.with.map(n.tool))}, which you keep`;
    case 'integrates':
      return `works with ${andList(w.with.map(n.tool))}, which you keep`;
    case 'platform':
      return w.policy === 'specialised-first' ? 'a platform (part 3: specialised tools first)' : 'a piecemeal tool (you prefer platforms)';
    case 'integrated-by':
      return `${w.tools} catalogue tool${w.tools === 1 ? ' integrates' : 's integrate'} with it`;
    case 'own-cloud':
      return `${n.tool(w.cloud)}'s own service, on the cloud you named`;
  }
}

const KIND: Record<Alternative['kind'], string> = {
  best: 'Best balance',
  'fewest-tools': 'Fewest tools',
  'best-of-breed': 'Best of breed',
  'open-self-hosted': 'All open source and self-hosted',
};

export function optionName(kind: Alternative['kind']): string {
  return KIND[kind];
}

/** When other kinds of answer found the best stack itself: "It is also the fewest-tools answer." */
export function sameAsBestText(kinds: readonly Alternative['kind'][]): string {
  return kinds.length
    ? `It is also the ${andList(kinds.map((k) => lower(KIND[k])))} answer: asked for ${kinds.length === 1 ? 'that' : 'those'}, the solver finds this same stack.`
    : '';
}

/** One line: how an alternative trades against the best stack. */
export function tradeoffText(a: Alternative): string {
  const parts: string[] = [];
  const t = a.tradeoff;
  if (t.tools) parts.push(`${Math.abs(t.tools)} tool${Math.abs(t.tools) === 1 ? '' : 's'} ${t.tools > 0 ? 'more' : 'fewer'}`);
  if (t.risk) parts.push(`adoption risk ${t.risk > 0 ? 'higher' : 'lower'} by ${Math.abs(t.risk)}`);
  if (t.openSource && t.selfHosted) parts.push('everything open source and self-hosted');
  else if (t.openSource) parts.push('everything open source');
  parts.push(t.cost > 0 ? `${t.cost} points dearer overall` : t.cost < 0 ? `${-t.cost} points cheaper overall` : 'same overall cost');
  return `${KIND[a.kind]}: ${parts.join(', ')}.`;
}

// ---- catalogue health ----

export function factIssueText(f: FactIssue): string {
  switch (f.code) {
    case 'stale':
      return `checked ${f.checked}, ${f.days} days ago`;
    case 'no-repository':
      return 'open source but no repository';
    case 'no-vendor':
      return 'no vendor or foundation named';
    case 'no-replacement':
      return `${f.state} with no suggested replacement`;
    case 'retired-yet-releasing':
      return `${f.state} since ${f.since}, yet its repository released ${f.release} on ${f.date}`;
    case 'archived-yet-active':
      return `its repository is archived, yet the catalogue says ${f.state}`;
    case 'no-release-in-18-months':
      return `active, yet its last release was ${f.date} (over 18 months: maintenance?)`;
    case 'under-review':
      return `for review: ${f.found}`;
  }
}

/** A tool's ring and why, in one paragraph: each reason that moved it, in the order applied. */
export function ringEvidenceText(e: RingEvidence, tax: Taxonomy, toolName: (id: string) => string): string {
  const ring = (id: string) => tax.rings.find((r) => r.id === id)?.name ?? id;
  const parts = e.reasons.map((r): string => {
    switch (r.code) {
      case 'category': {
        const c = tax.categories.find((x) => x.id === r.category);
        return `${c?.name ?? r.category}, which part 3 puts in ${ring(r.ring)}: ${c?.ringReason ?? ''}`.trim();
      }
      case 'no-category':
        return `No category of part 3 fits it, so it starts in the middle ring, ${ring(r.ring)}.`;
      case 'track-record':
        return `${r.years === 0 ? 'First released this year' : `First released ${r.years} year${r.years === 1 ? '' : 's'} ago`}; ${r.integrations === 0 ? 'no catalogue tool lists an integration with it' : `${r.integrations} catalogue tool${r.integrations === 1 ? ' integrates' : 's integrate'} with it`}.`;
      case 'ecosystem':
        return `A standard much of the ecosystem builds on (${r.integrations} integrations, ${r.years} years): ${ring(r.ring)}.`;
      case 'used-by-teams':
        return r.teams === 1 ? `One of your teams already uses it.` : `${r.teams} of your teams already use it: ${ring(r.ring)}.`;
      case 'young':
        return `Young for its field: ${ring(r.ring)} at best.`;
      case 'maintenance':
        return `In maintenance only (fixes, no new features): ${ring(r.ring)} at best.`;
      case 'practice': {
        const g = tax.capabilityGroups.find((x) => x.id === r.group);
        return `${g?.name ?? r.group}: ${g?.ringCeiling?.reason ?? ''} ${ring(r.ring)} at best.`.replace(/\s+/g, ' ');
      }
      case 'retired':
        return `It is ${r.state}${r.replacedBy.length ? `; consider ${r.replacedBy.map(toolName).join(', ')}` : ''}: ${ring(r.ring)}.`;
      case 'decided':
        return `Your decision on the radar "${r.radar}" (${r.date}): ${ring(r.ring)}.`;
    }
  });
  return parts.map((p) => (/[.!?]$/.test(p) ? p : `${p}.`)).join(' ');
}
