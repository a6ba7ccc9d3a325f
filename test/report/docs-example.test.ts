// Runs every TypeScript example of docs/guides/report.md (emulator, optimizer), so the guide cannot rot. Files
// the examples write go to a temporary directory.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as sdk from '../../src/index.js';
import * as optimizer from '../../src/optimizer/index.js';
import * as report from '../../src/report/index.js';
import * as testing from '../../src/testing/index.js';
import * as workflows from '../../src/workflows/index.js';
import { runExample, tsBlocks } from '../docs-examples.js';

const blocks = tsBlocks(new URL('../../docs/guides/report.md', import.meta.url));
const packageEntries = {
  'genesys-routing-sdk': sdk,
  'genesys-routing-sdk/optimizer': optimizer,
  'genesys-routing-sdk/report': report,
  'genesys-routing-sdk/testing': testing,
  'genesys-routing-sdk/workflows': workflows,
};

describe('docs/guides/report.md examples', () => {
  it('has examples', () => expect(blocks.length).toBeGreaterThanOrEqual(2));
  blocks.forEach((block, i) => {
    it(`example ${i + 1} runs and writes its report`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'grsdk-report-docs-'));
      const fs = { writeFile: (file: string, data: string) => writeFile(join(dir, file), data) };
      await runExample(block, { ...packageEntries, 'node:fs/promises': fs }, { console: { log: () => undefined } });
      const written = readdirSync(dir);
      expect(written).toHaveLength(1);
      const html = readFileSync(join(dir, written[0]!), 'utf8');
      expect(html).toContain('<h2 id="staffing">');
      expect(html.match(/class="chart" data-series=/g)?.length).toBeGreaterThan(0);
    }, 120_000);
  });
});
