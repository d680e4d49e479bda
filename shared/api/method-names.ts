import type { MethodName } from './contract';

// The contract's method names as a plain list, for code that must not pull zod in: the sandboxed
// Electron preload bundles this file alone. The compiler checks it names exactly the contract's
// methods (below); tests/unit/electron-preload.test.ts checks it equals METHOD_NAMES in order.

export const METHOD_NAME_LIST = [
  'appStatus', 'setupAdmin', 'signIn', 'signOut', 'currentSession', 'staffList', 'staffCreate', 'staffUpdate',
  'consultationCreate', 'consultationUpdate', 'consultationGet', 'consultationList',
  'callStart', 'callInProgress', 'callEnd', 'callsByNumber', 'ticketList', 'ticketGet', 'ticketReturnCall',
  'policySearch', 'policyGet', 'policyFacets', 'policyImport', 'enterpriseLookup', 'enterpriseGet', 'enterpriseImport',
  'enterpriseTagAdd', 'enterpriseTagRemove', 'matchEnterprise', 'matchListPdf', 'matchItem', 'matchItemExport',
  'applicationCreate', 'applicationList', 'applicationGet', 'applicationMaterialMark', 'applicationPagesAdd',
  'applicationPageOp', 'applicationDecide', 'applicationSupplement', 'applicationRoute', 'applicationExtend',
  'applicationDeliver', 'applicationProgress', 'documentGet', 'documentPrint',
  'scanDevices', 'scanStart', 'scanStatus', 'scanCancel', 'hotFolderStatus', 'hotFolderArm', 'printerList', 'printSettingsGet',
  'printSettingsSet', 'materialPdf', 'applicationPageImage',
  'backOfficeInbox', 'backOfficeCase', 'backOfficeMaterialPdf', 'backOfficeDecide',
  'calendarDays', 'calendarSet', 'calendarRemove', 'calendarImportNotice',
  'syncStatus', 'syncNow', 'syncEnrol', 'syncRejected', 'syncDayClose', 'syncDayCloseLast', 'syncDayReport', 'syncDayReportPrint',
] as const satisfies readonly MethodName[];

// a contract method missing from the list is a compile error here
type Missing = Exclude<MethodName, (typeof METHOD_NAME_LIST)[number]>;
export const METHOD_NAME_LIST_COMPLETE: [Missing] extends [never] ? true : Missing = true;

/** The IPC channel of a method: one `ipcMain.handle` per channel, one preload function per channel. */
export const ipcChannel = (method: MethodName): `api:${MethodName}` => `api:${method}`;
