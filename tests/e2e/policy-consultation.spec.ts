import fs from 'node:fs';
import { t } from '@shared/i18n';
import { test, expect } from './fixtures';
import { callApi } from './support/api';
import { signIn } from './support/ui';
import { BACKOFFICE, CLERK, HOTLINE, centreWith, chooseCategory, importSampleEnterprises, pdfText, sampleCompanies, shot } from './support/policy';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Text as it comes out of a PDF: no spaces or line breaks to trip over. */
const squash = (s: string) => s.replace(/\s+/g, '');

test('during a consultation the clerk links a policy found by two characters, copies its key points, saves, then prints the company’s 政策匹配清单', async ({ page, host }, testInfo) => {
  test.setTimeout(150_000);
  const sessions = await centreWith(host, [CLERK, BACKOFFICE]);
  await importSampleEnterprises(host, sessions[BACKOFFICE.username]!);

  // A company of the sample file with something to apply for (as the matching will show it).
  let company: { uscc: string; name: string } | undefined;
  for (const c of sampleCompanies()) {
    const m = await callApi(host, 'matchEnterprise', { uscc: c.uscc }, sessions[CLERK.username]);
    if (m.eligible.length > 0) {
      company = c;
      break;
    }
  }
  expect(company, 'a sample company with at least one eligible item').toBeTruthy();
  const { uscc, name } = company!;

  await page.goto(host.openUrl);
  await signIn(page, CLERK.username, CLERK.password, CLERK.displayName);
  await expect(page.getByTestId('consultation-table')).toBeVisible();

  // A new consultation: who asks, and what.
  const kb = page.keyboard;
  await kb.press('Control+n');
  await expect(page.getByLabel(t('field.uscc'))).toBeFocused();
  await kb.type(uscc);
  await kb.press('Tab');
  await kb.insertText(name);
  await page.getByLabel(t('field.question')).fill('公司新引进了两名博士，有哪些人才补贴可以申请？');
  await chooseCategory(page, t('category.talent'));

  // Alt+P: the policy search beside the form; two characters are enough.
  await kb.press('Alt+p');
  const search = page.getByRole('combobox', { name: t('link.search') });
  await expect(search).toBeFocused();
  await kb.insertText('人才');
  const panel = page.getByTestId('policy-link-panel');
  const hits = panel.getByRole('option');
  await expect(hits.first()).toBeVisible();
  await expect(hits.first().locator('mark').first()).toBeVisible(); // the hit is marked
  const policyTitle = (await hits.first().locator('.pd-result-title').innerText()).trim();
  await kb.press('ArrowDown');
  await expect(hits.first()).toHaveAttribute('aria-selected', 'true');
  await kb.press('Enter');

  // The policy opens as a choice: the whole policy or one of its items. ↓ to the first item, Enter links it.
  const options = panel.getByRole('listbox', { name: t('link.options') });
  await expect(options).toBeFocused();
  await expect(options.getByRole('option').nth(1)).toBeVisible();
  await kb.press('ArrowDown');
  await kb.press('ArrowDown');
  const itemOption = options.getByRole('option').nth(1);
  await expect(itemOption).toHaveAttribute('aria-selected', 'true');
  const itemName = (await itemOption.locator('.ant-typography').first().innerText()).trim();
  await kb.press('Enter');
  await expect(itemOption).toContainText(t('link.linked'));
  const linked = page.getByTestId('linked-policy');
  await expect(linked).toHaveCount(1);
  await expect(linked).toContainText(itemName);

  // Alt+K: the item's key points go into the answer.
  const policyId = (await callApi(host, 'policySearch', { query: '人才', limit: 10 }, sessions[CLERK.username])).hits.find((h) => h.title === policyTitle)!.id;
  const detail = await callApi(host, 'policyGet', { id: policyId }, sessions[CLERK.username]);
  const keyPoints = detail.items.find((i) => i.name === itemName)!.keyPoints;
  expect(keyPoints.length).toBeGreaterThan(0);
  await kb.press('Alt+k');
  const answer = page.getByLabel(t('field.answer'));
  await expect(answer).toHaveValue(new RegExp(escapeRe(keyPoints.slice(0, 12))));
  await shot(page, '03-consultation-form-with-links');

  // Save (Ctrl+Enter works from beside the form too); the record shows the linked policy.
  await kb.press('Control+Enter');
  await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
  const row = page.getByTestId('consultation-table').getByRole('row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await row.click();
  const links = page.getByTestId('consultation-policy-links');
  await expect(links).toContainText(policyTitle);
  await expect(links).toContainText(itemName);
  await expect(page.locator('.ant-drawer-open')).toContainText(keyPoints.slice(0, 12));
  await shot(page, '03b-consultation-detail');

  // 政策匹配 for the company, from the consultation.
  await page.getByRole('button', { name: t('matching.button') }).click();
  const match = page.getByTestId('enterprise-match');
  await expect(match.getByTestId('match-enterprise-name')).toHaveText(name);
  const eligible = match.getByTestId('match-eligible');
  await expect(eligible.getByTestId('item-match').first()).toBeVisible();
  await expect(eligible.getByTestId('check-met').first()).toBeVisible();
  const shownItems = (await eligible.getByTestId('item-match-name').allInnerTexts()).map((s) => s.trim());
  expect(shownItems.length).toBeGreaterThan(0);
  await shot(page, '05-matching');

  // 打印匹配清单: the PDF is previewed in the page, and downloads as a file with the company and its items.
  await match.getByRole('button', { name: t('matching.printList') }).click();
  const preview = page.getByRole('dialog').filter({ has: page.getByTestId('pdf-preview') });
  // (the PDF is typeset with an embedded Chinese font: a few seconds, more on a busy machine)
  await expect(preview.getByTestId('pdf-preview')).toBeVisible({ timeout: 45_000 });
  await expect(preview.getByTestId('pdf-preview')).toHaveAttribute('src', /^blob:/);
  await page.waitForTimeout(1000); // let the viewer draw, for the screenshot
  await shot(page, '06-pdf-preview');
  const [download] = await Promise.all([page.waitForEvent('download'), preview.getByRole('button', { name: t('pdf.download') }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const file = testInfo.outputPath('match-list.pdf');
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const text = squash(pdfText(file));
  expect(text).toContain(squash(name));
  expect(shownItems.some((item) => text.includes(squash(item))), `one of ${shownItems.join('、')} in the PDF`).toBe(true);
});

test('a hotline operator links a policy while on the phone; the call record keeps it', async ({ page, host }) => {
  test.setTimeout(100_000);
  await centreWith(host, [HOTLINE]);
  await page.goto(host.openUrl);
  await signIn(page, HOTLINE.username, HOTLINE.password, HOTLINE.displayName);
  await expect(page.getByRole('button', { name: t('hotline.newCall') })).toBeVisible();

  const kb = page.keyboard;
  await kb.press('Control+n');
  await expect(page.getByLabel(t('field.callerNumber'))).toBeFocused();
  await kb.type('13800138000');
  await page.getByLabel(t('field.question')).fill('出口信用保险的保费有补贴吗？');
  await chooseCategory(page, t('category.subsidy'));

  // Alt+P, two characters, Enter on the first policy, Enter on 整条政策.
  await kb.press('Alt+p');
  await expect(page.getByRole('combobox', { name: t('link.search') })).toBeFocused();
  await kb.insertText('保费');
  const panel = page.getByTestId('policy-link-panel');
  await expect(panel.getByRole('option').first()).toBeVisible();
  const title = (await panel.getByRole('option').first().locator('.pd-result-title').innerText()).trim();
  await kb.press('Enter');
  await expect(panel.getByRole('listbox', { name: t('link.options') })).toBeFocused();
  await kb.press('Enter');
  await expect(page.getByTestId('linked-policy')).toContainText(title);
  // Alt+K: for a whole policy, its interpretation's key points
  await kb.press('Alt+k');
  await expect(page.getByLabel(t('field.answer'))).toHaveValue(new RegExp(`^【${escapeRe(title)}】`));
  await shot(page, '10-hotline-call-with-links');

  await kb.press('Control+Enter');
  const row = page.getByTestId('today-calls').getByRole('row').filter({ hasText: '13800138000' });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByTestId('consultation-policy-links')).toContainText(title);
});
