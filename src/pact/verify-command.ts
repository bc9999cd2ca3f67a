import { switchFlag, valueFlag, type CliCommand } from "../cli-args.js";

const text = (placeholder: string, help: string) => valueFlag(placeholder, help, (value) => value);
const url = (help: string) =>
  valueFlag("URL", help, (value, source) => {
    if (!/^https?:\/\/[^\s]+$/.test(value)) throw new Error(`${source} must be an http(s) URL, e.g. http://127.0.0.1:8787; got "${value}"`);
    return value.replace(/\/+$/, "");
  });

const VERIFY_FLAGS = {
  "base-url": url("a running sandbox to verify against; default: one started in-process for the run"),
  provider: text("NAME", "verify only the pacts whose provider.name is NAME; with --broker-url, the provider whose pacts to fetch"),
  "broker-url": url("a Pact Broker to fetch pacts from (and publish to, with --publish)"),
  "broker-token": text("TOKEN", "the Pact Broker's bearer token (PROMO_SANDBOX_BROKER_TOKEN keeps it out of ps)"),
  publish: switchFlag("publish the verification results to the broker (needs --provider-version)"),
  "provider-version": text("VERSION", "the provider version the published results are for"),
} as const;

/**
 * `promo-sandbox verify <pact files or folders...>`: each interaction's provider states set up by the
 * sandbox's catalogue (docs/provider-states.md), then pact-js's Verifier. Prints failing states first, then
 * each mismatch; exit 0 when every interaction passed, 1 otherwise.
 */
export const VERIFY_COMMAND: CliCommand = {
  name: "verify",
  usage: [
    ["verify <pact files or folders...>", "verify pacts against the sandbox (in-process, or --base-url), provider states from its catalogue; exit 0 or 1"],
  ],
  flags: VERIFY_FLAGS,
  takesArguments: "<pact files or folders...>",
  async run(input) {
    if (input.args.length === 0 && input.value(VERIFY_FLAGS["broker-url"]) === undefined) {
      throw new Error("verify needs pact files or folders (or --broker-url with --provider): promo-sandbox verify pacts/");
    }
    const { verifyPacts } = await import("./verify.js");
    const report = await verifyPacts({
      pacts: input.args,
      baseUrl: input.value(VERIFY_FLAGS["base-url"]),
      provider: input.value(VERIFY_FLAGS.provider),
      brokerUrl: input.value(VERIFY_FLAGS["broker-url"]),
      brokerToken: input.value(VERIFY_FLAGS["broker-token"]),
      publish: input.on(VERIFY_FLAGS.publish),
      providerVersion: input.value(VERIFY_FLAGS["provider-version"]),
    });
    process.stdout.write(report.text);
    return report.ok ? 0 : 1;
  },
};
