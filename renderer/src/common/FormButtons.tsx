import { Button, Flex } from 'antd';
import { t } from '@shared/i18n';

/** 保存 (Enter) / 取消 (Esc), inside the form so Enter in a one-line field submits it. */
export function FormButtons({ busy, onCancel, submitLabel }: { busy?: boolean; onCancel(): void; submitLabel?: string }) {
  return (
    <Flex gap={8} justify="flex-end" style={{ marginTop: 8 }}>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" htmlType="submit" loading={busy}>
        {submitLabel ?? t('common.saveHint')}
      </Button>
    </Flex>
  );
}
