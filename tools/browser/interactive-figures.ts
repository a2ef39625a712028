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
async function sliderTickPositions(page: Page, index: number): Promise<{ x: number; y: number }[]> {
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
async function drawnState(page: Page, index: number): Promise<{ active: number | null; drawing: string; title: string }> {
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
async function moveSlider(page: Page, index: number, step: number): Promise<void> {
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
async function screenshotFigure(page: Page, index: number, file: string): Promise<void> {
  await page.locator(`.${FIGURE_CLASS}`).nth(index).screenshot({ path: file });
}

/** How many course figures the page has, and which of them (by index) carry a slider. */
async function figuresWithSliders(page: Page): Promise<{ index: number; steps: number }[]> {
  const count = (await page.evaluate(`document.querySelectorAll(".${FIGURE_CLASS}").length`)) as number;
  const found: { index: number; steps: number }[] = [];
  for (let index = 0; index < count; index++) {
    const steps = (await page.evaluate(`${graph(index)}?.layout?.sliders?.[0]?.steps?.length ?? 0`)) as number;
    if (steps > 0) found.push({ index, steps });
  }
  return found;
}

type DrawnState = Awaited<ReturnType<typeof drawnState>>;

/** One slider figure as a reader used it: the steps clicked, what each drew, and the way back. */
export interface SliderVisit {
  /** The figure's index among the page's course figures. */
  figure: number;
  /** Steps in the figure's slider, and ticks drawn for them. */
  steps: number;
  ticks: number;
  initial: DrawnState;
  visits: (DrawnState & { step: number })[];
  back: DrawnState;
}

/**
 * Clicks, on every slider figure of the page, the first, a middle and the last step (those
 * that are not the initial one), then the initial step again, recording what each draws;
 * `screenshot(figure, step)` names the file for the figure at its last step visited.
 */
export async function exerciseSliders(page: Page, screenshot: (figure: number, step: number) => string): Promise<SliderVisit[]> {
  const seen: SliderVisit[] = [];
  for (const { index, steps } of await figuresWithSliders(page)) {
    const ticks = (await sliderTickPositions(page, index)).length;
    const initial = await drawnState(page, index);
    const targets = [...new Set([0, Math.floor(steps / 3), steps - 1])].filter((step) => step !== initial.active);
    const visits: SliderVisit["visits"] = [];
    for (const step of targets) {
      await moveSlider(page, index, step);
      visits.push({ step, ...(await drawnState(page, index)) });
    }
    const last = targets[targets.length - 1];
    if (last !== undefined) await screenshotFigure(page, index, screenshot(index, last));
    await moveSlider(page, index, initial.active ?? 0);
    seen.push({ figure: index, steps, ticks, initial, visits, back: await drawnState(page, index) });
  }
  return seen;
}

/** What went wrong with the sliders {@link exerciseSliders} used: empty when each one works. */
export function sliderProblems(seen: readonly SliderVisit[]): string[] {
  const problems: string[] = [];
  for (const figure of seen) {
    const name = `figura ${figure.figure + 1}`;
    if (figure.ticks !== figure.steps) problems.push(`${name}: ${figure.ticks} marcas no controle para ${figure.steps} passos`);
    const missed = figure.visits.filter((visit) => visit.active !== visit.step);
    if (missed.length > 0) problems.push(`${name}: o clique não chegou aos passos ${missed.map((visit) => visit.step).join(", ")}`);
    const drawings = [figure.initial.drawing, ...figure.visits.map((visit) => visit.drawing)];
    if (new Set(drawings).size !== drawings.length) {
      problems.push(`${name}: passos diferentes desenharam a mesma coisa (${JSON.stringify(figure.visits.map(({ step, drawing }) => ({ step, drawing })))})`);
    }
    if (figure.back.drawing !== figure.initial.drawing || figure.back.title !== figure.initial.title) {
      problems.push(`${name}: de volta ao passo inicial, o desenho não é o mesmo`);
    }
  }
  return problems;
}

/** The library's figures that carry a slider (lib/src/activations, universality, backprop, convnet, dropout). */
const SLIDER_FIGURE_CALL =
  /(^|[^\w.])(weightSliderFigure|towerSliderFigure|lossSurfaceFigure|convolutionStepThroughFigure|maxPoolingStepThroughFigure|dropoutMaskFigure)\s*\(/gm;

/** How many calls of slider figures a notebook's code makes: its handout has at least that many sliders. */
export function sliderFigureCalls(codeSources: readonly string[]): number {
  return codeSources.reduce((sum, source) => sum + [...source.matchAll(SLIDER_FIGURE_CALL)].length, 0);
}
