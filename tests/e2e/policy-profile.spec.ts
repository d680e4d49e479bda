import fs from 'node:fs';
import { t } from '@shared/i18n';
import { POLICY_FORMAT } from '@shared/policies/schemas';
import { test, expect } from './fixtures';
import { signIn } from './support/ui';
import { usccPair } from './support/uscc';
import { BACKOFFICE, BUSINESS, SAMPLE_ENTERPRISES, centreWith, sampleCompanies, shot } from './support/policy';

const policy = (id: string, copies: number) => ({
  id,
  title: `端到端测试政策 ${id}`,
  issuer: '测试区科技局',
  level: 'district',
  category: 'award',
  publishDate: '2026-01-05',
  status: 'active',
  fullText: '第一条 为测试政策导入，制定本办法。',
  items: [{ id: `${id}-01`, name: '测试申报事项', department: '区科技局', deliveryMode: 'instant', promisedDays: 5, materials: [{ name: '申请表', form: 'original', copies, required: true }] }],
});

test('the back office imports policies and companies with per-record reports; business reads a profile, tags it, matches it and exports an item’s companies', async ({ page, host }, testInfo) => {
  test.setTimeout(150_000);
  await centreWith(host, [BACKOFFICE, BUSINESS]);
  await page.goto(host.openUrl);
  await signIn(page, BACKOFFICE.username, BACKOFFICE.password, BACKOFFICE.displayName);
  await expect(page.locator('.ant-menu-item-selected')).toContainText(t('nav.policies'));

  // 导入政策: one good record, one with a bad field; the bad one is named with its field, the good one goes in.
  const policyFile = testInfo.outputPath('policies.json');
  fs.writeFileSync(policyFile, JSON.stringify({ format: POLICY_FORMAT, policies: [policy('E2E-GOOD-01', 1), policy('E2E-BAD-01', 0)] }));
  await page.getByRole('button', { name: t('policyImport.button') }).click();
  const policyImport = page.getByTestId('policy-import');
  await policyImport.locator('input[type=file]').setInputFiles(policyFile);
  await expect(policyImport.getByTestId('import-file-name')).toHaveText('policies.json');
  await page.getByRole('button', { name: t('importUi.start') }).click();
  const report = policyImport.getByTestId('import-report');
  await expect(report).toContainText(t('importUi.created'));
  await expect(report.locator('.ant-statistic').nth(0)).toContainText('1');
  await expect(report.locator('.ant-statistic').nth(2)).toContainText('1');
  const problem = policyImport.getByTestId('import-problems').getByRole('row').filter({ hasText: 'E2E-BAD-01' });
  await expect(problem).toContainText('items.0.materials.0.copies');
  await shot(page, '07-policy-import');
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: t('policy.search') }).fill('端到端测试');
  await expect(page.getByTestId('policy-hit')).toHaveCount(1);
  await expect(page.getByTestId('policy-hit')).toContainText('E2E-GOOD-01');

  // 导入企业数据: the sample file, then a file with one bad row, named with its row and column.
  await page.keyboard.press('Alt+5');
  await page.getByRole('button', { name: t('profile.importButton') }).click();
  const companyImport = page.getByTestId('enterprise-import');
  await companyImport.locator('input[type=file]').setInputFiles(SAMPLE_ENTERPRISES);
  await page.getByRole('button', { name: t('importUi.start') }).click();
  await expect(companyImport.getByTestId('import-report').locator('.ant-statistic').nth(0)).toContainText(String(sampleCompanies().length));
  const lines = fs.readFileSync(SAMPLE_ENTERPRISES, 'utf8').split(/\r?\n/);
  const badRow = lines[1]!.replace(/^[^,]+,[^,]+,/, `${usccPair('91330108MA2B2B2B2').valid},坏数据示例有限公司,`).replace(/,\d{4}-\d{2}-\d{2},/, ',2021-13-45,');
  const badFile = testInfo.outputPath('bad.csv');
  fs.writeFileSync(badFile, `${lines[0]}\n${badRow}\n`);
  await companyImport.locator('input[type=file]').setInputFiles(badFile);
  await page.getByRole('button', { name: t('importUi.start') }).click();
  await expect(companyImport.getByTestId('import-report').locator('.ant-statistic').nth(2)).toContainText('1');
  await expect(companyImport.getByTestId('import-problems').getByRole('row').filter({ hasText: '2021-13-45' })).toContainText('成立日期');
  await shot(page, '08-enterprise-import');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: t('nav.signOut') }).click();

  // A business clerk finds a company by two characters of its name and reads its profile.
  await signIn(page, BUSINESS.username, BUSINESS.password, BUSINESS.displayName);
  await page.keyboard.press('Alt+5');
  const company = sampleCompanies()[0]!;
  const part = company.name.replace(/^(杭州|浙江)/, '').slice(0, 2);
  const lookup = page.getByRole('combobox', { name: t('profile.lookup') });
  await expect(lookup).toBeFocused();
  await page.keyboard.insertText(part);
  const option = page.getByTestId('enterprise-option').filter({ hasText: company.name });
  await expect(option).toBeVisible();
  await option.click();
  const profile = page.getByTestId('enterprise-profile');
  await expect(profile.getByTestId('profile-name')).toHaveText(company.name);
  await expect(profile.getByTestId('profile-data')).toContainText('万元');
  await expect(profile.getByTestId('profile-data')).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
  const ruleTag = profile.getByTestId('rule-tag').first();
  await ruleTag.hover();
  await expect(page.getByRole('tooltip')).toBeVisible();

  // a tag by hand: who set it is shown; then it is removed again
  await page.getByRole('textbox', { name: t('profile.tagName') }).fill('重点帮扶');
  await page.getByRole('textbox', { name: t('profile.tagNote') }).fill('区领导联系企业');
  await page.getByRole('button', { name: t('profile.addTag') }).click();
  const manual = profile.getByTestId('manual-tag').filter({ hasText: '重点帮扶' });
  await expect(manual).toContainText(BUSINESS.displayName);
  await shot(page, '04-enterprise-profile');
  await manual.getByRole('button', { name: t('profile.removeTag', { tag: '重点帮扶' }) }).click();
  await expect(manual).toHaveCount(0);

  // 政策匹配 from the profile: the matching page for that company.
  await profile.getByRole('button', { name: t('matching.button') }).click();
  await expect(page.locator('.ant-menu-item-selected')).toContainText(t('nav.matching'));
  await expect(page.getByTestId('match-enterprise-name')).toHaveText(company.name);

  // An item's qualifying companies (免申即享 candidates), exported to Excel.
  await page.keyboard.press('Alt+4');
  await page.getByRole('combobox', { name: t('policy.search') }).fill('研发费用');
  await page.getByTestId('policy-hit').first().click();
  const detail = page.locator('.ant-drawer-open').filter({ has: page.getByTestId('policy-title') });
  await detail.getByRole('button', { name: t('policyItem.companies') }).first().click();
  await expect(page.getByTestId('item-match-total')).toBeVisible();
  await expect(page.getByTestId('item-match-table')).toBeVisible();
  await shot(page, '09-item-companies');
  const exportButton = page.getByRole('button', { name: t('matching.exportExcel') });
  if (await exportButton.isEnabled()) {
    const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = testInfo.outputPath('companies.xlsx');
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  }
});
