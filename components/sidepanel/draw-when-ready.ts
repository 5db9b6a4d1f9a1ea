import type { StoreApi } from "zustand/vanilla";
import { canShowSettings } from "./SidePanel";
import type { PanelState } from "./store";

/**
 * Draws the live panel into `app` once it can show the settings (from the snapshot at once, or after the first
 * reads), when `app` holds the first screen written at build time (lib/shared/panel-page.ts): that screen stays until
 * then, rather than "Loading…" over it. It also keeps the page whole: Preact reuses the page's elements when the
 * first live render matches them (a `<main>`), but would draw a "Loading…" beside them and leave them there. Without
 * a first screen in the page (the dev server), draws at once.
 */
export function drawWhenReady(store: StoreApi<PanelState>, app: HTMLElement, draw: () => void): void {
  if (canShowSettings(store.getState()) || !app.firstElementChild) {
    draw();
    return;
  }
  const unsubscribe = store.subscribe((state) => {
    if (!canShowSettings(state)) return;
    unsubscribe();
    draw();
  });
}
