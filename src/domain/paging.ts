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
