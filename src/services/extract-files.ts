// Use case: read document files (and folders with manifests) and extract their claims,
// one file at a time, so a batch never holds more than one document in memory.
import { collectInputs } from "../ingest/collect.js";
import { InputError } from "../ingest/errors.js";
import { readDocumentFile, type LoadedDocument } from "../ingest/read-file.js";
import { extract, type FigureDecision } from "../core/extract/index.js";
import { detectLanguage } from "../ingest/language.js";
import type { Claim, PersonMention } from "../core/types.js";

/** Options for an extraction batch. */
export interface ExtractFilesOptions {
  manifestPath?: string;
  /** Publication date for documents that have none in a manifest or page metadata. */
  published?: string | null;
  /** Publisher for documents that have none in a manifest or page metadata. */
  publisher?: string | null;
  maxBytes?: number;
  /** Also return, for every figure of each text, what became of it. */
  explain?: boolean;
}

/** The outcome of one input: a document with its claims, or a problem with the file. */
export type ExtractOutcome =
  | {
      ok: true;
      document: LoadedDocument;
      claims: Claim[];
      people: PersonMention[];
      /** The language detected (ISO 639-1), and the extractor's note when it has no rules for it. */
      language: string | null;
      unsupported?: string;
      /** With `explain`: what became of every figure of the text. */
      decisions?: FigureDecision[];
    }
  | { ok: false; error: InputError };

/** Reads and extracts every input in order, yielding one outcome per file or problem. */
export async function* extractFiles(inputs: string[], opts: ExtractFilesOptions = {}): AsyncGenerator<ExtractOutcome> {
  const collected = await collectInputs(inputs, opts.manifestPath ? { manifestPath: opts.manifestPath } : {});
  for (const error of collected.errors) yield { ok: false, error };
  for (const file of collected.files) {
    let document: LoadedDocument;
    try {
      document = await readDocumentFile(file.path, {
        ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
        ...(file.manifestEntry ? { manifestEntry: file.manifestEntry } : {}),
      });
    } catch (err) {
      yield { ok: false, error: err instanceof InputError ? err : new InputError(file.path, String(err)) };
      continue;
    }
    const published = document.published ?? opts.published ?? null;
    const publisher = document.publisher ?? opts.publisher ?? null;
    const name = file.manifestEntry?.file ?? document.name;
    const language = detectLanguage(document.text);
    const decisions: FigureDecision[] | undefined = opts.explain ? [] : undefined;
    const result = extract(document.text, { document: name, published, publisher, language }, decisions ? { explain: decisions } : {});
    yield {
      ok: true,
      document: { ...document, name, published, publisher, language },
      claims: result.claims,
      people: result.people,
      language,
      ...(result.unsupported ? { unsupported: result.unsupported } : {}),
      ...(decisions ? { decisions } : {}),
    };
  }
}
