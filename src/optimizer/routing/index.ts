export { optimizeRouting } from './optimize.js';
export type * from './types.js';
