import { Field, Int, ObjectType, type ClassType } from "type-graphql";

@ObjectType({ description: "Relay page information. Pages go forward only." })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => Boolean)
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  /** A getter, so the count query runs only when a client asks for it. */
  readonly totalCount: Promise<number>;
}

/** A Relay connection type (`XConnection`, `XEdge`) for one node type. */
export function connectionType<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => nodeType)
    node: T;

    @Field(() => String, { description: "Pass as `after` to get the items that follow this one." })
    cursor: string;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: "How many items match, over all pages." })
    totalCount: number;
  }

  return Connection;
}
