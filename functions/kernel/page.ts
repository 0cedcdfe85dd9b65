/** One page of a paged list: its items, and the cursor of the next page (absent on the last), opaque to the caller. */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor?: string;
}
