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
    .description('analyse a stack file: stages served, gaps (with build-vs-buy hints), overlaps, interlocks, team footprints, retired tools')
    .argument('<file>', 'stack YAML file (see docs/STACKS.md)')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }, cmd: Command) => {
      await withCatalogue(cmd, ({ catalogue }) => {
        const a = analyzeStack(catalogue, loadStack(catalogue, file));
        if (opts.json) return printJson(a);
        const out = [`${a.name}: ${a.tools.length} tools`, '', 'Lifecycle stages:'];
        for (const s of a.stages) out.push(`  ${s.tools.length ? 'ok ' : 'GAP'} ${s.name.padEnd(20)} ${s.tools.join(', ') || '-'}`);
        out.push('', 'Interlocks:');
        for (const i of a.interlocks) out.push(`  ${i.health.padEnd(7)} ${i.name}: ${i.reason}`);
        out.push('', `Gaps (${a.gaps.length}):`);
        for (const g of a.gaps) out.push(`  - ${g.kind} ${g.name}: ${g.hint.advice} (${g.hint.reason})`);
        out.push('', `Overlaps (${a.overlaps.length}):`);
        for (const o of a.overlaps) out.push(`  - ${o.name}: ${o.tools.join(', ')}`);
        out.push('', 'Footprints:');
        for (const f of a.footprints) out.push(`  - ${f.team} (${f.persona}): centre ${f.centroid ? `(${f.centroid.x.toFixed(2)}, ${f.centroid.y.toFixed(2)})` : '-'}, ${f.tools.length} tools`);
        if (a.personaDistance !== null)
          out.push(`  researchers <-> engineers: ${a.personaDistance.toFixed(2)}${a.oppositeEnds ? ' (opposite ends of the map: integration will be hard)' : ''}`);
        out.push('', `Retired tools in use (${a.retired.length}):`);
        for (const r of a.retired) out.push(`  - ${r.tool} (${r.state}): consider ${r.replacements.join(', ') || 'no known replacement'}`);
        process.stdout.write(out.join('\n') + '\n');
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
        const layout = layoutLandscape(points, { title: `${a.name} on the MLOps landscape`, subtitle: `${a.tools.length} tools in ${a.footprints.length} teams${a.personaDistance !== null ? ` · researchers and engineers ${a.personaDistance.toFixed(2)} apart` : ''}`, highlight: new Set(a.tools.map((t) => t.id)) });
        const footprints = a.footprints.map((f, i) => ({ label: `${f.team} (${f.persona})`, points: f.hull, centroid: f.centroid, color: TEAM_COLOURS[i % TEAM_COLOURS.length]! }));
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
    .option('--cloud <id>', 'the cloud you are on; other clouds\' services are left out')
    .option('--keep <ids>', 'tools that must stay, comma-separated', list)
    .option('--exclude <ids>', 'tools never to choose, comma-separated', list)
    .option('--max-tools <n>', 'at most this many tools in all')
    .addOption(new Option('--policy <p>', "part 3's 'specialised-first' or 'prefer-platforms'").choices(['specialised-first', 'prefer-platforms']).default('specialised-first'))
    .option('--from <stackfile>', 'fill the gaps of an existing stack: its tools are kept, its gaps are the needs')
    .option('--json', 'print JSON')
    .action(async (opts: { need?: string[]; oss?: boolean; selfHosted?: boolean; cloud?: string; keep?: string[]; exclude?: string[]; maxTools?: string; policy: Policy; from?: string; json?: boolean }, cmd: Command) => {
      const maxTools = opts.maxTools === undefined ? undefined : Number(opts.maxTools);
      if (maxTools !== undefined && (!Number.isInteger(maxTools) || maxTools < 1)) throw new UserError(`--max-tools must be a positive whole number, not "${opts.maxTools}"`, 2);
      await withCatalogue(cmd, async ({ catalogue }) => {
        let needs = opts.need ?? [];
        let keep = opts.keep ?? [];
        if (opts.from) {
          const stack = loadStack(catalogue, opts.from);
          const a = analyzeStack(catalogue, stack);
          keep = [...new Set([...keep, ...a.tools.filter((t) => !t.inHouse).map((t) => t.id)])];
          if (!needs.length) needs = stack.needs.length ? stack.needs : catalogue.tax.taxonomy.stages.map((s) => s.id);
          needs = [...new Set([...needs, ...a.gaps.map((g) => g.id)])];
        }
        if (!needs.length) throw new UserError('say what to cover: --need a,b,c (capability or stage ids), or --from STACKFILE', 2);
        for (const n of needs) if (!catalogue.tax.capability.has(n) && !catalogue.tax.stage.has(n)) throw new UserError(`unknown need "${n}": use a capability or stage id (mlnav tools --json lists capability ids)`);
        for (const id of [...keep, ...(opts.exclude ?? []), ...(opts.cloud ? [opts.cloud] : [])]) if (!catalogue.byId.has(id)) throw new UserError(`unknown tool "${id}"`);
        const r = recommend(catalogue, { needs, openSourceOnly: opts.oss, selfHosted: opts.selfHosted, cloud: opts.cloud, keep, exclude: opts.exclude, maxTools, policy: opts.policy }, await highsSolver());
        if (opts.json) {
          printJson({ ...r, needs });
          if (!r.feasible) process.exitCode = 1;
          return;
        }
        if (!r.feasible) throw new UserError(r.blocked.map((b) => `cannot cover ${b.need}: ${b.reason}${b.blockedBy.length ? `; blocked by ${b.blockedBy.join(', ')}` : ''}`).join('\n'));
        const out = [`${r.tools.length} tools cover ${needs.length} needs (proven optimal: fewest tools, then least overlap ${r.objective.overlap} and risk ${r.objective.risk}):`];
        for (const c of r.chosen) out.push(`  ${c.id.padEnd(24)} ${c.why}`);
        out.push('', 'Per need (chosen; alternatives):');
        for (const n of needs) out.push(`  ${n.padEnd(28)} ${r.covers[n]!.join(', ')}; ${r.alternatives[n]!.join(', ') || '-'}`);
        process.stdout.write(out.join('\n') + '\n');
      });
    });
}
