import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';

// Realistic scanned pages for the materials tests (and the documents benchmark): an A4 sheet at
// 300 dpi with Chinese body text in the product's own font (rendered by sharp/pango, so no system
// font is needed), a table, optionally a red seal (公章), on slightly tinted paper with scanner
// noise and dust specks — what a counter's flatbed or copier actually delivers.

const FONT = path.resolve(import.meta.dirname, '../../../resources/fonts/NotoSansSC-Regular.ttf');
export const A4_MM = { w: 210, h: 297 } as const;

export type PageKind = 'letter' | 'statement' | 'blank' | 'one-line';

export interface RawPage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 3;
  dpi: number;
}

export interface PageOptions {
  dpi?: number;
  /** adds a red seal (and makes the scan RGB) */
  seal?: boolean;
  /** an RGB scan (SANE --mode Color); otherwise grey, one channel, like --mode Gray */
  rgb?: boolean;
  /** grey noise sigma of the scanner (0 = a clean rendering) */
  noise?: number;
  /** dust specks per page */
  specks?: number;
  seed?: number;
}

const PARA = '根据《关于进一步支持中小企业发展的若干措施》，本企业申请研发费用补助。企业成立于2018年，主要从事软件开发和信息技术服务，现有从业人员120人，其中研发人员45人。2025年度营业收入为8,600万元，研发投入占比6.8%，拥有发明专利6项、软件著作权23项。';

const STATEMENT_ROWS = [
  '货币资金', '交易性金融资产', '应收票据', '应收账款', '预付款项', '其他应收款', '存货', '合同资产',
  '其他流动资产', '流动资产合计', '长期股权投资', '固定资产', '在建工程', '无形资产', '开发支出',
  '长期待摊费用', '递延所得税资产', '非流动资产合计', '资产总计', '短期借款', '应付账款', '合同负债',
  '应付职工薪酬', '应交税费', '其他应付款', '流动负债合计', '实收资本', '资本公积', '未分配利润',
  '所有者权益合计',
];

/** A deterministic pseudo-random source, so every run measures the same page. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

async function text(markup: string, widthPx: number, dpi: number, colour = 'black'): Promise<Buffer> {
  return sharp({
    text: { text: `<span foreground="${colour}">${markup}</span>`, fontfile: FONT, font: 'Noto Sans SC', width: widthPx, dpi, wrap: 'char', rgba: true, spacing: Math.round(dpi / 15) },
  }).png().toBuffer();
}

function money(rnd: () => number): string {
  const v = Math.round(rnd() * 90_000_000) / 100;
  return v.toLocaleString('en-US', { minimumFractionDigits: 2 });
}

/** The drawing of one kind of page, as composite layers over white paper. */
async function layers(kind: PageKind, W: number, H: number, dpi: number, rnd: () => number): Promise<OverlayOptions[]> {
  const mm = (v: number) => Math.round((v * dpi) / 25.4);
  const left = mm(25);
  const width = W - 2 * left;
  if (kind === 'blank') return [];
  if (kind === 'one-line') return [{ input: await text('<span size="10.5pt">（此页无正文）</span>', width, dpi), left: mm(90), top: mm(140) }];
  if (kind === 'letter') {
    const body = Array.from({ length: 8 }, () => `　　${PARA}`).join('\n');
    return [
      { input: await text('<span size="16pt" weight="bold">企业研发费用补助申请书</span>', width, dpi), left: mm(55), top: mm(30) },
      { input: await text(`<span size="10.5pt">${body}</span>`, width, dpi), left, top: mm(48) },
      { input: await text('<span size="10.5pt">申请单位（盖章）：某某软件科技有限公司　　　　日期：2026年11月27日</span>', width, dpi), left, top: mm(262) },
    ];
  }
  // statement: a balance sheet, three columns of a 30-row table with its grid
  const top = mm(40);
  const rows = STATEMENT_ROWS.map((r) => `<span size="9pt">${r}</span>`).join('\n');
  const col = () => STATEMENT_ROWS.map(() => `<span size="9pt">${money(rnd)}</span>`).join('\n');
  const labels = await text(rows, mm(70), dpi);
  const rowH = ((await sharp(labels).metadata()).height + Math.round(dpi / 15)) / STATEMENT_ROWS.length;
  const lines: string[] = [];
  for (let i = 0; i <= STATEMENT_ROWS.length; i++) lines.push(`<line x1="${left}" x2="${W - left}" y1="${top + i * rowH - mm(1)}" y2="${top + i * rowH - mm(1)}"/>`);
  for (const x of [left, left + mm(75), left + mm(118), W - left]) lines.push(`<line x1="${x}" x2="${x}" y1="${top - mm(1)}" y2="${top + STATEMENT_ROWS.length * rowH - mm(1)}"/>`);
  const grid = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><g stroke="black" stroke-width="${Math.max(1, Math.round(dpi / 100))}">${lines.join('')}</g></svg>`);
  return [
    { input: await text('<span size="16pt" weight="bold">资产负债表（2025年12月31日）</span>', width, dpi), left: mm(45), top: mm(22) },
    { input: grid, left: 0, top: 0 },
    { input: labels, left: left + mm(2), top },
    { input: await text(col(), mm(40), dpi), left: left + mm(78), top },
    { input: await text(col(), mm(40), dpi), left: left + mm(121), top },
  ];
}

/** A red round seal (公章) of 42 mm, the part of a page whose colour must survive. */
async function seal(dpi: number, W: number, H: number): Promise<OverlayOptions[]> {
  const mm = (v: number) => Math.round((v * dpi) / 25.4);
  const r = mm(21);
  const cx = W - mm(60);
  const cy = H - mm(45);
  const ring = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}"><circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="#c8161d" stroke-width="${mm(1.2)}"/><polygon fill="#c8161d" points="${star(cx, cy - mm(4), mm(6))}"/></svg>`);
  return [
    { input: ring, left: 0, top: 0 },
    { input: await text('<span size="9pt" weight="bold">财务专用章</span>', mm(30), dpi, '#c8161d'), left: cx - mm(11), top: cy + mm(5) },
  ];
}

function star(cx: number, cy: number, r: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.4;
    pts.push(`${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`);
  }
  return pts.join(' ');
}

const cache = new Map<string, Promise<RawPage>>();
const CACHE_DIR = path.join(os.tmpdir(), 'policydesk-scan-fixtures');
const SOURCE = fs.readFileSync(import.meta.filename);

/**
 * An A4 portrait scan. Rendering takes seconds, so pages are kept in memory and in a temp folder
 * shared by the test processes, keyed by this file's text and the options (a change re-renders).
 */
export function scannedPage(kind: PageKind, opts: PageOptions = {}): Promise<RawPage> {
  const key = createHash('sha256').update(SOURCE).update(JSON.stringify([kind, opts])).digest('hex').slice(0, 24);
  let page = cache.get(key);
  if (!page) {
    page = fromDisk(key) ?? renderPage(kind, opts).then((p) => toDisk(key, p));
    cache.set(key, page);
  }
  return page;
}

function fromDisk(key: string): Promise<RawPage> | null {
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(CACHE_DIR, `${key}.json`), 'utf8')) as Omit<RawPage, 'data'>;
    const data = fs.readFileSync(path.join(CACHE_DIR, `${key}.raw`));
    return data.length === meta.width * meta.height * meta.channels ? Promise.resolve({ ...meta, data }) : null;
  } catch {
    return null;
  }
}

function toDisk(key: string, p: RawPage): RawPage {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = path.join(CACHE_DIR, `.${key}-${process.pid}`);
  fs.writeFileSync(`${tmp}.raw`, p.data);
  fs.renameSync(`${tmp}.raw`, path.join(CACHE_DIR, `${key}.raw`));
  fs.writeFileSync(`${tmp}.json`, JSON.stringify({ width: p.width, height: p.height, channels: p.channels, dpi: p.dpi }));
  fs.renameSync(`${tmp}.json`, path.join(CACHE_DIR, `${key}.json`));
  return p;
}

async function renderPage(kind: PageKind, opts: PageOptions): Promise<RawPage> {
  const dpi = opts.dpi ?? 300;
  const W = Math.round((A4_MM.w / 25.4) * dpi);
  const H = Math.round((A4_MM.h / 25.4) * dpi);
  const rnd = lcg(opts.seed ?? 20261127);
  const over = [...(await layers(kind, W, H, dpi, rnd)), ...(opts.seal ? await seal(dpi, W, H) : [])];
  const channels = opts.seal || opts.rgb ? 3 : 1;
  const clean = await sharp({ create: { width: W, height: H, channels: 3, background: '#ffffff' } })
    .composite(over)
    .removeAlpha()
    .toColourspace(channels === 1 ? 'b-w' : 'srgb')
    .raw()
    .toBuffer();
  const data = Buffer.alloc(W * H * channels);
  const sigma = opts.noise ?? 5;
  const paper = [240, 238, 231]; // slightly yellowish office paper, as scanners see it
  for (let i = 0; i < W * H; i++) {
    const n = (rnd() + rnd() + rnd() - 1.5) * 2 * sigma; // ≈ gaussian, shared by the channels (luma noise)
    for (let c = 0; c < channels; c++) {
      const p = channels === 1 ? 238 : paper[c]!;
      const v = (clean[i * channels + c]! * p) / 255 + n;
      data[i * channels + c] = v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
    }
  }
  const specks = opts.specks ?? 250;
  for (let k = 0; k < specks; k++) {
    const x = Math.floor(rnd() * (W - 3));
    const y = Math.floor(rnd() * (H - 3));
    const size = 1 + Math.floor(rnd() * 3); // 1–3 px at 300 dpi: dust on the glass
    for (let dy = 0; dy < size; dy++) for (let dx = 0; dx < size; dx++) for (let c = 0; c < channels; c++) data[((y + dy) * W + x + dx) * channels + c] = 70;
  }
  return { data, width: W, height: H, channels, dpi };
}

/** sharp turns one-channel raw input into sRGB on output unless told the page is grey */
const rawOf = (p: RawPage) => {
  const s = sharp(p.data, { raw: { width: p.width, height: p.height, channels: p.channels } });
  return p.channels === 1 ? s.toColourspace('b-w') : s;
};

/** The encodings scanners, copiers and the document camera deliver. */
export const encode = {
  /** `scanimage --format=png` */
  png: (p: RawPage) => rawOf(p).png({ compressionLevel: 1 }).withMetadata({ density: p.dpi }).toBuffer(),
  /** `scanimage --format=tiff` */
  tiff: (p: RawPage) => rawOf(p).tiff({ compression: 'lzw' }).withMetadata({ density: p.dpi }).toBuffer(),
  /** `scanimage --format=pnm` (P5 grey / P6 colour, no resolution in the file) */
  pnm: (p: RawPage) => Buffer.concat([Buffer.from(`P${p.channels === 1 ? 5 : 6}\n# SANE data follows\n${p.width} ${p.height}\n255\n`, 'latin1'), p.data]),
  /** a copier's or camera's JPEG; `orientation` is the EXIF tag (6 = turned 90° clockwise to view) */
  jpeg: (p: RawPage, o: { orientation?: number; density?: number } = {}) =>
    rawOf(p).jpeg({ quality: 90 }).withMetadata({ ...(o.orientation ? { orientation: o.orientation } : {}), density: o.density ?? p.dpi }).toBuffer(),
};

/** The page turned by quarter turns clockwise, as a camera sensor may have stored it. */
export async function turned(p: RawPage, degrees: 90 | 180 | 270): Promise<RawPage> {
  const { data, info } = await rawOf(p).rotate(degrees).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: p.channels, dpi: p.dpi };
}
