import { configDefaults, defineConfig } from "vitest/config";

/**
 * Test files that need no database: they run in the `unit` project, which starts no Neo4j, so
 * `npx vitest run --project unit` answers in seconds. Every other file runs in the `neo4j`
 * project, whose global setup starts one Neo4j for the run: a new file needs Neo4j unless it is
 * listed here. A file listed here that asks for the database fails at once with "no Neo4j was
 * provided".
 */
const WITHOUT_DATABASE = [
  "test/unit/**/*.test.ts",
  "test/schema/**/*.test.ts",
  "test/generate/**/*.test.ts",
  // The import's mapping files, normalisers, row planner and reports are pure; its other tests write to Neo4j.
  "test/import/{mapping-errors,normalisers,plan-row,reference-engine,report-lines,seen-keys}.test.ts",
  // Reading CSV files, on the importing thread or a worker thread.
  "test/import/csv-input-worker.test.ts",
  // The press releases' extractor is pure (it reads the releases from ../shared, or skips).
  "test/import/press-release-{extraction,rules}.test.ts",
  "test/import/{country-names,identifier-normalisers,taxa-index}.test.ts",
  "test/import/gazetteer*.test.ts",
  "test/import/ngo-columns.test.ts",
  // Records and plans: the mapping checks, the planner with a record index, a batch's own references.
  "test/import/record-planning.test.ts",
  // Entity resolution's quality, measured on generated files against their planted duplicates.
  "test/resolution/**/*.test.ts",
  // The database supervisor's decisions, with stand-ins for the JVM.
  "test/integration/database-supervision-backoff.test.ts",
  // The shared audit store's settings and the errors that stop start-up.
  "test/integration/audit-shared-store-settings.test.ts",
];

export default defineConfig({
  resolve: {
    // Without it, a test importing `graphql` directly gets a second copy of graphql-js and fails
    // with "Cannot use GraphQLObjectType from another module or realm". Both projects extend this
    // configuration, so both have it.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    pool: "forks",
    testTimeout: 30_000,
    // Generous for beforeAll hooks that start a server or a JVM on a busy machine. The global setup
    // (which may fetch Neo4j from Maven Central on a first run) has no timeout of its own.
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: WITHOUT_DATABASE },
      },
      {
        extends: true,
        test: {
          name: "neo4j",
          include: ["test/**/*.test.ts"],
          // One file at a time: the files share one database, and some show it unchanged by what
          // they do (fuzz, injection) or count every fact in it. Two at a time was slower on the
          // 2-core machines this runs on (each file took about twice as long).
          fileParallelism: false,
          // The files share one worker process and its loaded modules (the API, the schema, the
          // driver): loading them afresh for each of about 125 files made the whole suite 1.2
          // times as long. A file that changes shared state (a spy on a class, an environment
          // variable) puts it back in its afterAll or finally.
          isolate: false,
          // After the `unit` project, whose files run in parallel: projects of one group must
          // agree on their number of workers.
          sequence: { groupOrder: 1 },
          setupFiles: ["test/helpers/restore-environment.ts"],
          exclude: [...configDefaults.exclude, ...WITHOUT_DATABASE],
          globalSetup: ["test/helpers/global-setup.ts"],
        },
      },
    ],
  },
});
