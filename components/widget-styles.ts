/**
 * How the widget's host element (in the page's DOM) is laid out, every declaration important: what a page
 * could use to hide, shrink, move or overlay it is set back to ours. Set twice: as the host's inline style
 * (lib/content/widget-host.ts puts it back when the page changes it), which beats any rule of the page, and in
 * the shadow root's `:host` rule with `all: initial` before it (every other property: translate/scale/rotate,
 * mix-blend-mode, content-visibility, transitions…), which the page cannot see and which beats even the page's
 * important declarations on the host (for important rules, the inner context wins).
 */
export const hostStyle =
  "display:block!important;position:static!important;visibility:visible!important;opacity:1!important;" +
  "transform:none!important;filter:none!important;clip-path:none!important;mask:none!important;" +
  "pointer-events:auto!important;zoom:1!important;float:none!important;z-index:auto!important;" +
  "width:auto!important;height:auto!important;overflow:visible!important;margin:6px 0 10px!important";

/**
 * The shadow root's rule adds the full reset and our font: text spacing (line height, letter and word
 * spacing) stays out of the inline style, so a reader's own stylesheet may still adjust it (WCAG 1.4.12).
 */
const hostRule = `all:initial!important;${hostStyle};font:13px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif!important`;

/** Styles of the injected widget; they live in its shadow root, so the page cannot restyle it and it cannot restyle the page. */
export const widgetStyles = `
:host { ${hostRule} }
.widget { --fg: #1f2933; --muted: #52606d; --border: #cbd2d9; --bg: #ffffff; --accent: #0b6bcb; --ok: #1f7a3f; --bad: #b42318;
  color: var(--fg); display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; }
:host([data-theme="dark"]) .widget { --fg: #e4e7eb; --muted: #9aa5b1; --border: #52606d; --bg: #1f2933; --accent: #7cc4fa; --ok: #6fcf97; --bad: #f28b82; }
.link { white-space: nowrap; color: var(--accent); font-weight: 600; text-decoration: underline; text-underline-offset: 2px; }
.link[aria-disabled="true"] { color: var(--muted); text-decoration: none; cursor: not-allowed; font-weight: 500; }
.ratings { display: inline-flex; gap: 4px; border: 0; margin: 0; padding: 0; min-width: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
button { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 6px; padding: 2px 12px; cursor: pointer; white-space: nowrap; }
button:hover:not(:disabled) { border-color: var(--accent); }
button[aria-pressed="true"] { background: var(--accent); border-color: var(--accent); color: var(--bg); font-weight: 600; }
button:disabled { opacity: .55; cursor: not-allowed; }
button.retry { min-width: 0; padding: 0 6px; border-color: var(--bad); color: var(--bad); }
a:focus-visible, button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.status { flex-basis: 100%; color: var(--muted); font-size: 12px; }
.status.error { color: var(--bad); }
.status.saved { color: var(--ok); }
.status.queued { color: var(--muted); font-style: italic; }
.status.notice { color: var(--fg); font-weight: 600; }
`;
