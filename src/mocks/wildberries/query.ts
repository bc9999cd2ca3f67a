/** A query value as a positive integer id (WB ids are up to 9 digits here), or undefined. */
export function idParam(raw: string | undefined): number | undefined {
  return raw !== undefined && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : undefined;
}
