/**
 * End-to-end tests against the real server (no webServer block: the test script starts `kehou`).
 * Browsers cannot be downloaded here, so Debian's Chromium is used (KEHOU_CHROMIUM overrides).
 */
import { defineConfig, devices } from '@playwright/test';

const chromium = process.env.KEHOU_CHROMIUM ?? '/usr/bin/chromium';

// The tour (every page of the demo in the middle of its term) runs on its own server, started
// with the full demo; the other specs build their own term on a roster-only demo.
const tour = Boolean(process.env.KEHOU_TOUR);

export default defineConfig({
  testDir: './e2e',
  ...(tour ? { testMatch: 'tour.spec.ts' } : { testIgnore: 'tour.spec.ts' }),
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    baseURL: process.env.KEHOU_BASE_URL ?? 'http://127.0.0.1:8080',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium-tablet',
      use: {
        ...devices['Desktop Chrome'],
        // A landscape tablet: the sider is expanded at 1024 px and collapsed below 992 px.
        viewport: { width: 1024, height: 768 },
        launchOptions: {
          executablePath: chromium,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
