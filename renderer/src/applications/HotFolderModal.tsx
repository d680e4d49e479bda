import { useRef } from 'react';
import { Alert, Button, Descriptions, Flex, Modal, Typography } from 'antd';
import type { MaterialView } from '@shared/applications/schemas';
import { t } from '@shared/i18n';
import { useOverlay } from '../app/commands-store';
import type { HotFolderView } from './useHotFolder';

interface Props {
  material: MaterialView | null;
  status: HotFolderView | null;
  error: string | null;
  onArm(materialId: string | null): Promise<void>;
  onClose(): void;
}

/** 热文件夹: the copier scans into a shared folder; files arriving there go to the material chosen here. */
export function HotFolderModal({ material, status, error, onArm, onClose }: Props) {
  useOverlay(!!material);
  const armed = status?.armedFor;
  const forThis = !!armed && !!material && armed.materialId === material.id;
  const armButton = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      open={!!material}
      title={t('appUi.hot.title')}
      onCancel={onClose}
      footer={null}
      width={600}
      destroyOnHidden
      afterOpenChange={(open) => open && armButton.current?.focus()}
    >
      {material && (
        <div data-testid="hot-folder">
          <Typography.Paragraph type="secondary">{t('appUi.hot.explain')}</Typography.Paragraph>
          {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
          {status?.problem && <Alert type="warning" showIcon role="alert" title={status.problem} style={{ marginBottom: 12 }} />}
          {status && (
            <Descriptions
              size="small"
              column={1}
              bordered
              styles={{ label: { width: 110 } }}
              items={[
                { key: 'folder', label: t('appUi.hot.folder'), children: status.folder ? <Typography.Text copyable>{status.folder}</Typography.Text> : '—' },
                { key: 'watching', label: t('appUi.hot.watching'), children: status.watching ? t('appUi.hot.on') : t('appUi.hot.off') },
                {
                  key: 'target',
                  label: t('appUi.hot.target'),
                  children: armed ? (forThis ? t('appUi.hot.targetThis', { name: armed.materialName }) : t('appUi.hot.targetOther', { name: armed.materialName })) : t('appUi.hot.targetNone'),
                },
                { key: 'taken', label: t('appUi.hot.taken'), children: t('appUi.hot.takenN', { n: status.taken }) },
              ]}
            />
          )}
          <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
            {armed && (
              <Button danger onClick={() => void onArm(null)}>
                {t('appUi.hot.stop')}
              </Button>
            )}
            {!forThis && (
              <Button ref={armButton} type="primary" onClick={() => void onArm(material.id).then(onClose)}>
                {t('appUi.hot.arm', { name: material.name })}
              </Button>
            )}
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Flex>
        </div>
      )}
    </Modal>
  );
}
