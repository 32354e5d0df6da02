import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Without it, a test importing `graphql` directly gets a second copy of graphql-js and fails
    // with "Cannot use GraphQLObjectType from another module or realm".
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    // Generous for beforeAll hooks that start a server or a JVM on a busy machine. The global setup
    // (which may fetch Neo4j from Maven Central on a first run) has no timeout of its own.
    hookTimeout: 180_000,
  },
});
