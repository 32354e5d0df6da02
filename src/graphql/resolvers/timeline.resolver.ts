import { Resolver } from "type-graphql";

/** The `timeline` root field. */
@Resolver()
export class TimelineResolver {}
