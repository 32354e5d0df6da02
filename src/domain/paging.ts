/** Page sizes for every list; a client asking for more than MAX_PAGE_SIZE gets BAD_USER_INPUT. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  /** How many items, 1 to MAX_PAGE_SIZE. */
  first: number;
  /** The id of the last item of the previous page, or null for the first page. */
  after: string | null;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
}

/** The direction of a sorted list. */
export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}

/**
 * A sort order of a list other than its default (id ascending). `field` is a member of an order
 * field enum (such as PersonOrderField), which the list's query turns into a sort value; ties are
 * always broken by id ascending.
 */
export interface ListOrder {
  field: string;
  direction: OrderDirection;
}

/** The value an item was sorted on: a name or an id (string) or a count (integer). */
export type SortValue = string | number;

/** Where a page of a sorted list starts: after the item with this sort value and id. */
export interface SortPosition {
  value: SortValue;
  id: string;
}

export interface SortedPageRequest {
  /** How many items, 1 to MAX_PAGE_SIZE. */
  first: number;
  /** The position of the last item of the previous page, or null for the first page. */
  after: SortPosition | null;
}

export interface SortedPage<T> extends Page<T> {
  /** The sort value of each item, in the order of `items`. */
  sortValues: SortValue[];
}
