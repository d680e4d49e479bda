import fs from 'node:fs';
import path from 'node:path';
import { t } from '@shared/i18n';
import { test, expect } from '@playwright/test';
import { startHostProcess, tempDataDir } from '../helpers/web-host-process';

test('a corrupt database shows the error screen and the file is left exactly as it was', async ({ page }) => {
  const dataDir = tempDataDir('policydesk-corrupt-');
  const file = path.join(dataDir, 'policydesk.sqlite');
  const garbage = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256));
  fs.writeFileSync(file, garbage);

  const host = await startHostProcess(dataDir);
  try {
    await page.goto(host.openUrl);
    await expect(page.getByText(t('dbError.title'))).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('本地数据库文件已损坏');
    await expect(page.getByRole('alert')).toContainText(file);
    await expect(page.getByText(t('dbError.help'))).toBeVisible();

    // Checking again gives the same answer and still touches nothing.
    await page.getByRole('button', { name: t('dbError.retry') }).click();
    await expect(page.getByText(t('dbError.title'))).toBeVisible();
    await expect(page.getByLabel(t('field.username'))).toHaveCount(0);
  } finally {
    await host.stop();
  }
  expect(fs.readFileSync(file).equals(garbage)).toBe(true);
  expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('policydesk.sqlite'))).toEqual(['policydesk.sqlite']);
});
