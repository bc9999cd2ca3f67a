import type { SandboxLogger } from "../../src/logger.js";

/** A line a collecting logger kept. */
export interface CollectedLine {
  level: string;
  fields: Readonly<Record<string, unknown>>;
  message: string;
}

/** A logger that keeps every line, at every level. */
export function collectingLogger(): SandboxLogger & { lines: CollectedLine[] } {
  const lines: CollectedLine[] = [];
  const at = (level: string) => (fields: Readonly<Record<string, unknown>>, message: string) => void lines.push({ level, fields, message });
  return { lines, isLevelEnabled: () => true, error: at("error"), warn: at("warn"), info: at("info"), debug: at("debug") };
}
