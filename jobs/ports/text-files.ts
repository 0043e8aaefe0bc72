/** Reads a small text input (a checks file); a missing file or a directory is a user error naming it. */
export interface TextFiles {
  read(path: string, what: string): Promise<string>;
}
