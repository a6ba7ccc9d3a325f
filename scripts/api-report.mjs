// API reports of the public entry points with @microsoft/api-extractor, one etc/<entry>.api.md per entry.
//   node scripts/api-report.mjs update   rewrite the reports from dist/*.d.ts (npm run api:update)
//   node scripts/api-report.mjs check    fail if the built declarations differ from the reports (npm run api:check)
// Run after `npm run build`. A changed report is a change of the public surface: review it, then commit it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.argv[2];
if (mode !== 'update' && mode !== 'check') {
  console.error('usage: node scripts/api-report.mjs update|check');
  process.exit(2);
}

const entries = {
  'genesys-routing-sdk': 'dist/index.d.ts',
  'genesys-routing-sdk-workflows': 'dist/workflows/index.d.ts',
  'genesys-routing-sdk-report': 'dist/report/index.d.ts',
  'genesys-routing-sdk-optimizer': 'dist/optimizer/index.d.ts',
  'genesys-routing-sdk-planning': 'dist/planning/index.d.ts',
  'genesys-routing-sdk-testing': 'dist/testing/index.d.ts',
  'genesys-routing-sdk-webhooks': 'dist/webhooks/index.d.ts',
  'genesys-routing-sdk-redis': 'dist/redis/index.d.ts',
  'genesys-routing-sdk-mcp': 'dist/mcp/index.d.ts',
};

/** The names an entry's declaration file exports (its report locks each one's shape). */
function exportedNames(dts) {
  const file = join(root, dts);
  const program = ts.createProgram([file], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  return new Set(
    checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file))).map((s) => s.name),
  );
}
// Types one entry's signatures reach but another entry exports (`applyPlan(client: GenesysClient, ...)` in
// /workflows, `renderReport({ plan })` in /report) are locked by that entry's report: no need to export them twice.
const lockedElsewhere = {
  'genesys-routing-sdk-workflows': exportedNames(entries['genesys-routing-sdk']),
  'genesys-routing-sdk-report': new Set([
    ...exportedNames(entries['genesys-routing-sdk']),
    ...exportedNames(entries['genesys-routing-sdk-workflows']),
  ]),
  // The assistant takes the root's client and the workflows' results.
  'genesys-routing-sdk-mcp': new Set([
    ...exportedNames(entries['genesys-routing-sdk']),
    ...exportedNames(entries['genesys-routing-sdk-workflows']),
  ]),
};

let failed = false;
for (const [name, dts] of Object.entries(entries)) {
  if (!existsSync(join(root, dts))) throw new Error(`${dts} is missing: run npm run build first`);
  const config = ExtractorConfig.prepare({
    configObjectFullPath: join(root, 'etc', 'api-extractor.json'),
    packageJsonFullPath: join(root, 'package.json'),
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: join(root, dts),
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            lib: ['ES2023', 'DOM'],
            types: ['node'],
            skipLibCheck: true,
            strict: true,
          },
          files: [join(root, dts)],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: `${name}.api.md`,
        reportFolder: join(root, 'etc'),
        reportTempFolder: join(root, 'node_modules', '.cache', 'api-extractor'),
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        // Release tags and TSDoc style are not enforced. A type the surface uses but its entry does not export
        // (ae-forgotten-export) is an error: the report would show only its name, so a change to its fields
        // would pass api:check unseen. Export it by name from the entry, or stop exposing it.
        extractorMessageReporting: {
          default: { logLevel: 'none' },
          'ae-wrong-input-file-type': { logLevel: 'error' },
          'ae-forgotten-export': { logLevel: 'error', addToApiReportFile: false },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
        compilerMessageReporting: { default: { logLevel: 'warning' } },
      },
    },
  });
  const messageCallback = (m) => {
    const forgotten = m.messageId === 'ae-forgotten-export' && /"([^"]+)"/.exec(m.text)?.[1];
    if (forgotten && lockedElsewhere[name]?.has(forgotten)) m.logLevel = 'none';
    if (m.logLevel === 'none') m.handled = true;
  };
  const result = Extractor.invoke(config, {
    localBuild: mode === 'update',
    showVerboseMessages: false,
    messageCallback,
  });
  if (mode === 'check' && result.apiReportChanged) {
    console.error(`api:check: the public surface of ${name} (${dts}) differs from etc/${name}.api.md.`);
    console.error(
      '  If the change is intended: npm run api:update, review the diff of etc/, commit it (and note it in CHANGELOG.md).',
    );
    failed = true;
  } else if (!result.succeeded) {
    console.error(`api-extractor failed for ${name}: ${result.errorCount} errors`);
    failed = true;
  } else {
    console.log(
      `${name}: ${mode === 'update' ? (result.apiReportChanged ? 'report updated' : 'report unchanged') : 'matches the report'}`,
    );
  }
}
process.exit(failed ? 1 : 0);
