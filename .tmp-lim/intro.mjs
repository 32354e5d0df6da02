import { register } from "node:module";
import { pathToFileURL } from "node:url";
register(pathToFileURL("/work/main/test/helpers/ts-hooks.mjs"));
const g = await import("graphql");
const { countTokens } = await import("/work/main/src/graphql/limits/count-tokens.ts");
const q = g.getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true, oneOf: true });
console.log(countTokens(q, 1e6));
