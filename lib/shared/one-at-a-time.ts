/**
 * A queue of async tasks that run one after the other, each after the previous one settled (a
 * failure does not stop the queue; its caller gets the error). For read-modify-write of a storage
 * item, and for work that events can ask for several times at once.
 */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let chain: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = chain.then(task);
    chain = run.catch(() => undefined);
    return run;
  };
}
