import { markPanel } from "../../lib/shared/timing";

// Imported first by main.tsx, so it runs before any other module of the panel's script (test builds only).
markPanel("srh-panel-script-started");
