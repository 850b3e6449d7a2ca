// End-to-end tests: the release build of the app, served by the stand-in server (one per worker,
// each with its own in-memory database and test controls), driven in Debian's Chromium.
// Run through bin/test; reports land in target/reports/.
import { defineConfig } from '@playwright/test';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const reports = path.join(root, 'target/reports');

export default defineConfig({
  testDir: './specs',
  outputDir: path.join(root, 'target/e2e-results'),
  fullyParallel: false,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: !!process.env.CI,
  reporter: [
    ['list'],
    ['json', { outputFile: path.join(reports, 'e2e.json') }],
    ['junit', { outputFile: path.join(reports, 'e2e-junit.xml') }],
  ],
  use: {
    locale: 'en-US',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
