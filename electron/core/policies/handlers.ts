import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@shared/api/errors';
import { chinaDate } from '@shared/time/china-time';
import type { CoreEnv, Handlers } from '../api/handler-types';
import { signedIn } from '../api/handler-types';
import { recordChange } from '../db/record-change';
import { importPolicyFile } from './import-policies';
import { PolicyReader } from './policy-read';
import { searchPolicies, warmPolicySearch } from './search/policy-search';

export const SAMPLE_LIBRARY = path.join('policies', 'sample-library.json');

/** On first start the sample library fills an empty policy table (the centre's sync replaces this later). */
export function loadSampleLibrary(env: CoreEnv, resourcesDir: string): void {
  const file = path.join(resourcesDir, SAMPLE_LIBRARY);
  if (new PolicyReader(env.db).count() > 0 || !fs.existsSync(file)) return;
  const report = importPolicyFile(env.db, fs.readFileSync(file, 'utf8'), env.now().toISOString());
  env.db.transaction(() =>
    recordChange(env, { entity: 'policy_library', entityId: 'sample', action: 'import', staffId: null, detail: { created: report.created, rejected: report.rejected } }),
  )();
}

export function policyHandlers(env: CoreEnv, onLibraryChanged: () => void): Pick<Handlers, 'policySearch' | 'policyGet' | 'policyFacets' | 'policyImport'> {
  const reader = new PolicyReader(env.db);
  const today = () => chinaDate(env.now());
  return {
    policySearch: (input) => searchPolicies(env.db, input, today()),

    policyGet({ id }) {
      const p = reader.detail(id, today());
      if (!p) throw new AppError('NOT_FOUND');
      return p;
    },

    policyFacets: () => ({ departments: reader.departments(), total: reader.count() }),

    policyImport({ fileName, content }, caller) {
      const staff = signedIn(caller);
      const report = importPolicyFile(env.db, content, env.now().toISOString());
      env.db.transaction(() =>
        recordChange(env, {
          entity: 'policy_library', entityId: fileName || 'upload', action: 'import', staffId: staff.id,
          detail: { fileName, created: report.created, updated: report.updated, rejected: report.rejected },
        }),
      )();
      if (report.created + report.updated > 0) {
        onLibraryChanged();
        // reload search's in-memory facts now, so the next search does not pay for it
        warmPolicySearch(env.db);
      }
      return report;
    },
  };
}
