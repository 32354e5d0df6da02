import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import type { Driver } from "neo4j-driver";

import { buildPeerSchema, peerContext } from "./peer-schema.js";

export interface RunningPeer {
  url: string;
  close(): Promise<void>;
}

/**
 * @neo4j/graphql served the way its documentation shows: Apollo Server's standalone HTTP server,
 * the generated schema, the driver in the library and the database in each request's context.
 * No authentication, limits or audit: the library has none configured, which is part of what the
 * benchmark compares.
 */
export async function startPeerServer(driver: Driver, database: string): Promise<RunningPeer> {
  const schema = await buildPeerSchema(driver);
  // Apollo's default landing page loads from a CDN; it is never asked for here, but stays off as in the API.
  const server = new ApolloServer({ schema, plugins: [ApolloServerPluginLandingPageDisabled()] });
  const { url } = await startStandaloneServer(server, {
    listen: { host: "127.0.0.1", port: 0 },
    context: async () => peerContext(database),
  });
  return { url, close: () => server.stop() };
}
