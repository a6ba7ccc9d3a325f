// npm run test:package (after `npm run build`): every value the .d.ts of each entry declares exists at
// runtime, in both the ESM and the CJS build; error constructors keep their documented names. Runs on the
// built package (node --test), so it also runs on Node 22 and 24 in CI.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(join(root, 'package.json'));
const entries = [
  'genesys-routing-sdk',
  'genesys-routing-sdk/workflows',
  'genesys-routing-sdk/report',
  'genesys-routing-sdk/optimizer',
  'genesys-routing-sdk/planning',
  'genesys-routing-sdk/testing',
  'genesys-routing-sdk/webhooks',
  'genesys-routing-sdk/redis',
  'genesys-routing-sdk/mcp',
];

/**
 * Names the entry's declaration file exports as values (classes, functions, consts, enums, namespaces). A class
 * exported type-only (`export { type RoutingApi }`: reached through the client, no constructor to call) is no value.
 */
function declaredValues(dtsFile) {
  const program = ts.createProgram([dtsFile], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(dtsFile));
  return checker
    .getExportsOfModule(moduleSymbol)
    .filter((symbol) => !symbol.declarations?.some((d) => ts.isTypeOnlyExportDeclaration(d)))
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return (target.flags & ts.SymbolFlags.Value) !== 0;
    })
    .map((symbol) => symbol.name)
    .sort();
}

for (const entry of entries) {
  const subpath = entry.replace('genesys-routing-sdk', '.');
  const conditions = require(join(root, 'package.json')).exports[subpath];
  for (const [format, condition] of [
    ['ESM', 'import'],
    ['CJS', 'require'],
  ]) {
    test(`${entry} (${format}): every value declared in ${conditions[condition].types} exists at runtime`, async () => {
      const declared = declaredValues(join(root, conditions[condition].types));
      assert.ok(declared.length > 0, 'no values declared');
      const runtime = format === 'ESM' ? await import(entry) : require(entry);
      const missing = declared.filter((name) => runtime[name] === undefined);
      assert.deepEqual(missing, [], `declared in the .d.ts but undefined at runtime: ${missing.join(', ')}`);
      const undeclared = Object.keys(runtime).filter(
        (name) => name !== 'default' && name !== '__esModule' && !declared.includes(name),
      );
      assert.deepEqual(undeclared, [], `exported at runtime but not declared: ${undeclared.join(', ')}`);
    });
  }
}

test('error constructors keep their documented names in both builds', async () => {
  for (const runtime of [await import('genesys-routing-sdk'), require('genesys-routing-sdk')]) {
    for (const [name, value] of Object.entries(runtime)) {
      if (typeof value === 'function' && value.prototype instanceof Error)
        assert.equal(value.name, name, `${name}.name`);
    }
    const optimizer = await import('genesys-routing-sdk/optimizer');
    let error;
    try {
      optimizer.erlangC({ agents: -1, traffic: 1 });
    } catch (e) {
      error = e;
    }
    assert.equal(error.constructor.name, 'ValidationError');
    assert.equal(error.name, 'ValidationError');
    assert.ok(runtime.isValidationError(error));
  }
});

test('LIMITS is frozen and the same object in ESM and CJS shapes', async () => {
  const { LIMITS } = await import('genesys-routing-sdk');
  assert.ok(Object.isFrozen(LIMITS) && Object.isFrozen(LIMITS.proficiency));
  assert.equal(LIMITS.skillsPerBulkCall, 50);
  assert.deepEqual(require('genesys-routing-sdk').LIMITS, LIMITS);
});

test('optimizeRouting gets worker threads from both builds', async () => {
  for (const runtime of [await import('genesys-routing-sdk/optimizer'), require('genesys-routing-sdk/optimizer')]) {
    const warmed = await runtime.warmUpOptimizer({ threads: 1, keepWarmMs: 0 });
    assert.equal(warmed.workers, true);
  }
});
