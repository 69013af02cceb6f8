import type { Command } from 'commander';
import { join, resolve } from 'node:path';
import { loadCatalogueFolder } from '../../formats/catalogue-folder.js';
import { bundledTaxonomy } from '../../app/paths.js';
import { formatProblem } from '../../core/problems.js';
import { enrichment, githubRepository } from '../../core/catalogue/enrichment.js';
import { gitHubClient, GitHubError } from '../../app/github.js';
import { writeEnrichedFile } from '../../app/enrich-files.js';
import type { Activity, ReviewItem, Tool } from '../../core/catalogue/tool.js';
import { UserError, printJson } from '../context.js';

/** A progress bar on stderr when it is a terminal; plain lines otherwise. */
function progress(total: number) {
  const tty = process.stderr.isTTY;
  return (done: number, label: string) => {
    if (!tty) return void process.stderr.write(`[${done}/${total}] ${label}\n`);
    const width = 30;
    const filled = Math.round((done / Math.max(1, total)) * width);
    process.stderr.write(`\r[${'='.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${label.padEnd(32).slice(0, 32)}`);
    if (done === total) process.stderr.write('\n');
  };
}

export function registerEnrich(program: Command): void {
  program
    .command('enrich')
    .description(
      "read each tool's GitHub repository (stars, latest release, archived, licence, last push) into its file; licence and status changes are flagged for review, never overwritten",
    )
    .argument('[dir]', 'catalogue folder whose tools/*.yaml are updated', 'data')
    .option('--tool <id>', 'only this tool')
    .option('--since <days>', 'skip tools enriched within this many days', '0')
    .option('--json', 'print JSON')
    .action(async (dirArg: string, opts: { tool?: string; since: string; json?: boolean }) => {
      const since = Number(opts.since);
      if (!Number.isInteger(since) || since < 0) throw new UserError(`--since must be a whole number of days, not "${opts.since}"`, 2);
      const dir = resolve(dirArg);
      const loaded = loadCatalogueFolder(dir, { fallbackTaxonomy: bundledTaxonomy });
      const errors = loaded.problems.filter((p) => p.severity === 'error');
      if (errors.length) throw new UserError(`${dirArg} does not validate; fix it first:\n${errors.map(formatProblem).join('\n')}`);
      const today = new Date().toISOString().slice(0, 10);
      const cutoff = new Date(Date.now() - since * 86_400_000).toISOString().slice(0, 10);
      let tools = loaded.tools;
      if (opts.tool) {
        const q = opts.tool.toLowerCase();
        tools = tools.filter((t) => t.id === q || t.name.toLowerCase() === q || t.aliases.some((a) => a.toLowerCase() === q));
        if (!tools.length) throw new UserError(`unknown tool "${opts.tool}" in ${dirArg}`);
      }
      const todo = tools.filter((t) => githubRepository(t) && !(since > 0 && t.activity && t.activity.checked >= cutoff));
      const skipped = tools.filter((t) => !todo.includes(t)).map((t) => ({ tool: t.id, why: githubRepository(t) ? 'fresh' : 'no GitHub repository' }));
      const client = gitHubClient({
        apiUrl: process.env.GITHUB_API_URL,
        token: process.env.GITHUB_TOKEN,
        onWait: (ms, why) => process.stderr.write(`\nwaiting ${Math.ceil(ms / 1000)} s for GitHub's ${why}\n`),
      });
      const tick = progress(todo.length);
      // Everything is read first: a network error writes nothing at all.
      const updates: Array<{ tool: Tool; activity: Activity; review: ReviewItem[] }> = [];
      const missing: Array<{ tool: string; status: number }> = [];
      try {
        for (const [i, t] of todo.entries()) {
          const repo = githubRepository(t)!;
          const facts = await client.repository(repo.owner, repo.name);
          if ('missing' in facts) missing.push({ tool: t.id, status: facts.status });
          else updates.push({ tool: t, ...enrichment(t, facts, today) });
          tick(i + 1, t.id);
        }
      } catch (e) {
        if (e instanceof GitHubError) throw new UserError(`enrich stopped, nothing written: ${e.message}`);
        throw e;
      }
      for (const u of updates) writeEnrichedFile(join(dir, 'tools', `${u.tool.id}.yaml`), `${u.tool.id}.yaml`, u.activity, u.review);
      const flagged = updates.filter((u) => u.review.length);
      const report = { enriched: updates.map((u) => u.tool.id), skipped, missing, review: flagged.map((u) => ({ tool: u.tool.id, items: u.review })) };
      if (opts.json) return printJson(report);
      const out = [`enriched ${updates.length} tool file(s) in ${dirArg}; skipped ${skipped.length}; not found on GitHub ${missing.length}`];
      for (const m of missing) out.push(`  - ${m.tool}: GitHub answered ${m.status} for its repository`);
      if (flagged.length) out.push('', 'For review (left as they are in the files, under review:):');
      for (const f of flagged) for (const r of f.review) out.push(`  - ${f.tool.id} ${r.field}: ${r.found}`);
      process.stdout.write(out.join('\n') + '\n');
    });
}
