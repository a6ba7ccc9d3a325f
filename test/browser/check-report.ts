// Browser check of the report (npm run test:browser; not part of npm test): builds the demo's report (the
// optimization plan), opens it from disk in headless Chromium (Debian's package, found by path) and fails on a
// console error, a page error, any network request, a chart left undrawn, a placeholder legend ("--"), or a first
// screen that is not the summary (queues now -> after and the changes). Saves screenshots to test-output/.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildDemoReport } from './demo-report.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MAX_BYTES = 300 * 1024;
/** The viewport: a laptop screen. The summary must fit on it. */
const SCREEN = { width: 1200, height: 900 };

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
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
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: SCREEN,
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
      return {
        containers: document.querySelectorAll('.chart').length,
        drawn,
        svgs,
        sections: Array.from(document.querySelectorAll('h2')).map((h) => h.id),
      };
    });
    if (charts.containers === 0) failures.push('no staffing chart in the report');
    if (charts.drawn.length !== charts.containers)
      failures.push(`${charts.containers} chart containers but ${charts.drawn.length} canvases`);
    charts.drawn.forEach((n, i) => n < 500 && failures.push(`chart ${i} is empty (${n} painted pixels)`));
    if (charts.svgs.length === 0 || charts.svgs.some((n) => n === 0))
      failures.push(`service-level chart has no points (${charts.svgs.join(', ')})`);
    failures.push(...(await firstScreen(page)));
    await page.screenshot({ path: join(outDir, 'report-first-screen.png') });
    // The change filter works (inside its collapsed details): a query matching nothing hides every row.
    await page.evaluate(() =>
      document.querySelectorAll('details.changes').forEach((d) => ((d as HTMLDetailsElement).open = true)),
    );
    await page.fill('#change-filter', 'no-such-agent-zzz');
    const count = await page.textContent('#change-count');
    if (count !== '0 shown') failures.push(`change filter: expected "0 shown", got ${JSON.stringify(count)}`);
    await page.fill('#change-filter', '');
    await page.evaluate(() =>
      document.querySelectorAll('details.changes').forEach((d) => ((d as HTMLDetailsElement).open = false)),
    );
    await page.screenshot({ path: join(outDir, 'report.png'), fullPage: true });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.emulateMedia({ media: 'print' });
    // What printing does: the change list with its reasons opens; the matrix and the number tables stay closed.
    const printed = await page.evaluate(() => {
      window.dispatchEvent(new Event('beforeprint'));
      // No named helpers in here: the bundler's __name wrapper does not exist in the page.
      const all = Array.from(document.querySelectorAll('details'));
      return {
        changes: all.filter((d) => d.classList.contains('changes') && d.open).length,
        closedOpen: all.filter((d) => d.dataset['print'] === 'closed' && d.open).length,
        nav: getComputedStyle(document.querySelector('nav')!).display,
      };
    });
    if (printed.changes !== 1) failures.push('print: the change list with its reasons does not open');
    if (printed.closedOpen > 0)
      failures.push(`print: ${printed.closedOpen} long detail section(s) (matrix, number tables) open`);
    if (printed.nav !== 'none') failures.push('print: the navigation bar is printed');
    await page.screenshot({ path: join(outDir, 'report-print.png'), fullPage: true });
    console.log(`report: ${file} (${bytes} bytes), sections ${charts.sections.join(', ')}`);
    console.log(
      `charts drawn: ${charts.drawn.length} canvases (painted pixels min ${Math.min(...charts.drawn)}), dot chart points ${charts.svgs.join(', ')}`,
    );
    console.log(
      `page height ${height} px (details collapsed); screenshots: ${join(outDir, 'report-first-screen.png')}, ${join(outDir, 'report.png')}, ${join(outDir, 'report-print.png')}`,
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`browser check FAILED:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else
    console.log(
      'browser check passed: summary first and on one screen, no placeholder legends, no console errors, no network requests, every chart drawn',
    );
}

/**
 * The first screen is the summary: it comes first, fits the viewport, shows every queue with its target, now
 * and after, and the changes; the long details start collapsed; no text reads as a placeholder.
 */
async function firstScreen(page: import('playwright-core').Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const summary = document.querySelector('section.summary');
    const h2 = Array.from(document.querySelectorAll('h2')).map((h) => h.id);
    const rect = summary?.getBoundingClientRect();
    const queueRows = summary
      ? Array.from(summary.querySelectorAll('.summary-queues tbody tr')).map((r) =>
          Array.from(r.querySelectorAll('td')).map((td) => td.textContent ?? ''),
        )
      : [];
    const openDetails = Array.from(document.querySelectorAll('details.changes, details[data-print="closed"]')).filter(
      (d) => (d as HTMLDetailsElement).open,
    ).length;
    // Visible text that reads as an empty value: uPlot's "--" legend values, "undefined", "NaN", "null".
    const placeholders: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent ?? '';
      const parent = n.parentElement;
      if (!parent || parent.closest('script,style')) continue;
      if (/(^|:\s*)--(\s|$)|\bundefined\b|\bNaN\b|\bnull\b/.test(text)) placeholders.push(text.trim().slice(0, 80));
    }
    return {
      firstSection: h2[0],
      bottom: rect ? rect.bottom + window.scrollY : Infinity,
      headline: summary?.querySelector('.headline')?.textContent ?? '',
      queueRows,
      changes: summary?.querySelectorAll('.first-changes li').length ?? 0,
      legends: document.querySelectorAll('.u-legend').length,
      keys:
        document.querySelectorAll('.chart').length === 0
          ? -1
          : Math.min(
              ...Array.from(document.querySelectorAll('figure.staffing')).map((f) => f.querySelectorAll('.key').length),
            ),
      openDetails,
      placeholders,
      header: document.querySelector('header dl')?.textContent ?? '',
    };
  });
  const out: string[] = [];
  if (found.firstSection !== 'summary') out.push(`the first section is ${found.firstSection}, not the summary`);
  if (found.bottom > SCREEN.height)
    out.push(`the summary ends at ${Math.round(found.bottom)} px, below the first screen (${SCREEN.height} px)`);
  if (!/skill change|No changes/.test(found.headline))
    out.push(`the summary's headline does not count the changes: ${JSON.stringify(found.headline)}`);
  if (found.queueRows.length === 0) out.push('the summary lists no queue');
  for (const r of found.queueRows)
    if (!/%/.test(r[1] ?? '') || !/%/.test(r[2] ?? '') || !/%/.test(r[3] ?? ''))
      out.push(`summary row without target, now and after: ${r.join(' | ')}`);
  if (found.changes === 0 && !/No changes/.test(found.headline)) out.push('the summary lists no change');
  if (found.legends > 0) out.push(`${found.legends} live chart legend(s) (they read "--" until hovered)`);
  if (found.keys === 0) out.push('a staffing chart has no key');
  if (found.keys === 1) out.push('a staffing chart shows the requirement only (no agents available beside it)');
  if (found.openDetails > 0) out.push(`${found.openDetails} detail section(s) (changes, matrix) open on load`);
  if (found.placeholders.length > 0)
    out.push(
      `placeholder text: ${found.placeholders
        .slice(0, 5)
        .map((p) => JSON.stringify(p))
        .join(', ')}`,
    );
  if (/https?:\/\//.test(found.header))
    out.push(`the header shows a URL, not the org's name: ${found.header.slice(0, 120)}`);
  if (!/Division/.test(found.header)) out.push('the header names no division');
  if (!/\d{4}-\d{2}-\d{2} \d{2}:\d{2} \S+/.test(found.header)) out.push('the header shows no dated, zoned time');
  console.log(
    `first screen: summary ends at ${Math.round(found.bottom)} px; ${found.queueRows.length} queues, ${found.changes} changes listed; "${found.headline.slice(0, 160)}"`,
  );
  return out;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
