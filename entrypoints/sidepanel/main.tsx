import { render } from "preact";
import { browser } from "wxt/browser";
import { SidePanel } from "../../components/sidepanel/SidePanel";
import { createPanelStore } from "../../components/sidepanel/store";
import { readSettings, settingItems } from "../../lib/settings/settings";

const store = createPanelStore({
  send: (request) => browser.runtime.sendMessage(request),
  readSettings,
  writeSetting: (name, value) => settingItems[name].setValue(value),
});

for (const item of Object.values(settingItems)) item.watch(() => readSettings().then(store.getState().settingsChanged));
store.getState().load();
render(<SidePanel store={store} />, document.getElementById("app") as HTMLElement);
