import "reflect-metadata";

import type { GraphQLSchema } from "graphql";
import { buildSchema, type PubSub } from "type-graphql";

import { applyAccessRules } from "./access-rules.js";
import { AlertsResolver } from "./resolvers/alerts.resolver.js";
import { AuditLogResolver } from "./resolvers/audit-log.resolver.js";
import { CarrierResolver } from "./resolvers/carrier.resolver.js";
import { CommodityLineResolver } from "./resolvers/commodity-line.resolver.js";
import { ConnectionsResolver } from "./resolvers/connections.resolver.js";
import { CompanyResolver } from "./resolvers/company.resolver.js";
import { CountryResolver } from "./resolvers/country.resolver.js";
import { FlowsResolver } from "./resolvers/flows.resolver.js";
import { IdentifierResolver } from "./resolvers/identifier.resolver.js";
import { CitationResolver, RouteStopResolver } from "./resolvers/links.resolver.js";
import { NetworkResolver } from "./resolvers/network.resolver.js";
import { PersonResolver } from "./resolvers/person.resolver.js";
import { PlaceResolver } from "./resolvers/place.resolver.js";
import { DecisionResolver } from "./resolvers/decision.resolver.js";
import { ResolutionResolver } from "./resolvers/resolution.resolver.js";
import { RingFieldsResolver, RingsResolver } from "./resolvers/rings.resolver.js";
import { RoutesResolver } from "./resolvers/routes.resolver.js";
import { SearchResolver } from "./resolvers/search.resolver.js";
import { SeizureResolver } from "./resolvers/seizure.resolver.js";
import { ShipmentResolver } from "./resolvers/shipment.resolver.js";
import {
  CompanySharedIdentifiersResolver,
  PersonSharedIdentifiersResolver,
  SharedIdentifiersResolver,
} from "./resolvers/shared-identifiers.resolver.js";
import { SpeciesResolver } from "./resolvers/species.resolver.js";
import { TimelineResolver } from "./resolvers/timeline.resolver.js";
import { TrendsResolver } from "./resolvers/trends.resolver.js";
import { WatchResolver } from "./resolvers/watch.resolver.js";

export const resolvers = [
  SeizureResolver,
  ShipmentResolver,
  CommodityLineResolver,
  SpeciesResolver,
  PersonResolver,
  CompanyResolver,
  IdentifierResolver,
  CarrierResolver,
  PlaceResolver,
  CountryResolver,
  RouteStopResolver,
  CitationResolver,
  SearchResolver,
  NetworkResolver,
  ConnectionsResolver,
  SharedIdentifiersResolver,
  PersonSharedIdentifiersResolver,
  CompanySharedIdentifiersResolver,
  TimelineResolver,
  RoutesResolver,
  FlowsResolver,
  TrendsResolver,
  RingsResolver,
  RingFieldsResolver,
  ResolutionResolver,
  DecisionResolver,
  AuditLogResolver,
  WatchResolver,
  AlertsResolver,
] as const;

/**
 * type-graphql asks for a PubSub as soon as there is a subscription; the one subscription gives
 * its own `subscribe` (alerts from src/alerts/alert-bus.ts), so this one is never used.
 */
const NO_PUB_SUB: PubSub = {
  publish: () => {
    throw new Error("subscriptions give their own subscribe (src/alerts/alert-bus.ts)");
  },
  subscribe: () => {
    throw new Error("subscriptions give their own subscribe (src/alerts/alert-bus.ts)");
  },
};

/**
 * The executable schema. Arguments are validated with class-validator before resolvers run; fields
 * are read under the role rules of access-rules.ts.
 */
export async function buildGraphQLSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
    pubSub: NO_PUB_SUB,
  });
  return applyAccessRules(schema);
}
