// The one error type of the ingest layer: a bad input file, named with its problem.

/** A file Tally cannot read, with a one-line reason ("a.pdf: unsupported file type .pdf; …"). */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "InputError";
  }
}

/** A one-line reason for a file-system error. */
export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a folder, not a file";
  return `cannot read (${code ?? (err instanceof Error ? err.message : String(err))})`;
}
