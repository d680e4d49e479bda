import { useEffect, useRef, useState } from 'react';
import { Card, Flex, Segmented, Spin, type InputRef } from 'antd';
import { t } from '@shared/i18n';
import { usePageCommands } from '../app/commands-store';
import { useCalendarStore } from '../common/calendar-store';
import { useSubmitOnce } from '../common/useSubmitOnce';
import { useDebounced } from '../common/useDebounced';
import { useReportError } from '../common/useReportError';
import { SearchInput } from '../common/SearchInput';
import { useSyncStatusStore } from '../sync/sync-status-store';
import { useBackOfficeStore, type InboxFilter } from './backoffice-store';
import { CaseView } from './CaseView';
import { InboxTable } from './InboxTable';
import './backoffice.css';

const FILTERS: InboxFilter[] = ['open', 'done', 'all'];
const firstRow = () => document.querySelector<HTMLElement>('[data-testid="bo-inbox"] tbody tr[tabindex]');

/**
 * 业务审核: the applications routed to this department (arriving by sync), open ones first by due
 * date; search by company, 办件编号 or USCC (Ctrl+F, ↓ into the list); Enter opens the case.
 */
export function BackOfficePage() {
  const report = useReportError();
  const { items, loading, load, filter, setFilter, detail, open, replace, close } = useBackOfficeStore();
  const [query, setQuery] = useState(useBackOfficeStore.getState().query);
  const settled = useDebounced(query.trim(), 250);
  const searchRef = useRef<InputRef>(null);
  // one case opening at a time: a second Enter while it loads is ignored
  const { busy: opening, run: openOnce } = useSubmitOnce();

  useEffect(() => {
    load(settled).catch(report);
  }, [settled, load, report]);
  useEffect(() => {
    useCalendarStore.getState().ensureLoaded().catch(report);
  }, [report]);
  // cases and their materials arrive with sync: after each successful round the inbox, or the case
  // open now, is read again
  const synced = useSyncStatusStore((s) => s.status?.lastSuccessAt ?? null);
  const seenSync = useRef(synced);
  useEffect(() => {
    if (synced === seenSync.current) return;
    seenSync.current = synced;
    const { detail: openNow, refreshOpen } = useBackOfficeStore.getState();
    (openNow ? refreshOpen() : load()).catch(() => undefined);
  }, [synced, load]);

  usePageCommands({ focusSearch: detail ? undefined : () => searchRef.current?.focus({ cursor: 'all' }) });

  const openOne = (id: string) =>
    openOnce(async () => {
      await open(id).catch((e: unknown) => void report(e));
    });
  const back = () => {
    const caseNo = detail?.caseNo;
    close();
    // the row of the case just closed, else the first
    setTimeout(() => (document.querySelector<HTMLElement>(`[data-testid="bo-inbox"] tr[data-case-no="${caseNo}"]`) ?? firstRow())?.focus());
  };

  if (detail) return <CaseView detail={detail} replace={replace} onBack={back} />;

  return (
    <Card
      title={t('boUi.title')}
      extra={
        <Flex gap={8} align="center">
          <Segmented<InboxFilter>
            value={filter}
            onChange={(f) => void setFilter(f).catch(report)}
            options={FILTERS.map((f) => ({ value: f, label: t(`boUi.filter.${f}`) }))}
            aria-label={t('boUi.filter.label')}
            data-testid="bo-filter"
          />
          <SearchInput
            ref={searchRef}
            placeholder={t('boUi.searchPlaceholder')}
            label={t('boUi.search')}
            value={query}
            onText={setQuery}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowDown' && e.key !== 'Enter') return;
              e.preventDefault();
              firstRow()?.focus();
            }}
            maxLength={60}
            style={{ width: 320 }}
          />
        </Flex>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Spin spinning={opening}>
        <InboxTable items={items} loading={loading} onOpen={(c) => void openOne(c.id)} />
      </Spin>
      <div className="bo-keys" style={{ padding: '8px 12px' }}>
        {t('boUi.inboxKeys')}
      </div>
    </Card>
  );
}
