/**
 * What `loadMany` found, by id: ids it found nothing for are left out (a node that does not exist
 * is an answer). A failed load is not: DataLoader returns an Error in its place instead of
 * throwing, and leaving it out would answer HTTP 200 with part of the list missing. The first
 * such error is thrown, so the field fails with its code (DATABASE_UNAVAILABLE, QUERY_TIMEOUT)
 * and the client knows to ask again.
 */
export function foundById<T>(ids: readonly string[], rows: readonly unknown[]): Map<string, T> {
  const map = new Map<string, T>();
  rows.forEach((row, index) => {
    if (row instanceof Error) throw row;
    if (row) map.set(ids[index], row as T);
  });
  return map;
}
