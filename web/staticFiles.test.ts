import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentTypeOf, readStaticFile, resolveStaticPath } from './staticFiles';

let root = '';
let outside = '';

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'noc-wall-static-'));
  root = join(base, 'renderer');
  outside = join(base, 'secret.txt');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>wall</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, '.env'), 'TOKEN=x');
  writeFileSync(outside, 'secret');
  symlinkSync(outside, join(root, 'assets', 'link.txt'));
});

describe('resolveStaticPath', () => {
  it('maps / to index.html and plain paths to files under the root', () => {
    expect(resolveStaticPath('/srv/wall', '/')).toBe('/srv/wall/index.html');
    expect(resolveStaticPath('/srv/wall', '/assets/app.js')).toBe('/srv/wall/assets/app.js');
  });

  it.each(['/../etc/passwd', '/assets/../../etc/passwd', '/%2e%2e/etc/passwd', '/assets%2f..%2f..%2fetc', '/a\\..\\b', '/.env', '/x%00.html', '/%E0%A4%A', 'relative.html'])('refuses %s', (path) => {
    expect(resolveStaticPath('/srv/wall', path)).toBeUndefined();
  });
});

describe('readStaticFile', () => {
  it('reads a file with its content type', async () => {
    const file = await readStaticFile(root, '/assets/app.js');
    expect(file?.body.toString()).toBe('console.log(1)');
    expect(file?.contentType).toBe('text/javascript; charset=utf-8');
    expect((await readStaticFile(root, '/'))?.contentType).toBe('text/html; charset=utf-8');
  });

  it('refuses missing files, dotfiles and symlinks that leave the root', async () => {
    expect(await readStaticFile(root, '/missing.js')).toBeUndefined();
    expect(await readStaticFile(root, '/.env')).toBeUndefined();
    expect(await readStaticFile(root, '/assets/link.txt')).toBeUndefined();
  });

  it('serves unknown kinds as opaque bytes', () => {
    expect(contentTypeOf('/x/blob.bin')).toBe('application/octet-stream');
  });
});
