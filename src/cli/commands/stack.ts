import { Option, type Command } from 'commander';
import { resolve, relative } from 'node:path';
import type { Catalogue } from '../../core/catalogue/catalogue.js';
import { formatProblem } from '../../core/problems.js';
import { analyzeStack } from '../../core/stack/analyze.js';
import type { Stack } from '../../core/stack/schema.js';
import { isRetired } from '../../core/catalogue/tool.js';
import { layoutLandscape, renderLandscapeSvg } from '../../core/render/landscape.js';
import { readStackFile } from '../../formats/stack-file.js';
import { writePicture } from '../../export/write-picture.js';
import { highsSolver } from '../../solver/highs.js';
import { recommend, type Policy } from '../../core/recommend/recommend.js';
import { UserError, list, printJson, withCatalogue } from '../context.js';
import { catalogueNames } from '../names.js';
import type { StackAnalysis } from '../../core/stack/analyze.js';
import type { Recommendation } from '../../core/recommend/recommend.js';
import {
  adviceText,
  andList,
  blockedText,
  gapText,
  interlockText,
  maturityText,
  namesFrom,
  need,
  noteText,
  optionName,
  requirementText,
  tradeoffText,
  sameAsBestText,
  whyText,
  type Names,
} from '../../wording/en.js';

const TEAM_COLOURS = ['#d1495b', '#2f6db5', '#2e8a4a', '#b5832f', '#6b4fb3', '#00798c'];

export function loadStack(cat: Catalogue, file: string): Stack {
  const { stack, problems } = readStackFile(resolve(file), relative(process.cwd(), resolve(file)) || file, cat);
  if (!stack) throw new UserError(problems.map(formatProblem).join('\n'));
  return stack;
}

export function registerStack(program: Command): void {
  const stack = program.command('stack').description("an organisation's stack: lifecycle coverage, gaps, overlaps, footprints");

  stack
    .command('analyze')
    .description(
      'analyse a stack file: maturity level, capability gaps (with build-vs-buy advice), stages, interlocks, overlaps, team footprints, retired tools',
    )
    .argument('<file>', 'stack YAML file (see docs/STACKS.md)')
    .option('--target-level <n>', 'the maturity level to aim for (default: the next level)')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean; targetLevel?: string }, cmd: Command) => {
      const targetLevel = opts.targetLevel === undefined ? undefined : Number(opts.targetLevel);
      if (targetLevel !== undefined && (!Number.isInteger(targetLevel) || targetLevel < 0))
        throw new UserError(`--target-level must be a whole number from 0, not "${opts.targetLevel}"`, 2);
      await withCatalogue(cmd, ({ catalogue }) => {
        const s = loadStack(catalogue, file);
        const model = catalogue.tax.taxonomy.maturityModels.find((m) => m.id === s.maturityModel) ?? catalogue.tax.taxonomy.maturityModels[0];
        if (targetLevel !== undefined && model && targetLevel >= model.levels.length)
          throw new UserError(`--target-level: ${model.name} has levels 0 to ${model.levels.length - 1}`, 2);
        const a = analyzeStack(catalogue, s, { targetLevel });
        if (opts.json) return printJson(a);
        process.stdout.write(formatAnalysis(catalogue, a));
      });
    });

  stack
    .command('map')
    .description("draw the stack's footprint on the landscape: each team's tools, hull and centre")
    .argument('<file>', 'stack YAML file')
    .requiredOption('--out <file>', 'FILE.svg or FILE.png')
    .action(async (file: string, opts: { out: string }, cmd: Command) => {
      if (!/\.(svg|png)$/i.test(opts.out)) throw new UserError(`--out must end in .svg or .png: "${opts.out}"`, 2);
      await withCatalogue(cmd, ({ catalogue }) => {
        const a = analyzeStack(catalogue, loadStack(catalogue, file));
        const inHouse = a.tools.filter((t) => t.inHouse);
        const points = [
          ...catalogue.tools.map((t) => {
            const p = catalogue.placement.get(t.id)!;
            return { id: t.id, name: t.name, x: p.x, y: p.y, quadrant: p.quadrant, retired: isRetired(t) };
          }),
          ...inHouse.map((t) => ({ id: t.id, name: `${t.name} (in-house)`, x: t.x, y: t.y, quadrant: t.quadrant })),
        ];
        const layout = layoutLandscape(points, {
          title: `${a.name} on the MLOps landscape`,
          subtitle: `${a.tools.length} tools in ${a.footprints.length} teams${a.personaDistance !== null ? ` · ${catalogueNames(catalogue).persona(a.personas[0])} and ${catalogueNames(catalogue).persona(a.personas[1])} teams ${a.personaDistance.toFixed(2)} apart` : ''}`,
          highlight: new Set(a.tools.map((t) => t.id)),
          quadrants: catalogue.tax.taxonomy.quadrants,
        });
        const n = catalogueNames(catalogue);
        const footprints = a.footprints.map((f, i) => ({
          label: `${f.team} (${n.persona(f.persona)})`,
          points: f.hull,
          centroid: f.centroid,
          color: TEAM_COLOURS[i % TEAM_COLOURS.length]!,
        }));
        writePicture(opts.out, renderLandscapeSvg(layout, { footprints }));
        process.stdout.write(`wrote ${opts.out}\n`);
      });
    });
}

export function registerRecommend(program: Command): void {
  program
    .command('recommend')
    .description('choose the fewest tools that cover the needs, then the least overlap and adoption risk (a MIP solved by HiGHS)')
    .option('--need <ids>', 'capability or stage ids to cover, comma-separated', list)
    .option('--oss', 'open-source tools only')
    .option('--self-hosted', 'only tools you can run yourself')
    .option('--cloud <id>', "the cloud you are on; other clouds' services are left out")
    .option('--keep <ids>', 'tools that must stay, comma-separated', list)
    .option('--exclude <ids>', 'tools never to choose, comma-separated', list)
    .option('--max-tools <n>', 'at most this many tools in all')
    .addOption(
      new Option('--policy <p>', "part 3's 'specialised-first' or 'prefer-platforms'")
        .choices(['specialised-first', 'prefer-platforms'])
        .default('specialised-first'),
    )
    .option('--from <stackfile>', 'fill the gaps of an existing stack: its tools are kept, its gaps are the needs')
    .option('--json', 'print JSON')
    .action(
      async (
        opts: {
          need?: string[];
          oss?: boolean;
          selfHosted?: boolean;
          cloud?: string;
          keep?: string[];
          exclude?: string[];
          maxTools?: string;
          policy: Policy;
          from?: string;
          json?: boolean;
        },
        cmd: Command,
      ) => {
        const maxTools = opts.maxTools === undefined ? undefined : Number(opts.maxTools);
        if (maxTools !== undefined && (!Number.isInteger(maxTools) || maxTools < 1))
          throw new UserError(`--max-tools must be a positive whole number, not "${opts.maxTools}"`, 2);
        await withCatalogue(cmd, async ({ catalogue }) => {
          let needs = opts.need ?? [];
          let keep = opts.keep ?? [];
          let fromStack: Stack | undefined;
          if (opts.from) {
            const stack = (fromStack = loadStack(catalogue, opts.from));
            const a = analyzeStack(catalogue, stack);
            // Every catalogue tool is kept, retired ones too: the recommender takes those out and says what replaces them.
            keep = [...new Set([...keep, ...a.tools.filter((t) => !t.inHouse).map((t) => t.id)])];
            needs = [...new Set([...needs, ...a.gaps.map((g) => g.capability)])];
          }
          if (!needs.length) throw new UserError('say what to cover: --need a,b,c (capability or stage ids), or --from STACKFILE', 2);
          for (const n of needs)
            if (!catalogue.tax.capability.has(n) && !catalogue.tax.stage.has(n))
              throw new UserError(`unknown need "${n}": use a capability or stage id (mlnav tools --json lists capability ids)`);
          for (const id of [...keep, ...(opts.exclude ?? []), ...(opts.cloud ? [opts.cloud] : [])])
            if (!catalogue.byId.has(id)) throw new UserError(`unknown tool "${id}"`);
          const r = recommend(
            catalogue,
            {
              needs,
              openSourceOnly: opts.oss ?? fromStack?.constraints.openSourceOnly,
              selfHosted: opts.selfHosted ?? fromStack?.constraints.selfHosted,
              cloud: opts.cloud ?? fromStack?.cloud,
              keep,
              exclude: [...(opts.exclude ?? []), ...(fromStack?.constraints.exclude ?? [])],
              maxTools: maxTools ?? fromStack?.constraints.maxTools,
              policy: opts.policy,
            },
            await highsSolver(),
          );
          if (opts.json) {
            printJson({ ...r, needs });
            if (!r.feasible) process.exitCode = 1;
            return;
          }
          const n = catalogueNames(catalogue);
          if (!r.feasible)
            throw new UserError(
              r.blocked.map((b) => `cannot cover ${b.need ? need(b.need, n) : 'every need'}: ${blockedText(b, n, 'cli', opts.cloud)}`).join('\n'),
            );
          process.stdout.write(formatRecommendation(r, needs, n));
        });
      },
    );
}

const STATUS_MARK = { served: 'ok     ', partial: 'PARTIAL', unserved: 'GAP    ' } as const;

/** The analysis as a practitioner reads it: level first, then what is missing and why. */
export function formatAnalysis(cat: Catalogue, a: StackAnalysis): string {
  const own = new Map(a.tools.map((t) => [t.id, t.name]));
  const n = namesFrom(cat.tax.taxonomy, (id) => own.get(id) ?? cat.byId.get(id)?.name);
  const out = [`${a.name}: ${a.tools.length} tools`, ''];
  if (a.maturity) {
    out.push(`Maturity: ${maturityText(a.maturity, n)}`);
    for (const m of a.maturity.missing) out.push(`  needs ${requirementText(m, n)}`);
    out.push('');
  }
  out.push(`Gaps (${a.gaps.length}), against level ${a.maturity?.target ?? '-'} and the lifecycle:`);
  for (const g of a.gaps) out.push(`  - [${n.stage(g.stage)}] ${gapText(g, n)}`, `      advice: ${adviceText(g.advice)}`);
  for (const note of a.notes) out.push('', `Note: ${noteText(note, n)}`);
  out.push('', 'Lifecycle stages:');
  for (const s of a.stages) {
    const support = s.support.map((x) => `${n.tool(x.tool)} (${x.strength} ${n.capability(x.capability).toLowerCase()})`);
    out.push(
      `  ${STATUS_MARK[s.status]} ${n.stage(s.stage).padEnd(20)} ${s.tools.map(n.tool).join(', ') || '-'}${support.length && s.status !== 'served' ? `; only ${andList(support)}` : ''}`,
    );
  }
  out.push('', 'Interlocks:');
  for (const i of a.interlocks) out.push(`  ${i.health.padEnd(7)} ${n.interlock(i.id)}: ${interlockText(i, n)}`);
  if (a.unintegrated.length) {
    out.push('', `No known integration across the interlocks (${a.unintegrated.length}):`);
    for (const p of a.unintegrated) out.push(`  - ${n.tool(p.from)} -> ${n.tool(p.to)} (${n.interlock(p.interlock)})`);
  }
  out.push('', `Overlaps (${a.overlaps.length}):`);
  for (const o of a.overlaps) out.push(`  - ${n.capability(o.capability)}: ${o.tools.map(n.tool).join(', ')}`);
  out.push('', 'Footprints:');
  for (const f of a.footprints)
    out.push(
      `  - ${f.team} (${n.persona(f.persona)}): centre ${f.centroid ? `(${f.centroid.x.toFixed(2)}, ${f.centroid.y.toFixed(2)})` : '-'}, ${f.tools.length} tools`,
    );
  if (a.personaDistance !== null)
    out.push(
      `  ${n.persona(a.personas[0])} <-> ${n.persona(a.personas[1])}: ${a.personaDistance.toFixed(2)}${a.oppositeEnds ? ' (opposite ends of the map: integration will be hard)' : ''}`,
    );
  out.push('', `Retired tools in use (${a.retired.length}):`);
  for (const r of a.retired)
    out.push(
      `  - ${n.tool(r.tool)} (${r.state}${r.since ? ` since ${r.since}` : ''}): counts for nothing (${r.voided.map(n.capability).join(', ') || 'no capability'}); consider ${r.replacements.map(n.tool).join(', ') || 'no known replacement'}`,
    );
  return out.join('\n') + '\n';
}

export function formatRecommendation(r: Recommendation, needs: string[], n: Names): string {
  const out = [
    `Best stack: ${r.tools.length} tool${r.tools.length === 1 ? '' : 's'} for ${needs.length} need${needs.length === 1 ? '' : 's'} (proven optimal; cost ${r.objective.cost}, overlap ${r.objective.overlap}, risk ${r.objective.risk}):`,
  ];
  for (const c of r.chosen) out.push(`  ${n.tool(c.id).padEnd(24)} ${c.why.map((w) => whyText(w, n)).join('; ')}`);
  for (const x of r.replaced)
    out.push(
      '',
      `Replaced ${n.tool(x.tool)}: it is ${x.state}, so it counts for nothing${x.by.length ? `; its work now goes to ${andList(x.by.map(n.tool))}` : ''}.`,
    );
  for (const f of r.fallback) out.push('', `No allowed tool has ${need(f.need, n).toLowerCase()} as a core feature; covered partially instead.`);
  if (r.sameAsBest.length) out.push('', sameAsBestText(r.sameAsBest));
  if (r.alternatives.length) {
    out.push('', 'Alternatives:');
    for (const a of r.alternatives) out.push(`  ${optionName(a.kind)}: ${a.tools.map(n.tool).join(', ')}`, `    ${tradeoffText(a)}`);
  }
  out.push('', 'Per need (chosen; next best, with why):');
  for (const id of needs) {
    const alts = (r.perNeed[id] ?? []).map((x) => `${n.tool(x.tool)} (${x.why.map((w) => whyText(w, n)).join(', ')})`);
    out.push(`  ${need(id, n).padEnd(36)} ${(r.covers[id] ?? []).map(n.tool).join(', ')}; ${alts.join('; ') || '-'}`);
  }
  return out.join('\n') + '\n';
}
