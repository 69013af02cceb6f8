/**
 * A static file server for the first-paint comparison: serves the folder in argv[2] at the root (argv[3] = "cors"
 * adds Access-Control-Allow-Origin: *). Every file is read and gzipped once at start, so a request costs no disk
 * or compression time, as a tuned static host would serve it. Prints its port.
 */
import { createServer } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = process.argv[2]!;
const cors = process.argv[3] === 'cors';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const files = new Map<string, { body: Buffer; gzip: Buffer; type: string }>();
(function walk(dir: string) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else {
      const body = readFileSync(path);
      files.set('/' + relative(root, path).split(sep).join('/'), { body, gzip: gzipSync(body), type: TYPES[extname(name)] ?? 'application/octet-stream' });
    }
  }
})(root);

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const file = files.get(path === '/' ? '/index.html' : path);
  const headers: Record<string, string> = cors ? { 'Access-Control-Allow-Origin': '*' } : {};
  if (!file) {
    res.writeHead(404, headers).end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(200, { ...headers, 'Content-Type': file.type, 'Cache-Control': 'no-cache', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
  res.end(gzip ? file.gzip : file.body);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.address() as { port: number }).port}\n`));
