// Browser check of the report (npm run test:browser; not part of npm test): builds the demo's report, opens it
// from disk in headless Chromium (Debian's package, found by path) and fails on a console error, a page error,
// any network request, or a chart left undrawn. Saves a screenshot to test-output/report.png.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildDemoReport } from './demo-report.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MAX_BYTES = 300 * 1024;

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const outDir = resolve('test-output');
  mkdirSync(outDir, { recursive: true });
  // REPORT_FILE=path checks an existing report instead of building the demo's.
  const file = process.env.REPORT_FILE ? resolve(process.env.REPORT_FILE) : join(outDir, 'report.html');
  const html = process.env.REPORT_FILE ? readFileSync(file, 'utf8') : await buildDemoReport();
  if (!process.env.REPORT_FILE) writeFileSync(file, html);
  const bytes = Buffer.byteLength(html);
  const failures: string[] = [];
  if (bytes > MAX_BYTES) failures.push(`report is ${bytes} bytes, over ${MAX_BYTES}`);

  const profile = mkdtempSync(join(tmpdir(), 'report-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1200, height: 900 },
  });
  try {
    const page = await context.newPage();
    const url = pathToFileURL(file).href;
    page.on('console', (m) => {
      if (m.type() === 'error') failures.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
    // Only the file itself may be requested; anything else (http, https, data fetches, other files) fails.
    await context.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested === url) return route.continue();
      failures.push(`network request: ${requested}`);
      return route.abort();
    });
    page.on('request', (r) => {
      if (r.url() !== url) failures.push(`request: ${r.url()}`);
    });
    await page.goto(url, { waitUntil: 'load' });
    const charts = await page.evaluate(() => {
      const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>('.chart canvas'));
      const drawn = canvases.map((c) => {
        const ctx = c.getContext('2d');
        if (!ctx || c.width === 0 || c.height === 0) return 0;
        const px = ctx.getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        for (let i = 3; i < px.length; i += 4) if ((px[i] as number) > 0) painted++;
        return painted;
      });
      const svgs = Array.from(document.querySelectorAll('svg.dots')).map((s) => s.querySelectorAll('circle').length);
      return { containers: document.querySelectorAll('.chart').length, drawn, svgs, sections: Array.from(document.querySelectorAll('h2')).map((h) => h.id) };
    });
    if (charts.containers === 0) failures.push('no staffing chart in the report');
    if (charts.drawn.length !== charts.containers) failures.push(`${charts.containers} chart containers but ${charts.drawn.length} canvases`);
    charts.drawn.forEach((n, i) => n < 500 && failures.push(`chart ${i} is empty (${n} painted pixels)`));
    if (charts.svgs.length === 0 || charts.svgs.some((n) => n === 0)) failures.push(`service-level chart has no points (${charts.svgs.join(', ')})`);
    // The change filter works: a query matching nothing hides every row.
    await page.fill('#change-filter', 'no-such-agent-zzz');
    const count = await page.textContent('#change-count');
    if (count !== '0 shown') failures.push(`change filter: expected "0 shown", got ${JSON.stringify(count)}`);
    await page.fill('#change-filter', '');
    await page.screenshot({ path: join(outDir, 'report.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(outDir, 'report-print.png'), fullPage: true });
    console.log(`report: ${file} (${bytes} bytes), sections ${charts.sections.join(', ')}`);
    console.log(`charts drawn: ${charts.drawn.length} canvases (painted pixels min ${Math.min(...charts.drawn)}), dot chart points ${charts.svgs.join(', ')}`);
    console.log(`screenshots: ${join(outDir, 'report.png')}, ${join(outDir, 'report-print.png')}`);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`browser check FAILED:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log('browser check passed: no console errors, no network requests, every chart drawn');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
