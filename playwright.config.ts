import { defineConfig } from '@playwright/test';
// @ts-expect-error: a plain .mjs helper shared with the scripts, without type declarations
import { CHROMIUM_ARGS, findChromium, missingChromiumMessage } from './scripts/chromium.mjs';

const executablePath: string | null = findChromium();
if (!executablePath) throw new Error(missingChromiumMessage());

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Two cores: one browser at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'artifacts/reports/e2e.json' }]],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    viewport: { width: 1920, height: 1080 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
