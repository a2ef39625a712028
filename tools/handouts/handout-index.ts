/**
 * Writes the handouts' `index.html`: every course notebook whose handout exists in the
 * folder, in course order.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { writeFileAtomically } from "@redes-neurais/lib/ferramentas";
import { type CourseNotebook, readTitle } from "../notebooks/course-notebooks";
import { courseName } from "./build-handout";
import { indexPage, type IndexEntry } from "./index-page";

export async function writeHandoutIndex(
  all: readonly CourseNotebook[],
  folder: string,
  builtAt: Date = new Date(),
): Promise<{ file: string; entries: IndexEntry[] }> {
  const entries: IndexEntry[] = [];
  for (const notebook of all) {
    const href = `${notebook.name}.html`;
    if (!existsSync(path.join(folder, href))) continue;
    entries.push({
      number: notebook.number,
      title: (await readTitle(notebook.file)) ?? notebook.name,
      href,
      source: notebook.displayPath,
    });
  }
  const file = path.join(folder, "index.html");
  await writeFileAtomically(file, indexPage(courseName, entries, builtAt));
  return { file, entries };
}
