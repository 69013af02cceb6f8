import { Option, type Command } from 'commander';
import { filterTools, summarise } from '../../core/catalogue/query.js';
import { StatusState } from '../../core/catalogue/tool.js';
import { UserError, printJson, withCatalogue } from '../context.js';

export function registerTools(program: Command): void {
  program
    .command('tools')
    .description('list catalogue tools with their computed placement, optionally filtered')
    .option('--quadrant <id>', 'only this quadrant')
    .option('--category <id>', 'only tools in this category')
    .option('--capability <id>', 'only tools with this capability (core or partial)')
    .option('--stage <id>', 'only tools serving this lifecycle stage with a core capability')
    .option('--oss', 'only open-source tools')
    .addOption(new Option('--status <s>', 'only tools in this status').choices(StatusState.options))
    .option('--json', 'print a JSON array')
    .action(async (opts, cmd: Command) => {
      await withCatalogue(cmd, ({ catalogue }) => {
        const known = (kind: 'category' | 'capability' | 'stage' | 'quadrantName', id?: string) => {
          if (id && !catalogue.tax[kind].has(id))
            throw new UserError(`unknown ${kind === 'quadrantName' ? 'quadrant' : kind} "${id}"; known: ${[...catalogue.tax[kind].keys()].join(', ')}`);
        };
        known('quadrantName', opts.quadrant);
        known('category', opts.category);
        known('capability', opts.capability);
        known('stage', opts.stage);
        const tools = filterTools(catalogue, { ...opts, oss: opts.oss ? true : undefined }).map((t) => summarise(catalogue, t));
        if (opts.json) return printJson(tools);
        const rows = tools.map((t) => [t.id, t.name, t.quadrant, fmt(t.x), fmt(t.y), t.license, t.status]);
        printTable(['id', 'name', 'quadrant', 'x', 'y', 'license', 'status'], rows);
        process.stdout.write(`${tools.length} tool(s)\n`);
      });
    });
}

export const fmt = (v: number) => (v >= 0 ? ' ' : '') + v.toFixed(2);

export function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd() + '\n';
  process.stdout.write(line(head));
  process.stdout.write(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) process.stdout.write(line(r));
}
