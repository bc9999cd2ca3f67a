import { readFileSync } from "node:fs";

/** One Dockerfile instruction: its keyword (upper case), its text after the keyword, its stage (0 = first FROM). */
export interface Instruction {
  keyword: string;
  text: string;
  stage: number;
}

/** A Dockerfile's instructions, continuation lines joined and comments dropped. */
export function readDockerfile(path: string): Instruction[] {
  const logical = readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("#"))
    .join("\n")
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  let stage = -1;
  return logical.map((line) => {
    const [keyword = "", ...rest] = line.split(/\s+/);
    if (keyword.toUpperCase() === "FROM") stage++;
    return { keyword: keyword.toUpperCase(), text: rest.join(" "), stage };
  });
}

/** The JSON (exec) form of CMD, ENTRYPOINT or HEALTHCHECK's CMD: a list of words, or an Error for the shell form. */
export function execForm(text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || !parsed.every((word): word is string => typeof word === "string")) {
    throw new Error(`not the exec form (a JSON list of strings): ${text}`);
  }
  return parsed;
}

/** The last stage's instructions of one keyword. */
export function finalStage(instructions: readonly Instruction[], keyword: string): Instruction[] {
  const last = Math.max(...instructions.map((instruction) => instruction.stage));
  return instructions.filter((instruction) => instruction.stage === last && instruction.keyword === keyword);
}

/** The variables the last stage's ENV instructions set (`K=V` pairs, values without quotes or spaces). */
export function finalEnv(instructions: readonly Instruction[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const instruction of finalStage(instructions, "ENV")) {
    for (const pair of instruction.text.split(/\s+/)) {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=(\S*)$/.exec(pair);
      if (match === null) throw new Error(`ENV pair this reader does not understand: ${pair}`);
      env[match[1] ?? ""] = match[2] ?? "";
    }
  }
  return env;
}

/** What the final stage runs: ENTRYPOINT + CMD, and HEALTHCHECK's command. */
export function containerCommand(instructions: readonly Instruction[]): { entrypoint: string[]; cmd: string[]; healthcheck: string[] } {
  const only = (keyword: string): string => {
    const found = finalStage(instructions, keyword);
    if (found.length !== 1) throw new Error(`expected one ${keyword} in the final stage, found ${found.length}`);
    return found[0]?.text ?? "";
  };
  const health = /^(?:--\S+\s+)*CMD\s+(\[.*\])$/.exec(only("HEALTHCHECK"));
  if (health === null) throw new Error(`HEALTHCHECK without an exec-form CMD: ${only("HEALTHCHECK")}`);
  return { entrypoint: execForm(only("ENTRYPOINT")), cmd: execForm(only("CMD")), healthcheck: execForm(health[1] ?? "") };
}
