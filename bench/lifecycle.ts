import { ConfigError } from "../src/config.js";

/** Clean-up steps, run last-in first-out, once, however the run ends. */
export class CleanUp {
  private readonly steps: (() => Promise<void>)[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly tag: string) {}

  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  run = (): Promise<void> =>
    (this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step();
        } catch (error) {
          console.error(`[${this.tag}] clean-up step failed:`, error);
        }
      }
    })());
}

/**
 * Runs a benchmark's `main`, and `cleanUp` whatever happens: on success, on error, on Ctrl-C or
 * SIGTERM, so no database or temporary folder outlives it.
 */
export async function runBenchmark(
  tag: string,
  main: () => Promise<void>,
  cleanUp: () => Promise<void>,
): Promise<void> {
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      console.error(`[${tag}] ${signal}: stopping`);
      void cleanUp().finally(() => process.exit(code));
    });
  }
  try {
    await main();
  } catch (error) {
    process.exitCode = 1;
    console.error(error instanceof ConfigError ? `[${tag}] ${error.message}` : error);
  } finally {
    await cleanUp();
  }
}
