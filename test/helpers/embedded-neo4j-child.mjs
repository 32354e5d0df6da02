// Starts a throwaway embedded Neo4j, prints `{"pid":…,"home":…}` on one stdout line, then idles
// until killed. Tests kill this process hard to prove the JVM does not outlive it.
import { register } from "node:module";

register("./ts-hooks.mjs", import.meta.url);
const { startEmbeddedNeo4j } = await import("../../src/db/embedded-neo4j.ts");

const neo4j = await startEmbeddedNeo4j({ log: (line) => process.stderr.write(`${line}\n`) });
process.stdout.write(`${JSON.stringify({ pid: neo4j.pid, home: neo4j.home })}\n`);
setInterval(() => {}, 60_000);
