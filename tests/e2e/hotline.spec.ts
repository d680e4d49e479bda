import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { test, expect } from './fixtures';
import { createStaff, setUpCentre } from './support/api';
import { simpleDueDate } from './support/calendar';
import { formItem, signIn } from './support/ui';
import type { Page } from '@playwright/test';

const OPERATOR = { username: 'hl01', displayName: '李热线', password: 'Hotline2026' };
const CALLER = '13800138000';

/** The category select filters as you type; Enter takes the match. */
async function chooseCategory(page: Page, category: string) {
  const select = page.getByLabel(t('field.category'));
  await select.fill(category);
  await select.press('Enter');
  await expect(formItem(page, t('field.category'))).toContainText(category);
}

test('a hotline operator takes two calls from one number, the second becomes a ticket and a return call closes it', async ({ page, host }) => {
  const admin = await setUpCentre(host);
  await createStaff(host, admin, { ...OPERATOR, roles: ['hotline'] });
  await page.goto(host.openUrl);
  await signIn(page, OPERATOR.username, OPERATOR.password, OPERATOR.displayName);
  await expect(page.locator('.ant-menu-item-selected')).toContainText(t('nav.hotline'));
  await expect(page.getByRole('button', { name: t('hotline.newCall') })).toBeVisible();

  // First call: answered on the spot.
  await page.keyboard.press('Control+n');
  const timer = page.getByTestId('call-timer');
  await expect(timer).toHaveText(/^00:0\d$/);
  const number = page.getByLabel(t('field.callerNumber'));
  await expect(number).toBeFocused();
  await expect(timer).not.toHaveText('00:00'); // the clock runs
  await page.keyboard.type(CALLER);
  const history = page.getByTestId('history-panel');
  await expect(history).toContainText(t('hotline.noHistory'));
  await page.getByLabel(t('field.question')).fill('高新技术企业认定的申报时间？');
  await chooseCategory(page, t('category.qualification'));
  await page.getByLabel(t('field.answer')).fill('今年第二批申报截至 9 月 30 日，请关注科技局通知。');
  await page.keyboard.press('Control+Enter');
  const ended = page.getByRole('status');
  await expect(ended).toContainText(t('hotline.saved', { duration: '' }).slice(0, 6));
  await expect(timer).toHaveCount(0);
  await expect(page.getByTestId('today-calls')).toContainText('高新技术企业认定');

  // Second call from the same number: the first one shows up at once.
  await page.keyboard.press('Control+n');
  await expect(number).toBeFocused();
  await page.keyboard.type(CALLER);
  await expect(history.getByTestId('caller-history')).toContainText('高新技术企业认定的申报时间？');
  await expect(history).toContainText(t('result.answered'));
  await page.getByLabel(t('field.enterpriseName')).fill('杭州热线示例有限公司');
  await page.getByLabel(t('field.question')).fill('研发补助资金什么时候到账？');
  await chooseCategory(page, t('category.subsidy'));
  await page.getByRole('radio', { name: t('result.reply_needed') }).check();
  await expect(page.getByRole('radio', { name: t('complexity.simple') })).toBeChecked();
  const due = simpleDueDate();
  await expect(page.getByTestId('computed-due')).toHaveText(t('consult.dueDefault', { date: formatChineseDate(due) }));
  await page.getByRole('button', { name: t('hotline.endCall') }).click();

  await expect(ended).toContainText(formatChineseDate(due));
  const ticketNo = /GD-\d{8}-[0-9A-Z]{4}-\d{3}/.exec((await ended.textContent()) ?? '')?.[0];
  expect(ticketNo).toBeTruthy();

  // 我的工单: the ticket is there, due soon.
  await page.keyboard.press('Alt+3');
  const tickets = page.getByTestId('ticket-table');
  const row = tickets.getByRole('row').filter({ hasText: ticketNo! });
  await expect(row).toContainText(CALLER);
  await expect(row).toContainText(formatChineseDate(due));
  await expect(row).toContainText(t('ticket.dueSoon'));

  // Return call: resolved → the ticket is closed.
  await row.click();
  await expect(page.getByTestId('ticket-detail')).toContainText(t('ticket.event.created'));
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: t('ticket.returnCallTitleNo', { ticketNo: ticketNo! }) });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: t('ticket.outcome.resolved') }).check();
  await dialog.getByLabel(t('field.note'), { exact: false }).fill('已告知到账时间，企业满意。');
  await dialog.getByRole('button', { name: t('common.saveHint') }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveCount(0);
  await expect(tickets).toContainText(t('ticket.none'));

  await page.getByLabel(t('ticket.showClosed')).check();
  await expect(row).toContainText(t('ticket.status.closed'));
  await row.click();
  const detail = page.getByTestId('ticket-detail');
  await expect(detail).toContainText(t('ticket.outcome.resolved'));
  await expect(detail).toContainText('已告知到账时间');
  await expect(detail).toContainText(t('ticket.event.closed'));
});
