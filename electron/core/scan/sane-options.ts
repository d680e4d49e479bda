import type { ColourMode, DeviceCapabilities, ModeSupport, ResolutionSupport, SourceKind, SourceSupport } from './types';

// Reads what a device can do from `scanimage -d DEV -A` (run with LANG=C). Each option is one line:
//     --mode Lineart|Gray|Color [Color]
//     --resolution 75|150|300|600dpi [150]
//     --resolution 1..1200dpi (in steps of 1) [50]
//     --source Flatbed|Automatic Document Feeder [Flatbed]
//     --hand-scanner[=(yes|no)] [no]
//     -x 0..215.9mm [215.9]
//     --int <int> [42] [advanced]
// The last bracket before any trailing tags ([advanced], [hardware], [read-only]) is the current
// value, or [inactive]. Names and values are the backend's own, so mode and source names differ
// from scanner to scanner; they are mapped to the counter's 彩色/灰度/黑白 and 平板/自动进纸器 here.

export type SaneConstraint =
  | { kind: 'range'; min: number; max: number; step: number | null; unit: string }
  | { kind: 'list'; values: string[]; unit: string }
  | { kind: 'none' };

export interface SaneOption {
  /** Without the dashes: 'mode', 'resolution', 'x'. */
  name: string;
  constraint: SaneConstraint;
  value: string | null;
  active: boolean;
}

const OPTION_LINE = /^ {4}(-{1,2})([A-Za-z0-9][\w-]*)(?:\[=\(([^)]*)\)\])?(.*)$/;
const TRAILING_TAG = / \[(advanced|hardware|read-only|emulated|automatic)\]$/;
const RANGE = /^(-?[\d.]+)\.\.(-?[\d.]+)([a-z%]*)(?:,\.\.\.)?(?: \(in steps of ([\d.]+)\))?$/;

export function parseOptions(text: string): SaneOption[] {
  const options: SaneOption[] = [];
  for (const line of text.split('\n')) {
    const m = OPTION_LINE.exec(line.replace(/\s+$/, ''));
    if (!m) continue;
    const [, , name, boolChoices, restRaw] = m as unknown as [string, string, string, string | undefined, string];
    let rest = restRaw.trim();
    for (let m2 = TRAILING_TAG.exec(rest); m2 && m2.index > 0; m2 = TRAILING_TAG.exec(rest)) rest = rest.slice(0, m2.index).trim();
    let value: string | null = null;
    let constraintText = rest;
    const open = rest.endsWith(']') ? rest.lastIndexOf('[') : -1;
    if (open >= 0) {
      value = rest.slice(open + 1, -1);
      constraintText = rest.slice(0, open).trim();
    }
    const active = value !== 'inactive';
    options.push({
      name,
      constraint: boolChoices !== undefined ? { kind: 'list', values: boolChoices.split('|'), unit: '' } : parseConstraint(constraintText),
      value: active ? value : null,
      active,
    });
  }
  return options;
}

function parseConstraint(text: string): SaneConstraint {
  const range = RANGE.exec(text);
  if (range) {
    return { kind: 'range', min: Number(range[1]), max: Number(range[2]), unit: range[3] ?? '', step: range[4] ? Number(range[4]) : null };
  }
  if (text.includes('|')) {
    const values = text.replace(/,\.\.\.$/, '').split('|');
    // A unit is written once, after the last value: "75|150|300dpi".
    const last = /^(-?[\d.]+)([a-z%]+)$/.exec(values[values.length - 1] ?? '');
    if (last && values.slice(0, -1).every((v) => /^-?[\d.]+$/.test(v))) {
      values[values.length - 1] = last[1]!;
      return { kind: 'list', values, unit: last[2]! };
    }
    return { kind: 'list', values, unit: '' };
  }
  return { kind: 'none' };
}

const MODE_PATTERNS: [ColourMode, RegExp][] = [
  ['color', /colou?r|rgb/i],
  ['gray', /gr[ae]y/i],
  // Lineart first: halftone is black and white too, but dithered (bad for text).
  ['bw', /lineart|binary|black|b\s*&\s*w|^bw$|mono/i],
  ['bw', /halftone/i],
];

const SOURCE_PATTERNS: [SourceKind, RegExp][] = [
  ['feeder-duplex', /duplex/i],
  ['flatbed', /flatbed|platen|glass/i],
  ['feeder', /adf|feeder|automatic|document/i],
];

function modesOf(options: Map<string, SaneOption>): ModeSupport[] {
  const mode = options.get('mode');
  if (!mode || mode.constraint.kind !== 'list') return [];
  const found: ModeSupport[] = [];
  for (const [kind, pattern] of MODE_PATTERNS) {
    if (found.some((f) => f.mode === kind)) continue;
    const value = mode.constraint.values.find((v) => pattern.test(v));
    if (value) found.push({ mode: kind, saneMode: value });
  }
  // No line-art mode but gray at 1 bit (SANE's test backend): that is black and white.
  const depths = options.get('depth')?.constraint;
  const depthList = depths?.kind === 'list' ? depths.values : [];
  const gray = found.find((f) => f.mode === 'gray');
  if (!found.some((f) => f.mode === 'bw') && gray && depthList.includes('1')) found.push({ mode: 'bw', saneMode: gray.saneMode, depth: 1 });
  // Colour and gray at 8 bits per sample where the depth can be chosen (some default to 16).
  if (depthList.includes('8')) for (const f of found) if (f.mode !== 'bw') f.depth = 8;
  return found;
}

function sourcesOf(options: Map<string, SaneOption>): SourceSupport[] {
  const source = options.get('source');
  if (!source || source.constraint.kind !== 'list') return [{ kind: 'flatbed', saneSource: null }];
  const found: SourceSupport[] = [];
  for (const value of source.constraint.values) {
    const kind = SOURCE_PATTERNS.find(([, p]) => p.test(value))?.[0];
    if (kind && !found.some((f) => f.kind === kind)) found.push({ kind, saneSource: value });
  }
  return found;
}

function resolutionsOf(option: SaneOption | undefined): ResolutionSupport | null {
  if (!option) return null;
  const c = option.constraint;
  if (c.kind === 'range') return { kind: 'range', min: c.min, max: c.max, step: c.step ?? 1 };
  if (c.kind === 'list') return { kind: 'list', values: c.values.map(Number).filter((n) => Number.isFinite(n) && n > 0).sort((a, b) => a - b) };
  return null;
}

export function capabilitiesOf(device: string, options: SaneOption[]): DeviceCapabilities {
  const byName = new Map(options.filter((o) => o.active).map((o) => [o.name, o]));
  const resolution = byName.get('resolution');
  const resolutions = resolutionsOf(resolution);
  const current = Number(resolution?.value ?? NaN);
  const x = byName.get('x');
  const y = byName.get('y');
  return {
    device,
    resolutions,
    // Only a value the device itself accepts (the test backend without its test.conf reports 0.00076).
    defaultResolution: resolutions && Number.isFinite(current) && snapResolution(resolutions, current) === current ? current : null,
    modes: modesOf(byName),
    sources: sourcesOf(byName),
    maxAreaMm: x?.constraint.kind === 'range' && y?.constraint.kind === 'range' ? { width: x.constraint.max, height: y.constraint.max } : null,
    optionNames: options.map((o) => o.name),
  };
}

/** The supported resolution nearest to the one asked for. */
export function snapResolution(support: ResolutionSupport, wanted: number): number {
  if (support.kind === 'list') {
    let best = support.values[0] ?? wanted;
    for (const v of support.values) if (Math.abs(v - wanted) < Math.abs(best - wanted)) best = v;
    return best;
  }
  const clamped = Math.min(support.max, Math.max(support.min, wanted));
  const step = support.step > 0 ? support.step : 1;
  return Math.min(support.max, support.min + Math.round((clamped - support.min) / step) * step);
}
