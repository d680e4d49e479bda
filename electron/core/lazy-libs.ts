// Heavy libraries for rare work, loaded on first use, not with the core: together they took about
// 0.5 s of every start (the workstation, the web host, each core a test makes). Each import() runs
// its library once; later calls get the loaded module.

/** exceljs: imports and exports of sheets (~0.4 s to load). */
export const loadExcel = async () => (await import('exceljs')).default;
/** sharp (libvips): page images (~0.1 s). */
export const loadSharp = async () => (await import('sharp')).default;
/** fontkit and subset-font: the fonts of documents (~0.25 s). */
export const loadFontkit = async () => (await import('@pdf-lib/fontkit')).default;
export const loadSubsetFont = async () => (await import('subset-font')).default;
