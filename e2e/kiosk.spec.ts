import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startFeedServer } from '../feed/server';
import type { FeedServer } from '../feed/server';
import type { EntitySet, FeedSource } from '../feed/source';

/*
 * `npm run web` end to end: the kiosk server runs as its own process, as an
 * operator starts it, and Chromium opens the address it prints. Everything
 * is read through the protocol's automation hooks (data-connection,
 * data-service-id).
 */

interface Kiosk {
  url: string;
  output: string[];
  process: ChildProcess;
}

let kiosk: Kiosk | undefined;
let feed: FeedServer | undefined;

test.afterEach(async () => {
  if (kiosk?.process.pid !== undefined && kiosk.process.exitCode === null) {
    // The kiosk runs under npm in its own process group: end the whole group.
    process.kill(-kiosk.process.pid, 'SIGTERM');
    await new Promise((resolve) => kiosk?.process.once('exit', resolve));
  }
  kiosk = undefined;
  await feed?.close();
  feed = undefined;
});

/** Runs `npm run web -- ARGS` on a free port and waits for the address it prints. */
async function startKiosk(args: string[]): Promise<Kiosk> {
  const child = spawn('npm', ['run', '--silent', 'web', '--', '--port', '0', ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NOC_WALL_FEED: '', NOC_WALL_TOKEN: '', NOC_WALL_TOKEN_FILE: '' } });
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run web printed no address in 30 s:\n${output.join('')}`)), 30_000);
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      const found = /^Open: (\S+)$/m.exec(output.join(''));
      if (found?.[1]) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`npm run web exited with ${code}:\n${output.join('')}`)));
  });
  return { url, output, process: child };
}

/** A feed source that holds a fixed set of entities, so the test knows exactly what the wall must show. */
function fixedSource(entities: EntitySet): FeedSource {
  return { description: 'fixed entities for the kiosk test', snapshot: () => structuredClone(entities), start: () => undefined, stop: () => undefined };
}

function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

const root = (page: Page) => page.locator('[data-connection]').first();

test('npm run web with the demo feed shows live demo data under its CSP', async ({ page }) => {
  kiosk = await startKiosk([]);
  expect(kiosk.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?feed=http:\/\/127\.0\.0\.1:\d+&demo=1$/);
  const violations = cspViolations(page);
  const response = await page.goto(kiosk.url);
  const { port } = new URL(kiosk.url);
  expect(response?.headers()['content-security-policy']).toContain(`connect-src http://127.0.0.1:${port} ws://127.0.0.1:${port};`);
  await expect(root(page)).toHaveAttribute('data-connection', 'live');
  await expect(page.locator('[data-service-id]').first()).toBeVisible();
  await expect(page.getByText('DEMO DATA')).toBeVisible();
  // Every page renders under the policy, the budget charts included. Pages
  // with something urgent come first and each page may span several screens,
  // so step until every page has shown.
  const seen = new Set<string>();
  for (let i = 0; i < 60 && seen.size < 3; i += 1) {
    seen.add((await root(page).getAttribute('data-page')) ?? '');
    await page.keyboard.press('ArrowRight');
  }
  expect([...seen].sort()).toEqual(['budgets', 'health', 'incidents']);
  await page.waitForTimeout(500);
  expect(violations).toEqual([]);
});

test('npm run web with --feed and --token shows that feed and nothing else', async ({ page }) => {
  const now = Date.now();
  feed = await startFeedServer({
    source: fixedSource({
      services: [
        { id: 'kiosk-e2e-ledger', name: 'Ledger', status: 'ok', updatedAt: now },
        { id: 'kiosk-e2e-billing', name: 'Billing', status: 'degraded', updatedAt: now },
      ],
      slos: [],
      incidents: [],
    }),
    token: 'kiosk-e2e-secret',
  });
  kiosk = await startKiosk(['--feed', feed.url, '--token', 'kiosk-e2e-secret']);
  expect(kiosk.url).toContain(`?feed=${feed.url}`);
  expect(kiosk.url).toMatch(/#token=kiosk-e2e-secret$/);
  const response = await page.goto(kiosk.url);
  expect(response?.headers()['content-security-policy']).toContain(`connect-src ${feed.url} ${feed.url.replace('http:', 'ws:')};`);
  await expect(root(page)).toHaveAttribute('data-connection', 'live');
  await expect(page.locator('[data-service-id="kiosk-e2e-billing"]')).toHaveAttribute('data-status', 'degraded');
  await expect(page.locator('[data-service-id="kiosk-e2e-ledger"]')).toHaveAttribute('data-status', 'ok');
  await expect(page.locator('[data-service-id]')).toHaveCount(2);
  await expect(page.getByText('DEMO DATA')).toHaveCount(0);
});

test('npm run web with a wrong token shows the feed refused it', async ({ page }) => {
  feed = await startFeedServer({ source: fixedSource({ services: [{ id: 'kiosk-e2e-ledger', name: 'Ledger', status: 'ok', updatedAt: Date.now() }], slos: [], incidents: [] }), token: 'kiosk-e2e-secret' });
  kiosk = await startKiosk(['--feed', feed.url, '--token', 'not-the-token']);
  await page.goto(kiosk.url);
  await expect(root(page)).toHaveAttribute('data-connection', 'refused');
  await expect(page.locator('[data-service-id]')).toHaveCount(0);
});
