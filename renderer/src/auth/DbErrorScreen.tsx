import { Button, Flex, Result, Typography } from 'antd';
import { t } from '@shared/i18n';

/** The database cannot be used: say what happened and what to do; nothing else is offered. */
export function DbErrorScreen({ error, checking, onRetry }: { error: { code: string; message: string } | null; checking: boolean; onRetry: () => void }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 24 }}>
      <Result
        status="error"
        title={t('dbError.title')}
        subTitle={<span role="alert" style={{ fontSize: 15, color: 'rgba(0,0,0,0.75)' }}>{error?.message ?? t('error.DB_UNAVAILABLE')}</span>}
        style={{ maxWidth: 760, background: '#fff', borderRadius: 8 }}
        extra={
          <Flex vertical align="center" gap={16}>
            <Typography.Text type="secondary">{t('dbError.help')}</Typography.Text>
            <Button type="primary" autoFocus loading={checking} onClick={onRetry}>
              {t('dbError.retry')}
            </Button>
          </Flex>
        }
      />
    </Flex>
  );
}
