/**
 * The progress bar `deno task flash` and `deno task ota` draw.
 *
 * @module
 */

/** Draws an upload progress bar. */
export function progressBar(sent: number, total: number, width = 30): string {
  const fraction = total > 0 ? Math.min(1, sent / total) : 0;
  const filled = Math.round(fraction * width);
  const kb = (n: number) => (n / 1024).toFixed(1);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${
    String(Math.floor(fraction * 100)).padStart(3)
  }% ${kb(sent)}/${kb(total)} KB`;
}
