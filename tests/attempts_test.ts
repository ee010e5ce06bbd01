import assert from "node:assert/strict";
import { Retryable, retryWhileRetryable } from "./attempts.ts";

Deno.test("retryWhileRetryable: a check that passes on a later attempt passes", async () => {
  const seen: number[] = [];
  await retryWhileRetryable({ attempts: 3 }, (attempt) => {
    seen.push(attempt);
    return attempt < 3 ? Promise.reject(new Retryable(`late edge ${attempt}`)) : Promise.resolve();
  });
  assert.deepEqual(seen, [1, 2, 3]);
});

Deno.test("retryWhileRetryable: a check that passes at once runs once", async () => {
  let runs = 0;
  await retryWhileRetryable({ attempts: 3 }, () => {
    runs++;
    return Promise.resolve();
  });
  assert.equal(runs, 1);
});

Deno.test("retryWhileRetryable: every attempt failing fails with each attempt's message", async () => {
  let runs = 0;
  await assert.rejects(
    retryWhileRetryable({ attempts: 3 }, (attempt) => {
      runs++;
      return Promise.reject(new Retryable(`worst timing error ${attempt + 5} ms`));
    }),
    (error: Error) => {
      assert.ok(error instanceof assert.AssertionError);
      assert.equal(
        error.message,
        "attempt 1: worst timing error 6 ms\nattempt 2: worst timing error 7 ms\n" +
          "attempt 3: worst timing error 8 ms",
      );
      return true;
    },
  );
  assert.equal(runs, 3);
});

Deno.test("retryWhileRetryable: any other failure is thrown at once, not retried", async () => {
  let runs = 0;
  const wrong = new assert.AssertionError({ message: "LED stopped", actual: 0, expected: 1 });
  await assert.rejects(
    retryWhileRetryable({ attempts: 3 }, (attempt) => {
      runs++;
      return Promise.reject(attempt === 1 ? new Retryable("late edge") : wrong);
    }),
    (error) => error === wrong,
  );
  assert.equal(runs, 2);
});
