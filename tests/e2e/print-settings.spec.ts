import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { t } from '@shared/i18n';
import { test, expect } from './fixtures';
import { callApi } from './support/api';
import { signIn } from './support/ui';
import { centreWith, type Account } from './support/policy';

// 打印设置 of this PC, as a manager changes it from 申报受理: keyboard first, kept across a reload.
// A screenshot for review goes to SHOTS_DIR (e.g. SHOTS_DIR=/tmp/shots).

const MANAGER: Account = { username: 'gl01', displayName: '赵主管', password: 'Manager2026', roles: ['manager'] };

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

const dialog = (page: Page) => page.getByRole('dialog').filter({ has: page.getByTestId('print-settings') });
const docRow = (page: Page, type: string) => page.getByTestId(`print-row-${type}`);

test('a manager sets 80 mm thermal paper and 2 copies for the 受理通知书; the settings are kept', async ({ page, host }) => {
  const sessions = await centreWith(host, [MANAGER]);
  const doc = t('print.doc.acceptance-notice');

  await page.goto(host.openUrl);
  await signIn(page, MANAGER.username, MANAGER.password, MANAGER.displayName);
  await page.keyboard.press('Alt+7');
  await expect(page.getByTestId('application-table')).toBeVisible();

  // Alt+S opens it; the saved defaults are A4, one copy
  await page.keyboard.press('Alt+S');
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page).getByText(t('printUi.readOnly'))).toHaveCount(0);
  const row = docRow(page, 'acceptance-notice');
  await expect(row.getByRole('radio', { name: t('print.paper.A4') })).toBeChecked();
  await expect(page.getByLabel(t('printUi.copiesFor', { doc }), { exact: true })).toHaveValue('1');

  // the paper by arrow key, the copies typed, saved with Ctrl+Enter
  await row.getByRole('radio', { name: t('print.paper.A4') }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(row.getByRole('radio', { name: t('print.paper.thermal-80') })).toBeChecked();
  const copies = page.getByLabel(t('printUi.copiesFor', { doc }), { exact: true });
  await copies.fill('2');
  await shot(page, 'print-settings');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(t('printUi.saved'))).toBeVisible();
  await expect(dialog(page)).toBeHidden();

  // what the core now prints with
  const stored = await callApi(host, 'printSettingsGet', {}, sessions[MANAGER.username]);
  expect(stored.documents['acceptance-notice']).toEqual({ printer: null, paper: 'thermal-80', copies: 2 });
  expect(stored.documents['correction-notice']).toEqual({ printer: null, paper: 'A4', copies: 1 });

  // after a reload, reopened from the button: the values are kept, the other documents untouched
  await page.reload();
  await expect(page.getByTestId('application-table')).toBeVisible();
  await page.getByRole('button', { name: t('printUi.button') }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(docRow(page, 'acceptance-notice').getByRole('radio', { name: t('print.paper.thermal-80') })).toBeChecked();
  await expect(page.getByLabel(t('printUi.copiesFor', { doc }), { exact: true })).toHaveValue('2');
  await expect(docRow(page, 'correction-notice').getByRole('radio', { name: t('print.paper.A4') })).toBeChecked();
  await expect(page.getByLabel(t('printUi.copiesFor', { doc: t('print.doc.correction-notice') }), { exact: true })).toHaveValue('1');
  // the thermal paper with no printer of its own goes to the receipt printer, not yet named
  await expect(dialog(page).getByText(t('printUi.needThermal', { docs: `${doc}、${t('print.doc.acceptance-receipt-thermal')}` }))).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
});
