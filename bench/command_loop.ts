/**
 * The loop a load-generator process runs: one JSON command per stdin line, one JSON reply per
 * stdout line, in order; a command that throws is answered with its error. `exit` ends the
 * process after its reply, and so does stdin closing (the benchmark is gone).
 *
 * ```ts
 * await serveCommands(async (command: { op: string }) => ({ ok: true, op: command.op }));
 * ```
 *
 * @module
 */

/** Answers each stdin command with `handle`'s reply until `exit` or the end of stdin. */
export async function serveCommands<Command extends { op: string }, Reply>(
  handle: (command: Command) => Promise<Reply>,
): Promise<never> {
  const encoder = new TextEncoder();
  const reply = (value: Reply | { ok: false; error: string }) => {
    const bytes = encoder.encode(JSON.stringify(value) + "\n");
    for (let done = 0; done < bytes.length;) done += Deno.stdout.writeSync(bytes.subarray(done));
  };
  let buffered = "";
  for await (const chunk of Deno.stdin.readable.pipeThrough(new TextDecoderStream())) {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      const command = JSON.parse(line) as Command;
      try {
        reply(await handle(command));
      } catch (error) {
        reply({ ok: false, error: (error as Error).message });
      }
      if (command.op === "exit") Deno.exit(0);
    }
  }
  Deno.exit(0);
}
