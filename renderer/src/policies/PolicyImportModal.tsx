import type { ImportReport } from '@shared/policies/api-schemas';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { ImportModal } from '../common/ImportModal';
import { usePolicyCache } from './policy-cache';

/** 导入政策 (后台 / 管理员): a policydesk.policies/1 JSON file; refused records are named with their field. */
export function PolicyImportModal({ open, onClose, onImported }: { open: boolean; onClose(): void; onImported(r: ImportReport): void }) {
  return (
    <ImportModal
      open={open}
      onClose={onClose}
      title={t('policyImport.title')}
      accept=".json,application/json"
      hint={t('policyImport.hint')}
      recordLabel={t('policyImport.record')}
      fieldLabel={t('policyImport.field')}
      testId="policy-import"
      run={async (file) => api.policyImport({ fileName: file.name.slice(0, 200), content: await file.text() })}
      onImported={(r) => {
        usePolicyCache.getState().clear();
        onImported(r);
      }}
    />
  );
}
