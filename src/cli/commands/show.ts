import type { Command } from 'commander';
import { findTool, type Catalogue } from '../../core/catalogue/catalogue.js';
import { summarise } from '../../core/catalogue/query.js';
import { UserError, printJson, withCatalogue } from '../context.js';

export function lookup(cat: Catalogue, query: string) {
  const tool = findTool(cat, query);
  if (!tool) throw new UserError(`unknown tool "${query}" (try: mlnav tools)`);
  return tool;
}

export function registerShow(program: Command): void {
  program
    .command('show')
    .description('show one tool: its facts, capabilities and placement')
    .argument('<tool>', 'tool id, name or alias')
    .option('--json', 'print JSON')
    .action(async (query: string, opts: { json?: boolean }, cmd: Command) => {
      await withCatalogue(cmd, ({ catalogue }) => {
        const t = lookup(catalogue, query);
        const p = catalogue.placement.get(t.id)!;
        if (opts.json) return printJson({ ...t, placement: { x: p.x, y: p.y, quadrant: p.quadrant, override: p.override } });
        const names = (ids: string[], kind: 'capability' | 'category') => ids.map((i) => catalogue.tax[kind].get(i)?.name ?? i).join(', ') || '-';
        const s = summarise(catalogue, t);
        const lines = [
          `${t.name} (${t.id})${t.aliases.length ? `, also ${t.aliases.join(', ')}` : ''}`,
          t.description,
          '',
          `quadrant      ${catalogue.tax.quadrantName.get(s.quadrant)} at x ${s.x}, y ${s.y}${p.override ? ' (override)' : ''}`,
          `categories    ${names(t.categories, 'category')}`,
          `primary       ${names(t.capabilities.primary, 'capability')}`,
          `secondary     ${names(t.capabilities.secondary, 'capability')}`,
          `licence       ${t.license}${t.openSource ? ' (open source)' : ''}`,
          `offering      ${t.offering.join(', ')}`,
          `vendor        ${t.vendor ?? '-'}`,
          `status        ${t.status.state}${t.status.acquired ? ` (acquired by ${t.status.acquired.by}, ${t.status.acquired.date})` : ''}${t.status.since ? ` since ${t.status.since}` : ''}, checked ${t.status.checked}`,
          ...(t.status.note ? [`              ${t.status.note}`] : []),
          ...(t.status.replacedBy?.length ? [`replaced by   ${t.status.replacedBy.join(', ')}`] : []),
          `first release ${t.firstRelease}`,
          `homepage      ${t.homepage}`,
          ...(t.repository ? [`repository    ${t.repository}`] : []),
          `works with    ${t.worksWith.join(', ') || '-'}`,
          `competes with ${t.competesWith.join(', ') || '-'}`,
        ];
        process.stdout.write(lines.join('\n') + '\n');
      });
    });
}
