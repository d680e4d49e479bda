import { Button, Flex, Table, Typography } from 'antd';
import { EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import type { IssuedDocument } from '@shared/applications/schemas';
import { t } from '@shared/i18n';
import { chineseDateTime } from '../common/format';
import { focusableRows } from '../common/focusableRows';
import { useWorkspace } from './workspace-context';

/** 文书: every document issued for the application, newest first; Enter previews, and prints again from there. */
export function DocumentsList() {
  const { application, openDocument, mayAct } = useWorkspace();
  const docs = [...application.documents].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Table<IssuedDocument>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={docs}
      locale={{ emptyText: t('appUi.docs.none') }}
      onRow={focusableRows({ open: openDocument })}
      data-testid="documents-list"
      columns={[
        { title: t('appUi.docs.kind'), dataIndex: 'kind', render: (k: IssuedDocument['kind']) => <Typography.Text strong>{t(`application.doc.${k}`)}</Typography.Text> },
        { title: t('appUi.docs.issuedAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => chineseDateTime(v) },
        { title: t('appUi.col.clerk'), dataIndex: 'staffName', width: 80 },
        {
          title: t('appUi.docs.print'),
          key: 'print',
          width: 300,
          render: (_: unknown, d) =>
            d.printError ? (
              // whole: the printer, why, and what to do are all in it
              <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="doc-print-error">
                {t('appUi.docs.printFailed', { reason: d.printError })}
              </Typography.Text>
            ) : d.printedAt ? (
              <Typography.Text type="success">{t('appUi.docs.printed', { at: chineseDateTime(d.printedAt), printer: d.printer ?? '' })}</Typography.Text>
            ) : (
              <Typography.Text type="secondary">{t('appUi.docs.notPrinted')}</Typography.Text>
            ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 150,
          render: (_: unknown, d) => (
            <Flex gap={4}>
              <Button size="small" icon={<EyeOutlined />} onClick={(e) => (e.stopPropagation(), openDocument(d))} tabIndex={-1}>
                {t('appUi.docs.preview')}
              </Button>
              {mayAct && (
                <Button size="small" icon={<PrinterOutlined />} onClick={(e) => (e.stopPropagation(), openDocument(d))} tabIndex={-1}>
                  {d.printError ? t('appUi.doc.reprint') : t('appUi.docs.reprintShort')}
                </Button>
              )}
            </Flex>
          ),
        },
      ]}
    />
  );
}
