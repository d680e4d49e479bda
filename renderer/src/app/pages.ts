import type { Role } from '@shared/accounts/roles';
import type { MessageKey } from '@shared/i18n';

// staff and calendar before the library pages: an administrator still lands on 人员管理
export const PAGES = ['consultations', 'hotline', 'tickets', 'staff', 'calendar', 'policies', 'enterprises', 'matching', 'applications', 'backoffice', 'sync'] as const;
export type PageId = (typeof PAGES)[number];

/** Who sees which page in the menu (the core checks every call again). */
export const PAGE_ROLES: Record<PageId, readonly Role[]> = {
  consultations: ['counter', 'hotline', 'business', 'manager'],
  hotline: ['hotline', 'manager'],
  tickets: ['counter', 'hotline', 'business', 'manager'],
  staff: ['admin'],
  calendar: ['admin'],
  // 政策检索: everyone signed in
  policies: ['counter', 'hotline', 'business', 'backoffice', 'manager', 'admin'],
  // 企业画像: those who may read company data, and the administrator for the import
  enterprises: ['counter', 'hotline', 'business', 'backoffice', 'manager', 'admin'],
  // 政策匹配 for a company; item matching (免申即享) is reached from the policy detail
  matching: ['counter', 'hotline', 'business', 'manager'],
  // 申报受理: the counter takes applications in; business and back office read the cases
  applications: ['counter', 'business', 'backoffice', 'manager'],
  // 业务审核: the department's inbox of routed applications (issue 5 §3)
  backoffice: ['business'],
  // 同步与日结: every role (the status bar opens it); last, so nobody lands on it
  sync: ['counter', 'hotline', 'business', 'backoffice', 'manager', 'admin'],
};

export const PAGE_TITLE: Record<PageId, MessageKey> = {
  consultations: 'nav.consultations',
  hotline: 'nav.hotline',
  tickets: 'nav.tickets',
  staff: 'nav.staff',
  calendar: 'nav.calendar',
  policies: 'nav.policies',
  enterprises: 'nav.enterprises',
  matching: 'nav.matching',
  applications: 'nav.applications',
  backoffice: 'nav.backoffice',
  sync: 'nav.sync',
};

/** Alt+1 … Alt+8 */
export const NUMBERED_PAGES: readonly PageId[] = ['consultations', 'hotline', 'tickets', 'policies', 'enterprises', 'matching', 'applications', 'backoffice'];

export const pagesFor = (roles: readonly Role[]): PageId[] => PAGES.filter((p) => PAGE_ROLES[p].some((r) => roles.includes(r)));

/** Where a person lands after sign-in: the hotline desk for operators, else the first page they may use. */
export function landingPage(roles: readonly Role[]): PageId | undefined {
  const allowed = pagesFor(roles);
  if (roles.includes('hotline') && !roles.includes('counter') && allowed.includes('hotline')) return 'hotline';
  // a business officer's day starts at the department's inbox
  if (roles.includes('business') && !roles.includes('counter') && allowed.includes('backoffice')) return 'backoffice';
  return allowed[0];
}

export const can = (roles: readonly Role[], ...allowed: Role[]) => allowed.some((r) => roles.includes(r));
