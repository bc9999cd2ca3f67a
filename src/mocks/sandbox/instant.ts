/** Epoch ms -> the ISO-8601 UTC string the control plane prints. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
