import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { t } from '@shared/i18n';

/** The centred card of the screens before sign-in. */
export function AuthLayout({ title, subtitle, children, width = 420 }: { title: string; subtitle?: ReactNode; children: ReactNode; width?: number }) {
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <Typography.Title level={3} style={{ marginBottom: 4 }}>
        {t('app.title')}
      </Typography.Title>
      {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      <Card title={title} style={{ width, marginTop: 16 }}>
        {children}
      </Card>
    </Flex>
  );
}
