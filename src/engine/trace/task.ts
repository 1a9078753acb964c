// Deep traces on a shallow stack. ovn-trace recurses once per table (trace__ → execute_next →
// trace__), so a packet looping until its TTL runs out nests thousands of lookups: more than a
// JavaScript stack holds (a browser worker's is about 1 MB). Each nested lookup is therefore a
// generator that yields the lookup it calls; runTask keeps the calls on an array instead.

/** A step of the trace that may call nested steps, and finally returns a T. */
export type Task<T> = Generator<Task<unknown>, T, unknown>;

/** Calls `task` from inside another task (`yield* call(…)`), and gives back what it returned. */
export function* call<T>(task: Task<T>): Generator<Task<unknown>, T, unknown> {
  return (yield task) as T;
}

/** Runs `root` and every task it calls, depth first, on an explicit stack. */
export function runTask<T>(root: Task<T>): T {
  const stack: Task<unknown>[] = [root];
  let value: unknown = undefined;
  for (;;) {
    const top = stack[stack.length - 1];
    const step = top.next(value);
    if (step.done) {
      stack.pop();
      value = step.value;
      if (stack.length === 0) return value as T;
    } else {
      stack.push(step.value);
      value = undefined;
    }
  }
}
