import { Drawer } from 'antd';
import { t } from '@shared/i18n';
import { useOverlay } from '../app/commands-store';
import { EnterpriseMatchView } from './EnterpriseMatchView';

/** 政策匹配 over whatever is open (a consultation, a call, a profile): for the company with this code. */
export function MatchDrawer({ uscc, onClose }: { uscc: string | null; onClose(): void }) {
  useOverlay(!!uscc);
  return (
    <Drawer open={!!uscc} onClose={onClose} size={1000} title={t('matching.title')} destroyOnHidden>
      {uscc && <EnterpriseMatchView uscc={uscc} />}
    </Drawer>
  );
}
