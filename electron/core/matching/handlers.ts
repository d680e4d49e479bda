import ExcelJS from 'exceljs';
import { AppError } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { chinaDate } from '@shared/time/china-time';
import { matchingProfile, type CertificateLike } from '@shared/enterprises/profile-rules';
import type { CoreEnv, Handlers } from '../api/handler-types';
import { signedIn } from '../api/handler-types';
import { recordChange } from '../db/record-change';
import { renderMatchList } from '../documents/match-list';
import { getEnterpriseRow, manualTags, type EnterpriseRow } from '../enterprises/enterprise-store';
import { PolicyReader, toItemView, type ItemRow } from '../policies/policy-read';
import type { MatchIndex } from './match-index';
import { matchOneEnterprise, qualifyingEnterprises, type ProfiledEnterprise } from './match-service';

/**
 * A company's matching profile straight from its row: the values and tag names the conditions read.
 * (No zod here: the row was validated on import, and one item is checked against 500,000 rows.)
 */
export function profiledFromRow(r: EnterpriseRow, manual: readonly string[], on: string): ProfiledEnterprise {
  const data = {
    regionCode: r.region_code, industryCode: r.industry_code, registrationDate: r.registration_date,
    registeredCapital: r.registered_capital, employees: r.employees, revenue: r.revenue, totalAssets: r.total_assets,
    rndExpense: r.rnd_expense, taxPaid: r.tax_paid, certificates: JSON.parse(r.certificates) as CertificateLike[],
  };
  const { values, tagNames } = matchingProfile(data, on);
  return {
    summary: { uscc: r.uscc, name: r.name, regionCode: r.region_code, industryCode: r.industry_code, legalRep: r.legal_rep },
    profile: { values, tags: new Set([...tagNames, ...manual]) },
  };
}

export function matchingHandlers(env: CoreEnv, index: MatchIndex, resourcesDir: string): Pick<Handlers, 'matchEnterprise' | 'matchListPdf' | 'matchItem' | 'matchItemExport'> {
  const reader = new PolicyReader(env.db);
  const today = () => chinaDate(env.now());

  const profiled = (uscc: string, on: string) => {
    const row = getEnterpriseRow(env.db, uscc);
    if (!row) throw new AppError('NOT_FOUND');
    return profiledFromRow(row, manualTags(env.db, uscc).map((m) => m.tag), on);
  };
  const audit = (staffId: string, action: string, entityId: string, detail: Record<string, unknown>) =>
    env.db.transaction(() => recordChange(env, { entity: 'enterprise', entityId, action, staffId, detail }))();

  const itemAndPolicy = (itemId: string, on: string) => {
    const row = env.db.prepare('SELECT * FROM policy_items WHERE id = ?').get(itemId) as ItemRow | undefined;
    if (!row) throw new AppError('NOT_FOUND');
    const policy = reader.summary(row.policy_id, on)!;
    return { item: toItemView(row, on, policy.status === 'active'), policy };
  };
  const qualifying = (conditions: ReturnType<typeof itemAndPolicy>['item']['conditions'], on: string) => {
    const manual = env.db.prepare('SELECT tag FROM enterprise_tags WHERE uscc = ?').pluck();
    const needsManual = JSON.stringify(conditions ?? {}).includes('"tag"');
    return qualifyingEnterprises(env.db, conditions, on, (r) =>
      profiledFromRow(r as unknown as EnterpriseRow, needsManual ? (manual.all(r.uscc) as string[]) : [], on),
    );
  };

  async function matchPdf(uscc: string, staff: { id: string; displayName: string }) {
    const on = today();
    const match = matchOneEnterprise(env.db, index, profiled(uscc, on), on);
    const centreName = (env.db.prepare("SELECT value FROM meta WHERE key = 'centre_name'").pluck().get() as string | undefined) ?? '';
    const bytes = await renderMatchList(resourcesDir, { centreName, staffName: staff.displayName, printedAt: env.now(), match });
    audit(staff.id, 'print_match_list', uscc, { eligible: match.eligible.length });
    return { fileName: `${t('doc.match.title')}-${match.enterprise.name}-${on}.pdf`, mimeType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
  }

  return {
    matchEnterprise({ uscc, on }, caller) {
      const staff = signedIn(caller);
      const date = on ?? today();
      const result = matchOneEnterprise(env.db, index, profiled(uscc, date), date);
      audit(staff.id, 'match', uscc, { on: date, eligible: result.eligible.length });
      return result;
    },

    matchListPdf: ({ uscc }, caller) => matchPdf(uscc, signedIn(caller)),

    matchItem({ itemId, limit }) {
      const on = today();
      const { item, policy } = itemAndPolicy(itemId, on);
      const companies = [];
      let total = 0;
      for (const c of qualifying(item.conditions, on)) if (total++ < limit) companies.push(c);
      return { item, policy, total, companies };
    },

    async matchItemExport({ itemId }, caller) {
      const staff = signedIn(caller);
      const on = today();
      const { item, policy } = itemAndPolicy(itemId, on);
      const book = new ExcelJS.Workbook();
      book.creator = 'PolicyDesk';
      const sheet = book.addWorksheet(t('match.export.sheet'));
      sheet.addRow([`${policy.title} — ${item.name}`]).font = { bold: true, size: 13 };
      sheet.addRow([t('match.export.basis', { date: on, n: '' })]);
      const header = sheet.addRow([t('field.uscc'), t('field.enterpriseName'), t('match.export.legalRep'), t('match.export.region'), t('match.export.industry')]);
      header.font = { bold: true };
      let n = 0;
      for (const c of qualifying(item.conditions, on)) {
        sheet.addRow([c.uscc, c.name, c.legalRep, c.regionCode ?? '', c.industryCode ?? '']);
        n++;
      }
      sheet.getRow(2).getCell(1).value = t('match.export.basis', { date: on, n });
      sheet.columns.forEach((col, i) => (col.width = [22, 36, 12, 12, 12][i]));
      const bytes = await book.xlsx.writeBuffer();
      audit(staff.id, 'export_item_matches', itemId, { count: n });
      return {
        fileName: `${t('match.export.fileName', { item: item.name })}-${on}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        base64: Buffer.from(bytes as ArrayBuffer).toString('base64'),
      };
    },
  };
}
