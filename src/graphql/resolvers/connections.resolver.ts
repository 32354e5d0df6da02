import { Resolver } from "type-graphql";

/** The `connections` root field. */
@Resolver()
export class ConnectionsResolver {}
