import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { Role } from '@shared/accounts/roles';
import { t } from '@shared/i18n';
import type { RunningHost } from '../../helpers/web-host-process';
import { callApi, createStaff, setUpCentre } from './api';
import { formItem } from './ui';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const SAMPLE_ENTERPRISES = path.join(ROOT, 'resources/enterprises/sample-enterprises.csv');

export interface Account {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
}

export const CLERK: Account = { username: 'ck01', displayName: '陈窗口', password: 'Counter2026', roles: ['counter'] };
export const BACKOFFICE: Account = { username: 'bo01', displayName: '周后台', password: 'Backoffice2026', roles: ['backoffice'] };
export const HOTLINE: Account = { username: 'hl01', displayName: '李热线', password: 'Hotline2026', roles: ['hotline'] };
export const BUSINESS: Account = { username: 'yw01', displayName: '孙业务', password: 'Business2026', roles: ['business'] };

/** A centre with its administrator and these accounts; returns each account's own API session. */
export async function centreWith(host: RunningHost, accounts: Account[]): Promise<Record<string, string>> {
  const admin = await setUpCentre(host);
  const sessions: Record<string, string> = { admin };
  for (const a of accounts) {
    await createStaff(host, admin, { username: a.username, displayName: a.displayName, password: a.password, roles: a.roles });
    sessions[a.username] = (await callApi(host, 'signIn', { username: a.username, password: a.password })).sessionId;
  }
  return sessions;
}

/** resources/enterprises/sample-enterprises.csv into the enterprise cache, as the back office does. */
export async function importSampleEnterprises(host: RunningHost, session: string) {
  const report = await callApi(host, 'enterpriseImport', { fileName: 'sample-enterprises.csv', contentBase64: fs.readFileSync(SAMPLE_ENTERPRISES).toString('base64') }, session);
  expect(report.created + report.updated, 'sample enterprises imported').toBeGreaterThan(0);
  return report;
}

/** RFC 4180 fields of one CSV line (the sample has no line breaks inside fields). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The companies of the sample CSV: code and name, in file order. */
export function sampleCompanies(): { uscc: string; name: string }[] {
  const lines = fs.readFileSync(SAMPLE_ENTERPRISES, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim());
  const header = csvFields(lines[0]!);
  const iu = header.findIndex((h) => h.includes('统一社会信用代码'));
  const iname = header.findIndex((h) => h.includes('企业名称'));
  return lines.slice(1).map((l) => csvFields(l)).map((f) => ({ uscc: f[iu]!.trim(), name: f[iname]!.trim() })).filter((c) => c.uscc.length === 18);
}

/** The text of a PDF, by poppler's pdftotext (poppler-utils); fails the test if it is not installed. */
export function pdfText(file: string): string {
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new Error('pdftotext is missing: install poppler-utils (apt-get install poppler-utils)');
    throw e;
  }
}

/** Screenshots for review, only when SHOTS_DIR is set (e.g. SHOTS_DIR=/tmp/shots3). */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/** The category select filters as you type; Enter takes the match. */
export async function chooseCategory(page: Page, category: string): Promise<void> {
  const select = page.getByLabel(t('field.category'));
  await select.fill(category);
  await select.press('Enter');
  await expect(formItem(page, t('field.category'))).toContainText(category);
}

/** No error shown: no alert in the page and no error message toast. */
export async function expectNoErrorShown(page: Page): Promise<void> {
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.ant-message-error')).toHaveCount(0);
}
