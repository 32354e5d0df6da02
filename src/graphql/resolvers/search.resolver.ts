import { Resolver } from "type-graphql";

/** The `search` root field. */
@Resolver()
export class SearchResolver {}
