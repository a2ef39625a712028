const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text made safe to put inside HTML, both between tags and inside an attribute's quotes
 * (single or double): `& < > " '` become entities. The course's one HTML escape (notebook
 * outputs, the training monitor, tables, handouts, grading feedback).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}
