import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ApplicationDetail } from '@shared/applications/schemas';
import { t } from '@shared/i18n';
import { test, expect } from './fixtures';
import { callApi } from './support/api';
import { openApplications, sampleItem, shot, squash } from './support/applications';
import { BACKOFFICE, CLERK, centreWith, importSampleEnterprises, pdfText, sampleCompanies } from './support/policy';
import { missingTool, requireTool } from '../helpers/tools';
import type { RunningHost } from '../helpers/web-host-process';

// Printing at the counter through the UI to the real CUPS queues of scripts/ci/setup-cups.sh, which
// print to PDF files (CUPS-PDF): PolicyDesk-PDF as the A4 printer, PolicyDesk-Receipt as the 80 mm
// receipt printer. Only this file prints to PolicyDesk-Receipt, so stopping it (cupsdisable)
// disturbs no test running beside it. The clerk prints with the keyboard.

const A4_QUEUE = 'PolicyDesk-PDF';
const RECEIPT_QUEUE = 'PolicyDesk-Receipt';
const ROOT = path.resolve(import.meta.dirname, '../..');
/** where CUPS-PDF writes this user's jobs (the Out of /etc/cups/cups-pdf-policydesk.conf) */
const OUT = path.join('/var/spool/cups-pdf/policydesk', os.userInfo().username);
const MM = 72 / 25.4;

test.skip(missingTool('lp', 'cups'), 'CUPS is not installed');

const cups = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' }, timeout: 30_000 });

/** Both queues are there (made by .ci/run; as root on a developer's machine, made here if missing). */
function requireQueues() {
  requireTool('lp', 'cups');
  requireTool('pdftotext');
  requireTool('pdfinfo');
  const missing = () => [A4_QUEUE, RECEIPT_QUEUE].filter((q) => {
    try {
      cups('lpstat', ['-p', q]);
      return false;
    } catch {
      return true;
    }
  });
  if (missing().length && process.getuid?.() === 0) cups(path.join(ROOT, 'scripts/ci/setup-cups.sh'), []);
  if (missing().length) throw new Error(`CUPS queue ${missing().join(', ')} missing or cupsd not running: run sudo scripts/ci/setup-cups.sh (as .ci/run does)`);
}

/**
 * What came out of the printers for one application since `since`: the PDFs CUPS-PDF wrote whose
 * text carries its query code, with their page widths (pdfinfo, in points).
 */
function printouts(queryCode: string, since: number): { file: string; text: string; widths: number[] }[] {
  if (!fs.existsSync(OUT)) return [];
  const out = [];
  for (const name of fs.readdirSync(OUT).filter((f) => f.endsWith('.pdf'))) {
    const file = path.join(OUT, name);
    const stat = fs.statSync(file);
    if (stat.mtimeMs < since || stat.size === 0) continue;
    try {
      const text = squash(pdfText(file));
      if (!text.includes(queryCode)) continue;
      const widths = [...cups('pdfinfo', ['-f', '1', '-l', '99', file]).matchAll(/Page\s+\d+ size:\s+([\d.]+) x [\d.]+ pts/g)].map((m) => Number(m[1]));
      out.push({ file, text, widths });
    } catch {
      // still being written
    }
  }
  return out;
}
const isA4 = (p: { widths: number[] }) => p.widths.length > 0 && p.widths.every((w) => Math.abs(w - 210 * MM) < 2);
const is80mm = (p: { widths: number[] }) => p.widths.length > 0 && p.widths.every((w) => Math.abs(w - 80 * MM) < 2);

interface Counter {
  sessions: Record<string, string>;
  company: { uscc: string; name: string };
  item: ReturnType<typeof sampleItem>;
  application: ApplicationDetail;
}

/**
 * The set-up the stories are not about, through the API: the centre, the sample companies, the
 * 打印设置 (受理通知书 → PolicyDesk-PDF, the thermal printer → PolicyDesk-Receipt) and an
 * application with every material there.
 */
async function counterWithApplication(host: RunningHost, accept: boolean): Promise<Counter> {
  const sessions = await centreWith(host, [CLERK, BACKOFFICE]);
  await importSampleEnterprises(host, sessions[BACKOFFICE.username]!);
  const settings = await callApi(host, 'printSettingsGet', {}, sessions.admin);
  await callApi(
    host,
    'printSettingsSet',
    { ...settings, thermalPrinter: RECEIPT_QUEUE, documents: { ...settings.documents, 'acceptance-notice': { ...settings.documents['acceptance-notice'], printer: A4_QUEUE } } },
    sessions.admin,
  );
  const clerk = sessions[CLERK.username]!;
  const company = sampleCompanies()[0]!;
  const item = sampleItem();
  const hits = await callApi(host, 'policySearch', { query: item.policyTitle, limit: 5 }, clerk);
  const policy = await callApi(host, 'policyGet', { id: hits.hits.find((h) => h.title === item.policyTitle)!.id }, clerk);
  const itemId = policy.items.find((i) => i.name === item.itemName)!.id;
  let a = await callApi(host, 'applicationCreate', { uscc: company.uscc, itemId, contactName: '周经办', contactPhone: '13600136000' }, clerk);
  for (const m of a.materials) a = await callApi(host, 'applicationMaterialMark', { applicationId: a.id, materialId: m.id, state: 'present' }, clerk);
  if (accept) a = await callApi(host, 'applicationDecide', { id: a.id, decision: 'accept' }, clerk);
  return { sessions, company, item, application: a };
}

/** Enter on the application's row of the list opens its workspace. */
async function openWorkspace(page: Page, caseNo: string) {
  await page.getByTestId('application-table').getByRole('row').filter({ hasText: caseNo }).focus();
  await page.keyboard.press('Enter');
  const ws = page.getByTestId('application-workspace');
  await expect(ws.getByTestId('case-no')).toHaveText(caseNo);
  return ws;
}

const previewDialog = (page: Page) => page.getByRole('dialog').filter({ has: page.getByTestId('document-preview') });

/** The preview of a document is open and its 打印 button has the focus (Enter prints). */
async function previewReadyToPrint(page: Page, docName: string) {
  const dialog = previewDialog(page);
  // (typeset with an embedded Chinese font: a few seconds, more on a busy machine)
  await expect(dialog.getByTestId('document-preview')).toBeVisible({ timeout: 45_000 });
  await expect(dialog.getByTestId('document-file-name')).toContainText(docName);
  await expect(dialog.getByTestId('document-print')).toBeFocused();
  return dialog;
}

/** 文书 tab by keyboard: focus on the tab strip, Enter. */
async function openDocumentsTab(page: Page) {
  const ws = page.getByTestId('application-workspace');
  await ws.getByRole('tab', { name: /文书/ }).focus();
  await page.keyboard.press('Enter');
  const list = ws.getByTestId('documents-list');
  await expect(list).toBeVisible();
  return list;
}

const docRow = (list: ReturnType<Page['getByTestId']>, kind: ApplicationDetail['documents'][number]['kind']) =>
  list.getByRole('row').filter({ hasText: t(`application.doc.${kind}`) });

const made: string[] = [];
test.afterEach(() => {
  for (const file of made.splice(0)) fs.rmSync(file, { force: true });
});

test('the clerk accepts and prints the 受理通知书 on A4 and the 受理回执 on the 80 mm receipt printer', async ({ page, host }) => {
  test.setTimeout(180_000);
  requireQueues();
  const since = Date.now() - 1000;
  const { company, item, application } = await counterWithApplication(host, false);
  const kb = page.keyboard;

  await openApplications(page, host.openUrl);
  const ws = await openWorkspace(page, application.caseNo);
  await expect(ws.getByTestId('material-checklist')).toBeFocused();
  // every material is there: 受理 is the decision offered; Tab reaches it, Ctrl+Enter decides
  const accept = ws.getByTestId('decision-accept').locator('input');
  await expect(accept).toBeChecked();
  await kb.press('Tab');
  await expect(accept).toBeFocused();
  await kb.press('Control+Enter');

  // the 受理通知书 opens at once, saying where it will print (打印设置); Enter prints it
  const dialog = await previewReadyToPrint(page, t('application.doc.acceptance'));
  await expect(dialog.getByTestId('printer-select')).toContainText(t('appUi.doc.bySettings', { printer: A4_QUEUE }));
  await kb.press('Enter');
  await expect(dialog.getByTestId('document-printed')).toContainText(A4_QUEUE, { timeout: 45_000 });
  await expect(dialog.getByTestId('print-error')).toHaveCount(0);
  await shot(page, 'print-01-notice-printed');

  // … and comes out of PolicyDesk-PDF: A4, for this company, this item, with the query code
  await expect.poll(() => printouts(application.queryCode, since).filter(isA4).length, { timeout: 30_000 }).toBe(1);
  const notice = printouts(application.queryCode, since).find(isA4)!;
  made.push(notice.file);
  expect(notice.text).toContain(squash(t('application.doc.acceptance')));
  expect(notice.text).toContain(squash(company.name));
  expect(notice.text).toContain(squash(item.itemName));
  expect(notice.text).toContain(application.queryCode);
  await kb.press('Escape');
  await expect(page.getByTestId('document-preview')).toHaveCount(0);
  await expect(ws.getByTestId('application-state')).toHaveText(t('application.state.accepted'));

  // 文书: the notice printed (and where); the receipt not yet. Enter on the receipt, Enter to print.
  const list = await openDocumentsTab(page);
  await expect(docRow(list, 'acceptance')).toContainText(A4_QUEUE);
  await expect(docRow(list, 'acceptance_thermal')).toContainText(t('appUi.docs.notPrinted'));
  await docRow(list, 'acceptance_thermal').focus();
  await kb.press('Enter');
  const receiptDialog = await previewReadyToPrint(page, t('application.doc.acceptance_thermal'));
  await expect(receiptDialog.getByTestId('printer-select')).toContainText(t('appUi.doc.bySettings', { printer: RECEIPT_QUEUE }));
  await kb.press('Enter');
  await expect(receiptDialog.getByTestId('document-printed')).toContainText(RECEIPT_QUEUE, { timeout: 45_000 });
  await shot(page, 'print-02-receipt-printed');

  // … out of the receipt printer, on paper 80 mm wide
  await expect.poll(() => printouts(application.queryCode, since).filter(is80mm).length, { timeout: 30_000 }).toBe(1);
  const receipt = printouts(application.queryCode, since).find(is80mm)!;
  made.push(receipt.file);
  expect(receipt.text).toContain(squash(company.name));
  expect(receipt.text).toContain(squash(item.itemName));
  await kb.press('Escape');
  await expect(docRow(list, 'acceptance_thermal')).toContainText(RECEIPT_QUEUE);
  await shot(page, 'print-03-documents');
});

test('the receipt printer stopped: the clerk is told which printer and why, the receipt stays, and 重新打印 prints it once it is back', async ({ page, host }) => {
  test.setTimeout(180_000);
  requireQueues();
  const since = Date.now() - 1000;
  const { application } = await counterWithApplication(host, true);
  const kb = page.keyboard;
  const why = '缺纸，请装纸';

  await openApplications(page, host.openUrl);
  await openWorkspace(page, application.caseNo);
  const list = await openDocumentsTab(page);
  const row = docRow(list, 'acceptance_thermal');

  cups('cupsdisable', ['-r', why, RECEIPT_QUEUE]);
  try {
    await row.focus();
    await kb.press('Enter');
    const dialog = await previewReadyToPrint(page, t('application.doc.acceptance_thermal'));
    // the preview already says the receipt printer is stopped, and why
    await expect(dialog.getByTestId('printer-select')).toContainText(RECEIPT_QUEUE);
    await expect(dialog.getByTestId('printer-select')).toContainText(why);
    await kb.press('Enter');
    // plain Chinese: which printer, why, and that the receipt is kept; 重新打印 has the focus
    const error = dialog.getByTestId('print-error');
    await expect(error).toBeVisible({ timeout: 45_000 });
    await expect(error).toContainText(t('appUi.doc.printFailed'));
    await expect(error).toContainText(`“${RECEIPT_QUEUE}”`);
    await expect(error).toContainText(why);
    const reprint = error.getByRole('button', { name: t('appUi.doc.reprint') });
    await expect(reprint).toBeFocused();
    await expect(dialog.getByTestId('document-printed')).toHaveCount(0);
    await page.waitForTimeout(500); // the alert's entrance, for the screenshot
    await shot(page, 'print-04-printer-stopped');

    // still stopped: 重新打印 says so again, and nothing came out
    await kb.press('Enter');
    await expect(reprint).toBeFocused();
    await expect(error).toContainText(why);
    expect(printouts(application.queryCode, since)).toEqual([]);

    // the receipt stays in 文书, marked as not printed and why
    await kb.press('Escape');
    await expect(page.getByTestId('document-preview')).toHaveCount(0);
    await expect(row.getByTestId('doc-print-error')).toContainText(RECEIPT_QUEUE);
    await shot(page, 'print-05-documents-failed');
  } finally {
    cups('cupsenable', [RECEIPT_QUEUE]);
  }

  // paper in: from 文书, Enter on the receipt, 重新打印
  await row.focus();
  await kb.press('Enter');
  const dialog = await previewReadyToPrint(page, t('application.doc.acceptance_thermal'));
  await expect(dialog.getByTestId('print-error')).toContainText(why);
  await expect(dialog.getByTestId('printer-select')).toContainText(t('appUi.doc.bySettings', { printer: RECEIPT_QUEUE }));
  await expect(dialog.getByTestId('printer-select')).not.toContainText(why);
  await kb.press('Enter');
  await expect(dialog.getByTestId('document-printed')).toContainText(RECEIPT_QUEUE, { timeout: 45_000 });
  await expect(dialog.getByTestId('print-error')).toHaveCount(0);
  await expect.poll(() => printouts(application.queryCode, since).filter(is80mm).length, { timeout: 30_000 }).toBe(1);
  made.push(...printouts(application.queryCode, since).map((p) => p.file));
  await kb.press('Escape');
  await expect(row).toContainText(RECEIPT_QUEUE);
  await expect(row.getByTestId('doc-print-error')).toHaveCount(0);
});
