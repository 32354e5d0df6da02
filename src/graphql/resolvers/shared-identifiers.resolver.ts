import { Resolver } from "type-graphql";

/** The `sharedIdentifiers` root field. */
@Resolver()
export class SharedIdentifiersResolver {}
