// Builds the browser assets into dist/web/ (served by src/http/static-files.ts):
//   explorer/       GraphiQL, opened at GET /graphql by a browser (hashed assets under explorer/assets/)
//   embed/network.js, embed/routes.js   one self-contained script per web component
//   embed/network.html, embed/routes.html   iframe pages taking the same options in their URL
//   workbench/      the investigator's workbench, opened at GET /workbench/ (hashed assets under workbench/assets/)
// Everything the pages need (fonts, country shapes) is bundled: they load nothing from other hosts.
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));
const outRoot = path.resolve(here, "..", "dist", "web");

const common = { configFile: false, logLevel: "warn", publicDir: false };

await build({
  ...common,
  root: path.join(here, "explorer"),
  base: "/explorer/",
  build: {
    outDir: path.join(outRoot, "explorer"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      // React libraries mark modules "use client", which means nothing in a plain client bundle.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
});

await build({
  ...common,
  root: path.join(here, "workbench"),
  base: "/workbench/",
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: { outDir: path.join(outRoot, "workbench"), emptyOutDir: true, chunkSizeWarningLimit: 1000 },
});

for (const name of ["network", "routes"]) {
  await build({
    ...common,
    root: here,
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      outDir: path.join(outRoot, "embed"),
      emptyOutDir: name === "network",
      lib: {
        entry: path.join(here, "embed", `${name}.ts`),
        name: name === "network" ? "TraffickingNetwork" : "TraffickingRoutes",
        formats: ["iife"],
        fileName: () => `${name}.js`,
      },
    },
  });
}

await mkdir(path.join(outRoot, "embed"), { recursive: true });
for (const page of ["network.html", "routes.html"]) {
  await copyFile(path.join(here, "embed", page), path.join(outRoot, "embed", page));
}
console.log(`web assets built in ${path.relative(process.cwd(), outRoot) || outRoot}`);
