import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect, type Page } from '@playwright/test';
import { t } from '@shared/i18n';
import { signIn } from './ui';
import { CLERK, pdfText } from './policy';

// The 申报受理 stories' shared steps: the sample item, a scanned-looking page, opening the page as
// the clerk, and reading a previewed document. Screenshots for review go to SHOTS_DIR.

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Text as it comes out of a PDF: no spaces or line breaks to trip over. */
export const squash = (s: string) => s.replace(/\s+/g, '');

export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

export interface SampleItem {
  policyTitle: string;
  itemName: string;
  materials: { name: string; required: boolean; deferrable: boolean }[];
}

/**
 * An item of the sample library open all year with at least 3 materials, one of them 可容缺 and
 * one required and NOT 可容缺 (so that missing it calls for 补正, not 容缺受理).
 */
export function sampleItem(): SampleItem {
  const lib = JSON.parse(fs.readFileSync(path.join(ROOT, 'resources/policies/sample-library.json'), 'utf8')) as {
    policies: { title: string; items: { name: string; window?: unknown; deliveryMode: string; materials?: SampleItem['materials'] }[] }[];
  };
  for (const p of lib.policies) {
    for (const it of p.items) {
      const m = it.materials ?? [];
      if (it.window || it.deliveryMode === 'no_application' || m.length < 3) continue;
      if (m.some((x) => x.deferrable) && m.some((x) => x.required && !x.deferrable)) {
        return { policyTitle: p.title, itemName: it.name, materials: m.map((x) => ({ name: x.name, required: x.required, deferrable: !!x.deferrable })) };
      }
    }
  }
  throw new Error('the sample library has no item open all year with ≥3 materials and a deferrable one');
}

/** A scanned-looking page: white with dark lines of "text", as PNG. */
export async function pagePng(): Promise<Buffer> {
  const width = 420;
  const height = 594;
  const px = Buffer.alloc(width * height * 3, 255);
  for (let y = 60; y < height - 60; y += 24) {
    for (let yy = y; yy < y + 8; yy++) for (let x = 50; x < width - 50; x++) px.fill(30, (yy * width + x) * 3, (yy * width + x) * 3 + 3);
  }
  return sharp(px, { raw: { width, height, channels: 3 } }).png().toBuffer();
}

/** The clerk is signed in on 申报受理 (Alt+7). */
export async function openApplications(page: Page, openUrl: string) {
  await page.goto(openUrl);
  await signIn(page, CLERK.username, CLERK.password, CLERK.displayName);
  await page.keyboard.press('Alt+7');
  await expect(page.locator('.ant-menu-item-selected')).toContainText(t('nav.applications'));
  await expect(page.getByTestId('application-table')).toBeVisible();
}

export const checklistRow = (page: Page, name: string) => page.getByTestId('material-row').filter({ hasText: name });

/** The document preview: its file name names the document; 下载 gives the PDF to read. */
export async function previewedPdf(page: Page, docName: string, file: string): Promise<string> {
  const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('document-preview') });
  // (typeset with an embedded Chinese font: a few seconds, more on a busy machine)
  await expect(dialog.getByTestId('document-preview')).toBeVisible({ timeout: 45_000 });
  await expect(dialog.getByTestId('document-file-name')).toContainText(docName);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: t('pdf.download') }).click()]);
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  await page.waitForTimeout(1000); // let the viewer draw, for the screenshot
  return squash(pdfText(file));
}

export async function closePreview(page: Page) {
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('document-preview')).toHaveCount(0);
}

