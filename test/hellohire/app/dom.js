// Tiny DOM helpers. Text is always inserted as text nodes (never parsed as HTML), so candidate
// data such as `<img src=x onerror=alert(1)>` stays inert.

/**
 * Creates an element. `props` keys: `class` (string or array), `style` (object of CSS properties,
 * custom properties allowed), `on<Event>` (listener), anything else becomes an attribute
 * (`true` → empty attribute, `null`/`undefined`/`false` → omitted).
 * @param {string} tag
 * @param {Record<string, unknown> | null} [props]
 * @param {...unknown} children strings, numbers, nodes, arrays, null/false (skipped)
 * @returns {HTMLElement}
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  applyProps(el, props);
  appendChildren(el, children);
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * Creates an SVG element (same props rules as `h`, attributes set verbatim).
 * @param {string} tag
 * @param {Record<string, unknown> | null} [props]
 * @param {...unknown} children
 * @returns {SVGElement}
 */
export function s(tag, props, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  applyProps(el, props);
  appendChildren(el, children);
  return el;
}

function applyProps(el, props) {
  if (!props) return;
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") {
      const names = Array.isArray(value) ? value.filter(Boolean).join(" ") : String(value);
      if (names) el.setAttribute("class", names);
    } else if (key === "style" && typeof value === "object") {
      for (const [prop, v] of Object.entries(value)) {
        if (v !== null && v !== undefined) el.style.setProperty(prop, String(v));
      }
    } else if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === "value" && "value" in el) {
      el.value = String(value);
    } else if (key === "checked" && "checked" in el) {
      el.checked = Boolean(value);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
}

function appendChildren(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === true) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Joins class names, skipping falsy ones. */
export function cx(...names) {
  return names.filter(Boolean).join(" ");
}

/** Replaces `oldNode` with `newNode` (like a keyed re-render) and returns the new node. */
export function swap(oldNode, newNode) {
  if (oldNode?.parentNode) oldNode.replaceWith(newNode);
  return newNode;
}

/** Initials for an avatar: first letters of first and last name (letters only, upper case). */
export function initials(firstName, lastName) {
  const pick = (text) => {
    const match = String(text ?? "").match(/\p{L}/u);
    return match ? match[0].toLocaleUpperCase() : "";
  };
  return pick(firstName) + pick(lastName) || "?";
}

/** Small, stable, non-cryptographic hash (FNV-1a 32-bit) used to derive fake data. */
export function hash(text) {
  let value = 0x811c9dc5;
  for (const char of String(text)) {
    value ^= char.codePointAt(0) ?? 0;
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value >>> 0;
}

/** Picks an item of `list` from a seed string. */
export function pick(list, seed) {
  return list[hash(seed) % list.length];
}

/** mm:ss for a duration in milliseconds. */
export function formatDuration(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

/** Clock time such as "10:42 AM". */
export function clockTime(date = new Date()) {
  return date.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" });
}
