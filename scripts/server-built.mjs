// Compiles the server's TypeScript (src/, bench/: tsconfig.build.json) into dist/ only when a source
// is newer than the last compilation, so that `npm run keys`, `import`, `analyze`, ... start at once
// and never rebuild the browser assets (dist/web/) that a running server serves.
// Usage (package.json scripts): node scripts/server-built.mjs && node dist/src/...
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** tsc rewrites every output file at each compilation: this one's time is the last compilation's. */
const stamp = path.join(root, "dist", "src", "index.js");

function newest(folder) {
  let latest = 0;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(file));
    else if (entry.name.endsWith(".ts")) latest = Math.max(latest, statSync(file).mtimeMs);
  }
  return latest;
}

let built = 0;
try {
  built = statSync(stamp).mtimeMs;
} catch {
  built = 0;
}
const sources = Math.max(
  newest(path.join(root, "src")),
  newest(path.join(root, "bench")),
  ...["tsconfig.json", "tsconfig.build.json", "package-lock.json"].map((file) => statSync(path.join(root, file)).mtimeMs),
);
if (built < sources) {
  process.stderr.write("compiling the server (a source changed since the last build; dist/web is left as it is)\n");
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
