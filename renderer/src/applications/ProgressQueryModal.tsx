import { useEffect, useState } from 'react';
import { Alert, Descriptions, Empty, Flex, Input, Modal, Spin, Timeline, Typography, type InputRef } from 'antd';
import type { AppErrorData } from '@shared/api/errors';
import type { MethodOutput } from '@shared/api/contract';
import { t } from '@shared/i18n';
import { formatChineseDate } from '@shared/time/china-time';
import { api } from '../api/client';
import { useOverlay } from '../app/commands-store';
import { errorData } from '../common/errors';
import { chineseDateTime } from '../common/format';
import { ApplicationStateTag } from './StateTag';
import { useFocusOnOpen } from './useFocusOnOpen';

type Progress = MethodOutput<'applicationProgress'>;

/**
 * 进度查询 by the code printed on the 受理通知书: what the company itself may see, as a timeline.
 * Opened from the list with the code typed there; another code can be asked inside.
 */
export function ProgressQueryModal({ code, onClose }: { code: string | null; onClose(): void }) {
  useOverlay(code !== null);
  return (
    <Modal open={code !== null} title={t('appUi.progress.title')} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      {code !== null && <ProgressBody initial={code} />}
    </Modal>
  );
}

function ProgressBody({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  const [out, setOut] = useState<Progress | null>(null);
  const [problem, setProblem] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useFocusOnOpen<InputRef>();

  const ask = async (code: string) => {
    const c = code.trim().toUpperCase();
    if (!c) return;
    setBusy(true);
    setProblem(null);
    try {
      setOut(await api.applicationProgress({ queryCode: c }));
    } catch (e) {
      setOut(null);
      const data = errorData(e);
      setProblem(data.code === 'NOT_FOUND' ? { ...data, message: t('appUi.progress.notFound', { code: c }) } : data.fields?.[0] ? { ...data, message: data.fields[0].message } : data);
    } finally {
      setBusy(false);
    }
  };

  // the code typed in the list is asked at once
  useEffect(() => {
    if (initial.trim()) void ask(initial);
    // once, for the code the modal was opened with
  }, []);

  return (
    <div data-testid="progress-query">
      <Input.Search
        ref={first}
        value={value}
        onChange={(e) => setValue(e.target.value.toUpperCase())}
        onSearch={(v) => void ask(v)}
        placeholder={t('appUi.progress.placeholder')}
        aria-label={t('appUi.progress.code')}
        enterButton={t('appUi.progress.ask')}
        maxLength={8}
        style={{ marginBottom: 12 }}
      />
      {busy && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {problem && !busy && <Alert type="warning" showIcon role="alert" title={problem.message} />}
      {out && !busy && (
        <>
          <Descriptions
            size="small"
            column={2}
            bordered
            items={[
              { key: 'case', label: t('appUi.col.caseNo'), children: out.caseNo },
              { key: 'state', label: t('appUi.col.state'), children: <ApplicationStateTag state={out.state} /> },
              { key: 'ent', label: t('appUi.col.enterprise'), children: out.enterpriseName, span: 2 },
              { key: 'item', label: t('appUi.col.item'), children: out.itemName, span: 2 },
              { key: 'dept', label: t('appUi.department'), children: out.department },
              { key: 'due', label: t('appUi.col.due'), children: out.dueDate ? formatChineseDate(out.dueDate) : '—' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('appUi.progress.timeline')}
          </Typography.Title>
          {out.timeline.length ? (
            <Timeline
              data-testid="progress-timeline"
              items={out.timeline.map((e, i) => ({
                key: i,
                content: (
                  <Flex vertical>
                    <span>{e.summary}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {chineseDateTime(e.at)}
                    </Typography.Text>
                  </Flex>
                ),
              }))}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </>
      )}
    </div>
  );
}
