import { create } from "zustand";
import type { ConnectionStatus, ConnectResponse, Request, StatusResponse } from "../../lib/messaging/protocol";
import type { UserSettings } from "../../lib/settings/settings";

export interface PanelBackend {
  send(request: Request): Promise<unknown>;
  readSettings(): Promise<UserSettings>;
  writeSetting(name: keyof UserSettings, value: boolean): Promise<void>;
}

export interface PanelState {
  loaded: boolean;
  connection: ConnectionStatus | null;
  settings: UserSettings | null;
  busy: boolean;
  error: string | null;
  load(): Promise<void>;
  setSetting(name: keyof UserSettings, value: boolean): Promise<void>;
  connectApiKey(input: { apiKey: string; apiBaseUrl: string; profileUrlTemplate: string }): Promise<boolean>;
  disconnect(): Promise<void>;
  settingsChanged(settings: UserSettings): void;
}

export function createPanelStore(backend: PanelBackend) {
  return create<PanelState>()((set) => ({
    loaded: false,
    connection: null,
    settings: null,
    busy: false,
    error: null,
    async load() {
      const [status, settings] = await Promise.all([
        backend.send({ type: "getStatus" }) as Promise<StatusResponse>,
        backend.readSettings(),
      ]);
      set({ loaded: true, connection: status.connection, settings });
    },
    async setSetting(name, value) {
      set((state) => ({ settings: state.settings && { ...state.settings, [name]: value } }));
      await backend.writeSetting(name, value);
    },
    async connectApiKey(input) {
      set({ busy: true, error: null });
      const response = (await backend.send({ type: "connectApiKey", ...input })) as ConnectResponse;
      if (response.status === "ok") {
        set({ busy: false, connection: response.connection });
        return true;
      }
      set({ busy: false, error: response.message });
      return false;
    },
    async disconnect() {
      set({ busy: true, error: null });
      const response = (await backend.send({ type: "disconnect" })) as StatusResponse;
      set({ busy: false, connection: response.connection });
    },
    settingsChanged(settings) {
      set({ settings });
    },
  }));
}

export type PanelStore = ReturnType<typeof createPanelStore>;
