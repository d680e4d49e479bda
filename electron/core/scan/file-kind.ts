import { open } from 'node:fs/promises';
import type { FileKind } from './types';

// What a file is, by its first bytes (never its name), and whether it is whole: a file still being
// written by a copier, or cut off in transfer, lacks its format's end marker.
//   PDF  "%PDF-" near the start; "%%EOF" in the last 1024 bytes (where readers look for it)
//   JPEG FF D8 FF;                ends with the EOI marker FF D9 (trailing zero padding allowed)
//   PNG  89 50 4E 47 0D 0A 1A 0A; ends with the IEND chunk
//   TIFF "II*\0" / "MM\0*";       every IFD, and every strip or tile it points to, lies inside the
//                                 file (BigTIFF: not parsed, file stability only)

export const MIME: Record<FileKind, string> = { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png', tiff: 'image/tiff' };

/** Random access to a file's bytes, from a buffer or an open file. */
export interface ByteSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function bufferSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)) };
}

/** Opens `path` for reading only as long as `fn` runs. */
export async function withFileSource<T>(path: string, fn: (src: ByteSource) => Promise<T>): Promise<T> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    return await fn({
      size,
      read: async (offset, length) => {
        const buf = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
        return buf.subarray(0, bytesRead);
      },
    });
  } finally {
    await fh.close();
  }
}

function startsWith(b: ArrayLike<number>, sig: ArrayLike<number>, at = 0): boolean {
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IEND = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

export function detectKind(head: Uint8Array): FileKind | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, PNG_MAGIC)) return 'png';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(head, [0x49, 0x49, 0x2b, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2b])) return 'tiff'; // BigTIFF
  // PDF readers accept a little junk before the header (within the first 1024 bytes).
  for (let i = 0; i + PDF_MAGIC.length <= Math.min(head.length, 1024); i++) if (startsWith(head, PDF_MAGIC, i)) return 'pdf';
  return null;
}

/** A file of a few bytes that could still become one of ours (a copier that has only just begun). */
function isStartOfMagic(head: Uint8Array): boolean {
  const magics = [PDF_MAGIC, PNG_MAGIC, [0xff, 0xd8, 0xff], [0x49, 0x49, 0x2a, 0x00], [0x4d, 0x4d, 0x00, 0x2a]];
  return head.length < 8 && magics.some((m) => head.length < m.length && startsWith(m, head));
}

async function tail(src: ByteSource, length: number): Promise<Uint8Array> {
  const n = Math.min(src.size, length);
  return src.read(src.size - n, n);
}

async function pdfComplete(src: ByteSource): Promise<boolean> {
  return Buffer.from(await tail(src, 1024)).includes('%%EOF', 0, 'latin1');
}

async function jpegComplete(src: ByteSource): Promise<boolean> {
  const t = await tail(src, 1024);
  let end = t.length;
  while (end > 0 && t[end - 1] === 0x00) end--;
  return end >= 2 && t[end - 2] === 0xff && t[end - 1] === 0xd9;
}

async function pngComplete(src: ByteSource): Promise<boolean> {
  return src.size >= 8 + PNG_IEND.length && startsWith(await tail(src, PNG_IEND.length), PNG_IEND);
}

/** Bytes per value of each TIFF field type (1 BYTE … 13 IFD). */
const TIFF_TYPE_SIZE = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4];
const STRIP_OFFSETS = 273, STRIP_COUNTS = 279, TILE_OFFSETS = 324, TILE_COUNTS = 325;
const MAX_IFDS = 10_000;
const MAX_VALUES = 4_000_000;

async function tiffComplete(src: ByteSource): Promise<boolean> {
  const header = await src.read(0, 8);
  if (header.length < 8) return false;
  const le = header[0] === 0x49;
  const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (b: Uint8Array, at: number) => view(b).getUint16(at, le);
  const u32 = (b: Uint8Array, at: number) => view(b).getUint32(at, le);
  if (u16(header, 2) === 43) return true; // BigTIFF: stability only
  const inside = (offset: number, length: number) => offset + length <= src.size;

  const seen = new Set<number>();
  for (let ifd = u32(header, 4); ifd !== 0;) {
    if (seen.size >= MAX_IFDS || seen.has(ifd) || !inside(ifd, 2)) return false;
    seen.add(ifd);
    const n = u16(await src.read(ifd, 2), 0);
    if (!inside(ifd + 2, n * 12 + 4)) return false;
    const table = await src.read(ifd + 2, n * 12 + 4);
    const arrays = new Map<number, number[]>();
    for (let e = 0; e < n; e++) {
      const tag = u16(table, e * 12);
      const type = u16(table, e * 12 + 2);
      const count = u32(table, e * 12 + 4);
      const bytes = count * (TIFF_TYPE_SIZE[type] ?? 1);
      const at = bytes <= 4 ? ifd + 2 + e * 12 + 8 : u32(table, e * 12 + 8);
      if (!inside(at, bytes)) return false;
      if ([STRIP_OFFSETS, STRIP_COUNTS, TILE_OFFSETS, TILE_COUNTS].includes(tag) && (type === 3 || type === 4) && count <= MAX_VALUES) {
        const data = await src.read(at, bytes);
        arrays.set(tag, Array.from({ length: count }, (_, i) => (type === 3 ? u16(data, i * 2) : u32(data, i * 4))));
      }
    }
    for (const [offTag, cntTag] of [[STRIP_OFFSETS, STRIP_COUNTS], [TILE_OFFSETS, TILE_COUNTS]] as const) {
      const offsets = arrays.get(offTag) ?? [];
      const counts = arrays.get(cntTag) ?? [];
      for (let i = 0; i < offsets.length; i++) if (!inside(offsets[i]!, counts[i] ?? 0)) return false;
    }
    ifd = u32(table, n * 12);
  }
  return true;
}

export type Inspection = { ok: true; kind: FileKind } | { ok: false; problem: 'empty' | 'unknown-type' | 'incomplete' };

/** What the file is and whether it is whole. */
export async function inspect(src: ByteSource): Promise<Inspection> {
  if (src.size === 0) return { ok: false, problem: 'empty' };
  const head = await src.read(0, 1024);
  const kind = detectKind(head);
  if (!kind) return { ok: false, problem: isStartOfMagic(head) ? 'incomplete' : 'unknown-type' };
  const complete = kind === 'pdf' ? pdfComplete : kind === 'jpeg' ? jpegComplete : kind === 'png' ? pngComplete : tiffComplete;
  return (await complete(src)) ? { ok: true, kind } : { ok: false, problem: 'incomplete' };
}
