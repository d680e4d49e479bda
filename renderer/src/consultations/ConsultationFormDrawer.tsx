import { Drawer } from 'antd';
import type { Consultation } from '@shared/consultations/schemas';
import { t } from '@shared/i18n';
import { ConsultationForm } from './ConsultationForm';
import { useOverlay } from '../app/commands-store';

interface Props {
  open: boolean;
  /** changes each time the drawer is opened: a fresh form, even while the last one is still sliding out */
  formKey: number;
  editing: Consultation | null;
  onClose(): void;
  onSaved(saved: Consultation): void;
}

/** The form in a drawer over today's list; Esc closes it, a fresh form each time it opens. */
export function ConsultationFormDrawer({ open, formKey, editing, onClose, onSaved }: Props) {
  useOverlay(open);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={editing ? t('consult.editTitle') : t('consult.new')}
      size={720}
      autoFocus={false}
      destroyOnHidden
    >
      <ConsultationForm key={formKey} editing={editing} onCancel={onClose} onSaved={onSaved} />
    </Drawer>
  );
}
