import type { ApplicationDetail, DocumentKind } from '@shared/applications/schemas';

// What the application service needs from the rest of the core, as interfaces: the blob folder,
// page processing, the documents and the printer. create-core wires the real ones
// (materials/, documents/, print/); tests use the same real ones on a temporary folder.

export interface StoredPage {
  kind: 'image' | 'pdf';
  sha256: string;
  bytes: number;
  width: number | null;
  height: number | null;
  rotation: number;
  blank: boolean;
  ink: number | null;
}

export interface PagePorts {
  /** Processes and stores incoming files; a file that cannot be read is refused by name, the rest kept. */
  addFiles(files: { name: string; bytes: Uint8Array; dpi?: number }[]): Promise<{ pages: StoredPage[]; refused: { name: string; message: string }[] }>;
  /** The page turned by 90° steps (a new stored page for images; PDF pages keep their bytes). */
  rotate(page: StoredPage, degrees: 90 | -90): Promise<StoredPage>;
  /** One PDF of the pages, stored; its SHA-256. */
  buildPdf(title: string, pages: readonly StoredPage[]): Promise<string>;
}

export interface BlobPorts {
  put(bytes: Uint8Array): Promise<string>;
  get(sha256: string): Promise<Uint8Array>;
}

/** The facts a document shows beyond the application itself. */
export interface DocumentContext {
  centreName: string;
  centrePhone: string;
  staffName: string;
  printedAt: Date;
  /** the centre's online platform, whose /progress?code=… the QR code holds */
  progressUrl: string;
}

export interface DocumentPorts {
  render(kind: DocumentKind, app: ApplicationDetail, ctx: DocumentContext): Promise<Uint8Array>;
}

export interface PrintPorts {
  /** Prints a PDF (jobId null: the host's print path gives none); throws an AppError (PRINTER_STOPPED, PRINTER_NOT_FOUND, PRINT_FAILED) when it cannot. */
  print(bytes: Uint8Array, opts: { kind: DocumentKind; title: string; printer?: string }): Promise<{ printer: string; jobId: string | null }>;
}

export interface ApplicationPorts {
  blobs: BlobPorts;
  pages: PagePorts;
  documents: DocumentPorts;
  printer: PrintPorts;
}
