import { readFile, realpath } from 'node:fs';
import { promisify } from 'node:util';
import { extname, posix, resolve, sep } from 'node:path';

/*
 * Serves the built wall from one folder, for both the Electron shell's
 * app:// protocol and the web kiosk. Only files under the root are reachable:
 * no "..", no encoded separators, no dotfiles, no symlinks pointing out.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** The MIME type served for a file name; unknown kinds are opaque bytes, never sniffed. */
export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a URL path names under `root`, or undefined when the path is
 * malformed or tries to leave the root. `/` is the wall's index.html.
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment.startsWith('.'))) return undefined;
  const relative = posix.normalize(segments.join('/') || 'index.html');
  const base = resolve(root);
  const full = resolve(base, relative);
  return full.startsWith(base + sep) ? full : undefined;
}

/** A file read for serving. */
export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/** Reads the file a URL path names under `root`; undefined for anything not found or outside the root, symlinks included. */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  const path = resolveStaticPath(root, urlPath);
  if (!path) return undefined;
  // The callback forms of realpath and readFile, looked up at call time: they
  // are the ones Electron teaches to read inside app.asar.
  const realpathOf = promisify(realpath);
  const read = promisify(readFile);
  try {
    const [realRoot, realFile] = await Promise.all([realpathOf(root), realpathOf(path)]);
    if (!realFile.startsWith(realRoot + sep)) return undefined;
    return { body: await read(realFile), contentType: contentTypeOf(realFile) };
  } catch {
    return undefined;
  }
}
