/**
 * The issue-9 speed targets, measured against anchors side by side in one run: raw node:http and express 5
 * hello-worlds, WireMock standalone stubs and a Prism mock answering the very bodies the sandbox answered,
 * and the sandbox's two stateful reads (YooMoney campaigns/get, Wildberries promotion/count).
 * Load: alternating rounds of autocannon (50 connections); then sequential latency over one keep-alive
 * connection, also in alternating rounds. WireMock and Prism are warmed first (the JVM needs it).
 */
import { basename, relative } from "node:path";
import { spawnServer, stopChild } from "./child-process.js";
import { benchRounds, benchSeconds, positiveIntFromEnv } from "./env.js";
import { answersSame, wildberriesPromotionCount, yoomoneyCampaignGet, type RecordedRead } from "./anchor-reads.js";
import { badTotal, load, medianRps, percent, type Run, type Target } from "./load.js";
import { HELLO_SERVER, RAW_HELLO_SERVER, SANDBOX_ARGS, WB_OPENAPI } from "./paths.js";
import { PRISM_FLAGS, startPrism, stopPrism } from "./prism.js";
import type { Row } from "./report.js";
import { sequential, singleSocketAgent, type SequentialRun } from "./sequential.js";
import { formatUs, median, percentile } from "./stats.js";
import { WIREMOCK_FLAGS, addStub, startWireMock, stopWireMock } from "./wiremock.js";

const CONNECTIONS = 50;
/** WireMock's cold figure: the first seconds of load right after it starts. */
const COLD_S = 5;
/** Warm-up of the node targets (no JIT worth waiting for beyond V8's own). */
const NODE_WARM_S = 3;
/** Seconds of sequential requests per target and round. */
const SEQUENTIAL_S = 2;
/** A stateful read must reach this multiple of a warmed WireMock stub answering the same body… */
const WIREMOCK_MULTIPLE = 1.5;
/** …and this share of raw node:http hello… */
const RAW_SHARE = 0.45;
/** …and its sequential p50 must stay within this multiple of raw node:http hello's. */
const SEQUENTIAL_MULTIPLE = 1.3;
const HELLO_BODY = JSON.stringify({ hello: "world" });

/** A target answering exactly `expected` to the request of `read`, sent to `baseUrl`. */
function readTarget(name: string, baseUrl: string, read: RecordedRead): Target {
  const options: Target["options"] = {
    url: `${baseUrl}${read.path}`,
    method: read.method,
    headers: read.headers,
    verifyBody: (text) => text === read.text,
  };
  if (read.body !== undefined) options.body = read.body;
  return { name, options };
}

function helloTarget(name: string, baseUrl: string): Target {
  return { name, options: { url: `${baseUrl}/`, method: "GET", verifyBody: (text) => text === HELLO_BODY } };
}

function stubOf(read: RecordedRead) {
  return { method: read.method, url: read.path, status: 200, headers: { "Content-Type": read.contentType }, body: read.text };
}

/** Prism's static answer to promotion/count (an example it builds from the schema); any other answer is bad. */
async function prismRead(baseUrl: string, wbRead: RecordedRead): Promise<RecordedRead> {
  const response = await fetch(`${baseUrl}${wbRead.path}`, { headers: wbRead.headers });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`Prism GET ${wbRead.path}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return { ...wbRead, text };
}

function percentileOrNaN(samples: readonly number[], p: number): number {
  return samples.length === 0 ? Number.NaN : percentile(samples, p);
}

function medianOrNaN(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : median(values);
}

/** A percentile of every answered request of `target`'s sequential runs; NaN when none was answered. */
function sequentialPercentile(runs: readonly SequentialRun[], target: Target, p: number): number {
  return percentileOrNaN(runs.filter((run) => run.target === target.name).flatMap((run) => run.samples), p);
}

/** `target`'s sequential p50 in one round. */
function roundP50(inRound: readonly SequentialRun[], target: Target): number {
  return percentileOrNaN(inRound.find((run) => run.target === target.name)?.samples ?? [], 50);
}

const times = (ratio: number): string => `${ratio.toFixed(2)}x`;

export async function benchAnchors(): Promise<{ rows: Row[]; notes: string[] }> {
  const rounds = benchRounds(6);
  const durationS = benchSeconds(8);
  const warmS = positiveIntFromEnv("BENCH_WARM_SECONDS", 30);
  const stops: (() => Promise<void>)[] = [];
  try {
    const wiremock = await startWireMock(); // first: a missing java or jar stops the bench before anything runs
    stops.push(() => stopWireMock(wiremock));
    const prism = await startPrism(WB_OPENAPI);
    stops.push(() => stopPrism(prism));
    const raw = await spawnServer({ args: [RAW_HELLO_SERVER] });
    stops.push(() => stopChild(raw.child));
    const hello = await spawnServer({ args: [HELLO_SERVER] });
    stops.push(() => stopChild(hello.child));
    const sandbox = await spawnServer({ args: SANDBOX_ARGS });
    stops.push(() => stopChild(sandbox.child));

    const ymRead = await yoomoneyCampaignGet(sandbox.url);
    const wbRead = await wildberriesPromotionCount(sandbox.url);
    await addStub(wiremock, stubOf(ymRead));
    await addStub(wiremock, stubOf(wbRead));
    await answersSame(wiremock.url, ymRead, "WireMock");
    await answersSame(wiremock.url, wbRead, "WireMock");

    const rawT = helloTarget("raw node:http hello GET", raw.url);
    const helloT = helloTarget("express 5 hello GET", hello.url);
    const sbYmT = readTarget("sandbox YooMoney campaigns/get", sandbox.url, ymRead);
    const wmYmT = readTarget("WireMock stub of the same campaigns/get", wiremock.url, ymRead);
    const sbWbT = readTarget("sandbox Wildberries promotion/count", sandbox.url, wbRead);
    const wmWbT = readTarget("WireMock stub of the same promotion/count", wiremock.url, wbRead);
    const prismAnswer = await prismRead(prism.url, wbRead);
    const prismT = readTarget("Prism 5 mock of Wildberries promotion/count", prism.url, prismAnswer);
    // Each read runs right after raw hello or its own WireMock stub, so each pair shares the machine's
    // state of the moment; the targets are compared round by round.
    const targets = [rawT, sbYmT, wmYmT, sbWbT, wmWbT, helloT, prismT];
    const anchorsToWarm = new Set([wmYmT.name, wmWbT.name, prismT.name]);

    const cold = await load(wmYmT, COLD_S, CONNECTIONS);
    const warmups: Run[] = [];
    for (const target of targets) warmups.push(await load(target, anchorsToWarm.has(target.name) ? warmS : NODE_WARM_S, CONNECTIONS));
    const runs: Run[][] = [];
    for (let round = 0; round < rounds; round++) {
      const inRound: Run[] = [];
      for (const target of targets) inRound.push(await load(target, durationS, CONNECTIONS));
      runs.push(inRound);
    }
    const agents = new Map(targets.map((target) => [target.name, singleSocketAgent()]));
    const sequentialRuns: SequentialRun[][] = [];
    try {
      for (let round = 0; round < rounds; round++) {
        const inRound: SequentialRun[] = [];
        for (const target of targets) {
          const agent = agents.get(target.name);
          if (agent !== undefined) inRound.push(await sequential(target, agent, SEQUENTIAL_S * 1000));
        }
        sequentialRuns.push(inRound);
      }
    } finally {
      for (const agent of agents.values()) agent.destroy();
    }

    const allRuns = runs.flat();
    const allSequential = sequentialRuns.flat();
    const rps = (target: Target) => medianRps(allRuns, target);
    const p50 = (target: Target) => sequentialPercentile(allSequential, target, 50);
    const p99 = (target: Target) => sequentialPercentile(allSequential, target, 99);
    /** a's req/s ÷ b's, one ratio per round. */
    const rpsRatios = (a: Target, b: Target) =>
      runs.map((inRound) => (inRound.find((run) => run.target === a.name)?.rps ?? Number.NaN) / (inRound.find((run) => run.target === b.name)?.rps ?? Number.NaN));
    /** a's sequential p50 ÷ b's, one ratio per round. */
    const p50Ratios = (a: Target, b: Target) =>
      sequentialRuns.map((inRound) => roundP50(inRound, a) / roundP50(inRound, b));
    const loadShape = `median of ${rounds} × ${durationS} s, ${CONNECTIONS} connections`;
    const sequentialShape = `${rounds} × ${SEQUENTIAL_S} s, one keep-alive connection`;
    const pairedShape = `median of the ${rounds} per-round ratios`;
    const informative = (target: Target, extra = ""): Row => ({
      metric: `anchors: ${target.name}, req/s (${loadShape}); sequential p50 / p99 (${sequentialShape})`,
      measured: `${Math.round(rps(target)).toLocaleString("en-US")}${extra}; ${formatUs(p50(target))} / ${formatUs(p99(target))}`,
      target: "—",
    });
    const versusWireMock = (read: Target, stub: Target): Row => {
      const multiple = medianOrNaN(rpsRatios(read, stub));
      return {
        metric: `anchors: ${read.name} ÷ warmed ${stub.name}, req/s (${pairedShape})`,
        measured: `${times(multiple)} (medians ${Math.round(rps(read))} vs ${Math.round(rps(stub))})`,
        target: `≥ ${WIREMOCK_MULTIPLE}x`,
        pass: multiple >= WIREMOCK_MULTIPLE,
      };
    };
    const versusRaw = (read: Target): Row => {
      const share = medianOrNaN(rpsRatios(read, rawT));
      return {
        metric: `anchors: ${read.name} ÷ ${rawT.name}, req/s (${pairedShape})`,
        measured: `${percent(share)} (medians ${Math.round(rps(read))} vs ${Math.round(rps(rawT))})`,
        target: `≥ ${RAW_SHARE * 100} %`,
        pass: share >= RAW_SHARE,
      };
    };
    const sequentialVersusRaw = (read: Target): Row => {
      const multiple = medianOrNaN(p50Ratios(read, rawT));
      return {
        metric: `anchors: sequential p50 of ${read.name} ÷ ${rawT.name}'s (${pairedShape})`,
        measured: `${times(multiple)} (all rounds: ${formatUs(p50(read))} vs ${formatUs(p50(rawT))})`,
        target: `≤ ${SEQUENTIAL_MULTIPLE}x`,
        pass: multiple <= SEQUENTIAL_MULTIPLE,
      };
    };
    const bad = badTotal([cold, ...warmups, ...allRuns]) + allSequential.reduce((sum, run) => sum + run.bad, 0);
    const rows: Row[] = [
      informative(rawT),
      informative(helloT),
      informative(sbYmT),
      informative(sbWbT),
      informative(wmYmT, ` (cold, first ${COLD_S} s after start: ${Math.round(cold.rps).toLocaleString("en-US")})`),
      informative(wmWbT),
      informative(prismT),
      versusWireMock(sbYmT, wmYmT),
      versusWireMock(sbWbT, wmWbT),
      versusRaw(sbYmT),
      versusRaw(sbWbT),
      sequentialVersusRaw(sbYmT),
      sequentialVersusRaw(sbWbT),
      { metric: "anchors: non-2xx + errors + timeouts + wrong bodies, every load and sequential run", measured: `${bad}`, target: "0", pass: bad === 0 },
    ];
    const list = (ratios: number[], show: (ratio: number) => string) => ratios.map(show).join(", ");
    const notes = [
      `anchors: WireMock ${basename(wiremock.jar)} on java, flags ${WIREMOCK_FLAGS.join(" ")}; exact-URL stubs answering the sandbox's bytes and Content-Type`,
      `anchors: Prism ${PRISM_FLAGS.join(" ")} mocking ${relative(process.cwd(), WB_OPENAPI)}, its static answer: ${prismAnswer.text.slice(0, 160)}`,
      `anchors: bodies ${Buffer.byteLength(ymRead.text)} B (campaigns/get) and ${Buffer.byteLength(wbRead.text)} B (promotion/count); warm-up ${warmS} s for WireMock and Prism each, ${NODE_WARM_S} s for node targets`,
      `anchors: cold WireMock, ${cold.detail}`,
      ...warmups.map((run) => `anchors: warm-up, ${run.detail}`),
      ...runs.flatMap((inRound, round) => inRound.map((run) => `anchors: round ${round + 1}, ${run.detail}`)),
      ...sequentialRuns.flatMap((inRound, round) =>
        inRound.map((run) => `anchors: sequential round ${round + 1}, ${run.target}: ${run.samples.length} answers, p50 ${formatUs(percentileOrNaN(run.samples, 50))}, ${run.bad} bad`),
      ),
      `anchors: per round, campaigns/get ÷ its WireMock stub: ${list(rpsRatios(sbYmT, wmYmT), times)}; promotion/count ÷ its stub: ${list(rpsRatios(sbWbT, wmWbT), times)}`,
      `anchors: per round, campaigns/get ÷ raw hello: ${list(rpsRatios(sbYmT, rawT), percent)}; promotion/count ÷ raw hello: ${list(rpsRatios(sbWbT, rawT), percent)}`,
      `anchors: per round, sequential p50 ÷ raw hello's: campaigns/get ${list(p50Ratios(sbYmT, rawT), times)}; promotion/count ${list(p50Ratios(sbWbT, rawT), times)}`,
    ];
    return { rows, notes };
  } finally {
    await Promise.allSettled(stops.reverse().map((stop) => stop()));
  }
}
