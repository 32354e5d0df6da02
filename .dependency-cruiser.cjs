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
      name: "import-beside-the-api",
      comment: "import/ loads data through db/ (and domain/, config); it knows nothing of the API or the generator.",
      severity: "error",
      from: { path: "^src/import/" },
      to: { path: "^src/(graphql|loaders|repositories|server|context|index|generate)" },
    },
    {
      name: "import-speaks-no-graphql",
      severity: "error",
      from: { path: "^src/import/" },
      to: { path: "node_modules/(graphql|type-graphql|@apollo)/" },
    },
    {
      name: "mappings-and-normalisers-never-query",
      comment: "Loading a mapping and normalising values are pure: only the planner's lookups and the writer reach the database.",
      severity: "error",
      from: { path: "^src/import/(mapping|normalise)/" },
      to: { path: "^src/(db/(?!values\\.ts$)|import/(plan|write|read|report)/|import/[^/]+\\.ts$)" },
    },
    {
      name: "normalisers-stand-alone",
      comment: "Each normaliser is small and tested on its own: it uses domain/, config and other normalisers only.",
      severity: "error",
      from: { path: "^src/import/normalise/" },
      to: { path: "^src/(db|import/(?!normalise/))" },
    },
    {
      name: "generator-stands-alone",
      comment: "The generator writes files from its own tables; it uses domain/ only.",
      severity: "error",
      from: { path: "^src/generate/" },
      to: { path: "^src/(?!domain/|generate/)" },
    },
    {
      name: "export-is-pure",
      comment: "export/ turns view nodes and edges into files: it knows the domain and nothing else.",
      severity: "error",
      from: { path: "^src/export/" },
      to: { path: "^src/(?!domain/|export/)" },
    },
    {
      name: "no-graphql-below-graphql-layer",
      comment: "Only graphql/, server and context speak GraphQL.",
      severity: "error",
      from: { path: "^src/(db|repositories|loaders|domain|export)/" },
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
