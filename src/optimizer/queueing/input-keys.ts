// The keys each queueing function's input object may have (checked by the compiler against its type): any other
// key is refused at run time, so a misspelled field never falls back to a default.
import { keysOf } from '../../internal/unknown-keys.js';
import type {
  AsaInput,
  ErlangInput,
  RequiredAgentsInput,
  ServiceLevelInput,
  StaffingTargets,
  VolumeInput,
} from './types.js';
import type { ErlangAInput, RequiredAgentsErlangAInput } from './erlang-a/erlang-a-types.js';

export const ERLANG_KEYS = /* @__PURE__ */ keysOf<ErlangInput>({ agents: true, traffic: true });
export const ASA_KEYS = /* @__PURE__ */ keysOf<AsaInput>({ agents: true, traffic: true, ahtSeconds: true });
export const SERVICE_LEVEL_KEYS = /* @__PURE__ */ keysOf<ServiceLevelInput>({
  agents: true,
  traffic: true,
  ahtSeconds: true,
  targetSeconds: true,
});
const targets = {
  targetSeconds: true,
  serviceLevel: true,
  maxAsaSeconds: true,
  maxOccupancy: true,
  shrinkage: true,
} as const;
export const TARGET_KEYS = /* @__PURE__ */ keysOf<StaffingTargets>(targets);
export const REQUIRED_AGENTS_KEYS = /* @__PURE__ */ keysOf<RequiredAgentsInput>({
  ...targets,
  traffic: true,
  ahtSeconds: true,
});
export const VOLUME_KEYS = /* @__PURE__ */ keysOf<VolumeInput>({
  calls: true,
  intervalSeconds: true,
  ahtSeconds: true,
});
export const ERLANG_A_KEYS = /* @__PURE__ */ keysOf<ErlangAInput>({
  agents: true,
  traffic: true,
  ahtSeconds: true,
  patienceSeconds: true,
  targetSeconds: true,
});
export const REQUIRED_AGENTS_A_KEYS = /* @__PURE__ */ keysOf<RequiredAgentsErlangAInput>({
  traffic: true,
  ahtSeconds: true,
  patienceSeconds: true,
  targetSeconds: true,
  serviceLevel: true,
  maxAbandonRate: true,
});
