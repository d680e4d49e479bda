import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Flex, Table, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { MethodOutput } from '@shared/api/contract';
import type { AppErrorData } from '@shared/api/errors';
import type { EnterpriseSummary } from '@shared/enterprises/api-schemas';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { useOverlay } from '../app/commands-store';
import { errorData } from '../common/errors';
import { downloadFile } from '../common/files';
import { useReportError } from '../common/useReportError';
import { DeliveryTag } from '../policies/PolicyTags';

const LIMIT = 500;

const columns = [
  { title: t('profile.name'), dataIndex: 'name', ellipsis: true },
  { title: t('field.uscc'), dataIndex: 'uscc', width: 190 },
  { title: t('profile.legalRep'), dataIndex: 'legalRep', width: 96, ellipsis: true },
  { title: t('profile.regionCode'), dataIndex: 'regionCode', width: 120 },
  { title: t('profile.industryCode'), dataIndex: 'industryCode', width: 100 },
];

/** 免申即享 candidates: every company in the local cache that meets an item's conditions; 导出 Excel. */
export function ItemMatchDrawer({ itemId, onClose }: { itemId: string | null; onClose(): void }) {
  useOverlay(!!itemId);
  const report = useReportError();
  const { message } = App.useApp();
  const [out, setOut] = useState<MethodOutput<'matchItem'> | null>(null);
  const [problem, setProblem] = useState<AppErrorData | null>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    if (!itemId) return;
    let live = true;
    setOut(null);
    setProblem(null);
    setLoading(true);
    api.matchItem({ itemId, limit: LIMIT }).then(
      (o) => live && setOut(o),
      (e: unknown) => live && setProblem(errorData(e)),
    ).finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [itemId]);

  const exportXlsx = async () => {
    if (!itemId) return;
    setExporting(true);
    try {
      const file = await api.matchItemExport({ itemId });
      downloadFile(file);
      void message.success(t('matching.exported', { file: file.fileName }));
    } catch (e) {
      report(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Drawer
      open={!!itemId}
      onClose={onClose}
      size={820}
      title={t('matching.itemTitle')}
      destroyOnHidden
      extra={
        <Button type="primary" icon={<FileExcelOutlined />} loading={exporting} disabled={!out || out.total === 0} onClick={() => void exportXlsx()}>
          {t('matching.exportExcel')}
        </Button>
      }
    >
      {problem && <Alert type="error" showIcon title={problem.message} role="alert" style={{ marginBottom: 12 }} />}
      {out && (
        <Flex vertical gap={4} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{out.policy.title}</Typography.Text>
          <Flex align="center" gap={8}>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {out.item.name}
            </Typography.Text>
            <DeliveryTag mode={out.item.deliveryMode} />
          </Flex>
          <Typography.Text data-testid="item-match-total">
            {out.total > out.companies.length ? t('matching.itemTotalShown', { n: out.total, shown: out.companies.length }) : t('matching.itemTotal', { n: out.total })}
          </Typography.Text>
        </Flex>
      )}
      <Table<EnterpriseSummary>
        size="small"
        rowKey="uscc"
        loading={loading}
        columns={columns}
        dataSource={out?.companies ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: t('matching.noCompanies') }}
        data-testid="item-match-table"
      />
    </Drawer>
  );
}
