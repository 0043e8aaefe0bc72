/**
 * The few I/O interfaces the core needs. Platform code implements them (local files, S3, GitHub);
 * tests may pass plain objects.
 */

/** One file of a dataset, wherever it lives. */
export interface DataFile {
  /** Name used in messages and annotations: a path relative to the working directory, or `s3://bucket/key`. */
  name: string;
  /** Size in bytes of the stored (possibly compressed) object. */
  size: number;
  /** True when the file is a local path inside the working directory (annotations can point at it). */
  inWorkspace: boolean;
  /** Streams the file's content, already gunzipped when the name ends in `.gz`. */
  stream(): AsyncIterable<Uint8Array>;
  /** Reads raw stored bytes [start, end) — Parquet needs random access to its footer. */
  read(start: number, end: number): Promise<Uint8Array>;
}

/** Turns a location (path, glob, `s3://bucket/key`, `s3://bucket/prefix/*.csv`) into files, sorted by name. */
export interface FileResolver {
  resolve(location: string): Promise<DataFile[]>;
}
