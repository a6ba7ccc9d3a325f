// Generates the SDK's public model interfaces (src/resources/models/*.ts) from the official Genesys Cloud SDK's
// typings (purecloud-platform-client-v2, MIT, a dev dependency): the field lists and nesting come from the
// platform's own definitions; field docs, enum values and which fields the SDK treats as always present come
// from scripts/model-docs.mjs (the typings carry neither docs nor enums).
//   node scripts/generate-models.mjs          rewrite the files (npm run models:update)
//   node scripts/generate-models.mjs --check  fail when a file differs from what would be generated (npm run models:check)
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GROUPS, DOCS, REQUIRED, OPAQUE, RENAMES, TYPES } from './model-docs.mjs';
import { ANALYTICS_FIELDS, AUDIT_FIELDS, COMMON, ROUTING_FIELDS, SAME_AS } from './model-field-docs.mjs';
import { SESSION_FIELDS } from './model-session-docs.mjs';

const FIELDS = { ...ROUTING_FIELDS, ...ANALYTICS_FIELDS, ...SESSION_FIELDS, ...AUDIT_FIELDS };
/** A field's doc and enum: its own entry, else the model it reads like (SAME_AS), else the shared one by field name. */
function fieldDoc(model, field) {
  const own = (m) => DOCS[`${m}.${field}`] ?? FIELDS[`${m}.${field}`];
  return own(model) ?? (SAME_AS[model] ? own(SAME_AS[model]) : undefined) ?? COMMON[field];
}
/** Files whose every field must be documented (models:check fails on a gap). */
const FULLY_DOCUMENTED = new Set(['routing', 'users', 'audit', 'analytics']);
const undocumented = new Map();

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'src', 'resources', 'models');
const check = process.argv.includes('--check');

const sdkDir = join(root, 'node_modules', 'purecloud-platform-client-v2');
const sdkVersion = JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8')).version;
const typings = readFileSync(join(sdkDir, 'index.d.ts'), 'utf8');

/** SDK model name -> its field lines (`"name"?: type;`). */
function parseModels(text) {
  const start = text.indexOf('declare namespace Models {');
  if (start < 0) throw new Error('purecloud-platform-client-v2/index.d.ts: no Models namespace');
  const models = new Map();
  // Body lines are indented by two tabs; an empty body (`{ \n\t}`) must not swallow the next interface.
  for (const m of text.slice(start).matchAll(/export interface (\w+) \{[ \t]*\n((?:\t\t[^\n]*\n)*)\t\}/g)) {
    const fields = [];
    for (const line of m[2].split('\n')) {
      const f = /^\s*"(\w+)"(\??): (.*);\s*$/.exec(line);
      if (f) fields.push({ name: f[1], optional: f[2] === '?', type: f[3] });
    }
    models.set(m[1], fields);
  }
  return models;
}

const models = parseModels(typings);
const publicName = (sdk) => RENAMES[sdk] ?? sdk;

/** Which file each model lands in: its own group for a root, else the first group (in GROUPS order) that reaches it. */
const home = new Map();
const rootHome = new Map(Object.entries(GROUPS).flatMap(([file, roots]) => roots.map((r) => [r, file])));
for (const [file, roots] of Object.entries(GROUPS)) {
  const todo = [...roots];
  while (todo.length > 0) {
    const name = todo.shift();
    if (home.has(name) || OPAQUE.has(name) || (rootHome.has(name) && rootHome.get(name) !== file)) continue;
    const fields = models.get(name);
    if (!fields) throw new Error(`model ${name} is not in purecloud-platform-client-v2 ${sdkVersion}`);
    home.set(name, file);
    // A field whose type is overridden (TYPES) does not pull in the model the typings name.
    for (const f of fields)
      if (!TYPES[`${name}.${f.name}`]) for (const r of f.type.matchAll(/Models\.(\w+)/g)) todo.push(r[1]);
  }
}

function tsType(type, model, field, imports, file) {
  const override = TYPES[`${model}.${field}`];
  if (override) {
    for (const [name, target] of home)
      if (target !== file && new RegExp(`\\b${publicName(name)}\\b`).test(override))
        imports.add(`${publicName(name)}|${target}`);
    return override;
  }
  const values = fieldDoc(model, field)?.enum;
  if (values && type === 'string') return [...values.map((v) => `'${v}'`), '(string & {})'].join(' | ');
  if (values && type === 'Array<string>')
    return `Array<${[...values.map((v) => `'${v}'`), '(string & {})'].join(' | ')}>`;
  const named = type.replace(/Models\.(\w+)/g, (_, ref) => {
    if (OPAQUE.has(ref)) return 'unknown';
    const target = home.get(ref);
    if (target !== file) imports.add(`${publicName(ref)}|${target}`);
    return publicName(ref);
  });
  // A map the platform keys freely (e.g. `defaultScripts` by media type) is a Record field, so no interface the
  // SDK publishes carries an index signature (a typo in a field name must fail to compile).
  return named.replace(/^\{ \[key: string\]: (.+); \}$/, 'Record<string, $1>');
}

function render(file) {
  const names = [...home].filter(([, f]) => f === file).map(([n]) => n);
  const imports = new Set();
  const blocks = names.map((name) => {
    const required = new Set(REQUIRED[name] ?? []);
    const lines = [];
    const doc = DOCS[name]?.doc ?? (SAME_AS[name] ? DOCS[SAME_AS[name]]?.doc : undefined);
    lines.push(`/** ${doc ?? `The platform's \`${name}\` model.`} (Genesys Cloud model \`${name}\`.) */`);
    lines.push(`export interface ${publicName(name)} {`);
    for (const f of models.get(name)) {
      const d = fieldDoc(name, f.name);
      const parts = [];
      if (!d?.doc) undocumented.set(file, [...(undocumented.get(file) ?? []), `${publicName(name)}.${f.name}`]);
      if (d?.doc) parts.push(d.doc);
      if (OPAQUE.has((/Models\.(\w+)/.exec(f.type) ?? [])[1]))
        parts.push(
          `Not modelled by this SDK (the platform's \`${/Models\.(\w+)/.exec(f.type)[1]}\`): narrow it before use.`,
        );
      if (d?.enum)
        parts.push(
          `Documented values: ${d.enum.map((v) => `\`${v}\``).join(', ')} (others may be added by the platform).`,
        );
      if (parts.length > 0) lines.push(`  /** ${parts.join(' ')} */`);
      // The SDK's typings mark request-required fields; responses may omit any of them. A field is required
      // here only where this SDK's runtime schema checks it is present (REQUIRED).
      const optional = required.has(f.name) ? '' : '?';
      lines.push(`  ${f.name}${optional}: ${tsType(f.type, name, f.name, imports, file)};`);
    }
    lines.push('}');
    return lines.join('\n');
  });
  const importLines = [...new Set([...imports].map((i) => i.split('|')[1]))].sort().map((target) => {
    const list = [...imports]
      .filter((i) => i.endsWith(`|${target}`))
      .map((i) => i.split('|')[0])
      .sort();
    return `import type { ${list.join(', ')} } from './${target}.js';`;
  });
  return [
    `// GENERATED by scripts/generate-models.mjs from purecloud-platform-client-v2 ${sdkVersion} (the official Genesys Cloud`,
    "// SDK's model typings) and scripts/model-docs.mjs. Do not edit: change those and run `npm run models:update`.",
    '// Fields the platform adds later are not in these types but still reach the caller at run time: responses are',
    '// checked by loose schemas that keep unknown fields (read one with a cast: see docs/resources/models.md).',
    ...importLines,
    '',
    blocks.join('\n\n'),
    '',
  ].join('\n');
}

let stale = false;
if (!check) mkdirSync(outDir, { recursive: true });
for (const file of Object.keys(GROUPS)) {
  const path = join(outDir, `${file}.ts`);
  const text = render(file);
  if (check) {
    if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
      console.error(
        `models:check: src/resources/models/${file}.ts is not current: run npm run models:update and commit it.`,
      );
      stale = true;
    }
  } else {
    writeFileSync(path, text);
  }
}
for (const [file, fields] of undocumented) {
  if (FULLY_DOCUMENTED.has(file)) {
    console.error(
      `models: ${fields.length} field(s) of ${file} have no doc (scripts/model-field-docs.mjs): ${fields.join(', ')}`,
    );
    stale = true;
  } else console.log(`models: ${file}: ${fields.length} field(s) without a doc yet`);
}
if (stale) process.exit(1);
if (!check)
  console.log(
    `models: wrote ${Object.keys(GROUPS).length} files, ${home.size} interfaces (purecloud-platform-client-v2 ${sdkVersion})`,
  );
