/**
 * exceljs, loaded when a sheet is first read or written: loading it took about 0.4 s, which every
 * start of the core paid (the workstation, the web host, each test's core) for a rare import or export.
 */
export const loadExcel = async () => (await import('exceljs')).default;
