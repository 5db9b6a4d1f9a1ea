const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timed out")), ms));

/**
 * Copies text from an extension page. The async Clipboard API can wait on focus or permission
 * (headless browsers, a panel without focus), so after a short wait it falls back to a selection copy.
 */
export async function copyToClipboard(text: string, doc: Document = document): Promise<void> {
  try {
    await Promise.race([navigator.clipboard.writeText(text), timeout(1000)]);
    return;
  } catch {
    // fall back below
  }
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  doc.body.append(area);
  area.select();
  const copied = doc.execCommand("copy");
  area.remove();
  if (!copied) throw new Error("copy refused");
}
