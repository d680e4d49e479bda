import type { ImportReport } from '@shared/policies/api-schemas';
import { t } from '@shared/i18n';
import { api } from '../api/client';
import { ImportModal } from '../common/ImportModal';
import { fileToBase64 } from '../common/files';

/** 导入企业数据 (后台 / 管理员): CSV (UTF-8 or GBK) or XLSX; each refused row is named with its column. */
export function EnterpriseImportModal({ open, onClose, onImported }: { open: boolean; onClose(): void; onImported?(r: ImportReport): void }) {
  return (
    <ImportModal
      open={open}
      onClose={onClose}
      title={t('profile.importTitle')}
      accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      hint={t('profile.importHint')}
      recordLabel={t('profile.importRow')}
      fieldLabel={t('profile.importColumn')}
      testId="enterprise-import"
      run={async (file) => api.enterpriseImport({ fileName: file.name.slice(0, 200), contentBase64: await fileToBase64(file) })}
      onImported={onImported}
    />
  );
}
