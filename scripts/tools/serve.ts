/** Serves dist/ under a base path on a free loopback port, as GitHub Pages would: text compressed with gzip. */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { lookup } from 'mrmime';

/** A file's content type as GitHub Pages sends it: text in UTF-8. */
const typeOf = (file: string) => (lookup(file) ?? 'application/octet-stream').replace(/^text\/.*/, '$&; charset=utf-8');

/** What GitHub Pages compresses: without it a browser (and Lighthouse's simulated 4G) fetches a long page at full size. */
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt']);

export interface StaticSite {
  origin: string;
  url: (path?: string) => string;
  close: () => Promise<void>;
}

export async function serveDist(dist: string, base = '/'): Promise<StaticSite> {
  // Each file is compressed once, not on every request: a browser test loads the same scripts and styles hundreds
  // of times (a new browser context has an empty cache).
  const compressed = new Map<string, Buffer>();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) {
      response.writeHead(404).end('not under base');
      return;
    }
    let file = normalize(join(dist, path.slice(base.length)));
    if (!file.startsWith(normalize(dist))) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      const notFound = join(dist, '404.html');
      response.writeHead(404, { 'content-type': typeOf(notFound) });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('not found');
      return;
    }
    if (COMPRESSED.has(extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      const { mtimeMs, size } = statSync(file);
      const key = `${file}\0${mtimeMs}\0${size}`;
      if (!compressed.has(key)) compressed.set(key, gzipSync(readFileSync(file)));
      response.writeHead(200, { 'content-type': typeOf(file), 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
      response.end(compressed.get(key));
      return;
    }
    response.writeHead(200, { 'content-type': typeOf(file) });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path = '') => `${origin}${base}${path.replace(/^\//, '')}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
