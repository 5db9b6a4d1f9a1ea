import "fake-indexeddb/auto";
import { cleanup } from "@testing-library/preact";
import { IDBFactory } from "fake-indexeddb";
import { afterEach, beforeEach } from "vitest";
import { forgetProtectedStorage } from "../../lib/shared/protected-item";

// Each test starts with an empty extension IndexedDB (what storage.local held before: lib/shared/protected-item.ts).
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  forgetProtectedStorage();
});

afterEach(() => cleanup());
