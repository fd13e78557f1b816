import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

/** Stylesheets, scripts and icons beside this module (the build copies them to dist/). */
const assetDir = new URL('./assets/', import.meta.url);

const mediaTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

interface Asset {
  url: string;
  mediaType: string;
  body: Buffer;
  gzipped: Buffer;
}

/**
 * Every asset is read once at start and served from memory under a name that carries its
 * content hash, so a browser may keep it for a year and a new release is fetched at once.
 */
function loadAssets(): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of readdirSync(assetDir)) {
    const mediaType = mediaTypes[extname(name)];
    if (!mediaType) continue;
    const body = readFileSync(new URL(name, assetDir));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const dot = name.lastIndexOf('.');
    const url = `/assets/${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
    assets.set(name, { url, mediaType, body, gzipped: gzipSync(body, { level: 9 }) });
  }
  return assets;
}

const assets = loadAssets();

/** The hashed URL of an asset by its file name, e.g. `assetUrl('site.css')`. */
export function assetUrl(name: string): string {
  const asset = assets.get(name);
  if (!asset) throw new Error(`no asset named ${name} in src/http/web/kit/assets`);
  return asset.url;
}

export function registerAssets(app: FastifyInstance): void {
  const byUrl = new Map([...assets.values()].map((asset) => [asset.url, asset]));
  app.get('/assets/:file', { schema: { hide: true } }, async (request, reply) => {
    const asset = byUrl.get(request.url.split('?')[0] ?? '');
    if (!asset) return reply.callNotFound();
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    void reply
      .header('content-type', asset.mediaType)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('vary', 'accept-encoding');
    if (gzip) void reply.header('content-encoding', 'gzip');
    return reply.send(gzip ? asset.gzipped : asset.body);
  });
}
