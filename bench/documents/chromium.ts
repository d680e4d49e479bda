import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

// The peer: Debian's Chromium printing HTML to PDF with Playwright's page.pdf() — what an Electron
// app gets from webContents.printToPDF(). The page is loaded from a file (so its @font-face file
// URLs load), its height measured once the fonts are in, and printed 80 mm wide at that height.

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface ChromiumPrinter {
  version: string;
  /** launch to a ready page, ms */
  launchMs: number;
  /**
   * Prints the receipt. 'load': the HTML loaded as a new page (as a new receipt would be: the fonts
   * are parsed again); 'swap': the body put into the page already loaded (fonts and styles kept) —
   * Chromium's best case, and the one the headline compares with.
   */
  print(html: string, mode: 'load' | 'swap'): Promise<Uint8Array>;
  close(): Promise<void>;
}

const bodyOf = (html: string) => html.slice(html.indexOf('<body>') + 6, html.lastIndexOf('</body>'));

export async function startChromium(executablePath = '/usr/bin/chromium'): Promise<ChromiumPrinter> {
  const t0 = performance.now();
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const page: Page = await browser.newPage();
  const launchMs = performance.now() - t0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-html-'));
  let n = 0;
  let loaded = false;
  return {
    version: browser.version(),
    launchMs,
    async print(html, mode) {
      if (mode === 'load' || !loaded) {
        // a new file each time, as a new receipt would be (and no cached document)
        const file = path.join(dir, `receipt-${n++ % 2}.html`);
        fs.writeFileSync(file, html);
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        loaded = true;
      } else {
        await page.evaluate((body) => {
          document.body.innerHTML = body;
        }, bodyOf(html));
      }
      const heightPx = await page.evaluate(async () => {
        await document.fonts.ready;
        return Math.ceil(document.documentElement.getBoundingClientRect().height);
      });
      const pdf = await page.pdf({ width: '80mm', height: `${heightPx + 1}px`, margin: { top: '0', right: '0', bottom: '0', left: '0' }, printBackground: false, pageRanges: '1' });
      return new Uint8Array(pdf);
    },
    async close() {
      await browser.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
