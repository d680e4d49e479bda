import type Database from 'better-sqlite3';
import { applicationDocuments } from '../documents/application-documents';
import { addFiles, bakeRotation, BlobStore, buildMaterialPdfFromStore, toRotation, type MaterialPage } from '../materials';
import type { SystemPrinter } from '../print';
import { documentPrintPort } from './print-port';
import type { ApplicationPorts, PagePorts, StoredPage } from './ports';

// The real pages, blob folder, documents and printer behind the application service's ports.

export { BLOB_FOLDER } from '../materials';

export function createApplicationPorts(opts: {
  db: Database.Database; dataDir: string; resourcesDir: string; printer: SystemPrinter; log: (m: string, e?: unknown) => void;
}): ApplicationPorts {
  const blobs = BlobStore.inDataDir(opts.dataDir);
  // temporary files of a write cut short by a crash
  blobs.removeLeftovers().catch((e: unknown) => opts.log('blob folder: removing leftovers failed', e));
  return { blobs, pages: pagePorts(blobs), documents: applicationDocuments(opts.resourcesDir), printer: documentPrintPort(opts.db, opts.printer) };
}

// a PDF page's size is in points, often fractional (A4 is 595.28 × 841.89): the page table keeps integers
const stored = (p: MaterialPage): StoredPage => ({
  kind: p.kind, sha256: p.sha256, bytes: p.bytes, width: Math.round(p.width), height: Math.round(p.height), rotation: p.rotation, blank: p.blank, ink: p.ink,
});
const material = (p: StoredPage): MaterialPage => ({
  id: p.sha256, kind: p.kind, sha256: p.sha256, bytes: p.bytes, fileName: '', width: p.width ?? 0, height: p.height ?? 0,
  rotation: toRotation(p.rotation), colour: null, ink: p.ink, blank: p.blank,
});

function pagePorts(blobs: BlobStore): PagePorts {
  return {
    async addFiles(files) {
      const r = await addFiles(blobs, files);
      return { pages: r.pages.map(stored), refused: r.refused.map((f) => ({ name: f.name, message: f.error.message })) };
    },
    // image pages are re-rendered upright; PDF pages keep their bytes and turn when shown
    rotate: async (page, deg) => stored(await bakeRotation(blobs, { ...material(page), rotation: toRotation(page.rotation + deg) })),
    buildPdf: async (title, pages) => blobs.put(await buildMaterialPdfFromStore(blobs, title, pages.map(material))),
  };
}
