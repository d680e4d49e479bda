import { describe, expect, it } from 'vitest';
import { capabilitiesOf, parseOptions, snapResolution } from '../../../electron/core/scan/sane-options';
import { planScan } from '../../../electron/core/scan/scan-plan';

// Real scanners name their modes and sources differently from the test backend, and give
// resolutions as lists. These listings have the shape `scanimage -A` prints for them.

const OFFICE_MFP = `
All options specific to device \`airscan:e0:Office MFP':
  Standard:
    --resolution 75|100|150|200|300|600dpi [300]
        Sets the resolution of the scanned image.
    --mode Color|Gray|Lineart [Color]
        Selects the scan mode (e.g., lineart, monochrome, or color).
    --source Flatbed|ADF|ADF Duplex [Flatbed]
        Selects the scan source (such as a document-feeder).
  Geometry:
    -l 0..215.9mm [0]
        Top-left x position of scan area.
    -t 0..355.6mm [0]
        Top-left y position of scan area.
    -x 0..215.9mm [215.9]
        Width of scan-area.
    -y 0..355.6mm [297]
        Height of scan-area.
  Enhancement:
    --brightness -100..100% (in steps of 1) [0]
        Controls the brightness of the acquired image.
    --int <int> [42] [advanced]
        An advanced option with a value and a tag.
    --gamma-table 0..255,... (in steps of 1) [inactive]
        Gamma-correction table.
`;

const FLATBED_ONLY = `
All options specific to device \`genesys:libusb:001:004':
  Scan Mode:
    --mode Color|Gray|Halftone|Lineart [Gray]
    --resolution 4800|2400|1200|600|300|150|100|75dpi [75]
`;

describe('reading a scanner\'s options', () => {
  it('maps list resolutions, Lineart and duplex feeders to the counter\'s names', () => {
    const opts = parseOptions(OFFICE_MFP);
    expect(opts.find((o) => o.name === 'int')).toMatchObject({ value: '42', active: true, constraint: { kind: 'none' } });
    expect(opts.find((o) => o.name === 'gamma-table')).toMatchObject({ active: false, value: null });
    expect(opts.find((o) => o.name === 'brightness')?.constraint).toEqual({ kind: 'range', min: -100, max: 100, step: 1, unit: '%' });

    const caps = capabilitiesOf('airscan:e0:Office MFP', opts);
    expect(caps.resolutions).toEqual({ kind: 'list', values: [75, 100, 150, 200, 300, 600] });
    expect(caps.defaultResolution).toBe(300);
    expect(caps.modes).toEqual([
      { mode: 'color', saneMode: 'Color' },
      { mode: 'gray', saneMode: 'Gray' },
      { mode: 'bw', saneMode: 'Lineart' },
    ]);
    expect(caps.sources).toEqual([
      { kind: 'flatbed', saneSource: 'Flatbed' },
      { kind: 'feeder', saneSource: 'ADF' },
      { kind: 'feeder-duplex', saneSource: 'ADF Duplex' },
    ]);
    expect(caps.maxAreaMm).toEqual({ width: 215.9, height: 355.6 });

    // 黑白 from the duplex feeder at 250 dpi, A4: the device's own words, nearest resolution, area clipped
    const plan = planScan(caps, { device: caps.device, outDir: '/x', source: 'feeder-duplex', mode: 'bw', resolution: 250, areaMm: { width: 210, height: 400 } });
    expect(plan.settingArgs).toEqual(['--source=ADF Duplex', '--mode=Lineart', '--resolution=200', '-x', '210', '-y', '355.6']);
    expect(plan.count).toBeUndefined();
  });

  it('a scanner without --source is a flatbed; Lineart wins over Halftone for 黑白', () => {
    const caps = capabilitiesOf('genesys:libusb:001:004', parseOptions(FLATBED_ONLY));
    expect(caps.sources).toEqual([{ kind: 'flatbed', saneSource: null }]);
    expect(caps.modes.find((m) => m.mode === 'bw')?.saneMode).toBe('Lineart');
    expect(caps.resolutions).toEqual({ kind: 'list', values: [75, 100, 150, 300, 600, 1200, 2400, 4800] });
    expect(snapResolution(caps.resolutions!, 200)).toBe(150);
    expect(snapResolution({ kind: 'range', min: 50, max: 1200, step: 25 }, 310)).toBe(300);
    expect(snapResolution({ kind: 'range', min: 50, max: 1200, step: 25 }, 5000)).toBe(1200);
    expect(() => planScan(caps, { device: caps.device, outDir: '/x', source: 'feeder' })).toThrow('这台扫描仪没有自动进纸器');
    expect(planScan(caps, { device: caps.device, outDir: '/x', count: 5 }).count).toBe(1); // a flatbed holds one sheet
  });
});
