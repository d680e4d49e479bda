import { Suspense, lazy, useEffect, type ReactNode } from 'react';
import { Empty, Flex, Layout, Menu, Spin, Typography } from 'antd';
import {
  AuditOutlined, BankOutlined, CloudSyncOutlined, FileDoneOutlined, CalculatorOutlined, CalendarOutlined, FileSearchOutlined, MessageOutlined, PhoneOutlined, SolutionOutlined, TeamOutlined,
} from '@ant-design/icons';
import type { Session } from '@shared/accounts/schemas';
import { t } from '@shared/i18n';
import { AppHeader } from './AppHeader';
import { SyncStatusBar } from '../sync/SyncStatusBar';
import { useNavStore } from './nav-store';
import { useStatusStore } from './status-store';
import { NUMBERED_PAGES, PAGE_TITLE, landingPage, pagesFor, type PageId } from './pages';

// Each page is its own chunk: sign-in comes up quickly, and the pages a person may use are
// fetched in the background right after (so the first Alt+2 does not wait).
const LOADERS = {
  consultations: () => import('../consultations/ConsultationsPage').then((m) => ({ default: m.ConsultationsPage })),
  hotline: () => import('../hotline/HotlinePage').then((m) => ({ default: m.HotlinePage })),
  tickets: () => import('../tickets/TicketsPage').then((m) => ({ default: m.TicketsPage })),
  staff: () => import('../staff/StaffPage').then((m) => ({ default: m.StaffPage })),
  calendar: () => import('../calendar/CalendarPage').then((m) => ({ default: m.CalendarPage })),
  policies: () => import('../policies/PoliciesPage').then((m) => ({ default: m.PoliciesPage })),
  enterprises: () => import('../enterprises/EnterprisesPage').then((m) => ({ default: m.EnterprisesPage })),
  matching: () => import('../matching/MatchingPage').then((m) => ({ default: m.MatchingPage })),
  applications: () => import('../applications/ApplicationsPage').then((m) => ({ default: m.ApplicationsPage })),
  backoffice: () => import('../backoffice/BackOfficePage').then((m) => ({ default: m.BackOfficePage })),
  sync: () => import('../sync/SyncPage').then((m) => ({ default: m.SyncPage })),
} satisfies Record<PageId, unknown>;
const ConsultationsPage = lazy(LOADERS.consultations);
const HotlinePage = lazy(LOADERS.hotline);
const TicketsPage = lazy(LOADERS.tickets);
const StaffPage = lazy(LOADERS.staff);
const CalendarPage = lazy(LOADERS.calendar);
const PoliciesPage = lazy(LOADERS.policies);
const EnterprisesPage = lazy(LOADERS.enterprises);
const MatchingPage = lazy(LOADERS.matching);
const ApplicationsPage = lazy(LOADERS.applications);
const BackOfficePage = lazy(LOADERS.backoffice);
const SyncPage = lazy(LOADERS.sync);

const ICONS: Record<PageId, ReactNode> = {
  consultations: <MessageOutlined />,
  hotline: <PhoneOutlined />,
  tickets: <SolutionOutlined />,
  staff: <TeamOutlined />,
  calendar: <CalendarOutlined />,
  policies: <FileSearchOutlined />,
  enterprises: <BankOutlined />,
  matching: <CalculatorOutlined />,
  applications: <AuditOutlined />,
  backoffice: <FileDoneOutlined />,
  sync: <CloudSyncOutlined />,
};

function pageView(id: PageId) {
  switch (id) {
    case 'consultations': return <ConsultationsPage />;
    case 'hotline': return <HotlinePage />;
    case 'tickets': return <TicketsPage />;
    case 'staff': return <StaffPage />;
    case 'calendar': return <CalendarPage />;
    case 'policies': return <PoliciesPage />;
    case 'enterprises': return <EnterprisesPage />;
    case 'matching': return <MatchingPage />;
    case 'applications': return <ApplicationsPage />;
    case 'backoffice': return <BackOfficePage />;
    case 'sync': return <SyncPage />;
  }
}

/** The signed-in frame: a menu of what this person's roles may use, the header, the page. */
export function Workbench({ session }: { session: Session }) {
  const roles = session.staff.roles;
  const allowed = pagesFor(roles);
  const { page, go } = useNavStore();
  const current = page && allowed.includes(page) ? page : landingPage(roles);

  useEffect(() => {
    if (current && current !== page) go(current);
  }, [current, page, go]);

  // the date in the header (and "today" in the lists) moves on if the workstation is left open overnight
  useEffect(() => {
    const timer = setInterval(() => void useStatusStore.getState().refresh(), 5 * 60_000);
    return () => clearInterval(timer);
  }, []);

  const allowedKey = allowed.join();
  useEffect(() => {
    for (const id of allowedKey.split(',')) void LOADERS[id as PageId]?.();
  }, [allowedKey]);

  const items = allowed.map((id) => {
    const n = NUMBERED_PAGES.indexOf(id);
    return {
      key: id,
      icon: ICONS[id],
      label: (
        <Flex justify="space-between" align="center">
          <span>{t(PAGE_TITLE[id])}</span>
          {n >= 0 && <span style={{ fontSize: 12, opacity: 0.55 }}>{t('nav.altKey', { n: n + 1 })}</span>}
        </Flex>
      ),
    };
  });

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider width={184}>
        <div style={{ color: '#fff', padding: '14px 16px', fontWeight: 600, fontSize: 15, lineHeight: '24px' }}>{t('app.title')}</div>
        <Menu theme="dark" mode="inline" selectedKeys={current ? [current] : []} items={items} onClick={({ key }) => go(key as PageId)} />
      </Layout.Sider>
      <Layout>
        <AppHeader staff={session.staff} />
        <Layout.Content style={{ padding: 16, overflow: 'auto' }}>
          {current ? (
            <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>{pageView(current)}</Suspense>
          ) : (
            <Empty description={<Typography.Text>{t('nav.noPages')}</Typography.Text>} style={{ marginTop: 80 }} />
          )}
        </Layout.Content>
        <SyncStatusBar />
      </Layout>
    </Layout>
  );
}
