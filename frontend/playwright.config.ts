// Browser tests in Debian's Chromium (/usr/bin/chromium; `make test`
// installs it with apt when missing — no browser is ever downloaded). The
// web server is the real `atvejis` binary in demo mode on a fresh SQLite
// database, serving the built SPA from dist/.
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const port = Number(process.env.E2E_PORT ?? 18080);
const baseURL = `http://127.0.0.1:${port}`;
const database = join(mkdtempSync(join(tmpdir(), 'atvejis-e2e-')), 'e2e.db');

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'lt-LT',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // The server built by `make server` (cargo's target directory, CARGO_TARGET_DIR when set).
    command: `${resolve('..', process.env.CARGO_TARGET_DIR ?? 'target', 'debug/atvejis')} serve`,
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      ATVEJIS_DEMO: '1',
      DATABASE_URL: `sqlite://${database}?mode=rwc`,
      ATVEJIS_BIND: `127.0.0.1:${port}`,
      // The built SPA (`npm run build`); E2E_STATIC_DIR points elsewhere when needed.
      ATVEJIS_STATIC_DIR: process.env.E2E_STATIC_DIR ?? resolve('dist'),
      ATVEJIS_LOG: 'warn',
    },
  },
});
