# syntax=docker/dockerfile:1

# ---- build: install every dependency and compile TypeScript to dist/ ----
FROM node:20-bookworm-slim AS build
WORKDIR /app

# Dependencies first, so this layer is reused while only sources change.
COPY package.json package-lock.json ./
RUN npm ci

# Sources (.dockerignore keeps node_modules, dist, local databases and secrets out).
COPY . .
RUN npm run build

# ---- runtime: production dependencies and compiled output only ----
FROM node:20-bookworm-slim AS runtime
WORKDIR /app

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000

COPY package.json package-lock.json ./
# Optional native add-ons of testcontainers (cpu-features, ssh2's binding) may fail to compile
# here for want of build tools; npm skips them and the API does not need them.
RUN npm ci --omit=dev && npm cache clean --force

COPY --from=build /app/dist ./dist
# Read at run time: Cypher queries, constraints and seed (cypher/), the committed schema (schema/),
# and what the demo load (SEED_DEMO, on by default in docker-compose.yml) and the import's
# normalisers read: the mapping files (mappings/) and the bundled reference data (data/, about 5 MB).
# test/unit/runtime-image.test.ts checks this list against the paths the server opens.
COPY cypher ./cypher
COPY schema ./schema
COPY mappings ./mappings
COPY data ./data

# Files stay owned by root (read-only to the app); the process runs unprivileged. It writes only
# the audit trail, in a folder of its own (a volume in docker-compose.yml).
RUN mkdir -p /app/.audit && chown node:node /app/.audit
USER node

EXPOSE 4000

# Slim images have no curl or wget: ask with Node's own fetch.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# NODE_ENV=production: GraphQL introspection is off and schema details are hidden from errors.
# NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, PSEUDONYM_SECRET and AUTH_JWT_SECRET (or AUTH_JWKS_URL)
# must be given at run time (see docker-compose.yml);
# without NEO4J_URI the app would try to start Neo4j itself, which this image cannot do.
CMD ["node", "dist/src/index.js"]
