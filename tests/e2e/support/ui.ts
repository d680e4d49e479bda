import { expect, type Page } from '@playwright/test';
import { t } from '@shared/i18n';

/** Signs in through the sign-in screen and waits for the work screen. */
export async function signIn(page: Page, username: string, password: string, displayName: string): Promise<void> {
  await page.getByLabel(t('field.username')).fill(username);
  await page.getByLabel(t('field.password')).fill(password);
  await page.getByRole('button', { name: t('signIn.submit') }).click();
  await expectSignedIn(page, displayName);
}

/**
 * The work screen shows who is signed in. Signing in hashes the password (scrypt, deliberately
 * slow) and loads the first page: on a shared 2-core machine under load that took over 10 s once,
 * so this waits longer than other checks. It is not a speed check.
 */
export async function expectSignedIn(page: Page, displayName: string): Promise<void> {
  await expect(page.getByTestId('staff-name')).toHaveText(displayName, { timeout: 30_000 });
}

/** The antd Form.Item around a labelled field, to read the message under it. */
export const formItem = (page: Page, label: string) => page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
