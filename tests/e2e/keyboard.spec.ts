import { t } from '@shared/i18n';
import { test, expect } from './fixtures';
import { createStaff, setUpCentre } from './support/api';
import { signIn } from './support/ui';

test('F1 lists the shortcuts and Esc closes the list; Alt+1/2/3, Ctrl+F and Ctrl+N work', async ({ page, host }) => {
  const admin = await setUpCentre(host);
  await createStaff(host, admin, { username: 'mix01', displayName: '周综合', password: 'Mixed2026ok', roles: ['counter', 'hotline'] });
  await page.goto(host.openUrl);
  await signIn(page, 'mix01', 'Mixed2026ok', '周综合');

  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: t('shortcuts.title') });
  await expect(help).toBeVisible();
  for (const key of ['shortcuts.new', 'shortcuts.save', 'shortcuts.cancel', 'shortcuts.search', 'shortcuts.nav', 'shortcuts.help'] as const) {
    await expect(help).toContainText(t(key));
  }
  await expect(help).toContainText('Ctrl+N');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  const selected = page.locator('.ant-menu-item-selected');
  await page.keyboard.press('Alt+2');
  await expect(selected).toContainText(t('nav.hotline'));
  await expect(page.getByRole('button', { name: t('hotline.newCall') })).toBeVisible();
  await page.keyboard.press('Alt+3');
  await expect(selected).toContainText(t('nav.tickets'));
  // the menu entry has the same words: look for the page's own title
  await expect(page.getByRole('main').getByText(t('ticket.title'), { exact: true })).toBeVisible();
  await page.keyboard.press('Alt+1');
  await expect(selected).toContainText(t('nav.consultations'));
  await expect(page.getByRole('button', { name: t('consult.newButton') })).toBeVisible();

  await page.keyboard.press('Control+f');
  await expect(page.getByRole('textbox', { name: t('common.search') })).toBeFocused();

  await page.keyboard.press('Control+n');
  const drawer = page.getByRole('dialog', { name: t('consult.new') });
  await expect(drawer).toBeVisible();
  await expect(page.getByLabel(t('field.uscc'))).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
});
