import { Alert, Button, Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { MaterialState } from '@shared/applications/schemas';
import { MATERIAL_STATES } from '@shared/applications/schemas';
import type { BackOfficeMaterial } from '@shared/backoffice/api-schemas';
import { t } from '@shared/i18n';
import { focusableRows } from '../common/focusableRows';
import { MaterialStateTag } from '../applications/StateTag';

const isMaterialState = (s: string): s is MaterialState => (MATERIAL_STATES as readonly string[]).includes(s);
const hasPdf = (m: BackOfficeMaterial) => m.pdfSha256 !== null;

/**
 * 申报材料 as the counter checked them; 查看 (or Enter on the row) opens a material's PDF. A PDF the
 * counter made that has not come from the centre yet says so (材料尚未到达) instead of failing.
 */
export function MaterialsCard({ materials, onView }: { materials: BackOfficeMaterial[]; onView(m: BackOfficeMaterial): void }) {
  const waiting = materials.filter((m) => hasPdf(m) && !m.available);
  // a scan not here yet is asked for all the same: the core's answer says so and what to do
  const rows = focusableRows<BackOfficeMaterial>({ open: (m) => hasPdf(m) && onView(m) });
  const columns: TableColumnsType<BackOfficeMaterial> = [
    {
      title: t('appUi.checklist.name'),
      dataIndex: 'name',
      ellipsis: true,
      render: (name: string, m) => (
        <span>
          {name}
          {m.required && (
            <Typography.Text type="danger" style={{ marginInlineStart: 4 }}>
              *
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: t('appUi.checklist.form'), key: 'form', width: 110, render: (_: unknown, m) => `${t(`materialForm.${m.form}`)} × ${m.copies}` },
    { title: t('appUi.checklist.state'), dataIndex: 'state', width: 76, render: (s: string) => (isMaterialState(s) ? <MaterialStateTag state={s} /> : s) },
    { title: t('appUi.checklist.pages'), dataIndex: 'pageCount', width: 56 },
    {
      title: t('boUi.materials.pdf'),
      key: 'pdf',
      width: 120,
      render: (_: unknown, m) =>
        !hasPdf(m) ? (
          <Typography.Text type="secondary">{t('boUi.materials.noPdf')}</Typography.Text>
        ) : m.available ? (
          <Button size="small" icon={<EyeOutlined />} tabIndex={-1} onClick={(e) => (e.stopPropagation(), onView(m))} data-testid="bo-view-material">
            {t('boUi.materials.view')}
          </Button>
        ) : (
          <Tag color="warning" data-testid="bo-material-not-here">
            {t('boUi.materials.notHere')}
          </Tag>
        ),
    },
  ];
  return (
    <Card size="small" title={t('boUi.materials.title', { n: materials.length })} data-testid="bo-materials" styles={{ body: { padding: 0 } }}>
      {waiting.length > 0 && (
        <Alert
          type="warning"
          showIcon
          banner
          data-testid="bo-materials-waiting"
          title={t('boUi.materials.waiting', { names: waiting.map((m) => m.name).join(t('common.listSeparator')) })}
        />
      )}
      <Table<BackOfficeMaterial>
        size="small"
        rowKey="id"
        tableLayout="fixed"
        pagination={false}
        columns={columns}
        dataSource={materials}
        onRow={(m) => ({ ...rows(m), 'data-testid': 'bo-material-row' } as ReturnType<typeof rows>)}
      />
    </Card>
  );
}
