/**
 * The course site, assembled in the handouts' folder after the handouts are built
 * (`npm run handouts`): every chapter page gets the sidebar, search, downloads, launch
 * link and previous / next links (site-chrome.ts); beside them go the notebooks to
 * download, the search index, the site's CSS and script, and the whole-course PDF. The
 * folder stays self-contained: it opens from file:// without a network.
 */
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { writeFileAtomically } from "@redes-neurais/lib/ferramentas";
import { ChromiumNotFoundError } from "../browser/chromium";
import { ChromiumLaunchError } from "../browser/headless-chromium";
import { type CourseNotebook, readTitle } from "../notebooks/course-notebooks";
import { projectRoot } from "../project.mjs";
import { courseName } from "../handouts/build-handout";
import { writeHandoutIndex } from "../handouts/handout-index";
import { type CoursePdf, printCoursePdf } from "./course-pdf";
import { withHeadingAnchors } from "./heading-anchors";
import { type LaunchLink, launchUrl } from "./launch-link";
import { printPage } from "./print-page";
import { buildSearchIndex, searchIndexScript } from "./search-index";
import { sectionsOfPage, type SearchDocument } from "./search-documents";
import { coursePdfName, type SiteChapter, siteAssets, siteChrome, withSiteChrome } from "./site-chrome";

/** Folders of the site: notebooks as committed, and as executed for the pages. */
export const siteFolders = { clean: "notebooks", executed: "executados" } as const;

export interface SiteOptions {
  launch: LaunchLink | null;
  /** Print the whole-course PDF (needs Chromium). */
  pdf: boolean;
  builtAt?: Date;
}

export interface SiteResult {
  index: string;
  chapters: SiteChapter[];
  searchDocuments: number;
  pdf: CoursePdf | null;
  /** Why there is no PDF, when there is none. */
  pdfMissingReason: string | null;
}

const assetsFolder = path.join(__dirname, "assets");

export async function buildCourseSite(all: readonly CourseNotebook[], folder: string, options: SiteOptions): Promise<SiteResult> {
  const builtAt = options.builtAt ?? new Date();
  const built = all.filter((notebook) => existsSync(path.join(folder, `${notebook.name}.html`)));
  await mkdir(path.join(folder, siteFolders.clean), { recursive: true });
  const chapters: SiteChapter[] = [];
  const pages: string[] = [];
  for (const notebook of built) {
    const notebookHref = `${siteFolders.clean}/${notebook.name}.ipynb`;
    await writeFileAtomically(path.join(folder, notebookHref), await readFile(notebook.file));
    const executedHref = `${siteFolders.executed}/${notebook.name}.ipynb`;
    const page = withHeadingAnchors(await readFile(path.join(folder, `${notebook.name}.html`), "utf8"));
    pages.push(page);
    const repositoryPath = path.relative(projectRoot, notebook.file).split(path.sep).join("/");
    chapters.push({
      number: notebook.number,
      title: (await readTitle(notebook.file)) ?? notebook.name,
      href: `${notebook.name}.html`,
      notebook: notebookHref,
      executedNotebook: existsSync(path.join(folder, executedHref)) ? executedHref : null,
      launchUrl: options.launch === null || repositoryPath.startsWith("..") ? null : launchUrl(options.launch, repositoryPath),
      launchLabel: options.launch?.label ?? null,
    });
  }

  let pdf: CoursePdf | null = null;
  let pdfMissingReason: string | null = options.pdf ? null : "desligado (--sem-pdf)";
  const pdfFile = path.join(folder, coursePdfName);
  if (options.pdf && chapters.length > 0) {
    const html = printPage(courseName, chapters.map((chapter, index) => ({ ...chapter, html: pages[index] ?? "" })), builtAt);
    try {
      pdf = await printCoursePdf(html, pdfFile);
    } catch (error) {
      if (!(error instanceof ChromiumNotFoundError || error instanceof ChromiumLaunchError)) throw error;
      pdfMissingReason = `o Chromium não pôde imprimir: ${error.message}`;
    }
  }
  if (pdf === null) await rm(pdfFile, { force: true });

  const documents: SearchDocument[] = [];
  for (const [index, chapter] of chapters.entries()) {
    const page = pages[index] ?? "";
    documents.push(...sectionsOfPage(page, chapter.href, chapter.title));
    await writeFileAtomically(path.join(folder, chapter.href), withSiteChrome(page, siteChrome(courseName, chapters, index, pdf !== null)));
  }
  const index = await writeHandoutIndex(all, folder, builtAt);
  await writeFileAtomically(index.file, withSiteChrome(await readFile(index.file, "utf8"), siteChrome(courseName, chapters, null, pdf !== null)));

  await writeFileAtomically(path.join(folder, siteAssets.searchIndex), searchIndexScript(buildSearchIndex(documents)));
  await copyFile(path.join(assetsFolder, "site.css"), path.join(folder, siteAssets.style));
  await copyFile(path.join(assetsFolder, "site.js"), path.join(folder, siteAssets.script));
  await copyFile(miniSearchBrowserBundle(), path.join(folder, siteAssets.miniSearch));
  return { index: index.file, chapters, searchDocuments: documents.length, pdf, pdfMissingReason };
}

/** MiniSearch's browser build (UMD: defines the global `MiniSearch`). */
function miniSearchBrowserBundle(): string {
  return path.join(path.dirname(require.resolve("minisearch")), "..", "umd", "index.js");
}
