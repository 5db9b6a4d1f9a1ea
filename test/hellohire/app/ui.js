// Shared components: top bar, avatar, badges, buttons.

import { appHref } from "./data.js";
import { cx, h, initials } from "./dom.js";
import { icon } from "./icons.js";
import { css } from "./styles.js";

export function avatar(firstName, lastName, hue, size = "md") {
  return h(
    "span",
    {
      class: cx(css.Avatar.avatar, css.Avatar[size]),
      style: { "--avatar-hue": String(hue ?? 250) },
      "aria-hidden": "true",
    },
    initials(firstName, lastName),
  );
}

export function badge(text, tone = "neutral", options = {}) {
  return h(
    "span",
    { class: cx(css.Badge.badge, css.Badge[tone]), "data-testid": options.testid ?? null },
    options.dot ? h("span", { class: css.Badge.liveDot, "aria-hidden": "true" }) : null,
    text,
  );
}

/**
 * @param {string} label
 * @param {{ tone?: "primary"|"secondary"|"danger"|"ghost", icon?: string, testid?: string,
 *   onClick?: (event: MouseEvent) => void, disabled?: boolean, title?: string, type?: string }} options
 */
export function button(label, options = {}) {
  return h(
    "button",
    {
      type: options.type ?? "button",
      class: cx(css.Button.button, css.Button[options.tone ?? "secondary"]),
      "data-testid": options.testid ?? null,
      disabled: options.disabled ?? false,
      title: options.title ?? null,
      onClick: options.onClick ?? null,
    },
    options.icon ? icon(options.icon, { size: 16 }) : null,
    h("span", null, label),
  );
}

/** Same look as a button, but an in-app link (navigates with pushState). */
export function linkButton(label, href, options = {}) {
  return h(
    "a",
    {
      href,
      class: cx(css.Button.button, css.Button[options.tone ?? "primary"]),
      "data-testid": options.testid ?? null,
    },
    options.icon ? icon(options.icon, { size: 16 }) : null,
    h("span", null, label),
  );
}

export function logo() {
  return h(
    "a",
    { href: appHref("/events"), class: css.TopBar.brand, "aria-label": "Hellohire home" },
    h("span", { class: css.TopBar.logo, "aria-hidden": "true" }, icon("logo", { size: 16 })),
    h("span", { class: css.TopBar.wordmark }, "hellohire"),
  );
}

/**
 * @param {{ organization: string, interviewer: { name: string } }} session
 * @param {{ active?: string, onToggleTheme: () => void, theme: string }} options
 */
export function topBar(session, options) {
  const nav = [
    ["Events", "/events"],
    ["Interviews", "/events"],
    ["Candidates", "/events"],
    ["Reports", "/events"],
  ];
  const [first = "", last = ""] = session.interviewer.name.split(" ");
  return h(
    "header",
    { class: css.TopBar.bar, role: "banner" },
    logo(),
    h(
      "nav",
      { class: css.TopBar.nav, "aria-label": "Main" },
      nav.map(([label, path]) =>
        h(
          "a",
          {
            href: appHref(path),
            class: cx(css.TopBar.navLink, options.active === label && css.TopBar.navLinkActive),
            "aria-current": options.active === label ? "page" : null,
          },
          label,
        ),
      ),
    ),
    h(
      "div",
      { class: css.TopBar.search, role: "search" },
      icon("search", { size: 16 }),
      h("input", {
        class: css.TopBar.searchInput,
        type: "search",
        placeholder: "Search candidates, events…",
        "aria-label": "Search",
      }),
      h("kbd", { class: css.TopBar.kbd }, "/"),
    ),
    h(
      "div",
      { class: css.TopBar.actions },
      h(
        "button",
        {
          type: "button",
          class: css.TopBar.iconButton,
          title: options.theme === "dark" ? "Light theme" : "Dark theme",
          "aria-label": "Toggle theme",
          "data-testid": "theme-toggle",
          onClick: options.onToggleTheme,
        },
        icon(options.theme === "dark" ? "sun" : "moon", { size: 18 }),
      ),
      h("button", { type: "button", class: css.TopBar.iconButton, "aria-label": "Help" }, icon("help", { size: 18 })),
      h(
        "button",
        { type: "button", class: css.TopBar.iconButton, "aria-label": "Notifications (2 unread)" },
        icon("bell", { size: 18 }),
        h("span", { class: css.TopBar.dot, "aria-hidden": "true" }),
      ),
      h(
        "div",
        { class: css.TopBar.profile },
        avatar(first, last, 205, "sm"),
        h(
          "div",
          { class: css.TopBar.profileText },
          h("span", { class: css.TopBar.profileName }, session.interviewer.name),
          h("span", { class: css.TopBar.profileOrg }, session.organization),
        ),
        icon("chevronDown", { size: 14 }),
      ),
    ),
  );
}
