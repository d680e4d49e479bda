import type { Locator, Page } from '@playwright/test';
import { t } from '@shared/i18n';
import { test, expect } from './fixtures';
import { signIn } from './support/ui';
import { CLERK, centreWith, expectNoErrorShown, shot } from './support/policy';

/** The number in “共 n 条政策”, once the list has answered. */
async function total(page: Page): Promise<number> {
  const el = page.getByTestId('policy-total');
  await expect(el).toHaveText(/\d/);
  return Number((await el.innerText()).replace(/[^\d]/g, ''));
}

/** Waits until the list has settled on the query typed (nothing pending) and returns the total. */
async function settled(page: Page): Promise<number> {
  await expect(page.getByRole('listbox', { name: t('policy.results') }).or(page.getByTestId('policy-empty'))).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  return total(page);
}

const tagsOf = (hit: Locator, testId: string) => hit.getByTestId(testId).allInnerTexts();

test('policy search: narrows as you type, keyboard through the results, filters combine, hostile input is harmless', async ({ page, host }) => {
  test.setTimeout(120_000);
  await centreWith(host, [CLERK]);
  await page.goto(host.openUrl);
  await signIn(page, CLERK.username, CLERK.password, CLERK.displayName);

  // Alt+4: 政策检索, the search box has the focus and the whole library is listed.
  await page.keyboard.press('Alt+4');
  await expect(page.locator('.ant-menu-item-selected')).toContainText(t('nav.policies'));
  const search = page.getByRole('combobox', { name: t('policy.search') });
  await expect(search).toBeFocused();
  const all = await settled(page);
  expect(all).toBeGreaterThanOrEqual(40);

  // Search as you type: each character narrows (or keeps) the list; what matched is marked.
  let before = all;
  for (const q of ['研', '研发', '研发费用']) {
    await search.fill(q);
    const n = await settled(page);
    expect(n, `“${q}”`).toBeLessThanOrEqual(before);
    expect(n, `“${q}”`).toBeGreaterThan(0);
    before = n;
  }
  await expect(page.getByTestId('policy-hit').first().locator('mark').first()).toContainText(/研发/);
  await shot(page, '01-policy-search');

  // ↓ ↓ Enter opens the second result; Esc closes it and the cursor is back in the search box.
  await search.fill('补贴');
  await settled(page);
  const second = page.getByTestId('policy-hit').nth(1);
  const title = (await second.locator('.pd-result-title').innerText()).trim();
  await search.press('ArrowDown');
  await search.press('ArrowDown');
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  const drawer = page.locator('.ant-drawer-open').filter({ has: page.getByTestId('policy-title') });
  await expect(drawer.getByTestId('policy-title')).toHaveText(title);
  await expect(drawer.getByTestId('policy-item').first()).toBeVisible();
  await expect(drawer.getByTestId('item-materials').first()).toBeVisible();
  await shot(page, '02-policy-detail');
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await expect(search).toBeFocused();

  // Filters combine with each other (and within a group, any of the ticked).
  await search.fill('');
  expect(await settled(page)).toBe(all);
  await page.getByRole('checkbox', { name: t('policyCategory.award') }).check();
  const awards = await settled(page);
  expect(awards).toBeGreaterThan(0);
  expect(awards).toBeLessThan(all);
  for (const hit of await page.getByTestId('policy-hit').all()) expect(await tagsOf(hit, 'policy-category')).toEqual([t('policyCategory.award')]);

  await page.getByRole('checkbox', { name: t('policyLevel.district') }).check();
  const districtAwards = await settled(page);
  expect(districtAwards).toBeGreaterThan(0);
  expect(districtAwards).toBeLessThanOrEqual(awards);
  for (const hit of await page.getByTestId('policy-hit').all()) {
    expect(await tagsOf(hit, 'policy-category')).toEqual([t('policyCategory.award')]);
    expect(await tagsOf(hit, 'policy-level')).toEqual([t('policyLevel.district')]);
  }

  await page.getByRole('checkbox', { name: t('policyStatus.active') }).check();
  const active = await settled(page);
  expect(active).toBeLessThanOrEqual(districtAwards);
  for (const hit of await page.getByTestId('policy-hit').all()) expect(await tagsOf(hit, 'policy-status')).toEqual([t('policyStatus.active')]);

  await page.getByRole('switch', { name: t('policy.filter.open') }).click();
  const open = await settled(page);
  expect(open).toBeLessThanOrEqual(active);
  for (const hit of await page.getByTestId('policy-hit').all()) await expect(hit).toContainText(t('policy.open'));

  // with a query too: the query narrows within the filters
  await search.fill('补贴');
  expect(await settled(page)).toBeLessThanOrEqual(open);
  await shot(page, '01b-policy-search-filters');

  await page.getByRole('button', { name: t('policy.filter.clear') }).click();
  await search.fill('');
  expect(await settled(page)).toBe(all);

  // Search syntax in the box is just text: results or the empty state, never an error.
  for (const hostile of ['"补贴 AND (*', 'NEAR(人才', '*', '"', ')(', '补贴 OR', "'; DROP TABLE policies; --", '^人才$', '{}[]']) {
    await search.fill(hostile);
    await settled(page);
    await expectNoErrorShown(page);
  }
});
