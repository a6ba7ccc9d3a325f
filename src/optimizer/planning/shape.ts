// The checker moved to src/internal/shape.ts (the resource schemas use it too); this re-export keeps the
// old import path working for src/workflows/plan.ts until that file imports the new path.
export * from '../../internal/shape.js';
