// Argument parsing on node:util parseArgs, with usage errors that exit 2 and name the flag.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isValidationError } from '../errors/index.js';
import { didYouMean } from '../internal/did-you-mean.js';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({
      args: joinNegativeValues(argv, options),
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(plainParseError((error as Error).message, Object.keys(options)));
  }
}

/**
 * `--calls -5`: parseArgs refuses a value that starts with a dash as "ambiguous". A negative number after a
 * string flag is that flag's value; pass it as `--calls=-5` so the flag's own check can say what is wrong.
 */
function joinNegativeValues(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    const next = argv[i + 1];
    if (name && options[name]?.type === 'string' && next !== undefined && /^-(\d|\.\d|Infinity)/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** parseArgs' messages, minus the Node-internal advice. */
function plainParseError(message: string, names: readonly string[]): string {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) {
    const guess = unknown[1]!.startsWith('--') ? didYouMean(unknown[1]!.slice(2).split('=')[0]!, names) : undefined;
    return `unknown option ${unknown[1]}${guess ? `; did you mean --${guess}?` : ''}`;
  }
  const missing = /Option '(--[\w-]+)[^']*' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  return message.replace(/\. To specify a positional argument.*$/s, '');
}

interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
  /** A share in 0..1: a value in (1, 100] gets "did you mean value/100?". */
  share?: boolean;
  /** What the flag means, for the message. */
  what?: string;
}

/** Each numeric flag's range, so every command checks `--days 0` or `--sl 80` the same way. */
const RULES: Record<string, NumberRule> = {
  days: { min: 1, max: 366, integer: true, what: 'days of history' },
  calls: { min: 0, what: 'calls offered in the interval' },
  aht: { min: 1e-3, what: 'average handle time in seconds' },
  interval: { min: 1, max: 86_400, what: 'interval length in seconds' },
  sl: { min: 0, max: 1, share: true, what: 'the share answered within --target' },
  target: { min: 0, what: 'service-level threshold in seconds' },
  'max-asa': { min: 0, what: 'average speed of answer in seconds' },
  'max-occupancy': { min: 0, max: 1, share: true, what: 'occupancy' },
  shrinkage: { min: 0, max: 0.99, share: true, what: 'shrinkage' },
  patience: { min: 1e-3, what: 'average patience in seconds before a caller abandons' },
  'max-abandon': { min: 0, max: 1, share: true, what: 'the share of callers who abandon' },
  port: { min: 0, max: 65_535, integer: true, what: 'a TCP port (0 = any free port)' },
  seed: { integer: true, what: 'a whole number' },
  users: { min: 0, max: 100_000, integer: true, what: 'synthetic org size' },
  faults: { min: 0, max: 1, share: true, what: 'the share of requests faulted' },
  'max-changes': { min: 0, integer: true },
  'max-skills': { min: 1, integer: true },
  'max-changes-per-agent': { min: 0, integer: true },
  'min-holders': { min: 0, integer: true },
  'time-limit': { min: 0.1, max: 86_400, what: 'seconds' },
  effort: { min: 0.01, max: 1_000, what: 'work budget multiple' },
  concurrency: { min: 1, max: 100, integer: true },
};

export function num(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const n = value.trim() === '' ? NaN : Number(value);
  const rule = RULES[name] ?? {};
  const what = rule.what ? ` (${rule.what})` : '';
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number${what}, got ${JSON.stringify(value)}`);
  if (rule.integer && !Number.isInteger(n))
    throw new UsageError(`--${name} must be a whole number${what}, got ${value}`);
  const outside = (rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max);
  if (outside) {
    const range =
      rule.max === undefined
        ? `>= ${rule.min}`
        : rule.min === undefined
          ? `<= ${rule.max}`
          : `between ${rule.min} and ${rule.max}`;
    const hint =
      rule.share && n > 1 && n <= 100 ? ` (a share, not a percentage: did you mean --${name} ${n / 100}?)` : '';
    throw new UsageError(`--${name} must be ${range}${what}, got ${value}${hint}`);
  }
  return n;
}

export function optionalNum(name: string, value: string | undefined): number | undefined {
  return value === undefined ? undefined : num(name, value);
}

/**
 * Runs library code fed by flags; a ValidationError naming an input field becomes a usage error naming the
 * flag (`serviceLevel` -> `--sl`), so the user reads what they typed, not an internal field.
 */
export function asFlags<T>(flags: Record<string, string>, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!isValidationError(error)) throw error;
    const lines = error.issues.map((i) => {
      const field = i.path.replace(/^[^.[]*\./, '').split(/[.[]/)[0]!;
      const flag = flags[field] ?? flags[i.path];
      return flag ? `${flag}: ${i.message}` : `${i.path || 'input'}: ${i.message}`;
    });
    throw new UsageError(lines.join('\n'));
  }
}
