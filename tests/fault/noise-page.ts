import sharp from 'sharp';

/**
 * A scanned page of noise as a PNG: it does not compress, so the stored page (JPEG) stays large
 * (about 1 MB at 1240×1754) and its material's PDF grows by as much — blobs big enough that an
 * upload is cut in the middle. Seeded: the same `random`, the same page.
 */
export async function noisePage(file: string, random: () => number, width = 1240, height = 1754): Promise<string> {
  const px = Buffer.alloc(width * height * 3);
  for (let i = 0; i + 4 <= px.length; i += 4) px.writeUInt32LE(Math.floor(random() * 2 ** 32), i);
  await sharp(px, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 1 }).toFile(file);
  return file;
}
