import { t } from '@shared/i18n';
import { createEnrolCode } from '../../server/devices/enrolment';
import { startTestCentral, type TestCentral } from '../helpers/central';
import { SwitchableLink } from '../integration/sync/switchable-link';
import { test, expect } from './fixtures';
import { ADMIN, callApi, createStaff, setUpCentre } from './support/api';
import { signIn } from './support/ui';
import { missingTool } from '../helpers/tools';

// Sync and 日结 through the UI, keyboard only, against the real centre on loopback (PGlite in a
// temp folder) reached through a link the test can cut: enrolment by the administrator, the status
// bar on every page (在线 / 离线, what waits), 立即同步, 日结 with its report, the centre stopped.

const CLERK = { username: 'ck01', displayName: '陈窗口', password: 'Counter2026' };
const SHOTS = process.env.SCREENSHOTS_DIR;

let centre: TestCentral | undefined;
let link: SwitchableLink | undefined;

test.afterEach(async () => {
  await link?.down();
  await centre?.close();
  centre = undefined;
  link = undefined;
});

test('the status bar, 立即同步 and 日结 with the real centre, by keyboard; the centre stopped shows 离线', async ({ page, host }) => {
  test.setTimeout(150_000);
  centre = await startTestCentral('pglite');
  link = new SwitchableLink({ host: '127.0.0.1', port: centre.central.port });
  await link.up();
  const admin = await setUpCentre(host);
  await createStaff(host, admin, { ...CLERK, roles: ['counter'] });
  const clerk = (await callApi(host, 'signIn', { username: CLERK.username, password: CLERK.password })).sessionId;

  await page.goto(host.openUrl);
  await signIn(page, ADMIN.username, ADMIN.password, ADMIN.displayName);
  const bar = page.getByTestId('sync-bar');
  await expect(bar.getByTestId('sync-state')).toHaveText(t('sync.state.not_enrolled'));

  // Alt+0 opens the sync page; the administrator enrols this workstation with the centre's code
  const kb = page.keyboard;
  await kb.press('Alt+0');
  const enrol = page.getByTestId('sync-enrol');
  await expect(enrol).toBeVisible();
  const { code } = await createEnrolCode(centre.central.db, { departments: [], ttlHours: 1 });
  await enrol.getByLabel(t('sync.ui.centreUrl')).focus();
  await kb.insertText(link.url);
  await kb.press('Tab');
  await kb.insertText(code);
  await kb.press('Tab');
  await kb.insertText('3号窗口');
  await kb.press('Enter');
  await expect(bar.getByTestId('sync-state')).toHaveText(t('sync.state.online'));
  await expect(page.getByTestId('sync-status')).toContainText(link.url);

  // the centre out of reach while the clerk works: the records wait, the bar says why
  await link.down();
  for (const question of ['人才公寓怎么申请？', '高新技术企业认定的条件？']) {
    await callApi(host, 'consultationCreate', { question, category: 'talent', result: 'answered', answer: '可在人才服务平台在线申请。' }, clerk);
  }
  const syncNow = page.getByTestId('sync-now');
  await syncNow.focus();
  await kb.press('Enter');
  await expect(bar.getByTestId('sync-state')).toHaveText(t('sync.state.offline'));
  await expect(bar.getByTestId('sync-waiting')).toHaveText(t('sync.ui.waiting', { n: 2 }));
  await expect(bar.getByTestId('sync-error')).toContainText('连不上中心平台');

  // the centre back: 立即同步 sends them
  await link.up();
  await expect(syncNow).toBeFocused();
  await kb.press('Enter');
  await expect(bar.getByTestId('sync-state')).toHaveText(t('sync.state.online'));
  await expect(bar.getByTestId('sync-waiting')).toHaveText(t('sync.ui.waiting', { n: 0 }));
  await expect(bar.getByTestId('sync-error')).toHaveCount(0);
  await expect(page.getByTestId('sync-page-waiting')).toHaveText('0');

  // 日结: the next stop after 立即同步; the verdict, the counts, then the report (focus moves to it)
  await kb.press('Tab');
  await expect(page.getByTestId('day-close-run')).toBeFocused();
  await kb.press('Enter');
  const result = page.getByTestId('day-close-result');
  await expect(result.getByTestId('day-close-verdict')).toHaveText(t('sync.dayClose.matched'), { timeout: 30_000 });
  const row = result.getByTestId('day-close-tallies').getByRole('row').filter({ hasText: t('sync.entity.consultation') });
  await expect(row).toContainText('22');
  await expect(row).toContainText(t('sync.dayClose.same'));
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/sync-day-close.png` });
  await expect(page.getByTestId('day-close-preview')).toBeFocused();
  await kb.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(t('doc.dayReport.title'));
  await expect(dialog.getByTestId('pdf-preview')).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/sync-report.png` });
  await kb.press('Escape');
  await expect(dialog).toHaveCount(0);

  // printed on the printer 打印设置 names for the 日结报表 (CUPS-PDF here), the button next to the preview
  if (!missingTool('lp', 'cups')) {
    const settings = await callApi(host, 'printSettingsGet', {}, admin);
    await callApi(host, 'printSettingsSet', { ...settings, documents: { ...settings.documents, 'day-report': { ...settings.documents['day-report'], printer: 'PolicyDesk-PDF' } } }, admin);
    await page.getByTestId('day-close-preview').focus();
    await kb.press('Tab');
    await expect(page.getByTestId('day-close-print')).toBeFocused();
    await kb.press('Enter');
    await expect(page.getByText(t('sync.dayClose.printed', { printer: 'PolicyDesk-PDF' }))).toBeVisible({ timeout: 30_000 });
  }

  // the centre stopped: the next sync says 离线, on every page
  await link.down();
  await centre.close();
  centre = undefined;
  await syncNow.focus();
  await kb.press('Enter');
  await expect(bar.getByTestId('sync-state')).toHaveText(t('sync.state.offline'));
  await kb.press('Alt+4');
  await expect(bar.getByTestId('sync-state')).toHaveText(t('sync.state.offline'));
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/sync-offline.png` });
});
