import widgetCss from "./widget.css?inline";

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

/**
 * Styles of the injected widget; they live in its shadow root, so the page cannot restyle it and it cannot restyle
 * the page. The stylesheet (widget.css) is minified into the content script by the build.
 */
export const widgetStyles = `:host{${hostRule}}${widgetCss}`;
