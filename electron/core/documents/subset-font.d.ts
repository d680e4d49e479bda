// subset-font ships no types: the one call we use (harfbuzz's hb-subset, compiled to wasm).
declare module 'subset-font' {
  export default function subsetFont(
    font: Buffer | Uint8Array,
    text: string,
    options?: {
      targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2';
      preserveNameIds?: number[];
      variationAxes?: Record<string, number>;
      /** keep only the glyphs of the text, not what GSUB could turn them into */
      noLayoutClosure?: boolean;
      noHinting?: boolean;
      /** table tags to leave out */
      dropTables?: readonly string[];
    },
  ): Promise<Buffer>;
}
