import { afterAll } from "vitest";

/**
 * The `neo4j` project's files run one after another in one worker process (vitest.config.ts), so
 * what one file leaves in `process.env` the next one reads, some at import (`NEO4J_URI` set means
 * "a database that is not the run's own" to several files, which then skip). vi.unstubAllEnvs()
 * deletes what vi.stubEnv() added from the object `process.env` was when the worker started: once
 * a file has put another object in its place, an added variable stays. After each file, the
 * environment is put back as the worker began with it.
 */
const atStart = { ...process.env };

afterAll(() => {
  for (const name of Object.keys(process.env)) if (!(name in atStart)) delete process.env[name];
  Object.assign(process.env, atStart);
});
