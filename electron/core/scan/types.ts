import type { AppError } from '@shared/api/errors';

// The public shapes of the scanning module: devices, scan requests and results, imported files.

/** 彩色 / 灰度 / 黑白, as the counter names them; mapped to each device's own SANE mode names. */
export type ColourMode = 'color' | 'gray' | 'bw';
/** 平板 / 自动进纸器 / 自动进纸器（双面）. */
export type SourceKind = 'flatbed' | 'feeder' | 'feeder-duplex';
/** What scanimage writes. PNG is the default: lossless and small for text pages. */
export type ScanFormat = 'png' | 'tiff' | 'jpeg' | 'pnm';

/** How to run SANE on this PC: the program and extra environment (e.g. SANE_CONFIG_DIR). */
export interface SaneSetup {
  /** Path or name of scanimage; default 'scanimage'. */
  scanimage?: string;
  /** Added to the process environment (LANG/LC_ALL are always forced to C, so messages can be read). */
  env?: Record<string, string>;
}

export type ResolutionSupport =
  | { kind: 'range'; min: number; max: number; step: number }
  | { kind: 'list'; values: number[] };

export interface ModeSupport {
  mode: ColourMode;
  /** The device's own value for --mode (e.g. 'Lineart', 'Gray'). */
  saneMode: string;
  /** Set --depth too (the test backend does black and white as Gray at depth 1). */
  depth?: number;
}

export interface SourceSupport {
  kind: SourceKind;
  /** The device's own value for --source (e.g. 'ADF', 'Automatic Document Feeder'); null = the device has no --source option. */
  saneSource: string | null;
}

/** What a device can do, read from its own options (`scanimage -d DEV -A`). */
export interface DeviceCapabilities {
  device: string;
  resolutions: ResolutionSupport | null;
  defaultResolution: number | null;
  /** Empty when the device has no --mode option (it scans in its one mode). */
  modes: ModeSupport[];
  sources: SourceSupport[];
  /** Largest scan area the device accepts (-x/-y), when it says so. */
  maxAreaMm: { width: number; height: number } | null;
  /** Every option by name (without dashes; inactive ones too), for backend-specific settings. */
  optionNames: string[];
}

export interface ScannerDevice {
  /** SANE device name, e.g. 'test:0', 'airscan:e0:Office', 'genesys:libusb:001:004'. */
  name: string;
  vendor: string;
  model: string;
  type: string;
  /** Null when the device is listed but could not be opened to read its options (see `error`). */
  capabilities: DeviceCapabilities | null;
  error?: AppError;
}

export interface ScanRequest {
  device: string;
  /** A folder of the caller's; the pages go into a new sub-folder of it (ScanResult.folder). */
  outDir: string;
  source?: SourceKind;
  mode?: ColourMode;
  /** dpi; snapped to the nearest value the device supports (ScanResult.resolution says which). */
  resolution?: number;
  format?: ScanFormat;
  /** Scan area from the top-left corner; clipped to the device's maximum. Default: the device's own. */
  areaMm?: { width: number; height: number };
  /**
   * Feeder: stop after this many pages (default: until the feeder is empty). Flatbed: always one
   * page — a flatbed holds one sheet.
   */
  count?: number;
  /** Backend-specific options passed as --name=value (names must be options the device has). */
  deviceOptions?: Record<string, string | number>;
  /** Capabilities from listDevices/describeDevice, to skip reading them again. */
  capabilities?: DeviceCapabilities;
  sane?: SaneSetup;
  /** Stop the scan; the pages already complete are kept and returned (endedBy 'cancelled'). */
  signal?: AbortSignal;
  /** A page is complete (its file is whole and renamed into place). Called in page order; the next
   *  page is reported only once the promise returned (if any) settles. */
  onPage?: (page: ScannedPage) => void | Promise<void>;
  /** The scanner started pulling page `page` in. */
  onPageStarted?: (page: number) => void;
  /**
   * The feeder ran empty before `count` pages (or with no count). Return true once the clerk has
   * put the rest of the stack in to go on scanning; false (or no callback) ends the batch there.
   * A refill that then yields no page at all ends the batch (bounded).
   */
  onFeederEmpty?: (info: { pagesSoFar: number }) => boolean | Promise<boolean>;
  /** The id of each scanimage process as it starts (diagnostics; tests use it to pull the scanner away). */
  onProcess?: (pid: number) => void;
  /** No sign of life from the scanner for this long ends the scan as SCANNER_LOST. Default 180 000 ms. */
  pageTimeoutMs?: number;
}

export interface ScannedPage {
  /** 1-based, in the order the pages came out of the scanner. */
  page: number;
  /** the whole page file (it stays until the caller removes the batch's folder) */
  path: string;
  format: ScanFormat;
  bytes: number;
  width: number | null;
  height: number | null;
  /** dpi it was scanned at (the device's value nearest the request); PNM files do not carry it */
  resolution: number | null;
}

export interface ScanResult {
  device: string;
  folder: string;
  pages: ScannedPage[];
  /**
   * done: the pages asked for; feeder-empty: the feeder ran out (a normal end for a stack);
   * cancelled: by the caller's signal or on the scanner; error: see `error` (pages so far kept).
   */
  endedBy: 'done' | 'feeder-empty' | 'cancelled' | 'error';
  /** SCANNER_LOST { page, done, reason } / SCAN_FAILED { reason } / DISK_FULL. */
  error?: AppError;
  resolution: number | null;
  mode: ColourMode | null;
  source: SourceKind;
  /** ms from the call to the first page complete, and to the end. */
  timings: { firstPageMs: number | null; totalMs: number };
}

/** File types the counter accepts, recognised by their first bytes. */
export type FileKind = 'pdf' | 'jpeg' | 'png' | 'tiff';
