// What `#highs` resolves to outside Node (browser, edge and neutral bundles; see highs.ts): a loader that
// refuses at once. Imports nothing, so such bundles carry no solver code.
export default function highsUnavailable(): Promise<never> {
  const error = new Error(
    'the HiGHS solver is not part of this build (it needs Node: browser, edge and neutral bundles leave it out); run optimizeRouting in Node. Every other optimizer function works here',
  );
  return Promise.reject(Object.assign(error, { code: 'HIGHS_NOT_IN_BUILD' }));
}
