import { readFile } from 'fs/promises';
import { extname, resolve as resolvePath } from 'path';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { parse as parseYaml } from 'yaml';
import { MatrixDocumentSource } from './matrixSourceConfig';

/** What a document is meant to be, for messages. */
export type DocumentKind = 'matrix' | 'overlay';

/** A matrix file larger than this is refused before parsing. */
const MAX_MATRIX_BYTES = 5 * 1024 * 1024;

/** The name a source goes by in logs, errors and `meta`. */
export function sourceName(source: MatrixDocumentSource): string {
  return source.type === 'file' ? source.path : source.url;
}

/** Parses matrix text; JSON files strictly as JSON, anything else as YAML (a superset of JSON). */
function parseMatrixText(
  text: string,
  name: string,
  kind: DocumentKind = 'matrix',
): unknown {
  try {
    return extname(name).toLowerCase() === '.json'
      ? JSON.parse(text)
      : parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    throw new Error(
      `Could not parse the mesh ${kind} in ${name}: ${
        (error as Error).message
      }`,
    );
  }
}

async function readUrlText(
  url: string,
  timeoutMs: number,
  urlReader: UrlReaderService,
  kind: DocumentKind,
): Promise<string> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  // A reader that ignores the signal must not hang the refresh either.
  const timedOut = new Promise<never>((_, reject) =>
    abort.signal.addEventListener('abort', () => reject(new Error('aborted'))),
  );
  try {
    const response = await Promise.race([
      urlReader.readUrl(url, { signal: abort.signal }),
      timedOut,
    ]);
    return (await Promise.race([response.buffer(), timedOut])).toString('utf8');
  } catch (error) {
    const reason = abort.signal.aborted
      ? `no answer within ${timeoutMs / 1000}s`
      : (error as Error).message;
    throw new Error(`Could not read the mesh ${kind} from ${url}: ${reason}`);
  } finally {
    clearTimeout(timer);
  }
}

async function readFileText(path: string, kind: DocumentKind): Promise<string> {
  // Relative paths are relative to the backend's working directory, like catalog file locations.
  const fullPath = resolvePath(path);
  try {
    const content = await readFile(fullPath);
    if (content.byteLength > MAX_MATRIX_BYTES) {
      throw new Error(`the file is larger than ${MAX_MATRIX_BYTES} bytes`);
    }
    return content.toString('utf8');
  } catch (error) {
    throw new Error(
      `Could not read the mesh ${kind} file ${path} (${fullPath}): ${
        (error as Error).message
      }`,
    );
  }
}

/** Reads and parses a matrix or overlay document; validation is the caller's. */
export async function readMatrixDocument(
  source: MatrixDocumentSource,
  urlReader: UrlReaderService,
  kind: DocumentKind = 'matrix',
): Promise<unknown> {
  const text =
    source.type === 'file'
      ? await readFileText(source.path, kind)
      : await readUrlText(source.url, source.timeoutMs, urlReader, kind);
  if (text.length > MAX_MATRIX_BYTES) {
    throw new Error(
      `The mesh ${kind} in ${sourceName(
        source,
      )} is larger than ${MAX_MATRIX_BYTES} bytes`,
    );
  }
  return parseMatrixText(text, sourceName(source), kind);
}
