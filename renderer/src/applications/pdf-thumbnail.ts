// A PDF page drawn small, for the page strip: the libvips in the core cannot read PDF, so the core
// sends the page as a one-page PDF (with the clerk's turn in its /Rotate) and pdf.js draws it here.
// pdf.js and its worker are loaded on the first PDF page only; the worker is one same-origin file
// bundled by Vite, so the strict CSP (scripts and workers from 'self') holds. No WebAssembly
// (the CSP forbids compiling it): JPEG 2000 images, rare in office PDFs, then do not draw.

type PdfJs = typeof import('pdfjs-dist');

let loading: Promise<PdfJs> | null = null;

function pdfjs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?worker')]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerPort = new worker.default({ name: 'pdfjs' });
    return lib;
  });
  loading.catch(() => (loading = null));
  return loading;
}

/** The first page of `data`, `width` pixels across (at most twice as tall), as a JPEG blob. */
export async function renderPdfThumbnail(data: Uint8Array, width: number): Promise<Blob> {
  return (await renderPdfPages(data, width, 1)).pages[0]!;
}

/** The first `maxPages` pages of `data`, each `width` pixels across (at most twice as tall), as JPEG blobs, and how many pages it has (the back office's material viewer). */
export async function renderPdfPages(data: Uint8Array, width: number, maxPages: number): Promise<{ pages: Blob[]; total: number }> {
  const lib = await pdfjs();
  const task = lib.getDocument({ data, useWasm: false, disableWorkerRendering: true, stopAtErrors: true });
  try {
    const doc = await task.promise;
    const out: Blob[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, maxPages); n++) {
      const page = await doc.getPage(n);
      const natural = page.getViewport({ scale: 1 }); // with the page's /Rotate
      const viewport = page.getViewport({ scale: Math.min(width / natural.width, (2 * width) / natural.height) });
      const canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(viewport.width));
      canvas.height = Math.max(1, Math.round(viewport.height));
      await page.render({ canvas, viewport, background: '#ffffff' }).promise;
      out.push(await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('canvas.toBlob gave nothing'))), 'image/jpeg', 0.8)));
    }
    return { pages: out, total: doc.numPages };
  } finally {
    void task.destroy();
  }
}
