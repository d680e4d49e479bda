import { useRef } from 'react';
import { Card, Empty, Flex, type InputRef } from 'antd';
import { usePageCommands } from '../app/commands-store';
import { t } from '@shared/i18n';
import { EnterpriseLookup } from '../enterprises/EnterpriseLookup';
import { useMatchingStore } from '../enterprises/enterprise-store';
import { EnterpriseMatchView } from './EnterpriseMatchView';

/** 政策匹配 (政策计算器): pick a company (Ctrl+F), see what it can apply for and why; print the 匹配清单. */
export function MatchingPage() {
  const { uscc, show } = useMatchingStore();
  const lookupRef = useRef<InputRef>(null);
  usePageCommands({ focusSearch: () => lookupRef.current?.focus({ cursor: 'all' }) });

  return (
    <Card
      size="small"
      title={
        <div style={{ padding: '8px 0' }}>
          <EnterpriseLookup inputRef={lookupRef} autoFocus={!uscc} onSelect={(c) => show(c.uscc)} />
        </div>
      }
    >
      {uscc ? (
        <EnterpriseMatchView uscc={uscc} />
      ) : (
        <Flex justify="center" style={{ padding: '48px 0' }}>
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matching.lookupHint')} />
        </Flex>
      )}
    </Card>
  );
}
