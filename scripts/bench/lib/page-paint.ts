/**
 * Read, after the fact, when the side panel painted its settings: the Element Timing entry of the
 * "SmartRecruiters integration" switch's label (the panel marks it `elementtiming`),
 * from the page's buffered performance entries. Nothing runs in the page while it loads.
 * Self-contained (serialized into the page); times are ms since navigation start.
 */
export interface PanelPaint {
  /** Paint Timing's paint time: the rendering update that painted the switch's label (main thread). */
  switchPaintedAt: number | null;
  /** When that frame was presented (Element Timing renderTime). */
  switchPresentedAt: number | null;
  /** first-contentful-paint, paint and presentation time. */
  fcpPaintedAt: number | null;
  fcpPresentedAt: number | null;
  /** Navigation Timing: HTML parsed (before the module script runs). */
  domInteractive: number | null;
  /** The switch is there now, with that label, a box and visible. */
  switchVisible: boolean;
  /** Test builds: when the panel's script started, and when it had rendered (entrypoints/sidepanel/script-started.ts). */
  scriptStartedAt: number | null;
  renderedAt: number | null;
  /** The page's text, for errors. */
  text: string;
}

export const switchLabel = "SmartRecruiters integration";
/** The `elementtiming` of that label (components/sidepanel/SidePanel.tsx). */
export const switchTimingId = "integration-enabled-label";

interface PaintTimed extends PerformanceEntry {
  paintTime?: number;
  presentationTime?: number;
  renderTime?: number;
  identifier?: string;
}

export function readPanelPaint(args: { label: string; timingId: string; marks: [string, string] }): Promise<PanelPaint> {
  const buffered = (type: string) =>
    new Promise<PaintTimed[]>((resolve) => {
      try {
        const observer = new PerformanceObserver((list) => {
          observer.disconnect();
          resolve(list.getEntries() as PaintTimed[]);
        });
        observer.observe({ type, buffered: true });
        setTimeout(() => {
          observer.disconnect();
          resolve([]);
        }, 500);
      } catch {
        resolve([]);
      }
    });
  return Promise.all([buffered("element"), buffered("paint")]).then(([elements, paints]) => {
    const element = elements.find((entry) => entry.identifier === args.timingId);
    const fcp = paints.find((entry) => entry.name === "first-contentful-paint");
    const input = [...document.querySelectorAll<HTMLInputElement>('input[role="switch"]')].find(
      (candidate) => candidate.closest("label")?.textContent?.trim() === args.label,
    );
    const box = input?.getBoundingClientRect();
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const mark = (name: string) => performance.getEntriesByName(name, "mark")[0]?.startTime ?? null;
    return {
      switchPaintedAt: element ? (element.paintTime ?? element.renderTime ?? null) : null,
      switchPresentedAt: element ? (element.presentationTime ?? element.renderTime ?? null) : null,
      fcpPaintedAt: fcp ? (fcp.paintTime ?? fcp.startTime) : null,
      fcpPresentedAt: fcp ? (fcp.presentationTime ?? fcp.startTime) : null,
      domInteractive: navigation?.domInteractive ?? null,
      switchVisible: input !== undefined && box !== undefined && box.width > 0 && box.height > 0 && input.checkVisibility(),
      scriptStartedAt: mark(args.marks[0]),
      renderedAt: mark(args.marks[1]),
      text: (document.body.textContent ?? "").replace(/\s+/gu, " ").trim().slice(0, 160),
    };
  });
}
