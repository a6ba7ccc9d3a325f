// Bad input: every function throws a ValidationError that names the bad field.
import { describe, expect, it } from 'vitest';
import {
  averageSpeedOfAnswer,
  erlangA,
  erlangB,
  erlangC,
  occupancy,
  requiredAgents,
  requiredAgentsErlangA,
  serviceLevel,
  trafficFromVolume,
} from '../../../src/optimizer/index.js';
import type { RequiredAgentsInput } from '../../../src/optimizer/index.js';
import { expectValidationError } from './helpers.js';

const staffing: RequiredAgentsInput = { traffic: 10, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8 };

describe('input validation', () => {
  it('Erlang B/C, service level, ASA, occupancy: traffic and agents', () => {
    for (const fn of [erlangB, erlangC, occupancy]) {
      expectValidationError(() => fn({ agents: 3, traffic: -1 }), 'traffic');
      expectValidationError(() => fn({ agents: 3, traffic: Number.NaN }), 'traffic');
      expectValidationError(() => fn({ agents: 3, traffic: Infinity }), 'traffic');
      expectValidationError(() => fn({ agents: 2.5, traffic: 1 }), 'agents');
      expectValidationError(() => fn({ agents: -1, traffic: 1 }), 'agents');
      expectValidationError(() => fn({ agents: '3' as unknown as number, traffic: 1 }), 'agents');
      expectValidationError(() => fn(null as unknown as { agents: number; traffic: number }), '');
    }
    expectValidationError(
      () => serviceLevel({ agents: 3, traffic: 1, ahtSeconds: 0, targetSeconds: 20 }),
      'ahtSeconds',
    );
    expectValidationError(
      () => serviceLevel({ agents: 3, traffic: 1, ahtSeconds: 180, targetSeconds: -5 }),
      'targetSeconds',
    );
    expectValidationError(() => averageSpeedOfAnswer({ agents: 3, traffic: 1, ahtSeconds: Infinity }), 'ahtSeconds');
  });

  it('requiredAgents: each bad option is named', () => {
    expectValidationError(() => requiredAgents({ ...staffing, traffic: -3 }), 'traffic');
    expectValidationError(() => requiredAgents({ ...staffing, traffic: Number.NaN }), 'traffic');
    expectValidationError(() => requiredAgents({ ...staffing, traffic: Infinity }), 'traffic');
    expectValidationError(() => requiredAgents({ ...staffing, ahtSeconds: 0 }), 'ahtSeconds');
    expectValidationError(() => requiredAgents({ ...staffing, serviceLevel: 1 }), 'serviceLevel');
    expectValidationError(() => requiredAgents({ ...staffing, serviceLevel: 0 }), 'serviceLevel');
    expectValidationError(() => requiredAgents({ ...staffing, serviceLevel: 80 }), 'serviceLevel');
    expectValidationError(() => requiredAgents({ ...staffing, shrinkage: 1 }), 'shrinkage');
    expectValidationError(() => requiredAgents({ ...staffing, shrinkage: -0.1 }), 'shrinkage');
    expectValidationError(() => requiredAgents({ ...staffing, maxOccupancy: 1.2 }), 'maxOccupancy');
    expectValidationError(() => requiredAgents({ ...staffing, maxOccupancy: 0 }), 'maxOccupancy');
    expectValidationError(() => requiredAgents({ ...staffing, maxAsaSeconds: 0 }), 'maxAsaSeconds');
    expectValidationError(() => requiredAgents({ traffic: 10, ahtSeconds: 180, serviceLevel: 0.8 }), 'targetSeconds');
    const noTarget = expectValidationError(() => requiredAgents({ traffic: 10, ahtSeconds: 180 }), 'serviceLevel');
    expect(noTarget.message).toMatch(/no target/);
    expectValidationError(() => requiredAgents({ traffic: 10, ahtSeconds: 180, targetSeconds: 20 }), 'serviceLevel');
  });

  it('trafficFromVolume', () => {
    expectValidationError(() => trafficFromVolume({ calls: -1, intervalSeconds: 900, ahtSeconds: 180 }), 'calls');
    expectValidationError(
      () => trafficFromVolume({ calls: 10, intervalSeconds: 0, ahtSeconds: 180 }),
      'intervalSeconds',
    );
    expectValidationError(
      () => trafficFromVolume({ calls: 10, intervalSeconds: 900, ahtSeconds: Number.NaN }),
      'ahtSeconds',
    );
    expect(trafficFromVolume({ calls: 0, intervalSeconds: 900, ahtSeconds: 180 })).toBe(0);
  });

  it('Erlang A', () => {
    const ok = { agents: 5, traffic: 4, ahtSeconds: 180, patienceSeconds: 60, targetSeconds: 20 };
    expectValidationError(() => erlangA({ ...ok, agents: 0 }), 'agents');
    expectValidationError(() => erlangA({ ...ok, patienceSeconds: 0 }), 'patienceSeconds');
    expectValidationError(() => erlangA({ ...ok, patienceSeconds: Infinity }), 'patienceSeconds');
    expectValidationError(() => erlangA({ ...ok, traffic: -2 }), 'traffic');
    const req = { traffic: 4, ahtSeconds: 180, patienceSeconds: 60, targetSeconds: 20, serviceLevel: 0.8 };
    expectValidationError(() => requiredAgentsErlangA({ ...req, serviceLevel: 1.5 }), 'serviceLevel');
    expectValidationError(() => requiredAgentsErlangA({ ...req, maxAbandonRate: 0 }), 'maxAbandonRate');
    expectValidationError(() => requiredAgentsErlangA({ ...req, targetSeconds: Number.NaN }), 'targetSeconds');
  });
});
