import { STATUS_CODES } from "node:http";

/** The standard reason phrase of an HTTP status ("Service Unavailable"); "Error" for a status without one. */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? "Error";
}
