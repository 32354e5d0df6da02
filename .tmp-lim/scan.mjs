import { register } from "node:module";
import { pathToFileURL } from "node:url";
register(pathToFileURL("/work/main/test/helpers/ts-hooks.mjs"));
const { readFileSync } = await import("node:fs");
const { execSync } = await import("node:child_process");
await import("reflect-metadata");
const g = await import("graphql");
const { buildGraphQLSchema } = await import("/work/main/src/graphql/build-schema.ts");
const { fragmentsOf } = await import("/work/main/src/graphql/limits/fragments.ts");
const { queryDepth } = await import("/work/main/src/graphql/limits/query-depth.ts");
const { aliasCount } = await import("/work/main/src/graphql/limits/alias-count.ts");
const { directiveCount } = await import("/work/main/src/graphql/limits/directive-count.ts");
const { queryCost } = await import("/work/main/src/graphql/limits/query-cost.ts");
const { countTokens } = await import("/work/main/src/graphql/limits/count-tokens.ts");
const schema = await buildGraphQLSchema();
const files = execSync("ls test/api/*.test.ts test/browser/*.ts README.md web/src/*.ts* bench/**/*.ts bench/*.ts 2>/dev/null || true", { shell: "/bin/bash" }).toString().split("\n").filter(Boolean);
const rows = [];
for (const f of files) {
  const text = readFileSync(f, "utf8");
  const re = /(`|```graphql\n)([\s\S]*?)(`|```)/g;
  let m;
  while ((m = re.exec(text))) {
    let q = m[2].replace(/\$\{[^}]*\}/g, "X");
    if (!/^\s*(query|\{)/.test(q)) continue;
    let doc;
    try { doc = g.parse(q); } catch { continue; }
    const errs = g.validate(schema, doc);
    const fr = fragmentsOf(doc);
    for (const op of doc.definitions.filter((d) => d.kind === "OperationDefinition")) {
      rows.push({ f, valid: errs.length === 0, depth: queryDepth(op, fr), aliases: aliasCount(op, fr), dirs: directiveCount(op, fr), cost: queryCost(schema, op, fr, {}), tokens: countTokens(q, 1e6), q: q.replace(/\s+/g, " ").slice(0, 100) });
    }
  }
}
for (const k of ["depth", "aliases", "dirs", "cost", "tokens"]) {
  rows.sort((a, b) => b[k] - a[k]);
  console.log("== top", k);
  for (const r of rows.slice(0, 6)) console.log(r[k], r.valid ? "" : "INVALID", r.f, r.q);
}
console.log(rows.length, "queries");
