import { useState } from 'react';
import { Form, Input, Modal, Typography, type GetRef } from 'antd';
import type { MaterialView } from '@shared/applications/schemas';
import { LIMITS } from '@shared/applications/schemas';
import { t } from '@shared/i18n';
import { useOverlay } from '../app/commands-store';
import { FormButtons } from '../common/FormButtons';
import { useFocusOnOpen } from './useFocusOnOpen';

interface Props {
  /** the material being marked 有误; null: closed */
  material: MaterialView | null;
  onCancel(): void;
  onSave(defect: string): Promise<void>;
}

/** 有误: what exactly is wrong, in words the 一次性告知书 prints. Enter saves, Esc cancels. */
export function DefectModal({ material, onCancel, onSave }: Props) {
  useOverlay(!!material);
  return (
    <Modal open={!!material} title={material ? t('appUi.defect.title', { name: material.name }) : ''} onCancel={onCancel} footer={null} width={520} destroyOnHidden>
      {material && <DefectForm initial={material.state === 'defective' ? material.defect : ''} onCancel={onCancel} onSave={onSave} />}
    </Modal>
  );
}

function DefectForm({ initial, onCancel, onSave }: { initial: string; onCancel(): void; onSave(defect: string): Promise<void> }) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useFocusOnOpen<GetRef<typeof Input.TextArea>>();
  const save = async () => {
    const defect = value.trim();
    if (!defect) return setError(t('application.defectRequired'));
    setBusy(true);
    try {
      await onSave(defect);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={() => void save()}>
      <Form.Item label={t('appUi.defect.label')} validateStatus={error ? 'error' : undefined} help={error ?? t('appUi.defect.hint')}>
        <Input.TextArea
          ref={first}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            // Enter saves (a defect is one line); Shift+Enter still breaks the line
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void save();
            }
          }}
          maxLength={LIMITS.defect}
          showCount
          autoSize={{ minRows: 2, maxRows: 4 }}
          aria-label={t('appUi.defect.label')}
        />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('appUi.defect.examples')}
      </Typography.Paragraph>
      <FormButtons busy={busy} onCancel={onCancel} />
    </Form>
  );
}
