/**
 * Interactive course figures as a reader uses them in a static page (a handout, no kernel):
 * where each Plotly slider's steps are, a click on one, and a fingerprint of what the figure
 * draws (its plot area, shapes and title — not the slider itself), to tell whether moving
 * the slider changed the drawing.
 */
import type { Page } from "playwright-core";
import { FIGURE_CLASS } from "@redes-neurais/lib/ferramentas";

/** The graph of the `index`-th course figure of the page, as a JavaScript expression. */
const graph = (index: number) =>
  `(() => { const figure = document.querySelectorAll(".${FIGURE_CLASS}")[${index}]; ` +
  `return figure?.classList.contains("js-plotly-plot") ? figure : figure?.querySelector(".js-plotly-plot"); })()`;

/** The page-centre of each step's tick on the first slider of figure `index` (scrolled into view). */
export async function sliderTickPositions(page: Page, index: number): Promise<{ x: number; y: number }[]> {
  return (await page.evaluate(`(() => {
    const gd = ${graph(index)};
    if (!gd) return [];
    gd.scrollIntoView({ block: "center" });
    const rail = gd.querySelector(".slider-container .slider-rail-rect")?.getBoundingClientRect();
    return [...gd.querySelectorAll(".slider-container .slider-tick-rect")].map((tick) => {
      const box = tick.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: rail ? rail.top + rail.height / 2 : box.top };
    });
  })()`)) as { x: number; y: number }[];
}

/** What figure `index` draws now: its active slider step and a hash of its plot, shapes and title. */
export async function drawnState(page: Page, index: number): Promise<{ active: number | null; drawing: string; title: string }> {
  return (await page.evaluate(`(() => {
    const gd = ${graph(index)};
    if (!gd) return { active: null, drawing: "", title: "" };
    // Coordinates rounded to 0.1 px: a relayout may move an axis by 1e-13 px without changing the picture.
    const parts = [...gd.querySelectorAll(".cartesianlayer, .shapelayer, .g-gtitle")]
      .map((element) => element.innerHTML)
      .join("|")
      .replace(/-?\\d+\\.\\d+/g, (number) => String(Math.round(Number(number) * 10) / 10));
    let hash = 5381;
    for (let i = 0; i < parts.length; i++) hash = ((hash * 33) ^ parts.charCodeAt(i)) >>> 0;
    return {
      active: gd.layout?.sliders?.[0]?.active ?? null,
      drawing: parts.length + ":" + hash.toString(16),
      title: gd.querySelector(".g-gtitle")?.textContent ?? "",
    };
  })()`)) as { active: number | null; drawing: string; title: string };
}

/**
 * Clicks step `step` of the first slider of figure `index`, as a reader would with the mouse,
 * and waits (bounded) until the figure says that step is active.
 */
export async function moveSlider(page: Page, index: number, step: number): Promise<void> {
  const ticks = await sliderTickPositions(page, index);
  const tick = ticks[step];
  if (!tick) throw new Error(`a figura ${index} não tem o passo ${step} no controle deslizante (${ticks.length} passos)`);
  await page.mouse.click(tick.x, tick.y);
  await page
    .waitForFunction(`${graph(index)}?.layout?.sliders?.[0]?.active === ${step}`, undefined, { timeout: 5_000 })
    .catch(() => undefined);
  await page.waitForTimeout(200);
}

/** A screenshot of figure `index` alone. */
export async function screenshotFigure(page: Page, index: number, file: string): Promise<void> {
  await page.locator(`.${FIGURE_CLASS}`).nth(index).screenshot({ path: file });
}
