import { useEffect, useRef, useState } from 'react';
import { App, Button, Card, Flex, type InputRef } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Consultation } from '@shared/consultations/schemas';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { usePageCommands } from '../app/commands-store';
import { can } from '../app/pages';
import { useStaff } from '../app/session-store';
import { useToday } from '../app/status-store';
import { useCalendarStore } from '../common/calendar-store';
import { useDebounced } from '../common/useDebounced';
import { useReportError } from '../common/useReportError';
import { SearchInput } from '../common/SearchInput';
import { ConsultationDetailDrawer } from './ConsultationDetailDrawer';
import { ConsultationFormDrawer } from './ConsultationFormDrawer';
import { useConsultationStore } from './consultation-store';
import { ConsultationTable } from './ConsultationTable';

/** 窗口咨询: today's consultations at the window, search as you type, log a new one (Ctrl+N). */
export function ConsultationsPage() {
  const staff = useStaff();
  const today = useToday();
  const { message } = App.useApp();
  const report = useReportError();
  const { items, loading, load } = useConsultationStore();
  const [query, setQuery] = useState(useConsultationStore.getState().query);
  const settledQuery = useDebounced(query.trim(), 250);
  const searchRef = useRef<InputRef>(null);
  const [form, setForm] = useState<{ open: boolean; editing: Consultation | null; key: number }>({ open: false, editing: null, key: 0 });
  const [detail, setDetail] = useState<Consultation | null>(null);
  const mayLog = !!staff && can(staff.roles, 'counter', 'hotline', 'business');

  useEffect(() => {
    load(settledQuery).catch(report);
  }, [settledQuery, load, report]);

  useEffect(() => {
    useCalendarStore.getState().ensureLoaded().catch(report);
  }, [report]);

  const openForm = (editing: Consultation | null) => setForm((f) => ({ open: true, editing, key: f.key + 1 }));
  const openNew = () => openForm(null);
  usePageCommands({
    create: mayLog ? openNew : undefined,
    focusSearch: () => searchRef.current?.focus({ cursor: 'all' }),
  });

  const saved = (c: Consultation) => {
    setForm((f) => ({ ...f, open: false }));
    setDetail((d) => (d && d.id === c.id ? c : d));
    void message.success(c.ticketNo && c.dueDate ? t('consult.savedWithTicket', { ticketNo: c.ticketNo, date: formatChineseDate(c.dueDate) }) : t('common.saved'));
    load().catch(report);
  };

  const canEdit = (c: Consultation) => mayLog && c.day === today && c.createdBy.id === staff?.id;

  return (
    <Card
      title={t('consult.todayList', { date: today ? formatChineseDate(today) : '' })}
      extra={
        <Flex gap={8}>
          <SearchInput
            ref={searchRef}
            placeholder={t('common.searchPlaceholder')}
            label={t('common.search')}
            value={query}
            onText={setQuery}
            style={{ width: 340 }}
          />
          {mayLog && (
            <Button type="primary" icon={<PlusOutlined />} onClick={openNew}>
              {t('consult.newButton')}
            </Button>
          )}
        </Flex>
      }
      styles={{ body: { padding: 0 } }}
    >
      <ConsultationTable items={items} loading={loading} onOpen={setDetail} />
      <ConsultationFormDrawer
        open={form.open}
        formKey={form.key}
        editing={form.editing}
        onClose={() => setForm((f) => ({ ...f, open: false }))}
        onSaved={saved}
      />
      <ConsultationDetailDrawer
        record={detail}
        canEdit={!!detail && canEdit(detail)}
        onEdit={(c) => {
          setDetail(null);
          openForm(c);
        }}
        onClose={() => setDetail(null)}
      />
    </Card>
  );
}
