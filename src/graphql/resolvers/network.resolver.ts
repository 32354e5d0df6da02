import { Resolver } from "type-graphql";

/** The `network` root field. */
@Resolver()
export class NetworkResolver {}
