/**
 * The page's element structure with every text and attribute value redacted, so an admin can
 * send it to fix the markup table without leaking candidate data. Equal attribute values get
 * equal tokens (v1, v2, ...) so the shape stays readable; text shows only its length.
 */
export function redactedStructure(
  root: Element,
  options: { maxDepth?: number; maxNodes?: number; skip?: (element: Element) => boolean } = {},
): string {
  const maxDepth = options.maxDepth ?? 40;
  const maxNodes = options.maxNodes ?? 5000;
  const tokens = new Map<string, string>();
  const token = (value: string) => {
    let t = tokens.get(value);
    if (!t) {
      t = `v${tokens.size + 1}`;
      tokens.set(value, t);
    }
    return t;
  };
  const lines: string[] = [];
  let count = 0;

  function visit(element: Element, depth: number) {
    if (count >= maxNodes || options.skip?.(element)) return;
    count += 1;
    const tag = element.tagName.toLowerCase();
    if (tag === "script" || tag === "style" || tag === "noscript") return;
    const attributes = [...element.attributes].map((a) => (a.value === "" ? a.name : `${a.name}="${token(a.value)}"`));
    const text = [...element.childNodes]
      .filter((n) => n.nodeType === 3)
      .map((n) => (n.textContent ?? "").trim().length)
      .filter((length) => length > 0);
    const textNote = text.length ? ` #text(${text.join(",")})` : "";
    lines.push(`${"  ".repeat(depth)}<${[tag, ...attributes].join(" ")}>${textNote}`);
    if (depth >= maxDepth) return;
    for (const child of element.children) visit(child, depth + 1);
  }

  visit(root, 0);
  if (count >= maxNodes) lines.push(`… cut at ${maxNodes} elements`);
  return lines.join("\n");
}
