import type { AppError } from '@shared/api/errors';
import { newId } from '../ids';
import type { BlobStore } from './blob-store';
import { imagePageCount, processPage, rotateImage, type ColourChoice, type PageOptions, type ProcessedPage } from './page-image';
import type { MaterialPage } from './page-types';
import { readPdfPages } from './pdf-input';
import { isUnreadable } from './unreadable';

// Files arriving for one material (scans, the copier's PDFs, files the clerk picked) become stored
// pages. Each file is taken whole or refused whole, by name (FILE_UNREADABLE); the others are kept.
// A full disk (DISK_FULL) stops the batch: nothing more can be saved.

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
  /** the scan's resolution, when the scanner told us (PNM files carry none) */
  dpi?: number;
}

export interface AddFilesOptions {
  /** the clerk's turn for every image page of this batch, clockwise */
  rotate?: number;
  colour?: ColourChoice;
  /** page ids (default UUIDv7) */
  newId?: () => string;
}

export interface AddFilesResult {
  /** the new pages, in the order of the files and of the pages in each file */
  pages: MaterialPage[];
  refused: { name: string; error: AppError }[];
}

const isPdf = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, Math.min(b.byteLength, 1024)).includes('%PDF-', 0, 'latin1');

async function pageOfImage(store: BlobStore, name: string, p: ProcessedPage, id: string): Promise<MaterialPage> {
  const blob = await store.store(p.bytes);
  return { id, kind: 'image', sha256: blob.sha256, bytes: blob.size, fileName: name, width: p.width, height: p.height, rotation: 0, colour: p.colour, ink: p.ink, blank: p.blank };
}

/**
 * One scan end to end: decode, process, store. This is what `npm run bench -- documents` times
 * for a 300-dpi A4 page.
 */
export async function storeScannedPage(store: BlobStore, name: string, bytes: Uint8Array, opts: PageOptions & { id?: string } = {}): Promise<MaterialPage> {
  return pageOfImage(store, name, await processPage(name, bytes, opts), opts.id ?? newId());
}

async function pagesOfFile(store: BlobStore, file: IncomingFile, opts: AddFilesOptions, id: () => string): Promise<MaterialPage[]> {
  if (isPdf(file.bytes)) {
    const pages = await readPdfPages(file.name, file.bytes);
    const out: MaterialPage[] = [];
    for (const p of pages) {
      const blob = await store.store(p.bytes);
      out.push({ id: id(), kind: 'pdf', sha256: blob.sha256, bytes: blob.size, fileName: file.name, width: p.width, height: p.height, rotation: 0, colour: null, ink: p.ink, blank: p.blank });
    }
    return out;
  }
  // every page of a (multi-page TIFF) file is processed before any is stored: whole or nothing
  const count = await imagePageCount(file.bytes);
  const processed: ProcessedPage[] = [];
  for (let i = 0; i < count; i++) {
    processed.push(await processPage(file.name, file.bytes, { dpi: file.dpi, rotate: opts.rotate, colour: opts.colour, ...(count > 1 ? { page: i } : {}) }));
  }
  const out: MaterialPage[] = [];
  for (const p of processed) out.push(await pageOfImage(store, file.name, p, id()));
  return out;
}

/** Processes and stores the files; unreadable ones are refused by name and the rest kept. */
export async function addFiles(store: BlobStore, files: readonly IncomingFile[], opts: AddFilesOptions = {}): Promise<AddFilesResult> {
  const id = opts.newId ?? newId;
  const result: AddFilesResult = { pages: [], refused: [] };
  for (const file of files) {
    try {
      result.pages.push(...(await pagesOfFile(store, file, opts, id)));
    } catch (e) {
      if (isUnreadable(e)) result.refused.push({ name: file.name, error: e });
      else throw e;
    }
  }
  return result;
}

/**
 * An image page re-rendered upright: its pixels turned by its `rotation`, stored as a new blob,
 * rotation 0 (width and height swap for a quarter turn). A PDF page is returned as it is: its
 * rotation is written as the page's /Rotate when the material PDF is built.
 */
export async function bakeRotation(store: BlobStore, page: MaterialPage): Promise<MaterialPage> {
  if (page.kind !== 'image' || page.rotation === 0) return page;
  const r = await rotateImage(page.fileName, await store.get(page.sha256), page.rotation);
  const blob = await store.store(r.bytes);
  return { ...page, sha256: blob.sha256, bytes: blob.size, width: r.width, height: r.height, rotation: 0, colour: r.colour, ink: r.ink, blank: r.blank };
}
