import type { RepositoryFacts } from '../core/catalogue/enrichment.js';

/** Reads repositories through the GitHub REST API, waiting out its rate limit. */
export interface GitHubOptions {
  /** Default https://api.github.com; tests point it at a local fake that replays recorded answers. */
  apiUrl?: string;
  token?: string;
  /** The longest it will wait for the rate limit to reset before giving up. */
  maxWaitMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Told before each wait, so the CLI can say why it pauses. */
  onWait?: (ms: number, why: string) => void;
}

export class GitHubError extends Error {
  constructor(
    message: string,
    readonly kind: 'network' | 'rate-limit' | 'http',
  ) {
    super(message);
  }
}

export function gitHubClient(opts: GitHubOptions = {}) {
  const api = (opts.apiUrl ?? 'https://api.github.com').replace(/\/$/, '');
  const doFetch = opts.fetch ?? fetch;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = opts.now ?? Date.now;
  const maxWait = opts.maxWaitMs ?? 15 * 60_000;
  let resumeAt = 0;

  async function get(path: string): Promise<{ status: number; body: unknown }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (resumeAt > now()) {
        const ms = resumeAt - now();
        if (ms > maxWait)
          throw new GitHubError(
            `GitHub's rate limit resets at ${new Date(resumeAt).toISOString()}, later than the longest wait allowed; set GITHUB_TOKEN for a higher limit, or run again later`,
            'rate-limit',
          );
        opts.onWait?.(ms, 'rate limit');
        await sleep(ms);
      }
      let res: Response;
      try {
        res = await doFetch(`${api}${path}`, {
          headers: {
            Accept: 'application/vnd.github+json',
            'X-GitHub-Api-Version': '2022-11-28',
            'User-Agent': 'mlops-navigator',
            ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
          },
          signal: AbortSignal.timeout(30_000),
        });
      } catch (e) {
        throw new GitHubError(
          `cannot reach ${api} (${(e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message})`,
          'network',
        );
      }
      const remaining = res.headers.get('x-ratelimit-remaining');
      const reset = Number(res.headers.get('x-ratelimit-reset'));
      const retryAfter = Number(res.headers.get('retry-after'));
      const limited = (res.status === 403 || res.status === 429) && (remaining === '0' || (Number.isFinite(retryAfter) && retryAfter > 0));
      if (limited) {
        resumeAt = retryAfter > 0 ? now() + retryAfter * 1000 : reset * 1000;
        continue;
      }
      // Out of requests after this answer: pause before the next one.
      if (remaining === '0' && reset) resumeAt = reset * 1000;
      const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
      return { status: res.status, body };
    }
    throw new GitHubError('GitHub kept answering with its rate limit', 'rate-limit');
  }

  return {
    async repository(owner: string, name: string): Promise<RepositoryFacts | { missing: true; status: number }> {
      const path = `/repos/${encodeURIComponent(owner)}/${encodeURIComponent(name)}`;
      const repo = await get(path);
      if (repo.status !== 200) return { missing: true, status: repo.status };
      const r = repo.body as { stargazers_count: number; archived: boolean; pushed_at: string; license: { spdx_id: string | null } | null };
      const rel = await get(`${path}/releases/latest`);
      const latest = rel.status === 200 ? (rel.body as { tag_name: string; published_at: string | null; created_at: string }) : null;
      if (rel.status !== 200 && rel.status !== 404) throw new GitHubError(`GitHub answered ${rel.status} for ${path}/releases/latest`, 'http');
      const spdx = r.license?.spdx_id;
      return {
        stars: r.stargazers_count,
        archived: r.archived,
        license: spdx && spdx !== 'NOASSERTION' ? spdx : null,
        pushedAt: r.pushed_at.slice(0, 10),
        latestRelease: latest ? { tag: latest.tag_name, date: (latest.published_at ?? latest.created_at).slice(0, 10) } : null,
        source: `https://api.github.com${path}`,
      };
    },
  };
}
