/**
 * Formats benchmark reports as `deno fmt` would (the repo's settings), so
 * the files written under docs/ stay fmt-clean.
 *
 * @module
 */

const REPO = decodeURIComponent(new URL("..", import.meta.url).pathname);

/** Returns `text` formatted as Markdown by `deno fmt`. */
export async function formatMarkdown(text: string): Promise<string> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--ext", "md", "-"],
    cwd: REPO,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(text));
  await writer.close();
  const out = await child.output();
  if (!out.success) throw new Error(`deno fmt: ${new TextDecoder().decode(out.stderr)}`);
  return new TextDecoder().decode(out.stdout);
}
