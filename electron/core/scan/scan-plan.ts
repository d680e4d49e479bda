import { AppError } from '@shared/api/errors';
import { t, type MessageKey } from '@shared/i18n';
import { snapResolution } from './sane-options';
import type { ColourMode, DeviceCapabilities, ScanFormat, ScanRequest, SourceKind } from './types';

// Turns the counter's request (彩色/灰度/黑白, 平板/自动进纸器, dpi) into the device's own scanimage
// options, checked against what the device said it can do.

export interface ScanPlan {
  device: string;
  source: SourceKind;
  mode: ColourMode | null;
  resolution: number | null;
  format: ScanFormat;
  /** undefined = until the feeder is empty. */
  count: number | undefined;
  /** The device settings as scanimage arguments, in the order they must be set. */
  settingArgs: string[];
}

export const FILE_EXTENSION: Record<ScanFormat, string> = { png: 'png', tiff: 'tif', jpeg: 'jpg', pnm: 'pnm' };

const SOURCE_LABEL: Record<SourceKind, MessageKey> = {
  flatbed: 'scan.source.flatbed',
  feeder: 'scan.source.feeder',
  'feeder-duplex': 'scan.source.feederDuplex',
};
const MODE_LABEL: Record<ColourMode, MessageKey> = { color: 'scan.mode.color', gray: 'scan.mode.gray', bw: 'scan.mode.bw' };

const OPTION_NAME = /^[A-Za-z0-9][\w-]*$/;

/** scanimage's own spelling: --name=value for long options, -x value for one-letter ones. */
function optionArgs(name: string, value: string | number): string[] {
  return name.length === 1 ? [`-${name}`, String(value)] : [`--${name}=${value}`];
}

export function planScan(caps: DeviceCapabilities, req: ScanRequest): ScanPlan {
  const source = req.source ?? 'flatbed';
  const args: string[] = [];

  const src = caps.sources.find((s) => s.kind === source);
  if (!src) throw new AppError('SCAN_FAILED', { reason: t('scan.reason.noSource', { source: t(SOURCE_LABEL[source]) }) });
  if (src.saneSource !== null) args.push(...optionArgs('source', src.saneSource));

  let mode: ColourMode | null = null;
  if (caps.modes.length > 0) {
    const wanted = req.mode ?? 'gray';
    const m = caps.modes.find((x) => x.mode === wanted);
    if (!m) throw new AppError('SCAN_FAILED', { reason: t('scan.reason.noMode', { mode: t(MODE_LABEL[wanted]) }) });
    args.push(...optionArgs('mode', m.saneMode));
    if (m.depth !== undefined) args.push(...optionArgs('depth', m.depth));
    mode = wanted;
  }

  let resolution: number | null = caps.defaultResolution;
  if (req.resolution !== undefined && caps.resolutions) {
    resolution = snapResolution(caps.resolutions, req.resolution);
    args.push(...optionArgs('resolution', resolution));
  }

  if (req.areaMm) {
    const max = caps.maxAreaMm ?? { width: Infinity, height: Infinity };
    if (caps.optionNames.includes('x')) args.push(...optionArgs('x', Math.min(req.areaMm.width, max.width)));
    if (caps.optionNames.includes('y')) args.push(...optionArgs('y', Math.min(req.areaMm.height, max.height)));
  }

  for (const [name, value] of Object.entries(req.deviceOptions ?? {})) {
    if (!OPTION_NAME.test(name) || !caps.optionNames.includes(name)) {
      throw new AppError('SCAN_FAILED', { reason: t('scan.reason.other', { detail: `--${name}` }) });
    }
    args.push(...optionArgs(name, value));
  }

  // A flatbed holds one sheet; scanning it again without a new sheet would copy the same page.
  const count = source === 'flatbed' ? 1 : req.count;
  if (count !== undefined && (!Number.isInteger(count) || count < 1)) {
    throw new AppError('SCAN_FAILED', { reason: t('scan.reason.invalid') });
  }
  return { device: req.device, source, mode, resolution, format: req.format ?? 'png', count, settingArgs: args };
}
