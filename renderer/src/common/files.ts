// Files in and out of the renderer: what a person picks (read as text or base64) and what the core
// generates (PDF, XLSX) as a blob URL to preview, download or print. No Node here: browser APIs only.

/** The core's generated file (FileOutput) as a Blob. */
export function blobOf(file: { base64: string; mimeType: string }): Blob {
  const bin = atob(file.base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: file.mimeType });
}

/** Saves a blob under a name (the browser's or Electron's download). */
export function downloadBlob(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Saves a generated file at once (XLSX exports). */
export function downloadFile(file: { base64: string; mimeType: string; fileName: string }): void {
  const url = URL.createObjectURL(blobOf(file));
  downloadBlob(url, file.fileName);
  // the download has taken its copy by the time the next task runs
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A picked file's bytes as base64 (CSV/XLSX imports). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin);
}
