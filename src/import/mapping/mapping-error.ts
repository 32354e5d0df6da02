/**
 * A mapping file that cannot be used. Each problem names the entry it is about, as a path into the
 * file: `nodes.seizure.properties.date: unknown normaliser "datee"`.
 */
export class MappingError extends Error {
  override name = "MappingError";

  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join("\n  ")}`}`);
  }
}

/** An input file that does not fit its mapping (missing columns, duplicate keys in a joined file). */
export class InputError extends Error {
  override name = "InputError";
}
