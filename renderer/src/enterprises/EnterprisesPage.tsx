import { useRef, useState } from 'react';
import { Button, Card, Empty, Flex, Typography, type InputRef } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { t } from '@shared/i18n';
import { usePageCommands } from '../app/commands-store';
import { useNavStore } from '../app/nav-store';
import { can } from '../app/pages';
import { useStaff } from '../app/session-store';
import { EnterpriseImportModal } from './EnterpriseImportModal';
import { EnterpriseLookup } from './EnterpriseLookup';
import { EnterpriseProfileView } from './EnterpriseProfileView';
import { useEnterpriseStore, useMatchingStore } from './enterprise-store';

/** 企业画像: find a company as you type (Ctrl+F), read its profile; import the enterprise data (后台 / 管理员). */
export function EnterprisesPage() {
  const staff = useStaff();
  const roles = staff?.roles ?? [];
  const { uscc, show } = useEnterpriseStore();
  const lookupRef = useRef<InputRef>(null);
  const [importing, setImporting] = useState(false);
  const [round, setRound] = useState(0);
  const mayRead = can(roles, 'counter', 'hotline', 'business', 'backoffice', 'manager');
  const mayImport = can(roles, 'backoffice', 'admin');
  const mayTag = can(roles, 'business', 'backoffice');
  const mayMatch = can(roles, 'counter', 'hotline', 'business', 'manager');

  usePageCommands({ focusSearch: mayRead ? () => lookupRef.current?.focus({ cursor: 'all' }) : undefined });

  const match = (code: string) => {
    useMatchingStore.getState().show(code);
    useNavStore.getState().go('matching');
  };

  return (
    <Card
      size="small"
      title={
        mayRead ? (
          <div style={{ padding: '8px 0' }}>
            <EnterpriseLookup inputRef={lookupRef} autoFocus onSelect={(c) => show(c.uscc)} />
          </div>
        ) : (
          t('nav.enterprises')
        )
      }
      extra={
        mayImport && (
          <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
            {t('profile.importButton')}
          </Button>
        )
      }
    >
      {!mayRead ? (
        <Typography.Paragraph type="secondary">{t('profile.importOnly')}</Typography.Paragraph>
      ) : uscc ? (
        <EnterpriseProfileView key={`${uscc}/${round}`} uscc={uscc} mayTag={mayTag} onMatch={mayMatch ? match : undefined} />
      ) : (
        <Flex justify="center" style={{ padding: '48px 0' }}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('profile.lookupHint')} />
        </Flex>
      )}
      {mayImport && <EnterpriseImportModal open={importing} onClose={() => setImporting(false)} onImported={() => setRound((r) => r + 1)} />}
    </Card>
  );
}
