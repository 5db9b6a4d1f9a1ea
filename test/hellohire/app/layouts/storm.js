/**
 * Mutation storm for the layout pages, off unless the address has `?storm=1`:
 * - every second the candidate's name element (`[data-storm-name]`) is replaced by a fresh equal one
 *   (same tag, attributes and text), as a framework re-render does;
 * - every 100 ms each timer (`[data-storm-timer]`) ticks;
 * - 20 times a second a video tile (child of `[data-storm-tiles]`) changes a class, an attribute and a text.
 * The reader must not rely on these data-storm-* attributes: they are only this script's handles.
 * `window.stormRenders` counts the name's re-renders, for tests that wait for some.
 */
(() => {
  if (new URLSearchParams(location.search).get("storm") !== "1") return;

  const levels = ["▁", "▁▂", "▁▂▃", "▁▂▃▅", "▁▂▃▅▇"];
  const started = Date.now();
  let renders = 0;
  let step = 0;
  window.stormRenders = 0;

  function rerenderName() {
    const name = document.querySelector("[data-storm-name]");
    if (!name) return;
    name.replaceWith(name.cloneNode(true));
    window.stormRenders = ++renders;
  }

  function tick() {
    const tenths = Math.floor((Date.now() - started) / 100);
    const minutes = String(Math.floor(tenths / 600)).padStart(2, "0");
    const seconds = String(Math.floor(tenths / 10) % 60).padStart(2, "0");
    for (const timer of document.querySelectorAll("[data-storm-timer]"))
      timer.textContent = `${minutes}:${seconds}.${tenths % 10}`;
  }

  function levelOf(tile) {
    let level = tile.querySelector(":scope > [data-storm-level]");
    if (!level) {
      level = document.createElement("span");
      level.setAttribute("data-storm-level", "");
      level.setAttribute("aria-hidden", "true");
      tile.append(" ", level);
    }
    return level;
  }

  function flicker() {
    const tiles = document.querySelectorAll("[data-storm-tiles] > *");
    if (tiles.length === 0) return;
    const tile = tiles[step % tiles.length];
    step++;
    tile.classList.toggle("speaking");
    tile.setAttribute("data-volume", String(step % levels.length));
    tile.style.outline = step % 2 ? "2px solid #3ddc84" : "";
    levelOf(tile).textContent = levels[step % levels.length];
  }

  setInterval(rerenderName, 1000);
  setInterval(tick, 100);
  setInterval(flicker, 50);
})();
