#!/usr/bin/env node
// npm test — every test: vitest (unit and integration), then Playwright end-to-end in Debian's
// Chromium. Without Chromium the end-to-end tests cannot run: that is said loudly, and under
// CI=true it is a failure, never a silent skip.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { chromiumCheck } from './chromium-check.mjs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;

const unit = run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run']);
if (unit !== 0) {
  console.error('\nUnit or integration tests failed; not running the end-to-end tests.');
  process.exit(unit);
}

const check = chromiumCheck({ path: chromium, exists: fs.existsSync(chromium), ci: process.env.CI });
if (!check.runE2e) {
  console.error(check.banner);
  process.exit(check.exitCode);
}

process.exit(run(process.execPath, ['node_modules/@playwright/test/cli.js', 'test']));
