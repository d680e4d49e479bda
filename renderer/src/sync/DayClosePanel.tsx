import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import type { DayCloseView } from '@shared/sync/api-schemas';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { useToday } from '../app/status-store';
import { DateField } from '../common/DateField';
import { chinaTime, chineseDateTime } from '../common/format';
import { PdfPreviewModal } from '../common/PdfPreviewModal';
import { useReportError } from '../common/useReportError';
import { formatChineseDate } from '@shared/time/china-time';
import { useSyncStatusStore } from './sync-status-store';

type PdfFile = { fileName: string; mimeType: string; base64: string };

/** 日结: run it for a day (default today), see the comparison, preview and print the 日结报表. */
export function DayClosePanel({ onDone }: { onDone(): void }) {
  const today = useToday();
  const report = useReportError();
  const [day, setDay] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [view, setView] = useState<DayCloseView | null>(null);
  const [pdf, setPdf] = useState<PdfFile | null>(null);
  const [printing, setPrinting] = useState(false);
  const { message } = App.useApp();
  const previewButton = useRef<HTMLButtonElement>(null);

  // after a run, the report is the next thing: Enter opens it
  const [focusReport, setFocusReport] = useState(false);

  useEffect(() => {
    api.syncDayCloseLast({}).then(setView, report);
  }, [report]);

  useEffect(() => {
    if (!focusReport || busy) return;
    previewButton.current?.focus();
    setFocusReport(false);
  }, [focusReport, busy, view]);

  const run = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const v = await api.syncDayClose(day ? { day } : {});
      setView(v);
      setFocusReport(true);
    } catch (e) {
      // the centre out of reach and the like: said in place, with what to do
      setFailure(report(e).message);
    } finally {
      setBusy(false);
      void useSyncStatusStore.getState().refresh();
      onDone();
    }
  };

  const print = async () => {
    if (!view) return;
    setPrinting(true);
    try {
      const { printer } = await api.syncDayReportPrint({ id: view.id });
      void message.success(t('sync.dayClose.printed', { printer }));
    } catch (e) {
      report(e);
    } finally {
      setPrinting(false);
    }
  };

  const preview = async () => {
    if (!view) return;
    try {
      setPdf(await api.syncDayReport({ id: view.id }));
    } catch (e) {
      report(e);
    }
  };

  return (
    <Card title={t('sync.dayClose.title')} size="small" data-testid="day-close">
      <Typography.Paragraph type="secondary">{t('sync.dayClose.hint')}</Typography.Paragraph>
      <Flex gap={8} align="center" wrap>
        <Button type="primary" loading={busy} onClick={() => void run()} data-testid="day-close-run">
          {t('sync.dayClose.run')}
        </Button>
        <Typography.Text>{t('sync.dayClose.day')}</Typography.Text>
        <DateField value={day || today} onChange={setDay} aria-label={t('sync.dayClose.day')} style={{ width: 180 }} />
      </Flex>
      {busy && <Alert style={{ marginTop: 12 }} type="info" showIcon title={t('sync.dayClose.running')} />}
      {failure && <Alert style={{ marginTop: 12 }} type="error" showIcon title={failure} role="alert" data-testid="day-close-error" />}
      {!view && !busy && !failure && <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('sync.dayClose.none')}</Typography.Paragraph>}
      {view && <Result view={view} onPreview={() => void preview()} onPrint={() => void print()} printing={printing} previewRef={previewButton} />}
      <PdfPreviewModal file={pdf} title={`${t('doc.dayReport.title')} ${formatChineseDate(view?.day ?? today)}`} onClose={() => setPdf(null)} />
    </Card>
  );
}

interface ResultProps {
  view: DayCloseView;
  onPreview(): void;
  onPrint(): void;
  printing: boolean;
  previewRef: React.Ref<HTMLButtonElement>;
}

function Result({ view, onPreview, onPrint, printing, previewRef }: ResultProps) {
  return (
    <Flex vertical gap={12} style={{ marginTop: 12 }} data-testid="day-close-result">
      <Alert
        type={view.matched ? 'success' : 'error'}
        showIcon
        title={<span style={{ fontSize: 18, fontWeight: 600 }} data-testid="day-close-verdict">{t(view.matched ? 'sync.dayClose.matched' : 'sync.dayClose.notMatched')}</span>}
        description={
          <>
            <div>{t('sync.dayClose.summary', { day: formatChineseDate(view.day), by: view.ranBy, at: chineseDateTime(view.ranAt) })}</div>
            {!view.matched && <div>{t('sync.dayClose.whatToDo')}</div>}
          </>
        }
        action={
          <Flex gap={8}>
            <Button ref={previewRef} icon={<FilePdfOutlined />} onClick={onPreview} data-testid="day-close-preview">
              {t('sync.dayClose.preview')}
            </Button>
            <Button icon={<PrinterOutlined />} loading={printing} onClick={onPrint} data-testid="day-close-print">
              {t('sync.dayClose.print')}
            </Button>
          </Flex>
        }
      />
      <Table
        size="small"
        rowKey="entity"
        pagination={false}
        dataSource={view.tallies}
        data-testid="day-close-tallies"
        columns={[
          { title: t('sync.dayClose.col.entity'), dataIndex: 'entityLabel' },
          { title: t('sync.dayClose.col.device'), dataIndex: 'device', width: 120, align: 'right' },
          { title: t('sync.dayClose.col.centre'), dataIndex: 'centre', width: 120, align: 'right' },
          {
            title: t('sync.dayClose.col.result'),
            dataIndex: 'same',
            width: 120,
            render: (same: boolean) => <Tag color={same ? 'green' : 'red'}>{t(same ? 'sync.dayClose.same' : 'sync.dayClose.notSame')}</Tag>,
          },
        ]}
      />
      {view.differences.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          title={() => t('sync.dayClose.differences', { n: view.differences.length })}
          dataSource={view.differences}
          columns={[
            { title: t('doc.dayReport.col.entity'), dataIndex: 'entityLabel', width: 140 },
            { title: t('doc.dayReport.col.caseNo'), dataIndex: 'caseNo', width: 200, render: (n: string | null) => n ?? '—' },
            { title: t('doc.dayReport.col.time'), dataIndex: 'createdAt', width: 90, render: (at: string | null) => (at ? chinaTime(at) : '—') },
            { title: t('doc.dayReport.col.difference'), dataIndex: 'kind', width: 110, render: (k: DayCloseView['differences'][number]['kind']) => <Tag color="red">{t(`sync.dayClose.kind.${k}`)}</Tag> },
            { title: t('doc.dayReport.col.id'), dataIndex: 'id', render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
          ]}
        />
      )}
    </Flex>
  );
}
