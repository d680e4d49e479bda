import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Card, Flex, Input, Spin, type InputRef } from 'antd';
import { FileSearchOutlined, PlusOutlined } from '@ant-design/icons';
import type { ApplicationDetail } from '@shared/applications/schemas';
import { t } from '@shared/i18n';
import { usePageCommands } from '../app/commands-store';
import { can } from '../app/pages';
import { useStaff } from '../app/session-store';
import { useToday } from '../app/status-store';
import { useCalendarStore } from '../common/calendar-store';
import { useSubmitOnce } from '../common/useSubmitOnce';
import { useDebounced } from '../common/useDebounced';
import { useReportError } from '../common/useReportError';
import { SearchInput } from '../common/SearchInput';
import { ApplicationTable } from './ApplicationTable';
import { ApplicationWorkspace } from './ApplicationWorkspace';
import { useApplicationStore } from './application-store';
import { counterOrder } from './list-order';
import { NewApplicationDrawer } from './NewApplicationDrawer';
import { usePrintSettingsDialog } from './PrintSettingsModal';
import { ProgressQueryModal } from './ProgressQueryModal';

/**
 * 申报受理: the applications (today's and open ones first, search by 办件编号 / 企业 / USCC / 查询码),
 * 进度查询 by the receipt's code, 新建申报 (Ctrl+N), and the acceptance workspace for one of them.
 */
export function ApplicationsPage() {
  const staff = useStaff();
  const today = useToday();
  const report = useReportError();
  const { items, loading, load, detail, open, replace, close } = useApplicationStore();
  const [query, setQuery] = useState(useApplicationStore.getState().query);
  const settled = useDebounced(query.trim(), 250);
  const searchRef = useRef<InputRef>(null);
  const [form, setForm] = useState({ open: false, key: 0 });
  const [progressCode, setProgressCode] = useState<string | null>(null);
  const [progressInput, setProgressInput] = useState('');
  // one case opening at a time: a second Enter while it loads is ignored
  const { busy: opening, run: openOnce } = useSubmitOnce();
  const mayAccept = !!staff && can(staff.roles, 'counter', 'manager');
  // 打印设置 (Alt+S), here and in the workspace
  const printSettings = usePrintSettingsDialog();

  useEffect(() => {
    load(settled).catch(report);
  }, [settled, load, report]);
  useEffect(() => {
    useCalendarStore.getState().ensureLoaded().catch(report);
  }, [report]);

  const openNew = () => setForm((f) => ({ open: true, key: f.key + 1 }));
  usePageCommands({
    create: mayAccept ? openNew : undefined,
    focusSearch: detail ? undefined : () => searchRef.current?.focus({ cursor: 'all' }),
  });

  const openOne = (id: string) =>
    openOnce(async () => {
      await open(id).catch((e: unknown) => void report(e));
    });
  const created = (a: ApplicationDetail) => {
    setForm((f) => ({ ...f, open: false }));
    useApplicationStore.setState({ detail: a });
  };
  const back = () => {
    close();
    setTimeout(() => document.querySelector<HTMLElement>('[data-testid="application-table"] tbody tr[tabindex]')?.focus());
  };

  const ordered = useMemo(() => counterOrder(items, today), [items, today]);

  return (
    <>
      {detail ? (
        <ApplicationWorkspace application={detail} replace={replace} onBack={back} />
      ) : (
        <Card
          title={t('appUi.listTitle')}
          extra={
            <Flex gap={8}>
              <SearchInput
                ref={searchRef}
                placeholder={t('appUi.searchPlaceholder')}
                label={t('appUi.search')}
                value={query}
                onText={setQuery}
                style={{ width: 300 }}
              />
              <Input.Search
                placeholder={t('appUi.progress.placeholderShort')}
                aria-label={t('appUi.progress.code')}
                value={progressInput}
                onChange={(e) => setProgressInput(e.target.value.toUpperCase())}
                // the Enter must not go on to press a button in the dialog it opens
                onPressEnter={(e) => e.preventDefault()}
                onSearch={(v) => setProgressCode(v.trim().toUpperCase())}
                enterButton={<Button icon={<FileSearchOutlined />}>{t('appUi.progress.button')}</Button>}
                maxLength={8}
                style={{ width: 230 }}
                data-testid="progress-box"
              />
              {printSettings.button}
              {mayAccept && (
                <Button type="primary" icon={<PlusOutlined />} onClick={openNew}>
                  {t('appUi.newButton')}
                </Button>
              )}
            </Flex>
          }
          styles={{ body: { padding: 0 } }}
        >
          <Spin spinning={opening}>
            <ApplicationTable items={ordered} loading={loading} onOpen={(a) => void openOne(a.id)} />
          </Spin>
        </Card>
      )}
      <NewApplicationDrawer open={form.open} formKey={form.key} onClose={() => setForm((f) => ({ ...f, open: false }))} onCreated={created} />
      <ProgressQueryModal code={progressCode} onClose={() => setProgressCode(null)} />
      {printSettings.modal}
    </>
  );
}
