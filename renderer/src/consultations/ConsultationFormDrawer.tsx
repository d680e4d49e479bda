import { useRef, useState } from 'react';
import { Button, Card, Drawer, Flex } from 'antd';
import { CalculatorOutlined } from '@ant-design/icons';
import type { Consultation } from '@shared/consultations/schemas';
import { t } from '@shared/i18n';
import { can } from '../app/pages';
import { useStaff } from '../app/session-store';
import { MatchDrawer } from '../matching/MatchDrawer';
import { PolicyLinkPanel } from '../policies/PolicyLinkPanel';
import { linkKeys } from '../policies/link-actions';
import { useCopyKeyPoints } from '../policies/useCopyKeyPoints';
import { submitOnCtrlEnter } from '../common/keys';
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

/**
 * The form in a drawer over today's list, the policy search beside it (Alt+P; Alt+K copies the key
 * points into the answer) and 政策匹配 for the company (Alt+M). Esc closes it, a fresh form each time.
 */
export function ConsultationFormDrawer({ open, formKey, editing, onClose, onSaved }: Props) {
  useOverlay(open);
  const staff = useStaff();
  const mayMatch = !!staff && can(staff.roles, 'counter', 'hotline', 'business', 'manager');
  const [uscc, setUscc] = useState<string | null>(null);
  const [matchFor, setMatchFor] = useState<string | null>(null);
  const copyKeyPoints = useCopyKeyPoints();
  const match = () => uscc && setMatchFor(uscc);
  const submit = useRef<(() => void) | null>(null);
  const focusFirst = useRef<(() => void) | null>(null);
  const body = useRef<HTMLDivElement>(null);
  // The form takes the focus when it mounts, but a drawer opened again while it is still closing
  // (Esc, then Ctrl+N at once on a busy PC) can lose it: the form mounts hidden, or the closing
  // drawer hands the focus back to the page. Once the drawer is open, the cursor is put in the
  // first field unless it is already in the form.
  const afterOpenChange = (isOpen: boolean) => {
    if (isOpen && !body.current?.contains(document.activeElement)) focusFirst.current?.();
  };
  const keys = linkKeys({ onCopy: () => void copyKeyPoints(), onMatch: mayMatch ? match : undefined });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={editing ? t('consult.editTitle') : t('consult.new')}
      size={1100}
      autoFocus={false}
      afterOpenChange={afterOpenChange}
      destroyOnHidden
      extra={
        mayMatch && (
          <Button icon={<CalculatorOutlined />} disabled={!uscc} onClick={match} title={uscc ? undefined : t('matching.needUscc')}>
            {t('matching.buttonKey')}
          </Button>
        )
      }
    >
      <Flex
        ref={body}
        gap={16}
        align="start"
        onKeyDown={(e) => {
          submitOnCtrlEnter(() => submit.current?.())(e);
          keys(e);
        }}
      >
        <div style={{ flex: 1, minWidth: 0 }}>
          <ConsultationForm key={formKey} editing={editing} onCancel={onClose} onSaved={onSaved} onUsccChange={setUscc} submitRef={submit} focusRef={focusFirst} />
        </div>
        <Card size="small" title={t('link.panelTitle')} style={{ width: 360, flex: 'none', position: 'sticky', top: 0 }}>
          <PolicyLinkPanel maxHeight="calc(100vh - 300px)" />
        </Card>
      </Flex>
      {mayMatch && <MatchDrawer uscc={matchFor} onClose={() => setMatchFor(null)} />}
    </Drawer>
  );
}
