/** Saves `blob` as `fileName` through the browser's download, in the desktop app and web mode alike. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking within the click's task can cancel the download in some browsers before it has read the blob.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/** Saves `text` as a UTF-8 file of `mimeType`. */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  downloadBlob(fileName, new Blob([text], { type: `${mimeType};charset=utf-8` }));
}
