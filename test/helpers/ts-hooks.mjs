// Node module hooks that let a plain `node` child process run this project's TypeScript sources,
// so tests can start real processes without a prior `npm run build`. Types are stripped, not
// checked (`npm run lint` does that). Use: `register("./ts-hooks.mjs", import.meta.url)`.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const compilerOptions = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  inlineSourceMap: true,
};

/** Sources import `./x.js` (NodeNext style); before a build only `./x.ts` exists. */
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const fromTypeScript = context.parentURL?.endsWith(".ts") ?? false;
    if (error?.code !== "ERR_MODULE_NOT_FOUND" || !fromTypeScript || !specifier.endsWith(".js")) throw error;
    return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith("file:") || !url.endsWith(".ts")) return nextLoad(url, context);
  const fileName = fileURLToPath(url);
  const { outputText } = ts.transpileModule(await readFile(fileName, "utf8"), { fileName, compilerOptions });
  return { format: "module", source: outputText, shortCircuit: true };
}
