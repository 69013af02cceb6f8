import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';

/** A JSON response serialised (and gzipped) once, for content that only changes with the catalogue. */
export class FrozenJson {
  readonly body: string;
  private gzipped?: Uint8Array;
  constructor(value: unknown) {
    this.body = JSON.stringify(value);
  }
  send(c: Context): Response {
    c.header('Content-Type', 'application/json');
    // Small bodies are not worth compressing; large ones are compressed once, on first request.
    if (this.body.length > 4096) {
      c.header('Vary', 'Accept-Encoding');
      if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
        this.gzipped ??= new Uint8Array(gzipSync(this.body, { level: 6 }));
        c.header('Content-Encoding', 'gzip');
        return c.body(this.gzipped as Uint8Array<ArrayBuffer>);
      }
    }
    return c.body(this.body);
  }
}

/** A small least-recently-used cache: Map keeps insertion order, so the first key is the oldest. */
export class Lru<V> {
  private map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: V): void {
    this.map.delete(key);
    this.map.set(key, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}
