/**
 * What to tell the user when the server cannot listen at `host`:`port`, or undefined for an error that is
 * not about the address (then the CLI reports it as it is). Each says what failed and which flag (or
 * variable) changes it; the CLI exits 2 on it, as on any start option it cannot use.
 */
export function listenProblem(error: unknown, host: string, port: number): string | undefined {
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  switch (code) {
    case "EADDRINUSE":
      return `port ${port} is in use on ${host}; choose another with --port (or PROMO_SANDBOX_PORT)`;
    case "EACCES":
      return `port ${port} on ${host} needs privileges this process does not have; choose a port above 1023 with --port (or PROMO_SANDBOX_PORT)`;
    case "EADDRNOTAVAIL":
      return `${host} is not an address of this machine; choose another with --host (or PROMO_SANDBOX_HOST), e.g. 127.0.0.1, or 0.0.0.0 for every interface`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host name ${host} does not resolve to an address; give an address with --host (or PROMO_SANDBOX_HOST), e.g. 127.0.0.1, or 0.0.0.0 for every interface`;
    default:
      return undefined;
  }
}
