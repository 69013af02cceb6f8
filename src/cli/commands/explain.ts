import type { Command } from 'commander';
import { printJson, withCatalogue } from '../context.js';
import { lookup } from './show.js';
import { explainPlacement } from '../../core/placement/place.js';

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('explain why a tool sits where it sits on the landscape')
    .argument('<tool>', 'tool id, name or alias')
    .option('--json', 'print JSON')
    .action(async (query: string, opts: { json?: boolean }, cmd: Command) => {
      await withCatalogue(cmd, ({ catalogue }) => {
        const t = lookup(catalogue, query);
        const p = catalogue.placement.get(t.id)!;
        const steps = explainPlacement(t, catalogue.tax);
        const quadrant = catalogue.tax.quadrantName.get(p.quadrant);
        if (opts.json) return printJson({ id: t.id, ...p, quadrantName: quadrant, steps });
        const out = [`${t.name}: ${quadrant} (x ${p.x}, y ${p.y})`, '', 'Artifact (x, software -1 .. model +1):'];
        for (const s of steps.filter((s) => s.axis === 'x')) out.push(`  - ${s.reason}`);
        out.push(`  = x ${p.computed.x}`, '', 'Scope (y, piecemeal -1 .. all-in-one +1):');
        for (const s of steps.filter((s) => s.axis === 'y')) out.push(`  - ${s.reason}`);
        out.push(`  = y ${p.computed.y}`, `  stages reached: ${p.stages.map((s) => catalogue.tax.stage.get(s)?.name ?? s).join(', ')}`);
        if (p.override) out.push('', `OVERRIDE to x ${p.override.x}, y ${p.override.y}: ${p.override.reason}`);
        const catQuadrants = new Set(t.categories.map((c) => catalogue.tax.category.get(c)?.quadrant));
        if (!catQuadrants.has(p.quadrant))
          out.push('', `Note: its categories (${t.categories.join(', ')}) belong to ${[...catQuadrants].map((q) => catalogue.tax.quadrantName.get(q!)).join(' / ')}, but the computed placement says ${quadrant}.`);
        process.stdout.write(out.join('\n') + '\n');
      });
    });
}
