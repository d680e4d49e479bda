// Scanning for the counter: SANE scanners through scanimage, the copier's hot folder, and files
// chosen or dropped by the clerk. See docs/scanning.md.

export type {
  ColourMode, DeviceCapabilities, FileKind, ModeSupport, ResolutionSupport, SaneSetup, ScanFormat, ScannedPage,
  ScannerDevice, ScanRequest, ScanResult, SourceKind, SourceSupport,
} from './types';
export { listDevices, describeDevice, type ListOptions } from './sane-devices';
export { scanBatch, scanPage } from './scan-batch';
export { watchHotFolder, TAKEN_DIR, REFUSED_DIR, type HotFolder, type HotFolderFile, type HotFolderOptions } from './hot-folder';
export {
  importFiles, DEFAULT_MAX_BYTES, type ImportedFile, type ImportOptions, type ImportReport, type ImportSource, type RefusedFile,
} from './import-files';
export { detectKind, MIME } from './file-kind';
