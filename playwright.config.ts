import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium; Playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PORT = Number(process.env.E2E_PORT || 3217);

// The server under test gets a database of its own, made fresh for each run. Workers inherit the
// main process's environment, so they all see the same path.
process.env.E2E_DATABASE_PATH ||= path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dashboard-e2e-')), 'e2e.db');

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  // The editors' tests change the seeded event (a later death toll becomes its headline), so
  // they run after every reader's test, which checks the dataset as published.
  projects: [
    { name: 'readers', use: { browserName: 'chromium' }, testIgnore: /admin[^/]*\.spec\.ts$/ },
    { name: 'editors', use: { browserName: 'chromium' }, testMatch: /admin[^/]*\.spec\.ts$/, dependencies: ['readers'] },
  ],
  webServer: {
    // The real start-up path: migrate, seed the empty database, build if needed, serve.
    command: `${process.execPath} node_modules/tsx/dist/cli.mjs scripts/start.ts`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { PORT: String(PORT), DATABASE_PATH: process.env.E2E_DATABASE_PATH, NEXT_TELEMETRY_DISABLED: '1' },
  },
});
