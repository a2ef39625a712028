/**
 * The whole-course PDF: the print page (print-page.ts) opened in headless Chromium from a
 * file, with the network cut off, every Plotly figure drawn, then printed with
 * playwright-core's `page.pdf` (A4, page numbers, an outline from the headings).
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { writeFileAtomically } from "@redes-neurais/lib/ferramentas";
import { withHeadlessChromiumPage } from "../browser/headless-chromium";
import { waitForHandoutFigures } from "../browser/handout";
import { blockNetwork } from "../browser/offline";
import { pdfPageCount } from "./pdf-facts";

export interface CoursePdf {
  file: string;
  pages: number;
  bytes: number;
  /** Figures on the print page, and how many Plotly drew before printing. */
  figures: number;
  figuresDrawn: number;
  /** Requests for anything outside the machine that the page tried (and were refused). */
  refusedRequests: string[];
}

/** A4's width less the side margins of print-page.ts, in CSS pixels: figures are laid out at the printed width. */
const printWidthPx = 698;
const footer = `<div style="font: 8px system-ui, sans-serif; color: #616e7c; width: 100%; text-align: center;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

export async function printCoursePdf(printHtml: string, file: string, timeoutMs = 300_000): Promise<CoursePdf> {
  const work = await mkdtemp(path.join(tmpdir(), "redes-neurais-pdf-"));
  try {
    const source = path.join(work, "curso.html");
    await writeFile(source, printHtml);
    const printed = path.join(work, "curso.pdf");
    const drawn = await withHeadlessChromiumPage({ timeoutMs }, async (page) => {
      const refusedRequests = await blockNetwork(page.context());
      await page.setViewportSize({ width: printWidthPx, height: 1000 });
      await page.emulateMedia({ media: "print" });
      await page.goto(pathToFileURL(source).href, { waitUntil: "load" });
      await waitForHandoutFigures(page, timeoutMs);
      const figures = (await page.evaluate(`(() => {
        const graphs = [...document.querySelectorAll(".js-plotly-plot")];
        return [graphs.length, graphs.filter((graph) => graph.querySelector(".main-svg") !== null).length];
      })()`)) as [number, number];
      await page.pdf({
        path: printed,
        format: "A4",
        printBackground: true,
        outline: true,
        tagged: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: footer,
        margin: { top: "16mm", bottom: "18mm", left: "13mm", right: "13mm" },
      });
      return { figures: figures[0], figuresDrawn: figures[1], refusedRequests: [...refusedRequests] };
    });
    const pdf = await readFile(printed);
    await writeFileAtomically(file, pdf);
    return { file, pages: pdfPageCount(pdf), bytes: pdf.length, ...drawn };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
