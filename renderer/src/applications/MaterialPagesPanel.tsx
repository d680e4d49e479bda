import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { Alert, App, Button, Empty, Flex, Tag, Tooltip, Typography } from 'antd';
import {
  ArrowDownOutlined, ArrowUpOutlined, CameraOutlined, DeleteOutlined, FilePdfOutlined, FolderOpenOutlined, RotateLeftOutlined,
  RotateRightOutlined, ScanOutlined, UploadOutlined, WarningFilled,
} from '@ant-design/icons';
import type { MaterialView, PageView } from '@shared/applications/schemas';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { useReportError } from '../common/useReportError';
import type { RefusedFile } from './page-intake';
import { PageThumbnail } from './PageThumbnail';
import { useWorkspace } from './workspace-context';
import './applications.css';
import './page-strip.css';

type PageOp = 'rotate_left' | 'rotate_right' | 'move_up' | 'move_down' | 'delete';

/** 245 KB / 1.2 MB */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return t('appUi.pages.kb', { n: Math.max(1, Math.round(bytes / 1024)) });
  return t('appUi.pages.mb', { n: (bytes / 1024 / 1024).toFixed(1) });
}

interface Props {
  material: MaterialView;
  /** pages may be added and changed (收件中, and the clerk may accept) */
  editable: boolean;
  busy: boolean;
  refused: RefusedFile[];
  onClearRefused(): void;
  onDropFiles(files: File[]): void;
  onIntake(how: 'import' | 'scan' | 'camera' | 'hotFolder' | 'pdf'): void;
}

/**
 * One material's pages, in order: a thumbnail as turned, page n, kind, size, rotation and the 疑似空白
 * flag (never hidden; the thumbnail is framed too); rotate, move and delete each. Pages come in by file (or drop here), scanner, 高拍仪 or the hot folder.
 */
export function MaterialPagesPanel({ material, editable, busy, refused, onClearRefused, onDropFiles, onIntake }: Props) {
  const { application, replace } = useWorkspace();
  const report = useReportError();
  const { modal } = App.useApp();
  const [dragging, setDragging] = useState(false);
  const [working, setWorking] = useState<string | null>(null);

  const op = async (page: PageView, what: PageOp, index: number) => {
    if (!editable) return;
    if (what === 'delete') {
      const ok = await modal.confirm({
        title: t('appUi.pages.deleteConfirm', { n: index + 1, name: material.name }),
        okText: t('appUi.pages.delete'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        autoFocusButton: 'ok',
      });
      if (!ok) return;
    }
    setWorking(page.id);
    try {
      replace(await api.applicationPageOp({ applicationId: application.id, materialId: material.id, pageId: page.id, op: what }));
      // keep the focus on the page that moved
      const at = what === 'move_up' ? index - 1 : what === 'move_down' ? index + 1 : index;
      setTimeout(() => document.getElementById(`pd-page-${Math.max(0, Math.min(at, material.pages.length - 1))}`)?.focus());
    } catch (e) {
      report(e);
    } finally {
      setWorking(null);
    }
  };

  const onPageKey = (e: KeyboardEvent<HTMLDivElement>, page: PageView, i: number) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (e.altKey) return void op(page, e.key === 'ArrowUp' ? 'move_up' : 'move_down', i);
      document.getElementById(`pd-page-${e.key === 'ArrowDown' ? i + 1 : i - 1}`)?.focus();
    } else if (e.key === '[' || e.key.toLowerCase() === 'l') {
      e.preventDefault();
      void op(page, 'rotate_left', i);
    } else if (e.key === ']' || e.key.toLowerCase() === 'r') {
      e.preventDefault();
      void op(page, 'rotate_right', i);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      void op(page, 'delete', i);
    }
  };

  const drop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!editable) return;
    const files = Array.from(e.dataTransfer.files);
    if (files.length) onDropFiles(files);
  };

  const blank = material.pages.filter((p) => p.blank).length;

  return (
    <div data-testid="material-pages">
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 6 }}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 15 }} data-testid="pages-material-name">
            {material.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {t('appUi.pages.count', { n: material.pages.length })}
          </Typography.Text>
        </div>
        <Button size="small" icon={<FilePdfOutlined />} disabled={material.pages.length === 0} onClick={() => onIntake('pdf')}>
          {t('appUi.pages.viewPdf')}
        </Button>
      </Flex>
      {editable && (
        <Flex gap={6} wrap className="pd-intake" style={{ marginBottom: 8 }}>
          <Button icon={<UploadOutlined />} loading={busy} onClick={() => onIntake('import')}>
            {t('appUi.pages.import')}
          </Button>
          <Button icon={<ScanOutlined />} onClick={() => onIntake('scan')}>
            {t('appUi.pages.scan')}
          </Button>
          <Button icon={<CameraOutlined />} onClick={() => onIntake('camera')}>
            {t('appUi.pages.camera')}
          </Button>
          <Button icon={<FolderOpenOutlined />} onClick={() => onIntake('hotFolder')}>
            {t('appUi.pages.hotFolder')}
          </Button>
        </Flex>
      )}
      {refused.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: onClearRefused }}
          role="alert"
          style={{ marginBottom: 8 }}
          title={t('appUi.pages.refusedTitle', { n: refused.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="refused-files">
              {refused.map((r, i) => (
                <li key={i}>
                  <Typography.Text strong>{r.name}</Typography.Text>
                  {t('common.separator')}
                  {r.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {blank > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('appUi.pages.blankCount', { n: blank })} data-testid="blank-warning" />
      )}
      <div
        className={`pd-pages${dragging ? ' pd-drop' : ''}`}
        onDragOver={(e) => {
          if (!editable) return;
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        data-testid="page-drop-zone"
      >
        {material.pages.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={editable ? t('appUi.pages.emptyDrop') : t('appUi.pages.empty')} style={{ margin: '16px 0' }} />
        ) : (
          <div role="list" className="pd-page-list" aria-label={t('appUi.pages.listLabel', { name: material.name })}>
            {material.pages.map((p, i) => (
              <div
                key={p.id}
                id={`pd-page-${i}`}
                role="listitem"
                tabIndex={0}
                className="pd-page"
                onKeyDown={(e) => onPageKey(e, p, i)}
                data-testid="page-row"
                data-blank={p.blank}
              >
                <PageThumbnail applicationId={application.id} materialId={material.id} page={p} n={i + 1} />
                <div className="pd-page-facts">
                  <Typography.Text strong data-testid="page-number">
                    {t('appUi.pages.pageN', { n: i + 1 })}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="page-facts">
                    {[t(`appUi.pages.kind.${p.kind}`), fileSize(p.bytes), p.rotation ? t('appUi.pages.rotated', { deg: p.rotation }) : '']
                      .filter(Boolean)
                      .join(t('common.separator'))}
                  </Typography.Text>
                  {p.blank && (
                    <Tooltip title={t('appUi.pages.blankHint')}>
                      <Tag color="warning" icon={<WarningFilled />} style={{ marginInlineEnd: 0 }} data-testid="page-blank">
                        {t('appUi.pages.blank')}
                      </Tag>
                    </Tooltip>
                  )}
                </div>
                {editable && (
                  <Flex gap={2} style={{ flex: 'none' }}>
                    <PageButton icon={<RotateLeftOutlined />} label={t('appUi.pages.rotateLeft')} loading={working === p.id} onClick={() => void op(p, 'rotate_left', i)} />
                    <PageButton icon={<RotateRightOutlined />} label={t('appUi.pages.rotateRight')} onClick={() => void op(p, 'rotate_right', i)} />
                    <PageButton icon={<ArrowUpOutlined />} label={t('appUi.pages.moveUp')} disabled={i === 0} onClick={() => void op(p, 'move_up', i)} />
                    <PageButton icon={<ArrowDownOutlined />} label={t('appUi.pages.moveDown')} disabled={i === material.pages.length - 1} onClick={() => void op(p, 'move_down', i)} />
                    <PageButton icon={<DeleteOutlined />} label={t('appUi.pages.delete')} danger onClick={() => void op(p, 'delete', i)} />
                  </Flex>
                )}
              </div>
            ))}
          </div>
        )}
      </div>
      {editable && material.pages.length > 0 && <div className="pd-keys" style={{ marginTop: 4 }}>{t('appUi.pages.keys')}</div>}
    </div>
  );
}

function PageButton({ icon, label, onClick, disabled, danger, loading }: { icon: React.ReactNode; label: string; onClick(): void; disabled?: boolean; danger?: boolean; loading?: boolean }) {
  return (
    <Tooltip title={label}>
      <Button size="small" type="text" icon={icon} aria-label={label} onClick={onClick} disabled={disabled} danger={danger} loading={loading} tabIndex={-1} />
    </Tooltip>
  );
}
