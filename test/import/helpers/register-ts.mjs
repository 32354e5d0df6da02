// `node --import ./register-ts.mjs file.ts` runs the project's TypeScript in a child process.
import { register } from "node:module";

register("../../helpers/ts-hooks.mjs", import.meta.url);
