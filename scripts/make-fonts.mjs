// Cuts the document font for resources/fonts/ from Noto Sans SC (SIL OFL 1.1, TrueType outlines:
// pdf-lib subsets glyf fonts cleanly, whereas CFF-outline CJK fonts print as empty boxes).
// Kept: ASCII, Latin-1, CJK punctuation, full-width forms and every character of GB 2312 (6,763
// hanzi) — enough for names, addresses and policy text. Licence: resources/fonts/OFL.txt.
//   npm pack @expo-google-fonts/noto-sans-sc && tar xzf … && node scripts/make-fonts.mjs <dir>
import fs from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';

const src = process.argv[2];
if (!src) throw new Error('usage: node scripts/make-fonts.mjs <unpacked @expo-google-fonts/noto-sans-sc package dir>');

function gb2312() {
  const dec = new TextDecoder('gbk');
  let out = '';
  for (let hi = 0xa1; hi <= 0xf7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) {
    const ch = dec.decode(new Uint8Array([hi, lo]));
    if (ch !== '\ufffd') out += ch;
  }
  return out;
}
let chars = gb2312();
for (let c = 0x20; c <= 0xff; c++) chars += String.fromCharCode(c);
for (let c = 0x3000; c <= 0x303f; c++) chars += String.fromCharCode(c);
for (let c = 0xff00; c <= 0xffef; c++) chars += String.fromCharCode(c);
chars += '〔〕【】《》“”‘’—…·№℃￥囗';

for (const [weight, name] of [['400Regular', 'NotoSansSC-Regular'], ['700Bold', 'NotoSansSC-Bold']]) {
  const input = fs.readFileSync(path.join(src, weight, `NotoSansSC_${weight}.ttf`));
  const out = await subsetFont(input, chars, { targetFormat: 'truetype' });
  fs.writeFileSync(path.join('resources/fonts', `${name}.ttf`), out);
  console.log(name, `${(out.length / 1024 / 1024).toFixed(2)} MB`, `${[...new Set(chars)].length} characters`);
}
