// Vite's `?worker` import: the pdf.js worker bundled as a same-origin script (the CSP allows
// workers from 'self' only), constructed on demand.
declare module 'pdfjs-dist/build/pdf.worker.min.mjs?worker' {
  const PdfWorker: new (options?: { name?: string }) => Worker;
  export default PdfWorker;
}
