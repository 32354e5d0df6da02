/**
 * Dependencies go one way: graphql/ -> loaders/ -> repositories/ -> db/, with domain/ usable from
 * all. Nothing under db/ or repositories/ knows about GraphQL. `npm run lint` checks this.
 */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "domain-is-plain",
      comment: "domain/ holds plain types, enums and errors, and imports nothing of the project but itself.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: "^src/(?!domain/)" },
    },
    {
      name: "db-below-everything",
      comment: "db/ may use domain/ and config only.",
      severity: "error",
      from: { path: "^src/db/" },
      to: { path: "^src/(graphql|loaders|repositories|server|context|import)" },
    },
    {
      name: "repositories-below-loaders",
      severity: "error",
      from: { path: "^src/repositories/" },
      to: { path: "^src/(graphql|loaders|server|context)" },
    },
    {
      name: "loaders-below-graphql",
      severity: "error",
      from: { path: "^src/loaders/" },
      to: { path: "^src/(graphql|server|context)" },
    },
    {
      name: "no-graphql-below-graphql-layer",
      comment: "Only graphql/, server and context speak GraphQL.",
      severity: "error",
      from: { path: "^src/(db|repositories|loaders|domain)/" },
      to: { path: "node_modules/(graphql|type-graphql|@apollo)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    exclude: { path: "^(dist|node_modules)/" },
  },
};
