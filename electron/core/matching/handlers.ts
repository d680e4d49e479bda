import { loadExcel } from '../lazy-libs';
import { AppError } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { effectiveCondition } from '@shared/matching/compile';
import { chinaDate } from '@shared/time/china-time';
import type { CoreEnv, Handlers } from '../api/handler-types';
import { signedIn } from '../api/handler-types';
import { recordChange } from '../db/record-change';
import { renderMatchList } from '../documents/match-list';
import { PolicyReader, toItemView, type ItemRow } from '../policies/policy-read';
import type { EnterpriseProfiles } from './enterprise-profiles';
import type { MatchIndex } from './match-index';
import { enterpriseSummaries, matchOneEnterprise, profileByUscc } from './match-service';

/** What matching keeps in memory: the claimable items, and every company's profile of the day. */
export interface MatchCaches {
  items: MatchIndex;
  profiles: EnterpriseProfiles;
}

export function matchingHandlers(env: CoreEnv, caches: MatchCaches, resourcesDir: string): Pick<Handlers, 'matchEnterprise' | 'matchListPdf' | 'matchItem' | 'matchItemExport'> {
  const reader = new PolicyReader(env.db);
  const today = () => chinaDate(env.now());

  const profiled = (uscc: string, on: string) => profileByUscc(env.db, uscc, on);
  const audit = (staffId: string, action: string, entityId: string, detail: Record<string, unknown>) =>
    env.db.transaction(() => recordChange(env, { entity: 'enterprise', entityId, action, staffId, detail }))();

  const itemAndPolicy = (itemId: string, on: string) => {
    const row = env.db.prepare('SELECT * FROM policy_items WHERE id = ?').get(itemId) as ItemRow | undefined;
    if (!row) throw new AppError('NOT_FOUND');
    const policy = reader.summary(row.policy_id, on)!;
    const region = env.db.prepare('SELECT region_code FROM policies WHERE id = ?').pluck().get(row.policy_id) as string;
    const item = toItemView(row, on, policy.status === 'active');
    return { item, policy, condition: effectiveCondition(item.conditions, region) };
  };

  async function matchPdf(uscc: string, staff: { id: string; displayName: string }) {
    const on = today();
    const match = matchOneEnterprise(caches.items, profiled(uscc, on), on);
    const centreName = (env.db.prepare("SELECT value FROM meta WHERE key = 'centre_name'").pluck().get() as string | undefined) ?? '';
    const bytes = await renderMatchList(resourcesDir, { centreName, staffName: staff.displayName, printedAt: env.now(), match });
    audit(staff.id, 'print_match_list', uscc, { eligible: match.totals.eligible });
    return { fileName: `${t('doc.match.title')}-${match.enterprise.name}-${on}.pdf`, mimeType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
  }

  return {
    matchEnterprise({ uscc, on }, caller) {
      const staff = signedIn(caller);
      const date = on ?? today();
      const result = matchOneEnterprise(caches.items, profiled(uscc, date), date);
      audit(staff.id, 'match', uscc, { on: date, eligible: result.totals.eligible });
      return result;
    },

    matchListPdf: ({ uscc }, caller) => matchPdf(uscc, signedIn(caller)),

    matchItem({ itemId, limit }) {
      const on = today();
      const { item, policy, condition } = itemAndPolicy(itemId, on);
      const rids = caches.profiles.qualifying(condition, on);
      return { item, policy, total: rids.length, companies: [...enterpriseSummaries(env.db, rids.slice(0, limit))] };
    },

    async matchItemExport({ itemId }, caller) {
      const staff = signedIn(caller);
      const on = today();
      const { item, policy, condition } = itemAndPolicy(itemId, on);
      const ExcelJS = await loadExcel();
      const book = new ExcelJS.Workbook();
      book.creator = 'PolicyDesk';
      const sheet = book.addWorksheet(t('match.export.sheet'));
      sheet.addRow([`${policy.title} — ${item.name}`]).font = { bold: true, size: 13 };
      sheet.addRow([t('match.export.basis', { date: on, n: '' })]);
      const header = sheet.addRow([t('field.uscc'), t('field.enterpriseName'), t('match.export.legalRep'), t('match.export.region'), t('match.export.industry')]);
      header.font = { bold: true };
      let n = 0;
      for (const c of enterpriseSummaries(env.db, caches.profiles.qualifying(condition, on))) {
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
