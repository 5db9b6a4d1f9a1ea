import { act, render, screen } from "@testing-library/preact";
import { describe, expect, it } from "vitest";
import { createStore } from "zustand/vanilla";
import { bindStore } from "./bound-store";

describe("bindStore", () => {
  it("re-renders on every change, with or without a selector, and sees a change made before it subscribed", () => {
    const store = bindStore(createStore<{ count: number }>()(() => ({ count: 0 })));
    function Whole() {
      return <p data-testid="whole">{store().count}</p>;
    }
    function Selected() {
      const count = store((state) => state.count);
      if (count === 0) store.setState({ count: 1 }); // a change during the first render
      return <p data-testid="selected">{count}</p>;
    }
    render(
      <>
        <Whole />
        <Selected />
      </>,
    );
    expect(screen.getByTestId("selected").textContent).toBe("1");
    act(() => store.setState({ count: 5 }));
    expect(screen.getByTestId("whole").textContent).toBe("5");
    expect(screen.getByTestId("selected").textContent).toBe("5");
  });
});
