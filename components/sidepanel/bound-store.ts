import { useEffect, useState } from "preact/hooks";
import type { StoreApi } from "zustand/vanilla";

/**
 * A zustand store as a Preact hook, like zustand's `create`, without React compatibility code (which
 * the side panel would otherwise load just for this, and paint later).
 */
export type BoundStore<T> = StoreApi<T> & {
  (): T;
  <U>(selector: (state: T) => U): U;
};

export function bindStore<T>(api: StoreApi<T>): BoundStore<T> {
  function useBoundStore<U>(selector?: (state: T) => U): T | U {
    const [, rerender] = useState(0);
    const state = api.getState();
    useEffect(() => {
      const unsubscribe = api.subscribe(() => rerender((count) => count + 1));
      // A change between this render and the subscription would otherwise go unseen.
      if (api.getState() !== state) rerender((count) => count + 1);
      return unsubscribe;
    }, []);
    return selector ? selector(state) : state;
  }
  return Object.assign(useBoundStore, api) as BoundStore<T>;
}
