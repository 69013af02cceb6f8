import { describe, expect, it } from 'vitest';
import { createToolSearch, toSearchDocument } from '../src/core/search/search.js';
import { cachedSearch } from '../web/src/lib/search-cache.js';

const tools = [
  { id: 'mlflow', name: 'MLflow', aliases: [], description: 'Tracks experiments and keeps a model registry.', vendor: 'Databricks' },
  { id: 'metaflow', name: 'Metaflow', aliases: [], description: 'Pipelines for data science teams.', vendor: 'Netflix' },
  { id: 'optuna', name: 'Optuna', aliases: [], description: 'Tunes hyperparameters.', vendor: null },
];

function counted() {
  const index = createToolSearch(tools.map((t) => toSearchDocument(t, [])));
  const calls: string[] = [];
  return { calls, index: { search: (q: string) => (calls.push(q), index.search(q)) }, plain: index };
}

describe('the web app cached search', () => {
  it('returns what the index returns, and asks the index once per query however it is spelt', () => {
    const { calls, index, plain } = counted();
    const search = cachedSearch(index);
    for (const q of ['m', 'flow', 'tunes', 'zzz']) expect(search.search(q)).toEqual(plain.search(q));
    expect(search.search('  FLOW ')).toEqual(plain.search('flow'));
    expect(search.search('tracks  experiments')).toEqual(search.search('Tracks experiments'));
    expect(calls).toEqual(['m', 'flow', 'tunes', 'zzz', 'tracks experiments']);
  });

  it('forgets the least recently used query beyond its capacity', () => {
    const { calls, index } = counted();
    const search = cachedSearch(index, 2);
    search.search('m');
    search.search('o');
    search.search('m'); // "o" is now the oldest
    search.search('t'); // evicts "o"
    search.search('m');
    search.search('o');
    expect(calls).toEqual(['m', 'o', 't', 'o']);
  });

  it('warms queries ahead of time, so they do not reach the index again', async () => {
    const { calls, index, plain } = counted();
    const search = cachedSearch(index);
    await search.warm(['m', 'o']);
    expect(calls).toEqual(['m', 'o']);
    expect(search.search('M')).toEqual(plain.search('m'));
    expect(search.search('M')).toEqual(expect.arrayContaining(['mlflow', 'metaflow']));
    expect(calls).toEqual(['m', 'o']);
  });
});
