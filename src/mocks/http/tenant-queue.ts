import type { Tenant } from "../../state/kernel/tenant.js";

/**
 * Long jobs of one tenant (a clock advance over years) run in slices and yield to the event loop
 * between them, so other tenants are served meanwhile. The tenant's own calls must not see a state
 * half way through: every pipeline waits for `whenIdle(tenant)` before it touches the tenant, and the
 * jobs of one tenant run one after the other, in the order they came.
 */
interface Queue {
  /** Settles when the last queued job has finished (whatever its outcome). */
  tail: Promise<void>;
  /** Jobs queued or running. */
  jobs: number;
  /** Resolves when `jobs` falls to 0. */
  idle: Promise<void>;
  settleIdle: () => void;
}

const queues = new WeakMap<Tenant, Queue>();

const ignore = (): void => undefined;

/**
 * A promise that resolves once the tenant has no long job queued or running, or undefined when it is
 * idle now (the caller goes on at once, without a turn of the event loop). A call that waited must
 * ask again before it acts: another long job of the tenant may have been queued meanwhile.
 */
export function whenIdle(tenant: Tenant): Promise<void> | undefined {
  return queues.get(tenant)?.idle;
}

/** Waits until the tenant is idle (asking again after each wait). */
export async function untilIdle(tenant: Tenant): Promise<void> {
  for (let idle = whenIdle(tenant); idle !== undefined; idle = whenIdle(tenant)) await idle;
}

/** Runs `job` after the tenant's earlier long jobs; whenIdle() stays pending until every queued job is done. */
export function runExclusive<T>(tenant: Tenant, job: () => Promise<T>): Promise<T> {
  let queue = queues.get(tenant);
  if (queue === undefined) {
    let settleIdle: () => void = ignore;
    const idle = new Promise<void>((resolve) => {
      settleIdle = resolve;
    });
    queue = { tail: Promise.resolve(), jobs: 0, idle, settleIdle };
    queues.set(tenant, queue);
  }
  const own = queue;
  own.jobs += 1;
  const run = own.tail.then(job);
  own.tail = run.then(ignore, ignore);
  const done = (): void => {
    own.jobs -= 1;
    if (own.jobs > 0) return;
    queues.delete(tenant);
    own.settleIdle();
  };
  run.then(done, done);
  return run;
}
