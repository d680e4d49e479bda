// Pages and materials: page processing (sharp), PDF input and the material PDF (pdf-lib), page
// operations, and the content-addressed blob folder. Rules and measured numbers: docs/materials.md.

export { BlobStore, BLOB_FOLDER, isSha256, sha256, type BlobStoreOptions, type StoredBlob } from './blob-store';
export { DEFAULT_GRACE_MS, sweepBlobs, type SweepOptions, type SweepResult } from './blob-gc';
export { ROTATIONS, shownSize, toRotation, type MaterialPage, type Rotation } from './page-types';
export {
  imagePageCount, MAX_MEGAPIXELS, measureImageOfPage, processImage, processPage, rotateImage,
  type ColourChoice, type PageOptions, type ProcessedImage, type ProcessedPage,
} from './page-image';
export { ANALYSIS_DPI, BLANK_INK, COLOUR_CHROMA, COLOUR_SHARE, EDGE_MARGIN, INK_CONTRAST, measurePage, type PageMeasure } from './page-analysis';
export { QUALITY_STEPS, STORED_DPI, TARGET_BYTES, targetBytes, WHITEN_BELOW_PAPER } from './page-encode';
export { loadPdf, readPdfPages, splitPdf, type PdfInputPage } from './pdf-input';
export { A4, buildMaterialPdf, buildMaterialPdfFromStore, placeTurned, type MaterialPdfOptions, type PdfPageSource } from './material-pdf';
export { deletePages, movePage, reorderPages, rotatePages } from './page-ops';
export { addFiles, bakeRotation, storeScannedPage, type AddFilesOptions, type AddFilesResult, type IncomingFile } from './add-files';
export { isUnreadable } from './unreadable';
