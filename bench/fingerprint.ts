/** A short fingerprint of a plan's changes (FNV-1a of their JSON), so runs can be compared for identical plans. */
export function planFingerprint(changes: unknown): string {
  const text = JSON.stringify(changes);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
