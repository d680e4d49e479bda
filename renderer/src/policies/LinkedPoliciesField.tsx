import { useState } from 'react';
import { Button, Flex, Form, Tag, Tooltip, Typography } from 'antd';
import { CloseOutlined, CopyOutlined } from '@ant-design/icons';
import { t } from '@shared/i18n';
import { PolicyDetailDrawer } from './PolicyDetailDrawer';
import { useCopyKeyPoints } from './useCopyKeyPoints';
import { useLinkTargetStore, type LinkedPolicy } from './link-target-store';

function LinkedTags({ value = [] }: { value?: LinkedPolicy[]; onChange?(v: LinkedPolicy[]): void }) {
  const copyOne = useCopyKeyPoints();
  const [detailId, setDetailId] = useState<string | null>(null);
  const remove = (l: LinkedPolicy) => useLinkTargetStore.getState().target?.remove(l);

  if (!value.length) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('link.none')}
      </Typography.Text>
    );
  }
  return (
    <Flex wrap gap={6} data-testid="linked-policies">
      {value.map((l) => {
        const name = l.itemName ? `${l.title}${t('common.separator')}${l.itemName}` : l.title;
        return (
          <Tag key={`${l.policyId}/${l.itemId ?? ''}`} color="blue" style={{ marginInlineEnd: 0, display: 'inline-flex', alignItems: 'center', maxWidth: '100%', paddingInlineEnd: 2 }} data-testid="linked-policy">
            <Tooltip title={[l.title, l.docNo, l.itemName].filter(Boolean).join(t('common.separator'))}>
              <Typography.Link ellipsis style={{ maxWidth: 360, fontSize: 12 }} onClick={() => setDetailId(l.policyId)}>
                {name}
              </Typography.Link>
            </Tooltip>
            <Button type="text" size="small" icon={<CopyOutlined />} aria-label={t('link.copyOne', { name })} title={t('link.copyOne', { name })} onClick={() => void copyOne(l)} />
            <Button type="text" size="small" icon={<CloseOutlined />} aria-label={t('link.remove', { name })} title={t('link.remove', { name })} onClick={() => remove(l)} />
          </Tag>
        );
      })}
      <PolicyDetailDrawer policyId={detailId} onClose={() => setDetailId(null)} />
    </Flex>
  );
}

/** 关联政策 in the consultation form: the library's policies (and items) linked, each removable. */
export function LinkedPoliciesField() {
  return (
    <Form.Item name="policyLinks" label={t('field.policyLinks')}>
      <LinkedTags />
    </Form.Item>
  );
}
