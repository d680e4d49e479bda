import fs from 'node:fs';
import { degrees, PDFDocument, rgb } from 'pdf-lib';
import sharp from 'sharp';
import type { Locator, Page } from '@playwright/test';
import { t } from '@shared/i18n';
import { test, expect } from './fixtures';
import { callApi } from './support/api';
import { openApplications, pagePng, sampleItem, shot } from './support/applications';
import { BACKOFFICE, CLERK, centreWith, importSampleEnterprises, sampleCompanies } from './support/policy';
import type { RunningHost } from '../helpers/web-host-process';

// The page strip of a material (申报受理): thumbnails of the pages as turned, pages dropped onto the
// material, and the page operations from the keyboard. The application is made through the API;
// what the clerk does with the pages goes through the UI. Screenshots go to SHOTS_DIR.

/** An application for a sample company, made through the API; the clerk's session with it. */
async function applicationReady(host: RunningHost, companyIndex: number) {
  const sessions = await centreWith(host, [CLERK, BACKOFFICE]);
  await importSampleEnterprises(host, sessions[BACKOFFICE.username]!);
  const clerk = sessions[CLERK.username]!;
  const company = sampleCompanies()[companyIndex]!;
  const item = sampleItem();
  const hits = await callApi(host, 'policySearch', { query: item.policyTitle, limit: 5 }, clerk);
  const policy = await callApi(host, 'policyGet', { id: hits.hits.find((h) => h.title === item.policyTitle)!.id }, clerk);
  const itemId = policy.items.find((i) => i.name === item.itemName)!.id;
  const application = await callApi(host, 'applicationCreate', { uscc: company.uscc, itemId, contactName: '王经办', contactPhone: '13700137000' }, clerk);
  return { clerk, company, item, application };
}

/** The clerk opens the application from the list; the checklist has the focus. */
async function openApplication(page: Page, host: RunningHost, companyName: string) {
  await openApplications(page, host.openUrl);
  await page.getByTestId('application-table').getByRole('row').filter({ hasText: companyName }).focus();
  await page.keyboard.press('Enter');
  const ws = page.getByTestId('application-workspace');
  await expect(ws.getByTestId('material-checklist')).toBeFocused();
  return ws;
}

/** The thumbnail's picture as drawn (natural size), or null while it is not there yet. */
const thumbSize = (row: Locator) =>
  row.getByTestId('page-thumb').evaluate((el) => {
    const img = el.querySelector('img');
    return img && img.complete && img.naturalWidth > 0 ? { w: img.naturalWidth, h: img.naturalHeight } : null;
  });

async function shownThumb(row: Locator): Promise<{ w: number; h: number }> {
  await expect.poll(() => thumbSize(row), { timeout: 30_000 }).not.toBeNull();
  return (await thumbSize(row))!;
}

/** A blank sheet (the back of a page), as a scanner gives it. */
const blankPng = () => sharp({ create: { width: 420, height: 594, channels: 3, background: '#fdfdf8' } }).png().toBuffer();

/** An A4 page of a copier's PDF: a dark band at the top, so its orientation shows. */
async function a4Pdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const p = doc.addPage([595.28, 841.89]);
  p.drawRectangle({ x: 40, y: 700, width: 515, height: 110, color: rgb(0.1, 0.1, 0.1) });
  for (let y = 640; y > 80; y -= 28) p.drawRectangle({ x: 60, y, width: 470, height: 9, color: rgb(0.3, 0.3, 0.3) });
  return Buffer.from(await doc.save());
}

test('files dropped onto a material become pages with thumbnails; a damaged file is named and the others are kept', async ({ page, host }) => {
  const { company, item } = await applicationReady(host, 1);
  const ws = await openApplication(page, host, company.name);
  const pages = ws.getByTestId('material-pages');
  await expect(pages.getByTestId('pages-material-name')).toHaveText(item.materials[0]!.name);
  await expect(pages.getByTestId('page-row')).toHaveCount(0);

  // two scans and a JPEG cut off in transfer, dropped together as from the file manager
  const good = await pagePng();
  const truncated = (await sharp(good).jpeg({ quality: 90 }).toBuffer()).subarray(0, 2500);
  const files = [
    { name: '营业执照-1.png', type: 'image/png', b64: good.toString('base64') },
    { name: '损坏的扫描件.jpg', type: 'image/jpeg', b64: truncated.toString('base64') },
    { name: '营业执照-背面.png', type: 'image/png', b64: (await blankPng()).toString('base64') },
  ];
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return dt;
  }, files);
  const zone = pages.getByTestId('page-drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });

  const rows = pages.getByTestId('page-row');
  await expect(rows).toHaveCount(2, { timeout: 30_000 });
  // the damaged file is named, in Chinese, with what is wrong; the other two are kept
  const refused = pages.getByTestId('refused-files');
  await expect(refused).toContainText(t('error.FILE_UNREADABLE', { name: '损坏的扫描件.jpg', reason: t('materials.reason.damagedImage') }));
  await expect(refused.getByRole('listitem')).toHaveCount(1);
  await expect(pages.getByRole('alert').filter({ has: page.getByTestId('refused-files') })).toContainText(t('appUi.pages.refusedTitle', { n: 1 }));
  await expect(pages).toContainText(t('appUi.pages.count', { n: 2 }));

  // each page has its thumbnail, portrait like the scans; the blank one is flagged on it
  for (let i = 0; i < 2; i++) {
    const size = await shownThumb(rows.nth(i));
    expect(size.h).toBeGreaterThan(size.w);
  }
  await expect(rows.nth(0).getByTestId('page-blank')).toHaveCount(0);
  await expect(rows.nth(1).getByTestId('page-blank')).toBeVisible();
  await expect(rows.nth(1).getByTestId('page-thumb')).toContainText(t('appUi.pages.blank'));
  await shot(page, 'pages-01-dropped');
});

test('from the keyboard the clerk turns, moves and deletes pages; the thumbnails and the material’s PDF follow', async ({ page, host }, testInfo) => {
  const { clerk, company, application } = await applicationReady(host, 3);
  const material = application.materials[0]!;
  // the pages came earlier (the scanner, the copier): a text page, a blank back, a copier's PDF page
  const added = await callApi(host, 'applicationPagesAdd', {
    applicationId: application.id, materialId: material.id,
    files: [
      { name: 'text.png', base64: (await pagePng()).toString('base64') },
      { name: 'back.png', base64: (await blankPng()).toString('base64') },
      { name: 'copier.pdf', base64: (await a4Pdf()).toString('base64') },
    ],
  }, clerk);
  expect(added.refused).toEqual([]);
  // and a long material: twelve pages
  const long = application.materials[1]!;
  const text = (await pagePng()).toString('base64');
  await callApi(host, 'applicationPagesAdd', {
    applicationId: application.id, materialId: long.id, files: Array.from({ length: 12 }, (_, i) => ({ name: `p${i + 1}.png`, base64: text })),
  }, clerk);

  const blocked: string[] = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && blocked.push(m.text()));
  const ws = await openApplication(page, host, company.name);
  const rows = ws.getByTestId('material-pages').getByTestId('page-row');
  await expect(rows).toHaveCount(3);
  // every thumbnail is drawn, the PDF page too: by pdf.js in its own worker, nothing refused by the CSP
  const before = [await shownThumb(rows.nth(0)), await shownThumb(rows.nth(1)), await shownThumb(rows.nth(2))];
  for (const s of before) expect(s.h).toBeGreaterThan(s.w);
  expect(page.workers().map((w) => w.url()).filter((u) => /\/assets\/pdf\.worker[^/]*\.js$/.test(u))).toHaveLength(1);
  await expect(rows.nth(2).getByTestId('page-facts')).toContainText(t('appUi.pages.kind.pdf'));
  await shot(page, 'pages-02-strip');

  // R on the text page: turned right, its thumbnail is now landscape
  await rows.nth(0).focus();
  await page.keyboard.press('r');
  await expect.poll(async () => { const s = await thumbSize(rows.nth(0)); return s && s.w > s.h; }, { timeout: 30_000 }).toBe(true);
  const turned = (await thumbSize(rows.nth(0)))!;
  expect(turned.w).toBe(before[0]!.w);
  await expect(rows.nth(0)).toBeFocused();

  // R on the PDF page: the page's turn is shown in its facts and in its thumbnail
  await rows.nth(2).focus();
  await page.keyboard.press('r');
  await expect(rows.nth(2).getByTestId('page-facts')).toContainText(t('appUi.pages.rotated', { deg: 90 }));
  await expect.poll(async () => { const s = await thumbSize(rows.nth(2)); return s && s.w > s.h; }, { timeout: 30_000 }).toBe(true);
  await shot(page, 'pages-03-turned');

  // Alt+↓ on the first page (text, not blank): the blank back comes first, the focus moves with the page
  await rows.nth(0).focus();
  await expect(rows.nth(1).getByTestId('page-blank')).toBeVisible();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(rows.nth(0).getByTestId('page-blank')).toBeVisible();
  await expect(rows.nth(1).getByTestId('page-blank')).toHaveCount(0);
  await expect(rows.nth(1)).toBeFocused();
  await expect.poll(async () => { const s = await thumbSize(rows.nth(1)); return s && s.w > s.h; }).toBe(true);

  // Delete on the blank back: the clerk confirms with Enter; two pages are left
  await rows.nth(0).focus();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog').filter({ hasText: t('appUi.pages.deleteConfirm', { n: 1, name: material.name }) });
  await expect(confirm).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(2);
  await expect(ws.getByTestId('material-pages').getByTestId('page-blank')).toHaveCount(0);
  await expect(ws.getByTestId('material-pages')).toContainText(t('appUi.pages.count', { n: 2 }));
  await expect(rows.nth(0).getByTestId('page-number')).toHaveText(t('appUi.pages.pageN', { n: 1 }));
  await shot(page, 'pages-04-after-delete');

  // 查看 PDF: the material's PDF has the two pages left, the PDF page turned as shown
  await ws.getByRole('button', { name: t('appUi.pages.viewPdf') }).click();
  const preview = page.getByRole('dialog').filter({ has: page.getByTestId('pdf-preview') });
  await expect(preview).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), preview.getByRole('button', { name: t('pdf.download') }).click()]);
  const file = testInfo.outputPath('material.pdf');
  await download.saveAs(file);
  const pdf = await PDFDocument.load(fs.readFileSync(file));
  expect(pdf.getPageCount()).toBe(2);
  const [first, second] = pdf.getPages();
  // page 1: the text page turned right, on A4 landscape; page 2: the copier's page with /Rotate 90
  expect(first!.getWidth()).toBeGreaterThan(first!.getHeight());
  expect(second!.getRotation()).toEqual(degrees(90));
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);

  // the long material: only the pages in view are fetched, the others when the clerk gets to them
  await ws.getByTestId('material-checklist').focus();
  await page.keyboard.press('ArrowDown');
  await expect(ws.getByTestId('pages-material-name')).toHaveText(long.name);
  await expect(rows).toHaveCount(12);
  const thumbs = ws.getByTestId('material-pages').getByTestId('page-thumb');
  await expect(thumbs.first()).toHaveAttribute('data-state', 'shown', { timeout: 30_000 });
  await expect(thumbs.last()).toHaveAttribute('data-state', 'waiting');
  await rows.first().focus();
  for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowDown');
  await expect(rows.last()).toBeFocused();
  await expect(thumbs.last()).toHaveAttribute('data-state', 'shown', { timeout: 30_000 });
  await shot(page, 'pages-05-long-material');
  expect(blocked).toEqual([]);
});
