// report.html in a real browser: Debian's Chromium, headless, opens the page and shows its headings and charts with
// no console error and no request. One screenshot is kept in test/output/ (ignored by git) for a person to look at.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// .ci/run installs Debian's chromium when it is missing; CHROMIUM_PATH names another build.
const EXECUTABLE = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// The flags that let Chromium start as root in a sandboxed CI machine without network (see README, Development).
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PAGE = path.join(ROOT, 'test/golden/example/report.html');
const SCREENSHOT = path.join(ROOT, 'test/output/report.png');

describe('report.html in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    if (!existsSync(EXECUTABLE)) throw new Error(`no browser at ${EXECUTABLE}: install Debian's chromium (apt-get install chromium), or name one with CHROMIUM_PATH`);
    browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true, args: FLAGS });
  }, 60_000);
  afterAll(async () => browser?.close());

  it('renders the headings, the table of contents and every chart, with no console error and no request', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 2000 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(PAGE).href, { waitUntil: 'load' });

    expect(await page.title()).toBe('Collaboration Code: coding report');
    const headings = await page.locator('h2').allTextContents();
    expect(headings.slice(0, 3)).toEqual(['1. Summary', '2. Methodology', '3. Barriers']);
    expect(headings).toContain('10. Limitations');
    expect(await page.locator('nav a').count()).toBe(await page.locator('h2, h3').count());

    // Each chart is drawn: an SVG with a size, bars or lines inside, and its title as text.
    const charts = page.locator('figure svg');
    expect(await charts.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const box = await charts.nth(i).boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(200);
      expect(await charts.nth(i).locator('path, line').count()).toBeGreaterThan(10);
    }
    expect(await page.locator('figure svg text', { hasText: 'Codes raised as interviews are added' }).count()).toBe(1);

    // A link in the table of contents leads to its section.
    await page.locator('nav a', { hasText: 'Limitations' }).click();
    expect(await page.evaluate(() => window.location.hash)).toBe('#10-limitations');

    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(PAGE).href]);
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT });
  }, 60_000);
});
