import os from "node:os";

/** One row of the results table. `pass` is undefined for rows that only inform. */
export interface Row {
  metric: string;
  measured: string;
  target: string;
  pass?: boolean;
}

export function machineLines(now: Date): string[] {
  const cpus = os.cpus();
  return [
    `- date: ${now.toISOString()}`,
    `- cpu: ${cpus[0]?.model ?? "unknown"} × ${cpus.length} cores`,
    `- memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- node: ${process.version} on ${os.type()} ${os.release()} (${os.arch()})`,
  ];
}

function verdict(row: Row): string {
  if (row.pass === undefined) return "—";
  return row.pass ? "pass" : "**FAIL**";
}

function escapeCell(text: string): string {
  return text.replaceAll("|", "\\|");
}

export function markdownTable(rows: readonly Row[]): string[] {
  return [
    "| metric | measured | target | pass/fail |",
    "|---|---|---|---|",
    ...rows.map((row) => `| ${escapeCell(row.metric)} | ${escapeCell(row.measured)} | ${escapeCell(row.target)} | ${verdict(row)} |`),
  ];
}

export function renderReport(rows: readonly Row[], notes: readonly string[], now: Date): string {
  return [
    "# promo-sandbox benchmarks",
    "",
    ...machineLines(now),
    "",
    ...markdownTable(rows),
    "",
    ...notes.map((note) => `- ${note}`),
    "",
  ].join("\n");
}
