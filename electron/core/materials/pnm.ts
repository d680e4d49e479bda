// SANE's own output format (`scanimage --format=pnm`, its default): netpbm P4 (1-bit line art),
// P5 (grey) or P6 (RGB), 8 or 16 bits. The libvips bundled with sharp is built without a PNM
// loader, so the header is read here and the pixels are handed to sharp as raw 8-bit data.

export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 3;
}

export class PnmError extends Error {}

export function isPnm(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x50 && bytes[1]! >= 0x34 && bytes[1]! <= 0x36 && isSpace(bytes[2]!);
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c;

/** Reads the header fields (skipping # comments); returns them and where the pixels start. */
function header(bytes: Uint8Array, fields: number): { values: number[]; offset: number } {
  const values: number[] = [];
  let i = 2;
  while (values.length < fields) {
    while (i < bytes.length && isSpace(bytes[i]!)) i++;
    if (bytes[i] === 0x23) {
      while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
      continue;
    }
    let v = 0;
    let digits = 0;
    while (i < bytes.length && bytes[i]! >= 0x30 && bytes[i]! <= 0x39 && digits < 9) {
      v = v * 10 + (bytes[i++]! - 0x30);
      digits++;
    }
    if (digits === 0) throw new PnmError('bad PNM header');
    values.push(v);
  }
  if (i >= bytes.length || !isSpace(bytes[i]!)) throw new PnmError('bad PNM header');
  return { values, offset: i + 1 }; // exactly one whitespace byte before the pixels
}

/** Decodes a binary PNM; throws PnmError when it is malformed or shorter than its header says. */
export function decodePnm(bytes: Uint8Array): RawImage {
  const type = bytes[1]!;
  const bitmap = type === 0x34;
  const { values, offset } = header(bytes, bitmap ? 2 : 3);
  const [width, height] = values as [number, number];
  const maxval = bitmap ? 1 : values[2]!;
  if (width < 1 || height < 1 || maxval < 1 || maxval > 65535) throw new PnmError('bad PNM header');
  const channels = type === 0x36 ? 3 : 1;
  const out = Buffer.alloc(width * height * channels);
  if (bitmap) {
    const rowBytes = Math.ceil(width / 8);
    if (bytes.length < offset + rowBytes * height) throw new PnmError('PNM data is truncated');
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const bit = (bytes[offset + y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
        out[y * width + x] = bit ? 0 : 255; // in P4, 1 is black
      }
    }
    return { data: out, width, height, channels };
  }
  const wide = maxval > 255;
  const samples = width * height * channels;
  if (bytes.length < offset + samples * (wide ? 2 : 1)) throw new PnmError('PNM data is truncated');
  if (!wide && maxval === 255) {
    Buffer.from(bytes.buffer, bytes.byteOffset + offset, samples).copy(out);
  } else {
    for (let k = 0; k < samples; k++) {
      const v = wide ? (bytes[offset + 2 * k]! << 8) | bytes[offset + 2 * k + 1]! : bytes[offset + k]!;
      out[k] = Math.round((Math.min(v, maxval) * 255) / maxval);
    }
  }
  return { data: out, width, height, channels };
}
