import { AppError } from '@shared/api/errors';
import type { EnterpriseProfile } from '@shared/enterprises/api-schemas';
import { buildProfile } from '@shared/enterprises/profile-rules';
import type { ProfileTag } from '@shared/enterprises/schemas';
import { t } from '@shared/i18n';
import { chinaDate } from '@shared/time/china-time';
import type { CoreEnv, Handlers } from '../api/handler-types';
import { signedIn } from '../api/handler-types';
import { recordChange } from '../db/record-change';
import { lookupEnterprises } from './enterprise-lookup';
import { deleteManualTag, getEnterpriseRow, manualTags, putManualTag, toEnterpriseData, type ManualTagRow } from './enterprise-store';
import { importEnterpriseFile } from './import-enterprises';

// 企业 and 企业画像. The enterprise data belongs to the centre: imports and manual tags are audited,
// manual tags also go to the centre (outbox); every look at a company's profile leaves an audit
// row ('view'), as 等保 2.0 asks of access to company data.

const toProfileTag = (m: ManualTagRow): ProfileTag => ({
  tag: m.tag, source: 'manual', reason: m.note, setBy: m.set_by_name ?? m.set_by, setAt: m.set_at,
});

/** `changed` is told when companies or hand-set tags change (matching keeps profiles in memory). */
export function enterpriseHandlers(env: CoreEnv, changed: () => void = () => {}): Pick<Handlers, 'enterpriseLookup' | 'enterpriseGet' | 'enterpriseImport' | 'enterpriseTagAdd' | 'enterpriseTagRemove'> {
  const { db } = env;

  /** The profile as of today (China time); NOT_FOUND for a company not in the cache. */
  function profileOf(uscc: string): EnterpriseProfile {
    const row = getEnterpriseRow(db, uscc);
    if (!row) throw new AppError('NOT_FOUND');
    const data = toEnterpriseData(row);
    const p = buildProfile(data, manualTags(db, uscc).map(toProfileTag), chinaDate(env.now()));
    return {
      uscc: data.uscc, name: data.name, regionCode: data.regionCode, industryCode: data.industryCode, legalRep: data.legalRep,
      registrationDate: data.registrationDate, registeredCapital: data.registeredCapital, employees: data.employees,
      revenue: data.revenue, totalAssets: data.totalAssets, rndExpense: data.rndExpense, taxPaid: data.taxPaid,
      contactName: data.contactName, contactPhone: data.contactPhone, certificates: data.certificates,
      size: p.size, rndRatio: p.rndRatio, ageYears: p.ageYears, tags: p.tags,
    };
  }

  return {
    enterpriseLookup({ query, limit }) {
      return lookupEnterprises(db, query, limit);
    },

    enterpriseGet({ uscc }, caller) {
      const staff = signedIn(caller);
      return db.transaction(() => {
        const profile = profileOf(uscc);
        recordChange(env, { entity: 'enterprise', entityId: uscc, action: 'view', staffId: staff.id });
        return profile;
      }).immediate();
    },

    async enterpriseImport({ fileName, contentBase64 }, caller) {
      const staff = signedIn(caller);
      const { created, updated, rejected, problems } = await importEnterpriseFile(env, { fileName, bytes: Buffer.from(contentBase64, 'base64') }, staff.id);
      if (created + updated > 0) changed();
      return { created, updated, rejected, problems };
    },

    enterpriseTagAdd({ uscc, tag, note }, caller) {
      const staff = signedIn(caller);
      return db.transaction(() => {
        if (!getEnterpriseRow(db, uscc)) throw new AppError('NOT_FOUND');
        const setAt = env.now().toISOString();
        const added = putManualTag(db, { uscc, tag, note, setBy: staff.id, setAt });
        changed();
        recordChange(env, {
          entity: 'enterprise_tag', entityId: uscc, action: added ? 'tag_add' : 'tag_update', staffId: staff.id,
          payload: { uscc, tag, note, setBy: staff.id, setAt },
          detail: { tag, note },
        });
        return profileOf(uscc);
      }).immediate();
    },

    enterpriseTagRemove(input, caller) {
      const staff = signedIn(caller);
      const tag = input.tag.trim();
      const uscc = input.uscc;
      return db.transaction(() => {
        if (!getEnterpriseRow(db, uscc)) throw new AppError('NOT_FOUND');
        const before = manualTags(db, uscc).find((m) => m.tag === tag);
        if (!before || !deleteManualTag(db, uscc, tag)) {
          // a rule tag cannot be removed by hand: it follows the data
          if (profileOf(uscc).tags.some((x) => x.tag === tag && x.source === 'rule')) {
            throw new AppError('VALIDATION', undefined, [{ path: 'tag', message: t('enterprise.ruleTagNotRemovable', { tag }) }]);
          }
          throw new AppError('NOT_FOUND');
        }
        changed();
        const removedAt = env.now().toISOString();
        recordChange(env, {
          entity: 'enterprise_tag', entityId: uscc, action: 'tag_remove', staffId: staff.id,
          payload: { uscc, tag, removedBy: staff.id, removedAt },
          detail: { tag, note: before.note, setBy: before.set_by, setAt: before.set_at },
        });
        return profileOf(uscc);
      }).immediate();
    },
  };
}
