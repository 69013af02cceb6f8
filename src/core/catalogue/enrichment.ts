import type { Activity, ReviewItem, Tool } from './tool.js';

/** What a repository host says about one repository (the adapter reads it; this module only compares). */
export interface RepositoryFacts {
  stars: number;
  archived: boolean;
  /** SPDX id, or null when the host detects none (or says NOASSERTION). */
  license: string | null;
  pushedAt: string;
  latestRelease: { tag: string; date: string } | null;
  /** The API resource read. */
  source: string;
}

/** `github.com/owner/name` of a tool's repository, or undefined when it is not on GitHub. */
export function githubRepository(tool: Pick<Tool, 'repository'>): { owner: string; name: string } | undefined {
  const m = tool.repository?.match(/^https?:\/\/(?:www\.)?github\.com\/([^/\s]+)\/([^/\s#?]+?)(?:\.git)?\/?(?:[#?].*)?$/i);
  return m ? { owner: m[1]!, name: m[2]! } : undefined;
}

/**
 * The tool's new `activity`, and the facts the repository now contradicts. A licence or status the
 * repository disagrees with is never overwritten: it goes to `review`, for a person to decide. Pure:
 * `today` is passed in.
 */
export function enrichment(tool: Tool, facts: RepositoryFacts, today: string): { activity: Activity; review: ReviewItem[] } {
  const activity: Activity = {
    stars: facts.stars,
    latestRelease: facts.latestRelease,
    archived: facts.archived,
    license: facts.license,
    pushedAt: facts.pushedAt,
    source: facts.source,
    checked: today,
  };
  const review: ReviewItem[] = [];
  const flag = (field: string, found: string) => review.push({ field, found, source: facts.source, checked: today });
  if (facts.license && facts.license !== tool.license && !tool.license.split(/ (?:OR|AND|WITH) /).includes(facts.license))
    flag('license', `the repository's licence is now ${facts.license} (the catalogue says ${tool.license})`);
  if (facts.archived && tool.status.state !== 'archived' && tool.status.state !== 'discontinued')
    flag('status.state', `the repository is archived (the catalogue says ${tool.status.state})`);
  const since = tool.status.since;
  if ((tool.status.state === 'archived' || tool.status.state === 'discontinued') && facts.latestRelease && since && facts.latestRelease.date > since)
    flag('status.state', `released ${facts.latestRelease.tag} on ${facts.latestRelease.date}, after it was marked ${tool.status.state} (${since})`);
  // Keep earlier review items about other fields; replace those about the same field.
  const fields = new Set(review.map((r) => r.field));
  return { activity, review: [...(tool.review ?? []).filter((r) => !fields.has(r.field)), ...review] };
}
