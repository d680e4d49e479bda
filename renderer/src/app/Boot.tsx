import { Suspense, lazy, useEffect } from 'react';
import { Flex, Spin } from 'antd';
import { t } from '@shared/i18n';
import { DbErrorScreen } from '../auth/DbErrorScreen';
import { SetupScreen } from '../auth/SetupScreen';
import { SignInScreen } from '../auth/SignInScreen';
import { useSessionStore } from './session-store';
import { ShortcutsModal } from './ShortcutsModal';
import { useStatusStore } from './status-store';
import { useGlobalShortcuts } from './useGlobalShortcuts';

const loadWorkbench = () => import('./Workbench').then((m) => ({ default: m.Workbench }));
const Workbench = lazy(loadWorkbench);

/** Start-up: ask the core how it is, then show the error, first-run, sign-in or work screen. */
export function Boot() {
  const { status, failure, checking, check } = useStatusStore();
  const session = useSessionStore((s) => s.session);
  const ready = status?.state === 'ready';

  useEffect(() => {
    void check();
  }, [check]);

  useEffect(() => {
    if (ready) void loadWorkbench(); // fetched while the person signs in
  }, [ready]);

  useEffect(() => {
    if (ready && session === undefined) void useSessionStore.getState().restore().catch(() => useSessionStore.getState().expire());
  }, [ready, session]);

  useGlobalShortcuts(ready && session ? session.staff.roles : null);

  return (
    <>
      {screen()}
      <ShortcutsModal />
    </>
  );

  function screen() {
    if (failure) return <DbErrorScreen error={failure} checking={checking} onRetry={() => void check()} />;
    if (!status) return <Loading />;
    if (status.state === 'db_error') return <DbErrorScreen error={status.error} checking={checking} onRetry={() => void check()} />;
    if (status.state === 'setup') return <SetupScreen />;
    if (session === undefined) return <Loading />;
    if (session === null) return <SignInScreen />;
    return (
      <Suspense fallback={<Loading />}>
        <Workbench session={session} />
      </Suspense>
    );
  }
}

function Loading() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" description={t('app.loading')} />
    </Flex>
  );
}
