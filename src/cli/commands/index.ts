// The command table.
import { languages, languagesHelp, presence, presenceHelp, skillGroups, skillGroupsHelp } from './admin-listings.js';
import { apply, applyHelp } from './apply.js';
import { autopilot, autopilotHelp } from './autopilot.js';
import { drift, driftHelp } from './drift.js';
import { emulator, emulatorHelp } from './emulator.js';
import { mcp, mcpHelp } from './mcp.js';
import { optimize, optimizeHelp } from './optimize.js';
import { recommend, recommendHelp, relevel, relevelHelp } from './plan.js';
import { queues, queuesHelp } from './queues.js';
import { staff, staffHelp } from './staff.js';
import { validate, validateHelp } from './validate.js';

export interface Command {
  summary: string;
  help: string;
  run(argv: string[]): Promise<number>;
}

/** The main path first: optimize -> apply; then the tools around it. */
export const commands: Record<string, Command> = {
  optimize: {
    summary: 'who should hold which queue skill so every queue meets its target; writes a plan',
    help: optimizeHelp,
    run: optimize,
  },
  apply: { summary: 'apply a plan (--dry-run, resumable journal, audit trail)', help: applyHelp, run: apply },
  autopilot: {
    summary: 'watch the day, move agents when a queue surges, go back after',
    help: autopilotHelp,
    run: autopilot,
  },
  relevel: {
    summary: 're-level the proficiencies of skills agents hold, from history; writes a plan (reads only)',
    help: relevelHelp,
    run: relevel,
  },
  queues: { summary: 'list the queues (names and ids; --queue takes either)', help: queuesHelp, run: queues },
  recommend: {
    summary: 'suggest adding/removing skills from usage; writes a plan',
    help: recommendHelp,
    run: recommend,
  },
  staff: {
    summary: 'Erlang C (or A, with --patience) staffing: volume, AHT and target in, agents out',
    help: staffHelp,
    run: staff,
  },
  validate: { summary: 'check a routing rules file (exit codes for CI)', help: validateHelp, run: validate },
  drift: { summary: 'compare two orgs or snapshots; save a snapshot', help: driftHelp, run: drift },
  languages: {
    summary: 'list the routing languages and how many users hold each',
    help: languagesHelp,
    run: languages,
  },
  'skill-groups': {
    summary: 'list the skill groups with their members and conditions',
    help: skillGroupsHelp,
    run: skillGroups,
  },
  presence: {
    summary: "presence and routing status of every agent (or of a queue's members)",
    help: presenceHelp,
    run: presence,
  },
  emulator: { summary: 'start the local Genesys Cloud API emulator', help: emulatorHelp, run: emulator },
  mcp: {
    summary: 'serve the routing desk to an AI assistant (Model Context Protocol, stdio or HTTP)',
    help: mcpHelp,
    run: mcp,
  },
};

/** Old command names that still run, with the note printed (on stderr) when they are used. */
export const aliases: Record<string, { to: string; note: string }> = {
  plan: {
    to: 'relevel',
    note: '"plan" is deprecated: it re-levels proficiencies and is now "relevel"; to plan who holds which queue skill, use "optimize"',
  },
};
