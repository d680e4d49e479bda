import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { bufferSource, inspect, MIME, type Inspection } from './file-kind';
import type { FileKind } from './types';

// Files chosen in a dialog or dropped on the window: each is recognised by its bytes, not its name.
// Anything that is not a whole PDF/JPEG/PNG/TIFF is refused by name (FILE_UNREADABLE); the others are
// kept, in the order given.

export type ImportSource = { path: string; name?: string } | { name: string; bytes: Uint8Array };

export interface ImportedFile {
  name: string;
  kind: FileKind;
  mime: string;
  bytes: Uint8Array;
  /** Where it came from, for a file given by path. */
  path?: string;
}

export interface RefusedFile {
  name: string;
  error: AppError;
}

export interface ImportReport {
  accepted: ImportedFile[];
  refused: RefusedFile[];
}

export interface ImportOptions {
  /** Larger files are refused before they are read (default 200 MB). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/** FILE_UNREADABLE naming the file, with the reason in the counter's words. */
export function unreadable(name: string, problem: Exclude<Inspection, { ok: true }>['problem'] | 'too-large' | 'cannot-read', detail = ''): AppError {
  const reason =
    problem === 'empty' ? t('scan.file.empty')
    : problem === 'unknown-type' ? t('scan.file.unknownType')
    : problem === 'incomplete' ? t('scan.file.incomplete')
    : problem === 'too-large' ? t('scan.file.tooLarge', { mb: Number(detail) })
    : t('scan.file.cannotRead', { detail });
  return new AppError('FILE_UNREADABLE', { name, reason });
}

/** Checks bytes already in memory; `name` is only for the messages. */
export async function checkBytes(name: string, bytes: Uint8Array): Promise<ImportedFile | RefusedFile> {
  const found = await inspect(bufferSource(bytes));
  if (!found.ok) return { name, error: unreadable(name, found.problem) };
  return { name, kind: found.kind, mime: MIME[found.kind], bytes };
}

async function importOne(source: ImportSource, maxBytes: number): Promise<ImportedFile | RefusedFile> {
  if ('bytes' in source) {
    if (source.bytes.length > maxBytes) return { name: source.name, error: unreadable(source.name, 'too-large', String(maxBytes / 1024 / 1024)) };
    return checkBytes(source.name, source.bytes);
  }
  const name = source.name ?? path.basename(source.path);
  try {
    const st = await stat(source.path);
    if (!st.isFile()) return { name, error: unreadable(name, 'cannot-read', 'not a file') };
    if (st.size > maxBytes) return { name, error: unreadable(name, 'too-large', String(maxBytes / 1024 / 1024)) };
    const checked = await checkBytes(name, await readFile(source.path));
    return 'kind' in checked ? { ...checked, path: source.path } : checked;
  } catch (err) {
    return { name, error: unreadable(name, 'cannot-read', (err as NodeJS.ErrnoException).code ?? String(err)) };
  }
}

export async function importFiles(sources: readonly ImportSource[], options: ImportOptions = {}): Promise<ImportReport> {
  const report: ImportReport = { accepted: [], refused: [] };
  // One at a time, so the report keeps the order the clerk gave and only one file is being read.
  for (const source of sources) {
    const r = await importOne(source, options.maxBytes ?? DEFAULT_MAX_BYTES);
    if ('kind' in r) report.accepted.push(r);
    else report.refused.push(r);
  }
  return report;
}
