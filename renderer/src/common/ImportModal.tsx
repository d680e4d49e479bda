import { useRef, useState } from 'react';
import { Alert, Button, Flex, Modal, Statistic, Table, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ImportReport } from '@shared/policies/api-schemas';
import type { AppErrorData } from '@shared/api/errors';
import { t } from '@shared/i18n';
import { useOverlay } from '../app/commands-store';
import { errorData } from './errors';

type Problem = ImportReport['problems'][number];

interface Props {
  open: boolean;
  onClose(): void;
  title: string;
  /** the file input's accept list, e.g. ".json" */
  accept: string;
  hint: string;
  /** column titles of the problems table: the record (policy id / row) and the field (column) */
  recordLabel: string;
  fieldLabel: string;
  /** sends the picked file to the core */
  run(file: File): Promise<ImportReport>;
  onImported?(report: ImportReport): void;
  testId: string;
}

/** Pick a file, import it, read the report: counts, then each refused record with its field and why. */
export function ImportModal({ open, onClose, title, accept, hint, recordLabel, fieldLabel, run, onImported, testId }: Props) {
  useOverlay(open);
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [problem, setProblem] = useState<AppErrorData | null>(null);

  const start = async () => {
    if (!file || busy) return;
    setBusy(true);
    setProblem(null);
    setReport(null);
    try {
      const r = await run(file);
      setReport(r);
      onImported?.(r);
    } catch (e) {
      setProblem(errorData(e));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setFile(null);
    setReport(null);
    setProblem(null);
    if (input.current) input.current.value = '';
    onClose();
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={close}
      width={760}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={close}>{t('common.close')}</Button>
          <Button type="primary" loading={busy} disabled={!file} onClick={() => void start()}>
            {t('importUi.start')}
          </Button>
        </Flex>
      }
    >
      <div data-testid={testId}>
        <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
        <Flex align="center" gap={12} style={{ marginBottom: 12 }}>
          <input
            ref={input}
            type="file"
            accept={accept}
            aria-label={t('importUi.chooseFile')}
            style={{ display: 'none' }}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
              setProblem(null);
            }}
          />
          <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} autoFocus>
            {t('importUi.chooseFile')}
          </Button>
          <Typography.Text data-testid="import-file-name">{file ? file.name : t('importUi.noFile')}</Typography.Text>
        </Flex>
        {problem && <Alert type="error" showIcon title={problem.message} role="alert" />}
        {report && (
          <div data-testid="import-report">
            <Flex gap={32} style={{ margin: '4px 0 12px' }}>
              <Statistic title={t('importUi.created')} value={report.created} />
              <Statistic title={t('importUi.updated')} value={report.updated} />
              <Statistic title={t('importUi.rejected')} value={report.rejected} styles={{ content: report.rejected ? { color: '#cf1322' } : undefined }} />
            </Flex>
            {report.problems.length > 0 && (
              <Table<Problem>
                size="small"
                rowKey={(p) => `${p.record}|${p.field}|${p.message}`}
                dataSource={report.problems}
                pagination={report.problems.length > 8 ? { pageSize: 8, showSizeChanger: false } : false}
                columns={[
                  { title: recordLabel, dataIndex: 'record', width: 150, render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span> },
                  { title: fieldLabel, dataIndex: 'field', width: 220, render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span> },
                  { title: t('importUi.problem'), dataIndex: 'message' },
                ]}
                data-testid="import-problems"
              />
            )}
          </div>
        )}
      </div>
    </Modal>
  );
}
